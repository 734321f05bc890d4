"""Ingest throughput against spaCy alone, 1 vs 2 workers, and peak worker memory.

Usage: ``.venv/bin/python bench/bench_ingest.py [--copies 2] [--rounds 3] [--cache DIR]``

Corpus: the Lee corpus of ABC news articles (gensim's test data: ``lee_background.cor`` and
``lee.cor``), fetched at run time with ``pip download --no-deps gensim==4.4.0`` into a cache
directory (never committed), its 348 short articles grouped into ~700-word texts and repeated
``--copies`` times under different URLs. Every figure is measured in this one run, in
``--rounds`` interleaved rounds (the shared host's speed drifts by ±20% over minutes, so a
ratio is only taken between measurements of the same round, and the median is reported):

- spaCy alone: ``nlp.pipe`` of the packaged model (no newsdesk components) over the article
  texts newsdesk's cleaner produces from those inputs (the same texts the ingest annotates);
- ingest with 1 and 2 workers into a fresh SQLite store: the whole pipeline (read, clean,
  NLP with newsdesk's components, MinHash, storage). Throughput is steady state — from the
  moment every worker has delivered its first batch to the last batch — so the one-off
  model load is left out;
- the 1-worker ratio also by CPU time: a 1-worker ingest runs wholly in this process, so its
  CPU seconds per article (first batch included) against spaCy's are the same comparison with
  less of the other tenants' noise in it.
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

from newsdesk.ingest.local import RunStats

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


def _steady_rate(marks: list[tuple[float, int]], workers: int) -> float:
    """Inputs per second after every worker has delivered its first batch (the one-off model
    load and warm-up are over by then), to the last batch."""
    (t0, d0), (t1, d1) = marks[min(workers, len(marks) - 1) - 1], marks[-1]
    return (d1 - d0) / (t1 - t0) if t1 > t0 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="Times the corpus is repeated (distinct URLs).")
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved measurement rounds.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    args = parser.parse_args()

    import spacy
    from spacy.language import Language

    from newsdesk.annotate import DEFAULT_MODEL
    from newsdesk.ingest.local import run
    from newsdesk.ingest.sources import collect
    from newsdesk.pipeline import Pipeline, prepare
    from newsdesk.read import read_bytes
    from newsdesk.store import Store

    texts = lee_texts(args.cache)
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-ingest-"))
    total: int = len(texts) * args.copies
    cleaned = [prepare(read_bytes(t.encode(), input_format="text")).text for t in texts] * args.copies
    words = sum(len(t.split()) for t in cleaned)
    print(f"corpus: {total} texts, {words} words after cleaning ({words / total:.0f} per text)")
    base = spacy.load(DEFAULT_MODEL)
    nlp = Pipeline().nlp
    print(f"spaCy alone: {DEFAULT_MODEL} ({', '.join(base.pipe_names)}), nlp.pipe, batch 32")
    print(f"newsdesk's pipeline: {', '.join(nlp.pipe_names)}")

    cpu: dict[str, float] = {}  # CPU seconds per article of this process, by run name

    def pipe_rate(pipeline: Language, name: str) -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in pipeline.pipe(cleaned, batch_size=32):
            pass
        cpu[name] = (time.process_time() - cpu_started) / total
        return total / (time.perf_counter() - started)

    def ingest_rate(round_no: int, workers: int) -> float:
        # Fresh URLs every run, so each run stores every text (no "unchanged" shortcuts).
        feed = work / f"feed-{round_no}-{workers}.jsonl"
        with feed.open("w", encoding="utf-8") as handle:
            for copy in range(args.copies):
                for number, text in enumerate(texts):
                    url = f"https://r{round_no}w{workers}c{copy}.example/{number}"
                    handle.write(json.dumps({"url": url, "text": text}) + "\n")
        marks: list[tuple[float, int]] = []
        cpu_started = time.process_time()
        with Store.open(work / f"bench-{round_no}-{workers}.db") as store:
            stats = run(store, collect([str(feed)]).items, workers=workers, on_progress=_marker(marks))
        cpu[f"ingest{workers}"] = (time.process_time() - cpu_started) / total
        assert stats.added == total and stats.failed == 0, stats
        peaks.setdefault(workers, []).append(stats.peak_rss_mb)
        return _steady_rate(marks, workers)

    # The machine's speed drifts (shared host): every round measures all four in turn, the
    # order rotated per round, and the ratios are taken within a round.
    peaks: dict[int, list[float]] = {}
    runs: dict[str, Callable[[int], float]] = {
        "spacy": lambda _r: pipe_rate(base, "spacy"),
        "pipeline": lambda _r: pipe_rate(nlp, "pipeline"),
        "ingest1": lambda r: ingest_rate(r, 1),
        "ingest2": lambda r: ingest_rate(r, 2),
    }
    pipe_rate(base, "spacy"), pipe_rate(nlp, "pipeline")  # warm both lemma caches before anything is timed
    ratios: dict[str, list[float]] = {
        "1w/spacy": [], "1w/pipeline": [], "pipeline/spacy": [], "2w/1w": [], "1w/spacy by CPU time": []
    }  # fmt: skip
    for round_no in range(args.rounds):
        order = list(runs)[round_no % len(runs) :] + list(runs)[: round_no % len(runs)]
        rate = {name: runs[name](round_no) for name in order}
        ratios["1w/spacy"].append(rate["ingest1"] / rate["spacy"])
        ratios["1w/pipeline"].append(rate["ingest1"] / rate["pipeline"])
        ratios["pipeline/spacy"].append(rate["pipeline"] / rate["spacy"])
        ratios["2w/1w"].append(rate["ingest2"] / rate["ingest1"])
        # With 1 worker everything runs in this process, so its CPU time is the ingest's whole
        # cost (first batch included); CPU time is less disturbed by other tenants than wall time.
        ratios["1w/spacy by CPU time"].append(cpu["spacy"] / cpu["ingest1"])
        print(
            f"round {round_no + 1}: articles/s spaCy {rate['spacy']:.2f}, newsdesk pipeline {rate['pipeline']:.2f}, "
            f"ingest 1 worker {rate['ingest1']:.2f}, ingest 2 workers {rate['ingest2']:.2f}; CPU ms per article "
            f"spaCy {cpu['spacy'] * 1000:.0f}, pipeline {cpu['pipeline'] * 1000:.0f}, ingest 1 worker "
            f"{cpu['ingest1'] * 1000:.0f}",
            flush=True,
        )
    for name, values in ratios.items():
        target = {"1w/spacy": "   (target >= 0.8)", "2w/1w": "   (target >= 1.7)"}.get(name, "")
        target = "   (same target, by CPU)" if name == "1w/spacy by CPU time" else target
        rounds = ", ".join(f"{v:.2f}" for v in values)
        print(f"ratio {name}: median {statistics.median(values):.2f} (rounds: {rounds}){target}")
    print(
        f"peak memory: {max(peaks[2]):.0f} MB per worker process (2 workers); {max(peaks[1]):.0f} MB for the "
        "1-worker run, which is this process and so also holds the baseline spaCy model"
    )


if __name__ == "__main__":
    main()
