"""Who speaks: speakers are names, resolved pronouns or describable groups, never a bare "they".

Short articles written for these tests (people, firms and places invented). Each test names the
rule it exercises in :mod:`newsdesk.extract.quotes.speaker` and its helper modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsdesk.evaluation.quotes import attributions
from newsdesk.pipeline import Pipeline
from newsdesk.record import Entity, Quote


@dataclass(frozen=True)
class Said:
    """One quote as a reader checks its source."""

    phrase: str | None
    name: str | None
    entity: str | None
    content: str


@cache
def _pipeline() -> Pipeline:
    return Pipeline()


def sources(text: str) -> list[Said]:
    """The quotes of ``text``: the source phrase as written, the speaker's name and entity name."""
    doc = _pipeline().nlp(text)
    quotes: list[Quote] = doc._.quotes
    entities: dict[str, str] = {e.id: e.name for e in doc._.entities if isinstance(e, Entity)}
    out = []
    for q in quotes:
        if q.speaker is None:
            words = q.source_phrase
            assert words is None or text[words.start : words.end] == words.text
            phrase = words.text if words else None
            out.append(Said(phrase, None, None, text[q.content[0].start : q.content[0].end]))
            continue
        assert q.source_phrase is None  # the phrase is kept only when no speaker could be named
        phrase = text[q.speaker.start : q.speaker.end]
        entity = entities.get(q.speaker.entity) if q.speaker.entity else None
        out.append(Said(phrase, q.speaker.name, entity, text[q.content[0].start : q.content[0].end]))
    return out


def about(text: str, content_start: str) -> Said:
    """The one quote whose content starts with ``content_start``."""
    hits = [s for s in sources(text) if s.content.lstrip('“"').removeprefix("that ").startswith(content_start)]
    assert len(hits) == 1, (content_start, sources(text))
    return hits[0]


def test_a_pronoun_nobody_can_be_found_for_has_no_speaker() -> None:
    text = "Ferry fares rise.\n\nThey said the ferry fares would rise again in the spring.\n"
    said = about(text, "the ferry fares")
    assert (said.phrase, said.name) == ("They", None)


def test_a_determiner_alone_is_no_speaker() -> None:
    text = "Tolls.\n\nThe toll plan divided the council. Some said the tolls were too high.\n"
    said = about(text, "the tolls were")
    assert (said.phrase, said.name) == ("Some", None)


def test_a_quantifier_with_a_place_is_a_describable_group() -> None:
    text = "Harbour.\n\nMany in Port Halden believe the harbour will close next year.\n"
    said = about(text, "the harbour")
    assert said.name == "Many in Port Halden" and said.entity is None


def test_the_writer_i_outside_a_quotation_is_no_speaker() -> None:
    text = "Column.\n\nI think the harbour plan is a mistake, and the council should drop it.\n"
    said = about(text, "the harbour plan")
    assert (said.phrase, said.name) == ("I", None)


def test_an_administration_named_after_a_person_is_not_that_person() -> None:
    text = (
        "Visas.\n\nPresident Arlen Vosk met the governors on Monday. "
        "The Vosk administration denied that it had cut the number of visas.\n"
    )
    said = about(text, "it had cut")
    assert said.name == "The Vosk administration" and said.entity is None


def test_representatives_of_a_persons_family_are_not_that_person() -> None:
    text = (
        "Inquest.\n\nMarek Lind died in custody last month. "
        "Representatives of Lind's family said the inquest had been rushed.\n"
    )
    said = about(text, "the inquest")
    assert said.entity is None and said.name == "Representatives of Lind's family"


def test_a_spokeswoman_still_speaks_for_the_person() -> None:
    text = "Budget.\n\nMayor Ines Halvorsen presented the budget. Halvorsen's spokeswoman said the cuts were final.\n"
    said = about(text, "the cuts")
    assert said.entity == "Ines Halvorsen"


def test_a_role_with_a_name_beside_it_is_that_name() -> None:
    text = (
        "Forum.\n\n“The queues are getting longer,” said another forum user, Ana Ruiz, on Tuesday. "
        "The forum is run by Tallis Media.\n"
    )
    said = about(text, "The queues")
    assert said.name == "Ana Ruiz"


def test_the_bank_is_the_bank_named_just_before() -> None:
    text = (
        "Rates.\n\nNordhavn Bank raised its lending rate on Monday, citing higher costs. "
        "The bank said it expected demand for loans to fall.\n"
    )
    said = about(text, "it expected")
    assert (said.phrase, said.entity) == ("The bank", "Nordhavn Bank")


def test_the_company_is_the_one_organisation_named_before() -> None:
    text = (
        "Plant.\n\nVeltra Industries will close its plant in Dunmarrow next year. "
        "The company said about 300 jobs would go.\n"
    )
    said = about(text, "about 300")
    assert said.entity == "Veltra Industries"


