"""Clustering: which mentions name the same entity, and what that entity is called and is.

Rules, applied in order over the article's mentions (union-find, so they compose):

- the text says so: "Long Name (ACRONYM)", "Daesh (Islamic State)";
- people: full names that are one another's subsets ("Donald Trump", "Donald J. Trump") are one
  person; a lone surname ("Kabulov", "Kabulov's") goes to the nearest earlier full name with that
  surname, a lone first name to the only full name with it;
- the gazetteer: forms of one entry are one entity (Daesh, ISIS, Islamic State); an ambiguous
  form ("PTI") joins an entry only when another name of that entry is in the article;
- the same name up to case, periods, hyphens and "the" ("the United Nations", "United Nations");
- an acronym the capitals of an earlier name spell ("NATO" after "North Atlantic Treaty Organization");
- an organisation and its name with a designator ("Veltra" and "Veltra Group").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsdesk.extract.entities.gazetteer import name_key
from newsdesk.extract.entities.mentions import Mention, acronym_spells

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Model types under which the small model also writes surnames it missed as people ("Kabulov's" as ORG).
_SURNAME_MISTYPES = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})
_DESIGNATORS = frozenset(
    {"agency", "news", "group", "party", "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc"}
    | {"foundation", "network", "movement", "holdings"}
)


class _UnionFind:
    """Disjoint sets over mention indices; a set's root is its earliest mention."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def name_parts(mention: Mention) -> tuple[str, ...]:
    """A person's name words, case-folded, without generational suffixes ("Jr.")."""
    return tuple(w.casefold() for w in mention.words if w.casefold().rstrip(".") not in _SUFFIXES)


