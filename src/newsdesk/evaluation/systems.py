"""The two systems every extraction evaluation compares, on the same prepared input.

newsdesk's clean stage (no NLP) and trafilatura alone, with the settings of trafilatura's own
evaluation (tables kept, comments and formatting left out, its fallback extractors on). Each
page's input is made once, outside the timing: raw bytes in ``html`` mode, the flattened
scraped-style text in ``text`` mode, so both systems are timed on the same work.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from typing import Literal

import trafilatura

from newsdesk.clean.flatten import Style, flatten
from newsdesk.errors import InputError
from newsdesk.pipeline import Pipeline
from newsdesk.read import read_bytes
from newsdesk.read.decode import decode
from newsdesk.record import Document

Mode = Literal["html", "text"]
# Cleaning only: the model is never loaded by this evaluation.
_CLEANER = Pipeline()


@dataclass(slots=True)
class PageInput:
    """What both systems read for one page: raw bytes (html mode) or scraped text (text mode)."""

    raw: bytes
    text: str | None
    url: str | None


def page_input(raw: bytes, url: str | None, mode: Mode, style: Style) -> PageInput:
    """One page made ready for both systems; text mode flattens it first (not timed)."""
    if mode == "html":
        return PageInput(raw, None, url)
    page, _warnings = decode(raw)
    return PageInput(raw, flatten(page, style), url)


@dataclass(slots=True)
class Clock:
    """CPU seconds spent inside one system's extraction, summed over pages: process time, so
    other jobs on a shared machine do not skew the two systems' ratio."""

    seconds: float = 0.0


def newsdesk_output(page: PageInput, clock: Clock) -> str:
    """The body newsdesk's clean stage extracts; raises :class:`InputError`."""
    started = time.process_time()
    try:
        if page.text is None:
            doc = read_bytes(page.raw, input_format="html", url=page.url)
        else:
            doc = Document(content=page.text, input_format="text", url=page.url)
        article = _CLEANER.prepare(doc)
    finally:
        clock.seconds += time.process_time() - started
    return article.body


def as_html(text: str) -> str:
    """Scraped text as the simplest page trafilatura reads: each line a paragraph (it takes no
    plain text: a string with no markup gives no tree)."""
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{lines}</body></html>"


def trafilatura_output(page: PageInput, clock: Clock, *, metadata: bool = False) -> str:
    """trafilatura's main text of the page, as its own evaluation runs it; raises :class:`InputError`.

    ``metadata`` also has it read the page's title, date, authors and site (``with_metadata``), as
    newsdesk's clean stage does: the like-for-like speed baseline of ``bench/bench_clean.py``.
    """
    started = time.process_time()
    try:
        source = page.raw if page.text is None else as_html(page.text)
        result = trafilatura.extract(
            source,
            url=page.url,
            fast=False,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            with_metadata=metadata,
        )
    except Exception as exc:  # trafilatura's own evaluation counts any crash as a full miss
        raise InputError(f"trafilatura failed ({type(exc).__name__})") from None
    finally:
        clock.seconds += time.process_time() - started
    if not result:
        raise InputError("trafilatura found no main text")
    return result
