"""The attribution metrics on a tiny hand-made gold, the BRAT reader, and ``newsdesk eval quotes``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.errors import InputError
from newsdesk.evaluation.desk_quotes import DeskScores, gold_source, overlap, quoted_offsets, shown
from newsdesk.evaluation.quotes import Attribution, QuoteScores, jaccard, load_gold, parse_brat
from newsdesk.record import Article, Entity, Quote, QuoteKind, Span, Speaker

TEXT = "Reyes said the pier would reopen. “We are ready,” Whitlock said. Polls show support."


def span(phrase: str, text: str = TEXT, *, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


SAID_1 = span("said")
SAID_2 = span("said", after=SAID_1[1])


def attribution(source: str | None, cue: tuple[int, int], *content: str) -> Attribution:
    return Attribution((span(source),) if source else (), (cue,), tuple(sorted(span(c) for c in content)))


def attribution_in(text: str, source: str, cue: str, content: str) -> Attribution:
    return Attribution((span(source, text),), (span(cue, text),), (span(content, text),))


GOLD = [
    attribution("Reyes", SAID_1, "the pier would reopen"),
    attribution("Whitlock", SAID_2, "“We are ready,”"),
    attribution("Polls", span("show"), "support"),
]


def test_exact_begin_and_linked_scores_by_hand() -> None:
    predicted = [
        attribution("Reyes", SAID_1, "the pier would reopen"),  # right on every role
        attribution("Whitlock", SAID_2, "“We are ready"),  # content begins right, ends short
        attribution("pier", span("reopen"), "We are ready"),  # wrong on every role
    ]
    scores = QuoteScores()
    scores.add_article(TEXT, GOLD, predicted)
    s = scores.exact
    assert (s["source"].tp, s["source"].fp, s["source"].fn) == (2, 1, 1)
    assert (s["cue"].tp, s["cue"].fp, s["cue"].fn) == (2, 1, 1)
    assert (s["content"].tp, s["content"].fp, s["content"].fn) == (1, 2, 2)
    b = scores.begin["content"]
    assert (b.tp, b.fp, b.fn) == (2, 1, 1)  # "“We are ready" begins where the gold does
    # Linked exact trims punctuation: "“We are ready" equals "“We are ready,”" after trimming.
    assert (scores.linked_exact.tp, scores.linked_exact.fp, scores.linked_exact.fn) == (2, 1, 1)
    assert scores.linked_exact.f1 == pytest.approx(2 / 3)
    assert scores.linked_overlap.tp == 2


def test_overlap_matching_is_one_to_one_and_needs_both_roles() -> None:
    gold = [attribution("Reyes", SAID_1, "the pier would reopen")]
    half = attribution("Reyes", SAID_1, "pier would reopen")  # content Jaccard 3/4
    wrong_source = attribution("Whitlock", SAID_1, "the pier would reopen")
    scores = QuoteScores()
    scores.add_article(TEXT, gold, [half, half, wrong_source])
    assert (scores.linked_overlap.tp, scores.linked_overlap.fp, scores.linked_overlap.fn) == (1, 2, 0)
    assert scores.linked_exact.tp == 0
    assert jaccard(set(), set()) == 1.0 and jaccard({1, 2}, {2, 3}) == pytest.approx(1 / 3)


def test_missing_source_matches_missing_source() -> None:
    gold = [Attribution((), (span("show"),), (span("support"),))]
    scores = QuoteScores()
    scores.add_article(TEXT, gold, [Attribution((), (span("show"),), (span("support"),))])
    assert scores.linked_exact.tp == 1 and scores.exact["source"].fp == 0


ANN = """T1\tSource 0 5\tReyes
T2\tCue 6 10\tsaid
T3\tContent 11 32\tthe pier would reopen
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tContent 34 49;60 65\t“We are ready,” said.
still the same span's text, spilled onto a second line
T6\tCue 60 64\tsaid
T7\tAttribution-no-source 60 64\tsaid
E2\tCue:T6 Content:T5 Attribution-no-source:T7
T8\tDiscuss 0 5\tReyes
#1\tAnnotatorNotes T1\tcheck
"""


def test_parse_brat_reads_events_fragments_and_skips_the_rest() -> None:
    got = parse_brat(ANN)
    assert got == [
        Attribution(((0, 5),), ((6, 10),), ((11, 32),)),
        Attribution((), ((60, 64),), ((34, 49), (60, 65))),
    ]


def _polnear(root: Path, text: str, ann: str) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\n"
        "dev\tferry\t1\taa|bb\tgazette\n"
        "train\tother\t1\taa\tgazette\n",
        encoding="utf-8",
    )
    (root / "dev" / "text" / "ferry.txt").write_text(text, encoding="utf-8")
    (root / "dev" / "attributions" / "ferry_aa.ann").write_text(ann, encoding="utf-8")
    (root / "dev" / "attributions" / "ferry_bb.ann").write_text("", encoding="utf-8")
    return root


ARTICLE = "Ferry to resume\n\nMayor Alma Reyes said on Monday that the ferry would run again by June.\n"


def _article_ann() -> str:
    source, cue, content = (
        span(p, ARTICLE) for p in ("Mayor Alma Reyes", "said", "that the ferry would run again by June")
    )
    return (
        f"T1\tSource {source[0]} {source[1]}\tMayor Alma Reyes\n"
        f"T2\tCue {cue[0]} {cue[1]}\tsaid\n"
        f"T3\tContent {content[0]} {content[1]}\tthat the ferry would run again by June\n"
        f"T4\tAttribution {cue[0]} {cue[1]}\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    )


def test_load_gold_takes_the_first_annotator(tmp_path: Path) -> None:
    root = _polnear(tmp_path, ARTICLE, _article_ann())
    gold = load_gold(root, "dev")
    assert [(g.name, len(g.attributions)) for g in gold] == [("ferry", 1)]
    with pytest.raises(InputError, match="no articles of split"):
        load_gold(root, "test")
    with pytest.raises(InputError, match=r"no metadata\.tsv"):
        load_gold(tmp_path / "dev", "dev")


def test_eval_quotes_command_end_to_end(tmp_path: Path) -> None:
    root = _polnear(tmp_path, ARTICLE, _article_ann())
    result = CliRunner().invoke(app, ["eval", "quotes", str(root), "--split", "dev", "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 1 and report["gold_attributions"] == 1
    for role in ("source", "cue", "content"):
        assert report["exact"][role]["f1"] == 100.0
    assert report["linked_exact"]["f1"] == 100.0
    assert set(report["speed"]["share"]) >= {"spacy", "newsdesk_quotes"}
    assert report["desk"]["gold_direct"] == 0  # the one gold content has no quotation marks


def test_eval_quotes_command_reports_a_bad_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path)])
    assert result.exit_code == 1
    assert "no metadata.tsv" in result.output


# --- the desk's direct-quote metrics -------------------------------------------------------------

DESK_TEXT = (
    "“The bridge will open in May,” Mayor Reyes said. She added that costs had risen.\n"
    "Critics called the plan a “folly” on Tuesday. “We were never consulted,” said a neighbour.\n"
)


def _quote(
    content: str, kind: QuoteKind, speaker: str | None = None, *, entity: str | None = None, **extra: Any
) -> Quote:
    start, end = span(content, DESK_TEXT)
    who = None
    if speaker is not None:
        s, e = span(speaker, DESK_TEXT)
        who = Speaker(entity=entity, name=speaker, start=s, end=e)
    return Quote(
        id=content[:8], speaker=who, cue=None, content=[Span(start, end)], kind=kind, stance="neutral", **extra
    )


def _desk_article(quotes: list[Quote]) -> Article:
    reyes = Entity(id="p1", name="Alma Reyes", type="PERSON", mentions=[Span(*span("Mayor Reyes", DESK_TEXT))])
    return Article(id="a", input_format="article", text=DESK_TEXT, body_start=0, entities=[reyes], quotes=quotes)


DESK_GOLD = [
    attribution_in(DESK_TEXT, "Mayor Reyes", "said", "“The bridge will open in May,”"),
    attribution_in(DESK_TEXT, "She", "added", "that costs had risen"),
    attribution_in(DESK_TEXT, "a neighbour", "said", "“We were never consulted,”"),
]


def test_quoted_offsets_pairs_marks_within_a_paragraph() -> None:
    inside = quoted_offsets('He said "yes" and “no”.\n"Open to the end')  # the last mark never closes
    text = 'He said "yes" and “no”.\n"Open to the end'
    assert sorted(text[i : i + 2] for i in inside) == ["Op", "en", "no", "th", "to", "ye"]
    assert overlap({1, 2, 3, 4}, {3, 4}) == 0.5 and overlap(set(), {1}) == 0.0
    text = "Mayor says ‘we will win’ today.\n''It is done,'' she said. It's late."
    assert sorted(text[i : i + 2] for i in quoted_offsets(text)) == ["It", "do", "is", "we", "wi", "wi"]


def test_desk_scores_found_precision_and_speaker() -> None:
    quotes = [
        _quote("The bridge will open in May", "direct", "She", entity="p1"),  # right: "She" is the mayor's entity
        _quote("folly", "direct", "Critics"),  # a scare quote: no gold quotation
        _quote("costs had risen", "indirect", "She"),  # not a direct quote: outside the precision count
        _quote("We were never consulted", "direct", "Critics"),  # found, wrong speaker
    ]
    desk = DeskScores()
    desk.add_article(_desk_article(quotes), DESK_GOLD)
    d = desk.to_dict()
    assert (d["gold_direct"], d["found"], d["speaker_right"]) == (2, 2, 1)
    assert (d["predicted_direct_mixed"], d["predicted_right"]) == (3, 2)
    assert d["precision_pct"] == pytest.approx(66.7)


def test_desk_scores_leave_out_actions_and_unsure_quotes() -> None:
    quotes = [
        _quote("The bridge will open in May", "action", "Mayor Reyes"),
        _quote("We were never consulted", "direct", "a neighbour", confidence=0.2),
    ]
    desk = DeskScores()
    desk.add_article(_desk_article(quotes), DESK_GOLD, min_confidence=0.5)
    assert (desk.found, desk.predicted) == (0, 0)
    assert shown(quotes[1], None) and not shown(quotes[1], 0.5)
    desk = DeskScores()
    desk.add_article(_desk_article(quotes), DESK_GOLD)
    assert (desk.found, desk.speaker_right, desk.predicted_right) == (1, 1, 1)


def test_gold_source_reads_swapped_labels_the_other_way_round() -> None:
    text = "“We will build it,” said Jane Roe. She smiled."
    swapped = Attribution(source=((20, 24),), cue=((25, 33),), content=((0, 19),))
    assert gold_source(text, swapped) == ((25, 33),)
    kept = Attribution(source=((25, 33),), cue=((20, 24),), content=((0, 19),))
    assert gold_source(text, kept) == ((25, 33),)
    pronoun = Attribution(source=((35, 38),), cue=((39, 45),), content=((0, 19),))
    assert gold_source(text, pronoun) == ((35, 38),)
