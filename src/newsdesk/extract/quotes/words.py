"""The quote stage's word lists, read from ``data/quote_words.tsv`` (its header says what each holds)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final

from newsdesk.vocab.wordlists import parse_word_lists

WORDS_FILE: Final = "quote_words.tsv"
CATEGORIES: Final = frozenset({"speech-product", "clause-noun"})


@cache
def quote_words(category: str) -> frozenset[str]:
    """One category of ``data/quote_words.tsv``, checked when first read (a typo fails loudly)."""
    text = files("newsdesk").joinpath("data", WORDS_FILE).read_text(encoding="utf-8")
    return parse_word_lists(text, CATEGORIES, WORDS_FILE)[category]
