"""Direct quotes and who said them: inverted attributions, party members, comma-closed quotations.

Short articles written for these tests (people, firms and places invented). Each test names the
rule it exercises: :mod:`newsdesk.extract.quotes.inverted`, :mod:`newsdesk.extract.quotes.tails`,
``party_member`` in :mod:`newsdesk.extract.quotes.speaker_groups` and the cue span in
:mod:`newsdesk.extract.quotes.cues`.
"""

from __future__ import annotations

from functools import cache

from newsdesk.pipeline import Pipeline
from newsdesk.record import Quote


@cache
def _pipeline() -> Pipeline:
    return Pipeline()


def quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = _pipeline().nlp(text)._.quotes
    return quotes


def quote_of(text: str, words: str) -> Quote:
    """The one quote whose first content fragment holds ``words``."""
    hits = [q for q in quotes(text) if words in text[q.content[0].start : q.content[0].end]]
    assert len(hits) == 1, [text[q.content[0].start : q.content[0].end] for q in quotes(text)]
    return hits[0]


def speaker_words(text: str, quote: Quote) -> str | None:
    return text[quote.speaker.start : quote.speaker.end] if quote.speaker is not None else None


def content(text: str, quote: Quote) -> list[str]:
    return [text[c.start : c.end] for c in quote.content]


# inverted.py: the noun phrase after an inverted cue is the source when the parse lost it.


def test_inverted_source_followed_by_a_participle_is_the_speaker() -> None:
    text = "Bridge opens.\n\n“I like the new bridge a lot,” said Mary Stone, half joking. She works in town.\n"
    quote = quote_of(text, "new bridge")
    assert speaker_words(text, quote) == "Mary Stone"
    assert quote.kind == "direct"


def test_a_date_after_an_inverted_cue_is_no_source() -> None:
    text = "Vote counted.\n\n“The vote was close,” said Tuesday evening a clerk in Linden.\n"
    quote = quote_of(text, "vote was close")
    assert speaker_words(text, quote) != "Tuesday"


def test_a_name_the_parser_tags_as_an_adverb_stays_out_of_the_cue() -> None:
    text = "Data deal.\n\n“Having access to the file is valuable,” said Skelly, explaining he worked with the team.\n"
    quote = quote_of(text, "Having access")
    assert quote.cue is not None and quote.cue.text == "said"


# verbs.py: a source that runs into the quotation it introduces is cut at it, not dropped.


def test_sentence_initial_said_with_a_relative_clause_keeps_its_speaker() -> None:
    text = "Old block.\n\nSaid Dorothy Pike, who grew up on the block, “We were all so proud of him.”\n"
    quote = quote_of(text, "proud of him")
    assert quote.speaker is not None
    assert "Dorothy Pike" in (speaker_words(text, quote) or "")


# speaker_groups.party_member: one member of a party is not the party.


def test_a_singular_party_noun_is_a_member_not_the_party() -> None:
    text = "Primary.\n\n“It is too late for her,” added a Nevada Democrat. “She is done.”\n"
    quote = quote_of(text, "too late")
    assert quote.speaker is not None
    assert quote.speaker.name == "a Nevada Democrat"


def test_the_plural_party_noun_still_names_the_party() -> None:
    text = "Appeal.\n\n“We will appeal the ruling,” Republicans said in a statement on Monday.\n"
    quote = quote_of(text, "appeal the ruling")
    assert speaker_words(text, quote) == "Republicans"
    assert quote.speaker is not None and quote.speaker.name != "Republicans"


# tails.py: a quotation closed with a comma ends the reported words before the narrative after it.


def test_content_stops_at_a_comma_closed_quotation_before_the_source() -> None:
    text = "Farm vote.\n\n“Yes, I will vote for her,” Tom Reed, a farmer from Ohio, told the paper on Monday.\n"
    quote = quote_of(text, "vote for her")
    assert content(text, quote) == ["“Yes, I will vote for her,”"]


def test_content_stops_at_a_comma_closed_quotation_before_a_participle() -> None:
    text = "Turnout.\n\nThe mayor insisted that the fair had “drawn record crowds,” pointing to ticket sales.\n"
    quote = quote_of(text, "record crowds")
    assert content(text, quote)[0].endswith("crowds,”")


def test_a_list_of_quotations_joined_by_and_stays_whole() -> None:
    text = "Plan.\n\nShe said the plan was “bold,” “fair” and “long overdue” for the city.\n"
    quote = quote_of(text, "bold")
    assert "overdue" in content(text, quote)[0]


def test_a_comma_closed_quotation_followed_by_another_quotation_stays_whole() -> None:
    text = "Markets.\n\nHe said that while “the rally looks strong,” the gains “may not last the year.”\n"
    quote = quote_of(text, "rally looks strong")
    assert "last the year" in content(text, quote)[0]


