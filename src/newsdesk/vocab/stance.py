"""Stance of a reporting expression: what the cue says about how the words were put.

A fact-checker wants "claimed" apart from "stressed" and "denied" apart from "said". The
lexicon (``newsdesk/data/stance_lexicon.tsv``, documented in ``docs/stance.md``) maps each
reporting expression — a verb lemma ("say") or a lemma sequence ("point out", "according
to", "go on to say") — to one of :data:`STANCES` and to the complement *frames* in which
the expression reports someone's words or views:

- ``c``: a clause — a that-/wh-clause, a direct quotation, a colon, or the reported clause
  around a parenthetical ("…, he said");
- ``o``: a noun-phrase object ("cited the report", "called for a recount");
- ``t``: a to-infinitive ("vowed to appeal").

"Know" reports a view with a clause ("she knows that …") but not with an object ("she knows
him"); the frames keep the quote stage from taking every "know" for an attribution.

Each entry also says in which of its frames it reports *speech* (speech, writing or thought:
a quote a desk shows) rather than an action or a state: "agree that …" is speech, "agree to
pay" an act; "order", "show", "support" never report speech. Attribution annotation counts
both; the quote stage keeps the others apart as kind "action".

A vocabulary without spaCy, so that the web desk's stance menu reads :data:`STANCES` from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

STANCES: Final = (
    "say",
    "assert-stress",
    "claim-allege",
    "believe-think",
    "warn",
    "deny-reject",
    "question-ask",
    "promise",
    "according-to",
    "report-find",
)
FRAMES: Final = frozenset("cot")
_RESOURCE = "stance_lexicon.tsv"


@dataclass(frozen=True, slots=True)
class Expression:
    """One lexicon entry: lemma sequence, stance class and the frames it reports in."""

    words: tuple[str, ...]
    stance: str
    frames: frozenset[str]
    speech: frozenset[str] = FRAMES
    """The frames in which the expression reports speech, writing or thought."""

    @property
    def text(self) -> str:
        """The expression as written in the lexicon ("point out")."""
        return " ".join(self.words)

    def reports_speech(self, frame: str) -> bool:
        """Whether the expression reports speech (not an action or a state) in ``frame``."""
        return frame in self.speech


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Reporting expressions indexed by their first lemma, longest expression first."""

    by_first: dict[str, tuple[Expression, ...]]

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_first.values())

    def get(self, expression: str) -> Expression | None:
        """The entry for an expression written as in the lexicon, e.g. ``"point out"``."""
        words = tuple(expression.lower().split())
        return next((e for e in self.by_first.get(words[0], ()) if e.words == words), None) if words else None

    def candidates(self, first: str) -> tuple[Expression, ...]:
        """Entries whose first lemma is ``first``, longest first (so "point out" beats "point")."""
        return self.by_first.get(first, ())


def parse_lexicon(text: str) -> Lexicon:
    """Read the TSV lexicon: ``expression<TAB>stance<TAB>frames[<TAB>speech]``; ``#`` starts a comment.

    ``speech`` lists the frames in which the expression reports speech ("-" for none); without
    it, every frame does. Raises ``ValueError`` on an unknown stance or frame, speech frames
    outside the entry's frames or a repeated expression, so a typo in the data file fails the
    test suite rather than silently dropping an entry.
    """
    entries: dict[tuple[str, ...], Expression] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) not in (3, 4):
            raise ValueError(
                f"stance lexicon line {number}: expected 3 tab-separated fields, or 4 with the speech frames"
            )
        words, stance, frames = tuple(fields[0].lower().split()), fields[1], frozenset(fields[2])
        speech = frames if len(fields) == 3 else frozenset(fields[3].replace("-", ""))
        if stance not in STANCES or not frames or not frames <= FRAMES or not speech <= frames:
            raise ValueError(f"stance lexicon line {number}: bad stance or frames in {raw!r}")
        if words in entries:
            raise ValueError(f"stance lexicon line {number}: {fields[0]!r} listed twice")
        entries[words] = Expression(words, stance, frames, speech)
    grouped: dict[str, list[Expression]] = {}
    for entry in entries.values():
        grouped.setdefault(entry.words[0], []).append(entry)
    return Lexicon({k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in grouped.items()})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return parse_lexicon(files("newsdesk").joinpath("data", _RESOURCE).read_text(encoding="utf-8"))


def stance_of(expression: str) -> str:
    """Stance class of a reporting expression (lemmas, e.g. ``"point out"``); ``"say"`` if unknown.

    Unknown expressions default to the neutral class: an attribution the lexicon does not
    know is reported speech with no signal about how it was put.
    """
    entry = lexicon().get(expression)
    return entry.stance if entry is not None else "say"
