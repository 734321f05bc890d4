"""Hypothesis strategies shared by the fuzz tests: HTML-ish text built from the pieces that
broke parsers before (tags, comments, entities, control characters, mixed scripts)."""

from __future__ import annotations

from hypothesis import strategies as st

# Words from several scripts, so cleaners and tokenisers meet text with and without spaces.
_LATIN = "the minister said on Tuesday that 1,200 people were hurt “ ” \" ' — % $3.5bn 1e309 Mr. U.S. ( ) : ;"
_WORDS = st.sampled_from(
    [
        *_LATIN.split(),
        "Москва",
        "東京都",
        "الوزير",
        "नमस्ते",
        "Ελλάδα",
        "😀",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "9" * 40,
        "9" * 400,
    ]
)
_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85", "\u2028"])
_TAG_NAMES = st.sampled_from(["p", "div", "h1", "title", "script", "style", "a", "br", "meta", "article", "span"])
_ENTITIES = st.sampled_from(["&amp;", "&lt;", "&gt;", "&#0;", "&#x110000;", "&#9999999999;", "&nbsp;", "&bogus", "&"])
_COMMENTS = st.sampled_from(
    ["<!---->", "<!-- c -->", "<!--", "-->", "<!-- <p> -->", "<![CDATA[x]]>", "<!DOCTYPE html>"]
)

words = st.lists(_WORDS, min_size=0, max_size=40).map(" ".join)
"""Short runs of words from mixed scripts."""


@st.composite
def _tag(draw: st.DrawFn) -> str:
    name = draw(_TAG_NAMES)
    attr = draw(st.sampled_from(["", ' class="x"', ' charset="undefined"', " content='a\"b'", " =", ' a="']))
    return draw(st.sampled_from([f"<{name}{attr}>", f"</{name}>", f"<{name}{attr}/>", f"<{name}"]))


pieces = st.one_of(words, _tag(), _ENTITIES, _COMMENTS, _CONTROL, st.text(max_size=8))
"""One piece of an HTML-ish document."""

html_ish = st.lists(pieces, min_size=0, max_size=60).map("".join)
"""HTML-ish text: the pieces above in any order, any nesting, unbalanced."""


@st.composite
def page(draw: st.DrawFn) -> str:
    """A page-shaped document: a head, a body of paragraphs made of fuzz, and a tail."""
    paragraphs = draw(st.lists(st.tuples(html_ish, words), min_size=1, max_size=8))
    body = "".join(f"<p>{noise} {text}</p>\n" for noise, text in paragraphs)
    title = draw(words)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


_NAMES = st.sampled_from(["Anna Berg", "Mr Okafor", "the minister", "Ms. Li", "They", "Paris", "the United Nations"])
_NUMBERS = st.sampled_from(["3", "1,200", "4.5%", "$2bn", "between 10 and 20", "1e309", "9" * 400, "0", "-7", "½"])
_NOISE = st.one_of(_CONTROL, _WORDS, _ENTITIES, st.text(max_size=3))


@st.composite
def _news_sentence(draw: st.DrawFn) -> str:
    name, number = draw(_NAMES), draw(_NUMBERS)
    plain = f"{number} people were hurt in {draw(_NAMES)} on Tuesday, police said"
    forms = [
        f"“{plain},” {name} said.",
        f"{name} said {plain}.",
        f'{name} told reporters: "{plain}',
        f"According to {name}, {number} homes were lost — “{draw(words)}”",
        f"{plain}. {draw(words)}",
    ]
    sentence = draw(st.sampled_from(forms))
    at = draw(st.integers(0, len(sentence)))
    return sentence[:at] + draw(_NOISE) + sentence[at:]


news_text = st.lists(_news_sentence(), min_size=2, max_size=8).map("\n\n".join)
"""English news paragraphs (quotes, speakers, numbers, places) with one piece of fuzz in each, so the
English-only components run on them rather than being skipped by language detection."""