# inverted.set_off_source: a subject set off by commas before its verb, which the parse hung elsewhere.


def test_a_role_and_its_name_set_off_after_an_opener_speak() -> None:
    text = (
        "Vote.\n\nIn a statement to the Ledger, her senior policy adviser, Jake Sorel, said: "
        "“The mayor believes that cooperation is essential.”\n"
    )
    quote = quote_of(text, "cooperation is essential")
    assert quote.speaker is not None and quote.speaker.name == "Jake Sorel"
    assert speaker_words(text, quote) == "her senior policy adviser, Jake Sorel,"


def test_a_name_with_a_role_between_a_quotation_and_its_verb_speaks() -> None:
    text = "Vote.\n\n“Yes, I support the mayor,” Tom Reeve, founder of the Civic League, tells the Ledger.\n"
    quote = quote_of(text, "support the mayor")
    assert quote.speaker is not None and quote.speaker.name == "Tom Reeve"


# manner.py: a verb the lexicon does not list attributes the quotation right before it.


def test_an_unlisted_verb_after_a_quotation_names_its_own_speaker() -> None:
    text = (
        "Fair.\n\n“The fair was a triumph,” said Mayor Tom Reed on Monday.\n\n"
        "“Not a chance!” Ruiz cracked. “We will be back next year.”\n"
    )
    quote = quote_of(text, "Not a chance")
    assert quote.cue is not None and quote.cue.text == "cracked"
    assert speaker_words(text, quote) == "Ruiz"


def test_a_title_closed_with_a_comma_gets_no_unlisted_cue() -> None:
    text = "Fair.\n\nThe crowd sang “Happy Birthday,” and the band played on until midnight.\n"
    assert all(q.cue is None or q.cue.text != "played" for q in quotes(text))


def test_a_sign_off_dash_is_no_unlisted_cue() -> None:
    text = (
        "Voices.\n\n“The city forgot us long ago. Nobody comes to the valley any more,”\u00a0― Rosa Lind\u00a0\n\n"
        "“We built this town with our own hands and we will not leave it now.”\u00a0― Pedro Sala\u00a0\n"
    )
    for quote in quotes(text):
        assert quote.cue is None or quote.cue.text == "―"
        assert quote.speaker is not None


def test_an_unlisted_verb_before_a_colon_introduces_the_quotation() -> None:
    text = (
        "Fair.\n\n“The fair was a triumph,” said Mayor Tom Reed on Monday.\n\n"
        "And Ms. Ruiz gloated: “I told you he would not be ready.”\n"
    )
    quote = quote_of(text, "would not be ready")
    assert quote.cue is not None and quote.cue.text == "gloated:"
    assert speaker_words(text, quote) == "Ms. Ruiz"


# direct._unattributed: a quotation closed with a period continues the quote before it.


def test_a_quotation_closed_with_a_period_continues_before_the_next_attribution() -> None:
    text = (
        "Camp.\n\n''We are farmers,'' Ms. Adeli said. ''We are not criminals.'' Mr. Farsi said: "
        "''The fire that happened today is the work of vandals.''\n"
    )
    quote = quote_of(text, "We are farmers")
    assert content(text, quote) == ["''We are farmers,''", "''We are not criminals.''"]
    assert speaker_words(text, quote_of(text, "work of vandals")) == "Mr. Farsi"


def test_the_object_of_a_participle_after_a_quotation_is_no_source() -> None:
    text = (
        "Rally.\n\nHe also vowed, “We are going to defeat the gangs of the city and we will do it fast,” "
        "referring to the street gangs. Later the mayor spoke.\n"
    )
    assert all(speaker_words(text, q) != "the street gangs" for q in quotes(text))


def test_a_cue_introducing_a_quotation_does_not_take_the_finished_one_before_it() -> None:
    text = (
        "Rally.\n\nThe mayor spoke first. “I want people who love this city.” "
        "He also vowed, “We are going to fix every road in the county before winter.”\n"
    )
    quote = quote_of(text, "fix every road")
    assert content(text, quote) == ["“We are going to fix every road in the county before winter.”"]


def test_content_stops_before_a_clause_of_the_writers_after_a_comma_closed_quotation() -> None:
    text = (
        "Hearing.\n\nShe argued that, because the auditor testified that her accounts were “accurate,” "
        "it is also clear that her budget was sound.\n"
    )
    for quote in quotes(text):
        assert not any("budget was sound" in part and "accurate" in part for part in content(text, quote))


def test_a_tail_that_goes_on_with_the_reported_clause_stays() -> None:
    text = (
        "Courts.\n\nThe judge said there remains a “large gap between the two systems,” when it comes to "
        "how many clerks each court employs.\n"
    )
    quote = quote_of(text, "large gap")
    assert "clerks" in content(text, quote)[0]


