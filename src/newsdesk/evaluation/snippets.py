"""Score cleaning on trafilatura's snippet format, micro-averaged as its own evaluation does.

Layout: ``DIR/evaldata.json`` maps each page's URL to ``{"file", "with": [...], "without":
[...]}`` and the pages sit in ``DIR/eval/<file>``. A "with" snippet found in the output is a
true positive, one missing a false negative; a "without" snippet found is a false positive,
one absent a true negative. Matching is by substring after collapsing every run of white
space to one space (trafilatura's ``tests/eval_common.py`` does the same, so a line break in
the output costs nothing). A page that fails counts as a full miss, as in that script; a page
whose file is not in ``eval/`` is left out (the published set lacks some of its files).
newsdesk's output scored is the article body, as in the extraction benchmark: the headline is
a field of its own, as trafilatura's title is metadata outside its main text, and the set's
annotators list a page's headline among the "without" snippets more often than the "with".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from newsdesk.clean.flatten import Style
from newsdesk.errors import InputError
from newsdesk.evaluation.files import read_text
from newsdesk.evaluation.halves import in_half
from newsdesk.evaluation.scores import PRF, run_dict
from newsdesk.evaluation.systems import Clock, Mode, PageInput, newsdesk_output, page_input, trafilatura_output

_SPACES = re.compile(r"\s+")
INDEX = "evaldata.json"


def norm(text: str) -> str:
    """White space collapsed to single spaces, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


class SnippetPage(NamedTuple):
    """One annotated page: its URL (the split key), file name and snippets."""

    url: str
    file: str
    with_: list[str]
    without: list[str]


@dataclass(slots=True)
class Tally:
    """Snippet counts of one system, summed over pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, page: SnippetPage, output: str | None) -> None:
        """Count one page's snippets against ``output`` (``None``: the system failed)."""
        text = norm(output) if output else ""
        found = sum(1 for s in page.with_ if text and norm(s) in text)
        wrong = sum(1 for s in page.without if text and norm(s) in text)
        self.tp += found
        self.fn += len(page.with_) - found
        self.fp += wrong
        self.tn += len(page.without) - wrong

    def scores(self) -> PRF:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF.of(precision, recall)


@dataclass(slots=True)
class SnippetReport:
    """One system's result on a snippet set: micro-averaged scores and speed."""

    system: str
    mode: str
    style: str | None
    half: str | None
    pages: int
    tally: Tally
    seconds: float
    errors: list[str] = field(default_factory=list)
    baseline: SnippetReport | None = None

    @property
    def precision(self) -> float:
        return self.tally.scores().precision

    @property
    def recall(self) -> float:
        return self.tally.scores().recall

    @property
    def f1(self) -> float:
        return self.tally.scores().f1

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        t = self.tally
        out = run_dict("snippets", self, {"tp": t.tp, "fp": t.fp, "fn": t.fn, "tn": t.tn})
        if self.baseline is not None:
            out["baseline"] = self.baseline.to_dict()
        return out


def is_snippet_set(root: Path) -> bool:
    """Whether ``root`` holds a snippet set (its index file)."""
    return (root / INDEX).is_file()


def load_snippets(root: Path, half: str | None = None) -> list[SnippetPage]:
    """The annotated pages of ``root`` in ``half``, in URL order; a malformed index is an :class:`InputError`."""
    try:
        data = json.loads(read_text(root / INDEX, INDEX))
    except json.JSONDecodeError as exc:
        raise InputError(f"{INDEX} is not valid JSON (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{INDEX} must map each URL to its file and snippets")
    return [_page(url, data[url]) for url in sorted(data) if in_half(url, half)]


def _page(url: str, item: object) -> SnippetPage:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        raise InputError(f"{INDEX}: entry {url[:80]!r} has no file name")
    lists = [item.get(key, []) for key in ("with", "without")]
    if not all(isinstance(xs, list) and all(isinstance(x, str) and x.strip() for x in xs) for xs in lists):
        raise InputError(f"{INDEX}: entry {url[:80]!r}: 'with' and 'without' must be lists of non-empty text")
    return SnippetPage(url, item["file"], lists[0], lists[1])


def evaluate_snippets(
    root: Path, mode: Mode = "html", style: Style = "lines", half: str | None = None
) -> SnippetReport:
    """Run newsdesk's clean stage and trafilatura alone over a snippet set and score both."""
    pages = [page for page in load_snippets(root, half) if (root / "eval" / page.file).is_file()]
    ours, theirs = _Run("newsdesk"), _Run("trafilatura")
    for page, prepared in _inputs(root, pages, mode, style):
        ours.score(page, prepared, newsdesk_output)
        theirs.score(page, prepared, trafilatura_output)
    style_shown = style if mode == "text" else None
    report = ours.report(mode, style_shown, half)
    report.baseline = theirs.report(mode, style_shown, half)
    return report


def _inputs(
    root: Path, pages: list[SnippetPage], mode: Mode, style: Style
) -> Iterator[tuple[SnippetPage, PageInput | InputError]]:
    for page in pages:
        path = root / "eval" / page.file
        try:
            yield page, page_input(path.read_bytes(), page.url, mode, style)
        except OSError as exc:
            yield page, InputError(f"cannot read eval/{page.file}: {exc.strerror or exc}")
        except InputError as exc:
            yield page, exc


@dataclass(slots=True)
class _Run:
    """One system's tally, clock and errors as the pages go by."""

    system: str
    tally: Tally = field(default_factory=Tally)
    clock: Clock = field(default_factory=Clock)
    errors: list[str] = field(default_factory=list)
    pages: int = 0

    def score(
        self, page: SnippetPage, prepared: PageInput | InputError, run: Callable[[PageInput, Clock], str]
    ) -> None:
        self.pages += 1
        output: str | None = None
        try:
            if isinstance(prepared, InputError):
                raise prepared
            output = run(prepared, self.clock)
        except InputError as exc:
            self.errors.append(f"{page.file}: {exc}")
        self.tally.add(page, output)

    def report(self, mode: str, style: str | None, half: str | None) -> SnippetReport:
        return SnippetReport(self.system, mode, style, half, self.pages, self.tally, self.clock.seconds, self.errors)
