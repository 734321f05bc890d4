"""The plain-text cleaner on scraped pages written for these tests (tests/fixtures/scraped_*.txt).

Each fixture is a page of a different shape: a section label glued to a repeated headline, a
cookie banner and a comment section, a correspondent credit, a "By …:" prefix, a "Name |
Outlet" byline line, a page with no furniture at all and one with nothing but furniture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdesk
from newsdesk.clean.text import clean_text
from newsdesk.clean.text.byline import authors_of, split_prefix
from newsdesk.clean.text.headline import split_glued_label
from newsdesk.errors import InputError
from newsdesk.pipeline import prepare
from newsdesk.read import read
from newsdesk.record import Cleaned

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "000_762bebefbf6e6e89.txt"


def clean(name: str) -> Cleaned:
    return clean_text((FIXTURES / name).read_text(encoding="utf-8"))


def reasons_of(cleaned: Cleaned) -> dict[str, str]:
    return {item.text: item.reason for item in cleaned.removed}


def assert_verbatim(cleaned: Cleaned, name: str) -> None:
    """Every paragraph is a line of the page (the first may lose a byline prefix only)."""
    lines = {" ".join(line.split()) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()}
    for i, paragraph in enumerate(cleaned.paragraphs):
        assert paragraph in lines or (i == 0 and any(line.endswith(paragraph) for line in lines)), paragraph


def test_glued_label_headline_desk_prefix_bio_box_and_teasers() -> None:
    cleaned = clean("scraped_glued_label.txt")
    assert cleaned.title == "Harbour city votes to rebuild flood walls before winter"
    assert cleaned.section == "Politics"
    assert cleaned.byline == "City Desk"
    assert cleaned.authors == []
    assert cleaned.paragraphs[0].startswith("Councillors in Port Elwen voted 31 to 4")
    assert (
        cleaned.paragraphs[-1]
        == "Work on the first section, near the ferry terminal, is expected to take about five months."
    )
    assert len(cleaned.paragraphs) == 6
    # The paragraph that contains the bio-box sentence is body text and stays.
    assert any(p.startswith("Brandvik, who chairs the council's infrastructure committee, has argued for the rebuild")
               and p.endswith("share of the money.") for p in cleaned.paragraphs)  # fmt: skip
    reasons = reasons_of(cleaned)
    assert reasons["PoliticsHarbour city votes to rebuild flood walls before winter"] == "headline repeat"
    assert reasons["City Desk:"] == "byline"
    assert reasons["Lotte Brandvik"] == "bio box"
    assert reasons[
        "Brandvik, who chairs the council's infrastructure committee, has argued for the rebuild since the storm."
    ] == ("duplicate of body text")
    assert reasons["Most read"] == "teaser block"
    assert reasons["Ferry timetable changes from Monday"] == "teaser block"
    assert reasons["0"] == reasons["7"] == "comment count"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["© 2025 Port Elwen Herald. All rights reserved."] == "copyright footer"
    assert reasons["Politics"] == reasons["Skip to content"] == "navigation"
    assert_verbatim(cleaned, "scraped_glued_label.txt")


def test_cookie_notice_byline_line_inline_boxes_and_comments() -> None:
    cleaned = clean("scraped_cookie_comments.txt")
    assert cleaned.title == "Researchers find a second colony of rare mountain bats"
    assert cleaned.section is None
    assert cleaned.byline == "Maria Lopez and Tom Reed"
    assert cleaned.authors == ["Maria Lopez", "Tom Reed"]
    assert cleaned.paragraphs[0].startswith("A small colony of grey long-eared bats")
    assert "How the colony was found" in cleaned.paragraphs  # a subheading inside the body stays
    assert cleaned.paragraphs[-1].startswith("Surveyors will return in the summer")
    assert len(cleaned.paragraphs) == 7
    reasons = reasons_of(cleaned)
    assert reasons[next(t for t in reasons if t.startswith("We use cookies"))] == "cookie notice"
    assert reasons["By Maria Lopez and Tom Reed"] == "byline"
    assert reasons["Published 14 March 2024, 09:12 GMT"] == "date"
    assert reasons["Share on Facebook"] == reasons["Email"] == "share widget"
    assert reasons["Related"] == reasons["Rare beetle returns to restored heathland"] == "teaser block"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["The mine entrance seen from the valley floor (Photo: Carrow Wildlife Trust)"] == "caption"
    assert reasons["Read more: Why bats are returning to old mines"] == "teaser block"
    assert reasons["hillwalker22 says:"] == "comment"
    assert reasons["Please keep the location quiet so people don't disturb them during the winter."] == "comment"
    assert reasons["Copyright © 2024 Dale Valley News"] == "copyright footer"
    assert_verbatim(cleaned, "scraped_cookie_comments.txt")


def test_correspondent_prefix() -> None:
    cleaned = clean("scraped_correspondent.txt")
    assert cleaned.title == "Lisbon tram drivers agree pay deal after two-week strike"
    assert cleaned.byline == "From our correspondent in Lisbon"
    assert cleaned.authors == []
    assert cleaned.paragraphs[0].startswith("Tram drivers in the Portuguese capital will return to work")
    assert len(cleaned.paragraphs) == 4
    reasons = reasons_of(cleaned)
    assert reasons["From our correspondent in Lisbon:"] == "byline"
    assert reasons["You may also like"] == reasons["Madrid bus fares frozen for 2025"] == "teaser block"
    assert reasons["Facebook"] == "share widget"


def test_by_prefix_and_share_widget() -> None:
    cleaned = clean("scraped_by_prefix.txt")
    assert cleaned.title == "Telescope spots water vapour around a young star"
    assert cleaned.byline == "Priya Natarajan"
    assert cleaned.authors == ["Priya Natarajan"]
    assert cleaned.paragraphs[0].startswith("Astronomers have detected water vapour")
    assert len(cleaned.paragraphs) == 4
    reasons = reasons_of(cleaned)
    assert reasons["By Priya Natarajan:"] == "byline"
    assert reasons["Home › Science › Space"] == "navigation"
    assert reasons["Share this story"] == reasons["Tweet"] == "share widget"
    assert reasons["Priya Natarajan"] == "author bio"
    assert reasons[next(t for t in reasons if t.startswith("Priya Natarajan is a science reporter"))] == "author bio"


def test_name_and_outlet_byline_line() -> None:
    cleaned = clean("scraped_name_outlet.txt")
    assert cleaned.title == "Oil prices slip as stockpiles grow for third week"
    assert cleaned.byline == "Hannah Okafor | Reuters"
    assert cleaned.authors == ["Hannah Okafor"]
    assert len(cleaned.paragraphs) == 3
    reasons = reasons_of(cleaned)
    assert reasons["Hannah Okafor | Reuters"] == "byline"
    assert reasons["Nov 12, 2024 8:41 AM"] == "date"
    assert reasons["Trending"] == reasons["Central bank holds rates steady"] == "teaser block"


def test_page_without_furniture_is_kept_whole() -> None:
    text = (FIXTURES / "scraped_no_boilerplate.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text)
    lines = [line for line in text.splitlines() if line.strip()]
    assert cleaned.title == lines[0]
    assert cleaned.paragraphs == lines[1:]  # including the short last paragraph
    assert cleaned.removed == []
    assert cleaned.byline is None and cleaned.section is None


def test_page_of_only_furniture_has_no_article() -> None:
    cleaned = clean("scraped_only_boilerplate.txt")
    assert cleaned.paragraphs == []
    assert cleaned.title is None
    assert len(cleaned.removed) == 16
    with pytest.raises(InputError, match="no article text found"):
        newsdesk.extract(FIXTURES / "scraped_only_boilerplate.txt", input_format="text")


def test_pipeline_record_from_scraped_text() -> None:
    # prepare() is the pipeline up to the record, without the (slow) NLP stages.
    article = prepare(read(FIXTURES / "scraped_glued_label.txt", input_format="text"))
    assert article.title == "Harbour city votes to rebuild flood walls before winter"
    assert article.section == "Politics"
    assert article.byline == "City Desk"
    assert article.body.startswith("Councillors in Port Elwen")
    assert "Most read" not in article.text and "City Desk" not in article.text


def test_empty_input() -> None:
    assert clean_text("") == Cleaned(title=None, paragraphs=[])
    assert clean_text("\n  \n").paragraphs == []


@pytest.mark.parametrize(
    ("paragraph", "credit", "rest"),
    [
        ("Staff Reporter: The council met on Monday.", "Staff Reporter", "The council met on Monday."),
        ("Web Desk — Prices rose again in May.", "Web Desk", "Prices rose again in May."),
        ("By Jane Doe and John Roe: Voters went to the polls.", "Jane Doe and John Roe", "Voters went to the polls."),
        ("Jane Doe | Reuters - Shares fell on Friday.", "Jane Doe | Reuters", "Shares fell on Friday."),
        ("MADRID — Rafael Nadal kept Spain's hopes alive.", None, None),
        ("By 2030, the city will need twice as many nurses.", None, None),
        ("Police said the report: it was not finished.", None, None),
        ("Hospital staff: nurses say they are tired.", None, None),
    ],
)
def test_byline_prefixes(paragraph: str, credit: str | None, rest: str | None) -> None:
    found = split_prefix(paragraph)
    assert found == ((credit, rest) if credit else None)


def test_authors_are_person_names_only() -> None:
    assert authors_of("Jane Doe, John Roe and Ana Ruiz") == ["Jane Doe", "John Roe", "Ana Ruiz"]
    assert authors_of("Monitoring Desk") == []
    assert authors_of("Tom Reed, AP Business Writer") == ["Tom Reed"]
    assert authors_of("DANICA KIRKA and JILL LAWLESS") == ["Danica Kirka", "Jill Lawless"]


def test_glued_label_needs_evidence() -> None:
    assert split_glued_label("SportStriker signs for city rivals", set()) == ("Sport", "Striker signs for city rivals")
    assert split_glued_label("Afghanistan10,000 troops remain", {"afghanistan"}) == (
        "Afghanistan",
        "10,000 troops remain",
    )
    # Camel-case names are not labels without a nav line saying so.
    assert split_glued_label("PlayStation sales jump in Japan", set()) is None
    assert split_glued_label("McDonald's opens first store in town", set()) is None


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed page not present")
def test_seed_page() -> None:
    cleaned = clean_text(SEED.read_text(encoding="utf-8"))
    assert cleaned.title == "10,000 soldiers of Daesh are present in Afghanistan, says Russia"
    assert cleaned.section == "Afghanistan"
    assert cleaned.byline == "Monitoring Desk"
    assert cleaned.paragraphs[0].startswith("Russian intelligence networks warn")
    assert cleaned.paragraphs[-1].endswith("establishment of a peace process,” Kabulov stressed.")
    assert any(p.startswith("Zamir Kabulov (Russian:") for p in cleaned.paragraphs)
    assert not any(p.startswith("Uzbek-born") for p in cleaned.paragraphs)
    assert "Zamir Kabulov" not in cleaned.paragraphs
