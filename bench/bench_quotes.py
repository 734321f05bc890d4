"""Cost of the quote stage (quotes, stance, provenance) relative to spaCy itself, on the same texts.

    .venv/bin/python bench/bench_quotes.py                      # real ABC news, fetched from PyPI
    .venv/bin/python bench/bench_quotes.py ../shared/data/polnear/dev/text [--limit N]

Without a directory the texts are the 348 short ABC news articles that the ``gensim==4.4.0``
wheel carries (``gensim/test/test_data/lee_background.cor``), fetched once with
``pip download --no-deps`` into a cache directory (never committed) and grouped into ~700-word
texts, the length of a typical article. spaCy runs as newsdesk runs it (``nlp.pipe``, the
pipeline's batch size); then ``newsdesk_quotes`` runs over the parsed Docs. Both are timed in
CPU seconds (process time, so other jobs on a shared machine do not skew the ratio), and the
ratio is printed against issue 3's budget: the quote stage's own time ≤ 20% of spaCy's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import spacy

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.extract.quotes.component import QuoteComponent
from newsdesk.pipeline import BATCH_SIZE

_WHEEL = "gensim==4.4.0"
_MEMBER = "gensim/test/test_data/lee_background.cor"
_WORDS_PER_TEXT = 700  # the article length the budget is stated for
_BUDGET = 0.20


def lee_texts(cache: Path) -> list[str]:
    """The Lee corpus from the gensim wheel (downloaded once into ``cache``), as ~700-word texts."""
    wheels = sorted(cache.glob("gensim-4.4.0-*.whl"))
    if not wheels:
        cache.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(cache)]
        subprocess.run([*command, _WHEEL], check=True)
        wheels = sorted(cache.glob("gensim-4.4.0-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        lines = wheel.read(_MEMBER).decode("cp1252").splitlines()
    texts, current = [], []
    for line in (x.strip() for x in lines if x.strip()):
        current.append(line)
        if sum(len(x.split()) for x in current) >= _WORDS_PER_TEXT:
            texts.append("\n\n".join(current))
            current = []
    if current:
        texts.append("\n\n".join(current))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, nargs="?", help="a directory of .txt articles (default: Lee corpus)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts (0: all)")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "newsdesk-bench", help="where the wheel is kept"
    )
    args = parser.parse_args()

    if args.directory is not None:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.directory.glob("*.txt"))]
    else:
        texts = lee_texts(args.cache)
    if args.limit:
        texts = texts[: args.limit]
    if not texts:
        raise SystemExit("no texts to run on")

    nlp = spacy.load(DEFAULT_MODEL)
    component = QuoteComponent()
    for doc in nlp.pipe(texts[:2]):  # warm-up: first calls allocate and load the lexicon
        component(doc)

    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    spacy_seconds = time.process_time() - started

    started = time.process_time()
    quotes = sum(len(component(doc)._.quotes) for doc in docs)
    own_seconds = time.process_time() - started

    words = sum(len(text.split()) for text in texts)
    ratio = own_seconds / spacy_seconds
    print(f"texts            {len(docs)}")
    print(f"words            {words}")
    print(f"quotes           {quotes}")
    print(f"spaCy            {spacy_seconds:8.2f} s CPU  ({1000 * spacy_seconds / len(docs):6.1f} ms/text)")
    print(f"newsdesk_quotes  {own_seconds:8.2f} s CPU  ({1000 * own_seconds / len(docs):6.1f} ms/text)")
    verdict = "ok" if ratio <= _BUDGET else "OVER"
    print(f"ratio            {ratio:8.1%} of spaCy's time (budget {_BUDGET:.0%}: {verdict})")


if __name__ == "__main__":
    main()
