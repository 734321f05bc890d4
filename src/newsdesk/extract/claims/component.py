"""The claims component (``newsdesk_claims``): numbers with what they count and who says so.

Runs after ``newsdesk_entities``, ``newsdesk_quotes`` and ``newsdesk_places`` and reads their
results. A number inside a quote's content is claimed by that quote's speaker when the cue
states something (``quote`` is the quote's id; the rules are in :mod:`.claimants`), else by the
owner of an estimate or report that governs it; any other number is claimed by the publication
itself — ``Claimant(entity=None, name="publication")``; the record's ``site`` says which
publication. ``category`` follows the counted noun (:mod:`.categories`), ``statistic`` marks
sports and market-table figures (:mod:`.statistics`) and ``confidence`` says how likely value,
object and claimant are all right (:mod:`.confidence`). The claim's ``place`` is the country of
the place mentioned nearest after it in its sentence (else nearest before it), else the
article's focus country. Without the quotes or places components every claimant is the
publication and every place the focus (or None).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsdesk.extract.claims.categories import category
from newsdesk.extract.claims.claimants import PUBLICATION, Context, attribute
from newsdesk.extract.claims.confidence import Evidence, confidence
from newsdesk.extract.claims.expressions import Expression, find_expressions
from newsdesk.extract.claims.objects import ObjectGuess, find_object, is_pronoun
from newsdesk.extract.claims.statistics import statistic
from newsdesk.extract.claims.units import CURRENCY_BY_COUNTRY, CURRENCY_WORDS
from newsdesk.extract.doc_text import doc_text
from newsdesk.extract.places.component import focus_country
from newsdesk.extract.registration import factory
from newsdesk.record import Claim, Place

__all__ = ["PUBLICATION", "ClaimsComponent", "find_claims", "make_claims"]

# Determiners that pick out a set the text has already named ("the two sides", "both").
_DEFINITE = frozenset({"the", "these", "those", "both", "all"})


class ClaimsComponent:
    """spaCy component: fills ``doc._.claims``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


