"""The stance lexicon: size, classes, multiword entries, and a data file that fails loudly."""

from __future__ import annotations

import pytest

from newsdesk.vocab.stance import STANCES, lexicon, parse_lexicon, stance_of


def test_lexicon_has_at_least_150_expressions_over_every_class() -> None:
    lex = lexicon()
    assert len(lex) >= 150
    classes = {e.stance for entries in lex.by_first.values() for e in entries}
    assert classes == set(STANCES)


@pytest.mark.parametrize(
    ("expression", "stance"),
    [
        ("say", "say"),
        ("stress", "assert-stress"),
        ("claim", "claim-allege"),
        ("allege", "claim-allege"),
        ("believe", "believe-think"),
        ("warn", "warn"),
        ("deny", "deny-reject"),
        ("ask", "question-ask"),
        ("vow", "promise"),
        ("according to", "according-to"),
        ("find", "report-find"),
        ("point out", "say"),
        ("go on to say", "say"),
        ("call for", "assert-stress"),
    ],
)
def test_stance_of_single_and_multiword_expressions(expression: str, stance: str) -> None:
    assert stance_of(expression) == stance


def test_unknown_expression_is_neutral() -> None:
    assert stance_of("harrumph") == "say"


def test_longest_expression_is_tried_first() -> None:
    words = [e.words for e in lexicon().candidates("point")]
    assert words[0] == ("point", "out") or len(words[0]) >= len(words[-1])
    assert ("point", "out") in words and ("point", "to") in words


def test_parse_lexicon_reads_comments_and_rejects_bad_lines() -> None:
    lex = parse_lexicon("# comment\nsay\tsay\tcot\npoint out\tsay\tc  # trailing note\n")
    entry = lex.get("point out")
    assert entry is not None and entry.frames == frozenset("c")
    with pytest.raises(ValueError, match="bad stance"):
        parse_lexicon("say\tgossip\tc\n")
    with pytest.raises(ValueError, match="bad stance or frames"):
        parse_lexicon("say\tsay\tx\n")
    with pytest.raises(ValueError, match="listed twice"):
        parse_lexicon("say\tsay\tc\nsay\tsay\tc\n")
    with pytest.raises(ValueError, match="3 tab-separated"):
        parse_lexicon("say say c\n")
