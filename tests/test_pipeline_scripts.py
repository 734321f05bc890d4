"""Pages the pipeline once refused or misread, end to end: articles in scripts written without spaces
pass the minimum-length rule, and a page that declares an unknown codec is read with a fallback and a
decoding warning. Texts written for these tests."""

from __future__ import annotations

import pytest

from newsdesk.errors import InputError
from newsdesk.pipeline import extract

CHINESE = (
    "市议会通过新公交计划\n\n市议会周三投票通过了新的公交线路计划，新线路将连接北部住宅区和市中心。\n\n"
    "交通局表示，工程将于下个月开始，预计明年春天完工。\n"
)
JAPANESE = (
    "市議会、新バス路線を承認\n\n市議会は水曜日、北部の住宅地と中心部を結ぶ新しいバス路線の計画を承認した。\n\n"
    "交通局によると、工事は来月始まり、来年の春に完成する予定だ。\n"
)


def as_html(text: str) -> str:
    title, *paragraphs = text.strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.mark.parametrize(("text", "language"), [(CHINESE, "zh"), (JAPANESE, "ja")])
@pytest.mark.parametrize("html", [False, True])
def test_an_article_written_without_spaces_is_long_enough(text: str, language: str, html: bool) -> None:
    page = as_html(text) if html else text
    article = extract(page.encode(), input_format="html" if html else "text")
    assert article.language == language and article.title == text.split("\n\n")[0]
    assert any("English-only stages" in warning for warning in article.warnings)


def test_a_few_unspaced_characters_are_still_too_few_words() -> None:
    with pytest.raises(InputError, match="fewer than 10 words"):
        extract("市议会通过新公交计划\n\n新线路将开通。\n".encode(), input_format="text")


def test_an_unknown_declared_codec_falls_back_with_a_warning() -> None:
    page = (
        '<html><head><meta charset="no-such-codec"></head><body><article><h1>Caf\xe9 reopens</h1>'
        "<p>The caf\xe9 on the harbour road reopened on Tuesday after a month of repairs to its roof.</p>"
        "<p>Its owner said the first week of bookings was already full, and thanked the builders.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    article = extract(page)
    assert "café on the harbour road" in article.text
    assert any("decoded as" in warning for warning in article.warnings)
