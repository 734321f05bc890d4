"""Writing an article's quotes, each into its quote group ("one statement, N sources").

A quote joins the group of the same speaker saying the same words (equal key), else — inside
the article's story group — the group of a near-identical quote by the same speaker (wire
copies trimmed or lightly edited), else a new group. Lookups and inserts are batched per
batch of articles, as in :mod:`newsdesk.store.writers.entities`: the story's stored quotes are
read once, before revised articles' old quotes are deleted, and each article also sees the
quotes of the batch's earlier articles, as it would had they been written one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.record import Article, Quote
from newsdesk.store.backend import Backend, Row
from newsdesk.store.text import digest, jaccard, now, words
from newsdesk.store.writers import ArticleRows, Batch, preparer, writer
from newsdesk.vocab.names import fold

# Two quotes by one speaker inside one story group are the same statement when their word
# sets overlap this much: one changed or dropped word in a ten-word quote scores 0.82, a
# quote cut to its first half about 0.5. Set by reasoning on such edits, not fitted to data.
QUOTE_SIMILARITY = 0.7


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One quote ready to store: its printed words, who said it, and its statement key."""

    quote: Quote
    content: str
    speaker_id: int | None
    speaker_name: str | None
    key: str


# A quote's group: a stored group's id, or the key of a group the batch creates.
_Ref = int | str


@preparer("quotes")
def prepare_quotes(batch: Batch) -> None:
    """The stored quotes of the batch's story groups, by id, as they were before the batch."""
    groups = sorted({rows.story_group for rows in batch.articles if rows.article.quotes})
    batch.before["quotes"] = batch.db.query_in(
        "SELECT q.article_id, a.story_group_id, q.quote_group_id, q.content, q.speaker_entity_id, q.speaker_name "
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.story_group_id IN ({marks}) ORDER BY q.id",
        groups,
    )


@writer("quotes")
def write_quotes(batch: Batch) -> None:
    """Insert the quotes, each in its quote group (``ids["quotes"]``: local quote id → row id)."""
    prepared = [[_prepare(r.article, q, r.ids["entities"]) for q in r.article.quotes] for r in batch.articles]
    keys = sorted({item.key for items in prepared for item in items})
    stored = {
        row["key"]: int(row["id"])
        for row in batch.db.query_in("SELECT id, key FROM quote_groups WHERE key IN ({marks})", keys)
    }
    fresh: dict[str, _Prepared] = {}  # the groups to create, by key: the first quote of a key names its group
    written: list[Row] = []  # the batch's quotes so far, as sibling rows
    chosen: list[list[_Ref]] = []
    for position, (rows, items) in enumerate(zip(batch.articles, prepared, strict=True)):
        story = _Story(batch.before["quotes"], written, rows, batch.revised_before(position))
        refs = [_group_for(item, stored, fresh, story) for item in items]
        for item, ref in zip(items, refs, strict=True):
            if ref == item.key:
                fresh.setdefault(item.key, item)
        written += [_sibling(rows, item, ref) for item, ref in zip(items, refs, strict=True)]
        chosen.append(refs)
    stored.update(_new_groups(batch.db, list(fresh.values())))
    _insert(batch, prepared, [[ref if isinstance(ref, int) else stored[ref] for ref in refs] for refs in chosen])


@dataclass(slots=True)
class _Story:
    """The other quotes of an article's story group when it is written: the stored ones (but those of
    articles the batch revised before it) and those of the batch's earlier articles; read once, if needed."""

    stored: list[Row]
    written: list[Row]
    rows: ArticleRows
    gone: set[int]
    _siblings: list[Row] | None = None

    def siblings(self) -> list[Row]:
        if self._siblings is None:
            group, pk = self.rows.story_group, self.rows.pk
            stored = [r for r in self.stored if r["article_id"] not in self.gone]
            self._siblings = [
                r for r in (*stored, *self.written) if r["story_group_id"] == group and r["article_id"] != pk
            ]
        return self._siblings


def _group_for(item: _Prepared, stored: dict[str, int], fresh: dict[str, _Prepared], story: _Story) -> _Ref:
    """By equal key, else a near-identical quote in the story, else a new group (its key)."""
    if item.key in stored:
        return stored[item.key]
    if item.key in fresh:
        return item.key
    found = _similar_quote(story.siblings(), item)
    return item.key if found is None else found


