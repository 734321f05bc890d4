"""Score the quote stage on PolNeAR-style attribution gold (BRAT standoff).

Layout: ``DIR/metadata.tsv`` (compartment, filename, annotators, …), and per split
``DIR/<split>/text/<name>.txt`` with ``DIR/<split>/attributions/<name>_<annotator>.ann``;
the first annotator listed for an article is its gold. Articles run through newsdesk in
article mode (text kept verbatim, so offsets line up), batched through spaCy.

Metrics:

- per role (source, cue, content), each span on its own: precision, recall and F1 with an
  **exact** span match and with a **begin** match (same first character). A discontinuous
  span counts once per fragment and a span shared by two attributions counts once, as in
  the token-tagging evaluations PolNeAR results are published with; spans are compared
  after trimming surrounding whitespace.
- **linked** attributions: a predicted (source, content) pair is right when it matches one
  gold attribution one-to-one, source and every content fragment equal after trimming
  surrounding whitespace and punctuation; and the same with **overlap** matching (token
  Jaccard ≥ 0.5 on the source and on the content).
- what a desk needs: direct quotes found, precision of predicted direct and mixed quotes, and
  speaker right among those found (:mod:`newsdesk.evaluation.desk_quotes`).
- speed: articles/s, words/s, and the time spent in spaCy and in each newsdesk component.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.errors import InputError
from newsdesk.evaluation.desk_quotes import DeskScores
from newsdesk.evaluation.files import read_text
from newsdesk.pipeline import Pipeline, Timing
from newsdesk.record import Article, Quote

Span = tuple[int, int]
ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+")
OVERLAP_THRESHOLD = 0.5  # token Jaccard a source and a content must each reach to count as found


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution as spans: source fragments (empty if none), cue and content fragments."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(slots=True)
class GoldArticle:
    """One gold article: its text and its attributions."""

    name: str
    text: str
    attributions: list[Attribution]


@dataclass(slots=True)
class Score:
    """Counts and the precision, recall and F1 they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(100 * self.precision, 1),
            "recall": round(100 * self.recall, 1),
            "f1": round(100 * self.f1, 1),
        }


@dataclass(slots=True)
class QuoteScores:
    """All the metrics over a set of articles."""

    exact: dict[str, Score] = field(default_factory=lambda: {r: Score() for r in ROLES})
    begin: dict[str, Score] = field(default_factory=lambda: {r: Score() for r in ROLES})
    linked_exact: Score = field(default_factory=Score)
    linked_overlap: Score = field(default_factory=Score)

    def add_article(self, text: str, gold: list[Attribution], predicted: list[Attribution]) -> None:
        """Score one article's predicted attributions against its gold ones."""
        for role in ROLES:
            g = _role_spans(text, gold, role)
            p = _role_spans(text, predicted, role)
            tp = len(g & p)
            self.exact[role].add(tp, len(p) - tp, len(g) - tp)
            gb, pb = Counter(s for s, _ in g), Counter(s for s, _ in p)
            tpb = sum((gb & pb).values())
            self.begin[role].add(tpb, len(p) - tpb, len(g) - tpb)
        tp = _match_exact(text, gold, predicted)
        self.linked_exact.add(tp, len(predicted) - tp, len(gold) - tp)
        tp = _match_overlap(text, gold, predicted)
        self.linked_overlap.add(tp, len(predicted) - tp, len(gold) - tp)

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": {r: s.to_dict() for r, s in self.exact.items()},
            "begin": {r: s.to_dict() for r, s in self.begin.items()},
            "linked_exact": self.linked_exact.to_dict(),
            "linked_overlap": self.linked_overlap.to_dict(),
        }


