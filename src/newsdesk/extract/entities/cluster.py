"""Clustering: which mentions name the same entity, and what that entity is called and is.

Rules, applied in order over the article's mentions (union-find, so they compose):

- the text says so: "Long Name (ACRONYM)", "Daesh (Islamic State)";
- people: full names that can be one person's (:func:`~newsdesk.vocab.personal_names.same_person`:
  "Donald Trump" and "Donald J. Trump", "Joe Biden" and "Joseph R. Biden"; never different given
  names or suffixes: "Bill Clinton" and "Hillary Clinton", "Donald Trump Jr." and "Donald Trump"
  are two) are one person; a lone surname ("Kabulov", "Kabulov's") goes to the only person named
  in full with it, a lone first name ("Joe" too) likewise. When the article names two people with
  one surname, a lone surname is ambiguous: it joins one of them only when its courtesy title
  tells ("Mrs. Clinton" with Bill and Hillary Clinton named), its suffix does ("Trump Jr."), a
  pronoun right after it does ("Clinton said she"), or all but one were introduced as relatives
  ("his wife Melania Trump"); otherwise it stays an entity of its own, which the store does not
  link to anyone;
- the gazetteer: forms of one entry are one entity (Daesh, ISIS, Islamic State); an ambiguous
  form ("PTI") joins an entry only when another name of that entry is in the article;
- the same name up to case, periods, hyphens and "the" ("the United Nations", "United Nations");
- an acronym the capitals of an earlier name spell ("NATO" after "North Atlantic Treaty Organization");
- an organisation and its name with a designator ("Veltra" and "Veltra Group"), or its last word
  when only one name ends so ("the Post" after "New York Post").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsdesk.extract.entities.acronyms import acronym_spells
from newsdesk.extract.entities.gazetteer import given_name_genders
from newsdesk.extract.entities.mention import Mention
from newsdesk.extract.places.gazetteer import gazetteer as places_gazetteer
from newsdesk.vocab.names import ENTITY_NAMES, fold
from newsdesk.vocab.personal_names import PersonName, given_name_keys, person_name, same_person

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Model types under which the small model also writes surnames of people it has just named in full
# ("Kabulov's" as ORG; on PolNeAR dev articles, "Alicia Machado" and then "Machado" as GPE 17 times,
# "Terry McAuliffe" and then "McAuliffe" as LOC 5 times).
# Names the gazetteer knows ("Jordan", "Washington") keep their type.
_SURNAME_MISTYPES = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC"})
_DESIGNATORS = frozenset(
    {"agency", "news", "group", "party", "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc"}
    | {"foundation", "network", "movement", "holdings", "capital", "investment", "investments", "management"}
)
# Labels the small model gives a company's short name ("Alden" after "Alden Capital" as a GPE).
_SHORT_FORM_MISTYPES = frozenset({"GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})


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
    _short_forms(mentions, sets, attached)
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(sets.find(i), []).append(i)
    return [groups[root] for root in sorted(groups)]


def _is_person(mention: Mention) -> bool:
    """A person's name: the gazetteer says so, or the model does and the gazetteer has nothing against it.

    The gazetteer overrules the model both ways: "Sputnik" is a news agency, "Trump" a person.
    """
    if mention.entries:
        return all(e.type == "PERSON" for e in mention.entries)
    return mention.label == "PERSON"


def _people(mentions: list[Mention], sets: _UnionFind) -> set[int]:
    """Join people's full names, surnames and first names; return the indices now in a person's set."""
    full = [i for i, m in enumerate(mentions) if _is_person(m) and len(name_parts(m)) >= 2]
    names = {i: _full_name(mentions[i]) for i in full}
    members: dict[int, list[int]] = {}  # full names by set root: no union joins two that cannot be one
    for i in full:
        members.setdefault(sets.find(i), []).append(i)
    for n, a in enumerate(full):
        for b in full[n + 1 :]:
            ra, rb = sets.find(a), sets.find(b)
            if ra != rb and all(same_person(names[x], names[y]) for x in members[ra] for y in members[rb]):
                joined = members.pop(ra) + members.pop(rb)
                sets.union(a, b)
                members[sets.find(a)] = joined
    by_surname: dict[str, list[int]] = {}
    by_first: dict[str, set[int]] = {}
    by_given_key: dict[str, set[int]] = {}  # "joseph" and "joe" both for "Joe Biden"
    for i in full:
        by_surname.setdefault(names[i].surname, []).append(i)
        by_first.setdefault(names[i].given[0], set()).add(i)
        for key in given_name_keys(names[i].given[0]):
            by_given_key.setdefault(key, set()).add(i)
    attached = set(full)
    for i, mention in enumerate(mentions):
        if i in attached:
            continue
        words = name_parts(mention)
        if len(words) >= 2 and not mention.entries and mention.label in _SURNAME_MISTYPES:
            twin = next((j for j in full if name_parts(mentions[j]) == words), None)  # a full name the model mistyped
            if twin is not None:
                sets.union(i, twin)
                attached.add(i)
            continue
        if len(words) != 1:
            continue
        word = words[0]
        maybe_person = (
            mention.label == "PERSON"
            or _is_person(mention)
            or (mention.label in _SURNAME_MISTYPES and not mention.entries)
        )
        if word in by_surname and maybe_person:
            owner = _owner_of_surname(mentions, sets, [(j, names[j]) for j in by_surname[word]], mention)
            if owner is not None:
                sets.union(i, owner)
                attached.add(i)
        elif _is_person(mention) and (
            named := by_first.get(word) or {j for key in given_name_keys(word) for j in by_given_key.get(key, ())}
        ):
            # The same given name first ("Chris" is Chris Christie, not Christopher Reed), then its full forms.
            people = {sets.find(j) for j in named}
            if len(people) == 1:
                sets.union(i, people.pop())
                attached.add(i)
    return attached


def _full_name(mention: Mention) -> PersonName:
    """The parts of a full name (one with a given name and a surname)."""
    name = person_name(mention.words)
    if name is None or not name.given:  # a suffix word inside the name ("II Corps" typed as a person)
        parts = name_parts(mention)
        return PersonName(parts[:-1], parts[-1], "")
    return name


def _owner_of_surname(
    mentions: list[Mention], sets: _UnionFind, full: list[tuple[int, PersonName]], surname: Mention
) -> int | None:
    """Which of the people named in full with this surname a bare surname means, if the text tells.

    One person: that one. Several (a family, namesakes): the one its suffix names ("Trump Jr."),
    else the only one of the gender its courtesy title ("Mrs. Clinton") or the pronoun right after
    it ("Clinton said she") gives, by the given names' genders; else the only one the text does
    not introduce as another's relative ("her husband, former President Bill Clinton": 73 more
    decided, 2 wrong, on those articles); else none. Neither how often nor
    how near a full name is tells: news names relatives in full where they appear ("Melania Trump
    tells Trump supporters"), and the main person by surname. On the family articles of 60 PolNeAR
    train texts, the nearest full name on the line was wrong for 4 of 6 bare surnames it decided.
    """
    name = person_name(surname.words)
    if name is not None and name.suffix:
        full = [(j, parts) for j, parts in full if parts.suffix == name.suffix]
    people = {sets.find(j): parts for j, parts in full}
    gender = surname.gender or surname.pronoun_gender
    if gender is not None:
        genders = given_name_genders()
        known = {root: genders.get(p.given[0].title()) if p.given else None for root, p in people.items()}
        # A "Mr. Dorn" is never the one Michelle Dorn named, nor a "Mrs. Dorn" the one Tom Dorn.
        people = {root: p for root, p in people.items() if known[root] in (gender, None)}
        if len(people) > 1:
            people = {root: p for root, p in people.items() if known[root] == gender}
    if len(people) > 1:  # the one not introduced as another's relative ("her husband, Bill Clinton")
        relatives = {sets.find(j) for j, _ in full if mentions[j].relative}
        people = {root: p for root, p in people.items() if root not in relatives}
    return next(iter(people)) if len(people) == 1 else None


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
        key = ("gazetteer", mention.entries[0].name) if mention.entries else ("name", fold(mention.text, ENTITY_NAMES))
        sets.union(i, first_of.setdefault(key, i))
    for i in ambiguous:
        mention = mentions[i]
        present = [first_of[("gazetteer", e.name)] for e in mention.entries if ("gazetteer", e.name) in first_of]
        if len(present) == 1:
            sets.union(i, present[0])
        else:
            sets.union(i, first_of.setdefault(("name", fold(mention.text, ENTITY_NAMES)), i))


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
    """Join "Veltra" and "Veltra Group", "Fortress" and "Fortress Investment Group": organisation
    names equal up to trailing designator words. A short form the model typed as a place or
    product joins an organisation of that name, but never makes one, nor when it is a real place."""
    first_of: dict[str, int] = {}
    mistyped: list[tuple[int, str]] = []
    for i, mention in enumerate(mentions):
        if i in attached or mention.entries or mention.label not in _SHORT_FORM_MISTYPES | {"ORG"}:
            continue
        words = fold(mention.text, ENTITY_NAMES).split()
        while len(words) > 1 and words[-1] in _DESIGNATORS:
            words.pop()
        if mention.label == "ORG":
            sets.union(i, first_of.setdefault(" ".join(words), i))
        else:
            mistyped.append((i, " ".join(words)))
    for i, key in mistyped:
        if key in first_of and not places_gazetteer().lookup(mentions[i].text):
            sets.union(i, first_of[key])


def _short_forms(mentions: list[Mention], sets: _UnionFind, attached: set[int]) -> None:
    """Join "the Post" to "New York Post": a one-word organisation name that ends exactly one longer one."""
    endings: dict[str, set[int]] = {}
    for i, mention in enumerate(mentions):
        if mention.label == "ORG" and len(mention.words) >= 2 and i not in attached:
            endings.setdefault(mention.words[-1], set()).add(sets.find(i))
    for i, mention in enumerate(mentions):
        if mention.label != "ORG" or len(mention.words) != 1 or mention.entries or i in attached:
            continue
        owners = endings.get(mention.words[0], set())
        if len(owners) == 1:
            sets.union(i, owners.pop())


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
    """The fullest name: among forms that are not a single word or acronym of another, the most used, then longest."""
    names = [m for m in members if m.source != "pronoun"]
    party = _party(names)
    if party is not None:
        return party
    names = [m for m in names if not m.shaky] or names  # a headline's spans are the model's weakest
    counts = Counter(m.text for m in names)
    forms = {m.text: m for m in reversed(names)}  # first mention of each form
    full = [f for f in counts if not any(g != f and _part_of(forms[f], forms[g]) for g in counts)]
    first = min(names, key=lambda m: m.start_char)
    full = [f for f in full if not _shortened_introduction(forms[f], first)] or full
    order = {text: n for n, text in enumerate(counts)}
    return max(full or list(counts), key=lambda f: (counts[f], len(f), -order[f]))


def _shortened_introduction(form: Mention, first: Mention) -> bool:
    """Whether ``form`` is the last words of the name a person is introduced with ("Hawk Sawyer"
    after "Kathleen Hawk Sawyer"): news names a person in full first and shortens it after, so
    the shorter form, however often used, is not the name ("Crooked Hillary Clinton", coming
    later, still loses to "Hillary Clinton" by use)."""
    shorter, longer = form.words, first.words
    return (
        first.label == "PERSON"
        and 2 <= len(shorter) < len(longer)
        and tuple(w.casefold() for w in longer[-len(shorter) :]) == tuple(w.casefold() for w in shorter)
    )


def _party(names: list[Mention]) -> str | None:
    """A party's canonical name, when every name of the entity is a form of that one gazetteer party.

    "Republican" (the model's NORP), "Republicans", "GOP" and "Republican Party" are one party;
    named by the gazetteer, its key is the same in every article, whichever form each one uses.
    """
    entries = {entry for m in names for entry in m.entries}
    if len(entries) != 1 or not all(m.entries for m in names):
        return None
    entry = entries.pop()
    return entry.name if entry.kind == "party" else None


def _part_of(short: Mention, long_: Mention) -> bool:
    """Whether ``short`` is one word of ("Kabulov"), a short given name of ("Joe" of "Joseph Biden"),
    an acronym of ("UNAMA") or a case variant of ``long_``.

    Longer forms are not preferred just for containing a shorter one: the model's spans sometimes
    take in a neighbouring word ("Crooked Hillary Clinton"), so between full forms use decides.
    """
    if len(short.text) >= len(long_.text):
        return len(short.text) == len(long_.text) and short.text != long_.text and short.text.isupper()
    if len(short.words) == 1 and short.words[0].casefold() in (w.casefold() for w in long_.words):
        return True
    if (
        len(short.words) == 1
        and len(long_.words) > 1
        and given_name_keys(short.words[0]) & given_name_keys(long_.words[0])
    ):
        return True  # "Joe" of "Joseph R. Biden Jr."
    return short.text.replace(".", "").isupper() and acronym_spells(list(long_.words), short.text) == 0
