"""A deliberately unsafe writer, for the load test's negative control (not part of newsdesk).

    python tests/unsafe_writer.py PAGES_FOLDER DB

Extracts each page and writes it with the store's own ``write_article`` but outside any
transaction (SQLite autocommit: every statement commits on its own), pausing after each statement,
so a reader can see an article row before its quotes, claims and places. The load test's check
must report such articles as half written; if it did not, it could not catch a real regression.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsdesk.pipeline import extract
from newsdesk.store import Store
from newsdesk.store.minhash import signature
from newsdesk.store.text import content_hash
from newsdesk.store.writer import write_article

PAUSE = 0.02  # seconds after each statement: long enough for a polling reader to land in between


def paused(call: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        result = call(*args)
        time.sleep(PAUSE)
        return result

    return run


def main(pages: Path, db: str) -> None:
    with Store.open(db) as store:
        store.db.execute = paused(store.db.execute)  # type: ignore[method-assign]
        store.db.executemany = paused(store.db.executemany)  # type: ignore[method-assign]
        for page in sorted(pages.iterdir()):
            article = extract(page)
            write_article(store.db, article, content_hash(article.text), signature(article.body))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
