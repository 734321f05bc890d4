"""Reading a places/claims gold file and running the pipeline over its articles.

The format is documented in docs/gold-format.md: JSON Lines, one article per line, with
``text`` (headline, blank line, body — article mode, so offsets are kept), ``places`` and
``claims``. Both ``newsdesk eval places`` and ``newsdesk eval claims`` read it.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.errors import InputError
from newsdesk.evaluation.files import read_text
from newsdesk.evaluation.scores import PRF
from newsdesk.pipeline import Pipeline
from newsdesk.record import Article, Document

_STOP = frozenset({"the", "a", "an", "of", "in", "on", "for", "to", "and", "its", "their", "his", "her", "this",
                   "that", "these", "those", "with", "by", "from", "at", "s"})  # fmt: skip
_WORD = re.compile(r"[\w$€£¥%]+")


@dataclass(slots=True)
class GoldArticle:
    """One gold article: its text and labels as the file gives them."""

    id: str
    text: str
    places: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    focus: list[str] | None = None


# The halves of a gold file, for tuning on one and confirming on the other: articles at odd
# positions in the file (1st, 3rd, …) are "tune", at even positions "check". By position, not by
# id, so any gold file splits; a file grouped by source (real-news-geo: PolNeAR dev, train, then
# benchmark pages) gives each half an even share of every group.
HALVES = ("tune", "check")


def load_gold(path: Path, half: str | None = None) -> list[GoldArticle]:
    """Parse a gold JSONL file, all of it or one of :data:`HALVES`; a malformed line is an
    InputError naming the line."""
    articles = _parse_gold(path)
    if half is None:
        return articles
    if half not in HALVES:
        raise InputError(f"unknown half {half!r}: use one of {', '.join(HALVES)}")
    return articles[HALVES.index(half) :: 2]


def _parse_gold(path: Path) -> list[GoldArticle]:
    lines = read_text(path, "gold file").splitlines()
    out: list[GoldArticle] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            text = data["text"]
            if not isinstance(text, str) or not text.strip():
                raise ValueError("empty text")
            out.append(
                GoldArticle(
                    id=str(data.get("id", number)),
                    text=text,
                    places=list(data.get("places", [])),
                    claims=list(data.get("claims", [])),
                    focus=data.get("focus"),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path.name} line {number}: not a gold article ({exc})") from None
    if not out:
        raise InputError(f"{path.name}: no gold articles")
    return out


def run_pipeline(gold: list[GoldArticle]) -> tuple[list[Article], float]:
    """Annotate every gold text in article mode (offsets kept); returns the records and seconds taken."""
    pipeline = Pipeline()
    articles = [pipeline.prepare(Document(content=g.text, input_format="article")) for g in gold]
    for article in articles:
        article.language = "en"  # gold is English by definition; short texts can fool the detector
    pipeline.load()
    started = time.perf_counter()
    for error in pipeline.annotate(articles):
        if error is not None:
            raise error
    return articles, time.perf_counter() - started


def words(text: str | None) -> set[str]:
    """Content words of a phrase, lower case, a plural "s" dropped: the unit of object and claimant matching."""
    out: set[str] = set()
    for word in _WORD.findall((text or "").lower()):
        if word in _STOP:
            continue
        if len(word) > 3 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return out


def prf(tp: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    return PRF.of(tp / predicted if predicted else 0.0, tp / gold if gold else 0.0)
