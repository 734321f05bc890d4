"""Who claims a number: a speaker through an explicit cue of saying, reporting, estimating or
finding, else the publication (docs/gold-format.md: "a claimant only through an explicit cue").

The cues are the quotes component's (``doc._.quotes``, each with its speaker, cue and stance
class, :mod:`newsdesk.vocab.stance`); this module decides which of them put a number in the
speaker's mouth, and names the speaker as a desk would:

- a cue counts when its stance class is saying, reporting/finding, "according to", claiming
  or warning, or its lemma is a ``cue`` of ``data/claim_words.tsv`` (believing, expecting,
  concluding, stressing), and it is not a ``not-cue`` there (acts such as "agreed", "thanked",
  "charged", "threatened"); wishes, plans, demands, denials and questions are no cues;
- a number that is the direct object of a saying verb is the act, not its content ("the stock
  added 2%", "it announced an order of 50 jets"); reporting verbs keep it ("reported 80 deaths");
- a number in a relative clause inside reported speech is background the publication supplies
  ("…said the ban, which followed attacks that killed 130 people, would stay");
- a number under a cue that is no statement ("aiming to", "hoped") inside the content of
  a statement is that statement's ("said it would spend …, aiming to create 400,000 jobs");
- a speaker that is a dateline ("NEW DELHI —") or a pronoun that resolves to no entity is no
  claimant;
- a definite description of a company with no entity ("The German automaker says") names
  the organisation named shortly before;
- without a quote, the owner of a statement, estimate or finding noun governing the number
  claims it ("the agency's estimate of 3.1 percent", "it raised its forecast to 1.8 percent"),
  a possessive pronoun resolved to the nearest organisation named shortly before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from newsdesk.record import Claimant, Entity, Quote
from newsdesk.vocab.wordlists import parse_word_lists

PUBLICATION = "publication"
WORDS_FILE = "claim_words.tsv"
WORD_CATEGORIES = frozenset(
    {"cue", "not-cue", "document", "org-noun", "sport", "sport-stat", "market", "market-stat", "market-move"}
)
# Stance classes (vocab/stance.py) whose expressions report words, findings or charges as such;
# wishes, plans, demands, denials and questions do not state an amount as fact.
ATTRIBUTING_STANCES = frozenset({"say", "report-find", "according-to", "claim-allege", "warn"})
# Classes whose cue keeps a number that is its direct object ("estimated 80 dead").
OBJECT_STANCES = frozenset({"report-find", "according-to"})
# Saying verbs whose object states an amount ("announced compensation of $10", "put the figure at 41%").
OBJECT_LEMMAS = frozenset({"say", "tell", "put", "announce", "cite", "quote", "state", "confirm", "give", "estimate",
                           "count", "calculate", "expect", "predict", "forecast"})  # fmt: skip
# Dependency labels by which a speaker mention hangs off the real subject of the cue.
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "pobj", "prep", "nmod"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_BACKGROUND_DEPS = frozenset({"relcl"})
_OWNER_PRONOUNS = frozenset({"its", "their"})
_ORG_TYPES = frozenset({"ORG"})
# How far back (characters) a possessive "its"/"their" looks for the organisation it names:
# two sentences of news prose; set by hand on the tune half of real-news-geo (the owner was
# always in the sentence before or the one before that).
_PRONOUN_REACH = 400
# Most steps from a number up the parse to the cue verb of its sentence.
_MAX_PATH = 14


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who claims a number, the quote it sits in (if it counts) and the rule that decided."""

    claimant: Claimant
    quote: Quote | None
    rule: str  # "quote-direct" | "quote-indirect" | "document" | "publication"


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


def publication() -> Claimant:
    """The claimant of a number the article states on its own authority."""
    return Claimant(entity=None, name=PUBLICATION)