def test_the_company_after_two_organisations_stays_a_phrase() -> None:
    text = (
        "Merger.\n\nVeltra Industries agreed to buy Tamsin Holdings for $2 billion on Monday. "
        "The company said the deal would close in June.\n"
    )
    said = about(text, "the deal")
    assert (said.name, said.entity) == ("The company", None)


def test_a_specific_description_is_the_organisation_that_was_the_subject_before() -> None:
    text = (
        "Vans.\n\nVeltra has cut the price of its electric van by a fifth. "
        "The automaker says it will do the same with all of its models next year.\n"
    )
    assert about(text, "it will do").entity == "Veltra"


def test_a_subject_whose_name_says_another_kind_is_not_the_description() -> None:
    text = "Suit.\n\nNorcast Bank sued Veltra on Monday. The automaker said the claim had no merit.\n"
    assert about(text, "the claim").entity is None


def test_two_subjects_before_a_description_leave_it_a_phrase() -> None:
    text = (
        "Prices.\n\nVeltra and Norcast have both cut prices. "
        "The automaker says it will do the same with all of its models next year.\n"
    )
    assert about(text, "it will do").entity is None


def test_a_pronoun_after_a_sentence_goes_to_its_subject_not_the_nearest_name() -> None:
    text = (
        "Budget.\n\nFormer governor Edwin Rask praised Tomas Brandt for his budget work, "
        "but he said the town still needed a new school.\n"
    )
    said = about(text, "the town")
    assert said.entity == "Edwin Rask"


def test_a_reporting_pronoun_goes_to_the_subject_of_the_sentence_before() -> None:
    text = (
        "Radio.\n\nGil Mora, a radio host in Dunmarrow, recalled that Tomas Brandt was barely known then. "
        "“I hate to say it, but nobody took him seriously,” he said.\n"
    )
    said = about(text, "I hate")
    assert said.entity == "Gil Mora"


def test_a_person_newly_described_keeps_the_pronoun_from_a_name_inside_the_description() -> None:
    text = (
        "Senate.\n\nA senator who had met Tomas Brandt twice will vote against the bill. "
        "He said the bill had been rushed through committee.\n"
    )
    said = about(text, "the bill had")
    assert (said.phrase, said.entity) == ("He", None)


def test_an_unresolved_source_keeps_its_words_where_they_stand() -> None:
    text = "Wire.\n\n“They lied,” they said, and they left.\n"
    quote = next(q for q in _pipeline().nlp(text)._.quotes if q.cue is not None)
    assert quote.speaker is None and quote.source_phrase is not None
    phrase = quote.source_phrase
    assert (phrase.text, text[phrase.start : phrase.end]) == ("they", "they")
    assert text.index("they said") == phrase.start  # not "They" inside the quotation, not the later "they"
    (scored,) = attributions([quote])
    assert scored.source == ((phrase.start, phrase.end),)


def test_they_after_a_group_is_that_group() -> None:
    text = (
        "Strike.\n\nDock workers in Dunmarrow walked out on Monday over pay. "
        "They said the port owners had broken their promise.\n"
    )
    said = about(text, "the port owners")
    assert (said.phrase, said.name) == ("They", "Dock workers in Dunmarrow")


def test_they_after_things_that_cannot_speak_stays_unresolved() -> None:
    text = "Rules.\n\nThe new parking rules took effect on Monday. They said the rules were unfair.\n"
    said = about(text, "the rules were")
    assert (said.phrase, said.name) == ("They", None)


def test_it_after_an_organisation_subject_is_that_organisation() -> None:
    text = (
        "Union.\n\nThe Dock Workers Union rejected the offer on Monday. It said the offer did not cover rising rents.\n"
    )
    said = about(text, "the offer did")
    assert said.phrase == "It" and said.entity == "Dock Workers Union"


def test_she_skips_a_man_known_by_his_given_name() -> None:
    text = (
        "Debate.\n\nSenator Maria Lindqvist questioned the plan on Monday. "
        "Her rival, Donald Pellman, defended it at length. "
        "“The numbers simply do not add up,” she said.\n"
    )
    said = about(text, "The numbers")
    assert said.entity == "Maria Lindqvist"


def test_others_alone_is_no_speaker() -> None:
    text = "Tolls.\n\nSome drivers welcomed the tolls. Others said the tolls would hurt small shops.\n"
    said = about(text, "the tolls would")
    assert (said.phrase, said.name) == ("Others", None)


def test_who_after_a_place_is_the_person_the_place_describes() -> None:
    text = (
        "Clinic.\n\n“It matters to the town,” said Ruth Okafor, a dentist from Harwick, Vermont, "
        "who said she had treated patients there for a decade.\n"
    )
    said = about(text, "she had treated")
    assert said.entity == "Ruth Okafor"


