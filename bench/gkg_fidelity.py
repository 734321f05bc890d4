"""How close a ``newsdesk export --format gkg`` file is to GDELT's own GKG 2.1 rows, field by field.

Usage: ``.venv/bin/python bench/gkg_fidelity.py FILE.gkg [SECOND_EXPORT.gkg] [--half tune|check]``

Counts, over every row of the file, what breaks a join with GDELT's files (issue 15 item 8):
rows typed web with a URL identifier; locations with a point, with a full name, US cities and
states with a state ADM1 code ("USTX"), areas with a type; quotations whose verb is not a word;
amounts with an empty object or an exponent; tone rows whose two densities are computed; rows
with a SharingImage. Given a second export of the same store, the share of record ids that are
the same in both. ``--half`` counts only the rows of one half of the fixed split (by a hash of
the DocumentIdentifier, as every dev set is split).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from newsdesk.evaluation.halves import HALVES, in_half

COLUMNS = 27
# The counts, in the order they are printed (every one, zeros too, so two runs line up).
COUNTS = (
    "rows", "27 columns", "web with URL", "locations", "with point", "with type", "below country",
    "below country with full name", "US state/city", "US state/city with state ADM1",
    "world divisions", "world divisions with point", "world cities", "world cities naming a division", "quotations",
    "quotations with a word verb", "amounts", "amounts with empty object", "amounts with exponent",
    "tone rows", "tone rows with densities", "with SharingImage",
)  # fmt: skip
_EXPONENT = re.compile(r"\d[eE][+-]?\d")
_WORD = re.compile(r"[^\W\d_]")


def rows(path: Path) -> list[list[str]]:
    """The file's rows, each split into its tab-separated fields."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


def location_counts(enhanced: str, counts: Counter[str]) -> None:
    """Tally one row's V2 locations: ``Type#FullName#Country#ADM1#ADM2#Lat#Long#FeatureID#Offset``."""
    for block in filter(None, enhanced.split(";")):
        kind, name, _, adm1, _, lat, _, _, _ = block.split("#")
        counts["locations"] += 1
        counts["with point"] += bool(lat)
        counts["with type"] += kind in {"1", "2", "3", "4", "5"}
        if kind in {"2", "3"}:
            counts["US state/city"] += 1
            counts["US state/city with state ADM1"] += len(adm1) == 4 and adm1.startswith("US")
        if kind == "5" and len(adm1) > 2 and not adm1.startswith("US"):
            counts["world divisions"] += 1
            counts["world divisions with point"] += bool(lat)
        if kind == "4":
            counts["world cities"] += 1
            counts["world cities naming a division"] += name.count(",") >= 2
        if kind != "1":
            counts["below country"] += 1
            counts["below country with full name"] += "," in name


def tally(table: list[list[str]]) -> Counter[str]:
    """Every fidelity count over the rows."""
    counts: Counter[str] = Counter(rows=len(table))
    for row in table:
        counts["27 columns"] += len(row) == COLUMNS
        counts["web with URL"] += row[2] == "1" and row[4].startswith("http")
        location_counts(row[10], counts)
        for quotation in filter(None, row[22].split("#")):
            counts["quotations"] += 1
            counts["quotations with a word verb"] += bool(_WORD.search(quotation.split("|")[2]))
        for amount in filter(None, row[24].split(";")):
            counts["amounts"] += 1
            counts["amounts with empty object"] += not amount.split(",")[1].strip()
            counts["amounts with exponent"] += bool(_EXPONENT.search(amount.split(",")[0]))
        tone = row[15].split(",")
        counts["tone rows"] += len(tone) == 7
        counts["tone rows with densities"] += len(tone) == 7 and (tone[4], tone[5]) != ("0", "0")
        counts["with SharingImage"] += bool(row[18])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("again", type=Path, nargs="?", help="a second export of the same store")
    parser.add_argument("--half", choices=HALVES, help="count one half of the rows (split by DocumentIdentifier)")
    args = parser.parse_args()
    table = [row for row in rows(args.export) if in_half(row[4], args.half)]
    counts = tally(table)
    for name in COUNTS:
        sys.stdout.write(f"{name}\t{counts[name]}\n")
    if args.again is not None:
        same = {r[0] for r in table} & {r[0] for r in rows(args.again)}
        sys.stdout.write(f"record ids stable across exports\t{len(same)}/{len(table)}\n")


if __name__ == "__main__":
    main()
