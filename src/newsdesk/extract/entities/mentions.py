"""Mentions: the name spans an article's entities are built from.

Four sources, merged so that no two mentions overlap:

1. the model's named entities, cleaned: numeric types dropped, split at brackets and line
   breaks ("Daesh (Islamic State" is two names), without a leading "the", a trailing
   possessive, or a leading title in a person's name ("Mayor" in "Mayor Lena Hartmann");
2. acronyms defined in brackets, "UN Assistance Mission in Afghanistan (UNAMA)": the
   expansion is found by spelling the acronym over the words before the bracket, which also
   repairs the model's span ("the UN Assistance Mission" + "Afghanistan");
3. gazetteer names the model missed, matched token by token with exact case;
4. proper nouns the model left untyped that are the subject of a speech verb ("Dempsey told
   reporters"), as people (:mod:`.subjects`).

Names inside a person's pre-name title ("Afghan National Security Adviser" before "Mohammad
Hanif Atmar") are titles, not organisations, and are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from newsdesk.extract.entities.acronyms import expansion_start, is_acronym
from newsdesk.extract.entities.gazetteer import Gazetteer, given_name_genders
from newsdesk.extract.entities.headlines import (
    Headings,
    after_family_noun,
    following_pronouns,
    trim_headline_people,
)
from newsdesk.extract.entities.mention import Mention, make_mention, mention_of
from newsdesk.extract.entities.scan import Scanner, heading_lines, headline_lines
from newsdesk.extract.entities.subjects import untyped_speakers
from newsdesk.extract.entities.titles import PERSON_ROLES, is_title_token, prename_title, word_of
from newsdesk.vocab.labels import NAME_LABELS
from newsdesk.vocab.names import COURTESY_TITLES
from newsdesk.vocab.wordlists import word_list

_BREAKS = frozenset({"(", ")", "[", "]", "“", "”", '"', "«", "»", "„", "—", "–", ":", ";", "|"})
_LEADING_JUNK = frozenset({"the", "a", "an"})
# Prefixes that make a name an adjective of stance ("pro-Hartmann", "anti-Ortega"): the model runs
# them into the name after them, or tags the adjective itself as a person.
_STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_POSSESSIVE_NAMES = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Abbreviations of common nouns, which the small model often tags as organisations.
_NOT_NAMES = word_list("name_words.tsv", "not-a-name")
# Last words of company and institution names; a "person" ending in one is an organisation.
ORGANISATION_WORDS = word_list("name_words.tsv", "organisation-word")
# Titles that also begin names of things ("King James Bible", "Queen Mary University"): an
# organisation starting with one alone stays an organisation. (Found on 300 PolNeAR train texts,
# where the rule otherwise turned 3 organisations into persons, 2 of them rightly.)
_NAMESAKE_TITLES = frozenset({"king", "queen", "prince", "princess", "saint", "st", "pope", "emperor"})
# Lower-case words inside personal names ("Pieter de Vries", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ibn"})


@dataclass(slots=True)
class Collected:
    """The mentions of one Doc, in text order, and pairs (indices) the text says co-refer."""

    mentions: list[Mention]
    links: list[tuple[int, int]]


def build_matcher(nlp: Language, gazetteer: Gazetteer) -> PhraseMatcher:
    """A case-exact token matcher over the gazetteer's strong forms, tokenised like the pipeline."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("GAZETTEER", [nlp.make_doc(text) for text in gazetteer.search_phrases()])
    return matcher


