"""Where the body starts (clean/text/body.py, headline.py): a box of one-cell lines inside the
article (here a table of figures) does not cut its opening paragraph off, while a menu of as many
short lines above the article stays out of the body; and a share bar between the headline and the byline does
not hide the byline from the headline search.
"""

from __future__ import annotations

from newsdesk.clean.text import clean_text

TABLE = """Ticker
Name
Last
Change
WHT
Wheat Futures
512.40
-8.20
-1.6%
CRN
Corn Futures
401.10
-3.75
-0.9%"""

PAGE = f"""Home
Contact Our Newsroom
Markets
Grain prices fall as harvest beats forecasts
Facebook
Twitter
Comments
Print
Email
By Ann Lee
Wheat and maize prices fell on Tuesday after farm agencies raised their harvest forecasts for the season.
Continue Reading Below
{TABLE}
Traders said the larger harvest in the south had surprised the market, which had expected a dry summer to cut yields.
Prices have fallen for three weeks in a row, and analysts expect them to stay low until the spring planting begins.
Farm groups said the lower prices would hurt smaller growers who had borrowed to buy seed and fertiliser this year.
Contact Our Newsroom
"""


def test_table_of_figures_inside_the_body_keeps_the_opening_paragraph() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.paragraphs[0].startswith("Wheat and maize prices fell on Tuesday")
    assert len(cleaned.paragraphs) == 4
    assert "512.40" not in cleaned.paragraphs


def test_byline_below_a_share_bar_marks_the_headline() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.title == "Grain prices fall as harvest beats forecasts"
    assert cleaned.byline == "Ann Lee"


MENU_PAGE = """Home
World
Business
Sport
Weather
Travel
Culture
The ferry company said on Monday it would add two sailings a day to the island from the first week of June.
Demand for the crossing has grown every summer since the new harbour opened, the company said in a statement.
"""


def test_a_menu_of_short_lines_above_the_article_stays_out() -> None:
    cleaned = clean_text(MENU_PAGE)
    assert cleaned.paragraphs[0].startswith("The ferry company said on Monday")
