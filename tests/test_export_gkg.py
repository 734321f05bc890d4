"""The gkg export read back with GDELT's published GKG 2.1 column layout, one check per fidelity point."""

from __future__ import annotations

import csv
import io
import re
import time

import pytest

from conftest import ArticleBuilder
from newsdesk.clean.html import clean_html
from newsdesk.record import Article, Place, Tone
from newsdesk.store import Store
from newsdesk.store.exports.gkg import export_gkg
from newsdesk.store.exports.gkg_places import location
from newsdesk.store.exports.gkg_tone import densities, is_activity
from newsdesk.store.exports.numbers import plain

# The GKG 2.1 codebook's columns, in file order (GDELT GKG Codebook V2.1, "Data format").
GKG_COLUMNS = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
]
# V2ENHANCEDLOCATIONS blocks: Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset.
LOCATION_FIELDS = ["type", "full_name", "country", "adm1", "adm2", "lat", "lon", "feature", "offset"]

BODY = (
    "Flood barriers along the bayou in Houston held overnight, city engineers reported on Tuesday. "
    '"We pumped for nineteen hours straight and we will keep pumping," said Dana Whitlock, who runs the '
    "drainage department. Whitlock added that the crews were tired. Her deputy put it in one line: "
    '"Nobody sleeps until the water drops." Officials across Texas watched the gauges, and insurers in '
    "Europe followed the news. The storm displaced 1,200 residents, damage was put at $160 billion and "
    "the river carried 0.00012 grams of silt per litre, a reading of 7 that the agency did not explain."
)


def flood(url: str | None = "https://www.bayou-news.example/flood") -> Article:
    """A story with a US city, a US state and a continent, quotes of three kinds and four amounts."""
    b = ArticleBuilder("Houston barriers hold", BODY, url=url, site="Bayou News", published="2025-06-03")
    whitlock = b.entity("Dana Whitlock")
    b.quote(whitlock, "Dana Whitlock", "We pumped for nineteen hours straight and we will keep pumping")
    b.quote(whitlock, "Whitlock", "the crews were tired", cue="added", kind="indirect")
    b.quote(None, "Her deputy", "Nobody sleeps until the water drops.", cue=":")
    b.place("Houston", "city", "US", "USA", "US", 4699066, 29.76328, -95.36327, focus=True)
    b.place("Texas", "admin1", "US", "USA", "US", 4736286, 0.0, 0.0)
    b.place("Europe", "region", "", "", "", 6255148, 48.691, 9.1406)
    article = b.article
    texas, europe = article.places[1], article.places[2]
    article.places[1] = Place("Texas", "admin1", "US", "USA", "US", 4736286, None, None, mentions=texas.mentions)
    article.places[2] = Place("Europe", "region", None, None, None, 6255148, 48.691, 9.1406, mentions=europe.mentions)
    b.claim("1,200", 1200.0, "residents displaced", "people/displaced", place="US")
    b.claim("$160 billion", 160e9, "damage", "money")
    b.claim("0.00012", 0.00012, "grams of silt per litre", "other")
    b.claim("7", 7.0, "", "other")
    article.tone = Tone(score=-1.5, positive=2.0, negative=3.5, polarity=5.5, word_count=80)
    article.image = "https://www.bayou-news.example/img/barrier.jpg"
    return b.build()


