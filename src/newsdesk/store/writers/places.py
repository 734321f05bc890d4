"""Writing a batch's places, one statement: one row per distinct place, with its mention count and first mention."""

from __future__ import annotations

from newsdesk.store.writers import ArticleRows, Batch, writer


@writer("places")
def write_places(batch: Batch) -> None:
    """Insert the articles' places, each linked to the entity that names it when there is one."""
    batch.db.copy_rows("places", _COLUMNS, [row for rows in batch.articles for row in _rows(rows)])


_COLUMNS = (
    "article_id", "name", "kind", "country", "iso3", "fips", "geonameid", "lat", "lon", "entity_id", "focus",
    "mention_count", "first_char", "confidence",
)  # fmt: skip


def _rows(rows: ArticleRows) -> list[tuple[object, ...]]:
    """One article's place rows."""
    entity_ids = rows.ids["entities"]
    return [
        (
            rows.pk,
            p.name,
            p.kind,
            p.country,
            p.iso3,
            p.fips,
            p.geonameid,
            p.lat,
            p.lon,
            entity_ids.get(p.entity) if p.entity else None,
            int(p.focus),
            max(len(p.mentions), 1),
            min((m.start for m in p.mentions), default=None),
            p.confidence,
        )
        for p in rows.article.places
    ]
