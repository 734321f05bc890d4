"""Load while an ingest writes: `newsdesk serve` and `newsdesk ingest` on one store, clients in threads.

A bounded loopback run (issue 16, item 6). The store gets a saved alert (so the Atom feed has
entries), then the server starts, then an ingest of generated pages in small batches; once the
first batch is visible the client threads send a fixed number of mixed requests over keep-alive
connections: the home page, search, article pages, speakers, claims, the JSON listings and the
alert's Atom feed. A third of them read one recent article through the API.

No reader may ever see a half-written article. An article is written in one transaction with its
child rows (entities, quotes, claims, places, its revision), so every answer must be whole:

- inside one answer, the stored record and the child rows agree (as many quotes, claims, entity
  links and places as the record lists; the current revision among the revisions);
- across answers, what a reader saw of an article while the ingest ran equals what the store
  holds for it once the ingest has finished (pages are never revised here, so any difference is a
  write seen half done), and so do the quote and claim counts of every article listing.

Server memory (RSS) is sampled from /proc every half second during the load, and again during
half as many requests once the ingest has finished: a rise that stops with the writes is the
connections' page caches filling; a leak would keep rising on the quiet store.
"""

from __future__ import annotations

import http.client
import json
import random
import subprocess
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from probe_common import Row, contents, free_port, launch, newsdesk, start, wait_for_port, write_pages

ALERT = "harbour"
# Requests per round of the mix; "article" (one recent article through the API) is a third of them.
MIX = (
    "article", "/", "article", "/search?q=harbour", "listing", "article", "/speakers", "/claims?about=traffic",
    "/api/speakers", "article", "/api/claims?about=traffic", "/api/quotes?limit=50", "article-page",
    f"/alerts/{ALERT}.atom", "article", "/api/search?q=Lisbon", "listing", "article",
)  # fmt: skip
RECENT = 20  # an "article" request reads one of the newest listed, the ones most likely being written


@dataclass(frozen=True)
class Plan:
    """One load run: the store, generated pages, client threads, requests, ingest batch size."""

    db: str
    pages: int
    clients: int
    requests: int
    batch_size: int = 8


class Seen(NamedTuple):
    """What one answer showed of an article: enough to tell a whole write from a partial one."""

    content_hash: str
    revision: int
    quotes: int
    claims: int
    entities: int
    places: int


@dataclass
class Tally:
    """Everything the clients saw, shared between their threads under ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    details: dict[str, set[Seen]] = field(default_factory=dict)
    listed: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    """A load run's figures."""

    requests: int
    errors: list[str]
    partial: list[str]
    statuses: dict[int, int]
    p50_ms: float
    p99_ms: float
    rate: float
    rss: list[float]
    rss_quiet: list[float]
    written_during: int
    stored: int
    ingest_exit: int | None
    checked: int


def seen(detail: dict[str, Any]) -> Seen:
    """The part of an article answer (``GET /api/articles/{key}``) that a partial write would change."""
    return Seen(detail["content_hash"], detail["revision"], len(detail["quotes"]), len(detail["claims"]),
                len(detail["entities"]), len(detail["places"]))  # fmt: skip


def inconsistency(detail: dict[str, Any]) -> str | None:
    """Why one article answer cannot be a whole write (child rows and record disagree), or None."""
    record = detail["record"]
    problems = [
        f"{part}: record lists {len(record.get(part) or [])}, store has {len(detail[part])}"
        for part in ("quotes", "claims", "entities", "places")
        if len(record.get(part) or []) != len(detail[part])
    ]
    if detail["revision"] not in {revision["revision"] for revision in detail["revisions"]}:
        problems.append(f"revision {detail['revision']} missing from its revisions")
    if record.get("id") != detail["key"]:
        problems.append("record belongs to another article")
    return f"{detail['key']}: " + "; ".join(problems) if problems else None


