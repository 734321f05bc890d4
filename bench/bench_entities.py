"""Cost of the entities component relative to spaCy itself, on the same texts.

    .venv/bin/python bench/bench_entities.py ../shared/data/polnear/dev/text

Parses every ``*.txt`` in the directory with the packaged spaCy model (``nlp.pipe``, the
pipeline's batch size), then runs ``newsdesk_entities`` over the parsed Docs, and prints both
CPU times (process time, so other jobs on a shared machine do not skew the ratio) and their
ratio. Issue 3's budget is 20% of spaCy's time for all of newsdesk's own stages together; the
entities stage should use a small part of it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.extract.entities.component import EntitiesComponent
from newsdesk.pipeline import BATCH_SIZE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, help="a directory of .txt articles")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = parser.parse_args()

    paths = sorted(args.directory.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    if not texts:
        raise SystemExit(f"no .txt files in {args.directory}")

    nlp = spacy.load(DEFAULT_MODEL)
    component = EntitiesComponent(nlp)
    list(nlp.pipe(texts[:2]))  # warm-up: first calls allocate

    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    spacy_seconds = time.process_time() - started

    started = time.process_time()
    entities = sum(len(component(doc)._.entities) for doc in docs)
    own_seconds = time.process_time() - started

    words = sum(len(doc) for doc in docs)
    print(f"articles         {len(docs)}")
    print(f"tokens           {words}")
    print(f"entities         {entities}")
    print(f"spaCy            {spacy_seconds:8.2f} s CPU  ({1000 * spacy_seconds / len(docs):6.1f} ms/article)")
    print(f"newsdesk_entities{own_seconds:8.2f} s CPU  ({1000 * own_seconds / len(docs):6.1f} ms/article)")
    print(f"ratio            {own_seconds / spacy_seconds:8.1%} of spaCy's time")


if __name__ == "__main__":
    main()
