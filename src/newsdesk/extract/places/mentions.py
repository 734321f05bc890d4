"""Where place names sit in a Doc: NER spans, datelines, and the words around them.

A mention is only a candidate here; :mod:`newsdesk.extract.places.resolve` decides what (if
anything) it is. Candidates come from the model's GPE and LOC spans, from datelines ("PARIS,
Texas —", which the small model rarely tags) and, under stricter rules, from PERSON/ORG spans
that are exactly a place name (the small model calls "Takhar" a person). Words that only
*contain* a place — "Georgia Power", "Perth Glory", "Chad Miller", "Insurance Council of
Australia" — are not mentions, and nationality words ("Russian", "Afghan", NORP) never are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsdesk.extract.places.signals import abbreviation_mentions, mark_context
from newsdesk.vocab.labels import NOT_PLACE_LABELS, PLACE_LABELS, WHOLE_SPAN_LABELS

# Lower-case words that may sit inside a place name ("Jammu and Kashmir", "Cagayan de Oro").
_CONNECTORS = frozenset({"and", "de", "del", "da", "do", "dos", "of", "the", "al", "el", "la", "-", "upon", "on"})
# Share of a headline's words of four letters or more that start with a capital, from which it
# is Title Case (a sentence-case headline of three such words has at most its first and names).
_TITLE_CASE_SHARE = 0.75
# Longest place name, in tokens, tried when scanning or extending a span.
_MAX_NAME_TOKENS = 6
TYPE_WORDS = frozenset({"province", "state", "region", "oblast", "governorate", "county", "district", "prefecture"})
DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|southeast|"
    r"northeast|northwest|southwest)\s+",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
    r"(?:, (?P<area>[A-Z][\w.'’]+(?: (?:[A-Z][\w.'’]+|of|and|the))*))?\s*(?:[—–]|-{1,2}\s|\(\w+\)\s*[—–-])",
    re.M,
)
# What stands between two names of a list: "Leeds, Derby", "Derby and York", "Derby, and York".
_LIST_GAP = re.compile(r"\.?,?\s+(?:and|or)\s+|\.?,\s+")
_LEADING = re.compile(r"^(?:the|The)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")


@dataclass(slots=True)
class Mention:
    """A stretch of text that may name a place."""

    start: int
    end: int
    text: str
    label: str  # NER label, or "DATELINE"
    container: str | None = None  # "Texas" in "Paris, Texas"
    type_word: bool = False  # followed (or ended) by "province", "state", "region", …
    headline: bool = False
    lead: bool = False
    abbreviation: bool = False  # a US state's postal code or AP abbreviation ("Pa.", "TX")
    locative: bool = False  # after "in", "near", "from", …, or before "-based"
    in_name: bool = False  # part of another thing's name ("the Paris agreement", "the California GOP")
    sentence_start: bool = False
    titled: bool = False  # after an honorific or a person's title ("Mr. Jackson")
    club: bool = False  # a side of a game's result ("Minnesota beat Buffalo"): a country or nothing
    listed: bool = False  # next to a tagged place, joined by a comma or "and" ("Leeds, Derby and York")


def find_mentions(
    doc: Doc, known: Callable[[str], bool], is_state: Callable[[str], bool] = lambda _: False
) -> list[Mention]:
    """Candidate place mentions of ``doc``, in text order, without overlaps.

    ``known`` tells whether a name is in the gazetteer: spans are extended to the longest
    known name ("San Antonio" + "del Tachira") and untagged capitalised words are scanned.
    ``is_state`` tells whether a name is a US state abbreviation ("Calif.", "TX").
    """
    text = doc.text
    headline_end, lead_end = _headline_and_lead(text)
    found: dict[tuple[int, int], Mention] = {}
    for match in _DATELINE.finditer(text):
        for group in ("city", "area"):
            if match.group(group):
                start, end = match.span(group)
                found[(start, end)] = Mention(start, end, match.group(group), "DATELINE")
        if match.group("area"):
            found[match.span("city")].container = match.group("area")
    taken = [(s, e) for s, e in found]
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in WHOLE_SPAN_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end <= start or any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            longer = _longest_known(doc, span.start, known, minimum=span.end + 1)
            if longer is not None and not any(s < longer and start < e for s, e in taken if (s, e) != (start, end)):
                end = doc[longer - 1].idx + len(doc[longer - 1])
        mention = Mention(start, end, text[start:end], ent.label_)
        _mark_type_word(doc, mention, known)
        _mark_container(text, mention)
        found[(start, end)] = mention
        taken.append((start, end))
    for abbreviation in abbreviation_mentions(text, is_state, found.values()):
        overlaps = [k for k in found if k[0] < abbreviation.end and abbreviation.start < k[1]]
        if any(k[0] < abbreviation.start or k[1] > abbreviation.end for k in overlaps):
            continue  # inside a longer name: split_mention reads it as that name's container
        for key in overlaps:
            del found[key]
        found[(abbreviation.start, abbreviation.end)] = abbreviation
        taken.append((abbreviation.start, abbreviation.end))
    for mention in _scan(doc, known, taken):
        _mark_type_word(doc, mention, known)
        found[(mention.start, mention.end)] = mention
    title_case = _title_case(text[:headline_end])
    mentions = sorted(found.values(), key=lambda m: m.start)
    _mark_lists(text, mentions)
    for mention in mentions:
        mention.headline = mention.start < headline_end
        mention.lead = headline_end <= mention.start < lead_end
        mark_context(doc, mention)
    # In a Title Case headline every word looks like a name: untagged words there are not read.
    # A name in lower case ("us", "turkey") is a word, whatever the model tagged.
    return [m for m in mentions if not (title_case and m.headline and m.label == "SCAN") and not m.text.islower()]


def _mark_lists(text: str, mentions: list[Mention]) -> None:
    """Flag candidates that stand in a list with a name tagged as a place: a name among places is
    one more place ("Leeds, Derby and York"); next to a person ("Obama and Clinton") it is not."""
    run: list[Mention] = []
    for mention in mentions:
        if run and not _LIST_GAP.fullmatch(text[run[-1].end : mention.start]):
            _mark_run(run)
            run = []
        run.append(mention)
    _mark_run(run)


def _mark_run(run: list[Mention]) -> None:
    if len(run) > 1 and any(_tagged(m) for m in run):
        for mention in run:
            mention.listed = True


def _tagged(mention: Mention) -> bool:
    return mention.label in PLACE_LABELS or mention.label == "DATELINE" or mention.abbreviation


def _title_case(headline: str) -> bool:
    """Do most of the headline's longer words start with a capital ("Clinton Says Mobile Ban Fails")?"""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", headline) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _scan(doc: Doc, known: Callable[[str], bool], taken: list[tuple[int, int]]) -> list[Mention]:
    """Known place names among capitalised words outside every NER span and every mention, when
    the tagger reads them as names (see :func:`_proper_name`)."""
    blocked = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in NOT_PLACE_LABELS or ent.label_ in PLACE_LABELS or ent.label_ in WHOLE_SPAN_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    for start, end in taken:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                blocked[i] = True
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if blocked[i] or not token.text[:1].isupper() or len(token.text) < 3:
            i += 1
            continue
        stop = _longest_known(doc, i, known, minimum=i + 1, blocked=blocked)
        if stop is None:
            i += 1
            continue
        if _proper_name(doc[stop - 1]) and not _inside_longer_name(doc, i, stop):
            end = doc[stop - 1].idx + len(doc[stop - 1])
            out.append(Mention(token.idx, end, doc[i:stop].text, "SCAN", sentence_start=bool(token.is_sent_start)))
        i = stop
    return out


