"""Versioned schema migrations, one numbered module per step (``v0001_initial.py``, …).

Each step module holds a ``DESCRIPTION`` and SQL: ``PORTABLE`` (runs on both backends, with
``{pk}`` and ``{blob}`` type tokens) and optionally ``SQLITE`` / ``POSTGRESQL`` for what
cannot be portable (full-text search), and optionally ``apply(db)``: Python run after the SQL,
for a step that rewrites stored rows by rules SQL cannot state (re-linking entities). A step
runs in one transaction together with its row in ``schema_version``, under a lock, so two
processes opening a new store at once, or a crash half-way, never leave a half-migrated schema.
Never edit a released step: add one.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from newsdesk.store.backend import Backend, StoreError
from newsdesk.store.text import now

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def steps() -> list[tuple[int, ModuleType]]:
    """The migration modules in version order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("v") and info.name[1:5].isdigit():
            found.append((int(info.name[1:5]), importlib.import_module(f"{__name__}.{info.name}")))
    return sorted(found, key=lambda pair: pair[0])


def current_version(db: Backend) -> int:
    """The highest applied version, 0 for an empty database."""
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version") or 0)


def migrate(db: Backend) -> int:
    """Apply every pending step; returns the schema version now in force."""
    known = steps()
    latest = known[-1][0] if known else 0
    if current_version(db) == latest:
        return latest
    for version, module in known:
        with db.transaction():
            db.lock_migrations()
            db.execute(_VERSION_TABLE)
            applied = current_version(db)
            if applied > latest:
                raise StoreError(f"the store has schema version {applied}, newer than this newsdesk ({latest})")
            if version <= applied:
                continue
            if module.PORTABLE.strip():
                db.script(_substitute(module.PORTABLE, db))
            specific = getattr(module, db.name.upper(), None)
            if specific:
                db.script(_substitute(specific, db))
            rewrite = getattr(module, "apply", None)  # a step that rewrites rows, not only the schema
            if rewrite is not None:
                rewrite(db)
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (version, module.DESCRIPTION, now()),
            )
    return latest


def _substitute(sql: str, db: Backend) -> str:
    for token, replacement in db.type_tokens().items():
        sql = sql.replace(token, replacement)
    return sql
