"""What the claimant rules share: the word lists, the Doc context and the cue token of a quote.

The word lists are ``data/claim_words.tsv`` (its header says what each category holds); the
stance classes are :mod:`newsdesk.vocab.stance`'s. Used by :mod:`.claimants`, :mod:`.speakers`,
:mod:`.owners` and :mod:`.statistics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Token

from newsdesk.record import PUBLICATION, Claimant, Entity, Quote
from newsdesk.vocab.wordlists import parse_word_lists

WORDS_FILE = "claim_words.tsv"
WORD_CATEGORIES = frozenset(
    {
        "cue",
        "not-cue",
        "document",
        "estimate-verb",
        "org-noun",
        "size-noun",
        "sport",
        "sport-stat",
        "market",
        "market-stat",
        "market-move",
    }
)
# Stance classes (vocab/stance.py) whose expressions report words, findings or charges as such;
# wishes, plans, demands, denials and questions do not state an amount as fact.
ATTRIBUTING_STANCES = frozenset({"say", "report-find", "according-to", "claim-allege", "warn"})
ORG_TYPES = frozenset({"ORG"})
# How far back (characters) "its"/"their" or "the automaker" looks for the organisation it
# names: two sentences of news prose; set by hand on the tune half of real-news-geo (the
# owner was always in the sentence before or the one before that).
PRONOUN_REACH = 400
# Most steps from a number up the parse to the cue verb of its sentence.
MAX_PATH = 14


@dataclass(frozen=True, slots=True)
class Context:
    """What attribution reads from the Doc besides the number: quotes and resolved entities."""

    doc: Doc
    quotes: list[Quote]
    entities: list[Entity]

    @property
    def names(self) -> dict[str, str]:
        """Entity id → name."""
        return {entity.id: entity.name for entity in self.entities}


@cache
def claim_words(category: str) -> frozenset[str]:
    """One category of ``data/claim_words.tsv`` (checked when read; see its header)."""
    text = files("newsdesk").joinpath("data", WORDS_FILE).read_text(encoding="utf-8")
    return parse_word_lists(text, WORD_CATEGORIES, WORDS_FILE)[category]


def is_document(token: Token) -> bool:
    """Is the token a statement, estimate or finding noun ("report", "data", "forecast")?"""
    documents = claim_words("document")
    return token.lower_ in documents or token.lemma_.lower() in documents


def publication() -> Claimant:
    """The claimant of a number the article states on its own authority."""
    return Claimant(entity=None, name=PUBLICATION)


def is_claim_cue(quote: Quote) -> bool:
    """Does the quote's cue state something (said, reported, estimated), not an act (agreed)?"""
    if quote.cue is None:
        return quote.kind == "direct"  # a quotation given to its speaker without a verb
    lemma = quote.cue.lemma.lower()
    if lemma in claim_words("not-cue"):
        return False
    return quote.stance in ATTRIBUTING_STANCES or lemma in claim_words("cue")


def cue_token(doc: Doc, quote: Quote) -> Token | None:
    """The first token of the quote's cue, if it has one."""
    if quote.cue is None:
        return None
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def path_to(token: Token, target: Token) -> list[Token] | None:
    """The tokens from ``token`` up to (not including) ``target``, or None if it is no ancestor."""
    path: list[Token] = []
    current = token
    for _ in range(MAX_PATH):
        if current.i == target.i:
            return path
        if current.head.i == current.i:
            return None
        path.append(current)
        current = current.head
    return None


def nearest_before(entities: list[Entity], at: int, types: frozenset[str]) -> Entity | None:
    """The entity of one of ``types`` mentioned last before character ``at``, within reach."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if at - PRONOUN_REACH <= mention.start < at and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None
