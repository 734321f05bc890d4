"""Provenance (``via``) read from an attribution's sentence, without a parser."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes.provenance import Named, provenance
from newsdesk.record import Via


def via(text: str, named: list[tuple[str, str]] = (), quoted: list[str] = ()) -> Via | None:  # type: ignore[assignment]
    """``provenance`` over the whole text; ``named`` gives (phrase, label) entities, ``quoted`` blanked phrases."""
    entities = [Named(text.index(p), text.index(p) + len(p), label) for p, label in named]
    spans = [(text.index(q), text.index(q) + len(q)) for q in quoted]
    return provenance(text, 0, len(text), spans, entities)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Voss said in an interview with state run Sputnik News Agency that talks would go on.",
            Via("interview", "Sputnik News Agency"),
        ),
        ("Voss told Reuters the talks would go on.", Via("interview", "Reuters")),
        ("Voss told the Marenza Herald the talks would go on.", Via("interview", "Marenza Herald")),
        ("The ministry said in a statement that the draft was ready.", Via("statement", None)),
        ("Ortiz said at a press conference in Calden that no deal was near.", Via("press conference", None)),
        ("Ortiz wrote on X/Twitter that the draft was ready.", Via("social media post", "X")),
        ("Ortiz said on Facebook that the draft was ready.", Via("social media post", "Facebook")),
        ("Ortiz tweeted that the draft was ready.", Via("social media post", None)),
        ("Ortiz said in a speech to the Harbour Guild that ports would reopen.", Via("speech", None)),
        ("Ortiz wrote in an op-ed for the Ellis Gazette that ports would reopen.", Via("op-ed", "Ellis Gazette")),
        ("Ortiz said the ports would reopen.", None),
        ("In a statement, Ortiz said the ports would reopen.", Via("statement", None)),
        ("In a Tumblr post, Ortiz said the label had blocked her.", Via("social media post", "Tumblr")),
        ("Ortiz said in a teleconference that the lander would fly.", Via("press conference", None)),
        ("Ortiz said on a conference call with analysts that sales rose.", Via("press conference", None)),
        ("Ortiz said in the earnings release that sales rose.", Via("press release", None)),
        ("Ortiz told Veltra executives that sales rose.", None),
        ("Ortiz, an analyst, said in a note to clients that sales rose.", Via("note", None)),
        ("Ortiz told Reuters on Monday that sales rose.", Via("interview", "Reuters")),
    ],
)
def test_media_and_outlets(sentence: str, expected: Via | None) -> None:
    assert via(sentence) == expected


def test_told_a_person_is_not_an_outlet() -> None:
    assert via("Voss told Lena Ortiz the talks would go on.", named=[("Lena Ortiz", "PERSON")]) is None
    assert via("Voss told reporters the talks would go on.") is None


def test_words_inside_the_quote_do_not_count() -> None:
    sentence = "“I said it in a statement last year,” Voss said."
    assert via(sentence, quoted=["“I said it in a statement last year,”"]) is None
