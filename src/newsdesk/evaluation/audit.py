"""The hand audit of quotes: judgments kept as references, re-scored on newsdesk's current output.

A judgment (one JSON line, format in docs/speaker-audit.md) says of one quote newsdesk extracted
from one page whether it is speech and whether the speaker shown is who said it. It keeps no
article text: the page's file name, the character offsets of the content and speaker in
newsdesk's cleaned text, and short hashes of the content and of the speaker shown, so a changed
extraction is detected rather than scored with a stale verdict.

A current quote takes a judgment when both are on the same page with the same content hash and
the same speaker hash; among several such (a quote repeated on a page), the nearest content start
pairs first, one to one. Offsets only break ties, so a cleaner change that shifts the text does
not orphan a judgment, while a quote whose content or speaker changed is **unjudged** and goes
back to a human (``--unjudged``).

The figures are over a **sample** of the current quotes: each quote is in it when a hash of its
page and content falls below a rate (:func:`in_sample`), so a later round judges only the sampled
quotes that are new or changed, and the sample stays uniform over whatever newsdesk extracts.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.errors import InputError
from newsdesk.evaluation.files import read_text
from newsdesk.read import InputFormatOption
from newsdesk.record import Article, Quote

SPEAKER_VERDICTS = ("right", "wrong", "unresolved", "none")
# The short codes of the judging rules; docs/speaker-audit.md says what each one means.
SPEECH_RULES = frozenset(
    {"S-SAY", "S-WRITE", "S-THINK", "S-FIND", "N-ACT", "N-STATE", "N-VOICE", "N-SCARE", "N-EVID", "N-FRAG"}
)
SPEAKER_RULES = frozenset({"P-NAME", "P-PRON", "P-ROLE", "P-WRONG", "P-UNRES", "P-NONE"})
# "not action": every quote not of kind action, whatever its confidence; "shown": what the desk shows.
# The audit sample: about 14% of the quotes newsdesk extracts from the 82 English pages of the
# extraction benchmark's dev half (163 of 1179 on main of issue 13); see :func:`in_sample`.
RATE = 0.14
SEED = 13
GROUPS = ("all", "not action", "shown", "direct", "mixed", "indirect", "action")
_Z95 = 1.96  # normal quantile of a two-sided 95% interval


@dataclass(frozen=True, slots=True)
class Judgment:
    """One hand verdict on one quote, by reference only (no article text)."""

    page: str
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    content_hash: str
    speaker_hash: str
    speech: bool
    speaker_verdict: str
    speech_rule: str
    speaker_rule: str
    reason: str
    round: int = 1

    @property
    def right(self) -> bool:
        """Speech with the right speaker: what the desk promises."""
        return self.speech and self.speaker_verdict == "right"


@dataclass(frozen=True, slots=True)
class Extracted:
    """One quote as newsdesk extracts it now, with the page it came from."""

    page: str
    article: Article
    quote: Quote

    @property
    def content(self) -> tuple[int, int]:
        """From the first fragment's start to the last fragment's end, in text order."""
        return min(c.start for c in self.quote.content), max(c.end for c in self.quote.content)

    @property
    def speaker(self) -> tuple[int, int] | None:
        s = self.quote.speaker
        return (s.start, s.end) if s is not None else None

    def content_text(self) -> str:
        """The content fragments' text, whitespace-normalised (hashed, never stored)."""
        return " ".join(" ".join(self.article.text[c.start : c.end].split()) for c in self.quote.content)

    def speaker_shown(self) -> str:
        """What the desk shows as the speaker: the entity's name, the phrase, or "" (unattributed)."""
        s = self.quote.speaker
        if s is None:
            return ""
        entity = next((e for e in self.article.entities if e.id == s.entity), None)
        return entity.name if entity is not None else s.name

    def key(self) -> tuple[str, str, str]:
        return self.page, short_hash(self.content_text()), short_hash(self.speaker_shown())

    def stub(self) -> dict[str, Any]:
        """The reference fields of a judgment for this quote, for a judge to complete."""
        return {
            "page": self.page,
            "content": list(self.content),
            "speaker": list(self.speaker) if self.speaker else None,
            "content_hash": short_hash(self.content_text()),
            "speaker_hash": short_hash(self.speaker_shown()),
        }


