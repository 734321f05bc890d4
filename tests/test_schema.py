"""The shipped JSON Schema matches the record types, and records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import newsdesk
from newsdesk.record import json_schema

SCHEMA_FILE = Path(newsdesk.__file__).parent / "schema" / "article.schema.json"


def test_shipped_schema_is_up_to_date() -> None:
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == json_schema(), "run `make schema` to regenerate src/newsdesk/schema/article.schema.json"


def test_records_validate_against_the_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    examples = Path(newsdesk.__file__).parent / "examples"
    for path in sorted(examples.iterdir()):
        record = json.loads(newsdesk.extract(path).to_json())
        jsonschema.validate(record, schema)
