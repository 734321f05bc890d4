"""Titles of people and organisations, read off the dependency parse.

News introduces people with what they are: a title before the name ("Russian Special
Presidential Envoy for Afghanistan Zamir Kabulov", "Mayor Lena Hartmann"), an appositive
("Hugh Hill, a doctor, said"; "its chief executive, Tomas Brenner,"), a relative clause
("Kabulov, who is also Director of …") or a copula ("X is a career diplomat", "X served as
ambassador"). Each reading starts from the mention's syntactic head and follows one
dependency (compound/amod chain, ``appos``, ``relcl``, ``attr``/``oprd`` of a copula, ``as``
of "serve"), then keeps the phrase only when its head noun is a role word: the lexicons of
``data/title_words.tsv``, or a person-forming suffix ("strategist", "banker"). Descriptions that
are not roles ("a threat", "the reason") are dropped, which keeps the output clean at some cost
in recall.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

from newsdesk.extract.entities.title_filters import OPINION_LEMMAS, identifies, not_held, past_opinion
from newsdesk.vocab.labels import NUMERIC_LABELS
from newsdesk.vocab.names import COURTESY_TITLES
from newsdesk.vocab.wordlists import word_list

# Head nouns of personal titles and roles (lower case, abbreviations without the dot).
PERSON_ROLES = word_list("title_words.tsv", "person-role")
# Head nouns that describe organisations ("the militant group Daesh", "Acme, a chemicals maker").
ORG_ROLES = word_list("title_words.tsv", "org-role")
# Words that belong to a title but are not its head ("Ambassador Extraordinary and Plenipotentiary").
# The model sometimes tags them as names; a "name" made only of these is not one.
TITLE_MODIFIERS = word_list("title_words.tsv", "title-modifier")
# Nouns a copula or appositive often carries that are not roles, and common nouns that merely look
# like role nouns ("-er", "-or", "-ent", "-ant"); checked on the phrase's head noun.
_NOT_ROLES = word_list("title_words.tsv", "not-role")
# Role-forming endings, for common nouns the lexicons miss ("strategist", "banker", "consultant").
# Calibrated by reading the titles found on the PolNeAR dev texts: "-ess", "-ee", "-ster" and "-ment"
# words were mostly not roles ("business", "degree", "disaster", "endorsement") and are left out.
_ROLE_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "eur", "aire")
_TITLE_PREPOSITIONS = frozenset({"of", "for", "to", "on", "at", "in"})
_TITLE_OPENERS = frozenset({"former", "then", "ex", "then-", "ex-"})
# Dependents that start a new clause or a second description: never part of the title phrase.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "xcomp", "npadvmod", "nummod"})
# Of these, only the head's own are cut: deeper down they belong to a complement ("adviser to Vice
# President Joseph Biden Jr.", "architect of Obama's 2008 campaign").
_OWN_DEPS = frozenset({"appos", "nummod", "npadvmod"})
# Dependencies of a word that modifies the noun after it.
_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod"})
# Dependencies of a noun that is some other word's object, so not a modifier of the name after it.
_OBJECT_DEPS = frozenset({"pobj", "dobj", "dative"})
_COPULA_LEMMAS = frozenset({"be", "become", "remain"})
_AS_LEMMAS = frozenset({"serve", "act", "work"})
_NAMING_LEMMAS = frozenset({"name", "appoint", "elect", "nominate"})
# Titles longer than this are runaway parses (a whole clause hanging off a noun); the longest real
# titles in our test articles and on the seed page run to 10 tokens.
_MAX_TITLE_TOKENS = 16


def word_of(token: Token) -> str:
    """The token lower-cased without an abbreviation's dot ("Sen." → "sen")."""
    return token.lower_.rstrip(".")


def is_title_token(token: Token) -> bool:
    """Whether ``token`` is a title word (head or modifier), so cannot be a name on its own."""
    word = word_of(token)
    return word in PERSON_ROLES or word in TITLE_MODIFIERS or word in COURTESY_TITLES


def is_role(token: Token, kind: str) -> bool:
    """Whether ``token`` can head a title of a ``kind`` ("PERSON" or "ORG") entity."""
    word, lemma = word_of(token), token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN") or word in _NOT_ROLES or lemma in _NOT_ROLES:
        return False
    lexicon = PERSON_ROLES if kind == "PERSON" else ORG_ROLES
    if word in lexicon or lemma in lexicon:
        return True
    if kind != "PERSON" and (word in PERSON_ROLES or lemma in PERSON_ROLES):
        return False  # "director", "founder" head a person's title, not an organisation's
    # A role suffix is evidence only on common nouns; proper nouns ("Center", "Hunter") are names.
    return token.pos_ == "NOUN" and len(word) > 4 and word.endswith(_ROLE_SUFFIXES) and not word.endswith("ment")


