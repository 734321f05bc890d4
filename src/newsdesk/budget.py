"""A time budget per article: an input that would run for minutes is abandoned with a reason.

Every parse of untrusted input is bounded in size, and the known pathological inputs are
bounded in time by their own rules; this is the net under them, for what no rule foresaw.
It uses SIGALRM, so it works in the main thread of a process — the CLI, ``ingest``'s worker
processes, ``watch`` — and is a no-op elsewhere (a web server's threads, a Dask worker's
threads), where the caller bounds the work another way (the desk: :mod:`newsdesk.web.extractor`).
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsdesk.errors import InputError

# Seconds one article may take in one stage (cleaning, spaCy, newsdesk's components). Chosen, not
# fitted: the ingest of real pages runs at several articles a second per core (bench/bench_ingest.py),
# so a minute is far beyond any normal page and still stops a runaway one within a minute.
ARTICLE_SECONDS = 60.0
# In spaCy and in newsdesk's components, an article longer than this many characters gets one
# ARTICLE_SECONDS per block of this size it starts: their work grows with the text, and a long text
# annotated in chunks (annotate/chunks.py) must not be abandoned for its length alone. Calibrated on
# texts of 50,000-400,000 characters we wrote, on this project's 2-core machine shared with other
# work: spaCy took 5 s of CPU and 12-20 s of wall time per 100,000 characters; the components 2-8 s
# of CPU per 100,000, growing faster than the text (quotes). Cleaning keeps one ARTICLE_SECONDS: it
# took under 1 s of CPU for 500,000 characters of text or HTML.
ARTICLE_CHARACTERS = 100_000


def article_seconds(characters: int) -> float:
    """The budget of spaCy or of the components for an article of ``characters``: a minute, and a minute
    more for each further block of :data:`ARTICLE_CHARACTERS` it starts."""
    return ARTICLE_SECONDS * max(1, math.ceil(characters / ARTICLE_CHARACTERS))


class OverBudget(InputError):
    """An article that took longer than its budget."""


@contextmanager
def time_budget(seconds: float, what: str = "article") -> Iterator[None]:
    """Raise :class:`OverBudget` inside the block once ``seconds`` have passed (main thread only).

    Inside another budget, the tighter of the two applies, and the outer one resumes, less the
    time spent, when the block ends."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer = signal.getitimer(signal.ITIMER_REAL)[0]  # 0.0: no budget is running
    own = seconds if not outer else min(seconds, outer)

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(f"took over {seconds:g} s (the time budget per {what}): abandoned")

    previous = signal.signal(signal.SIGALRM, expired if own == seconds else signal.getsignal(signal.SIGALRM))
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, own)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
