"""Store writer throughput alone, records already extracted, on SQLite and PostgreSQL.

Usage: ``.venv/bin/python bench/bench_writer.py [--articles 600] [--base 24] [--batch 32] [--cache DIR]
[--texts DIR [--half 0|1]] [--postgres URL | --no-postgres] [--no-sqlite] [--runs N] [--breakdown]``

Corpus: ``--base`` ~700-word texts of the Lee corpus (ABC news, gensim's test data, fetched once by
bench_ingest.py's loader into ``--cache``, never committed), run through the ingest worker once (the
records are cached next to the corpus, so a second run loads no model). From them ``--articles``
distinct records are made: each a copy of one base record under a new key and URL, with the letters of
every third word that is no entity mention replaced by others (offsets unchanged, so every span stays
valid; the entities recur as a news stream's do, the texts and quotes are new), and one in ten an exact
wire copy of the previous one under another key (it joins that story group). ``--texts DIR`` takes the base
texts from the ``*.txt`` files of a folder instead (headline, blank line, body: e.g. an evaluation set's, given
as an argument, never committed), those whose name hashes to ``--half`` (0 or 1) when given: a held-back half
to check what was tuned on the Lee texts.

Timed: only :func:`newsdesk.ingest.local.write_batch` (what ingest runs per batch: one transaction per
``--batch`` articles) into an empty store: a SQLite file in a temporary directory, and a PostgreSQL
database on a throwaway server started like the tests' (``initdb``/``pg_ctl`` from
``/usr/lib/postgresql/*/bin`` on 127.0.0.1; skipped with a message when it cannot start), or ``--postgres``.
Prints articles per second per backend, and the CPU time per article of this process and of the
PostgreSQL server process (read from /proc when it is local) with the rate that CPU alone allows: on a
shared machine the wall clock drifts with the other tenants' load. Also the same batches written again
(all unchanged). ``--runs N`` writes each backend N times, each into a new empty store (a new database on
the throwaway server), and ends with the best and median figures.

``--breakdown`` says where the CPU of the last run went, statement by statement: on SQLite the CPU spent
inside the driver's ``execute`` calls (the SQL; a ``SELECT``'s rows are read by the Python around it) by
statement kind and table, and the rest as Python; on the throwaway PostgreSQL server the server's time per
statement from ``pg_stat_statements`` (loaded when the server starts; the foreign-key checks it runs inside
each insert are listed apart, their time also counted in that insert's).
"""

from __future__ import annotations

import argparse
import copy
import glob
import hashlib
import json
import os
import pwd
import random
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench_ingest import lee_texts
from newsdesk.ingest.local import RunStats, write_batch
from newsdesk.ingest.sources import collect
from newsdesk.ingest.worker import BatchResult, Parsed, init, process_batch
from newsdesk.record import Article
from newsdesk.store import Store
from newsdesk.store.minhash import signature
from newsdesk.store.text import content_hash
from writer_breakdown import print_breakdown, server_parts, start_breakdown

_WORD = re.compile(r"[A-Za-z]+")
# One record in this many is a wire copy of the one before (same text, another key).
_WIRE_EVERY = 10


