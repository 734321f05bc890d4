"""How sure a quote is (``Quote.confidence``): the chance it is an attribution with the right speaker and words.

A logistic model over what the quote stage already knows, each feature one explainable reason
to trust a quote less or more (weights in log-odds; a positive weight raises confidence):

- ``bias``: the base rate — an indirect quote with a "say"/"tell" cue and a named person as speaker;
- ``direct`` / ``mixed``: the words are inside quotation marks (all or some): the content's
  extent is the marks', and the speaker usually stands right beside them;
- ``action``: the cue is not one of saying, writing or thinking ("ordered", "is charged");
- ``cue_other``: a cue other than "say"/"tell" ("argue", "warn", "believe"), more often misread;
- ``cue_according``: "according to X" (the source is a document or an outlet as often as a person);
- ``no_cue``: no cue at all — a speaker label, a sign-off or a quotation placed by its neighbours;
- ``colon``: "X: …" and "X said: …" frames, whose content may run on past the sentence;
- ``speaker_organisation`` / ``speaker_group`` / ``no_speaker``: the speaker is an organisation or
  place entity, a phrase with no entity ("officials", "a spokesman for the ministry"), or nobody;
- ``pronoun``: the speaker was reached through a pronoun or a relative "who";
- ``inherited``: a quotation with no cue of its own, given the speaker of an earlier quote;
- ``short``: the content has at most :data:`SHORT_CONTENT` words (scare quotes, fragments);
- ``long``: the content has more than :data:`LONG_CONTENT` words (runs past its end more often).

The weights are fitted by logistic regression (Newton's method, L2 penalty 1.0 on all but the
bias; 0.3 and 3.0 give the same weights to ±0.06) against PolNeAR's linked-overlap match (source
and content each reach token Jaccard 0.5 against one gold attribution) on all 840 PolNeAR train
articles (15,610 attributions, 69% right), with the speech, speaker and identity rules of issue
13. Reliability on PolNeAR dev, never used in the fit (mean confidence / measured share right):
0.0–0.2 0.17 / 0.14, 0.2–0.4 0.33 / 0.42, 0.4–0.6 0.49 / 0.53, 0.6–0.8 0.70 / 0.74, 0.8–1.0 0.86 /
0.91. ``colon`` and ``pronoun`` came out near zero; they are kept so each reason stays visible
and is refitted with the others. Refit when the quote rules change much: the model is only as
calibrated as the rules it was fitted on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Doc

from newsdesk.extract.quotes.draft import Draft
from newsdesk.record import Quote

# Content of at most this many words: set by hand (scare quotes and titles are one to three
# words); the fit gives it −0.99, the strongest doubt after a missing cue or speaker.
SHORT_CONTENT = 3
# Content longer than this many words: set by hand at about a long paragraph; the fit gives it
# +0.38 (long contents are quotations or reported clauses more often than misreadings).
LONG_CONTENT = 45

# Log-odds weights (see the module docstring and docs/confidence.md for the fit).
WEIGHTS: dict[str, float] = {
    "bias": 1.67,
    "direct": 0.43,
    "mixed": 0.36,
    "action": -0.26,
    "cue_other": -0.69,
    "cue_according": -0.55,
    "no_cue": -1.82,
    "colon": -0.01,
    "speaker_organisation": -0.13,
    "speaker_group": -0.59,
    "no_speaker": -1.32,
    "pronoun": -0.01,
    "inherited": -1.82,
    "short": -0.99,
    "long": 0.38,
}

# Cue lemmas of plain reporting: the reference against which other cues are weighed.
_SAY = frozenset({"say", "tell"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the quote stage knows about one quote when it builds its record."""

    kind: str  # "direct" | "mixed" | "indirect" | "action"
    cue_lemma: str | None  # None: no cue
    frame: str  # how the content was found: "clause" | "colon" | "according" | "label" | …
    speaker: str  # "person" | "organisation" | "group" | "none"
    pronoun: bool
    inherited: bool
    content_words: int


def features(evidence: Evidence) -> dict[str, float]:
    """The model's inputs (1.0 for a reason that holds, 0.0 otherwise); see the module docstring."""
    e = evidence
    according = e.frame == "according"
    flags = {
        "bias": True,
        "direct": e.kind == "direct",
        "mixed": e.kind == "mixed",
        "action": e.kind == "action",
        "cue_other": e.cue_lemma is not None and e.cue_lemma not in _SAY and not according,
        "cue_according": according,
        "no_cue": e.cue_lemma is None,
        "colon": e.frame == "colon",
        "speaker_organisation": e.speaker == "organisation",
        "speaker_group": e.speaker == "group",
        "no_speaker": e.speaker == "none",
        "pronoun": e.pronoun,
        "inherited": e.inherited,
        "short": e.content_words <= SHORT_CONTENT,
        "long": e.content_words > LONG_CONTENT,
    }
    return {name: 1.0 if value else 0.0 for name, value in flags.items()}


def confidence(evidence: Evidence) -> float:
    """The model's probability, rounded to two places (a score, not a measurement to more digits)."""
    z = sum(WEIGHTS[name] * value for name, value in features(evidence).items())
    return round(1.0 / (1.0 + math.exp(-z)), 2)


def entity_types(doc: Doc) -> dict[str, str]:
    """Each entity id of ``doc`` to its type (PERSON, ORG, …), read once per document."""
    return {entity.id: entity.type for entity in doc._.entities or []}


def evidence(draft: Draft, quote: Quote, text: str, types: dict[str, str]) -> Evidence:
    """The evidence of one finished quote record and the draft it was built from (``text`` is
    the document's text, ``types`` its :func:`entity_types`)."""
    return Evidence(
        kind=quote.kind,
        cue_lemma=quote.cue.lemma if quote.cue is not None else None,
        frame=draft.frame,
        speaker=_speaker_kind(quote, types),
        pronoun=draft.source_root is not None and draft.source_root.pos_ == "PRON",
        inherited=draft.inherited_from is not None,
        content_words=sum(len(text[span.start : span.end].split()) for span in quote.content),
    )


def _speaker_kind(quote: Quote, types: dict[str, str]) -> str:
    if quote.speaker is None:
        return "none"
    if quote.speaker.entity is None:
        return "group"
    return "person" if types.get(quote.speaker.entity, "PERSON") == "PERSON" else "organisation"