# direct.py _modifiers_between: the cue's own addressee and modifiers may stand between it and
# the quotation it introduces.


def test_an_addressee_between_a_participle_cue_and_its_quotation() -> None:
    text = (
        "Plan kept.\n\nThe mayor shrugged off the complaints on Monday, telling reporters in the lobby, "
        "“We will not change the plan because a few people shout at meetings.” The council met later.\n"
    )
    quote = quote_of(text, "change the plan")
    assert quote.kind == "direct"
    assert speaker_words(text, quote) == "The mayor"
    assert quote.cue is not None and quote.cue.text.startswith("telling")


def test_modifiers_and_a_colon_between_a_cue_and_its_quotation() -> None:
    text = (
        "Budget talk.\n\nMara Quell answered calmly, after a long pause: "
        "“Nobody on the council expects the new budget to pass.”\n"
    )
    quote = quote_of(text, "Nobody on the council")
    assert quote.kind == "direct"
    assert speaker_words(text, quote) == "Mara Quell"


def test_a_title_after_a_cue_and_its_object_is_not_what_the_cue_reports() -> None:
    text = "Show night.\n\nTom Brack named a comedy as his guilty pleasure, “Late Night Lights Out,” and laughed.\n"
    assert not [q for q in quotes(text) if q.kind == "direct"]


# colon.py: a clause with no cue that names one source, ending in a colon before a quotation.


def test_a_colon_after_a_clause_naming_one_person_introduces_their_words() -> None:
    text = (
        "Court rules.\n\nThe ruling drew a sharp reply from Senator Mara Quell: "
        "“This court has ignored the plain words of the statute for the last time.”\n"
    )
    quote = quote_of(text, "ignored the plain words")
    assert quote.kind == "direct"
    assert speaker_words(text, quote) == "Mara Quell"


def test_a_colon_closing_a_paragraph_introduces_the_next_one() -> None:
    text = (
        "Budget.\n\nHere is Tom Brack on the budget:\n\n"
        "“We cannot spend money that the city does not have in the bank.”\n"
    )
    quote = quote_of(text, "cannot spend money")
    assert speaker_words(text, quote) == "Tom Brack"


def test_a_colon_clause_naming_two_people_guesses_nobody() -> None:
    text = (
        "Court rules.\n\nThe ruling drew replies from Mara Quell and Tom Brack: "
        "“This court has ignored the plain words of the statute again.”\n"
    )
    assert all(q.speaker is None for q in quotes(text) if "plain words" in text[q.content[0].start : q.content[0].end])


def test_an_addressee_after_to_is_no_colon_source() -> None:
    text = (
        "Court rules.\n\nThe ruling drew a reply from Mara Quell to Tom Brack: "
        "“This court has ignored the plain words of the statute again.”\n"
    )
    assert speaker_words(text, quote_of(text, "plain words")) == "Mara Quell"


def test_an_outlet_after_with_is_no_colon_source() -> None:
    text = (
        "Old race.\n\nThe race came up again in an interview with The Daily Ledger at the time: "
        "“It was a mistake, I mean, a terrible mistake for everyone.”\n"
    )
    assert all(speaker_words(text, q) != "The Daily Ledger" for q in quotes(text))


# indirect.py source_of: a set-off participle's subject when the parser misplaced its clause.


def test_a_said_inside_a_quotation_the_parser_made_root_reports_nothing_outside_it() -> None:
    text = (
        "Ferry.\n\nMara Quell did not seem pleased with the ferry timetable on Friday, telling the committee, "
        "“Plenty of families said the director should quit.”\n"
    )
    quote = quote_of(text, "Plenty of families")
    assert speaker_words(text, quote) == "Mara Quell"


def test_a_participle_hung_on_an_empty_it_takes_the_subject_of_the_clause_before() -> None:
    text = (
        "Pier.\n\nIt was a hard week for the board, as Councillor Quell echoed the criticism, saying the chairman "
        "“tells us every month that the pier is safe” and more.\n"
    )
    quote = quote_of(text, "the chairman")
    assert quote.speaker is not None and quote.speaker.name.endswith("Quell")


def test_a_that_before_the_comma_keeps_the_quotation_a_reported_clause() -> None:
    text = (
        "Night posts.\n\nTom Brack wrote on Sunday that, “Anyone who mocks me for posting after midnight "
        "should know I am still working for them.”\n"
    )
    quote = quote_of(text, "that,")
    assert quote.kind == "mixed"


# speaker.py resolve: a floating quotation inherits only a person's voice.


def test_a_floating_quotation_after_an_organisations_words_is_unattributed() -> None:
    text = (
        "Rents.\n\nThe report by the Marenza Institute found that rents rose 12 percent.\n\n"
        "“Landlords in this city have never had it so good, and tenants are paying for it every single month.”\n"
    )
    assert quote_of(text, "Landlords").speaker is None


