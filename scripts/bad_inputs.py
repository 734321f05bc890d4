"""Write the bad-input corpus of issue 16 into a folder: every kind of input that once hung newsdesk,
stopped a batch or was read wrongly, next to good pages that must still come out.

    python scripts/bad_inputs.py /tmp/bad       # then: newsdesk ingest /tmp/bad; newsdesk extract /tmp/bad/*

Nothing here is committed as a file: the corpus is generated (some inputs are large or binary).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

GOOD_BODY = (
    "The harbour board of Calloway met on Tuesday and agreed to dredge the eastern channel before winter. "
    "Board chair Miriam Osei said the work would cost about 2.4 million pounds and take eleven weeks. "
    '"Ships are already turning away, and we cannot wait another season," Osei told reporters after the vote. '
    "Fishing crews welcomed the decision, though some asked for night work to be limited near the quay."
)


def good_html(title: str) -> str:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in GOOD_BODY.split(". "))
    head = f"<!doctype html><html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


def corpus() -> dict[str, bytes]:
    """File name → content. Names ending in ``.good.*`` must be extracted; every other input must fail
    with a one-line reason (or be extracted, when it is a page read wrongly before)."""
    text = GOOD_BODY * 8
    files: dict[str, bytes] = {
        "a.good.html": good_html("Calloway channel to be dredged").encode(),
        "b.good.txt": ("Calloway dredging approved\n\n" + GOOD_BODY + "\n").encode(),
        "empty-comments.html": ("<!---->" * 40 + text).encode(),
        "spaced-comments.txt": ("<!-- c -->\n" * 30 + text).encode(),
        "million-p.html": b"<html><body>" + b"<p>" * 1_000_000 + b"</body></html>",
        "vertical-tab.good.html": good_html("Calloway\x0b channel vote \x1b passes").encode(),
        "charset-undefined.good.html": good_html("Charset undefined page")
        .replace("<head>", '<head><meta charset="undefined">')
        .encode(),
        "nested.jsonl": ("[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "malformed.jsonl": b'{"url": "https://example.org/a", "html": "<p>x</p>"\n{not json}\n',
        "long-line.txt": ("Headline\n\n" + "".join(chr(0x4E00 + i % 20000) for i in range(1_200_000))).encode(),
        "huge-number.good.txt": (
            "Calloway budget\n\n" + GOOD_BODY + " The deficit reached " + "9" * 400 + " pounds, the board said.\n"
        ).encode(),
        "chinese.txt": (
            "港口委员会决定疏浚航道\n\n" + "港口委员会周二开会，同意在冬季之前疏浚东部航道。" * 12
        ).encode(),
        "binary.html": bytes(range(256)) * 40,
        "empty.txt": b"",
        "garbage.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n" + os.urandom(2000),
        "garbage.warc.gz": gzip.compress(b"WARC/1.0\r\nWARC-Type: resp") + os.urandom(500),
        "no-html.warc": (
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n"
        ),
        "bad.urls": b"not a url\nftp://example.org/x\n",
    }
    files["record.jsonl"] = (json.dumps({"url": "https://example.org/b", "text": "Short.\n"}) + "\n").encode()
    return files


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in corpus().items():
        (folder / name).write_bytes(content)
    (folder / "dir.html").mkdir(exist_ok=True)
    fifo = folder / "pipe.html"
    if not fifo.exists():
        os.mkfifo(fifo)


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs"))
