"""Tree preparation before trafilatura: comments out, text around them kept."""

from __future__ import annotations

from newsdesk.clean.html import clean_html

PAGE = """<html><head><title>Clinic opens late on Thursdays</title></head>
<body><article><h1>Clinic opens late on Thursdays</h1>
<p>{first}</p>
<p>Patients can book the evening slots online or by phone, and the pharmacy next door will stay open
until nine on the same nights, the practice manager said in a letter to residents.</p>
<p>The trial runs until the end of March, when the board will decide whether to keep the late hours.</p>
</article></body></html>"""


def body(first: str) -> str:
    return "\n".join(clean_html(PAGE.format(first=first), url="https://clinic.example/news/late").paragraphs)


def test_comment_inside_a_sentence_keeps_the_text_after_it() -> None:
    # React's server rendering writes an empty comment between the pieces of one sentence.
    text = body("At first, the town clinic<!-- --> planned to open late<!-- --> on Mondays<!-- -->, staff said.")
    assert "At first, the town clinic planned to open late on Mondays, staff said." in text