def _proper_name(last: Token) -> bool:
    """Does the tagger read the word as a name of its own? Not a common word ("Summit" as a
    noun) nor the modifier of a lower-case noun ("Hurricane warnings", "Orange stitching")."""
    head = last.head
    modifier = last.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and head.is_lower
    modifier = modifier and head.lemma_ not in TYPE_WORDS  # "Donetsk region" is a place
    return last.pos_ == "PROPN" and not modifier


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """ "Kano Rovers", "Lagos United": a capitalised word next to the name makes it part of another name."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and after.is_title and after.pos_ == "PROPN":
        return True
    return before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start


def _longest_known(
    doc: Doc, first: int, known: Callable[[str], bool], minimum: int, blocked: list[bool] | None = None
) -> int | None:
    """End token of the longest known name starting at ``first`` and ending at or after ``minimum``."""
    best: int | None = None
    for end in range(first + 1, min(first + _MAX_NAME_TOKENS, len(doc)) + 1):
        token = doc[end - 1]
        if blocked is not None and blocked[end - 1]:
            break
        if end > first + 1 and doc[end - 2].whitespace_ == "" and token.text not in "-" and doc[end - 2].text != "-":
            break
        if token.text[:1].isupper() or token.is_digit:
            if end >= minimum and known(doc[first:end].text):
                best = end
        elif token.lower_ not in _CONNECTORS:
            break
    return best


def strip_direction(mention: Mention) -> Mention | None:
    """ "northern Afghanistan" → "Afghanistan" (None when there is no direction word)."""
    match = DIRECTIONS.match(mention.text)
    if not match or match.end() >= len(mention.text):
        return None
    return replace(mention, start=mention.start + match.end(), text=mention.text[match.end() :])


def split_mention(mention: Mention) -> list[Mention]:
    """ "Kunduz and Takhar" → two mentions, "Paris, Texas" → "Paris" (container "Texas") and "Texas",
    "U.S.-Canada" → two mentions."""
    pieces: list[Mention] = []
    cursor = 0
    for sep in [*re.finditer(r",\s+|\s+and\s+|(?<=[\w.])[-–/](?=[A-Z])", mention.text), None]:
        stop = sep.start() if sep else len(mention.text)
        start, end = _trim(mention.text, cursor, stop)
        if end > start:
            text = mention.text[start:end]
            pieces.append(replace(mention, start=mention.start + start, end=mention.start + end, text=text))
        if sep:
            cursor = sep.end()
    if len(pieces) == 2 and "," in mention.text:
        pieces[0].container = pieces[1].text
    return pieces if len(pieces) > 1 else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".’'":
        end -= 1
    lead = _LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
    while end > start and text[end - 1] in ".’'" and not text[start:end].isupper():
        end -= 1
    return start, end


def _mark_type_word(doc: Doc, mention: Mention, known: Callable[[str], bool]) -> None:
    """ "Donetsk region": flag it, and cut the type word off unless the whole is a known name
    ("Orange County")."""
    last = mention.text.rsplit(" ", 1)
    if len(last) == 2 and last[1].lower() in TYPE_WORDS and not known(mention.text):
        mention.end -= len(last[1]) + 1
        mention.text = last[0]
        mention.type_word = True
        return
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and span.end < len(doc) and doc[span.end].lower_ in TYPE_WORDS:
        mention.type_word = True


def _mark_container(text: str, mention: Mention) -> None:
    """ "Paris, Texas": the name after the comma says which Paris."""
    match = re.match(r", ([A-Z][\w.'’]+(?: [A-Z][\w.'’]+)*)", text[mention.end : mention.end + 40])
    if match:
        mention.container = match.group(1).rstrip(".’'")


def _headline_and_lead(text: str) -> tuple[int, int]:
    """End offsets of the headline (first block, when short) and of the first body paragraph."""
    first = text.find("\n\n")
    # A first block of 200+ characters is body text, not a headline (the 84 PolNeAR dev
    # headlines are all under 110 characters).
    headline_end = first if 0 < first < 200 else 0
    body = headline_end + 2 if headline_end else 0
    lead_end = text.find("\n\n", body)
    return headline_end, lead_end if lead_end > 0 else len(text)
