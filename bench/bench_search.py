"""Search latency over a store of 10,000 articles (median target: under 100 ms).

Usage: ``.venv/bin/python bench/bench_search.py [--articles 10000] [--db URL] [--cache DIR]``

The store is built from real news text — the Lee corpus (see bench_ingest.py), its sentences
recombined into distinct ~400-word articles — with quotes, speakers and places attached, and
written straight through the store's writer (no NLP: this measures the query side). Then a
fixed set of searches (frequent and rare words, phrases, exclusions, every filter, newest
first, deeper pages) runs ``--repeat`` times; the median and 90th percentile are printed.
``--db postgresql://…`` measures PostgreSQL instead of a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench_ingest import lee_articles
from newsdesk.ids import article_id
from newsdesk.record import Article, Cue, Entity, Place, Quote, Span, Speaker
from newsdesk.store import Filters, Store
from newsdesk.store.minhash import signature
from newsdesk.store.text import content_hash
from newsdesk.store.writer import write_article

SPEAKERS = [
    f"{first} {last}"
    for first in ("Anna", "Ben", "Chloe", "Dev", "Elena")
    for last in ("Archer", "Brooks", "Castillo", "Dimitrov", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen")
]
SITES = [f"site{n}.example" for n in range(20)]
COUNTRIES = [
    ("AU", "AUS", "AS", 2077456, -25.0, 135.0),
    ("US", "USA", "US", 6252001, 39.8, -98.5),
    ("AF", "AFG", "AF", 1149361, 33.0, 66.0),
    ("ID", "IDN", "ID", 1643084, -5.0, 120.0),
]
QUERIES: list[tuple[str, Filters, str, int]] = [
    ("government", Filters(), "relevance", 0),
    ("police", Filters(), "relevance", 0),
    ("said", Filters(), "relevance", 0),
    ("bushfires", Filters(), "relevance", 0),
    ("qantas", Filters(), "relevance", 0),
    ('"prime minister"', Filters(), "relevance", 0),
    ("afghanistan taliban", Filters(), "relevance", 0),
    ("israeli -palestinian", Filters(), "relevance", 0),
    ("cricket or rugby", Filters(), "relevance", 0),
    ("fire", Filters(site="site3.example"), "relevance", 0),
    ("minister", Filters(since="2024-06-01", until="2024-06-30"), "relevance", 0),
    ("police", Filters(country="AF"), "relevance", 0),
    ("said", Filters(speaker="haddad"), "relevance", 0),
    ("government", Filters(stance="claim"), "relevance", 0),
    ("government", Filters(), "newest", 0),
    ("police", Filters(), "relevance", 200),
]


def build(store: Store, count: int, sentences: list[str], seed: int) -> None:
    rng = random.Random(seed)
    batch = 500
    for start in range(0, count, batch):
        with store.db.transaction():
            for number in range(start, min(count, start + batch)):
                write(store, number, rng, sentences)


def write(store: Store, number: int, rng: random.Random, sentences: list[str]) -> None:
    body_sentences = rng.sample(sentences, 18)
    title = " ".join(body_sentences[0].split()[:10])
    body = "\n\n".join(" ".join(body_sentences[i : i + 3]) for i in range(0, 18, 3))
    text = f"{title}\n\n{body}"
    url = f"https://{rng.choice(SITES)}/{number}"
    site = url.split("/")[2]
    published = f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    article = Article(
        id=article_id(url, text),
        text=text,
        body_start=len(title) + 2,
        input_format="text",
        url=url,
        site=site,
        title=title,
        published=published,
        language="en",
    )
    for q, sentence in enumerate(body_sentences[1:5]):
        name = rng.choice(SPEAKERS)
        start = text.index(sentence)
        article.entities.append(Entity(f"E{q + 1}", name, "PERSON", titles=["official"], mentions=[]))
        article.quotes.append(
            Quote(
                f"Q{q + 1}",
                Speaker(f"E{q + 1}", name, start, start),
                Cue(start, start, "said", "say"),
                [Span(start, start + len(sentence))],
                "indirect",
                rng.choice(["say", "claim", "warn", "deny"]),
            )
        )
    code, iso3, fips, geonameid, lat, lon = rng.choice(COUNTRIES)
    article.places.append(Place(code, "country", code, iso3, fips, geonameid, lat, lon, focus=True))
    write_article(store.db, article, content_hash(text), signature(article.body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="postgresql:// URL (default: a temporary SQLite file)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    args = parser.parse_args()
    sentences = [s for a in lee_articles(args.cache) for s in re.split(r"(?<=[.!?])\s+", a) if len(s.split()) > 5]
    target = args.db or str(Path(tempfile.mkdtemp(prefix="newsdesk-bench-search-")) / "search.db")
    with Store.open(target) as store:
        if store.stats()["articles"] < args.articles:
            started = time.perf_counter()
            build(store, args.articles - store.stats()["articles"], sentences, seed=store.stats()["articles"])
            print(f"built {args.articles} articles in {time.perf_counter() - started:.1f} s ({store.db.name})")
        timings: list[float] = []
        for text, filters, sort, offset in QUERIES:
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                hits = store.search(text, filters=filters, sort=sort, offset=offset)
                runs.append((time.perf_counter() - started) * 1000)
            timings += runs
            print(f"  {statistics.median(runs):7.1f} ms  {len(hits):3} hits  {text!r} {filters} {sort} offset={offset}")
        ordered = sorted(timings)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(
            f"search over {store.stats()['articles']} articles ({store.db.name}): median "
            f"{statistics.median(timings):.1f} ms, p90 {p90:.1f} ms, max {ordered[-1]:.1f} ms "
            f"over {len(timings)} searches (target: median < 100 ms)"
        )


if __name__ == "__main__":
    main()
