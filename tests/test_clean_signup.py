"""Newsletter sign-up forms (clean/text/lexicon.SUBSCRIPTION): the consent box, its title and
its confirmation are furniture, not the last paragraphs of the article."""

from __future__ import annotations

from newsdesk.clean.text import clean_text

PAGE = """Harbour council approves new sea wall after winter storms
By Ann Lee
The council voted nine to two on Tuesday night to build a new sea wall along the harbour front.
The wall will cost about fourteen million pounds and take two years to build, officials said on Wednesday.
Residents who lost homes in the January storms have campaigned for a stronger wall since the spring.
Harbour Morning Newsletter
Get the day's top local stories, the tide tables and the weekend's events in one email.
I agree that the Harbour Herald can send me the "Harbour Morning" newsletter.
See All Newsletters
Please check the opt-in box to acknowledge that you would like to subscribe.
Thanks for signing up!
Keep an eye on your inbox for the latest local news.
"""


def test_signup_form_after_the_article_is_removed() -> None:
    cleaned = clean_text(PAGE)
    assert len(cleaned.paragraphs) == 3
    assert cleaned.paragraphs[-1].startswith("Residents who lost homes")
    reasons = {item.text: item.reason for item in cleaned.removed}
    assert reasons['I agree that the Harbour Herald can send me the "Harbour Morning" newsletter.'] == (
        "subscription prompt"
    )
    assert reasons["Thanks for signing up!"] == "subscription prompt"
