"""What is not a title though it reads like one: opinions, rankings and forecasts about a person.

"the only president tough enough", "a better candidate", "the next mayor", "the first candidate to
weigh in" and "I think X is the candidate" say what someone thinks of a person, or what the person
may become, not a post the person holds; "his combative former campaign manager" holds a title
behind the writer's adjective. The titles reader (:mod:`newsdesk.extract.entities.titles`) asks
these checks of every phrase it finds; the word lists are in ``data/title_words.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.vocab.wordlists import word_list

# Modifiers that make a role a hope, a forecast or a ranking ("the only president tough enough").
_NOT_HELD = word_list("title_words.tsv", "not-held")
# Adjectives of opinion or fame dropped from the front of a title ("combative former campaign manager").
_OPINION = word_list("title_words.tsv", "opinion")
# Comparatives and superlatives rank a person ("a better candidate", "the most famous challenger");
# lower-case only, since capitalised ones belong to names ("Greater Manchester Mayor").
_RANKING_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
# "the first candidate to weigh in": these rank only with a clause after the role ("first lady" is a title).
_ORDINALS = frozenset({"first", "last"})
# Verbs whose complement is an opinion: "I think X is a better candidate" says nothing X holds.
OPINION_LEMMAS = frozenset({"think", "believe", "feel", "consider", "hope", "guess", "suppose", "imagine", "wish"})


def identifies(head: Token) -> bool:
    """Whether a predicate picks the subject out rather than naming a post: "X is the candidate who can win".

    "the" with a clause after the role makes it a description of this one person; in an appositive
    ("X, the former mayor who …") the same clause only adds to a title, so this is checked on predicates.
    """
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts) and any(
        c.dep_ in ("relcl", "acl") and _about_a_person(c) for c in head.rights
    )


def _about_a_person(clause: Token) -> bool:
    """Whether a clause after a role says what its holder does: "who can win", "that …", "to weigh in".

    Not "which": "since X became the nominee, which is to ignore …" comments on the whole sentence.
    """
    return any(c.lower_ in ("who", "that") or (c.dep_ == "aux" and c.tag_ == "TO") for c in clause.children)


def not_held(doc: Doc, span: range, head: Token) -> bool:
    """Whether the title phrase ``doc[span]`` ranks or forecasts rather than names a post the person holds."""
    ranked = any(c.dep_ in ("relcl", "acl") for c in head.children)
    for j in span:
        token = doc[j]
        if token.lower_ in _NOT_HELD or (token.is_lower and token.tag_ in _RANKING_TAGS):
            return True
        if ranked and token.lower_ in _ORDINALS:
            return True
    return False


def past_opinion(doc: Doc, first: int, stop: int) -> int:
    """``first`` moved past the lower-case words of opinion that open a title, hyphenated ones whole."""
    while first < stop:
        last = first
        while last + 2 < stop and doc[last + 1].text == "-" and not doc[last].whitespace_:
            last += 2
        if not doc[first].is_lower or doc[first : last + 1].text.lower() not in _OPINION:
            break
        first = last + 1
    return first
