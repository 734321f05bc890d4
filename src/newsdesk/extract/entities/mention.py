"""The mention record: one name span of an article, as the entities stage collects and clusters it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.entities.gazetteer import GazetteerEntry


@dataclass(slots=True)
class Mention:
    """A name span in token offsets, with where it came from and what the gazetteer knows of it."""

    start: int
    end: int
    label: str
    source: str
    text: str
    start_char: int
    end_char: int
    words: tuple[str, ...]
    entries: tuple[GazetteerEntry, ...] = ()
    gender: str | None = None
    shaky: bool = False
    """In a title-case line (a headline), where the model's spans and types are unreliable."""
    relative: bool = False
    """Introduced as someone's relative: "his wife Melania Trump", "her husband, former President Bill Clinton"."""
    pronoun_gender: str | None = None
    """For a one-word name, the gender of a he/she/his/her right after it in its sentence, before
    any other name ("Clinton said she…"): tells which of two people sharing a surname it is."""


def make_mention(doc: Doc, start: int, end: int, label: str, source: str) -> Mention:
    """A mention of ``doc[start:end]`` with its text, character offsets and words."""
    span = doc[start:end]
    return mention_of(list(span), span.text, span.start_char, label, source)


def mention_of(tokens: list[Token], text: str, start_char: int, label: str, source: str) -> Mention:
    """A mention of contiguous ``tokens`` whose text ``text`` starts at ``start_char``."""
    words = tuple(t.text for t in tokens if not t.is_punct)
    return Mention(tokens[0].i, tokens[-1].i + 1, label, source, text, start_char, start_char + len(text), words)
