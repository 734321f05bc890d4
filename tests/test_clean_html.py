"""HTML cleaning: trafilatura body, metadata, htmldate, removed furniture, broken pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.clean.html import clean_html, split_authors
from newsdesk.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_body_metadata_and_removed_furniture() -> None:
    cleaned = clean_html(page("page_nav_sidebar.html"), url="https://www.ledger.example/transport/trains")
    assert cleaned.title == "Rail operator orders 40 new trains for northern lines"
    assert cleaned.site == "Northern Ledger"
    assert cleaned.section == "Transport"
    assert cleaned.published == "2025-10-02"
    assert cleaned.authors == ["Sam Whitfield", "Priya Nair"]
    body = "\n".join(cleaned.paragraphs)
    assert body.startswith("The regional rail operator said on Thursday")
    assert "remove guards from services." in body
    assert len(cleaned.paragraphs) >= 4
    for furniture in ("Most read", "Storm warning", "Sign up to our morning newsletter", "Cookie settings"):
        assert furniture not in body
    removed = {r.text for r in cleaned.removed}
    assert "Storm warning issued for the coast" in removed
    assert all(r.reason for r in cleaned.removed)


def test_broken_markup_still_yields_the_article() -> None:
    cleaned = clean_html(page("page_broken.html"))
    body = "\n".join(cleaned.paragraphs)
    assert "children's wing" in body and "Dr Ana Ruiz" in body


def test_page_without_an_article_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_html("<html><body><script>var x = 1;</script><style>p {}</style></body></html>")


def test_absurdly_deep_nesting_is_refused_without_recursion_errors() -> None:
    deep = "<html><body>" + "<div>" * 5000 + "text" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(InputError, match="nested"):
        clean_html(deep)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Ann Lee; Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("  Maya   Okafor ", ["Maya Okafor"]),
        (None, []),
        ("", []),
    ],
)
def test_split_authors(raw: str | None, names: list[str]) -> None:
    assert split_authors(raw) == names
