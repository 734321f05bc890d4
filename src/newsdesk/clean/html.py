"""Clean an HTML page: trafilatura for the main text, its metadata readers and htmldate for the rest.

trafilatura is the best open extractor on the article-extraction benchmark (F1 0.958 on
all 181 pages); we keep its paragraph structure, take the publication date from htmldate
(original date, not the last modification) and record what the page showed but the
article does not keep in ``removed``, so a user can audit the cut.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlparse

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from newsdesk.clean.boxes import box_texts, drop_box_lines
from newsdesk.clean.flatten import flatten_tree, parse_html
from newsdesk.clean.lead import with_lead
from newsdesk.clean.links import drop_link_lines, drop_orphan_labels, link_texts
from newsdesk.clean.meta import fallback_author, read_metadata
from newsdesk.clean.names import PageNames
from newsdesk.clean.page_url import declared_url
from newsdesk.clean.prune import prune
from newsdesk.clean.shortcodes import strip_shortcodes
from newsdesk.clean.text import split_lines
from newsdesk.clean.text.byline import is_person
from newsdesk.clean.text.dates import DATE_WINDOW, published_date
from newsdesk.clean.text.lines import Quality, is_server_message
from newsdesk.errors import InputError
from newsdesk.record import Cleaned, Removed

# lxml parses at most this depth without its "huge tree" option and trafilatura walks
# trees recursively; pages nested deeper than this are flattened to text and cleaned in
# text mode instead (real article pages stay well under 100 levels).
_MAX_DEPTH = 250
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|,)\s*")
# A credit of capitals alone, one short word: an outlet's or a degree's initials, not a name.
_INITIALS = re.compile(r"^[A-Z]{1,5}\.?$")
# The headline is looked for among this many leading paragraphs; a line before it is a lead
# to drop when it has at most this many words and does not end like a sentence. Calibrated
# on the 91 dev pages: 2 have such a lead (a one-word kicker, the page's URL); 6 words leaves
# room for a two-level section label without taking a sentence.
_LEAD_SEARCH = 3
_LEAD_WORDS = 6
# A line with a copyright sign and at most this many words is a credit, not text (tuning halves:
# every such line on the snippet set's pages is a credit or footer; 12 words keeps "Photo: © name"
# and "© 2020 Company. All rights reserved" and leaves a paragraph that quotes the sign alone).
_CREDIT_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’)]$")
# Short lines opening the body that the date search also reads (a headline kept in the body, a
# date line, a credit): tuning halves, 257 pages, 30 without an htmldate date: the dates the
# whole page's text classification found on all but one (a forum thread, now its first post's).
_OPENING_LINES = 3
# Where a page title joins the headline and the site's name: "Headline | Site", "Site: Headline".
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|:\s+")


def clean_html(page: str, url: str | None = None) -> Cleaned:
    """Extract the article from ``page``; raises :class:`InputError` when there is none."""
    tree = parse_html(page)
    if tree is None:
        raise InputError("not parseable as HTML")
    if _depth_exceeds(tree, _MAX_DEPTH):
        raise InputError(f"HTML nested more than {_MAX_DEPTH} levels deep; not a real article page")
    own_url = declared_url(tree)  # before pruning, which may drop the head's links
    page_url = url or own_url
    names = PageNames(tree)  # listed once, before pruning: every rule by class name reads it
    prune(tree, names)
    visible_lines = flatten_tree(tree).splitlines()  # before trafilatura prunes the tree
    _drop_copyright_year(tree)
    meta = read_metadata(tree, url)
    text = _main_text(tree, url)
    host = _host(page_url)
    site = _clean_line(meta.sitename) or host
    title = strip_site_name(_clean_line(meta.title), site, host)
    paragraphs = [p for line in text.split("\n") if (p := strip_shortcodes(line.strip()))]
    links = link_texts(tree)
    paragraphs = [p for p in drop_link_lines(paragraphs, links) if not is_credit(p) and not is_server_message(p)]
    paragraphs = drop_box_lines(paragraphs, box_texts(names))
    paragraphs = with_lead(after_headline(paragraphs, title), visible_lines, names, links)
    paragraphs = drop_orphan_labels(paragraphs, visible_lines)
    if not paragraphs:
        raise InputError("no article text found in the HTML page")
    byline = _clean_line(meta.author or fallback_author(tree, names))  # last: it prunes the tree
    return Cleaned(
        title=title,
        paragraphs=paragraphs,
        section=_clean_line(meta.categories[0]) if meta.categories else None,
        byline=byline,
        authors=people(split_authors(byline), site, host),
        published=_date(meta.date, visible_lines, paragraphs[0]),
        site=site,
        url=own_url,
        image=_share_image(meta.image, page_url),
        removed=_removed(visible_lines, title, paragraphs),
    )


def _main_text(tree: etree._Element, url: str | None) -> str:
    """trafilatura's main text of the page (it works on a copy: ``tree`` stays as it was)."""
    try:
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True, deduplicate=False)
    except (RecursionError, ValueError, etree.LxmlError) as exc:
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from None
    text = doc.text if isinstance(doc, Document) else None
    if not (text or "").strip():
        raise InputError("no article text found in the HTML page")
    return text or ""


def _share_image(value: str | None, page_url: str | None) -> str | None:
    """The page's og:image as trafilatura reads it, as an absolute web address (a relative one
    resolved against the page's address; without one it cannot be, and is dropped)."""
    given = str(value or "").strip()
    image = urljoin(page_url or "", given) if given else ""
    return image if image.startswith(("https://", "http://")) else None


def is_credit(paragraph: str) -> bool:
    """A short line with a copyright sign: a photo credit ("© Jane Roe/Agency") or the site's
    copyright footer, in any language; the sign does not occur in an article's sentences."""
    return "©" in paragraph and len(paragraph.split()) <= _CREDIT_WORDS


