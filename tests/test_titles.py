"""Titles from the parse: before the name, appositives, relative clauses, copulas — and what is not a title."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.extract.entities.titles import is_role, prename_title, titles_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(DEFAULT_MODEL)


def titles(nlp: Language, sentence: str, name: str, kind: str = "PERSON") -> list[str]:
    """The titles of the first occurrence of ``name`` in ``sentence``."""
    doc = nlp(sentence)
    start_char = sentence.index(name)
    span = doc.char_span(start_char, start_char + len(name))
    assert span is not None
    return titles_of(doc, span.start, span.end, kind)


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Mayor Lena Hartmann said the city would not intervene.", "Lena Hartmann", ["Mayor"]),
        (
            "Veltrian Special Presidential Envoy for Carpathia Dorin Malek said talks had stalled.",
            "Dorin Malek",
            ["Veltrian Special Presidential Envoy for Carpathia"],
        ),
        (
            "He praised the role of Veltrian National Security Adviser (NSA) Ivo Daskal in the talks.",
            "Ivo Daskal",
            ["Veltrian National Security Adviser"],
        ),
        ("Hugh Hill, a doctor, said the ward was full.", "Hugh Hill", ["doctor"]),
        (
            "Kestrel Shipping said its chief executive, Tomas Brenner, had resigned.",
            "Tomas Brenner",
            ["chief executive"],
        ),
        (
            "Peter Novak, who serves as spokesman for the Interior Ministry, declined to comment.",
            "Peter Novak",
            ["spokesman for the Interior Ministry"],
        ),
        ("Tomas Brenner is a career diplomat.", "Tomas Brenner", ["career diplomat"]),
        ("Sarah Collins became chairwoman of the board in 2019.", "Sarah Collins", ["chairwoman of the board"]),
        (
            "Sarah Collins was named chief financial officer of Brightwater Energy in March.",
            "Sarah Collins",
            ["chief financial officer of Brightwater Energy"],
        ),
        ("Daniel Reyes, 52, a former army officer, said the plan was sound.", "Daniel Reyes", ["former army officer"]),
        ("Harbor City quarterback Sean Culver said the line had held.", "Sean Culver", ["Harbor City quarterback"]),
        (
            "Greta Solberg, president and chief operating officer of the launch firm, said it would fly.",
            "Greta Solberg",
            ["president", "chief operating officer"],
        ),
        (
            "Nora Elling, a senior fellow at the Tidewater Institute, said the plan was costly.",
            "Nora Elling",
            ["senior fellow at the Tidewater Institute"],
        ),
    ],
)
def test_titles_found(nlp: Language, sentence: str, name: str, expected: list[str]) -> None:
    assert titles(nlp, sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Daniel Reyes is not a lawyer, his office said.", "Daniel Reyes"),  # negated
        ("Daniel Reyes could become mayor next year.", "Daniel Reyes"),  # modal: not what he is
        ("Daniel Reyes is a threat to the region, the minister said.", "Daniel Reyes"),  # not a role
        ("She welcomed the endorsement of singer Maya Lind.", "Maya Lind"),  # "endorsement" is no role
        ("The trek will feature members Tom Halvers and Patrick Simmer for the first time.", "Tom Halvers"),  # plural
        ("Gary Brand, Tom Halvers's predecessor, said the talks had failed.", "Gary Brand"),  # a relation
        ("Gary Brand, his superior at the agency, said nothing.", "Gary Brand"),  # a relation
        ("Gary Brand, a participant in the talks, said they had failed.", "Gary Brand"),  # an event's part
        ("Gary Brand, the real mayor of the town, said nothing.", "Gary Brand"),  # an opinion of the holder
    ],
)
def test_not_titles(nlp: Language, sentence: str, name: str) -> None:
    found = titles(nlp, sentence, name)
    words = ("lawyer", "mayor", "threat", "endorsement", "members", "predecessor", "superior", "participant")
    assert not any(word in " ".join(found) for word in words), found


def test_organisation_titles(nlp: Language) -> None:
    assert titles(nlp, "The militant group Black Banner said it carried out the attack.", "Black Banner", "ORG") == [
        "militant group"
    ]


def test_a_list_of_organisations_gives_none_a_title(nlp: Language) -> None:
    sentence = (
        "She was asked which rivals she was proudest of. She said, “Well, in addition to the Dock League, "
        "the big shipping companies, the insurance companies, the foreign bankers … probably the Liberals.”"
    )
    assert titles(nlp, sentence, "Dock League", "ORG") == []  # the parse makes the list an appositive


def test_prename_title_needs_a_role_word(nlp: Language) -> None:
    doc = nlp("Uzbek-born Marat Sadykov said he would run.")
    assert prename_title(doc, next(t.i for t in doc if t.text == "Marat"), "PERSON") is None
    doc = nlp("Democratic presidential candidate Maria Lopez spoke first.")
    start = next(t.i for t in doc if t.text == "Maria")
    found = prename_title(doc, start, "PERSON")
    assert found is not None and doc[found[0] : found[1]].text == "Democratic presidential candidate"


def test_role_words(nlp: Language) -> None:
    doc = nlp("The strategist met the banker, the consultant and the government near the border.")
    roles = {t.text for t in doc if is_role(t, "PERSON")}
    assert roles == {"strategist", "banker", "consultant"}


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # A noun that governs the name ends the sentence's part: the title starts after it.
        ("Voters cheered his running mate Gov. Carl Benning of Ohio.", "Carl Benning", ["Gov."]),
        ("In his letter FBI Director Lane Fowler said the review was over.", "Lane Fowler", ["FBI Director"]),
        # Two titled names joined by a preposition: each keeps its own.
        (
            "The memo went from Harbor Institute President Dana Morrow to Fowler campaign chairman Eli Grant.",
            "Eli Grant",
            ["Fowler campaign chairman"],
        ),
        ("Gary Brand, a former agent for President Lane Fowler, wrote a book.", "Lane Fowler", ["President"]),
        # The name as the object of its own title's preposition stays one title.
        ("Envoy for Carpathia Dorin Malek said talks had stalled.", "Dorin Malek", ["Envoy for Carpathia"]),
        # A preposition inside a proper name is not one between two titles.
        (
            "Ratings peaked when Harbor Hall of Fame player Sean Culver hosted the show.",
            "Sean Culver",
            ["Harbor Hall of Fame player"],
        ),
        # Two names coordinated in a complement stay in the title.
        (
            "Dana Morrow, a former adviser to President Lane Fowler and President Eli Grant, said it.",
            "Dana Morrow",
            ["former adviser to President Lane Fowler and President Eli Grant"],
        ),
        # What is left of the sentence before the title goes with it ("rivals -").
        ("His two rivals - Sen. Eli Grant of Ohio and Gov. Dana Morrow - were silent.", "Eli Grant", ["Sen."]),
        # Another person coordinated before a title-headed phrase is not part of it.
        (
            "Benning and City Hall political director Mara Quist have spoken with both camps.",
            "Mara Quist",
            ["City Hall political director"],
        ),
    ],
)
def test_title_stops_at_the_name_and_the_clause(nlp: Language, sentence: str, name: str, expected: list[str]) -> None:
    assert titles(nlp, sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # Stance and creed describe what a person thinks, not a post: the coordinated role stays.
        ("Filmmaker Mark Dorsey, a Fowler supporter, spoke on Monday.", "Mark Dorsey", ["Filmmaker"]),
        (
            "Dana Morrow, a Fowler backer and president of the Harbor Institute, asked for a recount.",
            "Dana Morrow",
            ["president of the Harbor Institute"],
        ),
        ("Maria Lopez, a self-described democratic socialist, won the seat.", "Maria Lopez", []),
        # Rankings, forecasts and opinions of a person are not titles.
        ("Nora Vance is the only mayor tough enough to fix the roads, her aide said.", "Nora Vance", []),
        ("I think Nora Vance is a better candidate because of it.", "Nora Vance", []),
        ("Maria Lopez became the most famous challenger in the state.", "Maria Lopez", []),
        ("Nora Vance was the first candidate to weigh in on the vote.", "Nora Vance", []),
        ("Nora Vance is the candidate who can beat them, Dorsey said.", "Nora Vance", []),
        ("Maria Lopez, a potential running mate for Fowler, declined to comment.", "Maria Lopez", []),
        ("Eli Grant was an incredible father and grandfather, his family said.", "Eli Grant", []),
        # A plural role is shared, not one person's title.
        ("Rivals like Mr. Grant and Mr. Morrow, who have been the mayors of large cities, spoke.", "Grant", []),
        # A clause on "which" comments on the sentence, not on the role's holder.
        (
            "Since Fowler became the presumptive nominee, which is to ignore the report, donors have waited.",
            "Fowler",
            ["presumptive nominee"],
        ),
        # The writer's adjective goes, the title stays; an appositive's clause only adds to a title.
        (
            "Lane Fowler praised his combative former campaign manager, Eli Grant, on Monday.",
            "Eli Grant",
            ["former campaign manager"],
        ),
        ("The embattled Gov. Maria Lopez said she would stay.", "Maria Lopez", ["Gov."]),
        (
            "Maria Lopez, the former mayor who now runs a charity, said she would stay.",
            "Maria Lopez",
            ["former mayor"],
        ),
        (
            "Eli Grant, who had been serving as the de facto campaign manager, quit.",
            "Eli Grant",
            ["de facto campaign manager"],
        ),
    ],
)
def test_opinions_and_descriptions_are_not_titles(nlp: Language, sentence: str, name: str, expected: list[str]) -> None:
    assert titles(nlp, sentence, name) == expected


def test_an_affiliations_appositive_belongs_to_the_person(nlp: Language) -> None:
    sentence = "Eva Marsh of Channel Nine News, winner of the Keller award for reporting, spoke."
    assert titles(nlp, sentence, "Channel Nine News", "ORG") == []
    assert titles(nlp, sentence, "Eva Marsh") == ["winner of the Keller award for reporting"]


def test_a_name_inside_another_persons_title_has_no_title_before_it(nlp: Language) -> None:
    # "Harbor Radio" modifies "host"; "right-wing" is an adjective, not the organisation's "wing".
    sentence = "Lane Fowler, a former banker and right-wing Harbor Radio talk-show host, was charged on Monday."
    assert titles(nlp, sentence, "Harbor Radio", "ORG") == []


def test_the_both_of_a_pair_does_not_open_a_title(nlp: Language) -> None:
    """A parse the small model gives such sentences, set by hand: "both" a preconjunct of the title."""
    from spacy.tokens import Doc

    words = (
        "The tour will go on until polling day , with both Mayor Lena Hartmann "
        "and her husband Peter expected to speak ."
    )
    rows = [  # (pos, tag, dep, head)
        ("DET", "DT", "det", 1), ("NOUN", "NN", "nsubj", 3), ("AUX", "MD", "aux", 3), ("VERB", "VB", "ROOT", 3),
        ("ADP", "RP", "prt", 3), ("ADP", "IN", "prep", 3), ("NOUN", "NN", "compound", 7), ("NOUN", "NN", "pobj", 5),
        ("PUNCT", ",", "punct", 3), ("ADP", "IN", "prep", 3), ("PRON", "DT", "preconj", 11),
        ("PROPN", "NNP", "nsubj", 18), ("PROPN", "NNP", "compound", 13), ("PROPN", "NNP", "appos", 11),
        ("CCONJ", "CC", "cc", 13), ("PRON", "PRP$", "poss", 16), ("NOUN", "NN", "conj", 13),
        ("PROPN", "NNP", "appos", 16), ("VERB", "VBD", "pcomp", 9), ("PART", "TO", "aux", 20),
        ("VERB", "VB", "xcomp", 18), ("PUNCT", ".", "punct", 3),
    ]  # fmt: skip
    split = words.split()
    doc = Doc(
        nlp.vocab,
        words=split,
        pos=[r[0] for r in rows],
        tags=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[w.lower() for w in split],
        ents=["O"] * 12 + ["B-PERSON", "I-PERSON"] + ["O"] * 8,
        sent_starts=[True] + [False] * 21,
    )
    assert titles_of(doc, 12, 14, "PERSON") == ["Mayor"]
