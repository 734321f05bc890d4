"""The vocabulary layer: the one name fold and its options, honorifics, checked word lists, country aliases,
control characters."""

from __future__ import annotations

import json

import pytest

from newsdesk.extract.entities.gazetteer import default_gazetteer, parse_gazetteer
from newsdesk.vocab.characters import CONTROL
from newsdesk.vocab.countries import CountryAlias, country_aliases, parse_country_aliases
from newsdesk.vocab.names import COURTESY_TITLES, ENTITY_NAMES, KEY_HONORIFICS, PLACE_NAMES, fold
from newsdesk.vocab.wordlists import CATEGORIES, parse_word_lists, word_list


def test_the_three_foldings_keep_what_their_callers_need() -> None:
    assert fold("Zamir  Kabúlov.") == "zamir kabulov"  # the store's: punctuation gone
    assert fold("Côte d’Ivoire", PLACE_NAMES) == "cote d'ivoire"  # places: apostrophe kept, accents gone
    assert fold("St. John's", PLACE_NAMES) == "st. john's"
    assert fold("Gießen", PLACE_NAMES) == "gießen"  # lower, not casefold: the gazetteer's keys
    assert fold("the U.N.", ENTITY_NAMES) == "un"  # entities: periods and a leading "the" dropped
    assert fold("José", ENTITY_NAMES) != fold("Jose", ENTITY_NAMES)  # accents kept
    assert fold("al-Qaeda", ENTITY_NAMES) == fold("Al Qaeda", ENTITY_NAMES)


def test_one_honorific_table_serves_entities_and_store() -> None:
    assert COURTESY_TITLES["mrs"] == "f" and COURTESY_TITLES["lord"] == "m"
    assert "dr" not in COURTESY_TITLES  # a role there, kept as a title
    assert {"dr", "prof", "mr"} <= KEY_HONORIFICS and "lord" not in KEY_HONORIFICS


def test_packaged_word_lists_load() -> None:
    for resource, categories in CATEGORIES.items():
        for category in categories:
            assert word_list(resource, category)
    assert "spokeswoman" in word_list("title_words.tsv", "person-role")
    assert "Holdings" in word_list("name_words.tsv", "organisation-word")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mayor\trole\n\nchief\trole\n", "line 2: empty line"),
        ("mayor\trole\nchief\trank\n", "unknown category 'rank'"),
        ("mayor\trole\nmayor\trole\n", "'mayor' listed twice"),
        ("mayor role\n", "expected word<TAB>category"),
        ("# only a comment\n", "no words for role"),
    ],
)
def test_word_lists_fail_loudly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_word_lists(text, frozenset({"role"}))


def test_country_aliases_are_one_list_for_both_gazetteers() -> None:
    aliases = country_aliases()
    assert CountryAlias("U.S.", "US", True, False) in aliases
    assert CountryAlias("Emirates", "AE", True, True) in aliases
    assert CountryAlias("Congo", "CD", False, False) in aliases
    assert [e.name for e in default_gazetteer().lookup("U.S.")] == ["United States"]
    assert not default_gazetteer().lookup("Congo")  # a place alias only


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ({"countries": {"US": "usa"}, "countries_places_only": {}}, "bad country alias"),
        ({"countries": {}, "countries_places_only": {"~Congo": "CD"}}, "bad country alias"),
        ({"countries": {"Congo": "CD"}, "countries_places_only": {"Congo": "CG"}}, "listed twice"),
    ],
)
def test_country_aliases_fail_loudly(sections: dict[str, dict[str, str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_country_aliases(json.dumps(sections))
    with pytest.raises(ValueError, match="Congo listed twice"):
        parse_country_aliases('{"countries": {"Congo": "CD", "Congo": "CG"}, "countries_places_only": {}}')


def test_a_country_row_expands_its_shared_aliases() -> None:
    countries = [CountryAlias("UK", "GB", True, False), CountryAlias("Blighty", "GB", True, True)]
    countries += [CountryAlias("United Kingdom", "GB", True, False), CountryAlias("Albion", "GB", False, False)]
    gazetteer = parse_gazetteer("United Kingdom\tGPE\tcountry\t@GB | U.K.\n", countries)
    assert [(f.text, f.weak) for f in gazetteer.forms] == [
        ("United Kingdom", False),
        ("UK", False),
        ("Blighty", True),
        ("U.K.", False),
    ]
    with pytest.raises(ValueError, match="line 1: no country aliases for @FR"):
        parse_gazetteer("France\tGPE\tcountry\t@FR\n", countries)


def test_control_characters_are_those_no_writer_types_and_not_white_space() -> None:
    assert CONTROL.findall("a\x00b\x07c\x0bd\x1be\x1f") == ["\x00", "\x07", "\x0b", "\x1b", "\x1f"]
    assert not CONTROL.search("tab\there\nnew line\x0cform feed\r\ncarriage return, delete\x7f, café")