def after_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The body without a lead that repeats the headline: trafilatura keeps the headline when it
    sits in the article's container, sometimes after a kicker or section label ("immunology") or
    the page's own URL. When the title is one of the first few paragraphs and each before it is a
    short line, not a sentence, the title and those lines go; a sentence before it is body."""
    if not title or title not in paragraphs[:_LEAD_SEARCH]:
        return paragraphs
    at = paragraphs.index(title)
    if all(len(p.split()) <= _LEAD_WORDS and not _SENTENCE_END.search(p) for p in paragraphs[:at]):
        return paragraphs[at + 1 :]
    return paragraphs


def strip_site_name(title: str | None, site: str | None, host: str | None) -> str | None:
    """``title`` without a leading or trailing part that is the site's name or host name.

    Pages title themselves "Headline – TechCrunch", "Headline | ZDNet", "9to5Mac: Headline";
    the article's title is the headline. A part counts as the site's name when it equals, case
    and spaces aside, the site name, the host ("9to5mac.com") or the host's own label ("9to5mac").
    """
    if not title:
        return title
    names = _site_keys(site, host)
    # The longest matching part goes: "Site | Tagline: Headline" loses "Site | Tagline" whole.
    lead = [m for m in _TITLE_SEP.finditer(title) if _key(title[: m.start()]) in names and title[m.end() :].strip()]
    if lead:
        title = title[lead[-1].end() :]
    tail = [m for m in _TITLE_SEP.finditer(title) if _key(title[m.end() :]) in names and title[: m.start()].strip()]
    if tail:
        title = title[: tail[0].start()]
    return title.strip()


def _site_keys(site: str | None, host: str | None) -> set[str]:
    """The forms a page's own name takes, as :func:`_key`: the site name, the host, the host's label."""
    return {_key(name) for name in (site, host, _site_label(host)) if name} - {""}


def _key(name: str) -> str:
    return "".join(name.lower().split())


def _site_label(host: str | None) -> str | None:
    """The host's own label: "9to5mac.com" → "9to5mac", "news.bbc.co.uk" → "bbc"."""
    if not host:
        return None
    labels = host.split(".")[:-1]
    if len(labels) > 1 and len(host.rsplit(".", 1)[-1]) == 2 and len(labels[-1]) <= 3:
        labels = labels[:-1]  # a country domain's second level: co.uk, com.au
    return labels[-1] if labels else None


def split_authors(author: str | None) -> list[str]:
    """``"Ann Lee; Bo Chen and Cy Diaz"`` → three names, empty pieces dropped."""
    if not author:
        return []
    names = (_clean_line(part) for part in _AUTHOR_SPLIT.split(author))
    return [name for name in names if name]


def people(names: list[str], site: str | None, host: str | None) -> list[str]:
    """The names that are persons, by the same test text mode uses: a page's author field also
    credits agencies, desks, roles, the site itself and, split off a name, initials ("CNN", "MS"),
    all of which stay in ``byline`` only. Names in capitals are title-cased, as in text mode."""
    own = _site_keys(site, host)
    out: list[str] = []
    for name in names:
        if not is_person(name) or _key(name) in own or _INITIALS.match(name):
            continue
        out.append(name.title() if name.isupper() else name)
    return out


def _drop_copyright_year(tree: etree._Element) -> None:
    """Remove ``copyrightYear`` meta tags: the quick search reads one as 1 January of that year
    when the page has no other date."""
    for meta in [m for m in tree.iter("meta") if (m.get("itemprop") or "").lower() == "copyrightyear"]:
        meta.getparent().remove(meta)


def _date(found: object, visible_lines: list[str], first: str) -> str | None:
    """The page's publication date: htmldate's (:func:`newsdesk.clean.meta.read_metadata`); when
    it finds none, the date line above the body as text mode reads it ("publiziert am 30. Juli
    2018" in a byline), which takes only a full date from a date or credit line.

    Only the lines near the body's first paragraph are read (classifying the whole page as text
    to find where its body starts took 4% of the clean stage, for the few pages htmldate gives
    no date): those above it, and the short lines that open it, where trafilatura keeps a date or
    credit line text mode puts above its body."""
    if isinstance(found, str) and found:
        return found
    start = next((i for i, line in enumerate(visible_lines) if line == first), None)
    if start is None:
        return None
    top = max(0, start - DATE_WINDOW)
    lines = split_lines("\n".join(visible_lines[top : start + _OPENING_LINES]))
    end = start - top
    while end < len(lines) and lines[end].quality is Quality.SHORT:
        end += 1
    return published_date(lines, end, window=len(lines))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None


def _clean_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _removed(visible_lines: list[str], title: str | None, paragraphs: list[str]) -> list[Removed]:
    """Visible lines of the page that are neither the title nor in the article body."""
    kept = set(paragraphs)
    body = "\n".join(paragraphs)
    out: list[Removed] = []
    for line in visible_lines:
        if line == title or line in kept or (len(line) > 40 and line in body):
            continue
        out.append(Removed(text=line, reason="page furniture: outside the main content"))
    return out


def _depth_exceeds(root: etree._Element, limit: int) -> bool:
    """Whether any element sits more than ``limit`` levels below ``root``: one XPath of
    ``limit + 2`` child steps, run inside libxml2 (a Python walk over every element cost a
    twentieth of the clean stage on the snippet set)."""
    return bool(_deeper_than(limit)(root))


@lru_cache(maxsize=4)
def _deeper_than(limit: int) -> etree.XPath:
    return etree.XPath("/" + "/".join(["*"] * (limit + 2)))
