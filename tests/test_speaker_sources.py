"""Who speaks when the cue has no subject of its own: participles, passives, "as X put it", and
which name in a source phrase is the speaker.

Sentences written for these tests (people, firms and places invented). Each test names the rule
in :mod:`newsdesk.extract.quotes.indirect` or :mod:`newsdesk.extract.quotes.speaker` it exercises.
"""

from __future__ import annotations

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.speaker import _Names
from newsdesk.pipeline import Pipeline
from test_quotes_speakers import about, sources


def test_as_x_put_it_takes_x_as_the_source() -> None:
    # indirect._as_subject: the parser reads "As" as a preposition and its subject as that preposition's object.
    text = (
        "Bridges.\n\nAs Mirela Dunst, who teaches planning at Corven University, put it, "
        "“A bridge nobody can afford is not a plan at all.”\n"
    )
    assert about(text, "A bridge nobody").name == "Mirela Dunst"


def test_a_passive_governor_gives_its_subject_to_the_infinitive_cue() -> None:
    # indirect._passive_controller: "was moved to say" is said by the passive's subject.
    text = (
        "Budget.\n\nThe hearing ran long, and Mr. Okafor was moved to say, "
        "“I have never seen a budget drafted with so little care.”\n"
    )
    assert about(text, "I have never").name == "Okafor"


def test_a_statement_put_out_speaks_for_who_put_it_out() -> None:
    # indirect._put_out_by_subject: a participle on a speech-product noun ("a letter saying") reports its sender.
    text = (
        "Rules.\n\nThe Harlow Tenants Union released a letter on Monday saying "
        "the new rules “were written without asking a single tenant.”\n"
    )
    said = about(text, "the new rules")
    assert said.name == "Harlow Tenants Union" or said.phrase == "The Harlow Tenants Union"


def test_a_participle_after_a_comma_shares_the_clause_subject_not_the_object() -> None:
    # indirect._put_out_by_subject / _noun_clause: ", saying" after "the idea that …" belongs to the subject.
    text = (
        "Depot.\n\nCouncillor Ines Maro dismissed the idea that the depot was safe, saying that the "
        "inspectors “never once opened the cellar doors.”\n"
    )
    assert about(text, "the inspectors").name == "Ines Maro"


def test_a_participle_on_a_plain_object_without_a_comma_keeps_the_noun() -> None:
    # Unchanged: "the first accord committing nations to …" has the accord as its source.
    text = "Climate.\n\nDelegates signed the first accord committing nations to cut emissions by half.\n"
    assert all(s.name != "Delegates" for s in sources(text))


def test_a_relative_with_another_given_name_is_not_abbreviated_to_the_first_named() -> None:
    # speaker._Names.canonical: "Laura Finch" keeps her name (and gender); "Mr. Finch" is Paul Finch.
    text = (
        "Primary.\n\nPaul Finch won the primary on Saturday. Laura Finch, his wife, thanked the volunteers. "
        "Mr. Finch said the count was fair.\n"
    )
    names = _Names(Context.build(Pipeline().nlp(text)), None)
    assert names.canonical("Laura Finch") == "Laura Finch"
    assert names.canonical("Mr. Finch") == "Paul Finch"


def test_an_office_named_by_the_places_it_serves_is_not_one_of_those_places() -> None:
    # speaker._office_of_places: the office speaks, never a place cut from its name.
    text = (
        "Rents.\n\nA Toledo landlord admitted to overcharging tenants, the Ohio Attorney General’s "
        "Office for Lucas County said Tuesday.\n"
    )
    said = about(text, "A Toledo landlord")
    assert said.name is not None and "Office" in said.name


def test_a_person_named_after_a_place_and_title_stays_the_person() -> None:
    text = "Roads.\n\nKabul Mayor Ahmad Voss said the roads would reopen on Friday after repairs.\n"
    assert about(text, "the roads").name == "Ahmad Voss"


def test_an_unlabelled_clause_after_a_comma_shares_the_subject() -> None:
    # indirect._unlabelled_clause: "X waved …, then leaned in and declared:" is said by X.
    text = (
        "Budget.\n\nSenator Aldo Fenn waved as if to calm the hall, then leaned in and declared: "
        "“This budget will pass.”\n"
    )
    assert about(text, "This budget").name == "Aldo Fenn"