def collect(doc: Doc, scanner: Scanner, gazetteer: Gazetteer, matcher: PhraseMatcher) -> Collected:
    """All mentions of ``doc``: model entities, bracketed acronyms and gazetteer names, non-overlapping."""
    candidates: list[tuple[int, Mention]] = []  # (priority, mention): lower priority wins ties of length
    text = scanner.text
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            for piece in _pieces(list(ent), ent.label_):
                mention = _trimmed(doc, text, piece, ent.label_, "model")
                if mention is not None:
                    candidates.append((1, mention))
    covered = {m.start: m.end for _, m in candidates}
    for _, start, end in matcher(doc):
        # Most gazetteer hits repeat a model entity; those can only lose to it, so skip them early.
        inside = any(covered.get(a, -1) >= end for a in range(max(0, start - 3), start + 1))
        if not inside and not _shouted(doc, start, end):
            mention = _trimmed(doc, text, list(doc[start:end]), "", "gazetteer")
            if mention is not None:
                candidates.append((2, mention))
    if doc.has_annotation("DEP"):
        for start, end in untyped_speakers(doc, scanner.quoted, scanner.lower_words):
            candidates.append((3, make_mention(doc, start, end, "PERSON", "model")))
    pairs = _acronyms(doc, scanner, candidates)
    mentions = _drop_common_words(scanner.lower_words, _select(doc, candidates), gazetteer)
    index = {(m.start, m.end): n for n, m in enumerate(mentions)}
    links = [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    links.extend(_bracket_aliases(doc, mentions, index))
    headlines = headline_lines(scanner.text)
    for mention in mentions:
        mention.shaky = mention.start_char in headlines
    if doc.has_annotation("SENT_START"):
        following_pronouns(doc, scanner, mentions)
    for mention in mentions:
        mention.relative = len(mention.words) > 1 and after_family_noun(doc, mention.start)
    trim_headline_people(doc, mentions, Headings(heading_lines(scanner.text), scanner.lower_words))
    for mention in mentions:
        mention.entries = gazetteer.lookup(mention.text)
        if not mention.label:
            types = {entry.type for entry in mention.entries}
            mention.label = types.pop() if len(types) == 1 else "ORG"
    return Collected(mentions, links)


def _drop_common_words(lower: set[str], mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Drop one-word names the article also writes in lower case: "Plague" and "plague", "Meth"
    and "meth" are a common noun capitalised at a sentence start or in a heading.

    Not a word of a longer name in the article (the surname "Brown" of "Gordon Brown" stays)
    and not a name the gazetteer knows.
    """
    in_names = {w.casefold() for m in mentions if len(m.words) > 1 for w in m.words}
    return [
        m
        for m in mentions
        if not (
            m.source == "model"
            and len(m.words) == 1
            and m.words[0].casefold() in lower
            and m.words[0].casefold() not in in_names
            and not gazetteer.lookup(m.text)
        )
    ]


def _pieces(tokens: list[Token], label: str) -> list[list[Token]]:
    """Split an entity's tokens at brackets, quotes, dashes, line breaks and possessives ("Trump’s 1995").

    An organisation or work named with a possessive stays whole when a capitalised word follows
    it: "People’s Daily", "Sheriff’s Department", "People’s Liberation Army".
    """
    pieces: list[list[Token]] = [[]]
    last = len(tokens) - 1
    for n, token in enumerate(tokens):
        word = token.text
        named = label in _POSSESSIVE_NAMES and n < last and tokens[n + 1].is_title and n > 0
        if word in _BREAKS or "\n" in word or (word in _POSSESSIVE and n < last and not named):
            pieces.append([])
            continue
        if n and "\n" in tokens[n - 1].whitespace_:
            pieces.append([])
        pieces[-1].append(token)
    return [piece for piece in pieces if piece]


def _trimmed(doc: Doc, text: str, tokens: list[Token], label: str, source: str) -> Mention | None:
    """A mention of ``tokens`` without leading articles, titles and trailing possessives, or None."""
    first, last = 0, len(tokens)
    while first < last and (tokens[first].lower_ in _LEADING_JUNK or tokens[first].is_punct or tokens[first].is_space):
        first += 1
    if last - first >= 3 and tokens[first].lower_ in _STANCE_PREFIXES and tokens[first + 1].text == "-":
        first += 3  # "pro-Hartmann Harbour Alliance": the stance adjective is no part of the name
    while last > first and (
        tokens[last - 1].text in _POSSESSIVE or tokens[last - 1].is_punct or tokens[last - 1].is_space
    ):
        last -= 1
    gender = None
    if (
        label == "ORG"
        and source == "model"
        and (_titled_name(tokens[first:last]) or _given_name_pair(tokens[first:last]))
    ):
        label = "PERSON"  # "Councillor Pieter de Vries", "Nadia Petrov": the small model's organisation is a person
    if label == "PERSON":
        if last - first >= 3 and _after_title_preposition(doc, tokens[first].i):
            first += 1  # "Envoy for Carpathia Dorin Malek": the place belongs to the title
        while first < last - 1 and is_title_token(tokens[first]):
            gender = COURTESY_TITLES.get(word_of(tokens[first]), gender)
            first += 1
        if first < last and all(is_title_token(t) for t in tokens[first:last]):
            return None
        first = _after_abbreviated_role(tokens, first, last)
        last = _before_digits(tokens, first, last)
    if first >= last:
        return None
    kept = tokens[first:last]
    start_char = kept[0].idx
    name = text[start_char : kept[-1].idx + len(kept[-1].text)]
    if len(name) < 2 or not any(ch.isalpha() for ch in name) or word_of(kept[0]) in _SUFFIXES:
        return None
    if source == "model" and not any(ch.isupper() for ch in name):
        return None  # "n’t", "coronavirus": not names
    if source == "model" and name in _NOT_NAMES:
        return None  # "IPO", "AI", "CEO": common abbreviations the model tags as organisations
    if label == "PERSON" and kept[0].i > 0 and word_of(doc[kept[0].i - 1]) in COURTESY_TITLES:
        gender = COURTESY_TITLES[word_of(doc[kept[0].i - 1])]
    if label == "PERSON" and len(kept) >= 2 and kept[-1].text in ORGANISATION_WORDS:
        label = "ORG"  # "Kestrel Shipping", "Acme Holdings": the model's people that are companies
    mention = mention_of(kept, name, start_char, label, source)
    mention.gender = gender
    return mention


def _given_name_pair(tokens: list[Token]) -> bool:
    """Whether two or three capitalised words are a known given name and a surname ("Nadia Petrov"),
    not an institution named after someone ("Nadia Petrov Foundation", ``organisation-word``)."""
    if not 2 <= len(tokens) <= 3 or tokens[0].text not in given_name_genders():
        return False
    return all(t.is_title and t.is_alpha for t in tokens) and not any(t.text in ORGANISATION_WORDS for t in tokens)


def _after_abbreviated_role(tokens: list[Token], first: int, last: int) -> int:
    """Where a person's name starts after a team or office and an abbreviated role the model ran into
    it ("Harbor Cats QB Ana Ruiz", "Valdoria MP Dorin Malek"): past the last all-capital word of two
    to four letters that two or more capitalised words follow. A lone initialism before one word
    ("TJ Watt") is the given name itself and stays."""
    start = first
    for n in range(first, last - 2):
        word = tokens[n].text
        if word.isalpha() and word.isupper() and 2 <= len(word) <= 4 and all(t.is_title for t in tokens[n + 1 : last]):
            start = n + 1
    return start


def _before_digits(tokens: list[Token], first: int, last: int) -> int:
    """The end of a person's name before its first word with a digit: no personal name has one.

    The model runs names into results lines and scores ("Ana Ruiz 1 goal", "Ruiz 6-2") and takes
    product codes and links for people ("Nighthawk X4", "pic.twitter.com/…"); a span that starts
    with such a word ends where it starts, so it is no name at all.
    """
    return next((n for n in range(first, last) if any(ch.isdigit() for ch in tokens[n].text)), last)


def _titled_name(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are a person's title ("Councillor", "Senator", "Dr") then a two-to-four
    word name, none of it an organisation's last word ("Senator Hotel Group" stays a company)."""
    n = 0
    while n < len(tokens) and is_title_token(tokens[n]):
        n += 1
    title, name = tokens[:n], tokens[n:]
    words = {word_of(t) for t in title}
    return (
        any(w in PERSON_ROLES or w in COURTESY_TITLES for w in words)
        and not words <= _NAMESAKE_TITLES
        and 2 <= len(name) <= 4
        and name[0].is_title
        and name[-1].is_title
        and all(t.is_title or t.lower_ in _NAME_PARTICLES for t in name)
        and not any(t.text in ORGANISATION_WORDS or is_title_token(t) for t in name)
    )


def _after_title_preposition(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows a title's preposition ("Envoy for", "Minister of")."""
    return i > 1 and doc[i - 1].lower_ in ("for", "of", "to") and is_title_token(doc[i - 2])


def _shouted(doc: Doc, start: int, end: int) -> bool:
    """Whether an all-caps match sits among all-caps words (a shouted headline: "WHAT IS THE PLAN")."""
    if not all(doc[i].is_upper for i in range(start, end)):
        return False
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i]) > 1]
    return any(t.is_upper for t in neighbours)


