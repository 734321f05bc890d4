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


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Acts and states the lexicon marks as not speech in their frame.
        ("Attorney General Dana Pike ordered two inquiries into the port authority.", "ordered"),
        ("The mayor declined to comment on the harbor contract.", "declined"),
        ("New figures show that ferry traffic fell by a third last year.", "show"),
        ("The council plans to open a second ferry line in the spring.", "plans"),
        ("Most of the harbor unions have endorsed the mayor for a second term.", "have endorsed"),
        ("The new toll would appear to favor the larger shipping firms.", "would appear"),
        # The writer's own voice, and passives that name no source.
        ("Which is not to say that the harbor plan will fail.", "to say"),
        ("It is widely believed that the ferry will be late again.", "is widely believed"),
        ("The harbor master was told that the pier would close.", "was told"),
        # A participle that names something.
        ("The so-called “harbor tax” was dropped in the spring.", "called"),
        # A negated cue reports no words.
        ("The harbor master did not say whether the pier would close.", "did not say"),
        # A title or nickname in quotation marks is an object, not what the verb reports.
        ("Voters in the north may yet reject “Fenwick” in the autumn.", "may yet reject"),
    ],
)
def test_actions_states_and_the_writers_voice_are_kind_action(text: str, cue: str) -> None:
    hits = [q for q in quotes_of(text) if q.cue == cue]
    assert len(hits) == 1, (cue, quotes_of(text))
    assert hits[0].kind == "action"


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("The mayor said that the pier was safe.", "said", "indirect"),
        ("Harbor officials agreed that the toll was too high.", "agreed", "indirect"),
        ("The survey found that most ferry users wanted a later sailing.", "found", "indirect"),
        # A view verb with an "as" predicate reports an opinion; with a bare object, perception.
        ("The analyst sees the new ferry as a costly mistake for the town.", "sees", "indirect"),
        ("The analyst saw the crowd outside the ferry hall.", "saw", "action"),
        ("The harbor master warned “We cannot keep the pier open all winter.”", "warned", "direct"),
        # A quoted sentence is someone's words whatever the verb.
        ("Pike was showing off “I have never lost a vote on this council.”", "was showing off", "direct"),
    ],
)
def test_speech_writing_and_thought_stay_quotes(text: str, cue: str, kind: str) -> None:
    hits = [q for q in quotes_of(text) if q.cue == cue]
    assert len(hits) == 1, (cue, quotes_of(text))
    assert hits[0].kind == kind


def test_a_scare_quote_or_title_inside_a_report_makes_it_no_mixed_quote() -> None:
    text = "The ferry captain said the so-called “harbor tax” had doubled since his book “Tides of Ellis” came out."
    (said,) = [q for q in quotes_of(text) if q.cue == "said"]
    assert said.kind == "indirect"
    text = "The ferry captain said the new toll was “a tax on every fisherman in town.”"
    (said,) = [q for q in quotes_of(text) if q.cue == "said"]
    assert said.kind == "mixed"


def test_a_speaker_label_before_a_link_is_no_quote() -> None:
    text = "The story was shared widely on Monday.\n\nWire: https://example.org/harbor-story-2024 more"
    assert [q for q in quotes_of(text) if q.cue == ":"] == []


def test_lexicon_speech_frames_default_to_every_frame_and_must_be_frames() -> None:
    from newsdesk.vocab.stance import lexicon, parse_lexicon

    lex = parse_lexicon("say\tsay\tcot\nagree\tsay\tcot\tc\norder\tassert-stress\tcot\t-\n")
    say, agree, order = lex.get("say"), lex.get("agree"), lex.get("order")
    assert say is not None and all(say.reports_speech(f) for f in "cot")
    assert agree is not None and agree.reports_speech("c") and not agree.reports_speech("t")
    assert order is not None and not any(order.reports_speech(f) for f in "cot")
    with pytest.raises(ValueError, match="bad stance or frames"):
        parse_lexicon("agree\tsay\tc\tct\n")
    packaged = lexicon()
    assert all(packaged.get(e) is not None for e in ("say", "show", "according to"))
    show = packaged.get("show")
    assert show is not None and not show.speech


def test_a_label_after_a_dash_names_the_quotation_after_it() -> None:
    text = (
        "Turnout surprises analysts - Maria Lindqvist: “The lines at the library were the longest I have seen.”\n\n"
        "Council delays vote - Update: the hearing moves to Thursday."
    )
    (quote,) = [q for q in quotes_of(text) if q.cue == ":"]
    assert quote.speaker == "Maria Lindqvist"
    assert quote.content == ("“The lines at the library were the longest I have seen.”",)


def test_a_quotation_opened_in_the_content_runs_to_its_closing_mark() -> None:
    text = (
        "The harbour master spoke to reporters on Friday, telling the gazette, "
        "“The pier is safe for boats. The crane will be fixed by May.”"
    )
    (quote,) = [q for q in quotes_of(text) if q.speaker == "The harbour master"]
    assert quote.content[-1].endswith("fixed by May.”")
