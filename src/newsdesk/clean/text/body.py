"""Find the article body among the lines: the densest run of prose, then decide its short lines.

1. Zones: after a teaser header ("Related", "Most read", "Read more"), every line is a teaser
   until prose resumes for real (:func:`mark_teaser_zones`); after the header of the comment
   section ("12 responses to …", "Leave a reply"), everything is comments.
2. Every line gets a score: prose lines earn their length in words, furniture costs by kind
   (a date, byline or comment header inside the body is much rarer than an advertisement),
   undecided lines cost a little.
3. The body is the stretch with the highest total (maximum-sum subarray): the article is one
   contiguous block, menus and teasers sit before and after it, and an advertisement or a
   teaser box inside it costs less than the prose on both sides is worth.
4. Inside the stretch, furniture is dropped, prose kept, and each run of undecided lines is
   judged as a whole (:func:`judge_run`): a subheading or a short paragraph between prose is
   kept; a run that touches furniture, or is long enough to be a list of links, is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from newsdesk.clean.text import lexicon
from newsdesk.clean.text.lines import Line, Quality

# Furniture that is rare inside an article body: crossing it costs much more.
_STRONG = frozenset(
    {
        "date",
        "byline",
        "comment",
        "comment notice",
        "copyright footer",
        "subscription prompt",
        "cookie notice",
        "author bio",
        "site notice",
    }
)


@dataclass(frozen=True, slots=True)
class Weights:
    """Block-scoring weights and thresholds.

    Set by hand on the 91 flattened pages of the article-extraction benchmark's dev half
    (``newsdesk eval extraction … --mode text``), checked on two halves of it and on real news
    pages the benchmark does not hold. Moving any one of them by half its value changes the dev
    F1 by 0.012 at most (``isolated`` is the most sensitive): they sit on a plateau, not on a page.
    """

    good_cap: int = 60
    near_sentence: float = 0.5
    near_other: float = -1.0
    short: float = -3.5
    furniture: float = -4.0
    strong: float = -16.0
    teaser_header: float = -8.0
    teaser_run: int = 4
    comments_after: int = 3
    isolated: float = 0.5
    isolated_meta: float = 0.25
    teaser_period: int = 8
    # A box of one-cell lines inside the article: this many lines or more. Tuning halves, text
    # mode: benchmark lines/glued F1 0.956/0.952 at 4, 6 and 8; snippet set 0.843/0.844/0.842.
    cell_run: int = 6
    title_case: float = 0.6
    strong_kinds: frozenset[str] = field(default=_STRONG)


WEIGHTS = Weights()


def mark_teaser_zones(lines: list[Line], w: Weights = WEIGHTS) -> None:
    """After a teaser header, mark lines as teasers until prose resumes.

    Prose resumes at a prose line followed by another, or at a prose line with no furniture on
    either side: a teaser's summary sits between its title and a byline, "Read more" or the
    next teaser header. A byline or date line also ends the zone: a one-word menu header
    ("Latest", "Videos") is often followed by the article itself, whose metadata says it has begun.
    """
    in_zone = False
    for pos, line in enumerate(lines):
        if line.furniture == "teaser block":
            in_zone = True
            continue
        if line.furniture in ("byline", "date"):
            in_zone = False
        if not in_zone:
            continue
        if line.quality is Quality.GOOD:
            prev = lines[pos - 1]
            nxt = lines[pos + 1] if pos + 1 < len(lines) else None
            if nxt is not None and (nxt.quality is Quality.GOOD or (_plain(prev) and nxt.furniture is None)):
                in_zone = False
                continue
        if line.furniture is None:
            line.furniture = "teaser block"
            line.notes.append("in teaser zone")
            line.quality = Quality.SHORT


def mark_comment_section(lines: list[Line], w: Weights = WEIGHTS) -> None:
    """Mark every line after the comment-section header as comments, once the article has begun
    (``w.comments_after`` prose lines above the header)."""
    prose = 0
    for pos, line in enumerate(lines):
        if line.furniture is None and line.quality is Quality.GOOD:
            prose += 1
        elif prose >= w.comments_after and line.words <= 30 and lexicon.COMMENT_SECTION.match(line.text):
            for rest in lines[pos + 1 :]:
                if rest.furniture is None or "in teaser zone" in rest.notes:
                    rest.furniture = "comment"
                    rest.notes.append("in comment section")
                    rest.quality = Quality.SHORT
            return


# A line that is only a person's name (a teaser's author, a caption credit).
_NAME_ONLY = re.compile(r"^[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]*|de|van|von|da|al|bin)){1,3}$")


def _plain(line: Line) -> bool:
    """No furniture of its own (a teaser-zone mark does not count)."""
    return line.furniture is None or "in teaser zone" in line.notes


def line_score(line: Line, w: Weights = WEIGHTS) -> float:
    """What a line adds to a candidate body block."""
    if line.furniture is not None:
        if line.furniture in w.strong_kinds:
            return w.strong
        if line.furniture == "teaser block" and "in teaser zone" not in line.notes:
            return w.teaser_header
        return w.furniture
    if line.quality is Quality.GOOD:
        return float(min(line.words, w.good_cap))
    if line.quality is Quality.NEAR:
        return line.words * w.near_sentence if line.ends_sentence else w.near_other
    return w.short


def block_scores(lines: list[Line], w: Weights = WEIGHTS) -> list[float]:
    """Every line's score; a prose line with no prose neighbour counts ``w.isolated`` of its
    length (teaser lists alternate a title and a one-line summary, articles run paragraphs on)."""
    scores = [line_score(line, w) for line in lines]
    isolated: list[int] = []
    for pos, line in enumerate(lines):
        if line.quality is not Quality.GOOD or line.furniture is not None:
            continue
        prev_good = pos > 0 and lines[pos - 1].quality is Quality.GOOD
        next_good = pos + 1 < len(lines) and lines[pos + 1].quality is Quality.GOOD
        if not prev_good and not next_good:
            scores[pos] *= w.isolated
            near = lines[max(0, pos - 2) : pos] + lines[pos + 1 : pos + 3]
            if any(other.furniture in ("date", "byline") or _NAME_ONLY.match(other.text) for other in near):
                isolated.append(pos)
    # Three or more one-paragraph items, each beside a date or byline: a list of teasers.
    chains: list[list[int]] = []
    for pos in isolated:
        if chains and pos - chains[-1][-1] <= w.teaser_period:
            chains[-1].append(pos)
        else:
            chains.append([pos])
    for chain in chains:
        if len(chain) >= 3:
            for pos in chain:
                scores[pos] *= w.isolated_meta / w.isolated
    for first, last in _cell_runs(lines, w):
        cost = w.furniture / (last - first + 1)
        for pos in range(first, last + 1):
            scores[pos] = cost
    return scores


def _cell_runs(lines: list[Line], w: Weights = WEIGHTS) -> list[tuple[int, int]]:
    """``(first, last)`` of every run of at least ``w.cell_run`` one-cell lines (non-prose, at
    most four words) with prose on both sides: one box inside the article (a table, a quote
    box, a fact list) that a scraper wrote a cell a line. Costed line by line it cut the
    article's opening paragraphs off the body; it costs as much as one advertisement. A teaser
    header or strong furniture ends the run; menus above the article have no prose above them."""
    runs: list[tuple[int, int]] = []
    pos = 0
    while pos < len(lines):
        end = pos
        while end < len(lines) and _cell(lines[end], w):
            end += 1
        if end - pos >= w.cell_run and _prose_near(lines, pos - 1, -1) and _prose_near(lines, end, 1):
            runs.append((pos, end - 1))
        pos = end + 1
    return runs


def _cell(line: Line, w: Weights) -> bool:
    return (
        line.quality is not Quality.GOOD
        and line.words <= 4
        and line.furniture not in w.strong_kinds
        and line.furniture != "teaser block"
    )


def _prose_near(lines: list[Line], pos: int, step: int) -> bool:
    """Whether a prose line sits at ``pos`` or the next line past it in direction ``step``."""
    near = [lines[i] for i in (pos, pos + step) if 0 <= i < len(lines)]
    return any(line.quality is Quality.GOOD and line.furniture is None for line in near)


def densest_block(lines: list[Line], w: Weights = WEIGHTS) -> tuple[int, int] | None:
    """``(first, last)`` positions in ``lines`` of the highest-scoring contiguous stretch."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for pos, score in enumerate(block_scores(lines, w)):
        if total <= 0:
            total, start = 0.0, pos
        total += score
        if total > best:
            best, best_span = total, (start, pos)
    return best_span


