"""Naming a quote's speaker as a claimant, as a desk would.

The entity's name when the mention is a pronoun, holds a word of that name in its head or an
appositive ("he", "Kabulov", "The interior minister, Ana Ruiz," → the person); the whole subject
phrase when the mention only modifies a verb's subject ("Brazil" in "Brazil's government said" —
the number is the government's; never the reported words a source modifies, "a 24-point lead
in a poll"); a document's author ("according to a report by the agency"); a
definite description of a company with no entity ("The German automaker says") names the
organisation mentioned shortly before; a share of respondents ("86 percent of voters said")
names the survey it answered, else nobody; "the same poll" names what an earlier quote's
"poll" named; else the mention. A dateline ("NEW DELHI —") or a
pronoun that resolves to no entity is no claimant.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsdesk.extract.claims.cues import ORG_TYPES, Context, claim_words, is_document, nearest_before
from newsdesk.extract.claims.owners import author, owner_claimant
from newsdesk.extract.doc_text import doc_text
from newsdesk.record import Claimant, Quote, Speaker

# Heads of a speaker mention that make it a share of respondents ("86 percent of voters said").
_SHARE_WORDS = frozenset({"percent", "%", "per", "percentage", "majority", "most", "half", "third", "quarter"})
# Dependency labels by which a speaker mention hangs off the real subject of the cue.
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "pobj", "prep", "nmod"})


def speaker_claimant(ctx: Context, quote: Quote) -> Claimant | None:
    """The speaker as a claimant, or None for a dateline or an unresolved pronoun.

    The entity's name when the mention is a pronoun, holds a word of that name ("The interior
    minister, Ana Ruiz," → "Ana Ruiz") or its head is in it ("he", "Kabulov" → "Zamir Kabulov");
    the whole subject phrase when the mention only modifies it ("Brazil" in "Brazil's
    government said" — the number is the government's); else the mention."""
    speaker = quote.speaker
    if speaker is None:
        return None
    name = ctx.names.get(speaker.entity) if speaker.entity else None
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Claimant(entity=speaker.entity, name=name or speaker.name)
    if _is_dateline(ctx.doc, span):
        return None
    root = span.root
    if root.pos_ == "PRON":
        return Claimant(entity=speaker.entity, name=name) if name else None
    if _is_share(root):
        return _survey_of(ctx, root)
    if any(t.lower_ == "same" and t.head.i == root.i for t in span):
        return _antecedent(ctx, span)
    by = author(root) if is_document(root) else None
    if by is not None:
        return owner_claimant(ctx, by)  # "according to a report by the agency" → the agency
    subject = root
    while subject.dep_ in _MODIFIER_DEPS and subject.head.i != subject.i:
        subject = subject.head
    if subject.i != root.i and _is_subject(subject) and _same_paragraph(root, subject):
        phrase = ctx.doc[subject.left_edge.i : subject.i + 1]
        first = next((t.i for t in phrase if t.pos_ != "DET"), subject.i)
        return Claimant(entity=speaker.entity, name=ctx.doc[first : subject.i + 1].text)
    if name is not None and _names_overlap(span, name):
        return Claimant(entity=speaker.entity, name=name)
    appositive = _appositive_name(root)
    if appositive is not None:
        return Claimant(entity=speaker.entity, name=appositive)
    if name is None and _is_company_description(span):
        entity = nearest_before(ctx.entities, span.start_char, ORG_TYPES)
        if entity is not None:
            return Claimant(entity=entity.id, name=entity.name)
    return Claimant(entity=speaker.entity, name=_mention_text(span))


def _antecedent(ctx: Context, span: Span) -> Claimant | None:
    """ "The same poll" names the source that an earlier quote named with that noun ("in a
    national poll by the network … in the same poll" → the network), else nobody."""
    lemma = span.root.lemma_.lower()
    matches = [
        quote
        for quote in ctx.quotes
        if quote.speaker is not None
        and quote.speaker.end <= span.start_char
        and _head_lemma(ctx.doc, quote.speaker) == lemma
    ]
    earlier = max(matches, key=lambda quote: quote.speaker.start if quote.speaker else 0, default=None)
    return speaker_claimant(ctx, earlier) if earlier is not None else None


def _head_lemma(doc: Doc, mention: Speaker) -> str | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) > 0 else None


def _is_share(root: Token) -> bool:
    """Is the speaker a share of respondents ("86 percent of voters said", "Most of those
    surveyed said")? A count of people who answered is no source to name."""
    return root.like_num or root.lower_ in _SHARE_WORDS


def _survey_of(ctx: Context, root: Token) -> Claimant | None:
    """The survey a share of respondents answered ("78 percent of voters in a recent poll by the
    network said" → the poll's owner or the poll), else nobody (the publication claims)."""
    survey = next((t for t in root.subtree if t.pos_ in ("NOUN", "PROPN") and is_document(t)), None)
    if survey is None:
        return None
    by = author(survey)
    return owner_claimant(ctx, by if by is not None else survey)


def _is_subject(token: Token) -> bool:
    """Is the phrase a speaker mention hangs off the subject of a verb ("Brazil's government
    said")? A source after "according to" or "in" only modifies the reported words ("a
    24-point lead in a national poll"): climbing from it reaches the content, not a speaker; nor
    does a share of respondents ("78 percent of voters in a poll")."""
    subject = token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass")
    return subject and not _is_share(token)


def _is_company_description(span: Span) -> bool:
    """ "The German automaker", "the company": a definite description of an organisation,
    which names the organisation the article spoke of just before."""
    root = span.root
    lemma = root.lemma_.lower()
    nouns = claim_words("org-noun")
    return span[0].lower_ == "the" and root.pos_ == "NOUN" and lemma in nouns


def _names_overlap(span: Span, name: str) -> bool:
    """Is the mention's head, or a word of its appositive, a word of the entity's name ("Kabulov",
    "The interior minister, Ana Ruiz")? A possessor is not ("Russia's defence ministry")."""
    parts = {w for w in name.lower().replace("-", " ").split() if len(w) > 1}
    root = span.root
    return any(t.lower_ in parts and (t.i == root.i or _in_appositive(t, root)) for t in span)


def _appositive_name(root: Token) -> str | None:
    """A proper name in apposition to the mention's head ("The minister, Ana Ruiz,")."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            words = list(child.subtree)
            if all(t.pos_ == "PROPN" or t.is_punct for t in words):
                return " ".join(t.text for t in words if not t.is_punct)
    return None


def _same_paragraph(a: Token, b: Token) -> bool:
    """No line break between two tokens (a parse may join a headline to the first sentence)."""
    low, high = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[low:high]


def _in_appositive(token: Token, root: Token) -> bool:
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ == "appos" and current.head.i == root.i:
            return True
        current = current.head
    return False


def _is_dateline(doc: Doc, span: Span) -> bool:
    """An upper-case place opening a paragraph and followed by a dash, comma or bracket ("KABUL —")."""
    text = doc_text(doc)
    opens = span.start_char == 0 or text[span.start_char - 1] == "\n"
    after = text[span.end_char : span.end_char + 3].strip()[:1]
    return opens and span.text.isupper() and len(span.text) > 3 and after in ("—", "–", "-", ",", "(")


def _mention_text(span: Span) -> str:
    """The speaker mention without a leading article or a trailing clause ("The company, which …")."""
    tokens = [t for t in span if t.i < span.root.i or not t.is_punct]
    stop = next((t.i for t in span if t.text == "," and t.i > span.root.i), span.end)
    first = next((t.i for t in tokens if t.pos_ != "DET"), span.start)
    return span.doc[first:stop].text or span.text
