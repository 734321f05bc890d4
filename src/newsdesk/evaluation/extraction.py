"""Score article-body extraction on the article-extraction-benchmark layout.

Layout: ``DIR/html/<id>.html[.gz]`` and ``DIR/ground-truth.json`` mapping each id to
``{"articleBody": ..., "url": ...}``. The metric is the benchmark's own: texts become
multisets of overlapping 4-token shingles (tokens are ``\\w+`` matches); per page
tp/fp/fn are normalised, precision and recall are averaged over pages, F1 is their
harmonic mean. In ``text`` mode each page is first flattened to scraped-style text
(:mod:`newsdesk.clean.flatten`) and cleaned by the plain-text cleaner.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from newsdesk.clean.flatten import Style, flatten
from newsdesk.errors import InputError
from newsdesk.evaluation.scores import PRF
from newsdesk.pipeline import Pipeline
from newsdesk.read import read_bytes
from newsdesk.read.decode import decode
from newsdesk.record import Document

Mode = Literal["html", "text"]
# Cleaning only: the model is never loaded by this evaluation.
_CLEANER = Pipeline()
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of overlapping 4-token shingles; 1–3 tokens give one short shingle."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


@dataclass(slots=True)
class PageScore:
    """tp, fp and fn of one page, each already divided by tp + fp + fn."""

    id: str
    tp: float
    fp: float
    fn: float
    error: str | None = None


def score_page(page_id: str, gold: str, predicted: str) -> PageScore:
    """Shingle overlap of one page's prediction with its gold body."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(page_id, 0.0, 0.0, 0.0)
    return PageScore(page_id, tp / total, fp / total, fn / total)


@dataclass(slots=True)
class ExtractionReport:
    """Benchmark result: mean precision and recall over pages, their F1, and speed."""

    mode: str
    style: str | None
    pages: int
    precision: float
    recall: float
    f1: float
    seconds: float
    errors: list[str] = field(default_factory=list)
    per_page: list[PageScore] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "style": self.style,
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "errors": self.errors,
        }


def aggregate(scores: list[PageScore]) -> PRF:
    """Mean precision, mean recall (each over pages where defined) and their harmonic mean."""
    precisions = [s.tp / (s.tp + s.fp) for s in scores if s.tp + s.fp > 0]
    recalls = [s.tp / (s.tp + s.fn) for s in scores if s.tp + s.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF.of(precision, recall)


class BenchmarkPage(NamedTuple):
    """One benchmark page: its id, its raw bytes and its gold record (``articleBody``, ``url``)."""

    id: str
    raw: bytes
    gold: dict[str, str]


def load_benchmark(root: Path) -> Iterator[BenchmarkPage]:
    """Every page with gold, in id order."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((root / "html").glob("*.html*")):
        page_id = path.name.split(".")[0]
        if page_id in gold:
            yield BenchmarkPage(page_id, path.read_bytes(), gold[page_id])


def predict_body(raw: bytes, url: str | None, mode: Mode, style: Style) -> str:
    """The body newsdesk extracts from one benchmark page (cleaning only: no NLP stages)."""
    if mode == "html":
        article = _CLEANER.prepare(read_bytes(raw, input_format="html", url=url))
    else:
        page, _warnings = decode(raw)
        text = flatten(page, style)
        article = _CLEANER.prepare(Document(content=text, input_format="text", url=url))
    return article.body


def evaluate_extraction(root: Path, mode: Mode = "html", style: Style = "lines") -> ExtractionReport:
    """Run the cleaner over a benchmark directory and score it."""
    if not (root / "ground-truth.json").is_file():
        raise InputError(f"{root} has no ground-truth.json (expected the article-extraction-benchmark layout)")
    scores: list[PageScore] = []
    errors: list[str] = []
    start = time.perf_counter()
    for page_id, raw, gold in load_benchmark(root):
        try:
            predicted = predict_body(raw, gold.get("url"), mode, style)
        except InputError as exc:
            errors.append(f"{page_id}: {exc}")
            predicted = ""
        scores.append(score_page(page_id, gold.get("articleBody", ""), predicted))
    seconds = time.perf_counter() - start
    precision, recall, f1 = aggregate(scores)
    return ExtractionReport(
        mode=mode,
        style=style if mode == "text" else None,
        pages=len(scores),
        precision=precision,
        recall=recall,
        f1=f1,
        seconds=seconds,
        errors=errors,
        per_page=scores,
    )
