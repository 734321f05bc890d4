"""``watch --once`` throughput against ``ingest`` of the same pages from disk, and a long watch's memory.

Usage: ``.venv/bin/python bench/bench_watch.py [--items 500] [--rounds 3] [--passes 20] [--cache DIR]``

Pages: the Lee corpus texts of bench_ingest.py (gensim's test data, fetched once into the cache
directory with ``pip download``), cycled to ``--items`` pages, each an HTML page with a headline
and one paragraph per article. Every figure is measured in this one run and process:

- ingest: ``newsdesk.ingest.local.run`` with 1 worker over a JSONL file on disk holding each
  page's URL and HTML (URLs, so the articles are keyed as the watch keys them);
- watch: one ``Watcher`` pass, 1 worker, over an RSS feed of the same pages served by
  http.server on 127.0.0.1 with no per-host delay: the feed fetch, the page fetches, robots.txt
  and the watch's bookkeeping included.

Both run whole (wall clock from call to return) into a fresh SQLite store, under fresh URLs
each time, after a warm-up that loads the model; rounds alternate which goes first, and the
watch/ingest ratio is taken within a round (target >= 0.9), by wall clock and by this process's CPU
time (steadier on a shared host). Then ``--passes`` passes of one
long-running watch whose feed gains 25 new pages a pass: the peak resident memory of each pass
(VmHWM, reset before the pass through /proc/self/clear_refs) should stay flat.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_ingest import lee_texts
from newsdesk.ingest.local import run
from newsdesk.ingest.sources import collect
from newsdesk.ingest.worker import peak_memory_mb
from newsdesk.store import Store
from newsdesk.watch.http import Politeness
from newsdesk.watch.loop import Watcher, WatchOptions

# New pages added to the feed before each memory pass: a busy site's output over a few minutes.
NEW_PER_PASS = 25
PAGES: dict[str, bytes] = {}


def page_html(text: str) -> bytes:
    headline, *paragraphs = text.split("\n\n")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = html.escape(headline)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    ).encode()


def feed_xml(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title><link>{base}/</link>'
        f"<description>bench</description>{items}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = PAGES.get(self.path)
        self.send_response(200 if body is not None else 404)
        kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def publish(base: str, prefix: str, pages: list[bytes]) -> list[str]:
    """Serve ``pages`` under ``/prefix/N.html``; returns their paths."""
    paths = [f"/{prefix}/{n}.html" for n in range(len(pages))]
    PAGES.update(zip(paths, pages, strict=True))
    return paths


def ingest_seconds(work: Path, base: str, name: str, pages: list[bytes]) -> tuple[float, float]:
    feed = work / f"{name}.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for n, page in enumerate(pages):
            handle.write(json.dumps({"url": f"{base}/{name}/{n}.html", "html": page.decode()}) + "\n")
    started, cpu = time.perf_counter(), time.process_time()
    with Store.open(work / f"{name}.db") as store:
        stats = run(store, collect([str(feed)]).items, workers=1)
    assert stats.added == len(pages) and stats.failed == 0, stats
    return time.perf_counter() - started, time.process_time() - cpu


def watch_seconds(work: Path, base: str, name: str, pages: list[bytes]) -> tuple[float, float]:
    paths = publish(base, name, pages)
    PAGES[f"/{name}.xml"] = feed_xml(base, paths)
    started, cpu = time.perf_counter(), time.process_time()
    with Store.open(work / f"{name}.db") as store:
        watcher = Watcher(store, WatchOptions(Politeness(delay=0.0)), threading.Event())
        stats = watcher.run_pass([f"{base}/{name}.xml"])
        watcher.close()
    assert stats.added == len(pages) and stats.failed == 0, stats
    return time.perf_counter() - started, time.process_time() - cpu


def reset_peak() -> bool:
    """Reset this process's VmHWM (Linux: writing 5 to clear_refs); False when the kernel refuses."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def memory_passes(work: Path, base: str, pages: list[bytes], passes: int) -> list[float]:
    """Peak RSS (MB) of each pass of one long-running watch whose feed grows every pass."""
    peaks: list[float] = []
    paths: list[str] = []
    with Store.open(work / "long.db") as store:
        watcher = Watcher(store, WatchOptions(Politeness(delay=0.0)), threading.Event())
        for number in range(passes):
            fresh = [pages[(number * NEW_PER_PASS + n) % len(pages)] for n in range(NEW_PER_PASS)]
            paths += publish(base, f"long{number}", fresh)
            PAGES["/long.xml"] = feed_xml(base, paths)
            reset_peak()
            stats = watcher.run_pass([f"{base}/long.xml"])
            assert stats.added == NEW_PER_PASS, stats
            peaks.append(peak_memory_mb())
            print(
                f"pass {number + 1}: {stats.listed} listed, {stats.added} added, peak RSS {peaks[-1]:.0f} MB",
                flush=True,
            )
        watcher.close()
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="Pages in the feed (and on disk).")
    parser.add_argument("--rounds", type=int, default=3, help="Alternating measurement rounds.")
    parser.add_argument("--passes", type=int, default=20, help="Passes of the long-running watch.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    args = parser.parse_args()
    texts = lee_texts(args.cache)
    pages = [page_html(texts[n % len(texts)]) for n in range(args.items)]
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-watch-"))
    print(f"pages: {len(pages)} ({len(texts)} distinct texts), {sum(map(len, pages)) / len(pages) / 1024:.1f} KB each")
    with serving() as base:
        ingest_seconds(work, base, "warmup", pages[:8])  # loads the model before anything is timed
        ratios: dict[str, list[float]] = {"wall clock": [], "CPU time": []}
        for round_no in range(args.rounds):
            order = ["ingest", "watch"] if round_no % 2 == 0 else ["watch", "ingest"]
            wall, cpu = {}, {}
            for kind in order:
                measure = ingest_seconds if kind == "ingest" else watch_seconds
                wall[kind], cpu[kind] = measure(work, base, f"{kind}{round_no}", pages)
            rate = {kind: len(pages) / value for kind, value in wall.items()}
            ratios["wall clock"].append(rate["watch"] / rate["ingest"])
            # Everything runs in this process (1 worker, and the test server's threads), so CPU
            # time is the same comparison with less of the shared host's other tenants in it.
            ratios["CPU time"].append(cpu["ingest"] / cpu["watch"])
            print(f"round {round_no + 1}: articles/s ingest from disk {rate['ingest']:.2f}, watch --once over "
                  f"HTTP {rate['watch']:.2f}; CPU ms per article ingest {cpu['ingest'] / len(pages) * 1000:.0f}, "
                  f"watch {cpu['watch'] / len(pages) * 1000:.0f} (the HTTP server's included)", flush=True)  # fmt: skip
        for name, values in ratios.items():
            listing = ", ".join(f"{r:.2f}" for r in values)
            print(f"ratio watch/ingest by {name}: median {statistics.median(values):.2f} (rounds: {listing})"
                  "   (target >= 0.9)")  # fmt: skip
        if not reset_peak():
            print("(this kernel cannot reset VmHWM: the per-pass peaks below are the process's peak so far)")
        peaks = memory_passes(work, base, pages, args.passes)
    print(f"peak RSS per pass (MB): {', '.join(f'{p:.0f}' for p in peaks)}")
    print(f"growth from pass 2 to pass {len(peaks)}: {peaks[-1] - peaks[min(1, len(peaks) - 1)]:+.0f} MB")


if __name__ == "__main__":
    main()