def short_hash(text: str) -> str:
    """Ten hex digits of SHA-1: enough to tell two quotes of one page apart, and no text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def load_judgments(path: Path) -> list[Judgment]:
    """Read a judgments file; a malformed line is an InputError naming it."""
    lines = read_text(path, "judgments").splitlines()
    return [_judgment(line, n) for n, line in enumerate(lines, 1) if line.strip()]


def _judgment(line: str, number: int) -> Judgment:
    try:
        raw = json.loads(line)
        judgment = Judgment(
            page=raw["page"],
            content=(int(raw["content"][0]), int(raw["content"][1])),
            speaker=(int(raw["speaker"][0]), int(raw["speaker"][1])) if raw.get("speaker") else None,
            content_hash=raw["content_hash"],
            speaker_hash=raw["speaker_hash"],
            speech=bool(raw["speech"]),
            speaker_verdict=raw["speaker_verdict"],
            speech_rule=raw["speech_rule"],
            speaker_rule=raw["speaker_rule"],
            reason=raw["reason"],
            round=int(raw.get("round", 1)),
        )
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"judgments line {number}: {exc}") from None
    known = judgment.speech_rule in SPEECH_RULES and judgment.speaker_rule in SPEAKER_RULES
    if judgment.speaker_verdict not in SPEAKER_VERDICTS or not known:
        raise InputError(f"judgments line {number}: unknown verdict or rule")
    return judgment


def judgment_line(judgment: Judgment) -> str:
    """One judgment as the JSON line the file keeps."""
    return json.dumps(asdict(judgment), ensure_ascii=False)


def extracted_quotes(articles: Iterable[tuple[str, Article]]) -> list[Extracted]:
    """Every quote of every page, in page order then text order."""
    return [Extracted(page, article, q) for page, article in articles for q in article.quotes]


def match(judgments: list[Judgment], quotes: list[Extracted]) -> dict[int, Judgment]:
    """Pair current quotes (by index) with judgments: same page, content and speaker hashes;
    nearest content start first, one to one (see the module docstring)."""
    pairs: list[tuple[int, int, int]] = []
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for i, j in enumerate(judgments):
        by_key.setdefault((j.page, j.content_hash, j.speaker_hash), []).append(i)
    for q_index, q in enumerate(quotes):
        for j_index in by_key.get(q.key(), []):
            pairs.append((abs(judgments[j_index].content[0] - q.content[0]), q_index, j_index))
    matched: dict[int, Judgment] = {}
    used: set[int] = set()
    for _, q_index, j_index in sorted(pairs):
        if q_index not in matched and j_index not in used:
            matched[q_index] = judgments[j_index]
            used.add(j_index)
    return matched


@dataclass(slots=True)
class Tally:
    """Counts of one group of quotes: extracted, in the sample, judged, and the verdicts of the judged."""

    extracted: int = 0
    sampled: int = 0
    judged: int = 0
    speech: int = 0
    right: int = 0
    unresolved: int = 0
    unattributed: int = 0

    def add(self, judgment: Judgment | None, *, sampled: bool = True) -> None:
        self.extracted += 1
        self.sampled += sampled
        if judgment is None:
            return
        self.judged += 1
        self.speech += judgment.speech
        self.right += judgment.right
        self.unresolved += judgment.speech and judgment.speaker_verdict == "unresolved"
        self.unattributed += judgment.speech and judgment.speaker_verdict == "none"

    def to_dict(self) -> dict[str, Any]:
        share = (lambda n: round(100 * n / self.judged, 1)) if self.judged else (lambda n: 0.0)
        return {
            **asdict(self),
            "speech_pct": share(self.speech),
            "right_pct": share(self.right),
            "right_ci95": wilson(self.right, self.judged),
            "speaker_right_of_speech_pct": round(100 * self.right / self.speech, 1) if self.speech else 0.0,
        }


def wilson(successes: int, trials: int) -> list[float]:
    """Wilson 95% interval of a proportion, in percent: how far a sample of ~150 can be trusted."""
    if not trials:
        return [0.0, 100.0]
    p, n, z2 = successes / trials, trials, _Z95 * _Z95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = _Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return [round(100 * max(0.0, centre - half), 1), round(100 * min(1.0, centre + half), 1)]


@dataclass(slots=True)
class AuditReport:
    """Result of ``newsdesk eval audit``: a tally per group, the unjudged quotes, stale judgments."""

    pages: int
    threshold: float
    rate: float
    groups: dict[str, Tally] = field(default_factory=lambda: {g: Tally() for g in GROUPS})
    unjudged: list[Extracted] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    orphaned: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "threshold": self.threshold,
            "rate": self.rate,
            "unjudged_in_sample": len(self.unjudged),
            "groups": {name: tally.to_dict() for name, tally in self.groups.items()},
            "rules": dict(self.rules.most_common()),
            "orphaned_judgments": self.orphaned,
            "errors": self.errors,
        }


def score(quotes: list[Extracted], judgments: list[Judgment], threshold: float, rate: float = RATE) -> AuditReport:
    """Tally the sampled current quotes by group with their judgments; ``shown`` is what the desk
    shows by default: not an action and confidence ≥ ``threshold`` (or none recorded). Judgments
    of quotes outside the sample are kept (a later rate may take them in) but not counted."""
    matched = match(judgments, quotes)
    report = AuditReport(pages=len({q.page for q in quotes}), threshold=threshold, rate=rate)
    for i, q in enumerate(quotes):
        sampled = in_sample(q, rate)
        judgment = matched.get(i) if sampled else None
        for group in groups_of(q.quote, threshold):
            report.groups[group].add(judgment, sampled=sampled)
        if sampled and judgment is None:
            report.unjudged.append(q)
        elif judgment is not None:
            report.rules.update((judgment.speech_rule, judgment.speaker_rule))
    report.orphaned = len(judgments) - len(matched)
    return report


def groups_of(quote: Quote, threshold: float) -> list[str]:
    """The tally groups a quote counts in: all, its kind, and shown when the desk shows it."""
    if quote.kind == "action":
        return ["all", "action"]
    shown = quote.confidence is None or quote.confidence >= threshold
    return ["all", "not action", quote.kind, *(["shown"] if shown else [])]


def in_sample(quote: Extracted, rate: float, seed: int = SEED) -> bool:
    """Whether a quote is in the audit sample: a hash of (seed, page, content hash) below ``rate``.

    A Bernoulli sample keyed on the quote itself, not on its place in a list: a quote the
    extraction did not change stays in (its judgment is reused), a new or changed one comes in
    with the same chance ``rate``, so after any change the sample is still uniform over the
    current output and only its new members need a judge."""
    digest = hashlib.sha1(f"{seed}:{quote.page}:{quote.key()[1]}".encode()).hexdigest()
    return int(digest[:13], 16) < rate * 16**13


def run_pages(directory: Path, input_format: InputFormatOption = "auto") -> tuple[list[tuple[str, Article]], list[str]]:
    """newsdesk over every page of ``directory`` (``.html[.gz]`` and ``.txt`` files) as ``newsdesk
    extract --input-format`` reads it; errors by page."""
    from newsdesk.pipeline import extract_many

    paths = sorted(p for p in directory.iterdir() if p.is_file() and (".htm" in p.name or p.suffix == ".txt"))
    if not paths:
        raise InputError(f"no .html or .txt pages in {directory}")
    articles: list[tuple[str, Article]] = []
    errors: list[str] = []
    outcomes = extract_many([str(p) for p in paths], input_format=input_format)
    for path, (_, result) in zip(paths, outcomes, strict=True):
        if isinstance(result, InputError):
            errors.append(f"{path.name}: {result}")
        else:
            articles.append((path.name, result))
    return articles, errors


def audit(
    judgments_path: Path,
    directory: Path,
    threshold: float,
    rate: float = RATE,
    input_format: InputFormatOption = "auto",
) -> AuditReport:
    """Re-run newsdesk on the pages and score its sampled quotes with the judgments."""
    judgments = load_judgments(judgments_path) if judgments_path.exists() else []
    articles, errors = run_pages(directory, input_format)
    report = score(extracted_quotes(articles), judgments, threshold, rate)
    report.errors = errors
    return report


def in_context(q: Extracted, width: int) -> str:
    """The quote in ±``width`` characters of its text: content in ⟦ ⟧, speaker mention in ‹ ›.

    For the terminal only: never written to the repository."""
    text = q.article.text
    start, end = q.content
    marks = [(c.start, "⟦") for c in q.quote.content] + [(c.end, "⟧") for c in q.quote.content]
    if q.speaker is not None:
        marks += [(q.speaker[0], "‹"), (q.speaker[1], "›")]
    low, high = max(0, min(start, q.speaker[0] if q.speaker else start) - width), end + width
    out, at = [], low
    for offset, mark in sorted(m for m in marks if low <= m[0] <= high):
        out += [text[at:offset], mark]
        at = offset
    out.append(text[at:high])
    return "".join(out)
