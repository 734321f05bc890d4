"""The store on both backends: schema, idempotent writes, revisions, entities, syndication, queries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ArticleBuilder
from newsdesk.record import Article, Span
from newsdesk.store import Filters, Status, Store
from newsdesk.store.migrations import current_version, steps
from newsdesk.store.text import digest, words

WIRE_BODY = (
    "The envoy for the northern provinces, Marta Velasquez, said on Monday that about 2,500 fighters of the "
    'Crimson Banner militia had crossed into Norland over the past month. "The border is not holding, and '
    'every week we wait the cost of closing it grows," Velasquez said at a press conference in the capital. '
    "Officials in Ostrava disputed the estimate, saying their own figures were far lower and that patrols had "
    "been doubled along the river crossings since the spring. Aid agencies reported that some 40,000 people "
    "had left villages near the frontier, many of them sheltering in schools and sports halls in the valley "
    "towns. The ministry promised new funding for shelters before the first snow arrives in the hills."
)
REPOST_BODY = (
    WIRE_BODY.replace("on Monday", "on Monday evening")
    .replace("many of them sheltering", "most of them sheltering")
    .replace("The ministry promised", "The interior ministry promised")
    + " Follow our live coverage for updates."
)
OTHER_BODY = (
    "The city council of Lakeport approved a plan on Thursday to rebuild the old harbour wall, which was "
    "damaged by storms two winters ago. Engineers told councillors that the work would take three years and "
    "close part of the waterfront promenade to walkers and cyclists. Residents who spoke at the meeting "
    "asked for a temporary path along the beach, and the mayor, Henrik Sol, said the idea would be studied "
    "before the contract is signed. The port authority welcomed the decision in a short statement."
)


WIRE_TITLE = "Militia fighters cross into Norland, envoy says"
ENVOY_TITLE = "Envoy for the Northern Provinces"


def wire(
    url: str, site: str, body: str = WIRE_BODY, *, title: str = WIRE_TITLE, velasquez_title: str = ENVOY_TITLE
) -> Article:
    published = "2024-03-04"
    b = ArticleBuilder(title, body, url=url, site=site, published=published)
    envoy = b.entity("Marta Velasquez", titles=(velasquez_title,))
    b.entity("Crimson Banner", "ORG")
    quote = b.quote(
        envoy, "Marta Velasquez", "The border is not holding, and every week we wait the cost of closing it grows"
    )
    b.place("Norland", "country", "NL", "NLD", "NL", 2750405, 52.25, 5.75, focus=True)
    b.claim(
        "2,500",
        2500.0,
        "fighters of the Crimson Banner militia",
        "people/fighters",
        claimant=envoy,
        claimant_name="Marta Velasquez",
        place="NL",
        qualifier="about",
        low=2500.0,
        high=2500.0,
    )
    b.claim("40,000", 40000.0, "people displaced", "people/displaced", place="NL", claimant_name="the publication")
    assert quote == "Q1"
    return b.build()


def other(url: str = "https://harbour.example/wall", site: str = "harbour.example") -> Article:
    b = ArticleBuilder("Lakeport approves harbour wall rebuild", OTHER_BODY, url=url, site=site, published="2024-03-07")
    mayor = b.entity("Henrik Sol", titles=("mayor",))
    b.quote(
        mayor,
        "Henrik Sol",
        "the idea would be studied before the contract is signed",
        kind="indirect",
        stance="promise",
    )
    b.place("Lakeport", "city", "US", "USA", "US", 5000001, 44.0, -86.0, focus=True)
    return b.build()


def test_schema_is_migrated_once_and_views_answer(store_url: str) -> None:
    latest = steps()[-1][0]
    with Store.open(store_url) as store:
        assert current_version(store.db) == latest
    with Store.open(store_url) as store:  # re-opening applies nothing twice
        assert store.db.scalar("SELECT COUNT(*) AS n FROM schema_version") == len(steps())
        for view in (
            "quotes_with_speakers",
            "quote_groups_with_sources",
            "claims_with_claimants",
            "speaker_titles",
            "entities_with_counts",
            "places_by_country",
            "story_groups_with_articles",
        ):
            assert store.db.query(f"SELECT * FROM {view}") == []


def test_same_article_twice_adds_nothing_and_a_change_is_a_revision(store: Store) -> None:
    first = wire("https://wire.example/a1", "wire.example")
    assert store.add(first) is Status.added
    assert store.add(first) is Status.unchanged
    changed = wire("https://wire.example/a1", "wire.example", WIRE_BODY + " This story has been updated.")
    assert changed.id == first.id
    assert store.add(changed) is Status.revised
    assert store.add(first) is Status.unchanged  # an old version seen again is not a new revision
    stats = store.stats()
    assert stats["articles"] == 1
    assert stats["article_revisions"] == 2
    assert stats["quotes"] == 1 and stats["claims"] == 2 and stats["places"] == 1  # old children replaced
    found = store.article(first.id)
    assert found is not None
    assert found["revision"] == 2
    assert found["text"].endswith("updated.")
    assert [r["revision"] for r in found["revisions"]] == [1, 2]


def test_one_person_is_one_entity_across_articles_and_sites(store: Store) -> None:
    store.add(wire("https://wire.example/a1", "wire.example"))
    store.add(wire("https://daily.example/b7", "daily.example", REPOST_BODY, velasquez_title="regional envoy"))
    camps = "Ms Velasquez toured two camps on Friday and said more aid was coming soon to the region."
    b = ArticleBuilder("Envoy visits camps", camps, url="https://third.example/c", site="third.example")
    b.entity("Ms Velasquez", mention="Velasquez")
    b.quote("E1", "Ms Velasquez", "more aid was coming soon", kind="indirect")
    store.add(b.build())
    people = store.db.query("SELECT id, name FROM entities WHERE type = 'PERSON'")
    assert len(people) == 1
    found = store.speaker("velasquez")
    assert found is not None
    assert found["entity"]["name"] == "Marta Velasquez"
    titles = {(t["title"], t["site"]) for t in found["titles"]}
    assert titles == {("Envoy for the Northern Provinces", "wire.example"), ("regional envoy", "daily.example")}
    assert len(found["quotes"]) == 3
    assert {q["speaker_title"] for q in found["quotes"]} == {"Envoy for the Northern Provinces", "regional envoy", ""}
    assert [s["stance"] for s in found["stances"]] == ["say"]
    assert {e["name"] for e in found["co_mentioned"]} == {"Crimson Banner"}
    assert store.speaker("nobody at all") is None
    assert store.speaker(str(people[0]["id"])) is not None


def test_wire_copies_form_one_story_and_one_quote_with_many_sources(store: Store) -> None:
    sites = ["wire.example", "daily.example", "herald.example"]
    for number, site in enumerate(sites):
        body = REPOST_BODY if number else WIRE_BODY
        store.add(wire(f"https://{site}/story-{number}", site, body, title=f"Headline {number} about the border"))
    store.add(other())
    groups = store.db.query("SELECT story_group_id, COUNT(*) AS n FROM articles GROUP BY story_group_id ORDER BY n")
    assert [g["n"] for g in groups] == [1, 3]
    statements = store.db.query("SELECT * FROM quote_groups_with_sources WHERE speaker = 'Marta Velasquez'")
    assert len(statements) == 1
    assert statements[0]["quotes"] == 3 and statements[0]["sites"] == 3
    top = store.speakers()[0]
    assert (top["name"], top["quotes"], top["quote_mentions"], top["sources"]) == ("Marta Velasquez", 1, 3, 3)
    claims = store.claims(about="Crimson Banner fighters")
    assert len(claims) == 1 and claims[0]["sources"] == 3 and claims[0]["value"] == 2500.0
    article = store.article("https://herald.example/story-2")
    assert article is not None and len(article["story_group"]) == 2
    assert article["quotes"][0]["sources"] == 3


def test_lightly_edited_quote_in_a_repost_joins_the_quote_group(store: Store) -> None:
    store.add(wire("https://wire.example/a1", "wire.example"))
    edited_body = REPOST_BODY.replace("every week we wait the cost", "each week we wait the cost")
    b = ArticleBuilder(
        "Border not holding, envoy warns", edited_body, url="https://daily.example/x", site="daily.example"
    )
    envoy = b.entity("Marta Velasquez")
    b.quote(envoy, "Marta Velasquez", "The border is not holding, and each week we wait the cost of closing it grows")
    store.add(b.build())
    assert store.db.scalar("SELECT COUNT(DISTINCT quote_group_id) AS n FROM quotes") == 1


def test_search_finds_articles_and_quotes_with_filters(store: Store) -> None:
    store.add(wire("https://wire.example/a1", "wire.example"))
    store.add(other())
    hits = store.search("border")
    assert {h["kind"] for h in hits} == {"article", "quote"}
    quote = next(h for h in hits if h["kind"] == "quote")
    assert quote["speaker"] == "Marta Velasquez" and quote["stance"] == "say" and "[border]" in quote["snippet"].lower()
    assert store.search("harbour wall")[0]["title"] == "Lakeport approves harbour wall rebuild"
    assert store.search('"harbour wall" -militia', kinds=["article"])[0]["site"] == "harbour.example"
    assert store.search("harbour -contract") == []
    assert store.search("harbour or militia", kinds=["article"], sort="newest")[0]["site"] == "harbour.example"
    assert {h["site"] for h in store.search("said", filters=Filters(site="HARBOUR.example"))} == {"harbour.example"}
    assert {h["site"] for h in store.search("said", filters=Filters(country="nl"))} == {"wire.example"}
    assert {h["site"] for h in store.search("said", filters=Filters(since="2024-03-05"))} == {"harbour.example"}
    assert {h["site"] for h in store.search("said", filters=Filters(until="2024-03-04"))} == {"wire.example"}
    by_speaker = store.search("idea", filters=Filters(speaker="sol"))
    assert {(h["kind"], h["speaker"]) for h in by_speaker} == {("article", None), ("quote", "Henrik Sol")}
    assert store.search("idea", filters=Filters(stance="say")) == []
    assert {h["kind"] for h in store.search("idea", filters=Filters(stance="promise"))} == {"article", "quote"}
    assert len(store.search("said", limit=1, offset=1)) == 1
    for hostile in ('"unbalanced', "AND OR NOT (", "col:value", "*", "", "-", "100%_"):
        store.search(hostile)  # never a syntax error


def test_claims_tracker(store: Store) -> None:
    store.add(wire("https://wire.example/a1", "wire.example"))
    store.add(other())
    assert {c["text"] for c in store.claims(place="nl")} == {"2,500", "40,000"}
    assert store.claims(place="US") == []
    assert [c["claimant"] for c in store.claims(claimant="velasquez")] == ["Marta Velasquez"]
    every = store.claims(about="displaced people", grouped=False)
    assert len(every) == 1 and every[0]["site"] == "wire.example" and every[0]["published_date"] == "2024-03-04"
    assert store.claims(about="harbour fighters") == []


def test_article_lookup_by_id_key_and_url(store: Store) -> None:
    article = wire("https://www.wire.example/a1/?utm_source=x", "wire.example")
    store.add(article)
    by_key = store.article(article.id)
    assert by_key is not None
    assert by_key["record"]["id"] == article.id
    assert store.article(by_key["id"]) is not None
    assert store.article("https://wire.example/a1") is not None
    assert store.article("999999") is None and store.article("not-a-key") is None
    assert {e["name"] for e in by_key["entities"]} == {"Marta Velasquez", "Crimson Banner"}
    assert by_key["places"][0]["fips"] == "NL"


def test_listings_places_and_errors(store: Store) -> None:
    store.add(wire("https://wire.example/a1", "wire.example"))
    store.add(other())
    assert [a["site"] for a in store.articles()] == ["harbour.example", "wire.example"]
    assert [a["site"] for a in store.articles(filters=Filters(country="US"))] == ["harbour.example"]
    assert [(p["country"], p["articles"]) for p in store.places_summary()] == [("NL", 1), ("US", 1)]
    store.add_error("page.html", "no article text found")
    store.add_error("page.html", "no article text found")
    errors = store.db.query("SELECT source, attempts FROM ingest_errors")
    assert errors == [{"source": "page.html", "attempts": 2}]


def test_the_store_loads_no_stage_and_no_spacy() -> None:
    """The store is persistence and queries only: importing it (exports included) runs no pipeline code."""
    stages = ("newsdesk.read", "newsdesk.clean", "newsdesk.annotate", "newsdesk.extract", "newsdesk.pipeline")
    code = (
        "import sys, newsdesk.store, newsdesk.store.exports\n"
        "newsdesk.store.exports.formats()\n"
        f"loaded = [m for m in sys.modules if m == 'spacy' or m.startswith({(*stages, 'newsdesk.ingest')!r})]\n"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_read_only_handles_and_query_deadlines(store: Store) -> None:
    """The web desk's guards, per backend: a deadline stops a long query and ends with its block."""
    slow = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
        "SELECT COUNT(*) AS c FROM n"
    )
    with pytest.raises(Exception, match=r"(?i)interrupt|cancel"), store.db.deadline(0.001):
        store.db.query(slow)
    assert store.db.scalar("SELECT COUNT(*) AS c FROM ingest_errors") == 0
    store.db.read_only()
    with pytest.raises(Exception, match=r"(?i)read.?only"):
        store.db.execute("DELETE FROM ingest_errors")


