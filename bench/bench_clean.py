"""Speed of newsdesk's clean stage against trafilatura alone, on the same pages, in one process.

    .venv/bin/python bench/bench_clean.py ../shared/data/snippets-dev [--half tune] [--mode html]
    .venv/bin/python bench/bench_clean.py ../shared/data/article-extraction-dev --mode text --profile

Pages come from a snippet set (``evaldata.json``, ``eval/``) or the extraction benchmark
(``html/``, ``ground-truth.json``); each page's input is made once (flattened in text mode), then
the two systems take turns on it, so a slow spell of a shared machine hits both. Time is CPU time
(process time). The ratio printed is newsdesk's pages/s over trafilatura's, against issue 17's
budget of at least 0.8. ``--profile`` adds where the clean stage's own time goes (cProfile,
grouped: trafilatura's extraction, metadata, pruning, flattening, date search, language).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
from collections.abc import Callable
from functools import partial
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.evaluation.halves import in_half
from newsdesk.evaluation.systems import Clock, PageInput, newsdesk_output, page_input, trafilatura_output

_BUDGET = 0.8
# Functions whose cumulative time is reported under --profile: module path fragment and name.
_PARTS = {
    "trafilatura's extraction": ("clean/html.py", "_main_text"),
    "metadata (trafilatura's readers)": ("clean/meta.py", "read_metadata"),
    "  its date search (htmldate)": ("htmldate/core.py", "find_date"),
    "author in the markup": ("clean/meta.py", "fallback_author"),
    "parsing": ("clean/flatten.py", "parse_html"),
    "class and id names (listed once)": ("clean/names.py", "__init__"),
    "pruning": ("clean/prune.py", "prune"),
    "flattening": ("clean/flatten.py", "flatten_tree"),
    "date line fallback": ("clean/html.py", "_date"),
    "link texts": ("clean/links.py", "link_texts"),
    "lead texts": ("clean/lead.py", "lead_texts"),
    "furniture boxes": ("clean/boxes.py", "box_texts"),
    "language detection": ("clean/language.py", "detect_language"),
    "labels without their content": ("clean/links.py", "drop_orphan_labels"),
    "decoding": ("read/decode.py", "decode"),
}


def pages(root: Path, half: str | None) -> list[tuple[bytes, str | None]]:
    """Raw bytes and URL of every page of ``root`` in ``half``."""
    out: list[tuple[bytes, str | None]] = []
    if (root / "evaldata.json").is_file():
        for url, item in json.loads((root / "evaldata.json").read_text(encoding="utf-8")).items():
            path = root / "eval" / item["file"]
            if in_half(url, half) and path.is_file():
                out.append((path.read_bytes(), url))
        return out
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((root / "html").glob("*.html*")):
        page_id = path.name.split(".")[0]
        if page_id in gold and in_half(page_id, half):
            out.append((path.read_bytes(), gold[page_id].get("url")))
    return out


def run(inputs: list[PageInput], system: Callable[[PageInput, Clock], str], clock: Clock) -> None:
    """One system over every page; a page it finds no article in still counts its time."""
    for page in inputs:
        with contextlib.suppress(InputError):
            system(page, clock)


def profile(inputs: list[PageInput]) -> None:
    """Cumulative time of the clean stage's parts, as shares of the whole stage."""
    profiler = cProfile.Profile()
    profiler.runcall(run, inputs, newsdesk_output, Clock())
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    whole = sum(v[3] for k, v in stats.items() if k[2] == "newsdesk_output")
    for label, (path, name) in _PARTS.items():
        spent = sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] == name)
        print(f"{label:32} {spent:7.2f} s  {100 * spent / whole:5.1f}%")


# Like for like: trafilatura reading the page's metadata too, as the clean stage does.
trafilatura_with_metadata = partial(trafilatura_output, metadata=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--half", choices=["tune", "check"])
    parser.add_argument("--mode", choices=["html", "text"], default="html")
    parser.add_argument("--style", choices=["lines", "glued"], default="lines")
    parser.add_argument("--rounds", type=int, default=1, help="Passes over the pages (after one warm-up page).")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    inputs = [page_input(raw, url, args.mode, args.style) for raw, url in pages(args.directory, args.half)]
    if not inputs:
        raise SystemExit("no pages")
    run(inputs[:1], newsdesk_output, Clock())  # imports, models and caches load outside the timing
    run(inputs[:1], trafilatura_output, Clock())
    run(inputs[:1], trafilatura_with_metadata, Clock())
    ours, theirs, theirs_meta = Clock(), Clock(), Clock()
    for _ in range(args.rounds):
        for page in inputs:
            run([page], newsdesk_output, ours)
            run([page], trafilatura_output, theirs)
            run([page], trafilatura_with_metadata, theirs_meta)
    n = len(inputs) * args.rounds
    ratio = theirs.seconds / ours.seconds if ours.seconds else 0.0
    print(f"{len(inputs)} pages, {args.mode} mode, half {args.half or 'all'}, {args.rounds} round(s), CPU time")
    print(f"newsdesk clean stage: {n / ours.seconds:6.1f} pages/s")
    print(f"trafilatura alone:    {n / theirs.seconds:6.1f} pages/s")
    print(f"ratio {ratio:.2f} (budget ≥ {_BUDGET}): {'within' if ratio >= _BUDGET else 'OVER'}")
    # Like for like: the clean stage also reads the page's title, date, authors and site.
    like_for_like = theirs_meta.seconds / ours.seconds if ours.seconds else 0.0
    print(f"trafilatura with its metadata: {n / theirs_meta.seconds:6.1f} pages/s, ratio {like_for_like:.2f}")
    if args.profile:
        profile(inputs)


if __name__ == "__main__":
    main()
