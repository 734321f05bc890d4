"""The pipeline: read → clean → (annotate → extract) over one :class:`Article`.

This module only wires stages together; each stage lives in its own sub-package and
talks to the others through the record types in :mod:`newsdesk.record`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsdesk.annotate import BATCH_SIZE, annotate
from newsdesk.clean import clean, detect_language
from newsdesk.errors import InputError
from newsdesk.extract import COMPONENTS, fill
from newsdesk.ids import article_id
from newsdesk.read import DEFAULT_MAX_BYTES, InputFormatOption, iter_documents, read
from newsdesk.record import Article, Cleaned, Document

# Fewer body words than this means the cleaner found navigation, not an article. The
# shortest real bodies seen: 12 words (a PolNeAR brief), 42 (article-extraction benchmark).
MIN_BODY_WORDS = 10


def extract(
    source: str | bytes | Path,
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Turn one page into an :class:`Article`.

    ``source`` is a path, an http(s) URL, ``"-"`` for stdin, ``bytes`` of a page, or the
    page's text itself (a string with a newline or ``<`` in it). ``input_format`` is
    ``auto`` (HTML or scraped text, told apart by content), ``html``, ``text`` or
    ``article`` (already clean: kept verbatim). ``url`` is the page's address when
    reading from a file. Raises :class:`~newsdesk.errors.InputError` with a one-line
    reason when the input is not a usable article.
    """
    return process(read(source, input_format=input_format, url=url, max_bytes=max_bytes))


def extract_many(
    sources: Iterable[str | bytes | Path],
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[str, Article | InputError]]:
    """Extract many pages, in input order, annotating them in batches with ``nlp.pipe``.

    Yields ``(name, article)`` or ``(name, error)`` for each source (each page of a WARC
    file): a bad page is an :class:`InputError` in the stream, never an exception that
    stops the batch.
    """
    pending: list[tuple[str, Article | InputError]] = []
    for name, doc in iter_documents(sources, input_format=input_format, url=url, max_bytes=max_bytes):
        if isinstance(doc, InputError):
            pending.append((name, doc))
        else:
            try:
                pending.append((name, prepare(doc)))
            except InputError as exc:
                pending.append((name, exc))
            except Exception as exc:  # a cleaner bug on one page must not stop the others
                pending.append((name, InputError(f"internal error: {type(exc).__name__}: {exc}")))
        if len(pending) >= batch_size:
            yield from _annotated(pending)
            pending = []
    yield from _annotated(pending)


def _annotated(batch: list[tuple[str, Article | InputError]]) -> list[tuple[str, Article | InputError]]:
    """Annotate a batch's articles; one that breaks a component becomes an :class:`InputError`."""
    errors = iter(annotate_isolated([item for _, item in batch if isinstance(item, Article)]))
    out: list[tuple[str, Article | InputError]] = []
    for name, item in batch:
        if isinstance(item, Article) and (exc := next(errors)) is not None:
            out.append((name, InputError(f"internal error in annotation: {type(exc).__name__}: {exc}")))
        else:
            out.append((name, item))
    return out


def annotate_isolated(articles: list[Article]) -> list[Exception | None]:
    """Annotate ``articles`` as one batch; if that fails, one by one, so only the article that
    breaks a component fails. Returns, per article, the exception it raised or ``None``
    (``NEWSDESK_DEBUG=1`` re-raises the batch's failure instead)."""
    try:
        annotate_articles(articles)
        return [None] * len(articles)
    except Exception:
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
    errors: list[Exception | None] = []
    for article in articles:
        try:
            annotate_articles([article])
            errors.append(None)
        except Exception as exc:
            errors.append(exc)
    return errors


def process(doc: Document) -> Article:
    """Clean, annotate and extract one decoded document."""
    article = prepare(doc)
    annotate_articles([article])
    return article


def annotate_articles(articles: list[Article]) -> None:
    """Run spaCy and the extraction components over the English articles, batched."""
    english = [a for a in articles if a.language == "en"]
    if not english or not COMPONENTS:
        return
    for article, nlp_doc in zip(english, annotate(a.text for a in english), strict=True):
        fill(article, nlp_doc)


def prepare(doc: Document) -> Article:
    """Clean a decoded document and build its record, before any NLP."""
    cleaned = clean(doc)
    article = assemble(doc, cleaned)
    if len(article.body.split()) < MIN_BODY_WORDS:
        raise InputError(f"no article text found (fewer than {MIN_BODY_WORDS} words of body text)")
    article.language = detect_language(article.body) or cleaned.language
    if article.language != "en":
        article.warnings.append(
            f"language is {article.language or 'unknown'}: the English-only stages "
            "(entities, quotes, claims, places) were skipped"
        )
    return article


def assemble(doc: Document, cleaned: Cleaned) -> Article:
    """Join headline and paragraphs into ``text`` and fill the record's metadata."""
    if cleaned.verbatim is not None:
        text = cleaned.verbatim
        body_start = text.find("\n\n") + 2 if cleaned.title else 0
    else:
        body = "\n\n".join(cleaned.paragraphs)
        text = f"{cleaned.title}\n\n{body}" if cleaned.title else body
        body_start = len(cleaned.title) + 2 if cleaned.title else 0
    return Article(
        id=article_id(doc.url, text),
        text=text,
        body_start=body_start,
        input_format=doc.input_format,
        url=doc.url,
        site=cleaned.site or _site(doc.url),
        source_path=doc.source_path,
        title=cleaned.title,
        section=cleaned.section,
        byline=cleaned.byline,
        authors=list(cleaned.authors),
        published=cleaned.published,
        warnings=[*doc.warnings, *cleaned.warnings],
        removed=list(cleaned.removed),
    )


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower().removeprefix("www.") if host else None
