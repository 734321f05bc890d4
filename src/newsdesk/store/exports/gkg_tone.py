"""GKG's V1.5 tone field for the ``gkg`` export, with the two densities GDELT adds to the tone.

The stored tone has score, positive, negative, polarity and word count (:mod:`newsdesk.extract.tone`).
GDELT's field has two more: the Activity Reference Density (the share of "active words") and
the Self/Group Reference Density (the share of pronouns), both per 100 words like the others.
They are counted here over the same words the tone counts (alphabetic tokens, lower-cased),
with the word classes of ``data/gkg_words.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any

from newsdesk.store.exports.numbers import plain
from newsdesk.vocab.wordlists import parse_word_lists

_RESOURCE = "gkg_words.tsv"
_WORD = re.compile(r"[^\W\d_]+")
# Regular inflections an activity verb's base form takes, and what to put back: "-ing" of
# "strike" is "striking", of "stop" "stopping".
_ENDINGS = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",)), ("d", ("",)))


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    text = files("newsdesk").joinpath("data", _RESOURCE).read_text(encoding="utf-8")
    return parse_word_lists(text, frozenset({"self-group", "activity"}), _RESOURCE)


def is_activity(word: str) -> bool:
    """Whether a lower-cased word is an activity verb or a regular inflection of one."""
    verbs = _classes()["activity"]
    if word in verbs:
        return True
    for ending, restores in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
            if any(stem + r in verbs or undoubled + r in verbs for r in restores):
                return True
    return False


def densities(text: str) -> tuple[float, float]:
    """Activity and self/group reference densities of ``text``, per 100 words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0.0
    pronouns = _classes()["self-group"]
    active = sum(1 for w in words if is_activity(w))
    selves = sum(1 for w in words if w in pronouns)
    return 100.0 * active / len(words), 100.0 * selves / len(words)


def tone_field(tone: dict[str, Any] | None, body: str, word_count: int) -> str:
    """``Tone,Positive,Negative,Polarity,ActivityDensity,SelfGroupDensity,WordCount`` ("" without a tone)."""
    if not tone:
        return ""
    activity, selves = densities(body)
    values = (tone["score"], tone["positive"], tone["negative"], tone["polarity"], activity, selves)
    return ",".join(plain(round(v, 4)) for v in values) + f",{tone.get('word_count') or word_count}"
