"""Server-side SVG: the claims chart and the world map, as data for the templates to draw.

There is no front-end build step and no network for a charting library, and the pictures
are small, so the desk computes coordinates here and the Jinja templates write the SVG
(autoescaped like everything else). Nothing here produces markup: these functions return
numbers and strings, which keeps the escaping in one place.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

# ---------------------------------------------------------------- claims chart

CHART_WIDTH = 760
# The phone chart: drawn in a 360-unit box, so on a 390 px screen its 12-unit labels stay
# about 12 px high (the wide chart shrunk to that screen drew them at 5 px).
NARROW_WIDTH = 360
CHART_HEIGHT = 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 24, 16, 40
SERIES_COLOURS = 8
OTHERS = "others"
"""The legend name of the last colour once there are more claimants than colours."""


@dataclass(slots=True)
class Point:
    """One claim on the chart: where it sits, its range bar, and what its tooltip says."""

    x: float
    y: float
    low_y: float | None
    high_y: float | None
    series: int
    label: str
    href: str


@dataclass(slots=True)
class Chart:
    """Everything the claims template needs to draw the chart."""

    width: int
    height: int
    points: list[Point]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    series: list[tuple[int, str]]
    undated: int = 0
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)
    """left, top, right, bottom of the plotting area."""
    lines: list[tuple[int, str]] = field(default_factory=list)
    """(series, SVG polyline points): each claimant's claims joined in date order."""


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 × a power of ten) covering ``low``…``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def format_number(value: float) -> str:
    """12500 → "12,500"; 2.5e6 → "2.5M": short labels for axes and tooltips."""
    magnitude = abs(value)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if magnitude >= size:
            return f"{value / size:.3g}{suffix}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class UnitCharts:
    """The claims in one unit (percent, a currency, a plain count), drawn for wide and for narrow screens."""

    unit: str
    wide: Chart
    narrow: Chart


def unit_label(unit: str | None) -> str:
    """How a claim's unit is named on its chart: plain counts have no unit."""
    return unit or "count"