def cluster(mentions: list[Mention], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Group mention indices into entities; groups in order of first mention, members in text order."""
    sets = _UnionFind(len(mentions))
    for a, b in links:
        sets.union(a, b)
    attached = _people(mentions, sets)
    _by_name(mentions, sets, attached)
    _acronyms_of_names(mentions, sets)
    _designators(mentions, sets, attached)
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(sets.find(i), []).append(i)
    return [groups[root] for root in sorted(groups)]


def _is_person(mention: Mention) -> bool:
    """A PERSON mention the gazetteer does not know as something else ("Sputnik" is a news agency)."""
    return mention.label == "PERSON" and not any(e.type != "PERSON" for e in mention.entries)


def _people(mentions: list[Mention], sets: _UnionFind) -> set[int]:
    """Join people's full names, surnames and first names; return the indices now in a person's set."""
    full = [i for i, m in enumerate(mentions) if _is_person(m) and len(name_parts(m)) >= 2]
    parts = {i: name_parts(mentions[i]) for i in full}
    for n, a in enumerate(full):
        for b in full[n + 1 :]:
            if _same_person(parts[a], parts[b]):
                sets.union(a, b)
    by_surname: dict[str, list[int]] = {}
    by_first: dict[str, set[int]] = {}
    for i in full:
        by_surname.setdefault(parts[i][-1], []).append(i)
        by_first.setdefault(parts[i][0], set()).add(i)
    attached = set(full)
    for i, mention in enumerate(mentions):
        if i in attached:
            continue
        words = name_parts(mention)
        if len(words) >= 2 and not mention.entries and mention.label in _SURNAME_MISTYPES:
            twin = next((j for j in full if parts[j] == words), None)  # a full name the model mistyped
            if twin is not None:
                sets.union(i, twin)
                attached.add(i)
            continue
        if len(words) != 1:
            continue
        word = words[0]
        maybe_person = mention.label == "PERSON" or (mention.label in _SURNAME_MISTYPES and not mention.entries)
        if word in by_surname and maybe_person:
            candidates = by_surname[word]
            earlier = [j for j in candidates if mentions[j].start < mention.start]
            sets.union(i, earlier[-1] if earlier else candidates[0])
            attached.add(i)
        elif word in by_first and _is_person(mention):
            people = {sets.find(j) for j in by_first[word]}
            if len(people) == 1:
                sets.union(i, people.pop())
                attached.add(i)
    return attached


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names are one person's: same surname, the shorter's words in the longer, in order."""
    if a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    words = [w for w in short if len(w.rstrip(".")) > 1]  # initials are optional: "Donald J. Trump"
    position = 0
    for word in words:
        try:
            position = long_.index(word, position) + 1
        except ValueError:
            return False
    return True


def _by_name(mentions: list[Mention], sets: _UnionFind, attached: set[int]) -> None:
    """Join mentions of one gazetteer entry or of one normalised name."""
    first_of: dict[tuple[str, str], int] = {}
    ambiguous: list[int] = []
    for i, mention in enumerate(mentions):
        if i in attached:
            continue
        if len(mention.entries) > 1:
            ambiguous.append(i)
            continue
        key = ("gazetteer", mention.entries[0].name) if mention.entries else ("name", name_key(mention.text))
        sets.union(i, first_of.setdefault(key, i))
    for i in ambiguous:
        mention = mentions[i]
        present = [first_of[("gazetteer", e.name)] for e in mention.entries if ("gazetteer", e.name) in first_of]
        if len(present) == 1:
            sets.union(i, present[0])
        else:
            sets.union(i, first_of.setdefault(("name", name_key(mention.text)), i))


def _acronyms_of_names(mentions: list[Mention], sets: _UnionFind) -> None:
    """Join a bare acronym to the one multi-word name in the article whose capitals spell it."""
    names = [i for i, m in enumerate(mentions) if len(m.words) >= 2 and m.label != "PERSON"]
    named = {sets.find(j) for j in names}
    for i, mention in enumerate(mentions):
        text = mention.text
        if len(mention.words) != 1 or mention.entries or not text.isupper() or not 2 <= len(text) <= 10:
            continue
        if sets.find(i) in named:  # already defined in brackets, or a gazetteer alias
            continue
        spelled = {sets.find(j) for j in names if acronym_spells(list(mentions[j].words), text) == 0}
        if len(spelled) == 1:
            sets.union(i, spelled.pop())


def _designators(mentions: list[Mention], sets: _UnionFind, attached: set[int]) -> None:
    """Join "Veltra" and "Veltra Group": organisation names equal up to a trailing designator word."""
    first_of: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        if i in attached or mention.label != "ORG" or mention.entries:
            continue
        words = name_key(mention.text).split()
        while len(words) > 1 and words[-1] in _DESIGNATORS:
            words.pop()
        sets.union(i, first_of.setdefault(" ".join(words), i))


def entity_type(members: list[Mention]) -> str:
    """The entity's type: a person's full name, else the gazetteer, else the model's majority label."""
    if any(_is_person(m) and len(name_parts(m)) >= 2 and not m.entries for m in members):
        return "PERSON"
    known = Counter(m.entries[0].type for m in members if len(m.entries) == 1)
    if known:
        return known.most_common(1)[0][0]
    shared = Counter(m.entries[0].type for m in members if m.entries and len({e.type for e in m.entries}) == 1)
    if shared:
        return shared.most_common(1)[0][0]
    votes = Counter(m.label for m in members if m.source != "pronoun")
    best = max(votes.values())
    tied = {label for label, count in votes.items() if count == best}
    longest = max((m for m in members if m.label in tied), key=lambda m: len(m.text))
    return longest.label


def entity_name(members: list[Mention]) -> str:
    """The fullest name: among forms no other form contains or abbreviates, the most used, then longest."""
    counts = Counter(m.text for m in members if m.source != "pronoun")
    forms = {m.text: m for m in reversed(members) if m.source != "pronoun"}  # first mention of each form
    full = [f for f in counts if not any(g != f and _part_of(forms[f], forms[g]) for g in counts)]
    order = {text: n for n, text in enumerate(counts)}
    return max(full or list(counts), key=lambda f: (counts[f], len(f), -order[f]))


def _part_of(short: Mention, long_: Mention) -> bool:
    """Whether ``short`` is a part ("Kabulov"), an acronym ("UNAMA") or a case variant of ``long_``."""
    if len(short.text) >= len(long_.text):
        return len(short.text) == len(long_.text) and short.text != long_.text and short.text.isupper()
    a = [w.casefold() for w in short.words]
    b = [w.casefold() for w in long_.words]
    if a and all(w in b for w in a):
        return True
    return short.text.replace(".", "").isupper() and acronym_spells(list(long_.words), short.text) == 0
