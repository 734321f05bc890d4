"""The pipeline: record assembly, ids, article mode, language, the span invariant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

import newsdesk
from newsdesk.errors import InputError
from newsdesk.ids import article_id, normalise_url
from newsdesk.pipeline import extract_many
from newsdesk.record import Article
from record_checks import check_spans

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(newsdesk.__file__).parent / "examples"


def test_text_is_headline_blank_line_body() -> None:
    article = newsdesk.extract(FIXTURES / "page_nav_sidebar.html")
    assert article.title is not None
    assert article.text.startswith(article.title + "\n\n")
    assert article.body_start == len(article.title) + 2
    assert article.body == article.text[article.body_start :]
    assert "\n\n" in article.body
    assert article.input_format == "html" and article.language == "en"
    check_spans(article)


def test_article_mode_keeps_the_input_verbatim() -> None:
    raw = (FIXTURES / "article_mode.txt").read_text(encoding="utf-8")
    article = newsdesk.extract(FIXTURES / "article_mode.txt", input_format="article")
    assert article.text == raw
    assert article.title == "Minister rejects claims of delay in bridge repairs"
    assert article.removed == []
    assert raw[article.body_start :].startswith("The transport minister")


def test_non_english_pages_are_cleaned_and_marked() -> None:
    article = newsdesk.extract(FIXTURES / "page_french.html")
    assert article.language == "fr"
    assert "pêcheurs" in article.body
    assert any("English-only" in w for w in article.warnings)
    assert article.quotes == [] and article.entities == []


def test_ids_are_stable_and_url_based_when_a_url_is_known() -> None:
    a = newsdesk.extract(FIXTURES / "page_broken.html", url="https://www.city.example/news/wing?utm_source=x#top")
    b = newsdesk.extract(FIXTURES / "page_broken.html", url="http://city.example/news/wing/")
    assert a.id != b.id  # scheme differs
    c = newsdesk.extract(FIXTURES / "page_broken.html", url="https://city.example/news/wing")
    assert a.id == c.id
    d = newsdesk.extract(FIXTURES / "page_broken.html")
    assert d.id == newsdesk.extract(FIXTURES / "page_broken.html").id
    assert d.id != a.id
    assert article_id(None, "Some  TEXT") == article_id(None, "some text")


def test_normalise_url() -> None:
    assert normalise_url("HTTPS://WWW.Example.org/a/b/?utm_medium=x&id=3#frag") == "https://example.org/a/b?id=3"


def test_json_round_trip_and_key_order() -> None:
    article = newsdesk.extract(EXAMPLES / "city_budget.html", url="https://gazette.example/budget")
    data = json.loads(article.to_json())
    assert list(data)[:3] == ["schema", "id", "url"]
    assert data["schema"] == "newsdesk/article@1"
    assert Article.from_dict(data) == article


def test_navigation_only_page_is_not_an_article() -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text found"):
        newsdesk.extract(page)


def test_bytes_and_string_sources() -> None:
    html = (FIXTURES / "page_broken.html").read_bytes()
    assert newsdesk.extract(html).title == newsdesk.extract(html.decode()).title


def test_extract_many_keeps_order_and_isolates_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    sources: list[str | Path] = [FIXTURES / "page_broken.html", empty, "missing.html", FIXTURES / "page_french.html"]
    results = list(extract_many(sources, batch_size=2))
    assert [name for name, _ in results] == [str(s) for s in sources]
    kinds = [type(item).__name__ for _, item in results]
    assert kinds == ["Article", "InputError", "InputError", "Article"]


def test_a_component_that_breaks_fails_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.pipeline import Pipeline

    pipeline = Pipeline()
    quotes = pipeline.nlp.get_pipe("newsdesk_quotes")
    original = type(quotes).__call__

    def fragile(self: object, doc: Doc) -> Doc:
        if "BREAK" in doc.text:
            raise ValueError("component broke")
        return original(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(type(quotes), "__call__", fragile)
    good = newsdesk.extract(FIXTURES / "page_broken.html")
    bad = newsdesk.extract(FIXTURES / "page_broken.html")
    bad.text += " BREAK"
    errors = pipeline.annotate([good, bad, good])
    assert errors[0] is None and errors[2] is None
    assert isinstance(errors[1], InputError) and "ValueError: component broke" in str(errors[1])
    assert pipeline.timing.components["newsdesk_quotes"] > 0 and pipeline.timing.spacy > 0


def test_one_model_per_process_however_it_is_asked_for() -> None:
    # get_nlp() and get_nlp(None) once keyed two caches: every ingest worker loaded the model twice.
    from newsdesk.annotate import DEFAULT_MODEL
    from newsdesk.pipeline import Pipeline

    assert Pipeline().nlp is Pipeline(model=None).nlp is Pipeline(model=DEFAULT_MODEL).nlp


def test_the_pipeline_is_built_from_the_component_registry() -> None:
    from newsdesk.components import COMPONENTS
    from newsdesk.pipeline import Pipeline

    nlp = Pipeline().nlp
    ours = [name for name in nlp.pipe_names if name.startswith("newsdesk_") and name in {c.factory for c in COMPONENTS}]
    assert ours == [c.factory for c in COMPONENTS]
    # spaCy checks each component's declared requires/assigns against the order.
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"][c.factory] for c in COMPONENTS)


def test_list_extensions_are_per_doc_not_a_shared_default() -> None:
    from newsdesk.pipeline import Pipeline

    nlp = Pipeline().nlp
    first, second = nlp.make_doc("One text."), nlp.make_doc("Another text.")
    first._.quotes.append("stray")  # an unset list reads as a new list: nothing is shared
    assert second._.quotes == [] and first._.quotes == [] and second._.tone is None


def test_rank_abbreviations_do_not_end_sentences() -> None:
    from newsdesk.pipeline import Pipeline

    doc = Pipeline().nlp("The officer, Army Capt. Dana Pruitt, said the base was safe. Lt. Col. Ann Reed agreed.")
    assert [t.text for t in doc][4] == "Capt."
    assert [s.text for s in doc.sents] == [
        "The officer, Army Capt. Dana Pruitt, said the base was safe.",
        "Lt. Col. Ann Reed agreed.",
    ]
