"""Word lists shipped as data files (``newsdesk/data/*.tsv``), checked when they are read.

Long vocabularies (role nouns, organisation words, ...) are data, not code: one entry a line,
``word<TAB>category``, so a list can be reviewed and extended without reading Python. A line
starting with ``#`` is a comment. Like the stance lexicon (:mod:`newsdesk.vocab.stance`), a
file that is not well formed fails loudly — an empty line, an unknown category, a word listed
twice under one category — so a typo fails the test suite rather than silently dropping or
adding a word.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final


def parse_word_lists(text: str, categories: frozenset[str], resource: str = "word list") -> dict[str, frozenset[str]]:
    """Each of ``categories`` → its words in ``text``; raises ``ValueError`` on a malformed line."""
    lists: dict[str, set[str]] = {category: set() for category in categories}
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            raise ValueError(f"{resource} line {number}: empty line (a comment starts with '#')")
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0] or fields[0] != fields[0].strip():
            raise ValueError(f"{resource} line {number}: expected word<TAB>category, got {line!r}")
        word, category = fields
        if category not in lists:
            raise ValueError(f"{resource} line {number}: unknown category {category!r}")
        if word in lists[category]:
            raise ValueError(f"{resource} line {number}: {word!r} listed twice as {category!r}")
        lists[category].add(word)
    empty = sorted(category for category, words in lists.items() if not words)
    if empty:
        raise ValueError(f"{resource}: no words for {', '.join(empty)}")
    return {category: frozenset(words) for category, words in lists.items()}


# The packaged word lists and their categories (each file's header says what a category holds).
CATEGORIES: Final = {
    "title_words.tsv": frozenset({"person-role", "org-role", "title-modifier", "not-role", "not-held", "opinion"}),
    "name_words.tsv": frozenset({"organisation-word", "not-a-name", "speech-verb"}),
    "outlet_words.tsv": frozenset({"after-outlet", "not-outlet"}),
}


def word_list(resource: str, category: str) -> frozenset[str]:
    """The words of one category of the packaged file ``newsdesk/data/<resource>``."""
    return _word_lists(resource)[category]


@cache
def _word_lists(resource: str) -> dict[str, frozenset[str]]:
    """The file read and checked once per process."""
    text = files("newsdesk").joinpath("data", resource).read_text(encoding="utf-8")
    return parse_word_lists(text, CATEGORIES[resource], resource)