def changed(tally: Tally, final: dict[str, Seen]) -> list[str]:
    """Articles a reader saw differently from what the store finally holds (listings included)."""
    found = []
    for key, views in tally.details.items():
        found += [f"{key}: saw {view}, finally {final.get(key)}" for view in views if view != final.get(key)]
    for key, counts in tally.listed.items():
        whole = final.get(key)
        found += [
            f"{key}: listed {count}, finally {whole}"
            for count in counts
            if whole is None or count != (whole.quotes, whole.claims)
        ]
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def sample_rss(pid: int, samples: list[float], stop: threading.Event) -> None:
    """Every half second until ``stop``: the server's memory, to tell growth from a one-time rise."""
    while not stop.wait(0.5):
        samples.append(rss_mb(pid))


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB, from /proc (0 when it cannot be read)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Client:
    """One client thread's keep-alive connection and its share of the requests."""

    def __init__(self, port: int, tally: Tally, seed: int) -> None:
        self.port, self.tally, self.rng = port, tally, random.Random(seed)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def run(self, jobs: list[str]) -> None:
        for job in jobs:
            self.one(job)
        self.conn.close()

    def path(self, job: str) -> str:
        if job == "listing":
            return "/api/articles?limit=50&all=true"  # every stored quote, as the record lists them
        if job in ("article", "article-page"):
            with self.tally.lock:
                keys = self.tally.keys[:RECENT]
            key = self.rng.choice(keys) if keys else "0"
            return f"/api/articles/{key}" if job == "article" else f"/articles/{key}"
        return job

    def one(self, job: str) -> None:
        path = self.path(job)
        started = time.perf_counter()
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()  # the next request opens a new connection
            with self.tally.lock:
                self.tally.errors.append(f"{path}: {type(exc).__name__}")
            return
        took = time.perf_counter() - started
        with self.tally.lock:
            self.tally.seconds.append(took)
            self.tally.statuses[response.status] = self.tally.statuses.get(response.status, 0) + 1
            if response.status >= 500:
                self.tally.errors.append(f"{path}: {response.status}")
        if response.status == 200 and job in ("listing", "article"):
            self.read(job, json.loads(body))

    def read(self, job: str, answer: Any) -> None:
        with self.tally.lock:
            if job == "listing":
                self.tally.keys = [row["key"] for row in answer]
                for row in answer:
                    self.tally.listed.setdefault(row["key"], set()).add((row["quotes"], row["claims"]))
                return
            self.tally.details.setdefault(answer["key"], set()).add(seen(answer))
            problem = inconsistency(answer)
            if problem:
                self.tally.partial.append(problem)


def final_state(port: int, keys: set[str]) -> tuple[dict[str, Seen], list[str]]:
    """What the store holds for ``keys`` once quiet, and any article whose answer is inconsistent."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    final, problems = {}, []
    for key in sorted(keys):
        conn.request("GET", f"/api/articles/{key}")
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            problems.append(f"{key}: {response.status} once the ingest finished")
            continue
        detail = json.loads(body)
        final[key] = seen(detail)
        problem = inconsistency(detail)
        if problem:
            problems.append(problem)
    conn.close()
    return final, problems


def prepare(plan: Plan, folder: Path) -> Path:
    """The pages, and the store with its saved alert (so the Atom feed fills as articles arrive)."""
    pages = write_pages(folder / "load-pages", plan.pages)
    done = newsdesk("alerts", "add", ALERT, "--query", "harbour", "--db", plan.db, timeout=120)
    if done.returncode:
        raise SystemExit(f"could not save the alert: {done.stderr.strip()}")
    return pages


def wait_for_articles(plan: Plan, ingest: subprocess.Popen[str], seconds: float = 300) -> None:
    """Until the ingest's first batch is committed (SystemExit when it ends or stalls first)."""
    deadline = time.monotonic() + seconds
    while contents(plan.db).articles == 0:
        if ingest.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the ingest stored nothing before the load was to start")
        time.sleep(0.1)


