"""Write every record newsdesk makes of a fixed corpus, and a dump of the store an ingest of it
leaves, so a refactor can be checked to change nothing: run it before and after, then ``diff -r``.

    python scripts/snapshot.py OUT_DIR [--shared ../shared]

Corpus: the bundled examples; with ``--shared``, PolNeAR dev texts (article mode), the
extraction benchmark's dev pages as HTML and flattened to text (lines and glued). Records are
written as sorted-key JSON lines with the timing-dependent fields removed; the store dump is
every table's rows, sorted, with timestamps blanked. Runs with ``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from newsdesk.clean.flatten import flatten
from newsdesk.pipeline import extract_many

_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def corpus(shared: Path | None, scratch: Path) -> Iterator[tuple[str, list[str], str]]:
    """(set name, input paths, input format) for each part of the corpus."""
    examples = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "examples"
    yield "examples", sorted(str(p) for p in examples.iterdir()), "auto"
    if shared is None:
        return
    polnear = sorted(str(p) for p in (shared / "data/polnear/dev/text").glob("*.txt"))
    yield "polnear-dev", polnear, "article"
    pages = sorted((shared / "data/article-extraction-dev/html").glob("*.html.gz"))
    yield "bench-html", [str(p) for p in pages], "html"
    for style in ("lines", "glued"):
        folder = scratch / style
        folder.mkdir()
        paths = []
        for page in pages:
            out = folder / (page.name.removesuffix(".html.gz") + ".txt")
            out.write_text(flatten(gzip.decompress(page.read_bytes()).decode("utf-8"), style), encoding="utf-8")
            paths.append(str(out))
        yield f"bench-text-{style}", paths, "text"


def write_records(name: str, paths: list[str], fmt: str, out: Path) -> None:
    with (out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
        for source, result in extract_many(paths, input_format=fmt):  # type: ignore[arg-type]
            label = Path(source).name
            if isinstance(result, Exception):
                handle.write(json.dumps({"source": label, "error": str(result)}) + "\n")
            else:
                record = json.loads(result.to_json())
                record.pop("source_path", None)
                handle.write(json.dumps({"source": label, "record": record}, sort_keys=True) + "\n")


def dump_store(db: Path, out: Path, folder: str) -> None:
    """Every table's rows, sorted; timestamps and the scratch folder's path (stored source paths) blanked."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    with (out / "store.txt").open("w", encoding="utf-8") as handle:
        for table in tables:
            if table.startswith(("fts", "sqlite_")) or "_fts" in table or table == "ingest_runs":
                continue
            rows = [tuple(_blank(v, folder) for v in row) for row in conn.execute(f"SELECT * FROM {table}")]
            handle.write(f"== {table} ({len(rows)})\n")
            for row in sorted(rows, key=repr):
                handle.write(repr(row)[:4000] + "\n")
    conn.close()


def _blank(value: object, folder: str) -> object:
    if not isinstance(value, str):
        return value
    return "<time>" if _STAMP.match(value) else value.replace(folder, "<in>")


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Entity clustering has depended on set order (string hashes): one seed for every run.
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        ingest_dir = scratch / "ingest"
        ingest_dir.mkdir()
        for name, paths, fmt in corpus(args.shared, scratch):
            write_records(name, paths, fmt, args.out)
            if fmt != "article":
                for path in paths:
                    target = ingest_dir / f"{name}-{Path(path).name}"
                    target.write_bytes(Path(path).read_bytes())
        command = [sys.executable, "-m", "newsdesk", "ingest", str(ingest_dir), "--db", str(scratch / "snap.db")]
        subprocess.run([*command, "--workers", "1"], check=False)
        dump_store(scratch / "snap.db", args.out, str(ingest_dir))


if __name__ == "__main__":
    main()