def base_records(cache: Path, count: int, texts: Texts | None = None) -> list[Article]:
    """``count`` extracted texts (Lee's, or ``texts``'), from the cache or by running the ingest worker once."""
    name = f"{count}" if texts is None else f"{texts.directory.name}-{texts.half}-{count}"
    path = cache / f"writer-records-{name}.jsonl"
    if path.exists():
        return [Article.from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
    feed = cache / f"writer-feed-{name}.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for number, text in enumerate((lee_texts(cache) if texts is None else texts.read())[:count]):
            handle.write(json.dumps({"url": f"https://bench.example/{number}", "text": text}) + "\n")
    init(set(), load_model=True)
    result = process_batch(collect([str(feed)]).items)
    articles = [o.article for o in result.outcomes if isinstance(o, Parsed)]
    path.write_text("".join(a.to_json() + "\n" for a in articles), encoding="utf-8")
    return articles


@dataclass(frozen=True)
class Texts:
    """Base texts from a folder's ``*.txt`` files; with ``half`` only those whose name's hash has that parity."""

    directory: Path
    half: int | None

    def read(self) -> list[str]:
        files = sorted(self.directory.glob("*.txt"))
        chosen = [f for f in files if self.half is None or _parity(f.name) == self.half]
        return [f.read_text(encoding="utf-8") for f in chosen]


def _parity(name: str) -> int:
    """A fixed split of file names into two halves (SHA-256, not Python's salted hash)."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 2


def variant(base: Article, number: int, rng: random.Random) -> Article:
    """A new article from ``base``: new key and URL, every third non-entity word's letters replaced."""
    article = copy.deepcopy(base)
    protected = [(s.start, s.end) for e in base.entities for s in e.mentions]
    chars = list(base.text)
    for index, match in enumerate(_WORD.finditer(base.text)):
        start, end = match.span()
        if index % 3 or any(s < end and start < e for s, e in protected):
            continue
        for at in range(start, end):
            chars[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    article.text = "".join(chars)
    article.id = f"bench-{number:06d}"
    article.url = f"https://bench{number % 7}.example/{number}"
    return article


def records(bases: list[Article], count: int, seed: int = 16) -> list[Parsed]:
    """``count`` distinct parsed records, one in ``_WIRE_EVERY`` a wire copy of the previous one."""
    rng = random.Random(seed)
    out: list[Parsed] = []
    for number in range(count):
        if out and number % _WIRE_EVERY == 0:
            article = copy.deepcopy(out[-1].article)
            article.id, article.url = f"bench-{number:06d}", f"https://wire.example/{number}"
        else:
            article = variant(bases[number % len(bases)], number, rng)
        out.append(Parsed(article.url or article.id, article, content_hash(article.text), signature(article.body)))
    return out


@dataclass
class Timing:
    """One backend's run: wall-clock seconds of the first write and of the second (all unchanged),
    this process's CPU seconds in the first, and its counts."""

    first: float
    again: float
    cpu: float
    server_cpu: float | None
    """The PostgreSQL server process's CPU seconds in the first write (None: SQLite, or not readable)."""
    stats: RunStats
    parts: dict[str, float] = field(default_factory=dict)
    """With --breakdown: the first write's seconds by statement (SQLite: CPU in the driver; PostgreSQL: server)."""


def write_all(target: str, parsed: list[Parsed], batch: int, breakdown: bool = False) -> Timing:
    """Write every batch into an empty store, then all of them again."""
    batches = [BatchResult(outcomes=list(parsed[i : i + batch])) for i in range(0, len(parsed), batch)]
    with Store.open(target) as store:
        server = int(store.db.scalar("SELECT pg_backend_pid()")) if store.db.name == "postgresql" else None
        totals = start_breakdown(store.db) if breakdown else None
        first = RunStats(inputs=len(parsed), workers=0)
        started, cpu, server_cpu = time.perf_counter(), time.process_time(), _cpu_of(server)
        for result in batches:
            write_batch(store, result, first, None)
        middle, cpu = time.perf_counter(), time.process_time() - cpu
        if server_cpu is not None:
            server_cpu = (_cpu_of(server) or 0.0) - server_cpu
        parts = dict(totals) if totals is not None and server is None else {}
        if totals is not None and server is not None:
            parts = server_parts(store.db)
        second = RunStats(inputs=len(parsed), workers=0)
        for result in batches:
            write_batch(store, result, second, None)
        return Timing(middle - started, time.perf_counter() - middle, cpu, server_cpu, first, parts)


def _cpu_of(pid: int | None) -> float | None:
    """CPU seconds (user + system) of a local process so far, None when it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def postgres_server(stat_statements: bool = False) -> Iterator[str | None]:
    """A throwaway PostgreSQL server's URL (as tests/conftest.py starts one), None when it cannot start;
    with ``stat_statements``, ``pg_stat_statements`` loaded (when installed) for --breakdown."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        print("PostgreSQL: skipped (no /usr/lib/postgresql/*/bin/initdb)")
        yield None
        return
    bindir, root = Path(found[-1]).parent, Path(tempfile.mkdtemp(prefix="newsdesk-bench-pg-"))
    user = "postgres" if os.geteuid() == 0 else None
    if user:
        account = pwd.getpwnam(user)
        os.chown(root, account.pw_uid, account.pw_gid)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off"
    if stat_statements and (bindir.parent / "lib" / "pg_stat_statements.so").exists():
        options += " -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
    data, log = str(root / "data"), str(root / "log")
    try:
        subprocess.run([str(bindir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                        "--no-sync"], user=user, check=True, capture_output=True, timeout=120)  # fmt: skip
        subprocess.run([str(bindir / "pg_ctl"), "-D", data, "-l", log, "-o", options, "-w", "start"],
                       user=user, check=True, capture_output=True, timeout=120)  # fmt: skip
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"PostgreSQL: skipped (the server did not start: {exc})")
        shutil.rmtree(root, ignore_errors=True)
        yield None
        return
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"], user=user,
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def report(name: str, target: str, parsed: list[Parsed], batch: int, breakdown: bool = False) -> Timing:
    """Write the records into ``target`` and print the run's figures (and its breakdown when asked)."""
    timing = write_all(target, parsed, batch, breakdown)
    n, stats = len(parsed), timing.stats
    cpu = timing.cpu + (timing.server_cpu or 0.0)
    server = f" + {timing.server_cpu * 1000 / n:.2f} in the server" if timing.server_cpu is not None else ""
    print(
        f"{name:<10} {n / timing.first:6.0f} articles/s stored ({timing.first * 1000 / n:.2f} ms each; CPU "
        f"{timing.cpu * 1000 / n:.2f} ms in this process{server}: {n / cpu:.0f} articles/s of CPU), "
        f"{n / timing.again:.0f} articles/s written again (unchanged); {stats.added} added, {stats.failed} failed",
        flush=True,
    )
    if timing.parts:
        print_breakdown(name, timing.parts, timing.cpu if timing.server_cpu is None else None, n)
    return timing


def summarise(name: str, timings: list[Timing], n: int) -> None:
    """Best and median of several runs: articles/s, and CPU per article (this process + the server)."""
    rates = [n / t.first for t in timings]
    cpus = [(t.cpu + (t.server_cpu or 0.0)) * 1000 / n for t in timings]
    print(
        f"{name:<10} {len(timings)} runs: best {max(rates):.0f}, median {statistics.median(rates):.0f} articles/s; "
        f"CPU per article least {min(cpus):.2f}, median {statistics.median(cpus):.2f} ms "
        f"(this process median {statistics.median(t.cpu * 1000 / n for t in timings):.2f} ms)",
        flush=True,
    )


def run_sqlite(parsed: list[Parsed], options: argparse.Namespace) -> None:
    """``--runs`` writes into new SQLite files."""
    timings = []
    for _ in range(options.runs):
        work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-writer-"))
        try:
            timings.append(report("SQLite", str(work / "bench.db"), parsed, options.batch, options.breakdown))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if options.runs > 1:
        summarise("SQLite", timings, len(parsed))


def run_postgres(url: str, parsed: list[Parsed], options: argparse.Namespace, *, fresh: bool) -> None:
    """``--runs`` writes, each into a new database of the server when ``fresh`` (the throwaway one); the
    breakdown only there (it creates the ``pg_stat_statements`` extension in the database)."""
    if options.breakdown and not fresh:
        print("PostgreSQL breakdown: only on the throwaway server (not with --postgres)")
    timings = []
    for number in range(options.runs):
        target = url
        if fresh:
            with Store.open(url) as store:
                store.db.execute(f"CREATE DATABASE bench_{number}")
            target = f"{url.rsplit('/', 1)[0]}/bench_{number}"
        timings.append(report("PostgreSQL", target, parsed, options.batch, options.breakdown and fresh))
    if options.runs > 1:
        summarise("PostgreSQL", timings, len(parsed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="Distinct articles written per backend.")
    parser.add_argument("--base", type=int, default=24, help="Lee texts extracted once as the base records.")
    parser.add_argument("--batch", type=int, default=32, help="Articles per transaction, as ingest batches them.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    parser.add_argument("--texts", type=Path, help="Base texts from this folder's *.txt files, not the Lee corpus.")
    parser.add_argument("--half", type=int, choices=(0, 1), help="With --texts: only the files of this hash half.")
    parser.add_argument("--postgres", help="An empty PostgreSQL database instead of a throwaway server.")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only.")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only.")
    parser.add_argument("--runs", type=int, default=1, help="Runs per backend, each into a new empty store.")
    parser.add_argument("--breakdown", action="store_true", help="Where the last run's time went, by statement.")
    args = parser.parse_args()

    if args.texts is not None and not args.texts.is_dir():
        parser.error(f"--texts: {args.texts} is not a folder")
    if args.runs < 1 or (args.postgres and args.runs > 1):
        parser.error("--runs: at least 1, and 1 with --postgres (each run needs an empty database)")
    bases = base_records(args.cache, args.base, Texts(args.texts, args.half) if args.texts else None)
    parsed = records(bases, args.articles)
    per = {k: sum(len(getattr(p.article, k)) for p in parsed) / len(parsed) for k in ("entities", "quotes", "claims")}
    print(f"{len(parsed)} records from {len(bases)} extracted texts, per article: "
          + ", ".join(f"{v:.1f} {k}" for k, v in per.items()) + f"; batches of {args.batch}")  # fmt: skip
    if not args.no_sqlite:
        run_sqlite(parsed, args)
    if args.no_postgres:
        return
    if args.postgres:
        run_postgres(args.postgres, parsed, args, fresh=False)
        return
    with postgres_server(args.breakdown) as url:
        if url is not None:
            run_postgres(url, parsed, args, fresh=True)


if __name__ == "__main__":
    main()
