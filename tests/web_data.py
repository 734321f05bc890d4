"""Hand-written article records for the web desk's tests, stored through the store's own API.

The records are built directly (no spaCy), so the tests control every quote, claim and
place and run in milliseconds. Texts are written for these tests. ``hostile()`` carries
script and event-handler payloads in every field a page controls.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.ids import article_id
from newsdesk.record import Article, Claim, Claimant, Cue, Entity, Place, Quote, Removed, Span, Speaker, Tone
from newsdesk.store import Store
from newsdesk.store.alerts import AlertSpec
from newsdesk.store.sources import SourceFetch

XSS_SCRIPT = "<script>window.__pwned = 1; alert('pwned')</script>"
XSS_IMG = '<img src=x onerror="window.__pwned = 2; alert(2)">'


def at(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def _article(url: str, site: str, published: str, title: str, body: list[str]) -> Article:
    text = title + "\n\n" + "\n\n".join(body)
    return Article(
        id=article_id(url, text), text=text, body_start=len(title) + 2, input_format="html", url=url, site=site,
        title=title, published=published, language="en",
    )  # fmt: skip


def envoy(published: str = "2026-01-10", fighters: str = "10,000", value: float = 10000.0) -> Article:
    """A wire story: an envoy's estimate of Daesh fighters in Afghanistan, and a denial."""
    title = f"Envoy puts Daesh fighters in Afghanistan at {fighters}"
    body = [
        f"Zamir Kabulov, Russia's special envoy for Afghanistan, said on Monday that about {fighters} Daesh "
        "fighters were now active in Afghanistan.",
        "“The threat is growing every month,” Kabulov told reporters in Moscow.",
        "A Taliban spokesman, Zabihullah Mujahid, denied that the group controlled any territory in Kunar.",
    ]
    article = _article(f"https://wire.example/envoy-{published}", "wire.example", published, title, body)
    t = article.text
    kabulov = Entity("E1", "Zamir Kabulov", "PERSON", ["Russian special envoy for Afghanistan"], ["Kabulov"],
                     [at(t, "Zamir Kabulov"), at(t, "Kabulov", 1)])  # fmt: skip
    mujahid = Entity("E2", "Zabihullah Mujahid", "PERSON", ["Taliban spokesman"], [], [at(t, "Zabihullah Mujahid")])
    afghanistan = Entity("E3", "Afghanistan", "GPE", [], [], [at(t, "Afghanistan", 1), at(t, "Afghanistan", 2)])
    daesh = Entity("E4", "Daesh", "ORG", [], [], [at(t, "Daesh", 1)])
    article.entities = [kabulov, mujahid, afghanistan, daesh]
    first = t.index("about ")
    article.quotes = [
        Quote("Q1", Speaker("E1", "Zamir Kabulov", *_pair(at(t, "Zamir Kabulov"))),
              Cue(*_pair(at(t, "said")), "said", "say"),
              [Span(t.index("that about") + 5, t.index("in Afghanistan.", first) + len("in Afghanistan"))],
              "indirect", "say"),
        Quote("Q2", Speaker("E1", "Kabulov", *_pair(at(t, "Kabulov", 1))), Cue(*_pair(at(t, "told")), "told", "tell"),
              [at(t, "The threat is growing every month,")], "direct", "warn"),
        Quote("Q3", Speaker("E2", "Zabihullah Mujahid", *_pair(at(t, "Zabihullah Mujahid"))),
              Cue(*_pair(at(t, "denied")), "denied", "deny"),
              [Span(t.index("that the group") + 5, t.index("in Kunar") + len("in Kunar"))], "indirect", "deny-reject"),
    ]  # fmt: skip
    article.quotes[1].tone = -4.5  # "The threat is growing": the desk's tone-over-time has something to draw
    article.tone = Tone(score=-2.1, positive=1.4, negative=3.5, polarity=4.9, word_count=57)
    number = at(t, f"{fighters} Daesh fighters")
    article.claims = [
        Claim("C1", number.start, number.end, t[number.start : number.end], value, None, None, "about", None,
              "Daesh fighters", "people/armed", "AF", Claimant("E1", "Zamir Kabulov"), "Q1"),
    ]  # fmt: skip
    article.places = [
        Place("Afghanistan", "country", "AF", "AFG", "AF", 1149361, 33.0, 65.0, "E3", True,
              [at(t, "Afghanistan", 1), at(t, "Afghanistan", 2)]),
        Place("Moscow", "city", "RU", "RUS", "RS", 524901, 55.75, 37.62, None, False, [at(t, "Moscow")]),
    ]  # fmt: skip
    article.removed = [Removed("Share this article", "navigation"), Removed("Most read", "teaser block")]
    return article


