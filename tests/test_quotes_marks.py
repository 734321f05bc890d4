"""Quotation regions found on raw text: every mark style, paragraphs, unbalanced marks."""

from __future__ import annotations

from newsdesk.extract.quotes.marks import find_quotes


def _quoted(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in region.fragments] for region in find_quotes(text)]


def test_curly_straight_guillemets_and_doubled_apostrophes() -> None:
    text = "“Curly one,” she said. \"Straight one,\" he said. «Guillemet one,» they said. ''Wire one,'' I said."
    assert _quoted(text) == [["“Curly one,”"], ['"Straight one,"'], ["«Guillemet one,»"], ["''Wire one,''"]]


def test_apostrophes_are_not_quotes() -> None:
    text = "The voters’ mood in the ’90s wasn’t Ellis's problem, he said."
    assert _quoted(text) == []


def test_single_marks_quote_inside_a_headline() -> None:
    text = "Mayor: Budget Is ‘Dead on Arrival’\n\nBody."
    assert _quoted(text) == [["‘Dead on Arrival’"]]


def test_nested_quote_stays_inside_the_outer_one() -> None:
    text = "“He told me ‘never again,’ and I believed him,” Ruiz said."
    assert _quoted(text) == [["“He told me ‘never again,’ and I believed him,”"]]


def test_quote_over_paragraphs_has_one_fragment_per_paragraph() -> None:
    text = "Whitlock said:\n\n“The fund is empty. We spent it.\n\n“Next year we borrow.”\n\nThe vote is Friday."
    regions = find_quotes(text)
    assert len(regions) == 1 and regions[0].closed
    assert [text[s:e] for s, e in regions[0].fragments] == [
        "“The fund is empty. We spent it.",
        "“Next year we borrow.”",
    ]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“We will not give up the valley, Voss said.\n\nTalks resume Monday."
    regions = find_quotes(text)
    assert [text[s:e] for s, e in regions[0].fragments] == ["“We will not give up the valley, Voss said."]
    assert not regions[0].closed


def test_stray_closing_mark_closes_a_quote_opened_at_the_paragraph_start() -> None:
    text = "Intro.\n\nWe are ready for the storm,” the chief said."
    assert _quoted(text) == [["We are ready for the storm,”"]]


def test_closing_curly_mark_misused_as_opening() -> None:
    text = "”Fear is what I feel,” one reader wrote."
    assert _quoted(text) == [["”Fear is what I feel,”"]]


def _named(text: str) -> list[bool]:
    from newsdesk.extract.quotes.marks import names_something

    return [names_something(text, region) for region in find_quotes(text)]


def test_titles_nicknames_and_scare_quotes_name_something() -> None:
    assert _named("Critics of the so-called “harbor tax” met on Monday.") == [True]
    assert _named("Her memoir “Salt and Iron” sold well.") == [True]
    assert _named("Members may yet reject “Fenwick” at the meeting.") == [True]
    assert _named("The captain called the toll “a tax on every fisherman,” and left.") == [False]
    assert _named("“Absolutely,” she said.") == [False]
    assert _named("She said, “Absolutely.”") == [False]
    assert _named("He tweeted “Sad!” after the vote.") == [False]


def test_a_paragraph_in_other_marks_is_another_quotation() -> None:
    # marks._continues: a straight-quoted paragraph left open does not run on into a paragraph
    # that opens with a curly mark (a pasted excerpt, then the writer's own quotation).
    text = '"The board met twice in March and voted on the lease.\n\n“We never saw the contract,” Hale said.'
    assert _quoted(text) == [
        ['"The board met twice in March and voted on the lease.'],
        ["“We never saw the contract,”"],
    ]


def test_a_paragraph_in_the_same_marks_goes_on() -> None:
    text = "“The board met twice in March.\n\n“We never saw the contract,” Hale said."
    assert _quoted(text) == [["“The board met twice in March.", "“We never saw the contract,”"]]


def test_a_span_does_not_end_on_doubled_apostrophes_that_open_the_next_quotation() -> None:
    # spans._balanced_close / _balanced_open: "''" is one double mark.
    from newsdesk.extract.quotes.spans import trim

    text = "his friends feel the same way. ''It's all clips,'' he said."
    assert text[slice(*trim(text, 0, text.index("It's")))] == "his friends feel the same way"
    whole = text.index("It's") - 2, text.index(" he said")
    assert text[slice(*trim(text, *whole))] == "''It's all clips,''"
