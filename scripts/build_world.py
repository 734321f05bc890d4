"""Build the web desk's offline world outline from Natural Earth (via the npm package ``world-atlas``).

The places page shades countries by how often articles mention them, and there is no
network for map tiles, so the desk ships one small GeoJSON file. It is derived, not
hand-drawn: Natural Earth's 1:110m Admin-0 countries (public domain) as redistributed in
TopoJSON by the npm package ``world-atlas`` 2.0.2 (ISC). This script decodes the TopoJSON,
tags each country with ISO 3166-1 alpha-2/alpha-3 codes (the codes newsdesk's places use),
drops Antarctica (no news desk shades it, and it would take a fifth of the map), makes
rings that cross the antimeridian continuous, simplifies
every ring (Douglas-Peucker at 0.15°, coordinates rounded to 0.01°) and writes
``src/newsdesk/web/static/world.geojson``. Run it again only to change the outline:

    cd /tmp && npm pack world-atlas@2.0.2
    .venv/bin/python scripts/build_world.py /tmp/world-atlas-2.0.2.tgz
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import tarfile
from pathlib import Path
from typing import Any

import pycountry

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "web" / "static" / "world.geojson"
TOLERANCE = 0.15
DIGITS = 2
# Shapes Natural Earth draws without an ISO numeric code: shaded with the country whose
# mentions they most plausibly carry (Kosovo has the user-assigned code XK in GeoNames).
_UNCODED = {"Kosovo": ("XK", "XKX"), "N. Cyprus": ("CY", "CYP"), "Somaliland": ("SO", "SOM")}
_DROP = {"010"}  # Antarctica

Point = tuple[float, float]


def load_topology(source: Path) -> dict[str, Any]:
    """The ``countries-110m.json`` topology, from the npm tarball or the JSON file itself."""
    if source.suffix in {".tgz", ".gz"}:
        with tarfile.open(source) as archive:
            member = archive.extractfile("package/countries-110m.json")
            if member is None:
                raise SystemExit(f"{source}: no package/countries-110m.json inside")
            data: dict[str, Any] = json.load(member)
            return data
    loaded: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on a closed ring, keeping at least four points so it stays a polygon."""
    if len(points) <= 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, best_at = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, best_at = d, i
        if best > tolerance and best_at > 0:
            keep[best_at] = True
            stack.extend([(first, best_at), (best_at, last)])
    out = [p for p, k in zip(points, keep, strict=True) if k]
    return out if len(out) >= 4 else points


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the segment ``a``–``b``, in degrees."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def unwrapped(points: list[Point]) -> list[Point]:
    """A ring that crosses the antimeridian (Russia's far east, Fiji), made continuous past 180°.

    Without this its edge would run back across the whole map as a horizontal stripe; the
    part beyond 180° falls outside the map's frame and is clipped there.
    """
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(points)):
        return points
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def rounded(points: list[Point]) -> list[list[float]]:
    """Round to ``DIGITS`` decimals and drop the repeats that rounding creates."""
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def codes(geometry: dict[str, Any]) -> tuple[str, str] | None:
    """ISO alpha-2 and alpha-3 for a country shape, from its ISO numeric id or its name."""
    name = geometry["properties"]["name"]
    if name in _UNCODED:
        return _UNCODED[name]
    country = pycountry.countries.get(numeric=geometry.get("id", ""))
    return (country.alpha_2, country.alpha_3) if country else None


def build(topology: dict[str, Any]) -> dict[str, Any]:
    """The simplified FeatureCollection: one feature per country, ``iso2``/``iso3``/``name``."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in _DROP:
            continue
        found = codes(geometry)
        if found is None:
            raise SystemExit(f"no ISO code for {geometry['properties']['name']!r}")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes = []
        for polygon in polygons:
            rings = [rounded(simplify(unwrapped(ring(r, arcs)), TOLERANCE)) for r in polygon]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                shapes.append(rings)
        features.append(
            {
                "type": "Feature",
                "properties": {"iso2": found[0], "iso3": found[1], "name": geometry["properties"]["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": shapes},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    """Read the world-atlas tarball (or its countries-110m.json) and write the desk's outline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas-2.0.2.tgz or countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    collection = build(load_topology(args.source))
    args.output.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} countries, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
