"""Writing an article's quotes, each into its quote group ("one statement, N sources").

A quote joins the group of the same speaker saying the same words (equal key), else — inside
the article's story group — the group of a near-identical quote by the same speaker (wire
copies trimmed or lightly edited), else a new group. Lookups and inserts are batched per
article, as in :mod:`newsdesk.store.writers.entities`.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.record import Article, Quote
from newsdesk.store.backend import Backend, Row
from newsdesk.store.text import digest, jaccard, now, words
from newsdesk.store.writers import ArticleRows, writer
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


@writer("quotes")
def write_quotes(rows: ArticleRows) -> None:
    """Insert the quotes, each in its quote group (``ids["quotes"]``: local quote id → row id)."""
    rows.ids["quotes"] = {}
    prepared = [_prepare(rows.article, quote, rows.ids["entities"]) for quote in rows.article.quotes]
    if not prepared:
        return
    groups = _groups_for(rows, prepared)
    titles = {
        entity.id: "; ".join(entity.titles) for entity in rows.article.entities if entity.id in rows.ids["entities"]
    }
    rows.db.executemany(
        "INSERT INTO quotes (article_id, local_id, quote_group_id, speaker_entity_id, speaker_name, "
        "speaker_title, content, cue, cue_lemma, kind, stance, via_medium, via_outlet, tone, start_char, end_char, "
        "confidence, source_phrase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_row(rows.pk, item, group, titles) for item, group in zip(prepared, groups, strict=True)],
    )
    rows.ids["quotes"] = {
        row["local_id"]: int(row["id"])
        for row in rows.db.query("SELECT id, local_id FROM quotes WHERE article_id = ?", (rows.pk,))
    }


def _prepare(article: Article, quote: Quote, entity_ids: dict[str, int]) -> _Prepared:
    content = " … ".join(article.text[span.start : span.end] for span in quote.content)
    speaker = quote.speaker
    speaker_id = entity_ids.get(speaker.entity) if speaker and speaker.entity else None
    speaker_name = speaker.name if speaker else None
    identity = f"entity:{speaker_id}" if speaker_id else f"name:{fold(speaker_name or '')}"
    return _Prepared(quote, content, speaker_id, speaker_name, digest(identity, " ".join(words(content))))


def _groups_for(rows: ArticleRows, prepared: list[_Prepared]) -> list[int]:
    """Each quote's group id: by equal key, else a near-identical quote in the story, else a new group."""
    keys = sorted({item.key for item in prepared})
    groups = {
        row["key"]: int(row["id"])
        for row in rows.db.query(f"SELECT id, key FROM quote_groups WHERE key IN ({', '.join('?' * len(keys))})", keys)
    }
    siblings: list[Row] | None = None
    chosen: list[int | str] = []  # a group id, or the key of a group to create
    for item in prepared:
        group = groups.get(item.key)
        if group is None:
            if siblings is None:
                siblings = rows.db.query(
                    "SELECT q.quote_group_id, q.content, q.speaker_entity_id, q.speaker_name FROM quotes q "
                    "JOIN articles a ON a.id = q.article_id WHERE a.story_group_id = ? AND q.article_id <> ?",
                    (rows.story_group, rows.pk),
                )
            group = _similar_quote(siblings, item)
        chosen.append(item.key if group is None else group)
    fresh = [item for item, choice in zip(prepared, chosen, strict=True) if isinstance(choice, str)]
    groups.update(_new_groups(rows.db, fresh))
    return [groups[choice] if isinstance(choice, str) else choice for choice in chosen]


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
    """Create the groups of quotes said nowhere else (the first quote of a key names its group)."""
    if not prepared:
        return {}
    stamp = now()
    first: dict[str, tuple[str, int | None, str | None, str, str]] = {}
    for item in prepared:
        first.setdefault(item.key, (item.key, item.speaker_id, item.speaker_name, item.content, stamp))
    db.executemany(
        "INSERT INTO quote_groups (key, speaker_entity_id, speaker_name, content, first_seen) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        list(first.values()),
    )
    marks = ", ".join("?" * len(first))
    return {
        row["key"]: int(row["id"])
        for row in db.query(f"SELECT id, key FROM quote_groups WHERE key IN ({marks})", list(first))
    }


def _extent(quote: Quote) -> tuple[int, int]:
    """From the first to the last character of the quote's speaker, cue and content."""
    starts = [span.start for span in quote.content]
    ends = [span.end for span in quote.content]
    for part in (quote.speaker, quote.cue):
        if part is not None:
            starts.append(part.start)
            ends.append(part.end)
    return (min(starts), max(ends)) if starts else (0, 0)


def _similar_quote(siblings: list[Row], item: _Prepared) -> int | None:
    """The quote group of a near-identical quote by the same speaker in the same story group."""
    best: tuple[float, int] | None = None
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
            best = (score, int(row["quote_group_id"]))
    return best[1] if best else None
