"""Counting words in any script, for the "is there an article at all" test.

Splitting on white space counts words in scripts that space them, but a Japanese, Chinese or
Thai paragraph is one "word" that way, so a full article in those scripts looked like an empty
page. Characters of scripts written without spaces count as half a word each (a Chinese or
Japanese word is about two characters long on average).
"""

from __future__ import annotations

import re

# Han, kana, Thai, Lao, Myanmar, Khmer (written without spaces between words) and Hangul, whose
# syllable blocks are counted the same way by the text cleaner's line measure.
UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Words of ``text``: white-space tokens, with unspaced-script characters counted in pairs."""
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    spaced = sum(1 for token in text.split() if not UNSPACED.search(token))
    return spaced + unspaced // _CHARS_PER_WORD