def read_back(store: Store) -> list[dict[str, str]]:
    out = io.StringIO()
    export_gkg(store, out)
    reader = csv.DictReader(io.StringIO(out.getvalue()), fieldnames=GKG_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    assert all(None not in row and None not in row.values() for row in rows), "every row has exactly 27 columns"
    return rows


def locations(row: dict[str, str]) -> dict[str, dict[str, str]]:
    blocks = [dict(zip(LOCATION_FIELDS, b.split("#"), strict=True)) for b in row["V2ENHANCEDLOCATIONS"].split(";")]
    return {b["full_name"].split(",")[0]: b for b in blocks}


def test_record_id_is_stable_per_revision_and_changes_with_one(store: Store) -> None:
    article = flood()
    store.add(article)
    first, again = read_back(store)[0], read_back(store)[0]
    assert first["GKGRECORDID"] == again["GKGRECORDID"]
    assert re.fullmatch(r"\d{14}-\d+", first["GKGRECORDID"])
    time.sleep(1.05)  # the id's timestamp is the revision's ingest time, to the second
    article.text += " The river fell by morning."
    store.add(article)
    revised = read_back(store)[0]["GKGRECORDID"]
    assert revised != first["GKGRECORDID"] and revised.split("-")[1] == first["GKGRECORDID"].split("-")[1]


def test_document_identifier_is_the_url_and_the_common_name_its_domain(store: Store) -> None:
    store.add(flood())
    store.add(flood(url=None))
    web, offline = sorted(read_back(store), key=lambda r: r["V2SOURCECOLLECTIONIDENTIFIER"])
    assert web["V2SOURCECOLLECTIONIDENTIFIER"] == "1"
    assert web["V2DOCUMENTIDENTIFIER"] == "https://www.bayou-news.example/flood"
    assert web["V2SOURCECOMMONNAME"] == "bayou-news.example"
    assert offline["V2SOURCECOLLECTIONIDENTIFIER"] == "2"
    assert offline["V2DOCUMENTIDENTIFIER"] == "Bayou News. Houston barriers hold. 2025-06-03"
    assert web["V2.1DATE"] == "20250603000000"


def test_locations_have_full_names_division_codes_points_and_types(store: Store) -> None:
    article = flood()
    store.add(article)
    found = locations(read_back(store)[0])
    houston, texas, europe = found["Houston"], found["Texas"], found["Europe"]
    assert houston["full_name"] == "Houston, Texas, United States"
    assert (houston["type"], houston["country"], houston["adm1"], houston["feature"]) == ("3", "US", "USTX", "4699066")
    assert houston["offset"] == str(article.text.index("Houston", article.body_start))
    assert (texas["type"], texas["full_name"], texas["adm1"], texas["feature"]) == (
        "2",
        "Texas, United States",
        "USTX",
        "USTX",
    )
    assert 25.0 < float(texas["lat"]) < 37.0 and -107.0 < float(texas["lon"]) < -93.0  # inside the state's box
    assert (europe["type"], europe["lat"], europe["lon"]) == ("5", "48.691", "9.1406")
    v1 = read_back(store)[0]["V1LOCATIONS"].split(";")
    assert "3#Houston, Texas, United States#US#USTX#29.7633#-95.3633#4699066" in v1


def test_quotations_are_direct_quotes_with_their_verb(store: Store) -> None:
    article = flood()
    store.add(article)
    quotations = read_back(store)[0]["V2.1QUOTATIONS"].split("#")
    content = "We pumped for nineteen hours straight and we will keep pumping"
    assert quotations == [f"{article.text.index(content)}|{len(content)}|said|{content}"]


def test_tone_has_its_two_densities_computed(store: Store) -> None:
    store.add(flood())
    tone = read_back(store)[0]["V1.5TONE"].split(",")
    assert len(tone) == 7 and tone[:4] == ["-1.5", "2", "3.5", "5.5"] and tone[6] == "80"
    assert float(tone[4]) > 0 and float(tone[5]) > 0


def test_amounts_have_objects_and_no_exponents(store: Store) -> None:
    article = flood()
    store.add(article)
    amounts = read_back(store)[0]["V2.1AMOUNTS"].split(";")
    start = article.text.index
    assert amounts == [
        f"1200,residents displaced,{start('1,200')}",
        f"160000000000,damage,{start('$160 billion')}",
        f"0.00012,grams of silt per litre,{start('0.00012')}",
    ]


def test_sharing_image_is_the_og_image(store: Store) -> None:
    store.add(flood())
    assert read_back(store)[0]["V2.1SHARINGIMAGE"] == "https://www.bayou-news.example/img/barrier.jpg"


@pytest.mark.parametrize(
    ("value", "text"), [(1.6e11, "160000000000"), (0.00012, "0.00012"), (2.5, "2.5"), (-3.0, "-3"), (None, "")]
)
def test_numbers_are_written_without_exponents(value: float | None, text: str) -> None:
    assert plain(value) == text


def test_activity_words_match_their_inflections_and_pronouns_count() -> None:
    assert all(is_activity(w) for w in ("attack", "attacked", "striking", "robbing", "marches", "fought"))
    assert not any(is_activity(w) for w in ("the", "report", "string"))
    activity, selves = densities("They marched and we voted: a quiet day")
    assert (activity, selves) == (25.0, 25.0)


PAGE = """<html><head><title>Barriers hold</title>
<meta property="og:image" content="{image}">
</head><body><article><h1>Barriers hold</h1>
<p>Flood barriers along the bayou held overnight after nineteen hours of pumping, engineers said on Tuesday.</p>
<p>The drainage department said crews would stay on the levees until the river fell below the warning mark.</p>
<p>Residents who left on Sunday were told they could return once the roads had been checked for damage.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        ("https://img.example/barrier.jpg", "https://img.example/barrier.jpg"),
        ("/img/barrier.jpg", "https://bayou.example/img/barrier.jpg"),
        ("", None),
    ],
)
def test_the_clean_stage_keeps_the_og_image(image: str, kept: str | None) -> None:
    assert clean_html(PAGE.format(image=image), url="https://bayou.example/news/1").image == kept
    assert clean_html(PAGE.format(image="/img/barrier.jpg")).image is None  # no address to resolve it against


def gkg_location(**place: object) -> dict[str, str]:
    return dict(zip(LOCATION_FIELDS, location(place, str.strip).fields(enhanced=True).split("#"), strict=True))


def test_divisions_outside_the_us_where_geonames_and_iso_codes_agree() -> None:
    scotland = gkg_location(name="Scotland", kind="admin1", country="GB", fips="UK", geonameid=None, lat=None, lon=None)
    assert (scotland["type"], scotland["full_name"], scotland["adm1"]) == ("5", "Scotland, United Kingdom", "UKSCT")
    assert 54.5 < float(scotland["lat"]) < 59.0 and -7.5 < float(scotland["lon"]) < -1.5
    glasgow = gkg_location(
        name="Glasgow", kind="city", country="GB", fips="UK", geonameid=2648579, lat=55.86, lon=-4.25
    )
    assert (glasgow["type"], glasgow["full_name"], glasgow["adm1"]) == (
        "4",
        "Glasgow, Scotland, United Kingdom",
        "UKSCT",
    )


def test_divisions_where_geonames_uses_other_codes_name_no_division() -> None:
    lyon = gkg_location(name="Lyon", kind="city", country="FR", fips="FR", geonameid=2996944, lat=45.75, lon=4.85)
    assert (lyon["full_name"], lyon["adm1"], lyon["feature"]) == ("Lyon, France", "FR84", "2996944")
    qinghai = gkg_location(name="Qinghai", kind="admin1", country="CN", fips="CH", geonameid=None, lat=None, lon=None)
    assert (qinghai["adm1"], qinghai["feature"], qinghai["lat"]) == ("CHQH", "CHQH", "")