def _sibling(rows: ArticleRows, item: _Prepared, ref: _Ref) -> Row:
    """A quote of the batch as later articles of its story group see it."""
    return {
        "article_id": rows.pk,
        "story_group_id": rows.story_group,
        "quote_group_id": ref,
        "content": item.content,
        "speaker_entity_id": item.speaker_id,
        "speaker_name": item.speaker_name,
    }


def _insert(batch: Batch, prepared: list[list[_Prepared]], groups: list[list[int]]) -> None:
    """All the batch's quotes in one statement; each article's ``ids["quotes"]`` (local id → row id)."""
    values = []
    for rows, items, ids in zip(batch.articles, prepared, groups, strict=True):
        entity_ids = rows.ids["entities"]
        titles = {entity.id: "; ".join(entity.titles) for entity in rows.article.entities if entity.id in entity_ids}
        values += [_row(rows.pk, item, group, titles) for item, group in zip(items, ids, strict=True)]
    pks = iter(batch.db.insert_ids("quotes", _COLUMNS, values))
    for rows, items in zip(batch.articles, prepared, strict=True):
        rows.ids["quotes"] = {item.quote.id: next(pks) for item in items}


_COLUMNS = (
    "article_id", "local_id", "quote_group_id", "speaker_entity_id", "speaker_name", "speaker_title", "content", "cue",
    "cue_lemma", "kind", "stance", "via_medium", "via_outlet", "tone", "start_char", "end_char", "confidence",
    "source_phrase",
)  # fmt: skip


def _prepare(article: Article, quote: Quote, entity_ids: dict[str, int]) -> _Prepared:
    content = " … ".join(article.text[span.start : span.end] for span in quote.content)
    speaker = quote.speaker
    speaker_id = entity_ids.get(speaker.entity) if speaker and speaker.entity else None
    speaker_name = speaker.name if speaker else None
    identity = f"entity:{speaker_id}" if speaker_id else f"name:{fold(speaker_name or '')}"
    return _Prepared(quote, content, speaker_id, speaker_name, digest(identity, " ".join(words(content))))


def _row(article_pk: int, item: _Prepared, group: int, titles: dict[str, str]) -> tuple[object, ...]:
    quote = item.quote
    start, end = _extent(quote)
    speaker = quote.speaker
    return (
        article_pk,
        quote.id,
        group,
        item.speaker_id,
        item.speaker_name,
        titles.get(speaker.entity or "") if speaker else None,
        item.content,
        quote.cue.text if quote.cue else None,
        quote.cue.lemma if quote.cue else None,
        quote.kind,
        quote.stance,
        quote.via.medium if quote.via else None,
        quote.via.outlet if quote.via else None,
        quote.tone,
        start,
        end,
        quote.confidence,
        quote.source_phrase.text if quote.source_phrase else None,
    )


def _new_groups(db: Backend, prepared: list[_Prepared]) -> dict[str, int]:
    """Create the groups of quotes said nowhere else, in order (the first quote of a key names its group)."""
    if not prepared:
        return {}
    stamp = now()
    db.insert_rows(
        "INSERT INTO quote_groups (key, speaker_entity_id, speaker_name, content, first_seen)",
        [(item.key, item.speaker_id, item.speaker_name, item.content, stamp) for item in prepared],
        "ON CONFLICT (key) DO NOTHING",
    )
    rows = db.query_in("SELECT id, key FROM quote_groups WHERE key IN ({marks})", [item.key for item in prepared])
    return {row["key"]: int(row["id"]) for row in rows}


def _extent(quote: Quote) -> tuple[int, int]:
    """From the first to the last character of the quote's speaker, cue and content."""
    starts = [span.start for span in quote.content]
    ends = [span.end for span in quote.content]
    for part in (quote.speaker, quote.cue):
        if part is not None:
            starts.append(part.start)
            ends.append(part.end)
    return (min(starts), max(ends)) if starts else (0, 0)


def _similar_quote(siblings: list[Row], item: _Prepared) -> _Ref | None:
    """The quote group of a near-identical quote by the same speaker in the same story group."""
    best: tuple[float, _Ref] | None = None
    for row in siblings:
        same_speaker = (
            item.speaker_id == row["speaker_entity_id"]
            if item.speaker_id and row["speaker_entity_id"]
            else fold(item.speaker_name or "") == fold(row["speaker_name"] or "")
        )
        if not same_speaker:
            continue
        score = jaccard(item.content, row["content"])
        if score >= QUOTE_SIMILARITY and (best is None or score > best[0]):
            best = (score, row["quote_group_id"])
    return best[1] if best else None