def unit_charts(claims: list[dict[str, Any]], href: Callable[[dict[str, Any]], str]) -> list[UnitCharts]:
    """One chart per unit, the unit with the most claims first: percent, people and dollars
    share no axis (a 3% and a $2bn on one scale flatten each other)."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_unit.setdefault(unit_label(claim.get("unit")), []).append(claim)
    ordered = sorted(by_unit.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        UnitCharts(unit, claims_chart(rows, href), claims_chart(rows, href, width=NARROW_WIDTH))
        for unit, rows in ordered
    ]


def claims_chart(
    claims: list[dict[str, Any]], href: Callable[[dict[str, Any]], str], *, width: int = CHART_WIDTH
) -> Chart:
    """Lay out claims (rows with ``published_date``, ``value``, ``low``, ``high``, ``claimant``…) by date.

    ``href`` maps a claim row to the URL of its article. A claim without a date or a number
    cannot be placed and is only counted (``undated``); the page lists it in its table.
    Each claimant has a colour of their own; past the last colour, the rest share it as "others".
    """
    dated = []
    for claim in claims:
        day = _day(claim.get("published_date"))
        value = claim.get("value")
        low, high = claim.get("low"), claim.get("high")
        if value is None and low is not None and high is not None:
            value = (float(low) + float(high)) / 2  # a range is drawn as a bar, its dot in the middle
        elif value is None:
            value = low if high is None else high
        if day is not None and value is not None:
            dated.append((day, float(value), claim))
    left, top = MARGIN_LEFT, MARGIN_TOP
    right, bottom = width - MARGIN_RIGHT, CHART_HEIGHT - MARGIN_BOTTOM
    chart = Chart(width, CHART_HEIGHT, [], [], [], [], len(claims) - len(dated), (left, top, right, bottom))
    if not dated:
        return chart
    days = [d.toordinal() for d, _, _ in dated]
    values = [v for _, v, _ in dated] + [
        float(c[key]) for _, _, c in dated for key in ("low", "high") if c.get(key) is not None
    ]
    first, last = min(days) - 1, max(days) + 1
    y_ticks = nice_ticks(min(0.0, min(values)), max(values) * 1.05 or 1)
    y_low, y_high = y_ticks[0], y_ticks[-1]

    def x_of(ordinal: int) -> float:
        return left + (ordinal - first) / (last - first) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * (bottom - top)

    names = _series(claim for _, _, claim in dated)
    for day, value, claim in sorted(dated, key=lambda item: item[0]):
        who = str(claim.get("claimant") or "the publication")
        series = names.get(who, SERIES_COLOURS - 1)
        low, high = claim.get("low"), claim.get("high")
        label = (
            f"{format_number(value)} {claim.get('object') or ''} — {who}, {claim.get('site') or 'unknown site'}, "
            f"{day.isoformat()}: “{claim.get('text', '')}”"
        )
        chart.points.append(
            Point(
                round(x_of(day.toordinal()), 1),
                round(y_of(value), 1),
                round(y_of(float(low)), 1) if low is not None else None,
                round(y_of(float(high)), 1) if high is not None else None,
                series,
                " ".join(label.split()),
                href(claim),
            )
        )
    chart.series = sorted((index, name) for name, index in names.items())
    if len(names) == SERIES_COLOURS - 1 and any(point.series == SERIES_COLOURS - 1 for point in chart.points):
        chart.series.append((SERIES_COLOURS - 1, OTHERS))
    for index, _ in chart.series:
        mine = [point for point in chart.points if point.series == index]
        if len(mine) > 1:
            chart.lines.append((index, " ".join(f"{point.x},{point.y}" for point in mine)))
    chart.y_ticks = [(round(y_of(t), 1), format_number(t)) for t in y_ticks]
    ticks = _date_ticks(first + 1, last - 1, 5 if width >= CHART_WIDTH else 3)
    chart.x_ticks = [(round(x_of(o), 1), date.fromordinal(o).isoformat()) for o in ticks]
    return chart


def _series(claims: Iterable[dict[str, Any]]) -> dict[str, int]:
    """A colour index per claimant, the most frequent first; all colours but the last, which
    is left for everyone else, so no two names in a legend share a colour."""
    counts = Counter(str(claim.get("claimant") or "the publication") for claim in claims)
    if len(counts) <= SERIES_COLOURS:
        return {name: index for index, (name, _) in enumerate(counts.most_common())}
    return {name: index for index, (name, _) in enumerate(counts.most_common(SERIES_COLOURS - 1))}


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _date_ticks(first: int, last: int, count: int = 5) -> list[int]:
    """Up to ``count`` evenly spread day ordinals from ``first`` to ``last``."""
    if last <= first:
        return [first]
    step = max(1, math.ceil((last - first) / (count - 1)))
    return list(range(first, last + 1, step))


# ---------------------------------------------------------------- world map

MAP_WIDTH = 960
_SCALE = MAP_WIDTH / 360
_NORTH, _SOUTH = 84.0, -58.0
MAP_HEIGHT = round((_NORTH - _SOUTH) * _SCALE)
SHADES = 6


@dataclass(slots=True)
class Country:
    """One country outline: its SVG path in the map's coordinates, and how it is shaded."""

    iso2: str
    name: str
    path: str
    shade: int = 0
    mentions: int = 0
    articles: int = 0


@lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[str, str, str], ...]:
    """(iso2, name, SVG path) per country of the bundled Natural Earth outline, projected once."""
    raw = resources.files("newsdesk.web").joinpath("static/world.geojson").read_text(encoding="utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        parts = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                points = " ".join(f"{(lon + 180) * _SCALE:.1f},{(_NORTH - lat) * _SCALE:.1f}" for lon, lat in ring)
                parts.append(f"M{points}Z")
        props = feature["properties"]
        out.append((props["iso2"], props["name"], "".join(parts)))
    return tuple(out)


def world_map(counts: dict[str, tuple[int, int]]) -> list[Country]:
    """Every country, shaded 1…``SHADES`` on a log scale of mentions (0 when never mentioned).

    ``counts`` maps ISO alpha-2 codes to (mentions, articles).
    """
    peak = max((mentions for mentions, _ in counts.values()), default=0)
    countries = []
    for iso2, name, path in _outlines():
        mentions, articles = counts.get(iso2, (0, 0))
        shade = 0
        if mentions > 0:
            shade = 1 + round((SHADES - 1) * math.log1p(mentions) / math.log1p(peak)) if peak > 1 else SHADES
        countries.append(Country(iso2, name, path, min(shade, SHADES), mentions, articles))
    return countries
