"""The speaker network read back with networkx, from GEXF and from GraphML."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO

import networkx as nx
import pytest

from conftest import ArticleBuilder
from newsdesk.record import Article
from newsdesk.store import Store
from newsdesk.store.exports.graph import export_gexf, export_graphml

Writer = Callable[..., int]

FIRST = (
    "Senator Olu Adeyemi criticised the port authority on Monday. "
    '"Ruth Brandt has ignored the harbour for a decade," Adeyemi said. '
    "Brandt, who chairs the authority, did not reply."
)
SECOND = (
    "Olu Adeyemi returned to the harbour on Thursday. "
    '"I asked Ruth Brandt for the budget and got nothing," Adeyemi said. '
    "The mayor, Lena Sato, stayed away. "
    'Sato said "We are watching closely", without naming anyone.'
)


def story(url: str, body: str, published: str) -> Article:
    """Adeyemi is quoted about Brandt; Sato (second story only) is quoted about nobody."""
    b = ArticleBuilder("Harbour row", body, url=url, site="harbour.example", published=published)
    adeyemi = b.entity("Olu Adeyemi")
    b.entity("Ruth Brandt")
    content = body.split('"')[1]
    b.quote(adeyemi, "Adeyemi", content.rstrip(","))
    if "Sato" in body:
        sato = b.entity("Lena Sato")
        b.quote(sato, "Sato", "We are watching closely")
    return b.build()


def read_graph(write: Writer, store: Store, reader: Callable[[IO[bytes]], nx.Graph]) -> nx.MultiDiGraph:
    out = io.StringIO()
    write(store, out)
    graph = reader(io.BytesIO(out.getvalue().encode("utf-8")))
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


@pytest.mark.parametrize(("write", "reader"), [(export_gexf, nx.read_gexf), (export_graphml, nx.read_graphml)])
def test_network_reads_back_with_weights_types_and_dates(
    store: Store, write: Writer, reader: Callable[[IO[bytes]], nx.Graph]
) -> None:
    store.add(story("https://harbour.example/1", FIRST, "2025-05-05"))
    store.add(story("https://harbour.example/2", SECOND, "2025-05-08"))
    graph = read_graph(write, store, reader)
    names = {data["label"]: node for node, data in graph.nodes(data=True)}
    assert set(names) == {"Olu Adeyemi", "Ruth Brandt", "Lena Sato"}
    adeyemi, brandt, sato = names["Olu Adeyemi"], names["Ruth Brandt"], names["Lena Sato"]
    assert graph.nodes[adeyemi]["type"] == "PERSON" and int(graph.nodes[adeyemi]["quotes"]) == 2
    assert (graph.nodes[adeyemi]["first_date"], graph.nodes[adeyemi]["last_date"]) == ("2025-05-05", "2025-05-08")
    quoted = [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == "quoted"]
    assert [(u, v, int(d["weight"])) for u, v, d in quoted] == [(adeyemi, brandt, 2)]
    assert (quoted[0][2]["first_date"], quoted[0][2]["last_date"]) == ("2025-05-05", "2025-05-08")
    co = {frozenset((u, v)): int(d["weight"]) for u, v, d in graph.edges(data=True) if d["kind"] == "co-mention"}
    assert co == {frozenset((adeyemi, brandt)): 2, frozenset((adeyemi, sato)): 1, frozenset((brandt, sato)): 1}