def scoreboard() -> Article:
    """Three claims: one the extractor is sure of, one it is not, one a sports figure."""
    b = ArticleBuilder(
        "Harbour club wins, budget grows",
        "The council said the harbour budget grew to 80 million euros. Some 300 boats may dock, one guess went. "
        "The club won 3-1 on Sunday.",
        url="https://harbour.example/budget",
        site="harbour.example",
        published="2024-05-01",
    )
    b.claim("80 million euros", 80e6, "harbour budget", "money", confidence=0.9)
    b.claim("300 boats", 300, "boats", "count", confidence=0.2)
    b.claim("3-1", 3, "goals", "count", confidence=0.95, statistic="sports")
    return b.build()


def test_the_claims_tracker_hides_unsure_claims_and_table_figures_unless_asked(store: Store) -> None:
    store.add(scoreboard())
    assert [c["text"] for c in store.claims()] == ["80 million euros"]
    assert [c["text"] for c in store.claims(grouped=False)] == ["80 million euros"]
    shown = {c["text"]: c for c in store.claims(everything=True, grouped=False)}
    assert set(shown) == {"80 million euros", "300 boats", "3-1"}
    assert shown["3-1"]["statistic"] == "sports" and shown["300 boats"]["confidence"] == 0.2
    assert [s["value"] for s in store.claim_subjects()] == ["harbour budget"]


