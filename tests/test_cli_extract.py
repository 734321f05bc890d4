"""``newsdesk extract`` end to end, as a user runs it: exit codes, formats, bad inputs, URLs."""

from __future__ import annotations

import gzip
import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "page_nav_sidebar.html"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server with one article page, one 404 and one oversized page."""
    page = GOOD.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/story":
                body = page
            elif self.path == "/big":
                body = b"<html><body><p>" + b"x " * 600_000 + b"</p></body></html>"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_summary_is_the_default() -> None:
    result = run("extract", str(GOOD))
    assert result.returncode == 0, result.stderr
    assert "Rail operator orders 40 new trains" in result.stdout
    assert "Northern Ledger" in result.stdout


def test_json_and_jsonl_outputs(tmp_path: Path) -> None:
    result = run("extract", str(GOOD), "--format", "json")
    record = json.loads(result.stdout)
    assert record["schema"] == "newsdesk/article@1" and record["input_format"] == "html"
    out = tmp_path / "out.jsonl"
    result = run("extract", str(GOOD), str(FIXTURES / "page_broken.html"), "-f", "jsonl", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source_path"] for line in lines] == [str(GOOD), str(FIXTURES / "page_broken.html")]
    result = run("extract", str(GOOD), str(FIXTURES / "page_broken.html"), "-f", "json")
    assert len(json.loads(result.stdout)) == 2


def test_stdin_and_url_option() -> None:
    result = run("extract", "-", "--url", "https://ledger.example/trains", "-f", "json", stdin=GOOD.read_bytes())
    record = json.loads(result.stdout)
    assert record["url"] == "https://ledger.example/trains" and record["source_path"] == "-"


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "huge.html").write_bytes(b"<html><body>" + b"<p>word word word.</p>" * 2_500_000 + b"</body></html>")
    (tmp_path / "nested.html").write_bytes(b"<html><body>" + b"<div>" * 100_000 + b"</body></html>")
    (tmp_path / "nav.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "cp1252.txt").write_bytes(
        ("Caf\xe9 owners protest\n\n" + "The caf\xe9 owners said on Monday the rules would hurt trade.\n" * 4).encode(
            "cp1252"
        )
    )
    (tmp_path / "utf16.txt").write_bytes(
        ("Caf\xe9 owners protest\n\n" + "The caf\xe9 owners said on Monday the rules would hurt trade.\n" * 4).encode(
            "utf-16"
        )
    )
    (tmp_path / "invalid.txt").write_bytes(
        b"Owners protest\n\n" + b"The owners said \xff\xfe on Monday that the rules would hurt trade.\n" * 4
    )
    bad = ["empty.txt", "image.png", "huge.html", "nested.html", "nav.html", "missing.html"]
    good = ["cp1252.txt", "utf16.txt", "invalid.txt"]
    names = [str(tmp_path / n) for n in bad[:3]] + [str(GOOD)] + [str(tmp_path / n) for n in bad[3:] + good]
    names += [str(tmp_path), "http://127.0.0.1:9/unreachable"]
    result = run("extract", *names, "-f", "jsonl")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(errors) == len(bad) + 2
    for name, line in zip([*bad[:3], *bad[3:]], errors, strict=False):
        assert line.startswith(f"newsdesk: {tmp_path / name}: ")
    reasons = "\n".join(errors)
    for reason in ("empty input", "PNG image", "too large", "nested", "no article text", "no such file"):
        assert reason in reasons
    assert "is a directory" in errors[-2] and "cannot fetch" in errors[-1]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source_path"] for r in records] == [str(GOOD)] + [str(tmp_path / n) for n in good]
    assert "café owners said" in records[1]["text"] and "cp1252" in records[1]["warnings"][0]
    assert "café owners said" in records[2]["text"]
    assert "\ufffd" not in records[3]["text"] and records[3]["warnings"]


def test_urls_are_fetched(server: str) -> None:
    result = run("extract", f"{server}/story", f"{server}/nope", "-f", "jsonl", "--max-bytes", "1000000")
    assert result.returncode == 1
    record = json.loads(result.stdout.splitlines()[0])
    assert record["url"] == f"{server}/story" and record["site"] == "Northern Ledger"
    assert "HTTP 404" in result.stderr


def test_url_size_cap(server: str) -> None:
    result = run("extract", f"{server}/big", "--max-bytes", "100000")
    assert result.returncode == 1 and "too large" in result.stderr


def test_gzipped_page_and_usage_errors(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(GOOD.read_bytes()))
    assert run("extract", str(gz)).returncode == 0
    assert run("extract").returncode == 2
    assert run("extract", str(GOOD), "--format", "xml").returncode == 2
    assert run("extract", str(GOOD), str(GOOD), "--url", "https://a.example/").returncode == 2


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("newsdesk ")
