"""The pipeline: read → clean → annotate → extract over one :class:`Article`.

:class:`Pipeline` is the one object that runs the stages: it loads the spaCy model with the
extract stage's components once per process, batches articles through ``nlp.pipe``, isolates
an article that breaks a stage (it becomes an :class:`InputError`, the batch goes on) and
times each stage. ``extract``/``extract_many``, the ingest worker, the Dask task and the
evaluators all run through it. Each stage lives in its own sub-package and talks to the others
through the record types in :mod:`newsdesk.record`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsdesk.annotate.chunks import annotate_in_chunks, chunk_limit
from newsdesk.budget import ARTICLE_SECONDS, OverBudget, article_seconds, time_budget
from newsdesk.clean import clean, detect_language
from newsdesk.clean.words import word_count
from newsdesk.errors import InputError
from newsdesk.extract import fill, load_factories
from newsdesk.ids import article_id
from newsdesk.read import DEFAULT_MAX_BYTES, InputFormatOption, iter_documents, read
from newsdesk.record import Article, Cleaned, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Articles per batch: one nlp.pipe batch, one unit of inter-process transfer and one store
# transaction in ingest. spaCy's default of 1000 holds many long articles in memory at once;
# 32 keeps a worker's memory flat with the same throughput on 2 cores.
BATCH_SIZE = 32
# Fewer body words than this means the cleaner found navigation, not an article. The
# shortest real bodies seen: 12 words (a PolNeAR brief), 42 (article-extraction benchmark).
MIN_BODY_WORDS = 10
# Longest article text taken; a longer one is refused "too long". A long text is annotated in chunks
# (annotate/chunks.py), so memory stays flat: texts we wrote of 1,000,000 and 2,000,000 characters
# peaked at 786 and 882 MB (269 MB with the model loaded), spaCy taking 43 and 93 s of CPU. The
# extraction components grow faster than the text (CPU: 2 s at 100,000 characters, 33 s at 400,000,
# 165 s at 1,000,000; mostly quotes): extrapolated, 2,000,000 characters need about 600-700 s of CPU
# against their budget of 1,200 s, 5,000,000 about 3,000-4,000 s against 3,000. On the shared 2-core
# machine the 1,000,000 text finished in 8.5 minutes; the 2,000,000 one got 377 s of CPU in its
# 1,260 s for the components and was abandoned (one line).
MAX_CHARACTERS = 2_000_000
# A scraped text is refused before cleaning beyond this many times MAX_CHARACTERS: set by hand, a
# generous margin for the page furniture around an article at the limit (not measured).
RAW_TEXT_FACTOR = 2

Outcome = tuple[str, Article | InputError]


@dataclass(slots=True)
class Timing:
    """Seconds spent per stage since the pipeline was made: cleaning, spaCy's own components, and
    each newsdesk component (by factory name)."""

    clean: float = 0.0
    spacy: float = 0.0
    components: dict[str, float] = field(default_factory=dict)

    @property
    def nlp(self) -> float:
        """spaCy and the newsdesk components together: what annotating cost."""
        return self.spacy + sum(self.components.values())


class Pipeline:
    """Runs the stages over articles in batches; see the module docstring."""

    def __init__(self, *, model: str | None = None, batch_size: int = BATCH_SIZE) -> None:
        from newsdesk.annotate import model_name

        self.model = model_name(model)
        self.batch_size = batch_size
        self.timing = Timing()

    @property
    def nlp(self) -> Language:
        """spaCy with newsdesk's components, loaded on first use, once per process and model."""
        return _build(self.model)

    def load(self) -> None:
        """Load the model now (a worker's start-up), not inside its first batch."""
        self.nlp  # noqa: B018  (the property loads and caches it)

    def prepare(self, doc: Document) -> Article:
        """Clean a decoded document into its record, before any NLP (timed as ``clean``; bounded by
        the per-article time budget)."""
        started = time.perf_counter()
        try:
            with time_budget(ARTICLE_SECONDS, "article to clean"):
                return prepare(doc)
        finally:
            self.timing.clean += time.perf_counter() - started

    def extract(self, doc: Document) -> Article:
        """Clean, annotate and extract one document; raises :class:`InputError` when it is no article."""
        article = self.prepare(doc)
        if (error := self.annotate([article])[0]) is not None:
            raise error
        return article

    def run(self, documents: Iterable[tuple[str, Document | InputError]]) -> Iterator[Outcome]:
        """Clean and annotate named documents in input order, ``batch_size`` at a time; a document
        that fails any stage comes out as its :class:`InputError`, never an exception."""
        pending: list[Outcome] = []
        for name, doc in documents:
            pending.append((name, doc if isinstance(doc, InputError) else self._prepared(doc)))
            if len(pending) >= self.batch_size:
                yield from self._annotated(pending)
                pending = []
        yield from self._annotated(pending)

    def annotate(self, articles: list[Article]) -> list[InputError | None]:
        """Annotate the English ``articles`` in place, as one batch; returns per article the error
        that stopped it, or ``None``. One article breaking a stage fails alone."""
        english = [(i, a) for i, a in enumerate(articles) if a.language == "en"]
        errors: list[InputError | None] = [None] * len(articles)
        if not english:
            return errors
        for i, article in english:
            errors[i] = too_long(article.text)
        english = [(i, a) for i, a in english if errors[i] is None]
        docs = self._spacy([a.text for _, a in english])
        for (i, article), doc in zip(english, docs, strict=True):
            errors[i] = doc if isinstance(doc, InputError) else self._extract(article, doc)
        return errors

    def _prepared(self, doc: Document) -> Article | InputError:
        try:
            return self.prepare(doc)
        except InputError as exc:
            return exc
        except Exception as exc:  # a cleaner bug on one page must not stop the others
            if os.environ.get("NEWSDESK_DEBUG"):
                raise
            return InputError(f"internal error: {type(exc).__name__}: {exc}")

    def _annotated(self, batch: list[Outcome]) -> list[Outcome]:
        articles = [item for _, item in batch if isinstance(item, Article)]
        errors = iter(self.annotate(articles))
        return [(name, item if isinstance(item, InputError) else next(errors) or item) for name, item in batch]

    def _spacy(self, texts: list[str]) -> list[Doc | InputError]:
        """spaCy's own components over a batch: the texts within the chunk limit together, each longer
        one alone in chunks (:mod:`newsdesk.annotate.chunks`); results in the order of ``texts``."""
        nlp = self.nlp
        started = time.perf_counter()
        try:
            with nlp.select_pipes(disable=_factories()):
                fits = [len(text) <= chunk_limit(nlp) for text in texts]
                docs = iter(self._batch([text for text, fit in zip(texts, fits, strict=True) if fit]))
                return [next(docs) if fit else self._chunked(text) for text, fit in zip(texts, fits, strict=True)]
        finally:
            self.timing.spacy += time.perf_counter() - started

    def _batch(self, texts: list[str]) -> list[Doc | InputError]:
        """Texts within the chunk limit as one ``nlp.pipe`` batch; if the batch fails, text by text."""
        try:
            with time_budget(_batch_seconds(len(texts)), "batch"):
                return list(self.nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:  # OverBudget included: then each text alone, with its own budget
            if os.environ.get("NEWSDESK_DEBUG"):
                raise
        return [_isolated(self.nlp, text) for text in texts]

    def _chunked(self, text: str) -> Doc | InputError:
        """A long text, annotated alone in chunks within its time budget."""
        return _isolated(partial(annotate_in_chunks, self.nlp), text)

    def _extract(self, article: Article, doc: Doc) -> InputError | None:
        """newsdesk's components over one annotated Doc, timed each, then their results into ``article``."""
        try:
            with time_budget(article_seconds(len(article.text)), "article to extract from"):
                for name in _factories():
                    started = time.perf_counter()
                    doc = self.nlp.get_pipe(name)(doc)
                    self.timing.components[name] = self.timing.components.get(name, 0.0) + time.perf_counter() - started
        except OverBudget as exc:
            return exc
        except Exception as exc:
            if os.environ.get("NEWSDESK_DEBUG"):
                raise
            return InputError(f"internal error in annotation: {type(exc).__name__}: {exc}")
        fill(article, doc)
        return None


def _batch_seconds(texts: int) -> float:
    """A batch's budget in spaCy: one article's, plus two seconds per article (chosen generously, not
    fitted), so a batch of normal pages does not fall back to one by one."""
    return ARTICLE_SECONDS + 2.0 * texts


def _isolated(annotate: Callable[[str], Doc], text: str) -> Doc | InputError:
    """One text through ``annotate`` (the model, or the model in chunks) alone, within the article's
    time budget; what stops it is its error, not the batch's."""
    try:
        with time_budget(article_seconds(len(text)), "article to annotate"):
            return annotate(text)
    except OverBudget as exc:
        return exc
    except Exception as exc:
        return InputError(f"internal error in annotation: {type(exc).__name__}: {exc}")


@lru_cache(maxsize=1)
def _factories() -> list[str]:
    return load_factories()


# Keyed by the resolved model name, so every Pipeline of a process shares one loaded model.
@lru_cache(maxsize=2)
def _build(model: str) -> Language:
    from newsdesk.annotate import load_model

    nlp = load_model(model)
    for name in _factories():
        nlp.add_pipe(name)
    return nlp


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
    return Pipeline().extract(read(source, input_format=input_format, url=url, max_bytes=max_bytes))


def extract_many(
    sources: Iterable[str | bytes | Path],
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Extract many pages, in input order, annotating them in batches with ``nlp.pipe``.

    Yields ``(name, article)`` or ``(name, error)`` for each source (each page of a WARC
    file): a bad page is an :class:`InputError` in the stream, never an exception that
    stops the batch.
    """
    documents = iter_documents(sources, input_format=input_format, url=url, max_bytes=max_bytes)
    yield from Pipeline(batch_size=batch_size).run(documents)


def prepare(doc: Document) -> Article:
    """Clean a decoded document and build its record, before any NLP."""
    if (error := too_long_to_clean(doc)) is not None:
        raise error
    cleaned = clean(doc)
    article = assemble(doc, cleaned)
    if (error := too_long(article.text)) is not None:
        raise error
    if word_count(article.body) < MIN_BODY_WORDS:
        raise InputError(f"no article text found (fewer than {MIN_BODY_WORDS} words of body text)")
    article.language = detect_language(article.body) or cleaned.language
    if article.language != "en":
        article.warnings.append(
            f"language is {article.language or 'unknown'}: the English-only stages "
            "(entities, quotes, claims, places) were skipped"
        )
    return article


def too_long_to_clean(doc: Document) -> InputError | None:
    """The refusal of a plain or article text too long to be an article even once cleaned, before
    the cleaner spends its budget on it: an article text is kept verbatim, and the text cleaner
    drops page furniture, which is seldom as long as the article (a 13 MB scraped text waited
    the whole 60 s cleaning budget before its refusal). HTML is bounded by its byte cap instead."""
    if doc.input_format == "html":
        return None
    limit = MAX_CHARACTERS if doc.input_format == "article" else RAW_TEXT_FACTOR * MAX_CHARACTERS
    return too_long(doc.content, limit)


def too_long(text: str, limit: int = MAX_CHARACTERS) -> InputError | None:
    """The refusal of a text over ``limit`` characters (:data:`MAX_CHARACTERS`), or ``None``: checked
    as soon as the text is known, and again for an article handed to :meth:`Pipeline.annotate` directly."""
    if len(text) <= limit:
        return None
    return InputError(f"too long: {len(text):,} characters (the limit is {limit:,})")


def assemble(doc: Document, cleaned: Cleaned) -> Article:
    """Join headline and paragraphs into ``text`` and fill the record's metadata.

    The article's URL (and with it the id and the site) is the one the caller gave (``--url``, the
    fetched or archived address), where the page really came from; else the one the page
    declares for itself, which a saved or piped page carries only in its markup.
    """
    url = doc.url or cleaned.url
    if cleaned.verbatim is not None:
        text = cleaned.verbatim
        body_start = text.find("\n\n") + 2 if cleaned.title else 0
    else:
        body = "\n\n".join(cleaned.paragraphs)
        text = f"{cleaned.title}\n\n{body}" if cleaned.title else body
        body_start = len(cleaned.title) + 2 if cleaned.title else 0
    return Article(
        id=article_id(url, text),
        text=text,
        body_start=body_start,
        input_format=doc.input_format,
        url=url,
        site=cleaned.site or _site(url),
        source_path=doc.source_path,
        title=cleaned.title,
        section=cleaned.section,
        byline=cleaned.byline,
        authors=list(cleaned.authors),
        published=cleaned.published,
        image=cleaned.image,
        warnings=[*doc.warnings, *cleaned.warnings],
        removed=list(cleaned.removed),
    )


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower().removeprefix("www.") if host else None