@dataclass(slots=True)
class QuoteReport:
    """Result of ``newsdesk eval quotes``."""

    split: str
    articles: int
    words: int
    gold_attributions: int
    predicted_attributions: int
    scores: QuoteScores
    desk: DeskScores
    timing: Timing
    errors: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.timing.nlp if self.timing.nlp else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.timing.nlp if self.timing.nlp else 0.0

    def to_dict(self) -> dict[str, Any]:
        total = self.timing.nlp or 1.0
        return {
            "split": self.split,
            "articles": self.articles,
            "words": self.words,
            "gold_attributions": self.gold_attributions,
            "predicted_attributions": self.predicted_attributions,
            **self.scores.to_dict(),
            "desk": self.desk.to_dict(),
            "speed": {
                "articles_per_second": round(self.articles_per_second, 2),
                "words_per_second": round(self.words_per_second),
                "seconds": {"spacy": round(self.timing.spacy, 3)}
                | {k: round(v, 3) for k, v in self.timing.components.items()},
                "share": {"spacy": round(self.timing.spacy / total, 3)}
                | {k: round(v / total, 3) for k, v in self.timing.components.items()},
            },
            "errors": self.errors,
        }


def load_gold(directory: Path, split: str) -> list[GoldArticle]:
    """Read one split of a PolNeAR-style directory, first annotator's attributions per article."""
    metadata = directory / "metadata.tsv"
    if not metadata.is_file():
        raise InputError(f"no metadata.tsv in {directory}")
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("compartment") == split]
    if not rows:
        raise InputError(f"no articles of split {split!r} in {metadata}")
    out: list[GoldArticle] = []
    for row in rows:
        name, annotator = row["filename"], row["annotators"].split("|")[0]
        text_path = directory / split / "text" / f"{name}.txt"
        ann_path = directory / split / "attributions" / f"{name}_{annotator}.ann"
        text = read_text(text_path, str(text_path))
        out.append(GoldArticle(name, text, parse_brat(read_text(ann_path, str(ann_path)))))
    return out


def parse_brat(ann: str) -> list[Attribution]:
    """Attributions of one BRAT standoff file (``T`` spans joined by ``E`` events).

    Only ``T`` lines with a tab, a label and offsets count; a span's text may spill onto
    the next physical lines (it holds blank lines), which are skipped as they start with
    no ``T``/``E`` id. ``Discuss``/``Discard`` spans and notes are ignored.
    """
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.split("\n"):
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if re.fullmatch(r"T\d+", fields[0]):
            label, _, offsets = fields[1].partition(" ")
            try:
                fragments = tuple(_fragment(f) for f in offsets.split(";"))
            except ValueError:
                continue
            spans[fields[0]] = (label, fragments)
        elif re.fullmatch(r"E\d+", fields[0]):
            events.append([tuple(arg.split(":", 1)) for arg in fields[1].split() if ":" in arg])  # type: ignore[misc]
    out: list[Attribution] = []
    for args in events:
        roles: dict[str, list[Span]] = {r: [] for r in ROLES}
        for role, ref in args:
            base = role.rstrip("0123456789").lower()
            if base in roles and ref in spans:
                roles[base].extend(spans[ref][1])
        if roles["content"] or roles["cue"]:
            out.append(Attribution(tuple(roles["source"]), tuple(roles["cue"]), tuple(sorted(roles["content"]))))
    return out


def _fragment(text: str) -> Span:
    start, end = text.split()
    return int(start), int(end)


def attributions(quotes: Iterable[Quote]) -> list[Attribution]:
    """The spans of newsdesk's quote records, in the gold's shape.

    A source with no speaker (a bare "they" nobody could be found for) is still a source phrase
    PolNeAR annotates: its words (``source_phrase``) are scored as the source.
    """
    out: list[Attribution] = []
    for q in quotes:
        found = q.speaker or q.source_phrase
        source = ((found.start, found.end),) if found is not None else ()
        cue = ((q.cue.start, q.cue.end),) if q.cue is not None else ()
        out.append(Attribution(source, cue, tuple(sorted((c.start, c.end) for c in q.content))))
    return out


def _role_spans(text: str, attributions: list[Attribution], role: str) -> set[Span]:
    spans: set[Span] = set()
    for a in attributions:
        for start, end in getattr(a, role):
            trimmed = _strip(text, start, end, punctuation=False)
            if trimmed[0] < trimmed[1]:
                spans.add(trimmed)
    return spans