def prename_title(doc: Doc, start: int, kind: str) -> tuple[int, int] | None:
    """Token range of the title written right before the name at ``start``, if there is one.

    Walks left over the noun phrase the name closes (nouns, proper nouns, adjectives, "of"/"for"
    links between capitalised words, a parenthetical acronym), then keeps it only if it holds a
    role word: "Uzbek-born Kabulov" has no title, "Afghan National Security Adviser (NSA)
    Mohammad Hanif Atmar" has "Afghan National Security Adviser".
    """
    floor = _sentence_start(doc, start)
    end = start
    if end - 1 > floor and word_of(doc[end - 1]) in COURTESY_TITLES:
        end -= 1
    if end - 1 > floor and doc[end - 1].text == ")":
        opening = next((j for j in range(end - 2, max(floor, end - 6) - 1, -1) if doc[j].text == "("), None)
        if opening is None:
            return None
        end = opening
    first = end
    i = end - 1
    while i >= floor:
        token = doc[i]
        if _chain_word(token) or (token.text in ("-", "&") and i > floor and _chain_word(doc[i - 1])):
            first = i
        elif not _title_link(doc, i, floor, kind):
            break
        i -= 1
    while first < end and (doc[first].pos_ in ("ADP", "DET") or doc[first].is_punct):
        first += 1
    if first == end or not _chain_word(doc[end - 1]):
        return None
    # "former", "then", "ex" open a title: words before them belong to the sentence ("the
    # investigation former Secretary of State X").
    opener = next((j for j in range(end - 1, first, -1) if doc[j].lower_ in _TITLE_OPENERS), None)
    if opener is not None:
        first = opener
    root = _name_root(doc, start)
    if root.dep_ in _MODIFIER_DEPS and root.head.i > root.i and is_role(root.head, "PERSON"):
        return None  # "right-wing YouTube talk-show host": the words before belong to "host", not the name
    first = _own_start(doc, start, first, end, kind)
    while first < end and (doc[first].pos_ in ("ADP", "DET") or doc[first].is_punct):
        first += 1
    # A role word used as a modifier ("right-wing", "wing" an adjective's part) heads nothing.
    head = next((j for j in range(end - 1, first - 1, -1) if is_role(doc[j], kind) and doc[j].dep_ != "amod"), None)
    if head is None or doc[head].tag_ == "NNS":
        return None  # "members Tom Johnston and Patrick Simmons": a plural role is no one entity's title
    if not_held(doc, range(first, end), doc[head]):
        return None
    first = past_opinion(doc, first, head)
    tail = range(head + 1, end)
    if tail and doc[head + 1].pos_ != "ADP" and not all(_is_modifier(doc[j]) for j in tail):
        return None
    return first, end


def _own_start(doc: Doc, start: int, first: int, end: int, kind: str) -> int:
    """Where the title of the name at ``start`` can begin, given the chain walked back to ``first``
    and the title's ``end`` (before a courtesy title or a bracketed acronym).

    A title before a name modifies the name; a word of the chain that governs the name instead ("his
    running mate Gov. X", "agent for President X", "from Institute President Y to campaign chairman
    X"), or a common noun that is another word's object ("in his letter FBI Director X"), ends the
    sentence's part and starts the title after it. One construction is kept whole: the name as
    object of the title's own preposition ("Envoy for Carpathia X"), when no role word lies inside
    the name's phrase.
    """
    root = _name_root(doc, start)
    if root.dep_ == "appos" and root.head.i == end - 1:
        root = root.head  # the title heads the phrase: "political director [Dr.] [David Simas]"
    own = range(root.left_edge.i, start)
    own_preposition = root.dep_ == "pobj" and root.head.i == root.left_edge.i - 1 and root.head.i >= first
    if own_preposition and not any(is_role(doc[j], kind) or is_title_token(doc[j]) for j in own):
        return first
    ancestors = {t.i for t in root.ancestors}
    for j in range(start - 1, first - 1, -1):
        token = doc[j]
        if j in ancestors and (_inside_a_name(doc, j, first) or _name_part(token)):
            continue  # "NBA Hall of Fame player X" parsed as "Hall of [player X]"
        if j in ancestors or (
            token.dep_ in _OBJECT_DEPS and token.pos_ == "NOUN" and not is_role(token, kind) and token.head.i < first
        ):
            return j + 1
    return first