def attribute(ctx: Context, top: Token, start: int, end: int) -> Attribution:
    """The claimant of the number whose head token is ``top`` and characters [start, end)."""
    quote = _quote_at(ctx.quotes, start, end)
    if quote is not None and quote.cue is not None and not is_claim_cue(quote):
        # "said it would spend …, aiming to create 400 jobs": the plan is inside the statement
        quote = _outer_quote(ctx, quote) or quote
    if quote is not None and counts(ctx.doc, quote, top):
        claimant = speaker_claimant(ctx, quote) if quote.speaker is not None else _subject_document(ctx, quote)
        if claimant is not None:
            return Attribution(claimant, quote, "quote-direct" if quote.kind == "direct" else "quote-indirect")
    owner = document_owner(ctx, top)
    if owner is not None:
        return Attribution(owner, None, "document")
    return Attribution(publication(), None, "publication")


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if any(span.start <= start and end <= span.end for span in quote.content):
            return quote
    return None


def _outer_quote(ctx: Context, inner: Quote) -> Quote | None:
    """The statement whose cue governs ``inner``'s cue in the parse, if any."""
    cue = _cue_token(ctx.doc, inner)
    if cue is None:
        return None
    ancestors = {t.i for t in cue.ancestors}
    for quote in ctx.quotes:
        outer = _cue_token(ctx.doc, quote) if quote is not inner and is_claim_cue(quote) else None
        if outer is not None and outer.i in ancestors:
            return quote
    return None


def is_claim_cue(quote: Quote) -> bool:
    """Does the quote's cue state something (said, reported, estimated), not an act (agreed)?"""
    if quote.cue is None:
        return quote.kind == "direct"  # a quotation given to its speaker without a verb
    lemma = quote.cue.lemma.lower()
    if lemma in claim_words("not-cue"):
        return False
    return quote.stance in ATTRIBUTING_STANCES or lemma in claim_words("cue")


def counts(doc: Doc, quote: Quote, top: Token) -> bool:
    """Is the number part of what the quote's cue reports (not the act, not background)?"""
    if not is_claim_cue(quote):
        return False
    cue = _cue_token(doc, quote)
    if cue is None:
        return True
    path = _path_to(top, cue)
    if path is None:
        return not _counts_as_object(quote, cue)
    if quote.kind != "direct" and any(_is_background(t, top) for t in path):
        return False
    return not _counts_as_object(quote, cue)


def _is_background(token: Token, top: Token) -> bool:
    """A relative clause the number sits in but is not the relative pronoun's antecedent of
    ("…, which followed attacks that killed 130 people," but not "libraries, 25 of which close")."""
    if token.dep_ not in _BACKGROUND_DEPS:
        return False
    return not any(t.tag_ in ("WDT", "WP", "WP$") for t in top.subtree)


def _counts_as_object(quote: Quote, cue: Token) -> bool:
    """Is the cue a saying verb used for an act with an amount as its object ("the stock
    added 2%", "it announced an order of 50 jets")? Its whole sentence is then the publication's."""
    lemma = quote.cue.lemma.lower() if quote.cue else ""
    if quote.stance in OBJECT_STANCES or lemma in OBJECT_LEMMAS:
        return False
    return any(c.dep_ in _OBJECT_DEPS and any(t.like_num for t in c.subtree) for c in cue.children)


def _cue_token(doc: Doc, quote: Quote) -> Token | None:
    if quote.cue is None:
        return None
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _path_to(token: Token, target: Token) -> list[Token] | None:
    """The tokens from ``token`` up to (not including) ``target``, or None if it is no ancestor."""
    path: list[Token] = []
    current = token
    for _ in range(_MAX_PATH):
        if current.i == target.i:
            return path
        if current.head.i == current.i:
            return None
        path.append(current)
        current = current.head
    return None


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
    author = _author(root) if root.lemma_.lower() in claim_words("document") else None
    if author is not None:
        return _owner_claimant(ctx, author)  # "according to a report by the agency" → the agency
    subject = root
    while subject.dep_ in _MODIFIER_DEPS and subject.head.i != subject.i:
        subject = subject.head
    if subject.i != root.i and subject.pos_ in ("NOUN", "PROPN") and _same_paragraph(root, subject):
        phrase = ctx.doc[subject.left_edge.i : subject.i + 1]
        first = next((t.i for t in phrase if t.pos_ != "DET"), subject.i)
        return Claimant(entity=speaker.entity, name=ctx.doc[first : subject.i + 1].text)
    if name is not None and _names_overlap(span, name):
        return Claimant(entity=speaker.entity, name=name)
    appositive = _appositive_name(root)
    if appositive is not None:
        return Claimant(entity=speaker.entity, name=appositive)
    if name is None and _is_company_description(span):
        entity = _nearest_before(ctx.entities, span.start_char, _ORG_TYPES)
        if entity is not None:
            return Claimant(entity=entity.id, name=entity.name)
    return Claimant(entity=speaker.entity, name=_mention_text(span))


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
    return "\n" not in a.doc.text[low:high]


