"""Whom a "he"/"she" speaker is: which names may be meant, and whose gender decides.

Short articles written for these tests (people and places invented). Each test names the rule it
exercises in :mod:`newsdesk.extract.entities` or :mod:`newsdesk.extract.quotes.speaker_pronouns`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy
from spacy.tokens import Span

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.extract.entities.scan import quoted
from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.speaker_pronouns import Resolved, _a_person_after_all, by_pronoun
from test_quotes_speakers import about


def test_doubled_apostrophes_are_quotation_marks_for_the_entities() -> None:
    # entities.scan.quoted: "''" opens and closes a quotation, as in some wire copy.
    text = "''If you want Holt's posts, go elsewhere,'' he said. ``Fine,'' she said."
    marks = quoted(text)
    assert text.index("Holt") in marks and text.index("he said") not in marks
    assert text.index("Fine") in marks and text.index("she said") not in marks


def test_a_name_that_only_qualifies_a_noun_is_not_the_pronoun_s_person() -> None:
    # entities.component._MODIFIERS, speaker_pronouns._MODIFIERS: "a Martin Kessler lecture" is an event.
    text = (
        "Union.\n\nThe dock workers' union met after a Martin Kessler memorial lecture in Aldport.\n\n"
        "“Things are picking up at the port,” he said.\n"
    )
    assert about(text, "Things are picking up").name is None


@dataclass
class _Book:
    """A name book (see ``speaker_pronouns.NameBook``) with no entities component: surnames of full
    names, genders, and names as written."""

    ctx: Context
    full: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        return self.full.get(name, name)

    def known_surname(self, name: str) -> bool:
        return name in self.full

    def by_name(self, start: int, end: int, head: object = None) -> Resolved:
        name = self.ctx.text[start:end]
        return Resolved(None, name, self.genders.get(name), True)


def test_a_name_typed_otherwise_is_a_person_when_a_surname_or_described_by_who() -> None:
    # speaker_pronouns._a_person_after_all: the model's type is wrong for "Ebbing" and "Tolle" here.
    doc = spacy.load(DEFAULT_MODEL)("Ebbing smiled. Tolle, who is 28, left. Arden was quiet.")
    book = _Book(Context.build(doc), {"Ebbing": "Ruth Ebbing"})
    as_org = {t.text: Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text in ("Ebbing", "Tolle", "Arden")}
    assert _a_person_after_all(book, as_org["Ebbing"])
    assert _a_person_after_all(book, as_org["Tolle"])
    assert not _a_person_after_all(book, as_org["Arden"])


def test_a_name_known_to_be_hers_beats_an_earlier_speaker_of_unknown_gender() -> None:
    # speaker_pronouns.by_pronoun: "Chris" tells no gender; a name known to be a woman's wins.
    doc = spacy.load(DEFAULT_MODEL)(
        "Chris Dunmore opened the meeting. The room went quiet when Carla Vance stood up. She said nothing."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Chris Dunmore", "PERSON"), ("Carla Vance", "PERSON")]
    book = _Book(Context.build(doc), genders={"Carla Vance": "f"})
    earlier = [(0, Resolved(None, "Chris Dunmore", None, True))]
    she = next(t for t in doc if t.text == "She")
    assert by_pronoun(book, she, "f", earlier).name == "Carla Vance"


def test_mr_and_a_surname_is_not_the_one_woman_of_that_name() -> None:
    # entities.cluster._owner_of_surname: a courtesy title of the other gender keeps them apart.
    text = (
        "Gala.\n\nMichelle Dorn and her husband arrived at the gala together. Mrs. Dorn spoke first.\n\n"
        '"Our progress is on the ballot," Mr. Dorn said on Saturday night.\n'
    )
    assert about(text, "Our progress").name == "Dorn"


def test_a_bare_surname_of_a_family_named_in_full_is_none_of_them_unless_titled() -> None:
    # speaker._Names.canonical: "Vance" could be Hillary or Bill; "Mrs. Vance" is Hillary.
    from newsdesk.extract.quotes.speaker import _Names

    doc = spacy.load(DEFAULT_MODEL)("Hillary Vance and Bill Vance spoke on Monday. Later, Vance left early.")
    names = _Names(Context.build(doc), None)
    assert names.canonical("Vance") == "Vance"
    assert names.canonical("Mrs. Vance") == "Hillary Vance"


def test_a_family_of_one_gender_gives_its_bare_surname_that_gender() -> None:
    # speaker._Names: "Donald Holt" and "Eric Holt" — whichever "Holt" is, "he" fits and "she" does not.
    from newsdesk.extract.quotes.speaker import _Names

    doc = spacy.load(DEFAULT_MODEL)("Donald Holt and Eric Holt spoke on Monday. Later, Holt left early.")
    names = _Names(Context.build(doc), None)
    assert names.canonical("Holt") == "Holt" and names.genders.get("Holt") == "m"
    assert names.known_surname("Holt") and not names.known_surname("Arden")


def test_the_look_back_passes_over_sentences_wholly_quoted() -> None:
    # speaker_pronouns._subject_before: "X criticized Y. “…? …? …,” she said" reaches X.
    from newsdesk.extract.quotes.speaker_pronouns import _subject_before

    doc = spacy.load(DEFAULT_MODEL)(
        "On the show, Dana Holt criticized the officer for the shooting.\n\n"
        "“How many times do we have to see this? In our town, an unarmed man? I mean, this is unbearable,” "
        "she said."
    )
    she = next(t for t in doc if t.text == "she")
    subject = _subject_before(Context.build(doc), she, 0)
    assert subject is not None and subject.text == "Holt"
