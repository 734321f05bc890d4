"""Cues: the reporting expressions ("said", "pointed out", "according to") of a parsed article.

A cue is found by its lemma sequence in the stance lexicon; whether it really attributes
something is decided later, once its complement is known (the lexicon's frames). The cue's
span follows attribution annotation: the expression plus the auxiliaries, negation and
adverbs glued to its verb ("has long said", "did not mention"), and a colon right after it
("added:").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.vocab.stance import Expression, Lexicon

# Part-of-speech tags a cue's first word may carry: the small model tags some reporting
# verbs as AUX, and as NOUN or PROPN in title-case headlines ("Clinton Says"); a noun
# only counts as the root of its sentence.
_CUE_POS = frozenset({"VERB", "AUX"})
_HEADLINE_POS = frozenset({"NOUN", "PROPN"})
_GLUED_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_TRAILING_DEPS = frozenset({"prt", "advmod"})
# Verbs that wrap a reporting verb into one cue: "went on to say", "appeared to suggest".
_CHAIN_VERBS = frozenset({"go", "appear", "seem", "continue", "refuse", "tend", "begin", "start", "try", "proceed"})


@dataclass(slots=True)
class CueMatch:
    """One occurrence of a lexicon expression: its verb, its last word and its span's tokens."""

    head: Token
    last: Token
    expression: Expression
    first: int
    """Index of the cue span's first token (auxiliaries and adverbs included)."""
    end: int
    """Index just past the cue span's last token (a trailing colon included)."""

    @property
    def colon(self) -> bool:
        """Whether the cue ends with a colon ("said:"), which introduces what follows."""
        return self.head.doc[self.end - 1].text == ":"


def find_cues(doc: Doc, lexicon: Lexicon, quoted: list[bool]) -> list[CueMatch]:
    """Every lexicon expression in ``doc`` outside quotations, longest match first.

    ``quoted[i]`` says whether token ``i`` lies inside a quotation: a reporting verb inside
    someone's quoted words ("I think …") is part of the quote, not a new attribution.
    """
    out: list[CueMatch] = []
    taken = -1
    for token in doc:
        if token.i <= taken or quoted[token.i] or not _may_cue(token):
            continue
        match = _match(token, lexicon)
        if match is not None:
            out.append(match)
            taken = match.end - 1
    return _chain(out)


def _may_cue(token: Token) -> bool:
    if token.pos_ in _CUE_POS or token.lower_ == "according":
        return True
    return token.pos_ in _HEADLINE_POS and token.dep_ == "ROOT" and token.is_title


def _chain(matches: list[CueMatch]) -> list[CueMatch]:
    """Merge "went on to | say" and "appeared to | suggest" into one cue spanning both verbs."""
    dropped: set[int] = set()
    for match in matches:
        verb = match.head
        wrapper = verb.head
        if verb.dep_ != "xcomp" or wrapper.i >= verb.i or wrapper.lemma_.lower() not in _CHAIN_VERBS:
            continue
        between = verb.doc[wrapper.i + 1 : verb.i]
        if all(t.lower_ in ("to", "on") or t.dep_ in _GLUED_DEPS for t in between):
            match.first = _glued_start(wrapper)
            dropped.add(wrapper.i)
    return [m for m in matches if m.head.i not in dropped]


def _match(token: Token, lexicon: Lexicon) -> CueMatch | None:
    doc = token.doc
    for first_word in _lemmas(token):
        for expression in lexicon.candidates(first_word):
            end = token.i + len(expression.words)
            if end > len(doc):
                continue
            rest = doc[token.i + 1 : end]
            if all(word in (t.lemma_.lower(), t.lower_) for word, t in zip(expression.words[1:], rest, strict=True)):
                last = doc[end - 1]
                end = _trailing(token, end)
                if end < len(doc) and doc[end].text == ":":
                    end += 1
                return CueMatch(token, last, expression, _glued_start(token), end)
    return None


def _trailing(verb: Token, end: int) -> int:
    """End of a cue after the particle or adverb that follows its verb ("called out", "said later").

    PolNeAR train: annotated cues take in the particle after the verb 23 times of 23 and
    the verb's own adverb right after it 58 of 73.
    """
    doc = verb.doc
    if end >= len(doc) or doc[end].head != verb or doc[end].dep_ not in _TRAILING_DEPS or doc[end].tag_ == "WRB":
        return end
    # A capitalised word the parser took for an adverb is a name ("…,” said Ruiz, …): the source, not the cue.
    return end if doc[end].text[:1].isupper() else end + 1


def _lemmas(token: Token) -> dict[str, None]:
    """The token's lemma and word, then plain de-inflections of the word, as lookup keys.

    The small model's lemmatizer misses some forms ("hoped" → "hop") and leaves title-case
    headline verbs inflected ("Says"); stripping -s, -d, -ed, -ing recovers them.
    """
    word = token.lower_
    keys = [token.lemma_.lower(), word]
    if word.endswith("s"):
        keys.append(word[:-1])
    if word.endswith("ed"):
        keys += [word[:-1], word[:-2]]
    if word.endswith("ing"):
        keys += [word[:-3], word[:-3] + "e"]
    return dict.fromkeys(keys)


def _glued_start(verb: Token) -> int:
    """First token of the auxiliaries, negation and adverbs directly before ``verb``."""
    first = verb.i
    while first > 0:
        previous = verb.doc[first - 1]
        if previous.head != verb or previous.dep_ not in _GLUED_DEPS or previous.tag_ in ("WRB", "WDT"):
            break
        first -= 1
    return first