def _person(b: ArticleBuilder, name: str, *aliases: str, kind: str = "PERSON") -> str:
    """An entity named ``name`` with ``aliases``, each mentioned (after the title) where it first occurs."""
    local = b.entity(name, kind, mention=name if name in b.text else aliases[0])
    entity = b.article.entities[-1]
    entity.aliases = list(aliases)
    entity.mentions += [b.span(alias, b.article.body_start) for alias in aliases if alias in b.text]
    return local


def _linked(store: Store, name: str) -> str | None:
    """The stored entity an article's entity of this name was linked to (None: not linked)."""
    rows = store.db.query(
        "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.name = ?", (name,)
    )
    names = {row["name"] for row in rows}
    assert len(names) <= 1, names
    return names.pop() if names else None


def test_families_and_namesakes_stay_apart_across_articles(store: Store) -> None:
    b = ArticleBuilder("Vance speaks", "Governor Martin Vance said the port would reopen. Vance spoke at noon.")
    _person(b, "Martin Vance", "Vance")
    store.add(b.build())
    for body, name, alias in (
        ("Rosa Vance opened the school. Vance said classes start in May.", "Rosa Vance", "Vance"),
        ("Martin Vance Jr. joined the board. Vance Jr. said little.", "Martin Vance Jr.", "Vance Jr."),
        ("Peter Lind and his brother spoke. Lind said the firm was sound.", "Peter Lind", "Lind"),
        ("Carl Lind, no relation, ran the race. Lind finished second.", "Carl Lind", "Lind"),
    ):
        b = ArticleBuilder(f"About {name}", body)
        _person(b, name, alias)
        store.add(b.build())
    people = {row["name"] for row in store.db.query("SELECT name FROM entities WHERE type = 'PERSON'")}
    assert people == {"Martin Vance", "Rosa Vance", "Martin Vance Jr.", "Peter Lind", "Carl Lind"}
    b = ArticleBuilder("Vance again", "Gov. Martin J. Vance signed the order on Monday.")
    _person(b, "Martin J. Vance")
    store.add(b.build())
    assert _linked(store, "Martin J. Vance") == "Martin Vance"  # a middle initial: the same person


