"""Indirect attributions over the dependency parse: "X said that …", "X warned …", "according to X".

For a cue verb the source is its subject (through coordination, participles and relative
clauses when the verb has none of its own) and the content is its complement: a clause,
an infinitive, an object, or — for a parenthetical "…, he said" — the clause around it.
Spans follow attribution annotation: the source's whole noun phrase with titles and
appositions, the content's whole clause with its "that", no edge punctuation.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.controllers import (
    EXPLETIVES,
    addressed_put_out,
    as_subject,
    misattached_clause,
    nearer_subject,
    noun_clause,
    object_controller,
    opens_quotation,
    passive_controller,
    put_out_by_subject,
    set_off_participle,
    unlabelled_clause,
)
from newsdesk.extract.quotes.cues import CueMatch
from newsdesk.extract.quotes.spans import CharSpan, char_span, subtree_range, trim
from newsdesk.vocab.stance import lexicon

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependencies through which a verb without a subject of its own shares its governor's:
# "X stood up and said …" (conj), "X tweeted, saying …" (advcl), "X wants to say" (xcomp).
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "acomp"})
# Verbs whose direct object is the person addressed, never the words ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "urge", "warn", "brief", "promise", "thank"})
_RAISING = frozenset({"seem", "appear"})
# Verbs whose "it" subject stands for a clause ("it seems that", "it matters that").
_RAISING_LIKE = _RAISING | {"remain", "become", "turn", "look", "sound", "matter", "mean", "follow"}
# After an object, these complete what was reported: "called it a disgrace", "accused X of Y",
# "compared his record to hers". Adding in/with/about/against on PolNeAR dev lowered content
# exact F1 (59.6 → 59.4); "to" raised it (59.3 → 59.6).
_OBJECT_COMPLEMENTS = frozenset({"oprd", "ccomp", "xcomp"})
_OBJECT_PREPOSITIONS = frozenset({"as", "of", "for", "to"})
# Prepositions whose object a verb cue reports when it has no clause or object of its own.
# PolNeAR train, lexicon cues left without a complement: the object overlaps annotated
# content for as 81 of 163, about 49 of 84, of 36 of 55, for 94 of 267, against 10 of 21,
# like 10 of 15; in/on/to/with/at only 11-16%. With this set, dev source exact F1 75.1 ->
# 75.4, content 61.7 -> 61.8, cue 70.9 -> 70.8 (smaller sets scored the same on train).
_CONTENT_PREPOSITIONS = frozenset({"as", "about", "of", "for", "against", "like"})
_SETTING_OFF = frozenset({",", "—", "–", "''", '"', "”", "’"})  # what precedes a parenthetical "he said"
_CLAUSE_POS = frozenset({"VERB", "AUX", "SCONJ", "PUNCT"})
_MAX_OPENING_WORDS = 12  # longer openings are clauses, not a lost subject
_MAX_CLIMB = 4  # "was able to tout": tout → able → was; longer chains are rare


def source_of(cue: CueMatch, ctx: Context) -> tuple[CharSpan, Token] | None:
    """The source phrase of a verb cue and its head token, or None when the text gives none."""
    verb = cue.head
    if opens_quotation(verb, ctx.quoted):
        before = nearer_subject(verb, ctx.quoted)
        return _phrase(before, ctx, avoid=cue) if before is not None else None
    if _subject(verb, ctx.quoted) is None and any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "X was asked, “…?”": X is who was asked; the asker goes unnamed
    for _ in range(_MAX_CLIMB):
        # "X was joined on stage by Y and joked": the one joined jokes, not the agent.
        joined = verb == cue.head.head and cue.head.dep_ == "conj"
        subject = _subject(verb, ctx.quoted, joined=joined)
        if subject is not None and subject.lower_ in EXPLETIVES and set_off_participle(cue.head):
            subject = nearer_subject(cue.head, ctx.quoted) or subject
        if subject is not None:
            return _phrase(subject, ctx, avoid=cue)
        if put_out_by_subject(verb):
            # "released a statement saying …", "dismissed the idea …, saying …": the words are
            # those of whoever put the statement out, or of the clause's subject.
            verb = verb.head.head
            continue
        if (sender := addressed_put_out(verb)) is not None:
            verb = sender  # "sent a message to supporters saying …"
            continue
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.dep_ != "pobj":
            # "the first accord committing nations to …": the modified noun is the source; not
            # a preposition's object ("posted on Twitter accusing …": Twitter accuses nobody).
            # PolNeAR dev source 75.9 -> 76.1, linked overlap 65.8 -> 65.9; train unchanged.
            noun = verb.head
            return _phrase(noun, ctx, avoid=cue, stop_at=verb.i)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "…, aside from saying he wants …": through the preposition to the verb it modifies.
            verb = verb.head
        elif unlabelled_clause(verb):
            pass  # "X waved, then stepped up and declared": an unlabelled verb clause shares the subject
        elif verb.dep_ not in _SHARED_SUBJECT_DEPS or verb.head == verb:
            return _opening_phrase(cue, ctx)
        elif set_off_participle(verb) and noun_clause(verb.head):
            # "X dismissed the idea that Y was safe, saying …": not the noun clause's subject.
            verb = verb.head.head
        elif verb.dep_ == "xcomp" and (controller := passive_controller(verb.head) or object_controller(verb)):
            # "X was moved to say …", "the slump led the carrier to announce …": not the governor's subject.
            return _phrase(controller, ctx, avoid=cue)
        elif (
            set_off_participle(verb) or (verb.dep_ == "conj" and verb.i > 0 and verb.doc[verb.i - 1].dep_ == "cc")
        ) and (verb.head.dep_ == "ccomp" and not ctx.quoted[verb.head.head.i]):
            # "X said that he …, claiming …": the parser hangs the participle on the
            # reported clause; it shares the reporting clause's subject. A "said" inside a
            # quotation the parser made the root reports nothing outside it.
            verb = verb.head
        verb = verb.head
    return None


def _opening_phrase(cue: CueMatch, ctx: Context) -> tuple[CharSpan, Token] | None:
    """A noun phrase that opens the cue's paragraph right before it: the subject the parser lost.

    The parser runs a headline into the first sentence of the body ("… talks go on /
    Special Envoy Marek Voss said …") and hangs the name on the headline's last word.
    """
    doc = ctx.doc
    start = ctx.paragraph_start(doc[cue.first].idx)
    words = [t for t in doc[: cue.first] if t.idx >= start]
    if not 0 < len(words) <= _MAX_OPENING_WORDS or any(t.pos_ in _CLAUSE_POS or ctx.quoted[t.i] for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns:
        return None
    span = trim(ctx.text, words[0].idx, words[-1].idx + len(words[-1]))
    return (span, nouns[-1]) if span[0] < span[1] else None


def raised(cue: CueMatch, ctx: Context) -> list[CharSpan] | None:
    """Content of "X seems / appears to …": the subject and its predicate, with no source.

    "Seem" and "appear" report an impression without saying whose; attribution annotation
    spans their subject and complement as the content's two fragments (PolNeAR train: 152
    of 179 such attributions have two fragments and no source).
    """
    verb = cue.head
    if verb.lemma_.lower() not in _RAISING:
        return None
    predicate = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "ccomp", "oprd")), None)
    if predicate is None:
        return None
    fragments = []
    subject = _subject(verb, ctx.quoted)
    if subject is not None and subject.lower_ not in EXPLETIVES:
        phrase = _phrase(subject, ctx, avoid=cue)
        if phrase is not None:
            fragments.append(phrase[0])
    fragments.extend(_spans(ctx, predicate, set(range(cue.first, cue.end))))
    return [f for f in fragments if f[0] < f[1]] or None


class Attribution(NamedTuple):
    """An "according to" reading: the source's span and head token, and the content's spans."""

    source: CharSpan
    root: Token
    content: list[CharSpan]


def according_to(cue: CueMatch, ctx: Context) -> Attribution | None:
    """Source and content of "according to X": X, and the clause the phrase modifies."""
    objects = [c for c in cue.last.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    source = _phrase(objects[0], ctx, avoid=cue)
    clause = cue.head.head
    if clause == cue.head:
        return None
    while (
        clause.dep_ in ("conj", "ccomp", "advcl") and clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX")
    ):
        clause = clause.head
    first, last = subtree_range(clause, exclude=cue.head.subtree)
    content = trim(ctx.text, *char_span(ctx.doc, first, last))
    if source is None or content[0] >= content[1]:
        return None
    return Attribution(source[0], source[1], [content])


def complement_of(cue: CueMatch, ctx: Context) -> tuple[list[CharSpan], str] | None:
    """Content of a verb cue from its complement, with the frame letter it was found in.

    Tried in order: a clause (``c``), the object of the expression's final preposition
    ("called for …", ``o``), an infinitive (``t``), a direct object (``o``), and the
    clause a parenthetical cue interrupts (``c``).
    """
    verb = cue.head
    avoid = set(range(cue.first, cue.end))
    children = [c for c in verb.children if c.i not in avoid]
    clauses = [c for c in children if c.dep_ == "ccomp"] or [c for c in [misattached_clause(verb)] if c is not None]
    # Of two clauses (a misparse hangs the previous quotation or the headline on the verb),
    # the one in the cue's paragraph, outside quotation marks, nearest the verb.
    paragraph = (ctx.paragraph_start(verb.idx), ctx.paragraph_end(verb.idx))
    clause = min(
        clauses,
        key=lambda c: (not paragraph[0] <= c.idx < paragraph[1], ctx.quoted[c.i], abs(c.i - verb.i)),
        default=None,
    )
    if clause is not None:
        fragments = _spans(ctx, clause, avoid)
        lead = _parenthetical_lead(cue, ctx) if clause.i > verb.i else None
        lead = lead or _relative_lead(clause, cue)
        return ([lead, *fragments] if lead else fragments), "c"
    if cue.last.pos_ == "ADP" and cue.last != verb:
        obj = next((c for c in cue.last.children if c.dep_ in ("pobj", "pcomp")), None)
        return (_object(ctx, obj, children, avoid), "o") if obj is not None else None
    infinitive = next((c for c in children if c.dep_ == "xcomp" and _has_to(c)), None)
    if infinitive is not None:
        spans = _spans(ctx, infinitive, avoid)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i < infinitive.i), None)
        if obj is not None and len(spans) == 1:
            # "urged voters to stay home": the addressee belongs to what was urged.
            start = trim(ctx.text, *char_span(ctx.doc, *subtree_range(obj, exclude=[ctx.doc[i] for i in avoid])))[0]
            spans = [trim(ctx.text, start, spans[0][1])]
        return spans, "t"
    obj = next((c for c in children if c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG")), None)
    if obj is not None and cue.expression.words[0] not in _ADDRESSEE_VERBS:
        # A gerund reports like an object: "has proposed building a wall".
        return _object(ctx, obj, children, avoid), "o"
    interrupted = _interrupted(cue, ctx)
    if interrupted is not None:
        return interrupted
    patient = next((c for c in children if c.dep_ == "nsubjpass" and not ctx.quoted[c.i]), None)
    if patient is not None and verb.dep_ in ("ROOT", "conj", "ccomp", "advcl"):
        # "The plan was first reported by the Times": the passive's subject is what was reported.
        return _spans(ctx, patient, avoid), "o"
    return None


def prepositional(cue: CueMatch, ctx: Context) -> tuple[Token, list[CharSpan]] | None:
    """A preposition's object as what a verb cue with no other complement reports.

    "talked about the merger", "was accused of fraud", "hailed him as a hero", "argued
    against the plan": the preposition after the verb introduces the topic or the claim.
    """
    after = cue.end - (1 if cue.colon else 0)
    for child in cue.head.children:
        if child.dep_ != "prep" or child.i < after or child.lower_ not in _CONTENT_PREPOSITIONS:
            continue
        obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or ctx.quoted[child.i]:
            return None
        if child.lower_ == "for" and obj.pos_ == "PROPN" and cue.head.lemma_.lower() in ("report", "write"):
            return None  # "reports for NPR", "writes for the Ellis Gazette": the employer, not a topic
        span = trim(ctx.text, *char_span(ctx.doc, *subtree_range(obj)))
        return (child, [span]) if span[0] < span[1] else None
    return None


def _object(ctx: Context, obj: Token, siblings: list[Token], avoid: set[int]) -> list[CharSpan]:
    """An object and the complements that finish it: "called the plan a disaster", "accused X of Y"."""
    first, last = subtree_range(obj, exclude=[ctx.doc[i] for i in avoid])
    for sibling in siblings:
        if sibling.i > last and (sibling.dep_ in _OBJECT_COMPLEMENTS or sibling.lower_ in _OBJECT_PREPOSITIONS):
            last = max(last, subtree_range(sibling)[1])
    return [trim(ctx.text, *char_span(ctx.doc, first, last))]


def _clause_start(cue: CueMatch) -> int:
    """First token of the cue's own clause: the cue or its subject, whichever comes first."""
    subjects = [c for c in cue.head.children if c.dep_ in _SUBJECT_DEPS]
    if any(c.i > cue.head.i for c in subjects):
        # An inverted "…, says Harbor Authority": a second subject before the verb is the
        # reported clause the parser took for one.
        return cue.first
    return min([cue.first, *(c.left_edge.i for c in subjects)])