def _sentence_like(line: Line, w: Weights = WEIGHTS) -> bool:
    """A short line that reads as a sentence: ends like one, starts with a capital, not title case."""
    return (
        line.quality is Quality.NEAR
        and line.ends_sentence
        and not line.text.endswith(":")
        and line.title_ratio < w.title_case
        and (line.text[0].isupper() or line.text[0] in "\"“‘'(")
    )


def judge_run(run: list[Line], before: Line | None = None, w: Weights = WEIGHTS) -> dict[int, str]:
    """Reasons to drop the plain lines of a run of non-prose lines inside the body (index → reason)."""
    plain = [line for line in run if line.furniture is None]
    kinds = [line.furniture for line in run if line.furniture is not None]
    if kinds:
        # Furniture in the run: its other short lines go with it, but a sentence (a one-line
        # paragraph next to a caption or an advertisement) stays.
        reason = "teaser block" if "teaser block" in kinds else kinds[0]
        return {line.index: reason for line in plain if not _sentence_like(line, w)}
    introduced = [before] if before is not None else []
    if plain:
        introduced.append(plain[0])
    if len(plain) >= w.teaser_run and not any(line.text.endswith((":", "…", "...")) for line in introduced):
        # Headline-case lines without a full stop, one after another: a list of links.
        headline_like = sum(1 for line in plain if line.title_ratio >= w.title_case and not line.ends_sentence)
        if headline_like >= 0.75 * len(plain):
            return {line.index: "teaser block" for line in plain}
    return {}


def captions_above_credits(lines: list[Line], reasons: dict[int, str]) -> dict[int, str]:
    """The kept line right above a bare picture credit ("Photo: Jane Roe, AP"), as a caption.

    A scraper flattens a figure into its caption then its credit; the caption is a sentence of
    prose and would otherwise stay in the body. On the dev pages every line above such a credit
    is a caption the reference body leaves out (11 lines on 7 pages)."""
    found: dict[int, str] = {}
    for above, line in pairwise(lines):
        if (
            line.furniture == "caption"
            and line.words <= 8
            and lexicon.BARE_CREDIT.search(line.text)
            and above.furniture is None
            and above.index not in reasons
        ):
            found[above.index] = "caption"
    return found
