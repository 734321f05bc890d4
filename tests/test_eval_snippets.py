"""The snippet-format evaluation: micro-averaged counts, white-space matching, halves, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.errors import InputError
from newsdesk.evaluation.halves import HALVES, half_of, in_half
from newsdesk.evaluation.snippets import SnippetPage, Tally, evaluate_snippets, load_snippets, norm

STORY = (
    "The harbour board voted on Monday to dredge the eastern channel before the winter storms, "
    "after two cargo ships ran aground there in the space of a month. "
    "Dredging is expected to take six weeks and will close the channel to small boats at night."
)
PAGE = f"""<html><head><title>Harbour to dredge channel</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Harbour to dredge channel</h1><p>{STORY}</p>
<p>The board's chair said the cost would be met from reserves set aside for repairs to the quay wall.</p></article>
<footer>Subscribe to our newsletter for the week's best stories</footer></body></html>"""


def test_norm_collapses_white_space() -> None:
    assert norm(" a\n\t b ") == "a b"


def test_tally_counts_like_the_reference_script() -> None:
    page = SnippetPage("u", "f", ["two cargo\nships", "not there"], ["Subscribe", "Weather"])
    tally = Tally()
    tally.add(page, "after two cargo ships ran aground. Weather: fine")
    assert (tally.tp, tally.fn, tally.fp, tally.tn) == (1, 1, 1, 1)
    tally.add(page, None)  # a failed page: every "with" missed, every "without" absent
    assert (tally.tp, tally.fn, tally.fp, tally.tn) == (1, 3, 1, 3)
    assert tally.scores().precision == pytest.approx(0.5)
    assert tally.scores().recall == pytest.approx(0.25)


def test_halves_are_fixed_and_cover_every_key() -> None:
    keys = [f"https://example.org/{i}" for i in range(200)]
    halves = [half_of(k) for k in keys]
    assert set(halves) == set(HALVES) and 60 < halves.count("tune") < 140
    assert [half_of(k) for k in keys] == halves
    assert all(in_half(k, None) for k in keys)
    with pytest.raises(InputError):
        in_half("x", "other")


@pytest.fixture
def snippets(tmp_path: Path) -> Path:
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "harbour.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "eval" / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    data = {
        "https://a.example/harbour": {
            "file": "harbour.html",
            "with": ["two cargo ships ran aground", "met from reserves"],
            "without": ["Subscribe to our newsletter", "Sport"],
        },
        "https://a.example/empty": {"file": "empty.html", "with": ["anything"], "without": ["Home"]},
        "https://a.example/lost": {"file": "lost.html", "with": ["x"], "without": ["y"]},
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_evaluate_snippets_both_systems(snippets: Path) -> None:
    report = evaluate_snippets(snippets, "html")
    assert report.pages == 2  # the page whose file is missing is left out
    assert (report.tally.tp, report.tally.fp) == (2, 0)
    assert report.tally.fn == 1 and report.errors and report.errors[0].startswith("empty.html: ")
    assert report.baseline is not None and report.baseline.system == "trafilatura"
    assert report.baseline.pages == 2
    text = evaluate_snippets(snippets, "text", "glued")
    assert text.tally.tp + text.tally.fn == 3 and text.style == "glued"


def test_halves_partition_the_set(snippets: Path) -> None:
    urls = {p.url for p in load_snippets(snippets)}
    parts = [{p.url for p in load_snippets(snippets, half)} for half in HALVES]
    assert parts[0] | parts[1] == urls and not parts[0] & parts[1]


@pytest.mark.parametrize(
    ("index", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must map each URL"),
        ('{"u": {"with": []}}', "no file name"),
        ('{"u": {"file": "f", "with": "text"}}', "lists of non-empty text"),
    ],
)
def test_bad_index_is_one_line(tmp_path: Path, index: str, message: str) -> None:
    (tmp_path / "evaldata.json").write_text(index, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "eval", "extraction", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_the_snippet_layout(snippets: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "eval", "extraction", str(snippets), "--json", "--half", "tune"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["data"] == "snippets" and data["half"] == "tune" and data["baseline"]["system"] == "trafilatura"