def _relative_lead(clause: Token, cue: CueMatch) -> CharSpan | None:
    """The relative word a reported clause starts with: "what the senators said was …" → "what".

    The relative pronoun of "which he says is X" belongs to the reported clause but stands
    before the cue; annotation gives it as the content's first fragment.
    """
    before = [t for t in clause.subtree if t.i < cue.first]
    if len(before) == 1 and before[0].tag_ in ("WDT", "WP", "WP$"):
        return before[0].idx, before[0].idx + len(before[0])
    return None


def _parenthetical_lead(cue: CueMatch, ctx: Context) -> CharSpan | None:
    """The words before a cue clause set off by commas: "Back home, he said, he …" → "Back home"."""
    doc, first = ctx.doc, _clause_start(cue)
    sentence_start = ctx.sentence(cue.head.i)[0]
    after = cue.end
    if first <= sentence_start or doc[first - 1].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    lead = trim(ctx.text, *char_span(doc, sentence_start, first - 1))
    return lead if lead[0] < lead[1] else None


def _interrupted(cue: CueMatch, ctx: Context) -> tuple[list[CharSpan], str] | None:
    """The clause a parenthetical cue breaks into or closes: "Taxes, she said, will rise."."""
    verb, doc = cue.head, ctx.doc
    first = _clause_start(cue)
    set_off = first > 0 and doc[first - 1].text in _SETTING_OFF
    # A participle after its clause ("…, speaking of X") is an adjunct with its own
    # complement, not a parenthetical: only "parataxis" and a set-off "ccomp" interrupt.
    if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and set_off):
        head = verb.head
        inside = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
        runs = _runs(sorted(inside))
        fragments = [trim(ctx.text, *char_span(doc, a, b)) for a, b in runs]
        fragments = [f for f in fragments if f[0] < f[1]]
        return (fragments, "c") if fragments else None
    if verb.dep_ != "ROOT" or not set_off:
        return None
    sentence_start = ctx.sentence(verb.i)[0]
    if first <= sentence_start:
        return None
    return [trim(ctx.text, *char_span(doc, sentence_start, first - 1))], "c"


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous (first, last) runs of sorted token indices."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _spans(ctx: Context, head: Token, avoid: set[int]) -> list[CharSpan]:
    first, last = subtree_range(head, exclude=[ctx.doc[i] for i in avoid])
    return [trim(ctx.text, *char_span(ctx.doc, first, last))]


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _subject(verb: Token, quoted: list[bool], *, joined: bool = False) -> Token | None:
    """The verb's subject: of two ("People like him, he said"), the one next to the verb; of a
    passive, its agent, unless the verb asked for is ``joined`` to it as an active conjunct."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not quoted[c.i]]
    if not subjects:
        return as_subject(verb)
    subject = min(subjects, key=lambda s: abs(s.i - verb.i))
    if subject.dep_ == "nsubjpass" and not joined:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return pobj
    if _expletive(subject, verb):
        return None
    return subject


def _expletive(subject: Token, verb: Token) -> bool:
    """ "It is expected that …", "It seems that …": "it" holds the place of the clause, so there is
    no source. An active verb of saying keeps it as a subject ("It said the driver was not at
    fault": the agency): PolNeAR dev source 76.2 -> 76.4, linked overlap 66.0 -> 66.2; train
    source 71.8 -> 71.9, linked overlap 60.5 -> 60.7."""
    if subject.lower_ not in EXPLETIVES or subject.dep_ != "nsubj":
        return False
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    active = verb.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in verb.children)
    return not active or verb.lemma_ in _RAISING_LIKE


def _asides(head: Token) -> list[Token]:
    """The clauses a source phrase leaves out: a set-off ", who said …" that reports on its own.

    A relative or participle clause after the name that holds a reporting verb is an
    attribution of its own, and annotation never nests one in another's source; an
    ordinary aside (", who runs the cafe,") stays in the phrase. PolNeAR: dropping only the
    reporting ones raised source exact F1 on train 71.1 -> 71.4 and dev 75.6 -> 75.8;
    dropping every set-off clause lowered dev to 75.4.
    """
    doc, lex = head.doc, lexicon()
    out: list[Token] = []
    for child in head.children:
        set_off = child.dep_ in ("relcl", "acl") and child.i > head.i and doc[child.left_edge.i - 1].text == ","
        if set_off and any(t.pos_ == "VERB" and lex.candidates(t.lemma_.lower()) for t in child.subtree):
            out.extend(child.subtree)
    return out


def _phrase(head: Token, ctx: Context, *, avoid: CueMatch, stop_at: int | None = None) -> tuple[CharSpan, Token] | None:
    """The noun phrase headed by ``head``: its subtree, cut short of the cue and of quotations.

    Quoted words and anything outside the cue's paragraph never belong to the source (a
    headline parsed into the body's first sentence): the part of the subtree that holds
    the head is kept, or, when the head itself lies outside, the part next to the cue.
    Returns the span and the phrase's own head token.
    """
    doc = ctx.doc
    first, last = subtree_range(head, exclude=[*doc[avoid.first : avoid.end], *_asides(head)])
    if stop_at is not None:
        last = min(last, stop_at - 1)
    low = ctx.paragraph_start(doc[avoid.first].idx)
    high = ctx.paragraph_end(doc[avoid.first].idx)
    # A no-break space ("Gov.\u00a0John Kasich") is a token of its own but joins the words around it.
    kept = [
        i
        for i in range(first, last + 1)
        if low <= doc[i].idx < high and not ctx.quoted[i] and not (doc[i].is_space and "\n" in doc[i].text)
    ]
    runs = _runs(kept)
    if not runs:
        return None
    run = next((r for r in runs if r[0] <= head.i <= r[1]), None)
    if run is None:
        run = min(runs, key=lambda r: min(abs(r[0] - avoid.first), abs(r[1] - avoid.first)))
    root = next(
        doc[i] for i in range(run[0], run[1] + 1) if not run[0] <= doc[i].head.i <= run[1] or doc[i].head == doc[i]
    )
    span = trim(ctx.text, *char_span(doc, *run))
    if span[0] >= span[1]:
        return None
    if ctx.text.startswith(",", span[1]) and "," in ctx.text[span[0] : span[1]]:
        # An apposition closes with its comma: "Jane Roe, the mayor, said" spans "Jane Roe, the mayor,"
        # (PolNeAR train: 919 of 1,026 such sources keep it).
        span = (span[0], span[1] + 1)
    return span, root
