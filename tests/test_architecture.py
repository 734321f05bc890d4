"""The shape of the code: which packages may load spaCy, and what is derived from the component registry."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsdesk.store
import newsdesk.web
from newsdesk.components import COMPONENTS, component_tables, export_tables


@pytest.mark.parametrize(
    "module",
    [
        "newsdesk.extract",
        "newsdesk.components",
        "newsdesk.record",
        "newsdesk.pipeline",
        "newsdesk.vocab.names",
        "newsdesk.vocab.stance",
        "newsdesk.store",
        "newsdesk.web.app",
        "newsdesk.ingest.local",
        "newsdesk.watch.loop",
    ],
)
def test_importing_does_not_load_spacy(module: str) -> None:
    code = f"import sys, {module}; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0, f"{module} loads spaCy"


def test_the_web_package_holds_no_sql() -> None:
    """Every query the desk makes is a Store method; SQL keywords in web code mean one leaked out."""
    sql = re.compile(r"\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|\.conn\b|\.query\()")
    web = Path(newsdesk.web.__file__).parent
    leaks = [
        f"{p.name}:{n}"
        for p in web.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if sql.search(line)
    ]
    assert not leaks, leaks


def test_the_store_imports_no_stage() -> None:
    """Read statically, so an import inside a function counts too."""
    stages = (
        "newsdesk.read",
        "newsdesk.clean",
        "newsdesk.annotate",
        "newsdesk.extract",
        "newsdesk.pipeline",
        "newsdesk.ingest",
    )
    store = Path(newsdesk.store.__file__).parent
    found = [
        f"{p.relative_to(store)}: {name}"
        for p in store.rglob("*.py")
        for node in ast.walk(ast.parse(p.read_text()))
        for name in _imported(node)
        if name.startswith(stages)
    ]
    assert not found, found


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module]
    return []


def test_every_component_names_a_unique_factory_extension_and_tables() -> None:
    factories = [c.factory for c in COMPONENTS]
    extensions = [o.extension for c in COMPONENTS for o in c.outputs]
    tables = [t for c in COMPONENTS for t in c.tables]
    assert len(set(factories)) == len(factories)
    assert len(set(extensions)) == len(extensions)
    assert len(set(tables)) == len(tables)


def test_deleting_a_revision_goes_from_the_last_component_to_the_first() -> None:
    tables = component_tables()
    assert tables.index("claims") < tables.index("quotes") < tables.index("mentions")


def test_exports_write_each_table_after_the_ones_it_refers_to() -> None:
    tables = export_tables()
    assert tables[:2] == ("story_groups", "articles") and tables[-1] == "ingest_errors"
    assert tables.index("entities") < tables.index("mentions") < tables.index("quotes") < tables.index("claims")
    assert tables.index("quote_groups") < tables.index("quotes")


def test_spacy_entry_points_match_the_registry() -> None:
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    points = pyproject["project"]["entry-points"]["spacy_factories"]
    assert list(points) == [c.factory for c in COMPONENTS]
    for component in COMPONENTS:
        assert points[component.factory].split(":")[0] == component.module


def test_a_spacy_user_adds_components_by_name_without_importing_newsdesk() -> None:
    code = (
        "import spacy; from newsdesk.annotate import DEFAULT_MODEL; nlp = spacy.load(DEFAULT_MODEL)\n"
        "for name in ('newsdesk_entities', 'newsdesk_quotes', 'newsdesk_places', 'newsdesk_claims', 'newsdesk_tone'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Mayor Ann Reed said on Monday that 40 people were hurt in Leeds.')\n"
        "assert doc._.quotes and doc._.claims and doc._.places and doc._.entities, doc._.quotes\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_components_tuned_value_is_spacy_config() -> None:
    import spacy

    from newsdesk.annotate import DEFAULT_MODEL
    from newsdesk.extract.places.component import FOCUS_SHARE

    text = "Floods in France\n\nFrance counted the damage on Monday. France asked for help. Spain sent boats."
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsdesk_places")
    assert nlp.get_pipe_config("newsdesk_places")["focus_share"] == FOCUS_SHARE
    assert [p.name for p in nlp(text)._.places if p.focus] == ["France", "Spain"]
    strict = spacy.load(DEFAULT_MODEL)
    strict.add_pipe("newsdesk_places", config={"focus_share": 1.0})
    assert [p.name for p in strict(text)._.places if p.focus] == ["France"]


def test_every_stored_component_has_its_panel_on_the_article_page() -> None:
    from importlib.resources import files

    panels = files("newsdesk.web") / "templates" / "components"
    for component in COMPONENTS:
        if component.tables:
            assert (panels / f"{component.name}.html").is_file(), component.name
