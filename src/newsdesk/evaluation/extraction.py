"""Score article-body extraction on the article-extraction-benchmark layout.

Layout: ``DIR/html/<id>.html[.gz]`` and ``DIR/ground-truth.json`` mapping each id to
``{"articleBody": ..., "url": ...}``. The metric is the benchmark's own: texts become
multisets of overlapping 4-token shingles (tokens are ``\\w+`` matches); per page
tp/fp/fn are normalised, precision and recall are averaged over pages, F1 is their
harmonic mean. In ``text`` mode each page is first flattened to scraped-style text
(:mod:`newsdesk.clean.flatten`) and cleaned by the plain-text cleaner. trafilatura alone runs
on the same input beside it (:mod:`newsdesk.evaluation.systems`) as the baseline.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from newsdesk.clean.flatten import Style
from newsdesk.errors import InputError
from newsdesk.evaluation.halves import in_half
from newsdesk.evaluation.scores import PRF, run_dict
from newsdesk.evaluation.systems import Clock, Mode, PageInput, newsdesk_output, page_input, trafilatura_output

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

    system: str
    mode: str
    style: str | None
    half: str | None
    pages: int
    precision: float
    recall: float
    f1: float
    seconds: float
    errors: list[str] = field(default_factory=list)
    per_page: list[PageScore] = field(default_factory=list)
    baseline: ExtractionReport | None = None

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        out = run_dict("benchmark", self, {})
        if self.baseline is not None:
            out["baseline"] = self.baseline.to_dict()
        return out


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


def evaluate_extraction(
    root: Path, mode: Mode = "html", style: Style = "lines", half: str | None = None
) -> ExtractionReport:
    """Run newsdesk's clean stage and trafilatura alone over a benchmark directory and score both."""
    if not (root / "ground-truth.json").is_file():
        raise InputError(
            f"{root} has neither ground-truth.json nor evaldata.json (expected a benchmark or a snippet set)"
        )
    ours, theirs = _Run("newsdesk"), _Run("trafilatura")
    for page_id, raw, gold in load_benchmark(root):
        if not in_half(page_id, half):
            continue
        body = gold.get("articleBody", "")
        try:
            prepared: PageInput | InputError = page_input(raw, gold.get("url"), mode, style)
        except InputError as exc:
            prepared = exc
        ours.score(page_id, body, prepared, newsdesk_output)
        theirs.score(page_id, body, prepared, trafilatura_output)
    style_shown = style if mode == "text" else None
    report = ours.report(mode, style_shown, half)
    report.baseline = theirs.report(mode, style_shown, half)
    return report


@dataclass(slots=True)
class _Run:
    """One system's page scores, clock and errors as the pages go by."""

    system: str
    scores: list[PageScore] = field(default_factory=list)
    clock: Clock = field(default_factory=Clock)
    errors: list[str] = field(default_factory=list)

    def score(
        self, page_id: str, gold: str, prepared: PageInput | InputError, run: Callable[[PageInput, Clock], str]
    ) -> None:
        predicted = ""
        try:
            if isinstance(prepared, InputError):
                raise prepared
            predicted = run(prepared, self.clock)
        except InputError as exc:
            self.errors.append(f"{page_id}: {exc}")
        self.scores.append(score_page(page_id, gold, predicted))

    def report(self, mode: str, style: str | None, half: str | None) -> ExtractionReport:
        precision, recall, f1 = aggregate(self.scores)
        return ExtractionReport(
            system=self.system,
            mode=mode,
            style=style,
            half=half,
            pages=len(self.scores),
            precision=precision,
            recall=recall,
            f1=f1,
            seconds=self.clock.seconds,
            errors=self.errors,
            per_page=self.scores,
        )
