"""Language identification of a cleaned article, offline, with py3langid's bundled model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Texts shorter than this many letters are not identified: with fewer, langid's guesses on
# news headlines flip between related languages (checked by hand on one-line titles).
_MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when there is too little text."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    lang, _prob = _identifier().classify(sample)
    return str(lang)
