"""The per-process half of ingest: read, clean and annotate a batch of inputs (no database here).

Runs in each worker process (or in the main process with ``--workers 1``). The spaCy
pipeline is loaded once per process by :func:`init`; pages are read and cleaned one by one,
then annotated together with ``nlp.pipe`` batching. A page whose cleaned text is already in
the store (same article key and content hash) is reported as unchanged before any NLP.
"""

from __future__ import annotations

import json
import os
import resource
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.ingest.sources import Item, page_meta, sidecar_meta
from newsdesk.pipeline import Pipeline
from newsdesk.read import DEFAULT_MAX_BYTES, read, read_bytes
from newsdesk.read.warc import read_warc_page
from newsdesk.record import SCHEMA_NAME, Article, Document
from newsdesk.store.minhash import signature
from newsdesk.store.text import content_hash


@dataclass(slots=True)
class Parsed:
    """An article ready to store."""

    source: str
    article: Article
    content_hash: str
    signature: bytes | None


@dataclass(slots=True)
class Failed:
    """An input that produced no article, with a one-line reason."""

    source: str
    reason: str


@dataclass(slots=True)
class Known:
    """An input whose article text is already stored: nothing to do."""

    source: str


@dataclass(slots=True)
class BatchResult:
    """What a worker sends back for one batch, plus its peak memory so far."""

    outcomes: list[Parsed | Failed | Known] = field(default_factory=list)
    peak_rss_mb: float = 0.0


_known: Container[tuple[str, str]] = frozenset()
# This process's pipeline: the model is loaded once per process, however many batches it runs.
PIPELINE = Pipeline()


def init(known: Container[tuple[str, str]], load_model: bool) -> None:
    """Process start-up: remember what is stored and load the spaCy pipeline once."""
    global _known
    _known = known
    if load_model:
        PIPELINE.load()


def process_batch(items: list[Item], known: Container[tuple[str, str]] | None = None) -> BatchResult:
    """Turn a batch of inputs into outcomes; one bad input never fails the others. ``known``
    overrides the stored revisions given to :func:`init`, for a process that serves several
    ingest runs (a Dask worker)."""
    stored = _known if known is None else known
    result = BatchResult()
    fresh: list[Parsed] = []  # awaiting NLP; the signature is taken once the body is final
    for item in items:
        source = item.source
        try:
            article, annotated = _load(item)
        except InputError as exc:
            result.outcomes.append(Failed(source, str(exc)))
            continue
        except Exception as exc:  # a reader bug on one page must not stop the batch
            if os.environ.get("NEWSDESK_DEBUG"):
                raise
            result.outcomes.append(Failed(source, f"internal error: {type(exc).__name__}: {exc}"))
            continue
        chash = content_hash(article.text)
        if (article.id, chash) in stored:
            result.outcomes.append(Known(source))
        elif annotated:
            result.outcomes.append(Parsed(source, article, chash, signature(article.body)))
        else:
            fresh.append(Parsed(source, article, chash, None))
    result.outcomes += _annotate(fresh)
    result.peak_rss_mb = peak_memory_mb()
    return result


def peak_memory_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    fork + exec, so a spawned worker would report its parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _annotate(fresh: list[Parsed]) -> list[Parsed | Failed | Known]:
    """NLP over the whole batch at once (the pipeline isolates a page that breaks a stage);
    the annotated pages first, then the failed ones."""
    errors = PIPELINE.annotate([parsed.article for parsed in fresh])
    done: list[Parsed | Failed | Known] = []
    failed: list[Parsed | Failed | Known] = []
    for parsed, exc in zip(fresh, errors, strict=True):
        if exc is None:
            parsed.signature = signature(parsed.article.body)
            done.append(parsed)
        else:
            failed.append(Failed(parsed.source, str(exc)))
    return done + failed


def _load(item: Item) -> tuple[Article, bool]:
    """The item's article before NLP, and whether it arrived already annotated (a stored record)."""
    if item.error:
        raise InputError(item.error)
    if item.jsonl:
        return _jsonl_article(item.jsonl)
    if item.warc:
        path, offset, name = item.warc
        body = read_warc_page(Path(path), offset, max_bytes=DEFAULT_MAX_BYTES)
        return PIPELINE.prepare(read_bytes(body, url=item.url, source_path=name)), False
    meta = item.meta.over(sidecar_meta(Path(item.path))) if item.path else item.meta
    if item.path:
        doc = read(Path(item.path), input_format=meta.input_format, url=meta.url or item.url)
        doc.source_path = item.source
    else:
        doc = read(item.url or "", input_format=meta.input_format)
    article = PIPELINE.prepare(doc)
    meta.apply(article)
    return article, False


def _jsonl_article(where: tuple[str, int]) -> tuple[Article, bool]:
    path, offset = where
    with open(path, "rb") as handle:
        handle.seek(offset)
        line = handle.readline()
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be a page or a record") from None
    if not isinstance(data, dict):
        raise InputError('a JSONL line must be an object: {"url", "html"} or {"url", "text"}')
    if data.get("schema") == SCHEMA_NAME:
        try:
            record = Article.from_dict(data)
        except ValueError as exc:
            raise InputError(f"not a valid {SCHEMA_NAME} record: {' '.join(str(exc).split())[:200]}") from None
        if problem := record.broken_invariant():
            raise InputError(f"not a valid {SCHEMA_NAME} record: {problem}")
        return record, True
    meta = page_meta(data, "this line")
    for fmt in ("html", "text"):
        content = data.get(fmt)
        if isinstance(content, str):
            given = meta.input_format if meta.input_format != "auto" else fmt
            doc: Document = read_bytes(content.encode("utf-8"), input_format=given, url=meta.url)
            article = PIPELINE.prepare(doc)
            meta.apply(article)
            return article, False
    raise InputError('a JSONL line needs "html" or "text" (a string)')
