"""Repeats of body text in scraped text: a repeat set beside its paragraph goes, entries of a list
that share their words stay."""

from __future__ import annotations

from newsdesk.clean.text import clean_text, split_lines
from newsdesk.clean.text.dedupe import repeats_of_body

QUOTE = "The new pumps will run day and night until the water falls below the old harbour wall"
PULL_QUOTE = f"""\
The river authority met on Tuesday to decide how the spring floods should be handled this year.
{QUOTE}.
{QUOTE}, the chair said, and the cost will be shared by the towns along the valley.
Work on the eastern bank starts next month and should take about six weeks to finish.
"""

MENU = """\
Each day of the plan starts with a small breakfast and ends with a light supper at home.
Breakfast: two boiled eggs, one slice of rye bread and a cup of tea
The morning walk should take at least half an hour at an easy pace for most people.
Lunch is a bowl of lentil soup with carrots and a small green salad on the side.
A short rest after lunch helps, and water through the afternoon keeps the energy up.
Supper is grilled fish with potatoes and steamed beans, eaten before eight in the evening.
The second day follows the same pattern with a few small changes to the meals.
Breakfast: two boiled eggs, one slice of rye bread and a cup of tea with a spoon of honey
"""


def test_repeat_beside_its_paragraph_goes() -> None:
    drop = repeats_of_body(split_lines(PULL_QUOTE))
    assert drop == {1: "duplicate of body text"}


def test_list_entries_sharing_words_far_apart_stay() -> None:
    assert repeats_of_body(split_lines(MENU)) == {}


BIO_PAGE = [
    "O porto de Setúbal recebe três novos guindastes até ao fim do ano, disse a administração do porto.",
    "Os guindastes custaram doze milhões de euros e vão servir sobretudo os navios de contentores que chegam.",
    "A obra do cais começa em março e deve ficar pronta antes do verão, segundo o presidente da câmara.",
    "Sobre Marta Quintela",
    "Mãe de duas filhas e jornalista há vinte anos, Marta Quintela escreve sobre portos, navios, comboios e "
    "transportes públicos para vários jornais do país, depois de ter vivido muitos anos em Lisboa e no Porto.",
]
MORE = [
    "Over Anna Vries",
    "Os pescadores da cidade pediram à administração um cais próprio, longe dos navios de contentores.",
    "A câmara promete estudar o pedido e responder até ao fim do mês, quando se reunir de novo com eles.",
    "Também as associações de moradores querem ser ouvidas, por causa do ruído das obras durante a noite.",
]


def test_the_lines_after_an_author_box_heading_closing_the_body_go() -> None:
    cleaned = clean_text("\n".join(BIO_PAGE))
    assert cleaned.paragraphs == BIO_PAGE[:3]
    assert {r.text: r.reason for r in cleaned.removed}[BIO_PAGE[4]] == "author bio"


def test_an_about_heading_above_more_of_the_article_keeps_it() -> None:
    assert clean_text("\n".join(BIO_PAGE[:3] + MORE)).paragraphs == BIO_PAGE[:3] + MORE[1:]