@factory("claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """Factory for ``nlp.add_pipe("newsdesk_claims")`` (after quotes and places, when present)."""
    return ClaimsComponent()


def find_claims(doc: Doc) -> list[Claim]:
    """Every claim of ``doc``, in text order, ids "C1", "C2", …"""
    places: list[Place] = list(doc._.places)
    ctx = Context(doc, list(doc._.quotes), list(doc._.entities))
    focus = focus_country(places)
    text_of_doc = doc_text(doc)
    claims: list[Claim] = []
    last_object: dict[tuple[int, str, str | None], ObjectGuess] = {}
    last_claim: dict[int, Expression] = {}
    for ex in find_expressions(doc):
        found = find_object(doc, ex)
        sentence = doc[ex.sentence[0] : ex.sentence[1]]
        earlier = last_claim.get(sentence.start)
        if found.text is None and earlier is not None and ex.kind == "count" and _compared(doc, ex):
            ex.kind, ex.unit = earlier.kind, earlier.unit  # "costs 65,000 Lebanese pounds, up from 45,000"
        last_claim[sentence.start] = ex
        key = (sentence.start, *_kind_key(ex))
        previous = last_object.get(key)
        missing = found.text is None or is_pronoun(found.text)
        # A count's guessed object is the verb's subject, usually the one doing the counting
        # ("New South Wales sent 80"); a percentage's is what changed ("prices rose 35 percent").
        weak = found.guessed and not previous.guessed and ex.kind == "count" if previous is not None else False
        inherited = previous is not None and (missing or weak)
        if previous is not None and inherited:
            found = previous  # "12,300 people returned …, up from 8,100"
        elif found.text is not None:
            last_object[key] = found
        start, end = _char_span(doc, text_of_doc, ex)
        place = _place(places, sentence, start) or focus
        who = attribute(ctx, doc[ex.start : ex.end].root, start, end)
        kind_of_figure = statistic(doc, ex, found.head)
        signals = Signals(who.rule, inherited, kind_of_figure is not None)
        evidence = _evidence(doc, ex, found, signals)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                start=start,
                end=end,
                text=text_of_doc[start:end],
                value=ex.amount.value,
                low=ex.amount.low,
                high=ex.amount.high,
                qualifier=ex.qualifier,
                unit=_currency(doc, ex, place),
                object=found.text,
                category=category(ex, found.head),
                place=place,
                claimant=who.claimant,
                quote=who.quote.id if who.quote is not None else None,
                confidence=confidence(evidence),
                statistic=kind_of_figure,
            )
        )
    return claims


class Signals(NamedTuple):
    """What the claim's other steps decided, for its confidence."""

    rule: str  # attribution rule (claimants.Attribution.rule)
    inherited: bool  # object taken from an earlier claim of the sentence
    statistic: bool  # a sports or market-table figure


def _evidence(doc: Doc, ex: Expression, found: ObjectGuess, signals: Signals) -> Evidence:
    """The evidence the confidence model reads (extract/claims/confidence.py)."""
    digits = any(ch.isdigit() for i in ex.core for ch in doc[i].text)
    blank = doc_text(doc).find("\n\n")  # the headline ends at the first blank line
    return Evidence(
        rule=signals.rule,
        object_words=len(found.text.split()) if found.text else 0,
        object_own_noun=found.head is not None and doc[ex.start : ex.end].root.head.i == found.head.i,
        object_guessed=found.guessed and not signals.inherited,
        object_inherited=signals.inherited,
        kind=ex.kind,
        vague=ex.amount.value is None and not digits,
        ranged=ex.amount.value is None and digits,
        spelled=not digits,
        statistic=signals.statistic,
        single=ex.amount.value == 1,
        referring=not digits and _refers(doc, ex, found),
        hyphenated=ex.end < len(doc) and doc[ex.end].text == "-",
        sentence_tokens=ex.sentence[1] - ex.sentence[0],
        headline=doc[ex.start].idx < blank,
    )


def _refers(doc: Doc, ex: Expression, found: ObjectGuess) -> bool:
    """Does the number count a set already named: after a definite determiner or possessive,
    past an adjective such as "last" ("the two sides", "those last three words"), or in
    apposition to the names ("Ann and Bo, two reporters")?"""
    if found.head is not None and found.head.dep_ == "appos":
        return True
    before = ex.start - 1
    if before >= 0 and doc[before].tag_ in ("JJ", "JJS"):
        before -= 1
    return before >= 0 and (doc[before].lower_ in _DEFINITE or doc[before].dep_ == "poss")


def _compared(doc: Doc, ex: Expression) -> bool:
    """Is the number the other side of a comparison ("up from 45,000", "than 2,000")?"""
    words = {t.lower_ for t in doc[max(ex.start - 2, 0) : ex.start]}
    return bool(words & {"from", "than", "with", "versus", "vs"})


def _kind_key(ex: Expression) -> tuple[str, str | None]:
    """Which earlier claims an elliptic number may take its object from: counts from counts,
    sums and percentages from either ("a budget of NT$606.8 billion, up 7.7 percent"),
    measures from the same unit ("12 litres …, far below the 50 litres")."""
    if ex.kind in ("money", "percent"):
        return "money", None
    return ex.kind, ex.unit if ex.kind == "measure" else None


def _char_span(doc: Doc, text: str, ex: Expression) -> tuple[int, int]:
    start = doc[ex.start].idx
    last = doc[ex.end - 1]
    end = last.idx + len(last.text)
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    return start, end


def _place(places: list[Place], sentence: Span, at: int) -> str | None:
    """Country of the place mentioned nearest after ``at`` in the sentence ("10,000 fighters in
    Afghanistan"), else nearest before it ("In Kabul, officials counted 40")."""
    after: tuple[int, str] | None = None
    before: tuple[int, str] | None = None
    for place in places:
        if place.country is None:
            continue
        for mention in place.mentions:
            if not sentence.start_char <= mention.start < sentence.end_char:
                continue
            if mention.start >= at and (after is None or mention.start - at < after[0]):
                after = (mention.start - at, place.country)
            elif mention.start < at and (before is None or at - mention.start < before[0]):
                before = (at - mention.start, place.country)
    best = after or before
    return best[1] if best else None


def _currency(doc: Doc, ex: Expression, country: str | None) -> str | None:
    """The unit, with shared currency names read by the claim's country ("pesos" in Manila → PHP)."""
    if ex.kind != "money" or country is None:
        return ex.unit
    for token in doc[ex.start : ex.end]:
        word = "rs" if token.lower_ in ("rs", "rs.") else token.lower_.removesuffix("s")
        local = CURRENCY_BY_COUNTRY.get((word, country))
        default = "INR" if word == "rs" else CURRENCY_WORDS.get(word)
        if local is not None and ex.unit == default:
            return local
    return ex.unit
