"""Attribution patterns of the quote rules, one invented news sentence each.

Each sentence exercises one rule; the expected speaker, cue and content are spans as a
news attribution annotation would give them.
"""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.direct import quotes_around
from newsdesk.pipeline import Pipeline
from test_quotes import quotes_of


def _only(text: str, cue: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    hits = [q for q in quotes_of(text) if q.cue == cue]
    assert len(hits) == 1, (cue, hits)
    return hits[0].speaker, hits[0].cue, hits[0].content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A preposition's object is what a verb with no other complement reports, and the
        # preposition joins the cue.
        (
            "The union has long argued against the merger of the two hospitals.",
            ("The union", "has long argued against", ("the merger of the two hospitals",)),
        ),
        # A gerund reports like an object.
        (
            "The mayor has proposed building a second bridge over the river.",
            ("The mayor", "has proposed", ("building a second bridge over the river",)),
        ),
        # A passive with no complement reports its subject; the agent is the source.
        (
            "The closure of the paper mill was first reported by the Valley Courier.",
            ("the Valley Courier", "was first reported", ("The closure of the paper mill",)),
        ),
        # A relative clause that reports something of its own is not part of the source.
        (
            "Tom Feld, who said he had voted for the mayor twice, told reporters that he would not do so again.",
            ("Tom Feld", "told", ("that he would not do so again",)),
        ),
        # A no-break space inside a name does not cut the source short.
        (
            "Gov.\u00a0Ana Lutz said that the budget was balanced.",
            ("Gov.\u00a0Ana Lutz", "said", ("that the budget was balanced",)),
        ),
        # A reported question keeps its question mark.
        (
            "Whitlock asked: who will pay for the new pier?",
            ("Whitlock", "asked:", ("who will pay for the new pier?",)),
        ),
        # A reported clause that is a whole quotation is given with its marks.
        (
            "Reyes told reporters “We will rebuild the pier before the summer.”",
            ("Reyes", "told", ("“We will rebuild the pier before the summer.”",)),
        ),
        # The particle or adverb right after the verb belongs to the cue.
        (
            "Mayor Alma Reyes called out the contractors over the delays.",
            ("Mayor Alma Reyes", "called out", ("the contractors over the delays",)),
        ),
        (
            "The minister said later that the border would reopen.",
            ("The minister", "said later", ("that the border would reopen",)),
        ),
        # A reported clause runs to its sentence's end, even where the parse hangs its
        # second half on the cue verb ...
        (
            "Officials said the bridge would close for repairs until March, and the ferry would run instead.",
            ("Officials", "said", ("the bridge would close for repairs until March, and the ferry would run instead",)),
        ),
        # ... but not over the writer's ", which …" aside.
        (
            "The governor said the plan would pass in the spring, which surprised the farm lobby.",
            ("The governor", "said", ("the plan would pass in the spring",)),
        ),
    ],
)
def test_verb_cue_patterns(text: str, expected: tuple[str, str, tuple[str, ...]]) -> None:
    assert _only(text, expected[1]) == expected


def test_an_ordinary_relative_clause_stays_in_the_source() -> None:
    text = "Rita Moss, who runs the harbour cafe, said that business had doubled."
    assert _only(text, "said") == ("Rita Moss, who runs the harbour cafe,", "said", ("that business had doubled",))


def test_a_later_quote_in_the_same_paragraph_continues_the_attribution() -> None:
    text = '"We are ready," Lutz said on Friday. "The trucks leave at dawn for the coast." The convoy left at six.'
    assert _only(text, "said") == (
        "Lutz",
        "said",
        ('"We are ready,"', '"The trucks leave at dawn for the coast."'),
    )


def test_a_quotation_after_a_no_break_space_is_the_cue_s() -> None:
    text = "Reyes said,\u00a0“We will rebuild the pier before the summer.”"
    ctx = Context.build(Pipeline().nlp(text))
    cue_end = text.index(",")
    assert quotes_around(ctx, (0, cue_end), cue_end, colon=False) == [(text.index("“"), len(text))]
