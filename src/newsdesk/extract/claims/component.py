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
from spacy.tokens import Doc, Span

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
    last_object: dict[int, tuple[str | None, object]] = {}
    for ex in find_expressions(doc):
        text, head = find_object(doc, ex)
        sentence = doc[ex.core[0]].sent
        if text is None or is_pronoun(text):
            previous = last_object.get(sentence.start)
            if previous is not None:
                text = previous[0]
        else:
            last_object[sentence.start] = (text, head)
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
                claimant=_claimant(quote, names),
                quote=quote.id if quote is not None else None,
            )
        )
    return claims


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


def _claimant(quote: Quote | None, names: dict[str, str]) -> Claimant:
    if quote is None or quote.speaker is None:
        return Claimant(entity=None, name=PUBLICATION)
    entity = quote.speaker.entity
    name = names.get(entity, quote.speaker.name) if entity else quote.speaker.name
    return Claimant(entity=entity, name=name)
