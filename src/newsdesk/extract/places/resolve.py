"""Which place a name means: population priors, the article's other places, and containers.

Every distinct name in an article gets one reading (one sense per article: the "Tripoli" of
the dateline is the "Tripoli" of the third paragraph). A reading's score is a prior by kind
and size, plus support from the countries the article's other places lie in, plus hard
evidence from the text ("Paris, Texas"; "Donetsk region"). The weights below were set by
hand and checked on tests/gold/geo.jsonl (see the comments).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from newsdesk.extract.places.gazetteer import Entry, Gazetteer
from newsdesk.extract.places.mentions import Mention
from newsdesk.vocab.labels import WHOLE_SPAN_LABELS
from newsdesk.vocab.names import PLACE_NAMES, fold

# Priors. A country or region named outright beats a same-named subdivision or town unless
# the article is elsewhere ("Georgia" next to Atlanta); cities rank by population
# (1 + log10(pop)/2: 15,000 people → 3.1, 1 million → 4, 10 million → 4.5), so "Valencia" is
# Venezuela's by a hair until the article's other places say Spain. An alternate city name
# ("Victoria" for Hong Kong) pays 1.5. Measured on tests/gold/geo.jsonl (34 articles, 151
# places found): country prior 4 → 151/151 correct countries, 3 → 148/151; an alias penalty
# of 0.5 or 1.5 made no difference there (1.5 kept as the safer choice).
_PRIOR = {"country": 4.0, "region": 4.0, "admin1": 2.5}
_ALIAS_PENALTY = 1.5
# Each other mention in a country adds this much support, capped at three mentions. This and
# the two bonuses below were set by hand; with them every one of the 151 gold places found
# resolves to its gold country (tests/gold/geo.jsonl).
_CONTEXT_WEIGHT = 1.0
_CONTEXT_CAP = 3.0
# "Paris, Texas" / "TRIPOLI, Lebanon —": the container settles it.
_CONTAINER_BONUS = 5.0
# "Donetsk region", "Borno state": the subdivision, not the city.
_TYPE_WORD_BONUS = 2.5
# A city found only by an alternate name must be this big, or in a country the article
# already names: on PolNeAR dev, smaller alias hits were all wrong ("Media" → Mehdya, "Rest"
# → Rasht, "Machado" → Lake Elsinore).
_ALIAS_MIN_POPULATION = 1_000_000
# Mentions too weak for an alternate city name: untagged capitalised words and person names.
_WEAKEST = frozenset({"SCAN", "PERSON"})


@dataclass(slots=True)
class Resolved:
    """A mention and the gazetteer entry it was resolved to."""

    mention: Mention
    entry: Entry


def resolve(gaz: Gazetteer, mentions: list[Mention], person_words: set[str]) -> list[Resolved]:
    """Resolve each mention to one entry, or drop it when the gazetteer has no fitting place.

    ``person_words`` are the folded words of the article's multi-word person names: a
    "Clinton" in an article about Hillary Clinton is her, not Clinton, Iowa — unless it is
    tagged as a place and names a country ("Jordan" next to "Jordan Haddad").
    """
    groups: dict[str, list[Mention]] = defaultdict(list)
    candidates: dict[str, list[Entry]] = {}
    for mention in mentions:
        key = fold(mention.text, PLACE_NAMES)
        entries = candidates.get(key)
        if entries is None:
            entries = candidates[key] = gaz.lookup(mention.text)
        if key in person_words:
            tagged = mention.label not in WHOLE_SPAN_LABELS
            entries = [e for e in entries if tagged and e.kind in ("country", "region")]
        if entries:
            groups[key].append(mention)
    # "Paris, Texas": what the names after the comma can be, looked up once per name.
    containers = {
        key: [e for m in group if m.container for e in gaz.container(m.container)] for key, group in groups.items()
    }
    first = {key: _best(candidates[key], group, Counter(), containers[key]) for key, group in groups.items()}
    out: list[Resolved] = []
    for key, group in groups.items():
        context = _context(first, groups, skip=key)
        strict = all(m.label in WHOLE_SPAN_LABELS for m in group)
        named = any(m.label not in _WEAKEST for m in group)
        entries = [e for e in candidates[key] if _allowed(e, strict, named, context)]
        if any(e.kind in ("country", "region") and not e.alias for e in entries):
            # A country's own name is never a city's alternate name ("Egypt", an old name
            # of Goodyear, Arizona, in an article full of US places).
            entries = [e for e in entries if not (e.kind == "city" and e.alias)]
        within = _within_containers(entries, containers[key])
        if within is not None:
            entries = within
        if not entries:
            continue
        entry = _best(entries, group, context, containers[key])
        out.extend(Resolved(m, entry) for m in group)
    out.sort(key=lambda r: r.mention.start)
    return out


def _allowed(entry: Entry, strict: bool, named: bool, context: Counter[str]) -> bool:
    """Weak evidence needs support: names from untagged words or non-place NER spans must be
    countries or regions or lie in a country the article names; alternate city names must be
    big or in such a country, and never come from untagged words or person names."""
    if entry.kind in ("country", "region"):
        return True
    supported = context[entry.country or ""] >= 1
    if entry.alias:
        return named and (supported or (not strict and entry.population >= _ALIAS_MIN_POPULATION))
    return supported or not strict


def _context(first: dict[str, Entry], groups: dict[str, list[Mention]], skip: str) -> Counter[str]:
    """Mentions per country among the article's other names, by their first-pass reading."""
    counts: Counter[str] = Counter()
    for key, entry in first.items():
        if key == skip:
            continue
        for country in [entry.country] if entry.country else entry.members[:1]:
            counts[country] += len(groups[key])
    return counts


def _best(entries: list[Entry], group: list[Mention], context: Counter[str], container_entries: list[Entry]) -> Entry:
    type_word = any(m.type_word for m in group)

    def score(entry: Entry) -> float:
        if entry.kind == "city":
            value = 1.0 + entry.weight / 2 - (_ALIAS_PENALTY if entry.alias else 0.0)
        else:
            value = _PRIOR[entry.kind]
        if entry.country:
            value += _CONTEXT_WEIGHT * min(float(context[entry.country]), _CONTEXT_CAP)
        if any(_inside(entry, c) for c in container_entries):
            value += _CONTAINER_BONUS
        if type_word and entry.kind == "admin1":
            value += _TYPE_WORD_BONUS
        return value

    return max(entries, key=score)


def _within_containers(entries: list[Entry], containers: list[Entry]) -> list[Entry] | None:
    """The cities inside the place named after the comma ("Forest Hill, Texas"), or None when no
    container is a known place. A city the container rules out is dropped even when nothing else
    fits: no place is better than Forest Hills, New York."""
    if not containers or not all(e.kind == "city" for e in entries):
        return None
    return [e for e in entries if any(_inside(e, c) for c in containers)]


def _inside(entry: Entry, container: Entry) -> bool:
    """Is ``entry`` within ``container`` (a country, or a US state for a US city)?"""
    if container.kind == "country":
        return entry.country == container.country
    if container.kind == "admin1" and entry.country == container.country:
        if entry.kind != "city" or entry.country != "US" or container.code is None:
            return entry.kind == "city"
        return entry.code == container.code.split("-", 1)[1]
    return False