def test_an_untagged_name_beside_a_role_is_the_speaker_not_a_possessor_in_the_phrase() -> None:
    # speaker._Names._entity: the role's appositive name speaks, not "their" inside the phrase.
    text = (
        "Tour.\n\nA quarrel between the singer Nora Vell and her former studio seems settled.\n\n"
        "The company that holds the rights to her early records, Greyline, says she may perform "
        "the old songs on the tour.\n"
    )
    said = about(text, "she may perform")
    assert said.name == "Greyline"


def test_the_object_of_a_governor_that_reports_nothing_speaks_for_its_infinitive() -> None:
    # indirect._object_controller: "led the regional carrier to announce" is said by the carrier.
    text = (
        "Routes.\n\nFlights to the coast were half empty. The drop in bookings last spring led the "
        "regional carrier to announce it would cut its winter routes.\n"
    )
    assert about(text, "it would cut").phrase == "the regional carrier"


def test_a_participle_opening_a_quotation_shares_the_clause_before() -> None:
    # controllers.opens_quotation: the parser makes "writing" the subject of the quotation's first verb.
    text = (
        "Concert.\n\nBand member Ola Varga shared the news online last week, writing “Feels great to back "
        "a candidate I trust. We offered to pay for the hall.”\n"
    )
    assert about(text, "Feels great").name == "Ola Varga"


def test_a_participle_on_the_addressees_of_a_message_speaks_for_the_sender() -> None:
    # controllers.addressed_put_out: "sent a message to supporters saying" is the sender's.
    text = (
        "Count.\n\nThe Ardell campaign sent out a text message to supporters saying: "
        '"With your help, we were just declared the winner in the county! Reply now."\n'
    )
    assert about(text, "With your help").phrase == "The Ardell campaign"


def test_a_name_in_a_clause_describing_the_source_is_not_the_speaker() -> None:
    # speaker._in_modifier_clause: the pastor is Daren Wick, not the Holt he supports.
    text = "Calls.\n\nOne pastor supporting Mr. Holt, Daren Wick of Liberty Chapel, said he had made 150 calls.\n"
    assert about(text, "he had made").name == "Daren Wick"
    text = "Count.\n\nDelegates bound to Ms. Arden said the count would be close in the north.\n"
    assert about(text, "the count would be close").name == "Delegates bound to Ms. Arden"


def test_the_author_a_text_names_with_by_still_speaks_for_it() -> None:
    # speaker._describing: "a report released by X" is X's, unlike "a pastor supporting X".
    text = "Rents.\n\nA report released by the Harbour Institute said rents rose by a fifth.\n"
    assert about(text, "rents rose").name == "Harbour Institute"


def test_one_member_of_a_party_counted_with_one_is_not_the_party() -> None:
    # speaker_groups.party_member: "one Democrat familiar with …" speaks for themselves.
    text = "Count.\n\nOne Democrat familiar with the Holt campaign's plans said the count would be close.\n"
    assert about(text, "the count would be close").name != "Democratic Party"


def test_who_was_asked_did_not_ask() -> None:
    # indirect.source_of: the subject of a passive "was asked" is the one asked.
    text = 'Server.\n\nMr. Lund was asked, "If you had known about the server, would you have told her to stop?"\n'
    assert about(text, "If you had known").name is None


def test_a_verb_joined_to_a_passive_shares_its_subject_not_its_agent() -> None:
    # indirect._subject(joined=True): "X was joined by Y and joked" is X joking.
    text = (
        "Stage.\n\nMs. Orr was joined on stage again by Sen. Al Fenton and joked, "
        '"People who stay home, you are being ridiculous."\n'
    )
    assert about(text, "People who stay home").name == "Orr"


def test_some_members_of_a_party_are_not_the_party() -> None:
    # speaker_groups.part_of_a_party: "many Democrats" are some of its people; "Democrats" the party's.
    text = "Turnout.\n\nBut many Democrats say the lead in the polls hides worries about turnout in the cities.\n"
    assert about(text, "the lead in the polls").name == "many Democrats"