def _strip(text: str, start: int, end: int, *, punctuation: bool) -> Span:
    """Trim whitespace (and, with ``punctuation``, any Unicode punctuation) from both ends."""

    def edge(ch: str) -> bool:
        return ch.isspace() or (punctuation and unicodedata.category(ch).startswith("P"))

    while start < end and edge(text[start]):
        start += 1
    while end > start and edge(text[end - 1]):
        end -= 1
    return start, end


def _key(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans trimmed of whitespace and punctuation, empty ones dropped, sorted."""
    out = (_strip(text, s, e, punctuation=True) for s, e in spans)
    return tuple(sorted(s for s in out if s[0] < s[1]))


def _match_exact(text: str, gold: list[Attribution], predicted: list[Attribution]) -> int:
    remaining = Counter((_key(text, g.source), _key(text, g.content)) for g in gold)
    tp = 0
    for p in predicted:
        key = (_key(text, p.source), _key(text, p.content))
        if remaining[key] > 0:
            remaining[key] -= 1
            tp += 1
    return tp


def _tokens(text: str, spans: tuple[Span, ...]) -> set[int]:
    """Start offsets of the ``\\w+`` tokens inside ``spans`` (a token's identity is its place)."""
    return {m.start() for s, e in spans for m in _TOKEN.finditer(text, s, e)}


def jaccard(a: set[int], b: set[int]) -> float:
    """Token Jaccard similarity; two empty sets (no source on either side) agree fully."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _match_overlap(text: str, gold: list[Attribution], predicted: list[Attribution]) -> int:
    """One-to-one matching, best pairs first, of attributions that overlap enough on both roles."""
    gold_tokens = [(_tokens(text, g.source), _tokens(text, g.content)) for g in gold]
    pairs: list[tuple[float, int, int]] = []
    for i, p in enumerate(predicted):
        ps, pc = _tokens(text, p.source), _tokens(text, p.content)
        for j, (gs, gc) in enumerate(gold_tokens):
            if not pc & gc:
                continue
            js, jc = jaccard(ps, gs), jaccard(pc, gc)
            if js >= OVERLAP_THRESHOLD and jc >= OVERLAP_THRESHOLD:
                pairs.append((js + jc, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def evaluate_quotes(
    directory: Path, split: str = "dev", *, limit: int | None = None, min_confidence: float | None = None
) -> QuoteReport:
    """Run newsdesk over one split (its first ``limit`` articles) in article mode and score its
    quotes against the gold; ``min_confidence`` filters the predictions of the desk metrics only."""
    from newsdesk.read import read_bytes

    gold = load_gold(directory, split)[:limit]
    pipeline = Pipeline()
    articles: list[tuple[GoldArticle, Article]] = []
    errors: list[str] = []
    for item in gold:
        try:
            article = pipeline.prepare(read_bytes(item.text.encode("utf-8"), input_format="article"))
        except InputError as exc:
            errors.append(f"{item.name}: {exc}")
            continue
        if article.text != item.text:
            errors.append(f"{item.name}: article mode changed the text; offsets would not line up")
            continue
        article.language = "en"  # gold is English by definition; short texts can fool the detector
        articles.append((item, article))
    pipeline.load()
    annotated = pipeline.annotate([article for _, article in articles])
    errors += [f"{item.name}: {error}" for (item, _), error in zip(articles, annotated, strict=True) if error]
    scores, desk = QuoteScores(), DeskScores()
    predicted_total = 0
    for item, article in articles:
        predicted = attributions(article.quotes)
        predicted_total += len(predicted)
        scores.add_article(item.text, item.attributions, predicted)
        desk.add_article(article, item.attributions, min_confidence)
    return QuoteReport(
        split=split,
        articles=len(articles),
        words=sum(len(a.text.split()) for _, a in articles),
        gold_attributions=sum(len(item.attributions) for item, _ in articles),
        predicted_attributions=predicted_total,
        scores=scores,
        desk=desk,
        timing=pipeline.timing,
        errors=errors,
    )
