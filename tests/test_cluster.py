"""``newsdesk ingest --cluster/--scheduler``: a real two-process Dask LocalCluster stores what the local ingest stores.

One local ingest of the inputs is the reference; the cluster runs (the CLI with its own cluster, and the
runner on a shared test cluster whose worker is killed mid-run) must leave the same articles, quotes,
entities, claims, places, story groups and errors, and a re-run must add nothing.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
from distributed import Client, LocalCluster
from distributed.scheduler import KilledWorker
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.cli import app
from newsdesk.ingest import local
from newsdesk.ingest.cluster import run
from newsdesk.ingest.cluster.chunks import Items, KnownRevisions
from newsdesk.ingest.cluster.runner import WORKER_DIED, _Flow
from newsdesk.ingest.local import RunStats
from newsdesk.ingest.sources import Item, collect
from newsdesk.ingest.worker import Failed
from newsdesk.store import Store

# Short, distinct news texts (headline, body), each with a quote, a number and a place for the NLP stages.
STORIES = [
    ("Lyon approves money for the new tram line",
     "The city council in Lyon voted on Tuesday to spend 120 million euros on a tram line to the eastern suburbs, "
     "officials said. \"This is the most important decision we have made in years,\" said mayor Claire Dubois, who "
     "had campaigned for the line since 2019. Opposition members asked for an independent review of the budget."),
    ("Porto harbour wall repaired after winter storms",
     "Engineers in Porto finished repairing 45 metres of the harbour wall on Friday, three months after storms "
     "broke through it. \"The fishing fleet can use the north quay again,\" harbour master Rui Almeida told "
     "reporters, adding that insurers would cover most of the bill for the concrete and the divers."),
    ("Leeds bus drivers accept pay offer",
     "Bus drivers in Leeds voted to accept a pay rise of 6 percent, ending a dispute that had cancelled 300 services "
     "a day since March. Union official Helen Marsh said members were tired of striking. \"Nobody wins when the "
     "buses stay in the depot,\" she said outside the garage on Kirkstall Road."),
    ("Graz opens flood barrier on the Mur",
     "A flood barrier protecting 18 streets along the river Mur in Graz was opened on Monday by the regional "
     "governor. \"Families here spent three summers pumping water out of their cellars,\" said Anton Huber, who "
     "chairs the residents' association. The barrier took four years to build and cost about 40 million euros."),
    ("Cork library extends weekend opening",
     "The central library in Cork will open on Sundays from next month after 2,000 people signed a petition, the "
     "city's arts office said. Librarian Niamh Walsh said students had nowhere quiet to work at weekends. "
     "\"We will add study desks on the second floor and keep the reading room warm,\" she said."),
    ("Turku ferry pier closed for safety checks",
     "The ferry pier in Turku was closed on Wednesday after divers found cracks in 9 of its supporting piles, the "
     "port authority said. Passengers to the archipelago were sent to a temporary berth. \"We cannot take any risk "
     "with people on the gangway,\" port director Mikko Lahti said in a statement."),
    ("Bergen fish market gets a new roof",
     "Traders at the fish market in Bergen will work under a new glass roof from May, after the city agreed to pay "
     "27 million kroner for it. \"The rain has kept customers away for too long,\" said Ingrid Solberg, who has "
     "sold salmon and crab on the quay for twenty years. Building work starts next week."),
    ("Oslo ski jump to host youth championship",
     "The ski jump above Oslo will host a youth championship with 33 teams in February, organisers announced on "
     "Thursday. \"Young jumpers rarely get to compete on a hill this famous,\" coach Kari Berg said. Tickets will "
     "be free for schools, and the city will run extra trains to the stadium on both days."),
    ("Riga bridge reopens to traffic",
     "The Stone Bridge in Riga reopened to cars on Saturday after 71 days of resurfacing work, the city's transport "
     "department said. \"Queues on the other crossings should disappear by Monday,\" engineer Janis Ozols said, "
     "although cyclists complained that the new lanes were narrower than before."),
    ("Kaunas zoo welcomes two elephants",
     "Two Asian elephants arrived at the zoo in Kaunas on Tuesday from a park in Poland, keepers said, the first "
     "elephants in the city for 15 years. \"They walked into the new house as if they had always lived here,\" "
     "head keeper Ruta Jonaitis said. Visitors can see them from the start of June."),
]  # fmt: skip


def page(number: int, *, headline: str | None = None) -> str:
    title, body = STORIES[number]
    return f"{headline or title}\n\n{body}\n"


def html_page(number: int) -> str:
    title, body = STORIES[number]
    return (
        f"<!doctype html><html><head><title>{title} | Coast News</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p></article>"
        "<footer>Copyright Coast News</footer></body></html>"
    )


def write_inputs(root: Path) -> list[str]:
    """Fourteen inputs of every kind, four of them failing, and near-duplicates (one story, two sources)."""
    pages = root / "pages"
    pages.mkdir()
    for number in range(6):
        (pages / f"{STORIES[number][0].split()[0].lower()}.txt").write_text(page(number), encoding="utf-8")
    repost = page(0, headline="Lyon council backs tram line spending").replace(" on Tuesday", "")
    (pages / "lyon-repost.txt").write_text(repost, encoding="utf-8")
    (pages / "bergen.html").write_text(html_page(6), encoding="utf-8")
    lines = [
        json.dumps({"url": "https://news.example/oslo", "text": page(7)}),
        "{not json",
        json.dumps({"url": "https://news.example/bergen", "html": html_page(6)}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "list.urls").write_text("not a url\nhttp://127.0.0.1:9/closed-port\n", encoding="utf-8")
    return [str(pages), str(root / "feed.jsonl"), str(root / "list.urls"), str(root / "missing.html")]


def write_warc(path: Path) -> None:
    """A crawl with two article pages, a page with no article, and records that are not pages."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def record(url: str, status: str, ctype: str, body: bytes, kind: str = "response") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=headers))

        record("https://crawl.example/riga", "200 OK", "text/plain", page(8).encode())
        record("https://crawl.example/style.css", "200 OK", "text/css", b"p { color: red }")
        record("https://crawl.example/nav", "200 OK", "text/html", b"<html><body><nav>Home</nav></body></html>")
        record("https://crawl.example/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        record("https://crawl.example/kaunas", "200 OK", "text/html", html_page(9).encode())


# What a store holds, row by row, each row starting with its article's key: row ids are left out, as they
# depend on the order chunks arrive in.
SNAPSHOT = {
    "articles": "SELECT key, record, content_hash, revision, source_path, url FROM articles",
    "revisions": "SELECT a.key, r.revision, r.content_hash FROM article_revisions r "
    "JOIN articles a ON a.id = r.article_id",
    "entities": "SELECT a.key AS article, e.key AS entity, e.name, e.type, x.local_id FROM article_entities x "
    "JOIN articles a ON a.id = x.article_id JOIN entities e ON e.id = x.entity_id",
    "mentions": "SELECT a.key AS article, e.key AS entity, m.start_char, m.end_char FROM mentions m "
    "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id",
    "quotes": "SELECT a.key, q.local_id, q.speaker_name, q.content, q.stance FROM quotes q "
    "JOIN articles a ON a.id = q.article_id",
    "claims": "SELECT a.key, c.local_id, c.text, c.value, c.claimant_name, c.object FROM claims c "
    "JOIN articles a ON a.id = c.article_id",
    "places": "SELECT a.key, p.name, p.country, p.focus FROM places p JOIN articles a ON a.id = p.article_id",
    "errors": "SELECT source, reason, attempts FROM ingest_errors",
}


def snapshot(target: str, *, without: str | None = None) -> dict[str, Any]:
    """Every table of :data:`SNAPSHOT` and the story groups (as sets of article keys); ``without`` leaves out
    the articles and errors that come from that source file."""
    with Store.open(target) as store:
        rows = store.db.query
        skipped = {row["key"] for row in rows("SELECT key FROM articles WHERE source_path = ?", (without,))}
        out: dict[str, Any] = {}
        for name, sql in SNAPSHOT.items():
            found = [tuple("" if value is None else value for value in row.values()) for row in rows(sql)]
            out[name] = sorted(
                row for row in found if row[0] not in skipped and not str(row[0]).endswith(f" (in {without})")
            )
        groups: dict[int, list[str]] = {}
        for row in rows("SELECT key, story_group_id FROM articles"):
            if row["key"] not in skipped:
                groups.setdefault(row["story_group_id"], []).append(row["key"])
        out["stories"] = sorted(sorted(keys) for keys in groups.values())
        return out


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def reference(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The local ingest (one process) of the inputs: what every cluster run must store."""
    db = str(tmp_path_factory.mktemp("reference") / "local.db")
    with Store.open(db) as store:
        stats = local.run(store, collect(inputs).items, workers=1)
    assert (stats.added, stats.failed) == (10, 4)
    stored = snapshot(db)
    assert sorted(len(story) for story in stored["stories"]) == [1] * 6 + [2, 2]  # the Lyon and Bergen copies
    return stored


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two single-threaded worker processes on loopback; a worker killed while running a chunk fails it at once."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_cli_local_cluster_stores_what_the_local_ingest_stores(
    inputs: list[str], reference: dict[str, Any], tmp_path: Path
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    db = tmp_path / "cluster.db"
    command = [str(Path(sys.executable).parent / "newsdesk"), "ingest", *inputs, "--db", str(db)]
    done = subprocess.run(
        [*command, str(warc), "--cluster", "local", "--workers", "2"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1, done.stderr  # some inputs fail
    assert "added 12, revised 0, unchanged 0, failed 5" in done.stdout
    assert "2 workers" in done.stdout
    assert f"newsdesk: https://crawl.example/nav (in {warc}): no article text found" in done.stderr
    with Store.open(db) as store:
        crawled = store.db.query("SELECT url FROM articles WHERE source_path = ?", (str(warc),))
        assert sorted(row["url"] for row in crawled) == ["https://crawl.example/kaunas", "https://crawl.example/riga"]
    assert snapshot(str(db), without=str(warc)) == reference


def test_runner_with_a_killed_worker_stores_what_the_local_ingest_stores_and_reruns_idempotent(
    client: Client, inputs: list[str], reference: dict[str, Any], tmp_path: Path
) -> None:
    pids = list(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one_worker(stats: RunStats) -> None:
        """At the first stored chunk the other worker is busy with its own: SIGKILL it mid-chunk."""
        if not killed:
            killed.append(pids[0])
            os.kill(pids[0], signal.SIGKILL)

    db = str(tmp_path / "cluster.db")
    with Store.open(db) as store:
        stats = run(store, collect(inputs).items, client, batch_size=32, on_progress=kill_one_worker)
    assert killed and (stats.added, stats.failed, stats.done) == (10, 4, 14)
    assert snapshot(db) == reference

    with Store.open(db) as store:
        again = run(store, collect(inputs).items, client, batch_size=32)
    assert (again.added, again.revised, again.unchanged, again.failed) == (0, 0, 10, 4)
    after = snapshot(db)
    assert after["errors"] == [(source, reason, 2) for source, reason, _ in reference["errors"]]
    assert {**after, "errors": None} == {**reference, "errors": None}


def test_cli_on_an_existing_cluster_with_relative_paths(
    client: Client, inputs: list[str], reference: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers run in another directory than the client: names stay as given, files are still found."""
    root = Path(inputs[0]).parent
    monkeypatch.chdir(root)
    db = tmp_path / "scheduler.db"
    result = CliRunner().invoke(
        app, ["ingest", "pages", "feed.jsonl", "--db", str(db), "--scheduler", client.scheduler.address]
    )
    assert result.exit_code == 1, result.output
    assert "added 10, revised 0, unchanged 0, failed 1" in result.stdout
    assert "newsdesk: feed.jsonl:2: not valid JSON" in result.stderr
    with Store.open(db) as store:
        paths = {row["source_path"] for row in store.db.query("SELECT source_path FROM articles")}
    assert paths == {None, *(f"pages/{name}" for name in os.listdir(root / "pages"))}


def test_runner_into_postgresql(
    client: Client, inputs: list[str], reference: dict[str, Any], postgres_url: str
) -> None:
    with Store.open(postgres_url) as store:
        stats = run(store, collect(inputs).items, client, batch_size=4)
    assert (stats.added, stats.failed) == (10, 4)
    assert snapshot(postgres_url) == reference


def test_a_chunk_dask_gives_up_on_is_split_then_its_input_recorded(client: Client) -> None:
    stats = RunStats(inputs=2, workers=2)
    flow = _Flow(client, deque(), KnownRevisions([]), stats)
    first, second = Item(source="a.txt", path="a.txt"), Item(source="b.txt", path="b.txt")

    class Gone:
        status = "error"

        def exception(self) -> BaseException:
            return KilledWorker("task", "tcp://127.0.0.1:1", 0)

    assert flow._outcome(Gone(), Items((first, second)), flow.known_future).outcomes == []  # type: ignore[arg-type]
    assert list(flow.queue) == [Items((first,)), Items((second,))]
    failed = flow._outcome(Gone(), Items((first,)), flow.known_future).outcomes  # type: ignore[arg-type]
    assert failed == [Failed("a.txt", WORKER_DIED)]


def test_known_revisions_match_exact_pairs_only() -> None:
    known = KnownRevisions([("k1", "h1"), ("k2", "h2"), ("k1", "h1")])
    assert len(known) == 2
    assert ("k1", "h1") in known and ("k2", "h2") in known
    assert ("k1", "h2") not in known and ("k3", "h3") not in known and "k1" not in known
    assert ("k1", "h1") not in KnownRevisions([])
