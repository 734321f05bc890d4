"""Lines that repeat body text: pull quotes, captions, bio boxes, a paragraph shown twice.

A kept line whose words all (or nearly all) occur, in order, inside a longer kept line a few
lines away is a repeat of body text, not more body text: "duplicate of body text". A name-only line heading
such a repeat (the name of a bio box) goes with it: "bio box".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsdesk.clean.text import lexicon
from newsdesk.clean.text.lines import WORD, Line

# Shingle size for near-duplicate detection, and the share of a line's shingles that must
# occur in one longer line for it to count as a repeat.
SHINGLE = 3
CONTAINED = 0.8
MIN_WORDS = 6
# ... and the longer line stands at most this many lines away: a pull quote or a teaser set beside
# its paragraph. Text mode F1 on the extraction benchmark's tuning half (lines / glued): any
# distance 0.956 / 0.952 (body text lost on 7 pages: list entries sharing their words, a quote
# set again as a paragraph further down), 10 lines 0.958 / 0.955, 3 lines 0.960 / 0.956, 2 the
# same; the snippet set's text F1 did not move.
NEAR_CONTAINER = 3
# Consecutive repeated lines that make a repeated copy of a passage.
COPY_RUN = 3
# A copy this few lines after its original is a rendering repeat (a caption shown twice).
NEAR_COPY = 10

# Body lines after an author box's heading that make its bio (a sentence or two, or a name and a
# sentence); more are the article going on below a box set in its middle. Not varied: the one
# such box on the extraction benchmark's tuning half has two.
BIO_LINES = 2
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]*\.?)(?:\s+(?:[A-Z][\w'’.-]*\.?|de|da|van|von|bin|al|el)){1,4}$")


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def _repeated_copies(kept: list[Line], tokens: dict[int, list[str]]) -> dict[int, str]:
    """Later copies of identical lines that are page-rendering repeats: a copy a few lines after
    its original (a caption shown twice), or part of a run of ``COPY_RUN`` lines repeating an earlier
    run in order (the whole article rendered twice). A line that recurs on its own further down
    (a recipe's "1 cup rice", a refrain) is content and stays."""
    first: dict[tuple[str, ...], int] = {}
    original: dict[int, int] = {}
    for pos, line in enumerate(kept):
        key = tuple(tokens[line.index])
        if not key:
            continue
        if key in first:
            original[pos] = first[key]
        else:
            first[key] = pos
    drop: dict[int, str] = {}
    for pos, orig in original.items():
        if kept[pos].index - kept[orig].index <= NEAR_COPY:
            drop[kept[pos].index] = "duplicate of body text"
            continue
        run = 1
        for step in (-1, 1):
            k = 1
            while original.get(pos + step * k) == orig + step * k:
                run += 1
                k += 1
        if run >= COPY_RUN:
            drop[kept[pos].index] = "duplicate of body text"
    return drop


def repeats_of_body(kept: list[Line]) -> dict[int, str]:
    """Reasons to drop kept lines that repeat other kept lines (index → reason)."""
    tokens = {line.index: [t.lower() for t in WORD.findall(line.text)] for line in kept}
    shingles = {index: _shingles(toks) for index, toks in tokens.items()}
    drop: dict[int, str] = _repeated_copies(kept, tokens)
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, own in shingles.items():
        for shingle in own:
            holders[shingle].append(index)
    for line in kept:
        toks = tokens[line.index]
        own = shingles[line.index]
        if len(toks) < MIN_WORDS or line.index in drop or not own:
            continue
        # How many of this line's shingles each other line has (an inverted index keeps this
        # linear in the text rather than quadratic in the number of lines).
        shared = Counter(other for shingle in own for other in holders[shingle] if other != line.index)
        for other, count in shared.items():
            # Only a longer line can contain this one; same-length copies are judged above.
            near = abs(other - line.index) <= NEAR_CONTAINER
            if near and count >= CONTAINED * len(own) and other not in drop and len(tokens[other]) > len(toks):
                drop[line.index] = "duplicate of body text"
                break
    # A name-only line right before a dropped repeat heads a bio box or caption.
    for pos, line in enumerate(kept[:-1]):
        nxt = kept[pos + 1]
        if (
            nxt.index == line.index + 1
            and nxt.index in drop
            and line.index not in drop
            and _NAME_LINE.match(line.text)
            and line.words <= 5
        ):
            drop[line.index] = "bio box"
    drop.update(bio_box(kept, drop))
    return drop


def bio_box(kept: list[Line], drop: dict[int, str]) -> dict[int, str]:
    """A lone "Name" line followed by a one-line bio starting with that name, set inside the body
    of an article that mentions the person elsewhere: a bio box. Skipped when the body has
    several name-only lines (a list of profiles, where such lines are subheadings)."""
    names = [pos for pos, line in enumerate(kept) if line.index not in drop and _NAME_LINE.match(line.text)]
    if len(names) != 1:
        return {}
    pos = names[0]
    if pos + 1 >= len(kept) or kept[pos + 1].index != kept[pos].index + 1:
        return {}
    name, bio = kept[pos].text, kept[pos + 1]
    surname = name.split()[-1]
    if bio.index in drop or bio.words > 45 or not re.match(rf"(?:{re.escape(name)}|{re.escape(surname)})\b", bio.text):
        return {}
    elsewhere = [line for line in kept if line.index not in (kept[pos].index, bio.index) and surname in line.text]
    if not elsewhere:
        return {}
    return {kept[pos].index: "bio box", bio.index: "bio box"}


def author_bio_tail(lines: list[Line], kept: list[Line], drop: dict[int, str]) -> dict[int, str]:
    """The author's bio closing the body ("Jane Doe is a freelance writer based in …"), with a
    name-only line heading it, or the few lines after an author box's heading ("About the
    author", "Sobre Ana Lima"): "author bio". Only the closing lines count: the same sentence
    earlier in the article is about someone in the story."""
    body = [line for line in kept if line.index not in drop]
    found = _after_author_box(lines, body)
    for line in reversed(body):
        if line.words <= 60 and lexicon.AUTHOR_BIO.match(line.text):
            found[line.index] = "author bio"
        elif found and _NAME_LINE.match(line.text) and line.index + 1 in found:
            found[line.index] = "author bio"
            break
        else:
            break
    return found


def _after_author_box(lines: list[Line], body: list[Line]) -> dict[int, str]:
    """The body lines after the last author box heading inside the body, when they are few."""
    heads = [line.index for line in lines if line.furniture == "author bio" and body and line.index > body[0].index]
    tail = [line for line in body if heads and line.index > heads[-1]]
    return {line.index: "author bio" for line in tail} if len(tail) <= BIO_LINES else {}