def _in_appositive(token: Token, root: Token) -> bool:
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ == "appos" and current.head.i == root.i:
            return True
        current = current.head
    return False


def _is_dateline(doc: Doc, span: Span) -> bool:
    """An upper-case place opening a paragraph and followed by a dash, comma or bracket ("KABUL —")."""
    text = doc.text
    opens = span.start_char == 0 or text[span.start_char - 1] == "\n"
    after = text[span.end_char : span.end_char + 3].strip()[:1]
    return opens and span.text.isupper() and len(span.text) > 3 and after in ("—", "–", "-", ",", "(")


def _mention_text(span: Span) -> str:
    """The speaker mention without a leading article or a trailing clause ("The company, which …")."""
    tokens = [t for t in span if t.i < span.root.i or not t.is_punct]
    stop = next((t.i for t in span if t.text == "," and t.i > span.root.i), span.end)
    first = next((t.i for t in tokens if t.pos_ != "DET"), span.start)
    return span.doc[first:stop].text or span.text


def document_owner(ctx: Context, top: Token) -> Claimant | None:
    """The owner of a statement/estimate noun that governs the number, resolved to a name."""
    documents = claim_words("document")
    current = top
    for _ in range(_MAX_PATH):
        for token in (current, *current.children):
            if token.lemma_.lower() in documents and token.i != top.i:
                owner = _author(token)
                if owner is not None:
                    return _owner_claimant(ctx, owner)
        if current.head.i == current.i or current.dep_ in ("ccomp", "relcl", "advcl"):
            return None
        current = current.head
    return None


def _subject_document(ctx: Context, quote: Quote) -> Claimant | None:
    """For a cue whose speaker the quotes component left open: a document subject's author
    ("a study by the institute concluded that …" → the institute)."""
    cue = _cue_token(ctx.doc, quote)
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None) if cue else None
    if subject is None or subject.lemma_.lower() not in claim_words("document"):
        return None
    author = _author(subject)
    return _owner_claimant(ctx, author) if author is not None else None


def _author(document: Token) -> Token | None:
    """Who a document is by: its possessor ("the agency's report") or a "by"/"from" phrase."""
    for child in document.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _owner_claimant(ctx: Context, owner: Token) -> Claimant | None:
    """A possessor as a claimant: its entity's name, or for "its"/"their" the nearest
    organisation named shortly before; another pronoun resolves to nothing."""
    if owner.lower_ in _OWNER_PRONOUNS:
        entity = _nearest_before(ctx.entities, owner.idx, _ORG_TYPES)
        return Claimant(entity=entity.id, name=entity.name) if entity is not None else None
    if owner.pos_ == "PRON":
        return None
    phrase = ctx.doc[owner.left_edge.i : owner.i + 1]
    for entity in ctx.entities:
        if any(m.start <= owner.idx < m.end for m in entity.mentions):
            return Claimant(entity=entity.id, name=entity.name)
    words = [t for t in phrase if t.pos_ != "DET" and t.dep_ != "case"]
    return Claimant(entity=None, name=" ".join(t.text for t in words)) if words else None


def _nearest_before(entities: list[Entity], at: int, types: frozenset[str]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if at - _PRONOUN_REACH <= mention.start < at and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None