def test_a_bare_surname_links_only_when_the_article_does_not_contradict_it(store: Store) -> None:
    for n in range(2):
        b = ArticleBuilder(f"Harbor news {n}", "Mayor Elena Brandt said the harbor will be dredged.")
        _person(b, "Elena Brandt")
        store.add(b.build())
    b = ArticleBuilder("Harbor plan", "Brandt said the dredging starts soon.")
    b.entity("Brandt")
    store.add(b.build())
    assert _linked(store, "Brandt") == "Elena Brandt"
    b = ArticleBuilder("Harbor gala", "Brandt and her husband Tomas attended. Brandt said the gala raised funds.")
    first = b.entity("Brandt")
    _person(b, "Tomas")
    b.quote(first, "Brandt", "the gala raised funds", kind="indirect")
    article = b.build()
    store.add(article)
    rows = store.db.query(
        "SELECT speaker_entity_id, speaker_name FROM quotes WHERE article_id = (SELECT id FROM articles WHERE key = ?)",
        (article.id,),
    )
    assert [(r["speaker_entity_id"], r["speaker_name"]) for r in rows] == [(None, "Brandt")]  # a relative named
    b = ArticleBuilder("Harbor race", "Brandt won; Erik Brandt, her cousin, came second.")
    b.entity("Brandt")
    _person(b, "Erik Brandt")
    store.add(b.build())
    assert (
        store.db.scalar("SELECT COUNT(*) AS n FROM article_entities WHERE name = 'Brandt' AND entity_id IS NOT NULL")
        == 1
    )  # only the uncontested article's