def _name_part(token: Token) -> bool:
    """A word of an organisation's or place's name: it governs a name only in a misparse."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and not is_title_token(token)


def _inside_a_name(doc: Doc, j: int, first: int) -> bool:
    """Whether the preposition ``doc[j]`` joins the words of a proper name ("Hall of Fame", "Bureau of Prisons")."""
    before = doc[j - 1] if j > first else None
    return doc[j].pos_ == "ADP" and doc[j + 1].pos_ == "PROPN" and before is not None and _name_part(before)


def _name_root(doc: Doc, start: int) -> Token:
    """The syntactic head of the name that starts at ``start`` (the model's entity, else its proper nouns)."""
    stop = start + 1
    inside = "I" if doc[start].ent_iob_ == "B" else None
    while stop < len(doc) and (
        doc[stop].ent_iob_ == inside if inside else (doc[stop].pos_ == "PROPN" and not doc[stop].is_punct)
    ):
        stop += 1
    return doc[start:stop].root


def titles_of(
    doc: Doc, start: int, end: int, kind: str, names: Container[int] = (), *, prename: bool = True
) -> list[str]:
    """Every title the text gives the mention ``doc[start:end]`` of a ``kind`` entity, in text order.

    ``names`` holds the token indices of the article's name mentions: a phrase headed by a name is
    another name for the entity ("Northern Relief Mission … (NRMC)"), not a title. ``prename=False``
    skips titles written before the mention: a pronoun has none ("told reporters he was" is not
    a title "reporters"), though it can have appositive and copular ones ("he is a diplomat").
    """
    found: list[str] = []
    title = prename_title(doc, start, kind) if prename else None
    if title is not None:
        found.append(_clean(doc[title[0] : title[1]].text))
    root = doc[start:end].root
    inside = range(start, end)
    for child in root.children:
        if child.i in inside:
            continue
        if child.dep_ == "appos" and not _affiliation(root, kind):
            found.extend(_phrase(child, kind, None, names))
        elif child.dep_ == "relcl" and _relative_subject(child):
            found.extend(_predicate_titles(child, kind, names))
    if root.dep_ == "appos" and root.head.i not in inside and root.head.tag_ != "NNS":
        # Not a plural head: "members Tom Johnston and Patrick Simmons" gives neither the title "members".
        found.extend(_phrase(root.head, kind, root, names))
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        found.extend(_predicate_titles(verb, kind, names))
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and not _has_subject(conj):
                found.extend(_predicate_titles(conj, kind, names))
    return _without_parts(list(dict.fromkeys(found)))


def _without_parts(found: list[str]) -> list[str]:
    """Drop a title that ends another found for the same mention: two parses of one phrase, cut differently."""
    return [t for t in found if not any(o != t and o.endswith(" " + t) for o in found)]


def _affiliation(root: Token, kind: str) -> bool:
    """Whether an organisation is named as a person's affiliation ("X of CBS News, winner of …").

    The appositive after it describes the person; the parse often hangs it on the organisation.
    """
    return kind != "PERSON" and root.dep_ == "pobj" and root.head.head.ent_type_ == "PERSON"


def _sentence_start(doc: Doc, i: int, limit: int = 24) -> int:
    """The start of ``doc[i]``'s sentence, looking back at most ``limit`` tokens (titles are short).

    Cheaper than ``Token.sent``, which checks the whole Doc's annotation on every call.
    """
    floor = max(0, i - limit)
    while i > floor and not doc[i].is_sent_start:
        i -= 1
    return i


def _chain_word(token: Token) -> bool:
    """A word that can sit in a title before a name: noun, proper noun, adjective, participle."""
    if token.ent_type_ in NUMERIC_LABELS or token.is_space or token.is_punct or "\n" in token.text_with_ws[:-1]:
        return False
    return token.pos_ in ("PROPN", "NOUN", "ADJ") or (token.tag_ == "VBN" and token.dep_ == "amod")


def _title_link(doc: Doc, i: int, floor: int, kind: str) -> bool:
    """Whether ``doc[i]`` links two parts of one title: "Envoy for Afghanistan", "Ambassador to the UN".

    A preposition counts only after a proper noun or a role word: "the role of Adviser X" and
    "Part of the network President X" stop at "of".
    """
    token, before = doc[i], doc[i - 1] if i > floor else None
    if before is None:
        return False
    if token.lower_ == "the":
        return before.lower_ in _TITLE_PREPOSITIONS
    return (
        token.pos_ == "ADP"
        and token.lower_ in _TITLE_PREPOSITIONS
        and _chain_word(before)
        and (before.pos_ == "PROPN" or is_role(before, kind))
    )


def _is_modifier(token: Token) -> bool:
    return token.text == "-" or word_of(token) in TITLE_MODIFIERS


def _relative_subject(clause: Token) -> bool:
    """Whether the relative clause's subject is the relative pronoun ("who is …", not "whom X called …")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in clause.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _predicate_titles(verb: Token, kind: str, names: Container[int]) -> list[str]:
    """Titles a clause predicates of its subject: "is/became X", "serves as X", "was named X".

    Negated, modal and conditional clauses ("is not a diplomat", "could become president",
    "if he were mayor") do not say what the subject is, so they give nothing.
    """
    if any(
        c.dep_ == "neg" or c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in ("if", "whether")) for c in verb.children
    ) or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in OPINION_LEMMAS):
        return []
    heads: list[Token] = []
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if (child.dep_ == "attr" and lemma in _COPULA_LEMMAS) or (
            child.dep_ in ("oprd", "attr") and lemma in _NAMING_LEMMAS
        ):
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as" and lemma in _AS_LEMMAS | _NAMING_LEMMAS:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    found: list[str] = []
    for head in heads:
        if not identifies(head):
            found.extend(_phrase(head, kind, None, names))
    return found


def _phrase(head: Token, kind: str, exclude: Token | None, names: Container[int]) -> list[str]:
    """The title phrase headed by ``head`` and those coordinated with it, each if a role.

    "president and chief operating officer of SpaceX" gives both; "a Clinton supporter and president
    of the Center" gives the second only.
    """
    if head.i in names:
        return []
    own = _own_phrase(head, kind, exclude)
    if own is None and word_of(head) not in _NOT_ROLES:
        return []  # "money and a six-pointed star" is no title; "a Clinton supporter and president of …" is
    found = [own] if own is not None else []
    excluded = {t.i for t in exclude.subtree} if exclude is not None else set()
    for conj in head.children:
        if conj.dep_ == "conj" and not _joins_names(conj) and conj.i not in excluded:
            found.extend(_phrase(conj, kind, exclude, names))
    return found


def _own_phrase(head: Token, kind: str, exclude: Token | None) -> str | None:
    """The title phrase headed by ``head`` alone (its own modifiers and "of …" complements), if a role."""
    if not is_role(head, kind) and not (
        # "served as Ambassador Extraordinary": the parse heads the title with its modifier.
        word_of(head) in TITLE_MODIFIERS and any(c.dep_ == "compound" and is_role(c, kind) for c in head.lefts)
    ):
        return None
    if head.tag_ == "NNS":
        # "Christie and Bush, who have been the governors of large states": shared, not one's title;
        # "the Harbour Union, the dock companies, the ferry lines": a list, not the union's description.
        return None
    doc = head.doc
    dropped: set[int] = set()
    if exclude is not None:
        dropped.update(t.i for t in exclude.subtree)
    for token in head.subtree:
        if token.i == head.i:
            continue
        if (
            (token.dep_ in _CLAUSE_DEPS and (token.dep_ not in _OWN_DEPS or token.head.i == head.i))
            # "Ambassador Extraordinary and Plenipotentiary" is one title; "a doctor and a father" is two.
            or (token.dep_ in ("cc", "conj") and not _joins_names(token))
            or (token.dep_ == "poss" and token.head.i == head.i and token.pos_ in ("PRON", "NOUN"))
        ):
            dropped.update(t.i for t in token.subtree)
        elif token.is_punct and token.tag_ != "HYPH":
            dropped.add(token.i)
    first = head.i
    while first - 1 >= head.left_edge.i and first - 1 not in dropped:
        first -= 1
    last = head.i
    while last + 1 <= head.right_edge.i and last + 1 not in dropped:
        last += 1
    phrase = range(first, last + 1)
    while first < head.i and (
        # "de facto" stays; "both" of "both President X and nominee Y" belongs to the pair
        (doc[first].dep_ in ("det", "advmod", "preconj") and doc[first].tag_ != "FW")
        or doc[first].lower_ in ("a", "an", "the")
        or doc[first].is_punct
    ):
        first += 1
    first = past_opinion(doc, first, head.i)
    while last > head.i and (doc[last].is_punct or doc[last].dep_ == "cc" or doc[last].pos_ in ("ADP", "DET")):
        last -= 1
    if last - first + 1 > _MAX_TITLE_TOKENS or not_held(doc, phrase, head):
        return None
    return _clean(doc[first : last + 1].text)


def _joins_names(token: Token) -> bool:
    """Whether a ``cc``/``conj`` token coordinates capitalised title words inside one title.

    A person's name coordinated in a modifier is never one of them: "Obama and White House political
    director" is two people ("adviser to President X and President Y" is one title).
    """
    conj = token if token.dep_ == "conj" else next((c for c in token.head.children if c.dep_ == "conj"), None)
    if conj is None or conj.pos_ != "PROPN":
        return False
    return conj.head.dep_ not in _MODIFIER_DEPS or "PERSON" not in (conj.ent_type_, conj.head.ent_type_)


def _clean(text: str) -> str:
    return " ".join(text.split())