def report(published: str = "2026-02-20") -> Article:
    """A later report from another site, with a lower number from the UN."""
    title = "UN monitors count fewer Daesh fighters in Afghanistan"
    body = [
        "UN sanctions monitors estimated in a report that between 4,000 and 6,000 Daesh fighters remain in "
        "Afghanistan, fewer than Russian officials have said.",
        "“Numbers alone do not tell the story,” said Zamir Kabulov when asked about the report.",
    ]
    article = _article(f"https://daily.example/un-report-{published}", "daily.example", published, title, body)
    t = article.text
    kabulov = Entity("E1", "Zamir Kabulov", "PERSON", ["presidential envoy"], [], [at(t, "Zamir Kabulov")])
    un = Entity("E2", "UN", "ORG", [], [], [at(t, "UN"), at(t, "UN", 1)])
    article.entities = [kabulov, un, Entity("E3", "Afghanistan", "GPE", [], [], [at(t, "Afghanistan", 1)])]
    article.quotes = [
        Quote("Q1", Speaker("E1", "Zamir Kabulov", *_pair(at(t, "Zamir Kabulov"))),
              Cue(*_pair(at(t, "said", 1)), "said", "say"), [at(t, "Numbers alone do not tell the story,")],
              "direct", "say"),
    ]  # fmt: skip
    article.quotes[0].tone = 1.2
    number = at(t, "between 4,000 and 6,000 Daesh fighters")
    article.claims = [
        Claim("C1", number.start, number.end, t[number.start : number.end], None, 4000.0, 6000.0, "between", None,
              "Daesh fighters", "people/armed", "AF", Claimant("E2", "UN"), None),
    ]  # fmt: skip
    article.places = [
        Place("Afghanistan", "country", "AF", "AFG", "AF", 1149361, 33.0, 65.0, "E3", True, [at(t, "Afghanistan", 1)])
    ]
    return article


def hostile() -> Article:
    """An article whose every page-controlled field carries a script or an event-handler payload."""
    title = f"Council row {XSS_SCRIPT} over budget"
    body = [
        f"The mayor {XSS_IMG} said the plan was sound and that 48 million euros was enough for the work.",
        f"“We will not be bullied {XSS_SCRIPT},” said Lena <b onmouseover=alert(3)>Hartmann</b> on Friday.",
    ]
    article = _article("javascript:alert(4)", f"evil{XSS_IMG}.example", "2026-03-01", title, body)
    t = article.text
    speaker = "Lena <b onmouseover=alert(3)>Hartmann</b>"
    article.entities = [Entity("E1", speaker, "PERSON", [XSS_IMG], [], [at(t, speaker)])]
    article.quotes = [
        Quote("Q1", Speaker("E1", speaker, *_pair(at(t, speaker))), Cue(*_pair(at(t, "said", 1)), "said", "say"),
              [at(t, f"We will not be bullied {XSS_SCRIPT},")], "direct", "say"),
    ]  # fmt: skip
    number = at(t, "48 million euros")
    article.claims = [
        Claim("C1", number.start, number.end, "48 million euros", 48e6, None, None, None, "EUR", XSS_SCRIPT,
              "money", None, Claimant(None, XSS_IMG), None),
    ]  # fmt: skip
    article.removed = [Removed(XSS_SCRIPT, "advertisement")]
    article.warnings = [f"decoded as {XSS_IMG}"]
    return article


def _pair(span: Span) -> tuple[int, int]:
    return span.start, span.end


def build_store(path: Path | str) -> Path | str:
    """A store (SQLite path or PostgreSQL URL): the envoy story (two dates), the UN report, the hostile article;
    alerts saved before them (on Kabulov; on "budget", which the hostile article matches) and one watched feed."""
    with Store.open(path) as store:
        store.add_alert(AlertSpec("kabulov", speaker="Kabulov"))
        store.add_alert(AlertSpec("budget", query="budget"))  # the hostile article's title
        feed = store.watch_source("https://wire.example/feed.xml")
        store.record_fetch(int(feed["id"]), SourceFetch("feed", "ok", listed=3))
        store.add(envoy())
        store.add(envoy("2026-03-05", "12,500", 12500.0))
        store.add(report())
        store.add(hostile())
    return path