def test_outlets_merge_on_their_full_names(store: Store) -> None:
    for outlet in ("Harbor Post", "Valley Post"):
        b = ArticleBuilder(f"{outlet} report", f"The {outlet} reported the fire first. The Post said two died.")
        _person(b, outlet, "Post", kind="ORG")
        store.add(b.build())
    outlets = {row["name"] for row in store.db.query("SELECT name FROM entities WHERE type = 'ORG'")}
    assert outlets == {"Harbor Post", "Valley Post"}
    b = ArticleBuilder("Two papers", "The Harbor Post and the Valley Post disagreed. The Post was wrong.")
    _person(b, "Harbor Post", kind="ORG")
    _person(b, "Valley Post", kind="ORG")
    b.entity("Post", "ORG", mention="Post was")
    b.article.entities[-1].mentions = [Span(b.text.index("Post was"), b.text.index("Post was") + 4)]
    store.add(b.build())
    assert _linked(store, "Post") is None  # two "… Post"s named: the bare one is neither


def test_migration_re_links_what_the_old_rule_merged(store_url: str) -> None:
    """Build the store the old rule wrote (a surname alias pulled Rosa Vance into Martin Vance), then migrate."""
    with Store.open(store_url) as store:
        b = ArticleBuilder("Vance speaks", "Martin Vance said the port would reopen. Vance spoke at noon.")
        martin = _person(b, "Martin Vance", "Vance")
        b.quote(martin, "Martin Vance", "the port would reopen", kind="indirect")
        store.add(b.build())
        b = ArticleBuilder("School opens", "Rosa Vance said classes start in May. Vance toured the rooms.")
        rosa = _person(b, "Rosa Vance", "Vance")
        b.quote(rosa, "Rosa Vance", "classes start in May", kind="indirect")
        store.add(b.build())
        db = store.db
        ids = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM entities")}
        old, wrong = ids["Martin Vance"], ids["Rosa Vance"]
        # What the old writer stored: Rosa found through the alias "vance", her full name an alias of Martin.
        with db.transaction():
            for table, column in (("article_entities", "entity_id"), ("mentions", "entity_id")):
                db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (old, wrong))
            group = db.scalar("SELECT quote_group_id FROM quotes WHERE speaker_entity_id = ?", (wrong,))
            db.execute("UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", (old, wrong))
            key = digest(f"entity:{old}", " ".join(words("classes start in May")))
            db.execute("UPDATE quote_groups SET speaker_entity_id = ?, key = ? WHERE id = ?", (old, key, group))
            db.execute("DELETE FROM entities WHERE id = ?", (wrong,))
            db.execute("DELETE FROM entity_aliases")
            db.executemany(
                "INSERT INTO entity_aliases (key, entity_id) VALUES (?, ?)",
                [("PERSON:vance", old), ("PERSON:rosa vance", old)],
            )
            db.execute("DELETE FROM schema_version WHERE version >= 4")  # a store at version 3
    with Store.open(store_url) as store:
        db = store.db
        rows = db.query(
            "SELECT ae.name, e.name AS entity FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        )
        assert {(r["name"], r["entity"]) for r in rows} >= {
            ("Martin Vance", "Martin Vance"),
            ("Rosa Vance", "Rosa Vance"),
        }
        assert {r["key"] for r in db.query("SELECT key FROM entity_aliases")} == set()  # the short form is gone
        speakers = db.query(
            "SELECT q.speaker_name, e.name, g.speaker_entity_id = q.speaker_entity_id AS same_group_speaker "
            "FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id JOIN quote_groups g ON g.id = q.quote_group_id"
        )
        assert {(r["speaker_name"], r["name"]) for r in speakers} == {
            ("Martin Vance", "Martin Vance"),
            ("Rosa Vance", "Rosa Vance"),
        }
        assert all(r["same_group_speaker"] for r in speakers), [dict(r) for r in speakers]
        rosa_mentions = db.scalar(
            "SELECT COUNT(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Rosa Vance'"
        )
        assert rosa_mentions == 2
        assert db.scalar("SELECT COUNT(*) AS n FROM quote_groups") == 2
