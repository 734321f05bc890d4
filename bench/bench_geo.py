"""Cost of the places, claims and tone stages relative to spaCy's own, on a folder of texts.

Usage: ``.venv/bin/python bench/bench_geo.py [DIR_OR_FILES ...] [--limit N]`` (default: the
PolNeAR dev texts in ../shared/data/polnear/dev/text). spaCy's own components run as newsdesk
runs them, batched through ``nlp.pipe`` (BATCH_SIZE), and are timed together; then each newsdesk
component is timed per Doc (entities and quotes run first, untimed here, as the places/claims/tone
inputs). The gazetteer and lexicon loads happen once, before timing, and are reported separately.
Prints per-stage seconds and the ratio of places + claims + tone to spaCy's own time (target ≤ 10%).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from newsdesk.components import COMPONENTS
from newsdesk.extract.places.gazetteer import gazetteer
from newsdesk.extract.tone import quote_tone
from newsdesk.pipeline import BATCH_SIZE, Pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
OURS = ("newsdesk_places", "newsdesk_claims", "newsdesk_tone")


def main() -> None:
    """Time every pipeline stage over the texts and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--limit", type=int, default=0, help="Use at most N texts (0: all).")
    args = parser.parse_args()
    files = sorted(f for p in args.paths for f in (p.glob("*.txt") if p.is_dir() else [p]))
    if args.limit:
        files = files[: args.limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    if not texts:
        raise SystemExit(f"no .txt files in {', '.join(map(str, args.paths))}")
    started = time.perf_counter()
    nlp = Pipeline().nlp
    loaded_nlp = time.perf_counter() - started
    started = time.perf_counter()
    gazetteer()
    quote_tone("warm up")
    loaded_data = time.perf_counter() - started
    # The extraction components (the registry's); newsdesk_paragraphs and newsdesk_morph are part of
    # annotating and run inside spaCy's own timing, as the parser needs them.
    ours_and_theirs = [c.factory for c in COMPONENTS if c.factory in nlp.pipe_names]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE, disable=ours_and_theirs))
    spacy_time = time.perf_counter() - started
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for name in ours_and_theirs:
            component = nlp.get_pipe(name)
            started = time.perf_counter()
            component(doc)
            spent[name] += time.perf_counter() - started
    words = sum(1 for doc in docs for t in doc if t.is_alpha)
    ours = sum(spent[k] for k in OURS)
    print(f"{len(texts)} texts, {words} words; load: spaCy {loaded_nlp:.2f} s, gazetteer + VADER {loaded_data:.2f} s")
    print(f"  spaCy (nlp.pipe)     {spacy_time:8.3f} s")
    for name, seconds in spent.items():
        print(f"  {name:20s} {seconds:8.3f} s  {100 * seconds / spacy_time:6.1f}% of spaCy")
    print(f"spaCy's own: {spacy_time:.3f} s; places + claims + tone: {ours:.3f} s = {100 * ours / spacy_time:.1f}%")


if __name__ == "__main__":
    main()
