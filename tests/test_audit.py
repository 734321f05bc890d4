"""The speaker audit: judgments by reference, matched to current quotes, scored, and ``newsdesk eval audit``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.evaluation.audit import (
    Extracted,
    Judgment,
    in_context,
    in_sample,
    judgment_line,
    load_judgments,
    match,
    score,
    short_hash,
    wilson,
)
from newsdesk.record import Article, Entity, Quote, QuoteKind, Span, Speaker

TEXT = (
    "Harbour works to start\n\n"
    "“The pier will reopen in June,” said Tomas Berg, the port director. He said dredging begins soon. "
    "Residents were told to expect noise. “The pier will reopen in June,” Berg repeated later.\n"
)


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def quote(
    content: tuple[int, int], speaker: tuple[int, int] | None, kind: QuoteKind = "direct", **extra: float
) -> Quote:
    who = (
        Speaker(entity="p1", name=TEXT[speaker[0] : speaker[1]], start=speaker[0], end=speaker[1]) if speaker else None
    )
    return Quote(
        id=f"q{content[0]}", speaker=who, cue=None, content=[Span(*content)], kind=kind, stance="neutral", **extra
    )


def article(*quotes: Quote) -> Article:
    berg = Entity(id="p1", name="Tomas Berg", type="PERSON", mentions=[Span(*at("Tomas Berg"))])
    return Article(id="a", input_format="html", text=TEXT, body_start=24, entities=[berg], quotes=list(quotes))


def judged(q: Extracted, *, speech: bool = True, verdict: str = "right") -> Judgment:
    stub = q.stub()
    return Judgment(
        page=stub["page"],
        content=tuple(stub["content"]),  # type: ignore[arg-type]
        speaker=tuple(stub["speaker"]) if stub["speaker"] else None,  # type: ignore[arg-type]
        content_hash=stub["content_hash"],
        speaker_hash=stub["speaker_hash"],
        speech=speech,
        speaker_verdict=verdict,
        speech_rule="S-SAY" if speech else "N-ACT",
        speaker_rule="P-NAME" if verdict == "right" else "P-WRONG",
        reason="test",
    )


QUOTED = at("The pier will reopen in June")
QUOTED_AGAIN = at("The pier will reopen in June", 1)


def test_stub_hashes_content_and_the_speaker_shown_not_the_text() -> None:
    q = Extracted("p.html", article(), quote(QUOTED, at("Berg", 1)))
    stub = q.stub()
    assert stub["content_hash"] == short_hash("The pier will reopen in June")
    assert stub["speaker_hash"] == short_hash("Tomas Berg")  # the entity's name, as the desk shows it
    assert "pier" not in json.dumps(stub)
    assert Extracted("p.html", article(), quote(QUOTED, None)).stub()["speaker_hash"] == short_hash("")


def test_match_needs_page_content_and_speaker_and_pairs_nearest_first() -> None:
    first = Extracted("p.html", article(), quote(QUOTED, at("Tomas Berg")))
    again = Extracted("p.html", article(), quote(QUOTED_AGAIN, at("Berg", 1)))
    judgments = [judged(again, verdict="wrong"), judged(first)]
    assert match(judgments, [first, again]) == {0: judgments[1], 1: judgments[0]}
    shifted = Extracted("p.html", article(), quote((QUOTED[0] + 3, QUOTED[1] + 3), at("Tomas Berg")))
    assert match([judged(first)], [shifted]) == {}  # other content text: a different quote
    other_page = Extracted("q.html", article(), quote(QUOTED, at("Tomas Berg")))
    unresolved = Extracted("p.html", article(), quote(QUOTED, None))
    assert match([judged(first)], [other_page, unresolved]) == {}
    assert len(match([judged(first)], [first, again])) == 1  # one to one


def test_score_tallies_groups_shown_and_unjudged() -> None:
    said = Extracted("p.html", article(), quote(QUOTED, at("Tomas Berg"), confidence=0.9))
    told = Extracted("p.html", article(), quote(at("to expect noise"), None, "indirect", confidence=0.2))
    dredging = Extracted("p.html", article(), quote(at("dredging begins soon"), at("He"), "action"))
    report = score([said, told, dredging], [judged(said), judged(dredging, speech=False)], threshold=0.5, rate=1.0)
    groups = {name: tally.to_dict() for name, tally in report.groups.items()}
    assert (groups["all"]["extracted"], groups["all"]["judged"], groups["all"]["right"]) == (3, 2, 1)
    assert groups["all"]["right_pct"] == 50.0 and groups["all"]["speech_pct"] == 50.0
    assert (groups["not action"]["extracted"], groups["shown"]["extracted"], groups["shown"]["right_pct"]) == (
        2,
        1,
        100.0,
    )
    assert (groups["action"]["judged"], groups["indirect"]["judged"]) == (1, 0)
    assert report.unjudged == [told] and report.orphaned == 0
    assert report.rules == {"S-SAY": 1, "N-ACT": 1, "P-NAME": 2}


def test_the_sample_is_keyed_on_the_quote_not_its_place() -> None:
    quotes = [Extracted(f"page{i}.html", article(), quote(QUOTED, None)) for i in range(2000)]
    chosen = [q.page for q in quotes if in_sample(q, 0.14)]
    assert 230 < len(chosen) < 330  # about 14% of 2000
    assert [q.page for q in reversed(quotes) if in_sample(q, 0.14)] == chosen[::-1]  # order does not matter
    assert not any(in_sample(q, 0.0) for q in quotes) and all(in_sample(q, 1.0) for q in quotes)
    report = score(quotes[:50], [], threshold=0.5, rate=0.14)
    assert report.groups["all"].extracted == 50 and report.groups["all"].sampled == len(report.unjudged) < 50


def test_judgments_file_round_trip_and_errors(tmp_path: Path) -> None:
    q = Extracted("p.html", article(), quote(QUOTED, at("Tomas Berg")))
    path = tmp_path / "j.jsonl"
    path.write_text(judgment_line(judged(q)) + "\n\n", encoding="utf-8")
    assert load_judgments(path) == [judged(q)]
    bad = json.loads(judgment_line(judged(q))) | {"speech_rule": "S-GUESS"}
    path.write_text(judgment_line(judged(q)) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: unknown verdict or rule"):
        load_judgments(path)
    path.write_text('{"page": "p.html"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        load_judgments(path)


def test_context_marks_content_and_speaker() -> None:
    q = Extracted("p.html", article(), quote(QUOTED, at("Tomas Berg")))
    assert "“⟦The pier will reopen in June⟧,” said ‹Tomas Berg›, the port" in in_context(q, 30)


def test_wilson_interval() -> None:
    assert wilson(0, 0) == [0.0, 100.0]
    low, high = wilson(62, 100)
    assert 52 < low < 62 < high < 71


PAGE = """<html><head><title>Ferry service to resume</title></head><body><article>
<h1>Ferry service to resume</h1>
<p>The island ferry will run again from next month after repairs to its hull were finished ahead of schedule.</p>
<p>“We expect the first crossings to be full,” said Maren Holt, who manages the ferry company.</p>
<p>The crossing takes forty minutes and carries up to two hundred passengers and thirty cars on each trip.</p>
</article></body></html>"""


def test_eval_audit_command_incremental_rounds(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "ferry.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    judgments = tmp_path / "audit.jsonl"
    runner = CliRunner()
    listing = runner.invoke(
        app, ["eval", "audit", str(judgments), str(pages), "--rate", "1", "--unjudged", "--context", "30"]
    )
    assert listing.exit_code == 0, listing.output
    stubs = [json.loads(line) for line in listing.output.splitlines() if line.startswith("{")]
    assert stubs and all(s["page"] == "ferry.html.gz" for s in stubs)
    verdict = {"speech": True, "speaker_verdict": "right", "speech_rule": "S-SAY", "speaker_rule": "P-NAME"}
    judgments.write_text(json.dumps(stubs[0] | verdict | {"reason": "test"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "audit", str(judgments), str(pages), "--rate", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["groups"]["all"]["judged"] == 1 and report["groups"]["all"]["right_pct"] == 100.0
    listing = runner.invoke(app, ["eval", "audit", str(judgments), str(pages), "--rate", "1", "--unjudged"])
    assert stubs[0]["content_hash"] not in listing.output


def test_eval_audit_reads_plain_text_pages_in_the_format_given(tmp_path: Path) -> None:
    # audit.run_pages: a .txt page (headline, blank line, body) read with --input-format article.
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "harbour.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    args = ["eval", "audit", str(tmp_path / "audit.jsonl"), str(pages), "--rate", "1", "--unjudged"]
    listing = runner.invoke(app, [*args, "--input-format", "article"])
    assert listing.exit_code == 0, listing.output
    stubs = [json.loads(line) for line in listing.output.splitlines() if line.startswith("{")]
    assert stubs and {s["page"] for s in stubs} == {"harbour.txt"}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text(TEXT, encoding="utf-8")
    refused = runner.invoke(app, [*args[:3], str(empty), "--rate", "1"])
    assert refused.exit_code == 1 and "no .html or .txt pages" in refused.output
