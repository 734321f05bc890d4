"""A text longer than spaCy annotates in one piece goes in paragraph-aligned chunks, joined back with the
text's own offsets; one over the documented maximum is refused in one line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk import pipeline
from newsdesk.annotate.chunks import CHUNK_CHARACTERS, annotate_in_chunks, chunk_ends, chunk_limit, split
from newsdesk.budget import ARTICLE_SECONDS, article_seconds
from newsdesk.errors import InputError
from newsdesk.pipeline import MAX_CHARACTERS, RAW_TEXT_FACTOR, Pipeline
from newsdesk.record import Document
from record_checks import check_spans

FILLER = (
    "The ferry company of Dunmere said on Friday that its two older boats would be retired next year. "
    "Crews will be offered places on the new vessels, which are being built at a yard on the coast."
)
# Only in the paragraphs after the filler, so whatever is found here was found in a later chunk.
LATE = (
    '"We will not cut a single crossing while the new boats are tested," said Odile Marchetti, '
    "the company's chief executive, at the harbour in Rotterdam."
)
SMALL_LIMIT = 3_000


def long_text(paragraphs: int) -> str:
    """A headline, ``paragraphs`` of filler, then the late paragraph: just over a few small chunks."""
    return "Dunmere ferries to retire two boats\n\n" + "\n\n".join([FILLER] * paragraphs + [LATE]) + "\n"


@pytest.fixture(scope="module")
def small_model() -> Iterator[Pipeline]:
    """The loaded pipeline with spaCy's limit lowered, so a few thousand characters count as long."""
    runner = Pipeline()
    nlp = runner.nlp
    saved = nlp.max_length
    nlp.max_length = SMALL_LIMIT
    try:
        yield runner
    finally:
        nlp.max_length = saved


def test_chunks_end_at_paragraph_breaks_and_join_back() -> None:
    text = "\n\n".join(f"Paragraph {i} is here." for i in range(40))
    chunks = split(text, 100)
    assert "".join(chunks) == text
    assert all(len(c) <= 100 for c in chunks) and all(c.endswith("\n\n") for c in chunks[:-1])


def test_one_long_paragraph_is_cut_at_a_sentence_then_a_space_then_anywhere() -> None:
    sentences = "One short sentence here. " * 20
    assert all(c.endswith(". ") for c in split(sentences, 60)[:-1])
    words = "word " * 40
    assert all(c.endswith(" ") for c in split(words, 23)[:-1])
    assert split("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_text_within_the_limit_is_one_chunk() -> None:
    assert chunk_ends("short text", 100) == [10]
    assert split("", 100) == [""]
    with pytest.raises(ValueError, match="too small"):
        chunk_ends("text", 1)


@settings(max_examples=200, derandomize=True)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=2, max_value=50))
def test_chunks_always_join_back_within_the_limit(text: str, limit: int) -> None:
    chunks = split(text, limit)
    assert "".join(chunks) == text and all(len(c) <= limit for c in chunks)
    # every chunk but the last holds at least half the limit, so the count is bounded
    assert all(len(c) >= limit // 2 for c in chunks[:-1])


def test_the_budget_grows_with_the_text() -> None:
    assert article_seconds(0) == article_seconds(100_000) == ARTICLE_SECONDS
    assert article_seconds(100_001) == 2 * ARTICLE_SECONDS
    assert article_seconds(MAX_CHARACTERS) == MAX_CHARACTERS // 100_000 * ARTICLE_SECONDS


def test_the_chunked_doc_has_the_text_and_a_sentence_at_each_cut(small_model: Pipeline) -> None:
    nlp = small_model.nlp
    text = long_text(40)
    assert chunk_limit(nlp) == SMALL_LIMIT < len(text) and CHUNK_CHARACTERS > SMALL_LIMIT
    with nlp.select_pipes(disable=pipeline._factories()):
        doc = annotate_in_chunks(nlp, text)
    assert doc.text == text
    starts = {token.idx for token in doc if token.is_sent_start}
    assert set(chunk_ends(text, SMALL_LIMIT)[:-1]) <= starts
    assert [(e.start_char, e.text) for e in doc.ents if e.text == "Odile Marchetti"] == [
        (text.index("Odile Marchetti"), "Odile Marchetti")
    ]


def test_a_long_article_is_annotated_with_every_offset_in_its_text(small_model: Pipeline) -> None:
    text = long_text(40)
    article = small_model.extract(Document(content=text, input_format="article"))
    assert article.text == text and len(chunk_ends(text, SMALL_LIMIT)) >= 3
    check_spans(article)
    late = text.index(LATE)
    assert late >= chunk_ends(text, SMALL_LIMIT)[1]  # past the second chunk
    (quote,) = [q for q in article.quotes if q.content and q.content[0].start >= late]
    assert quote.speaker is not None and quote.speaker.name == "Odile Marchetti"
    assert quote.speaker.start == text.index("Odile Marchetti")
    assert quote.content[0].start == late and "We will not cut" in text[late : quote.content[0].end]
    person = next(e for e in article.entities if e.name == "Odile Marchetti")
    assert [m.start for m in person.mentions] == [text.index("Odile Marchetti")]
    assert any(p.mentions and p.mentions[0].start == text.index("Rotterdam") for p in article.places)


def test_the_chunked_annotation_finds_what_the_whole_one_finds(small_model: Pipeline) -> None:
    text = long_text(20)
    chunked = small_model.extract(Document(content=text, input_format="article"))
    small_model.nlp.max_length = len(text)
    try:
        whole = small_model.extract(Document(content=text, input_format="article"))
    finally:
        small_model.nlp.max_length = SMALL_LIMIT
    assert [(q.speaker, q.content) for q in chunked.quotes] == [(q.speaker, q.content) for q in whole.quotes]
    assert [(e.name, e.mentions) for e in chunked.entities] == [(e.name, e.mentions) for e in whole.entities]
    assert [(c.start, c.end) for c in chunked.claims] == [(c.start, c.end) for c in whole.claims]


def test_a_text_over_the_maximum_is_refused_in_one_line(small_model: Pipeline) -> None:
    refusal = f"too long: {MAX_CHARACTERS + 1:,} characters (the limit is {MAX_CHARACTERS:,})"
    text = long_text(2)
    text += "x" * (MAX_CHARACTERS + 1 - len(text))
    with pytest.raises(InputError) as raised:
        small_model.extract(Document(content=text, input_format="article"))
    assert raised.value.reason == refusal
    article = small_model.prepare(Document(content=long_text(2), input_format="article"))
    article.text = text  # an article handed to annotate directly is checked too
    assert [error.reason if error else None for error in small_model.annotate([article])] == [refusal]


def test_a_scraped_text_far_over_the_maximum_is_refused_before_cleaning(small_model: Pipeline) -> None:
    size = RAW_TEXT_FACTOR * MAX_CHARACTERS + 1
    text = ("Word " * (size // 5 + 1))[:size]
    with pytest.raises(InputError) as raised:
        small_model.prepare(Document(content=text, input_format="text"))
    assert raised.value.reason == f"too long: {size:,} characters (the limit is {RAW_TEXT_FACTOR * MAX_CHARACTERS:,})"
