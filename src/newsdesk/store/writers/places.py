"""Writing an article's places: one row per distinct place, with its mention count and first mention."""

from __future__ import annotations

from newsdesk.store.writers import ArticleRows, writer


@writer("places")
def write_places(rows: ArticleRows) -> None:
    """Insert the article's places, linked to the entity that names them when there is one."""
    entity_ids = rows.ids["entities"]
    rows.db.executemany(
        "INSERT INTO places (article_id, name, kind, country, iso3, fips, geonameid, lat, lon, entity_id, focus, "
        "mention_count, first_char, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
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
        ],
    )
