"""The network exports, ``gexf`` (Gephi) and ``graphml``: who is quoted about whom, and who is
mentioned with whom, built with networkx.

Nodes are the store's entities (``e<id>``), with their ``type`` (PERSON, ORG, GPE…), the number
of articles mentioning them and of their quotes, and the first and last publication date they
appear on. Edges carry a ``kind`` and a ``weight``:

- ``quoted``: speaker → an entity mentioned inside one of the speaker's quotes, weighted by
  the number of such quotes;
- ``co-mention``: two entities mentioned in the same article, weighted by the number of
  articles (one edge per pair, from the lower id to the higher: the relation has no direction).

Both kinds may join one pair, so the graph is a multigraph keyed by kind. Each edge keeps the
first and last publication date it was seen on. As everywhere, quotes the desk hides are left
out unless ``everything``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import IO, TYPE_CHECKING, Any

from newsdesk.store import Store
from newsdesk.store.exports import stream_format
from newsdesk.store.shown import shown_record

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True, slots=True)
class Known:
    """One entity of one article: its store node and its mentions as (start, end) offsets."""

    node: str
    mentions: tuple[tuple[int, int], ...]


@stream_format("gexf")
def export_gexf(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write the network as GEXF 1.2; returns the number of edges."""
    import networkx as nx

    graph = build_graph(store, everything=everything)
    _write_lines(out, nx.generate_gexf(graph))
    return int(graph.number_of_edges())


@stream_format("graphml")
def export_graphml(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write the network as GraphML; returns the number of edges."""
    import networkx as nx

    graph = build_graph(store, everything=everything)
    _write_lines(out, nx.generate_graphml(graph))
    return int(graph.number_of_edges())


def _write_lines(out: IO[str], lines: Iterator[str]) -> None:
    for line in lines:
        out.write(line + "\n")


def build_graph(store: Store, *, everything: bool = False) -> nx.MultiDiGraph:
    """The speaker and co-mention network of every stored article."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="newsdesk speakers and co-mentions")
    for entity in store.db.stream("SELECT id, name, type FROM entities ORDER BY id"):
        graph.add_node(f"e{entity['id']}", label=entity["name"], type=entity["type"], articles=0, quotes=0,
                       first_date="", last_date="")  # fmt: skip
    nodes = _article_nodes(store)
    for row in store.db.stream("SELECT id, published_date, record FROM articles ORDER BY id"):
        record = json.loads(row["record"])
        if not everything:
            record = shown_record(record)
        _add_article(graph, record, nodes.get(int(row["id"]), {}), row["published_date"] or "")
    graph.remove_nodes_from([node for node, articles in graph.nodes(data="articles") if not articles])
    return graph


def _article_nodes(store: Store) -> dict[int, dict[str, str]]:
    """Article id → its local entity ids (E1, E2…) → store nodes."""
    nodes: dict[int, dict[str, str]] = {}
    for row in store.db.stream("SELECT article_id, local_id, entity_id FROM article_entities"):
        nodes.setdefault(int(row["article_id"]), {})[row["local_id"]] = f"e{row['entity_id']}"
    return nodes


def _add_article(graph: nx.MultiDiGraph, record: dict[str, Any], local: dict[str, str], day: str) -> None:
    known = [
        Known(local[e["id"]], tuple((m["start"], m["end"]) for m in e.get("mentions") or []))
        for e in record.get("entities") or []
        if e["id"] in local
    ]
    present = sorted({k.node for k in known})
    for node in present:
        _touch(graph.nodes[node], "articles", day)
    for first, second in combinations(present, 2):
        _add_edge(graph, first, second, "co-mention", day)
    for quote in record.get("quotes") or []:
        speaker = local.get((quote.get("speaker") or {}).get("entity") or "")
        if speaker is None:
            continue
        _touch(graph.nodes[speaker], "quotes", "")
        spans = [(s["start"], s["end"]) for s in quote.get("content") or []]
        for target in sorted({k.node for k in known if k.node != speaker and _inside(k.mentions, spans)}):
            _add_edge(graph, speaker, target, "quoted", day)


def _inside(mentions: tuple[tuple[int, int], ...], spans: list[tuple[int, int]]) -> bool:
    return any(start <= m_start and m_end <= end for m_start, m_end in mentions for start, end in spans)


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, kind: str, day: str) -> None:
    if not graph.has_edge(source, target, key=kind):
        graph.add_edge(source, target, key=kind, kind=kind, weight=0, first_date="", last_date="")
    _touch(graph.edges[source, target, kind], "weight", day)


def _touch(data: dict[str, Any], counter: str, day: str) -> None:
    """Count one more occurrence on ``data`` and widen its date range to ``day`` (when known)."""
    data[counter] += 1
    if day:
        data["first_date"] = min(data["first_date"] or day, day)
        data["last_date"] = max(data["last_date"], day)
