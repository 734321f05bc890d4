"""The claims component (``newsdesk_claims``): numbers with what they count and who says so.

Runs after ``newsdesk_quotes`` and ``newsdesk_places`` and reads their results: a number
inside a quote's content is claimed by that quote's speaker (``quote`` is the quote's id);
any other number is claimed by the publication itself — ``Claimant(entity=None,
name="publication")``; the record's ``site`` says which publication. The claim's ``place``
is the country of the place mentioned nearest to it in its sentence, else the article's
focus country. Without the quotes or places components every claimant is the publication
and every place the focus (or None).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsdesk.extract.claims.expressions import Expression, find_expressions
from newsdesk.extract.claims.objects import category, find_object, is_pronoun
from newsdesk.extract.claims.units import CURRENCY_BY_COUNTRY, CURRENCY_WORDS
from newsdesk.extract.places import focus_country
from newsdesk.record import Claim, Claimant, Place, Quote

PUBLICATION = "publication"


class ClaimsComponent:
    """spaCy component: fills ``doc._.claims``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


@Language.factory("newsdesk_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """Factory for ``nlp.add_pipe("newsdesk_claims")`` (after quotes and places, when present)."""
    return ClaimsComponent()


def find_claims(doc: Doc) -> list[Claim]:
    """Every claim of ``doc``, in text order, ids "C1", "C2", …"""
    places: list[Place] = list(doc._.places)
    quotes: list[Quote] = list(doc._.quotes)
    names = {entity.id: entity.name for entity in doc._.entities}
    focus = focus_country(places)
    claims: list[Claim] = []
    last_object: dict[tuple[int, str, str | None], tuple[str, Token | None]] = {}
    last_claim: dict[int, Expression] = {}
    for ex in find_expressions(doc):
        text, head, guessed = find_object(doc, ex)
        sentence = doc[ex.core[0]].sent
        earlier = last_claim.get(sentence.start)
        if text is None and earlier is not None and ex.kind == "count" and _compared(doc, ex):
            ex.kind, ex.unit = earlier.kind, earlier.unit  # "costs 65,000 Lebanese pounds, up from 45,000"
        last_claim[sentence.start] = ex
        key = (sentence.start, *_kind_key(ex))
        previous = last_object.get(key)
        if previous is not None and (text is None or guessed or is_pronoun(text)):
            text, head = previous  # "12,300 people returned …, up from 8,100"
        elif text is not None and not guessed:
            last_object[key] = (text, head)
        start, end = _char_span(doc, ex)
        place = _place(places, sentence, start) or focus
        quote = _quote_at(quotes, start, end)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                start=start,
                end=end,
                text=doc.text[start:end],
                value=ex.amount.value,
                low=ex.amount.low,
                high=ex.amount.high,
                qualifier=ex.qualifier,
                unit=_currency(doc, ex, place),
                object=text,
                category=category(ex, head),
                place=place,
                claimant=_claimant(doc, quote, names),
                quote=quote.id if quote is not None else None,
            )
        )
    return claims


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


def _char_span(doc: Doc, ex: Expression) -> tuple[int, int]:
    start = doc[ex.start].idx
    last = doc[ex.end - 1]
    end = last.idx + len(last.text)
    while end > start and doc.text[end - 1] in ".,;:":
        end -= 1
    return start, end


def _place(places: list[Place], sentence: Span, at: int) -> str | None:
    """Country of the place mentioned nearest to ``at`` within the sentence."""
    best: tuple[int, str] | None = None
    for place in places:
        if place.country is None:
            continue
        for mention in place.mentions:
            if sentence.start_char <= mention.start < sentence.end_char:
                distance = abs(mention.start - at)
                if best is None or distance < best[0]:
                    best = (distance, place.country)
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


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if any(span.start <= start and end <= span.end for span in quote.content):
            return quote
    return None


def _claimant(doc: Doc, quote: Quote | None, names: dict[str, str]) -> Claimant:
    """The quote's speaker, named by its entity when the entity is plausibly the speaker:
    the mention is a pronoun or its head word is in the entity's name ("Kabulov" → "Zamir
    Kabulov"); otherwise by the mention itself ("Economists at a Sao Paulo bank", not "Sao Paulo")."""
    if quote is None or quote.speaker is None:
        return Claimant(entity=None, name=PUBLICATION)
    speaker = quote.speaker
    name = names.get(speaker.entity) if speaker.entity else None
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if name is not None and span is not None and len(span) > 0:
        root = span.root
        if root.pos_ == "PRON" or root.lower_ in name.lower().split():
            return Claimant(entity=speaker.entity, name=name)
    return Claimant(entity=speaker.entity, name=speaker.name)
