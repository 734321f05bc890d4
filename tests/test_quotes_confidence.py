"""Quote confidence: every quote has one, and the model ranks the reasons to doubt a quote as it says."""

from __future__ import annotations

from newsdesk.extract.quotes.confidence import Evidence, confidence, features
from newsdesk.pipeline import Pipeline

PLAIN = Evidence(
    kind="direct", cue_lemma="say", frame="clause", speaker="person", pronoun=False, inherited=False, content_words=12
)


def test_every_extracted_quote_has_a_confidence_between_zero_and_one() -> None:
    text = (
        "Harbour master Lena Ortiz said the new pier would open in May. "
        '"We are ready," Ortiz told reporters on Tuesday. '
        "Officials in the port argued that the budget was too small."
    )
    quotes = Pipeline().nlp(text)._.quotes
    assert quotes
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in quotes)


def test_each_reason_for_doubt_lowers_confidence() -> None:
    sure = confidence(PLAIN)
    for doubt in (
        Evidence("direct", "say", "clause", "none", False, False, 12),  # nobody named
        Evidence("direct", None, "clause", "person", False, True, 12),  # no cue, speaker borrowed
        Evidence("direct", "say", "clause", "person", False, False, 2),  # a scare-quote-sized fragment
        Evidence("direct", "say", "clause", "group", False, False, 12),  # "officials", no entity
    ):
        assert confidence(doubt) < sure


def test_features_are_flags_named_like_the_weights() -> None:
    flags = features(PLAIN)
    assert set(flags.values()) <= {0.0, 1.0}
    assert flags["bias"] == 1.0 and flags["direct"] == 1.0 and flags["no_speaker"] == 0.0
