"""Number parsing: digits, words, scales, vague amounts, qualifier bounds."""

from __future__ import annotations

import pytest

from newsdesk.extract.claims.numbers import bounds, parse_number, vague_range


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["10,000"], 10_000),
        (["10k"], 10_000),
        (["1.5bn"], 1.5e9),
        (["ten", "thousand"], 10_000),
        (["1.2", "million"], 1.2e6),
        (["two", "hundred"], 200),
        (["forty"], 40),
        (["twenty-five"], 25),
        (["a", "dozen"], 12),
        (["two", "dozen"], 24),
        (["a", "million"], 1e6),
        (["550", "crore"], 5.5e9),
        (["5", "lakh"], 5e5),
        (["13.9", "trillion"], 13.9e12),
        (["0.4"], 0.4),
    ],
)
def test_parse_number(words: list[str], value: float) -> None:
    assert parse_number(words) == pytest.approx(value)


@pytest.mark.parametrize("words", [["people"], [], ["million", "people"], ["a"]])
def test_not_numbers(words: list[str]) -> None:
    assert parse_number(words) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["dozens"], (24, 99)),
        (["hundreds"], (200, 999)),
        (["thousands"], (2_000, 9_999)),
        (["tens", "of", "thousands"], (20_000, 99_999)),
        (["hundreds", "of", "thousands"], (200_000, 999_999)),
        (["several", "million"], (2e6, 9e6)),
        (["millions"], (2e6, 999e6)),
    ],
)
def test_vague_ranges(words: list[str], expected: tuple[float, float]) -> None:
    assert vague_range(words) == pytest.approx(expected)


def test_vague_range_rejects_plain_numbers() -> None:
    assert vague_range(["10,000"]) is None


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("more than", (10_000, None)),
        ("at least", (10_000, None)),
        ("over", (10_000, None)),
        ("nearly", (None, 10_000)),
        ("up to", (None, 10_000)),
        ("as many as", (None, 10_000)),
        ("about", (None, None)),
        (None, (None, None)),
    ],
)
def test_bounds(qualifier: str | None, expected: tuple[float | None, float | None]) -> None:
    assert bounds(qualifier, 10_000) == expected
