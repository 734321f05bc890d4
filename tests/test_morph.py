"""newsdesk_morph gives exactly what the model's attribute_ruler and lemmatizer give."""

from __future__ import annotations

import spacy

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.annotate.morph import FastMorph
from newsdesk.pipeline import Pipeline

TEXT = (
    "Harbour strike enters its third day\n\n"
    "The union's leader, who has led it since 2019, said they weren't gonna back down. "
    '"I\'d rather lose my job than sign that," she told reporters; there are  two  offers.\n\n'
    "Nobody knew whether the ports authority had been warned. It's been, as they say, "
    "a long week: y'all can't blame 'em. Let's see what happens once the cranes stop.\n"
)


def test_same_annotations_as_the_model_components() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    reference = nlp(TEXT)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast = FastMorph(ruler, lemmatizer)  # type: ignore[arg-type]
    mine = fast(nlp(TEXT, disable=["attribute_ruler", "lemmatizer"]))
    assert len(mine) == len(reference)
    for ref, got in zip(reference, mine, strict=True):
        assert (got.pos_, str(got.morph), got.lemma_, got.tag_, got.dep_) == (
            ref.pos_,
            str(ref.morph),
            ref.lemma_,
            ref.tag_,
            ref.dep_,
        ), ref.text


def test_newsdesk_pipeline_uses_it() -> None:
    names = Pipeline().nlp.pipe_names
    assert "newsdesk_morph" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index("parser") < names.index("newsdesk_morph") < names.index("ner")