def test_a_floating_quotation_after_a_persons_words_inherits_them() -> None:
    text = (
        "Rents.\n\n“Rents rose 12 percent this year,” said Mara Quell, who chairs the tenants' union.\n\n"
        "“Landlords in this city have never had it so good, and tenants are paying for it every single month.”\n"
    )
    assert speaker_words(text, quote_of(text, "Landlords")) is not None


def test_a_floating_quotation_after_another_person_is_named_is_unattributed() -> None:
    said = "“Rents rose 12 percent this year,” said Mara Quell, who chairs the tenants' union.\n\n"
    floating = "“Landlords in this city have never had it so good, and tenants are paying for it every single month.”\n"
    other = "Rents.\n\n" + said + "The council's leader, Tom Brack, has promised a review.\n\n" + floating
    assert quote_of(other, "Landlords").speaker is None
    same = "Rents.\n\n" + said + "Quell has led the union since 2019.\n\n" + floating
    assert speaker_words(same, quote_of(same, "Landlords")) is not None


# controllers.py misattached_clause and the lexicon's added speech verbs.


def test_a_that_clause_hung_on_a_noun_of_the_cues_phrase_is_what_it_reports() -> None:
    text = (
        "Harbour.\n\nMara Quell said following a meeting in March that she had “no faith at all in the "
        "harbour board's plan for the pier.”\n"
    )
    quote = quote_of(text, "that she had")
    assert (quote.kind, speaker_words(text, quote)) == ("mixed", "Mara Quell")


def test_a_relative_that_is_no_reported_clause() -> None:
    text = "Ferry.\n\nMara Quell spoke at length about the ferry that she had sailed in 1998.\n"
    assert not [q for q in quotes(text) if "she had sailed" in text[q.content[0].start : q.content[0].end]]


def test_a_that_clause_right_after_its_noun_stays_the_nouns() -> None:
    text = "Boat.\n\nMara Quell said she would sell the boat in the event that the harbour closes for winter.\n"
    assert quote_of(text, "she would sell").content[0].start == text.index("she would sell")


def test_a_complaining_verb_reports_its_clause() -> None:
    text = (
        "Letters.\n\nOn Monday, Tom Brack grumbled to neighbours in Linden that the council "
        "“never answers my letters”.\n"
    )
    quote = quote_of(text, "the council")
    assert (quote.kind, speaker_words(text, quote)) == ("mixed", "Tom Brack")


def test_a_quotation_glued_to_its_cue_is_still_found() -> None:
    # annotate._GLUED_QUOTE_INFIXES: "said,“Look" is split into said , “ Look before the parse.
    text = "The fire chief spoke briefly. Ortiz said,“Look, the crews did everything right and nobody was hurt.”"
    quote = quote_of(text, "the crews did everything")
    assert speaker_words(text, quote) == "Ortiz"


def test_a_colon_clause_with_a_name_inside_its_setting_names_its_subject() -> None:
    # colon._after_preposition: "NBC" modifies the object of "In"; it is the setting, not a source.
    text = "In an NBC interview on Sunday, Ruth Kemp was blunter: “We will close the beach until the sharks leave.”"
    quote = quote_of(text, "close the beach")
    assert speaker_words(text, quote) == "Ruth Kemp"


def test_one_quotation_two_cues_is_one_quote() -> None:
    # component._one_per_content: "said" and the participle after it both claim the quotation.
    text = (
        "As the museum director, Karl Ostrow, said in a letter to donors explaining the closure, "
        "“We cannot heat the east wing through another winter.”"
    )
    hits = [q for q in quotes(text) if "east wing" in text[q.content[0].start : q.content[0].end]]
    assert len(hits) == 1
    assert speaker_words(text, hits[0]) == "Karl Ostrow"


def test_a_cue_that_loses_the_quotation_reports_its_own_complement() -> None:
    # component._second_claims, verbs.cue_draft(beside=False): "referring to" keeps its object.
    text = "“We cannot heat the east wing through another winter,” Ostrow said, referring to the plan to close it."
    said = quote_of(text, "east wing")
    assert said.cue is not None and said.cue.text == "said"
    referring = [q for q in quotes(text) if q.cue is not None and q.cue.text == "referring to"]
    assert [content(text, q) for q in referring] == [["the plan to close it"]]


def test_an_inverted_source_with_a_clause_describing_it() -> None:
    # inverted._ends_phrase: the phrase after an inverted verb may end where a clause describing it starts.
    text = "“The water came up to the second step in ten minutes,” read the notice posted on the station door."
    assert speaker_words(text, quote_of(text, "second step")) == "the notice"