def _acronyms(
    doc: Doc, scanner: Scanner, candidates: list[tuple[int, Mention]]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Find "Long Name (ACRONYM)" definitions; add both spans as candidates and return them as pairs.

    When the acronym does not spell the words before it ("Moscow State Institute of International
    Relations (MGIMO)"), a name the model found right before the bracket takes the acronym.
    """
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    ending_at = {m.end: m for _, m in candidates if m.source == "model"}
    for token in scanner.bracketed_acronyms():
        i = token.i
        if not is_acronym(token):
            continue
        opening = i - 1
        first = expansion_start(doc, opening, token.text)
        if first is not None:
            if word_of(doc[opening - 1]) in PERSON_ROLES:
                continue  # "National Security Adviser (NSA)" is a title, not a body
            expansion = _trimmed(doc, scanner.text, list(doc[first:opening]), "", "acronym")
            if expansion is None:
                continue
            model = ending_at.get(opening)
            if model is not None and model.start == first:
                expansion.label = model.label
            candidates.append((0, expansion))
        else:
            before = ending_at.get(opening)
            if before is None or before.label in ("PERSON", "GPE", "LOC", "NORP"):
                continue
            expansion = before
        acronym = _trimmed(doc, scanner.text, [token], expansion.label, "acronym")
        if acronym is not None:
            candidates.append((0, acronym))
            pairs.append(((expansion.start, expansion.end), (i, i + 1)))
    return pairs


def _select(doc: Doc, candidates: list[tuple[int, Mention]]) -> list[Mention]:
    """Keep the longest candidates, without overlaps; acronym definitions first, then the model's."""
    taken = bytearray(len(doc))
    chosen: list[Mention] = []
    for _, mention in sorted(candidates, key=lambda c: (c[0] != 0, -(c[1].end - c[1].start), c[0], c[1].start)):
        if any(taken[mention.start : mention.end]):
            continue
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return _drop_titles(doc, chosen)


def _drop_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Drop names that are really a person's title ("Afghan National Security Adviser", "State" of "Secretary of")."""
    inside: set[int] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            title = prename_title(doc, mention.start, "PERSON")
            if title is not None:
                inside.update(range(*title))
    if not inside:
        return mentions
    kept = []
    for mention in mentions:
        within = all(i in inside for i in range(mention.start, mention.end))
        is_title = within and (
            any(word_of(doc[i]) in PERSON_ROLES for i in range(mention.start, mention.end))
            or (mention.end - mention.start == 1 and mention.start > 0 and doc[mention.start - 1].lower_ == "of")
        )
        if not is_title:
            kept.append(mention)
    return kept


def _bracket_aliases(doc: Doc, mentions: list[Mention], index: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """Pairs "Name (Other Name)" of one kind: "Daesh (Islamic State)", "Zamir Kabulov (Russian: Замир Кабулов)".

    Places are left out: "Herat (Afghanistan)" locates, it does not rename.
    """
    by_start = {m.start: m for m in mentions}
    links: list[tuple[int, int]] = []
    for outer in mentions:
        if outer.end + 2 >= len(doc) or doc[outer.end].text != "(" or outer.label in ("GPE", "LOC"):
            continue
        inner = by_start.get(outer.end + 1)
        if outer.end + 3 < len(doc) and doc[outer.end + 2].text == ":":
            inner = by_start.get(outer.end + 3)  # after a language label: "(Russian: …)"
        if (
            inner is not None
            and inner.end < len(doc)
            and doc[inner.end].text == ")"
            and inner.label not in ("GPE", "LOC")
            and (outer.label == "PERSON") == (inner.label == "PERSON")
        ):
            links.append((index[(outer.start, outer.end)], index[(inner.start, inner.end)]))
    return links
