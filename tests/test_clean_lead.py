"""The article's lead, marked by its class and left out by the extractor, is put back."""

from __future__ import annotations

from newsdesk.clean.flatten import flatten_tree, parse_html
from newsdesk.clean.html import clean_html
from newsdesk.clean.lead import lead_texts, with_lead
from newsdesk.clean.names import PageNames

LEAD = "Die Stadt baut bis zum Herbst drei neue Radwege, die den Norden mit dem Zentrum verbinden sollen."
BODY = [
    "Der Stadtrat hat am Dienstag das Geld für die Wege freigegeben, nach einer langen Debatte im Rathaus.",
    "Die Arbeiten beginnen im Mai, sagte die Bürgermeisterin, und sollen den Verkehr kaum stören.",
]
PAGE = f"""<html><body><header><h1>Neue Radwege</h1><p class="article-lead">{LEAD}</p></header>
<ul class="related"><li class="teaser"><a href="/x">Ein anderer Artikel über die neuen Busse der Stadt.</a></li></ul>
<main><p>{BODY[0]}</p><p>{BODY[1]}</p></main></body></html>"""


def test_the_marked_lead_above_the_body_is_put_back() -> None:
    root = parse_html(PAGE)
    assert root is not None
    lines = flatten_tree(root).splitlines()
    leads = lead_texts(PageNames(root))
    assert LEAD in leads
    assert with_lead(BODY, lines, PageNames(root), set()) == [LEAD, *BODY]


def test_a_lead_already_in_the_body_or_a_link_is_not_added() -> None:
    root = parse_html(PAGE)
    assert root is not None
    lines = flatten_tree(root).splitlines()
    names = PageNames(root)
    assert with_lead([LEAD, *BODY], lines, names, set()) == [LEAD, *BODY]
    assert with_lead(BODY, lines, names, {LEAD}) == BODY
    plain = parse_html(PAGE.replace('class="article-lead"', ""))
    assert plain is not None
    assert with_lead(BODY, flatten_tree(plain).splitlines(), PageNames(plain), set()) == BODY


def test_clean_html_never_doubles_the_lead() -> None:
    cleaned = clean_html(PAGE)
    assert cleaned.paragraphs.count(LEAD) == 1 and BODY[0] in cleaned.paragraphs
