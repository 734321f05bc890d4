"""Ingest throughput against spaCy alone, 1 vs 2 workers, and peak worker memory.

Usage: ``.venv/bin/python bench/bench_ingest.py [--copies 3] [--cache DIR]``

Corpus: the Lee corpus of ABC news articles (gensim's test data: ``lee_background.cor`` and
``lee.cor``), fetched at run time with ``pip download --no-deps gensim==4.4.0`` into a cache
directory (never committed), its 348 short articles grouped into ~700-word texts and repeated
``--copies`` times under different URLs. Every figure is measured in this one run:

- spaCy alone: ``nlp.pipe`` of the packaged model (no newsdesk components) over the article
  texts newsdesk's cleaner produces from those inputs (the same texts the ingest annotates);
- ingest with 1 and 2 workers into a fresh SQLite store: the whole pipeline (read, clean,
  NLP with newsdesk's components, MinHash, storage). Throughput is steady state — from the
  first stored batch to the last — so the one-off model load is reported apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from newsdesk.store.ingest import RunStats

WHEEL = "gensim==4.4.0"
CORPUS_FILES = ("gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor")
TEXT_WORDS = 700


def lee_articles(cache: Path) -> list[str]:
    """The Lee corpus articles (one per line in the wheel), downloading the wheel once into ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache.glob("gensim-4.4.0-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", WHEEL, "-d", str(cache)], check=True
        )
        wheels = sorted(cache.glob("gensim-4.4.0-*.whl"))
    articles = []
    with zipfile.ZipFile(wheels[0]) as wheel:
        for name in CORPUS_FILES:
            text = wheel.read(name).decode("cp1252")
            articles += [line.strip() for line in text.splitlines() if line.strip()]
    return articles


def lee_texts(cache: Path) -> list[str]:
    """Articles grouped into ~700-word texts: a headline-like first line, one paragraph per article."""
    texts, current = [], []
    for article in lee_articles(cache):
        current.append(article)
        if sum(len(a.split()) for a in current) >= TEXT_WORDS:
            headline = " ".join(current[0].split()[:9])
            texts.append(headline + "\n\n" + "\n\n".join(current))
            current = []
    return texts


def _marker(marks: list[tuple[float, int]]) -> Callable[[RunStats], None]:
    """A progress hook noting (time, inputs done) after every stored batch."""
    return lambda stats: marks.append((time.perf_counter(), stats.done))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="Times the corpus is repeated (distinct URLs).")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    args = parser.parse_args()

    from newsdesk.annotate import DEFAULT_MODEL, get_nlp
    from newsdesk.pipeline import prepare
    from newsdesk.read import read_bytes
    from newsdesk.store import Store
    from newsdesk.store.ingest import run
    from newsdesk.store.sources import collect

    texts = lee_texts(args.cache)
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-ingest-"))
    feed = work / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for copy in range(args.copies):
            for number, text in enumerate(texts):
                handle.write(json.dumps({"url": f"https://bench{copy}.example/{number}", "text": text}) + "\n")
    total = len(texts) * args.copies
    cleaned = [prepare(read_bytes(t.encode(), input_format="text")).text for t in texts] * args.copies
    words = sum(len(t.split()) for t in cleaned)
    print(f"corpus: {total} texts, {words} words after cleaning ({words / total:.0f} per text)")

    import spacy

    started = time.perf_counter()
    base = spacy.load(DEFAULT_MODEL)
    load_base = time.perf_counter() - started
    started = time.perf_counter()
    for _ in base.pipe(cleaned, batch_size=32):
        pass
    spacy_rate = total / (time.perf_counter() - started)
    print(f"spaCy alone ({DEFAULT_MODEL}, nlp.pipe): {spacy_rate:.2f} articles/s (model load {load_base:.1f} s)")
    del base

    started = time.perf_counter()
    nlp = get_nlp()
    load_full = time.perf_counter() - started
    started = time.perf_counter()
    for _ in nlp.pipe(cleaned, batch_size=32):
        pass
    full_rate = total / (time.perf_counter() - started)
    print(f"newsdesk's pipeline ({', '.join(nlp.pipe_names)}): {full_rate:.2f} articles/s (load {load_full:.1f} s)")

    rates = {}
    for workers in (1, 2):
        marks: list[tuple[float, int]] = []
        with Store.open(work / f"bench-{workers}.db") as store:
            started = time.perf_counter()
            stats = run(store, collect([str(feed)]).items, workers=workers, on_progress=_marker(marks))
            wall = time.perf_counter() - started
        (t0, d0), (t1, d1) = marks[0], marks[-1]
        rates[workers] = (d1 - d0) / (t1 - t0)
        print(
            f"ingest, {workers} worker(s): {rates[workers]:.2f} articles/s steady state, "
            f"{total / wall:.2f} over the whole run ({wall:.1f} s incl. start-up), added {stats.added}, "
            f"failed {stats.failed}, peak worker memory {stats.peak_rss_mb:.0f} MB"
        )
    print(f"ratio ingest(1 worker) / spaCy alone: {rates[1] / spacy_rate:.2f}   (target >= 0.8)")
    print(f"ratio ingest(1 worker) / newsdesk's pipeline alone: {rates[1] / full_rate:.2f}")
    print(f"ratio ingest(2 workers) / ingest(1 worker): {rates[2] / rates[1]:.2f}   (target >= 1.7)")
    print(f"median words per text: {statistics.median(len(t.split()) for t in cleaned):.0f}")


if __name__ == "__main__":
    main()