def test_a_dateline_is_not_the_speaker_beside_a_named_person() -> None:
    text = (
        "Judge speaks.\n\nHARWICK, May 3 (Wire) — Former Judge Ruth Okafor told the convention that the "
        "court had been misled.\n"
    )
    said = about(text, "the court had")
    assert said.entity == "Ruth Okafor"


def test_people_of_an_organisation_are_not_its_voice() -> None:
    text = "Launch.\n\nVeltra engineers said the rocket was ready. A Veltra spokesman said the launch would go ahead.\n"
    assert about(text, "the rocket").entity is None
    assert about(text, "the launch").entity == "Veltra"


def test_a_given_name_of_both_genders_tells_no_gender() -> None:
    text = (
        "Crossings.\n\nTerry Holm criticised the ferry company for the cancelled crossings and said that she "
        "and her neighbours had waited long enough.\n\n"
        "“Nobody at the company should make us wait another winter for a reliable boat,” she said.\n"
    )
    assert about(text, "Nobody at the company").entity == "Terry Holm"


def test_it_after_a_document_is_whoever_put_the_document_out() -> None:
    # speaker_pronouns._document: "A letter from X … it said" is X's; with no author, the document.
    text = (
        "A letter from the tenants’ association reached the council on Monday. "
        "“We have waited long enough for the repairs,” it said."
    )
    assert about(text, "We have waited").name == "the tenants’ association"


def test_it_after_a_document_with_no_author_is_the_document() -> None:
    text = "The annual report was published on Friday. “Leaks cost the city more than new pipes would,” it said."
    assert about(text, "Leaks cost").name == "The annual report"


def test_it_after_a_text_held_up_is_the_text() -> None:
    # speaker_pronouns._document_before: what "reads" and is no organisation is the text named just before.
    text = (
        "Plant gates.\n\nMara Lind stood at the gate of the plant and held up a hand-painted sign.\n\n"
        "“Jobs here, not abroad,” it read.\n"
    )
    assert about(text, "Jobs here").name == "a hand-painted sign"


def test_it_is_not_a_text_named_inside_a_clause() -> None:
    # speaker_pronouns._main_argument: a rumour that someone wrote a letter talks about the letter.
    text = (
        "Archive.\n\nThe rumour that the mayor had written a letter to the port spread fast. "
        "“We have no record of any such request,” it said.\n"
    )
    assert about(text, "We have no record").name is None


def test_a_pronoun_after_a_described_person_is_that_description() -> None:
    # speaker_pronouns._described: a person brought in by a description speaks as that description.
    text = (
        "Flood.\n\nA reporter for a regional radio station called it a mess.\n\n"
        "“We saw boats pushed onto the road,” he said.\n"
    )
    said = about(text, "We saw boats")
    assert (said.phrase, said.name) == ("he", "A reporter for a regional radio station")


def test_a_bare_description_or_a_name_since_leaves_the_pronoun_unresolved() -> None:
    # speaker_pronouns._described: "a woman" tells a reader nothing; someone named since may be meant.
    bare = "Dam.\n\nA woman watched the water rise. “I have never seen it this high,” she said.\n"
    assert about(bare, "I have never").name is None
    named = (
        "Dam.\n\nA woman from the valley watched the water rise. Her neighbour, Ida Brandt, joined her. "
        "“I have never seen it this high,” she said.\n"
    )
    assert about(named, "I have never").name != "A woman from the valley"


def test_a_pronoun_that_replies_is_whom_the_sentence_before_asked() -> None:
    # speaker_pronouns._answerer: not the asker.
    text = (
        "Count.\n\nA reporter asked Dana Whitfield how she felt about the count. "
        "She replied: “The longer the line, the happier I am.”\n"
    )
    assert about(text, "The longer the line").name == "Dana Whitfield"


def test_it_again_after_it_stood_for_a_text_is_the_same_text() -> None:
    # speaker_pronouns._antecedent_of_it: a second "it said" continues the first one's text.
    text = (
        "Pier.\n\nThe email was sent at noon by the harbour master. Two boats were lost that day.\n\n"
        "“I just tried you on the phone but you were out,” it reads.\n\n"
        "“We have found the tugs that could move to the pier. They are starting up as we speak,” it said.\n"
    )
    assert about(text, "We have found the tugs").name == "The email"


def test_it_after_a_clause_hung_on_the_root_after_it_is_that_clause_subject() -> None:
    # speaker_pronouns._main_verb: "the paper notes …, it lists …, and it says" is all the paper's.
    text = (
        "Bridges.\n\nFor instance, the paper notes the city inspects 200 of its 700 bridges, it lists steps "
        'taken to fix them, and it says the council has closed 40 roads "to keep traffic off weak spans."\n'
    )
    assert about(text, "the council has closed").name == "the paper"
