"""Search ranking on both backends: articles and quotes ranked together, quotes under their article."""

from __future__ import annotations

from conftest import ArticleBuilder
from newsdesk.store import Store

FILLER = (
    "The committee met for most of the afternoon to go through the budget line by line, and members asked "
    "for more detail on road repairs, school buses and the cost of the new library wing before any vote. "
)


def about_the_name() -> ArticleBuilder:
    """An article about Halvorsen: the name in the headline and throughout the body, and quoted."""
    b = ArticleBuilder(
        "Halvorsen unveils tariff plan",
        "Governor Halvorsen unveiled a tariff plan on Monday. Halvorsen said the plan would protect farms. "
        + FILLER
        + "Critics of Halvorsen called it reckless, and the Halvorsen team said changes were possible.",
        url="https://daily.example/plan",
        site="daily.example",
        published="2026-03-01",
    )
    who = b.entity("Halvorsen")
    b.quote(who, "Halvorsen", "the plan would protect farms")
    return b


def scare_quote() -> ArticleBuilder:
    """A long article about something else that puts the name in quotation marks once."""
    b = ArticleBuilder(
        "County debates library wing",
        FILLER * 4 + "One councillor, Ada Brook, urged colleagues to reject “Halvorsen” and move on. " + FILLER * 4,
        url="https://weekly.example/library",
        site="weekly.example",
        published="2026-03-05",
    )
    who = b.entity("Ada Brook")
    b.quote(who, "Ada Brook", "Halvorsen", cue="urged")
    return b


def test_an_article_about_the_name_outranks_a_scare_quote(store: Store) -> None:
    store.add(scare_quote().build())
    store.add(about_the_name().build())
    hits = store.search("Halvorsen")
    order = [(hit["kind"], hit["site"]) for hit in hits]
    assert order[0] == ("article", "daily.example"), order
    # Each quote directly follows its own article: grouped, never floating above it.
    assert order.index(("quote", "weekly.example")) > order.index(("article", "weekly.example"))
    assert order.index(("quote", "daily.example")) < order.index(("article", "weekly.example"))
    assert hits[0]["score"] > hits[-1]["score"]


def test_paging_walks_the_same_order(store: Store) -> None:
    store.add(scare_quote().build())
    store.add(about_the_name().build())
    whole = [(hit["kind"], hit["article_id"], hit["quote_id"]) for hit in store.search("Halvorsen")]
    paged = [
        (hit["kind"], hit["article_id"], hit["quote_id"])
        for start in range(0, len(whole), 2)
        for hit in store.search("Halvorsen", limit=2, offset=start)
    ]
    assert paged == whole


def test_one_kind_or_newest_keeps_its_own_order(store: Store) -> None:
    store.add(scare_quote().build())
    store.add(about_the_name().build())
    assert {hit["kind"] for hit in store.search("Halvorsen", kinds=["quote"])} == {"quote"}
    newest = store.search("Halvorsen", sort="newest")
    assert newest[0]["published_date"] == "2026-03-05"


def test_a_quote_search_gives_listing_rows_in_the_search_order(store: Store) -> None:
    """``quotes(text=…)``: the rows ``quotes()`` lists, ordered, paged and highlighted as the search's quote hits."""
    store.add(scare_quote().build())
    store.add(about_the_name().build())
    hits = store.search("Halvorsen", kinds=["quote"])
    found = store.quotes(text="Halvorsen")
    assert len(found) == 2
    assert [(row["quote_id"], row["snippet"], row["score"]) for row in found] == [
        (hit["quote_id"], hit["snippet"], hit["score"]) for hit in hits
    ]
    listed = {row["quote_id"]: row for row in store.quotes()}
    assert all(row == {**listed[row["quote_id"]], "snippet": row["snippet"], "score": row["score"]} for row in found)
    assert store.quotes(text="Halvorsen", limit=1, offset=1) == found[1:]
    assert store.quotes(text="!!!") == [] and store.quotes(text="nowhere") == []
