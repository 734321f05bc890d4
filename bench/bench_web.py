"""Benchmark (not a test): the web desk's article and search pages over a 10,000-article store.

1. Builds the store once (reused on later runs): the repo's two example pages go through the
   real pipeline, then each record is varied into many synthetic articles — another URL,
   site and date, a headline suffix and words added to its quotes (every span shifted to
   match) and a paragraph of filler words, shared by groups of five, so near-duplicate
   grouping sees wire copies of 2,000 distinct stories rather than 10,000 copies of two
   (quotes too: see :func:`variant`). Records go in through ``Store.add``.
2. Starts ``newsdesk serve`` on a free loopback port and sends a bounded number of GET
   requests from a few client threads with keep-alive connections: half article pages,
   half search pages, in three kinds: broad (a word of the example pages, in about half
   the store; some with a site filter), medium (a filler word, in a few hundred articles)
   and narrow (one story's headline phrase, five articles); a tenth ask for page 2.
3. Prints requests/s and p50/p99 latency for each page kind and overall.

    .venv/bin/python bench/bench_web.py [--articles 10000] [--requests 1200] [--clients 4]

The client threads share the machine's cores with the server, so the numbers are a floor.
"""

from __future__ import annotations

import argparse
import copy
import http.client
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from newsdesk.ids import article_id
from newsdesk.pipeline import extract
from newsdesk.record import Article
from newsdesk.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "src/newsdesk/examples/city_budget.html", ROOT / "src/newsdesk/examples/harbour_strike.txt"]
# Broad queries: words of the example pages, each in about half the store.
BROAD = ["budget", "strike", "council", "flood defences", "union", "port", "euros", "talks", "river", "wages"]
# Filler words for the synthetic paragraphs: 4,096 made-up words, so that one of them
# matches a few hundred articles, the way a name or a place does in a real store.
_SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "tor", "sa", "del", "nu", "pe", "ri", "gon", "ba", "zu", "fi", "mar"]
FILLER = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES]
GROUP_SIZE = 5
SITES = 40


def variant(base: Article, number: int, vocabulary: list[str] = FILLER) -> Article:
    """Article ``number``: ``base`` with a new URL, site and date, and text of its own story group.

    Every ``GROUP_SIZE`` consecutive numbers are one story (wire copies on different sites):
    they share a headline suffix, two words added at the end of each quote (so a statement
    is repeated by five sites, not by all 10,000 articles) and a closing paragraph.
    """
    article = copy.deepcopy(base)
    group = number // GROUP_SIZE
    rng = random.Random(group)
    inserts: list[tuple[int, str, Any]] = [
        (quote.content[-1].end, f" {rng.choice(vocabulary)} {rng.choice(vocabulary)}", quote.content[-1])
        for quote in article.quotes
        if quote.content
    ]
    if article.body_start:
        inserts.append((article.body_start - 2, f" — update {group}", None))
        article.title = (article.title or "") + inserts[-1][1]
    for position, added, grown in sorted(inserts, key=lambda item: item[0], reverse=True):
        insert(article, position, added, grown)
    article.text += "\n\n" + " ".join(rng.choice(vocabulary) for _ in range(220)).capitalize() + "."
    site = f"site{number % SITES}.example"
    article.site = site
    article.url = f"https://{site}/news/{number}"
    article.published = (date(2025, 1, 1) + timedelta(days=rng.randrange(540) + number % GROUP_SIZE)).isoformat()
    article.id = article_id(article.url, article.text)
    return article


def insert(article: Article, position: int, added: str, grown: Any) -> None:
    """Insert ``added`` into the text at ``position``, moving every offset after it.

    A span that ends exactly at ``position`` keeps its end, except ``grown``, which takes in
    the added text.
    """
    article.text = article.text[:position] + added + article.text[position:]
    spans: list[Any] = [m for e in article.entities for m in e.mentions]
    spans += [m for p in article.places for m in p.mentions] + list(article.claims)
    for quote in article.quotes:
        spans += [part for part in (quote.speaker, quote.cue) if part is not None] + quote.content
    for span in {id(span): span for span in spans}.values():  # a Span object may be shared
        span.start += len(added) if span.start >= position else 0
        span.end += len(added) if span.end > position or (span.end == position and span is grown) else 0
    if article.body_start >= position:
        article.body_start += len(added)


def build(db: Path, count: int) -> None:
    """Fill ``db`` with ``count`` synthetic articles (skipped when it already has them)."""
    with Store.open(db) as store:
        have = store.stats()["articles"]
        if have >= count:
            print(f"store: {db} already has {have} articles")
            return
        started = time.perf_counter()
        bases = [extract(path) for path in EXAMPLES]
        print(f"store: extracted {len(bases)} example pages in {time.perf_counter() - started:.1f} s")
        for number in range(have, count):
            store.add(variant(bases[number % len(bases)], number))
            if (number + 1) % 1000 == 0:
                print(f"store: {number + 1} articles, {time.perf_counter() - started:.0f} s", flush=True)
        print(f"store: built {count - have} articles in {time.perf_counter() - started:.1f} s")


@dataclass(slots=True)
class Sample:
    kind: str
    seconds: float
    status: int


def worker(port: int, jobs: list[tuple[str, str]], out: list[Sample], lock: threading.Lock) -> None:
    """Send this thread's requests over one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mine = []
    for kind, path in jobs:
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        mine.append(Sample(kind, time.perf_counter() - started, response.status))
    conn.close()
    with lock:
        out.extend(mine)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "web-bench.db")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1_200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    build(args.db, args.articles)

    with Store.open(args.db) as store:
        keys = [row["key"] for row in store.db.query("SELECT key FROM articles ORDER BY id")]
    rng = random.Random(11)
    jobs: list[tuple[str, str]] = []
    groups = args.articles // GROUP_SIZE
    for number in range(args.requests):
        if number % 2:
            jobs.append(("article", f"/articles/{rng.choice(keys)}"))
            continue
        kind = ("broad", "medium", "narrow")[number // 2 % 3]
        if kind == "broad":
            params = {"q": rng.choice(BROAD)}
            if number % 4 == 0:
                params["site"] = f"site{rng.randrange(SITES)}.example"
        elif kind == "medium":
            params = {"q": rng.choice(FILLER)}
        else:
            params = {"q": f'"update {rng.randrange(groups)}"'}
        if number % 10 == 0:
            params["page"] = "2"
        jobs.append((f"search-{kind}", "/search?" + urlencode(params)))

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "serve", "--db", str(args.db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for path in ("/", f"/articles/{keys[0]}", "/search?q=budget"):
            warm.request("GET", path)
            warm.getresponse().read()
        warm.close()

        samples: list[Sample] = []
        lock = threading.Lock()
        threads = [
            threading.Thread(target=worker, args=(port, jobs[i :: args.clients], samples, lock))
            for i in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    failed = [s for s in samples if s.status != 200]
    print(f"\n{len(samples)} requests, {args.clients} clients, {elapsed:.1f} s, {len(failed)} not 200")
    print(f"{'page':<14} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind in ("article", "search-broad", "search-medium", "search-narrow", "search", "all"):
        chosen = [s.seconds * 1000 for s in samples if kind == "all" or s.kind.startswith(kind)]
        share = len(chosen) / elapsed
        print(
            f"{kind:<14} {len(chosen):>8} {share:>8.1f} {percentile(chosen, 0.5):>8.1f} "
            f"{percentile(chosen, 0.99):>8.1f} {statistics.fmean(chosen):>8.1f}"
        )


if __name__ == "__main__":
    main()
