"""The article's lead (standfirst) that trafilatura leaves out.

trafilatura reads a class such as "teaser", "lead" or "intro" as boilerplate, and a lead often
sits in the article's header, outside the container it extracts: the opening paragraph of the
article went missing. A lead is put back when the page marks it as one (class names are the web's
own vocabulary, the same in every language), it stands just above the extracted body among the
page's visible lines, and it reads as prose: long enough and ending like a sentence, not a link.
"""

from __future__ import annotations

import re

from newsdesk.clean.names import PageNames

_SPACES = re.compile(r"\s+")
_LEAD_CLASS = re.compile(r"lead|teaser|intro|preface|standfirst|summary|excerpt|abstract|\bdeck\b|\bdek\b")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
# A lead is looked for among this many visible lines above the body's first paragraph, and has
# at least this many words. Tuning half of the snippet set, html F1: look-back 3 or 6 lines 0.943,
# 10 lines 0.945, 15 lines 0.946 (one snippet more; the shorter reach kept, a lead sits near the
# body); 6, 10 or 15 words score the same.
_LOOK_BACK = 10
_MIN_WORDS = 10


def lead_texts(names: PageNames) -> set[str]:
    """The text of every element whose class names it a lead, white space collapsed."""
    texts = (_SPACES.sub(" ", "".join(el.itertext())).strip() for el in names.find(_LEAD_CLASS, ids=False))
    return {text for text in texts if len(text.split()) >= _MIN_WORDS}


def with_lead(paragraphs: list[str], visible_lines: list[str], names: PageNames, links: set[str]) -> list[str]:
    """``paragraphs`` with the page's lead in front when it stands just above them and is missing.
    The page's lead elements are listed only when a line above could be one (it saves a pass
    over the page's classes on most pages)."""
    if not paragraphs:
        return paragraphs
    start = next((i for i, line in enumerate(visible_lines) if line == paragraphs[0]), None)
    if start is None:
        return paragraphs
    body = set(paragraphs)
    candidates = [
        line
        for line in reversed(visible_lines[max(0, start - _LOOK_BACK) : start])
        if len(line.split()) >= _MIN_WORDS and line not in body and _SENTENCE_END.search(line)
    ]
    if not candidates:
        return paragraphs
    leads = lead_texts(names)
    for line in candidates:
        text = _SPACES.sub(" ", line).strip()
        if text in leads and text not in links:
            return [line, *paragraphs]
    return paragraphs
