"""How a quote's words are shown: the page's one pair of marks around the words, never two."""

from __future__ import annotations

import pytest

from newsdesk.web.render import unquoted


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("“The bridge will open in May,”", "The bridge will open in May"),
        ('"We will rebuild," … "and we will do it quickly."', "We will rebuild … and we will do it quickly."),
        ("“It was ‘a mistake’”", "It was ‘a mistake’"),  # the inner pair stays whole
        ("was a “great success”", "was a “great success”"),  # a mixed quote keeps the marks inside it
        ("the plan would fail", "the plan would fail"),
        ("'Yes,' … 'no.'", "Yes … no."),
    ],
)
def test_each_fragment_loses_its_own_marks(content: str, shown: str) -> None:
    assert unquoted(content) == shown


def test_tone_bars_share_one_fixed_scale_and_never_show_minus_zero() -> None:
    from newsdesk.web.render import tone_rows

    calm, sharp, zero = tone_rows(
        [
            {"month": "2026-01", "tone": -0.04, "quotes": 3},
            {"month": "2026-02", "tone": 0.5, "quotes": 2},
            {"month": "2026-03", "tone": -0.001, "quotes": 1},
        ]
    )
    assert calm.width == 2.0 and calm.left == 48.0  # near neutral: a short bar left of the middle
    assert sharp.width == 25.0 and sharp.left == 50
    assert f"{zero.tone:+.2f}" == "+0.00"


@pytest.mark.parametrize(
    ("claimant", "shown"),
    [
        ("publication", "the publication"),
        (None, "the publication"),
        ("", "the publication"),
        ("Lena Ortiz", "Lena Ortiz"),
    ],
)
def test_a_number_the_article_states_itself_is_the_publications(claimant: str | None, shown: str) -> None:
    from newsdesk.web.app import templates

    env = templates().env
    assert env.from_string("{{ name | claimant }}").render(name=claimant) == shown


def test_unresolved_place_names_go_under_the_places_not_above_the_text() -> None:
    from newsdesk.pipeline import extract
    from newsdesk.web.render import render_article

    text = (
        "Floods in the north\n\nHeavy rain hit Kenya and the town of Qarvendi, in Marsabit County, on Monday, "
        "officials in Nairobi said. Roads to Qarvendi were closed."
    )
    article = extract(text, input_format="article")
    article.warnings.append("an unrelated warning")
    view = render_article(article)
    assert view.unplaced == ["Qarvendi"]
    assert view.notices == ["an unrelated warning"]