def run(plan: Plan, folder: Path, writer: list[str] | None = None) -> Result:
    """The load run of ``plan``; every process it starts is stopped before it returns.

    ``writer``: another command to write the pages instead of ``newsdesk ingest`` (called with the
    pages' folder and the store added), for a negative control of the check.
    """
    pages = prepare(plan, folder)
    port = free_port()
    server = start("serve", "--db", plan.db, "--port", str(port))
    ingest = None
    try:
        wait_for_port(port)
        ingest = (
            launch([*writer, str(pages), plan.db])
            if writer
            else start("ingest", str(pages), "--workers", "1", "--batch-size", str(plan.batch_size), "--db", plan.db)
        )
        wait_for_articles(plan, ingest)
        return measure(plan, port, server.pid, ingest)
    finally:
        for process in (ingest, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=60)


def measure(plan: Plan, port: int, server_pid: int, ingest: subprocess.Popen[str]) -> Result:
    """Send the requests while the ingest writes, then compare what readers saw with the final store."""
    tally = Tally()
    Client(port, tally, 0).run(["listing", *MIX])  # warm every route before memory is read
    warm = len(tally.seconds)
    stored_start = contents(plan.db).articles
    elapsed, samples = drive(plan, port, server_pid, tally)
    written = contents(plan.db).articles - stored_start
    try:
        ingest.wait(timeout=600)
    except subprocess.TimeoutExpired:
        tally.errors.append("the ingest did not finish within 600 s of the load")
    final, problems = final_state(port, set(tally.details) | set(tally.listed))
    timed, partial, checked = tally.seconds[warm:], tally.partial + problems + changed(tally, final), len(final)
    _, quiet = drive(replace(plan, requests=plan.requests // 2), port, server_pid, tally)
    return Result(
        requests=len(timed), errors=tally.errors, partial=partial, statuses=tally.statuses,
        p50_ms=percentile(timed, 0.5) * 1000, p99_ms=percentile(timed, 0.99) * 1000, rate=len(timed) / elapsed,
        rss=samples, rss_quiet=quiet, written_during=written, stored=contents(plan.db).articles,
        ingest_exit=ingest.returncode, checked=checked,
    )  # fmt: skip


def drive(plan: Plan, port: int, server_pid: int, tally: Tally) -> tuple[float, list[float]]:
    """The clients' requests, in threads, with the server's memory sampled meanwhile: seconds, samples (MB)."""
    samples, stop = [rss_mb(server_pid)], threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(server_pid, samples, stop))
    jobs = [MIX[n % len(MIX)] for n in range(plan.requests)]
    clients = [Client(port, tally, seed) for seed in range(1, plan.clients + 1)]
    threads = [threading.Thread(target=c.run, args=(jobs[i :: plan.clients],)) for i, c in enumerate(clients)]
    started = time.perf_counter()
    for thread in [sampler, *threads]:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    return elapsed, [*samples, rss_mb(server_pid)]


def memory(samples: list[float]) -> str:
    """Server memory at the start, a quarter, half, three quarters of the way, and the end of the load."""
    picks = [samples[round(share * (len(samples) - 1))] for share in (0, 0.25, 0.5, 0.75, 1)]
    return " → ".join(f"{mb:.0f}" for mb in picks) + " MB"


def row(plan: Plan, result: Result, backend: str) -> Row:
    """The reliability table's line for one load run."""
    partial = f"{len(result.partial)} half-written articles seen" + (
        f" (first: {result.partial[0][:120]})" if result.partial else ""
    )
    return Row(
        f"web desk under load while an ingest writes ({backend}): {plan.clients} client threads, mixed pages, "
        "API lists, the Atom feed; every article answer checked against its record and the final store",
        f"{result.requests} requests; {result.written_during} articles committed during the load "
        f"({plan.pages} pages, batches of {plan.batch_size})",
        f"{len(result.errors)} errors (5xx or connection); statuses {dict(sorted(result.statuses.items()))}; "
        f"{result.rate:.0f} req/s, p50 {result.p50_ms:.0f} ms, p99 {result.p99_ms:.0f} ms; {partial} "
        f"over {result.checked} articles read; server RSS {memory(result.rss)}, then over "
        f"{plan.requests // 2} more requests once the ingest had finished {memory(result.rss_quiet)}; "
        f"ingest exit {result.ingest_exit}, {result.stored} stored",
    )
