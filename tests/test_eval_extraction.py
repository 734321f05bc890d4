"""The extraction benchmark metric, on hand-computed cases and a tiny benchmark directory."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.evaluation.extraction import aggregate, evaluate_extraction, score_page, shingles

FIXTURES = Path(__file__).parent / "fixtures"


def test_shingles() -> None:
    assert shingles("") == {}
    assert shingles("one two") == {("one", "two"): 1}
    assert sum(shingles("a b c d e").values()) == 2
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert ("Über", "straße", "x", "y") in shingles("Über-straße x y")


def test_score_page_by_hand() -> None:
    gold = "a b c d e f"  # shingles: abcd bcde cdef
    pred = "a b c d e z"  # shingles: abcd bcde cdez
    score = score_page("p", gold, pred)
    assert (score.tp, score.fp, score.fn) == pytest.approx((2 / 4, 1 / 4, 1 / 4))
    empty = score_page("q", gold, "")
    assert (empty.tp, empty.fp, empty.fn) == pytest.approx((0.0, 0.0, 1.0))


def test_aggregate_averages_over_defined_pages() -> None:
    perfect = score_page("a", "w x y z", "w x y z")
    missing = score_page("b", "w x y z", "")  # precision undefined, recall 0
    precision, recall, f1 = aggregate([perfect, missing])
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx(0.5)
    assert f1 == pytest.approx(2 / 3)


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    (tmp_path / "html").mkdir()
    page = (FIXTURES / "page_nav_sidebar.html").read_bytes()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "html" / "p2.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    gold_body = (
        "The regional rail operator said on Thursday it had ordered 40 electric trains for its northern routes, "
        "replacing carriages that in some cases are more than 35 years old."
    )
    truth = {"p1": {"articleBody": gold_body, "url": "https://x.example/1"}, "p2": {"articleBody": "Lost story"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_evaluate_html_and_text_modes(bench: Path) -> None:
    report = evaluate_extraction(bench, "html")
    assert report.pages == 2 and len(report.errors) == 1 and report.errors[0].startswith("p2: ")
    # p1's gold is one paragraph of the page: full recall, partial precision; p2 finds nothing.
    assert report.per_page[0].fn == 0 and 0 < report.per_page[0].tp < 1
    assert report.recall == pytest.approx(0.5)
    assert report.precision == pytest.approx(report.per_page[0].tp)
    for style in ("lines", "glued"):
        text_report = evaluate_extraction(bench, "text", style)  # type: ignore[arg-type]
        assert text_report.pages == 2 and text_report.per_page[0].tp > 0
    assert report.baseline is not None and report.baseline.system == "trafilatura" and report.baseline.pages == 2


def test_halves_split_the_benchmark(bench: Path) -> None:
    pages = [evaluate_extraction(bench, "html", half=half).pages for half in ("tune", "check")]
    assert sum(pages) == 2


def test_eval_command_json(bench: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "eval", "extraction", str(bench), "--mode", "text", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"precision", "recall", "f1", "pages_per_second"} and data["pages"] == 2


def test_eval_command_on_a_wrong_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "eval", "extraction", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "ground-truth.json" in result.stderr and "Traceback" not in result.stderr
