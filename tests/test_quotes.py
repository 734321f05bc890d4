"""The quote component on short articles written for these tests (people and places invented).

Each test names the pattern it exercises; every test also checks the span invariant
``text[start:end]`` on the quotes it gets, through :func:`quotes_of`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy

from newsdesk.annotate import DEFAULT_MODEL
from newsdesk.pipeline import Pipeline
from newsdesk.record import Quote


@dataclass(frozen=True)
class Seen:
    """A quote as text: what a reader checks."""

    speaker: str | None
    name: str | None
    entity: str | None
    cue: str | None
    content: tuple[str, ...]
    kind: str
    stance: str
    via: tuple[str, str | None] | None


def quotes_of(text: str) -> list[Seen]:
    """Run newsdesk's pipeline on ``text``; check every span's invariant; return the quotes as text."""
    doc = Pipeline().nlp(text)
    quotes: list[Quote] = doc._.quotes
    assert [q.id for q in quotes] == [f"Q{i}" for i in range(1, len(quotes) + 1)]
    out = []
    for q in quotes:
        spans = [(c.start, c.end) for c in q.content]
        if q.speaker is not None:
            spans.append((q.speaker.start, q.speaker.end))
        if q.cue is not None:
            spans.append((q.cue.start, q.cue.end))
            assert text[q.cue.start : q.cue.end] == q.cue.text
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()
        out.append(
            Seen(
                speaker=text[q.speaker.start : q.speaker.end] if q.speaker else None,
                name=q.speaker.name if q.speaker else None,
                entity=q.speaker.entity if q.speaker else None,
                cue=q.cue.text if q.cue else None,
                content=tuple(text[c.start : c.end] for c in q.content),
                kind=q.kind,
                stance=q.stance,
                via=(q.via.medium, q.via.outlet) if q.via else None,
            )
        )
    return out


def find(quotes: list[Seen], cue: str | None, content_start: str) -> Seen:
    """The one quote with this cue whose first fragment starts with ``content_start``."""
    hits = [q for q in quotes if q.cue == cue and q.content and q.content[0].startswith(content_start)]
    assert len(hits) == 1, (cue, content_start, quotes)
    return hits[0]


FERRY = "\n\n".join(
    (
        "Ferry service to resume next month, says Harbor Authority",
        "PORT ELLIS — Mayor Alma Reyes said on Monday that the ferry to Gull Island would run again by June.",
        "“We will rebuild the pier before the summer season,” said Reyes, who has led the town since "
        "2018. “Nobody here wants another year without the boat.”",
        "Reyes told the Ellis Gazette that the repairs would cost about $4 million. She added that the "
        "state had promised to cover half.",
        '"The money is in the budget," Reyes said in a statement. «We are not waiting for anyone,» she wrote on X.',
        "Councillor Dana Whitlock, the town's treasurer, disagreed. Whitlock warned that the reserve "
        "fund was nearly empty.",
        "Whitlock said:",
        "“The reserve fund is almost gone. We spent it on the flood repairs.",
        "“Next year we will have to borrow, and the interest will fall on every household.”",
        "According to a report by the state auditor, two of the repair contracts were never put out to "
        "tender. Polls show most residents support the mayor.",
        "“The island kept this town alive for a century.” — Commissioner Ada Brenn",
    )
)


@pytest.fixture(scope="module")
def ferry() -> list[Seen]:
    return quotes_of(FERRY)


def test_headline_attribution(ferry: list[Seen]) -> None:
    q = find(ferry, "says", "Ferry service")
    assert (q.speaker, q.content, q.kind, q.stance) == (
        "Harbor Authority",
        ("Ferry service to resume next month",),
        "indirect",
        "say",
    )


def test_said_that_with_titled_source(ferry: list[Seen]) -> None:
    q = find(ferry, "said", "that the ferry")
    assert q.speaker == "Mayor Alma Reyes"
    assert q.content == ("that the ferry to Gull Island would run again by June",)
    assert q.kind == "indirect"


def test_direct_quote_inverted_cue_relative_clause_and_following_quote(ferry: list[Seen]) -> None:
    q = find(ferry, "said", "“We will rebuild")
    assert q.speaker == "Reyes, who has led the town since 2018"
    assert q.content == (
        "“We will rebuild the pier before the summer season,”",
        "“Nobody here wants another year without the boat.”",
    )
    assert q.kind == "direct"


def test_told_outlet_is_an_interview(ferry: list[Seen]) -> None:
    q = find(ferry, "told", "that the repairs")
    assert q.via == ("interview", "Ellis Gazette")


def test_straight_quote_in_a_statement_and_guillemets_on_x(ferry: list[Seen]) -> None:
    statement = find(ferry, "said", '"The money')
    assert statement.content == ('"The money is in the budget,"',)
    assert statement.via == ("statement", None)
    post = find(ferry, "wrote", "«We are not")
    assert post.content == ("«We are not waiting for anyone,»",)
    assert (post.kind, post.via) == ("direct", ("social media post", "X"))


def test_warn_stance(ferry: list[Seen]) -> None:
    q = find(ferry, "warned", "that the reserve")
    assert (q.speaker, q.stance) == ("Whitlock", "warn")


def test_colon_introduces_quote_over_two_paragraphs(ferry: list[Seen]) -> None:
    q = find(ferry, "said:", "“The reserve fund")
    assert q.speaker == "Whitlock"
    assert q.content == (
        "“The reserve fund is almost gone. We spent it on the flood repairs.",
        "“Next year we will have to borrow, and the interest will fall on every household.”",
    )
    assert q.kind == "direct"


def test_according_to(ferry: list[Seen]) -> None:
    q = find(ferry, "According to", "two of the repair")
    assert q.speaker == "a report by the state auditor"
    assert q.content == ("two of the repair contracts were never put out to tender",)
    assert q.stance == "according-to"


def test_non_speech_source(ferry: list[Seen]) -> None:
    q = find(ferry, "show", "most residents")
    assert (q.speaker, q.stance) == ("Polls", "report-find")


def test_sign_off(ferry: list[Seen]) -> None:
    q = find(ferry, "—", "“The island")
    assert q.speaker == "Commissioner Ada Brenn"
    assert q.content == ("“The island kept this town alive for a century.”",)
    assert q.kind == "direct"


def test_one_person_one_entity_across_names_and_pronouns(ferry: list[Seen]) -> None:
    reyes = {q.entity for q in ferry if q.name == "Alma Reyes"}
    assert len(reyes) == 1 and None not in reyes
    she = find(ferry, "added", "that the state")
    assert she.speaker == "She" and she.name == "Alma Reyes" and she.entity in reyes
    whitlock = {q.entity for q in ferry if q.speaker == "Whitlock"}
    assert len(whitlock) == 1 and not whitlock & reyes


ENVOY = "\n\n".join(
    (
        "Envoy expects talks to go on",
        "Special Envoy Marek Voss said in an interview with state run Sputnik News Agency that the talks "
        "would continue.",
        "Mr. Voss believes the sanctions will be lifted within a year. Foreign Minister Lena Ortiz "
        "denied that any deal had been reached.",
        '"We have made no promises," Ms. Ortiz said at a press conference in Calden. "The talks are only beginning."',
        '"Nothing has been signed yet."',
        "Mr. Voss pointed out that both sides wanted a ceasefire. He told Reuters that the next round "
        "would be held in March.",
        "Ms. Ortiz posted on X/Twitter that the ministry would publish the draft. She also questioned "
        "whether the figures were reliable.",
        "A report by the Institute for Border Studies found that trade had fallen by a third.",
        "“We will not give up the valley, Voss said.",
    )
)


@pytest.fixture(scope="module")
def envoy() -> list[Seen]:
    return quotes_of(ENVOY)


def test_interview_with_an_outlet(envoy: list[Seen]) -> None:
    q = find(envoy, "said", "that the talks")
    assert q.via == ("interview", "Sputnik News Agency")


def test_believe_stance_and_short_name_resolves_to_full_name(envoy: list[Seen]) -> None:
    q = find(envoy, "believes", "the sanctions")
    assert (q.speaker, q.stance) == ("Mr. Voss", "believe-think")
    full = find(envoy, "said", "that the talks")
    assert q.name == full.name and q.entity == full.entity


def test_deny_stance_and_press_conference(envoy: list[Seen]) -> None:
    assert find(envoy, "denied", "that any deal").stance == "deny-reject"
    q = find(envoy, "said", '"We have made')
    assert q.via == ("press conference", None)
    assert q.content == ('"We have made no promises,"', '"The talks are only beginning."')


def test_floating_quote_inherits_the_speaker(envoy: list[Seen]) -> None:
    q = find(envoy, None, '"Nothing has been signed')
    earlier = find(envoy, "said", '"We have made')
    assert (q.speaker, q.name, q.entity, q.kind) == (earlier.speaker, earlier.name, earlier.entity, "direct")


def test_multiword_cue_and_pronoun_to_the_right_speaker(envoy: list[Seen]) -> None:
    pointed = find(envoy, "pointed out", "that both sides")
    he = find(envoy, "told", "that the next round")
    assert he.speaker == "He" and he.name == pointed.name and he.via == ("interview", "Reuters")
    she = find(envoy, "also questioned", "whether the figures")
    ortiz = find(envoy, "denied", "that any deal")
    assert she.name == ortiz.name and she.entity == ortiz.entity and she.stance == "question-ask"


def test_social_media_post_on_x_twitter(envoy: list[Seen]) -> None:
    assert find(envoy, "posted", "that the ministry").via == ("social media post", "X")


def test_report_found(envoy: list[Seen]) -> None:
    q = find(envoy, "found", "that trade")
    assert (q.speaker, q.stance) == ("A report by the Institute for Border Studies", "report-find")


def test_unclosed_quote_still_finds_its_speaker(envoy: list[Seen]) -> None:
    q = find(envoy, "said", "We will not give up")
    assert q.speaker == "Voss" and q.kind == "direct"


def test_component_works_without_the_entities_component() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsdesk_quotes")
    text = "Lena Ortiz said the ministry would publish the draft. Ortiz added that it was “nearly ready.”"
    quotes = nlp(text)._.quotes
    assert [(q.speaker.name if q.speaker else None, q.kind) for q in quotes] == [
        ("Lena Ortiz", "indirect"),
        ("Lena Ortiz", "mixed"),
    ]
    assert all(q.speaker is not None and q.speaker.entity is None for q in quotes)


def test_headline_without_period_does_not_run_into_the_body() -> None:
    text = "Harbor Tax To Rise\n\nCouncil member Aram Vick said the harbor tax would rise next year."
    quote = find(quotes_of(text), "said", "the harbor tax")
    assert quote.speaker == "Council member Aram Vick"
    assert quote.content == ("the harbor tax would rise next year",)


def test_clause_runs_to_the_end_of_a_quotation_it_opens() -> None:
    text = (
        "Harbor Gazette\n\nMayor Lena Ostrova called the harbor plan a "
        '"good news story in an era when so often we see towns going the other way."'
    )
    quote = find(quotes_of(text), "called", "the harbor plan")
    assert quote.content == (
        'the harbor plan a "good news story in an era when so often we see towns going the other way."',
    )


def test_transcript_quoted_whole_keeps_its_speaker_labels() -> None:
    text = (
        "Debate Night Transcript\n\nThe host spoke with the governor on Sunday.\n\n"
        '"BRENN: Let me start with the ferry schedule. Why did it change?\n\n'
        '"OSTROVA: Well, look, the harbor needed the repairs and we made them.\n\n'
        '"The ferries will run again next week, and every rider will see the difference.\n\n'
        '"BRENN: Thank you for your time today, Governor."'
    )
    quotes = quotes_of(text)
    first = find(quotes, ":", "Let me start")
    assert first.speaker == "BRENN"
    turn = find(quotes, ":", "Well, look")
    assert turn.speaker == "OSTROVA"
    assert turn.content == (
        "Well, look, the harbor needed the repairs and we made them",
        "The ferries will run again next week, and every rider will see the difference",
    )
    assert find(quotes, ":", "Thank you").speaker == "BRENN"


def test_cue_inside_a_speaker_label_turn_is_part_of_the_turn() -> None:
    text = (
        "Partial transcript as follows:\n\nBRENN: Will the ferry run again by June?\n\n"
        "OSTROVA: Well, I think the whole town needs to work together on the pier."
    )
    quotes = quotes_of(text)
    assert [q.cue for q in quotes] == [":", ":"]
    turn = find(quotes, ":", "Well, I think")
    assert (turn.speaker, turn.content) == (
        "OSTROVA",
        ("Well, I think the whole town needs to work together on the pier",),
    )


def test_colon_closing_a_paragraph_introduces_the_next_one() -> None:
    text = (
        "Ferry Notes\n\nThe Harbor Gazette made the same claims in February, and the mayor responded:\n\n"
        "If there are people on the list who pose a threat, they should be stopped."
    )
    quote = find(quotes_of(text), "responded:", "If there are")
    assert (quote.speaker, quote.content) == (
        "the mayor",
        ("If there are people on the list who pose a threat, they should be stopped",),
    )


def test_participle_cue_after_a_comma_starts_its_own_attribution() -> None:
    text = (
        "Ferry Notes\n\nThe mayor said that he has expanded the ferry service, "
        "claiming that he is responsible for higher ridership."
    )
    quotes = quotes_of(text)
    said = find(quotes, "said", "that he has")
    assert (said.speaker, said.content) == ("The mayor", ("that he has expanded the ferry service",))
    claiming = find(quotes, "claiming", "that he is")
    assert (claiming.speaker, claiming.content) == ("The mayor", ("that he is responsible for higher ridership",))


def test_reported_clause_leaves_out_a_closing_which_clause() -> None:
    text = (
        "Ferry Notes\n\nThe mayor said the delay came from the repair contracts, "
        "which had been in the works since the summer."
    )
    quote = find(quotes_of(text), "said", "the delay")
    assert quote.content == ("the delay came from the repair contracts",)


def test_according_to_content_drops_its_connective() -> None:
    text = (
        "Ferry Notes\n\nAnd the ferry now holds an advantage of 83 points over the bridge, "
        "according to the harbor survey."
    )
    quote = find(quotes_of(text), "according to", "the ferry")
    assert (quote.speaker, quote.content) == (
        "the harbor survey",
        ("the ferry now holds an advantage of 83 points over the bridge",),
    )


def test_in_a_poll_attributes_the_clause_to_the_poll() -> None:
    text = "Ferry Notes\n\nIn the latest Harbor Gazette poll, the mayor leads the council member by 12 points."
    quote = find(quotes_of(text), "In", "the mayor")
    assert (quote.speaker, quote.content, quote.stance) == (
        "the latest Harbor Gazette poll",
        ("the mayor leads the council member by 12 points",),
        "according-to",
    )


def test_lagging_in_the_polls_is_no_attribution() -> None:
    text = "Ferry Notes\n\nThe council member has been lagging in the polls since March."
    assert [q for q in quotes_of(text) if q.cue == "in"] == []


def test_verb_phrase_coordinated_with_the_cue_continues_the_reported_clause() -> None:
    text = (
        "Ferry Notes\n\nThe harbor office says the plan would depress revenue in the early years, "
        "but would eventually add $84 million over 10 years."
    )
    quote = find(quotes_of(text), "says", "the plan")
    assert quote.content == (
        "the plan would depress revenue in the early years, but would eventually add $84 million over 10 years",
    )


def test_cue_coordinated_inside_a_reported_clause_is_its_own_attribution() -> None:
    text = "Ferry Notes\n\nReyes said the pier was safe and added that it would open in June."
    quotes = quotes_of(text)
    said = find(quotes, "said", "the pier")
    assert (said.speaker, said.content) == ("Reyes", ("the pier was safe",))
    added = find(quotes, "added", "that it")
    assert (added.speaker, added.content) == ("Reyes", ("that it would open in June",))


def test_addressee_belongs_to_an_infinitive_content() -> None:
    text = "Ferry Notes\n\nThe mayor told his advisers to find a way to open the pier by June."
    quote = find(quotes_of(text), "told", "his advisers")
    assert (quote.speaker, quote.content) == ("The mayor", ("his advisers to find a way to open the pier by June",))


def test_support_with_an_object_is_a_position() -> None:
    text = "Ferry Notes\n\nMost harbor workers support the new ferry schedule."
    quote = find(quotes_of(text), "support", "the new ferry")
    assert (quote.speaker, quote.content, quote.stance) == (
        "Most harbor workers",
        ("the new ferry schedule",),
        "assert-stress",
    )


def test_two_cues_beside_two_quotations_each_keep_the_nearer_one() -> None:
    text = 'Ferry Notes\n\n"The fund is gone," Whitlock said, adding: "We will have to borrow next year."'
    quotes = quotes_of(text)
    assert find(quotes, "said", '"The fund').content == ('"The fund is gone,"',)
    assert find(quotes, "adding:", '"We will').content == ('"We will have to borrow next year."',)


def test_a_place_that_only_says_where_the_speakers_are_is_not_the_speaker() -> None:
    text = (
        "Officials in New Delhi said the talks would resume next week. "
        "Afghan officials said the border crossing had reopened. "
        "Many in Hong Kong fear the law will be used against them. "
        "A spokesman for the World Food Programme said food stocks were low. India said it welcomed the move."
    )
    seen = {q.speaker: q for q in quotes_of(text)}
    for group in ("Officials in New Delhi", "Afghan officials", "Many in Hong Kong"):
        assert seen[group].entity is None and seen[group].name == group
    assert seen["A spokesman for the World Food Programme"].name == "World Food Programme"
    assert seen["India"].entity is not None  # a country named as the speaker still speaks


def test_a_group_named_after_someone_or_somewhere_is_not_that_one() -> None:
    text = (
        "Maria Lindqvist, the mayor, said the river was rising. "
        "Supporters of Maria Lindqvist said the vote had been fair. "
        "Residents of Kurigram said the water rose overnight. "
        "Villagers in Dunmarrow said they had no warning. "
        "Members of the Dock Workers Union said the strike would go on. "
        "A spokesman for Lindqvist said she would visit on Friday."
    )
    seen = {q.speaker: q for q in quotes_of(text)}
    for group in ("Supporters of Maria Lindqvist", "Residents of Kurigram", "Villagers in Dunmarrow"):
        assert seen[group].entity is None and seen[group].name == group
    assert seen["Members of the Dock Workers Union"].name == "Dock Workers Union"
    assert seen["A spokesman for Lindqvist"].name == "Maria Lindqvist"


def test_a_pronoun_does_not_mean_a_name_inside_a_quotation() -> None:
    text = (
        "Ward Report\n\nTomas Reyes said the ward was full. "
        '"It looked like the lung of a heavy smoker, think Martin Pell rather than a marathon runner," Reyes said. '
        "Because the bedding was old, he told the man to remove the duvet."
    )
    told = find(quotes_of(text), "told", "the man")
    assert told.name != "Martin Pell"


def test_an_untyped_surname_that_speaks_is_a_person_pronouns_can_mean() -> None:
    text = (
        "Lung Scare\n\nDr. Alan Brisco reviewed the scans on Monday. "
        '"It looked like the lung of a heavy smoker," Dempsey told reporters. '
        "Because Dempsey suspected the bedding, he told the man to remove the duvet."
    )
    quotes = quotes_of(text)
    assert find(quotes, "told", '"It looked').name == "Dempsey"
    told = find(quotes, "told", "the man")
    assert told.name == "Dempsey" and told.entity is not None


def test_object_and_infinitive_frames_need_someone_to_hold_the_view() -> None:
    text = (
        "Harbor Notes\n\nIf you want a cheaper ferry pass, the harbor office sells three kinds. "
        "The fare plan is expected to pass in June. "
        "Mayor Alma Reyes wants to cut the fares, and she offered to resign if the plan failed."
    )
    seen = {(q.speaker, q.cue): q.content for q in quotes_of(text)}
    assert ("you", "want") not in seen  # the generic "you"
    assert (None, "is expected") not in seen  # nobody named
    assert seen[("Mayor Alma Reyes", "wants")] == ("to cut the fares",)
    assert seen[("she", "offered")] == ("to resign",)


def test_speakers_are_people_not_the_platform_or_the_one_a_group_follows() -> None:
    text = (
        "Singer row continues\n\nThen, last week, Nora Vale posted on Twitter accusing Harbor Records of "
        "trying to stop her performing.\n\nShe claimed the label feared a re-recording.\n\n"
        "Pellman's supporters have stated that Pellman had no choice."
    )
    quotes = quotes_of(text)
    assert all(q.name != "Twitter" for q in quotes)
    assert find(quotes, "claimed", "the label").name == "Nora Vale"
    supporters = find(quotes, "have stated", "that Pellman")
    assert supporters.name == "Pellman's supporters" and supporters.entity is None


def test_that_said_reports_nothing() -> None:
    text = "Rent report\n\nRents rose again. That said, the ministry says the plan remains on track."
    seen = [(q.speaker, q.cue, q.content) for q in quotes_of(text)]
    assert seen == [("the ministry", "says", ("the plan remains on track",))]


def test_furniture_labels_are_not_speakers() -> None:
    text = (
        "Border clash\n\nTwo soldiers were killed on Monday.\n\nSOURCE: News agencies\n\n"
        "SEE MORE: Talks stall again\n\nCADDELL: Voters are worried about the economy."
    )
    seen = [(q.speaker, q.content) for q in quotes_of(text)]
    assert seen == [("CADDELL", ("Voters are worried about the economy",))]


def test_a_possessor_speaks_only_through_its_office() -> None:
    text = (
        "Job cuts\n\nVeltra's parent company, Kessel Holdings, announced that it would cut jobs. "
        "Senator Maria Lind's office said she would vote no. Lind's husband said the family was proud."
    )
    seen = {q.cue: q for q in quotes_of(text) if q.cue in ("announced", "said")}
    by_speaker = {q.speaker: q for q in quotes_of(text)}
    assert seen["announced"].name == "Kessel Holdings"
    assert by_speaker["Senator Maria Lind's office"].name == "Maria Lind"
    assert by_speaker["Lind's husband"].entity is None


def test_the_outlet_a_reporter_works_for_is_not_what_they_report() -> None:
    text = "Outbreak\n\nAs Emma Fell reports for Harbor Radio, the clinic closed on Monday."
    assert all(q.content != ("Harbor Radio",) for q in quotes_of(text))


def test_it_said_is_the_organisation_that_spoke_before() -> None:
    text = (
        "Crash inquiry\n\nThe Harbor Transit Authority said on Monday that the train had been inspected. "
        "It said the driver was not at fault. Maria Lind, the mayor, said the city would pay. "
        "It is expected that the line will reopen."
    )
    quotes = quotes_of(text)
    it = find(quotes, "said", "the driver")
    assert (it.speaker, it.name) == ("It", "Harbor Transit Authority")
    assert find(quotes, "is expected", "that the line").speaker is None  # "it" holds the clause's place
