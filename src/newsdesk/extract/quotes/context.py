"""What every quote rule needs about one article: its parse, its quotations and its paragraphs."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsdesk.extract.quotes.marks import QuoteRegion, find_quotes, names_something

# Quotations shorter than this are scare quotes, titles or fragments, not statements: set by hand,
# the one threshold of the floating-quote, cue-modifier, colon-clause and quoted-sentence rules
# ("“Not now,” she said" is kept through its cue instead).
STATEMENT_WORDS = 4


@dataclass(slots=True)
class Context:
    """One article prepared for the rules: quotation regions and a per-token "quoted" flag."""

    doc: Doc
    text: str
    regions: list[QuoteRegion]
    quoted: list[bool]
    """``quoted[i]``: token ``i`` lies strictly inside a closed quotation's marks."""
    sentences: list[tuple[int, int]]
    """Token (start, end) of every sentence: ``Doc.sents`` walks the whole doc on each access."""
    ents: list[Span]
    """``doc.ents``, read once (each access rebuilds the list)."""
    named: frozenset[int]
    """Start offsets of the quotations that are titles, nicknames or scare quotes, not anyone's words."""
    _region_starts: list[int]
    _sentence_starts: list[int]
    _ent_starts: list[int]

    @classmethod
    def build(cls, doc: Doc) -> Context:
        """Find the quotations of ``doc`` and flag the tokens inside them."""
        text = doc.text
        regions = find_quotes(text)
        inside = [False] * (len(text) + 1)
        # An unclosed quotation may run past its speaker's "she said" (the closing mark was
        # forgotten), so only closed ones hide the cues inside them.
        for region in regions:
            if not region.closed:
                continue
            for start, end in region.fragments:
                for i in range(start + 1, end - 1):
                    inside[i] = True
        quoted = [inside[t.idx] for t in doc]
        sentences = [(s.start, s.end) for s in doc.sents]
        ents = list(doc.ents)
        return cls(
            doc,
            text,
            regions,
            quoted,
            sentences,
            ents,
            frozenset(r.start for r in regions if names_something(text, r)),
            [r.start for r in regions],
            [start for start, _ in sentences],
            [e.start_char for e in ents],
        )

    def sentence(self, token: int) -> tuple[int, int]:
        """Token (start, end) of the sentence holding token ``token``."""
        return self.sentences[self.sentence_index(token)]

    def sentence_index(self, token: int) -> int:
        """Position in :attr:`sentences` of the sentence holding token ``token``."""
        return bisect_right(self._sentence_starts, token) - 1

    def ents_in(self, start: int, end: int) -> list[Span]:
        """Named entities inside the character span ``start:end``."""
        i = bisect_right(self._ent_starts, start - 1)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def ent_holding(self, token: int) -> Span | None:
        """The named entity of token ``token``'s sentence that the token is part of, if any (entities
        never overlap; one the parse runs over a sentence break counts for neither sentence)."""
        i = bisect_right(self._ent_starts, self.doc[token].idx) - 1
        if i < 0 or not self.ents[i].start <= token < self.ents[i].end:
            return None
        first, last = self.sentence(token)
        return self.ents[i] if first <= self.ents[i].start and self.ents[i].end <= last else None

    def region_starting_after(self, offset: int) -> QuoteRegion | None:
        """The first quotation that starts at or after ``offset``."""
        i = bisect_right(self._region_starts, offset - 1)
        return self.regions[i] if i < len(self.regions) else None

    def region_ending_before(self, offset: int) -> QuoteRegion | None:
        """The last quotation that ends at or before ``offset``."""
        i = bisect_right(self._region_starts, offset) - 1
        while i >= 0 and self.regions[i].end > offset:
            i -= 1
        return self.regions[i] if i >= 0 else None

    def is_named(self, region: QuoteRegion) -> bool:
        """Whether a quotation is a title, nickname or scare quote (see :func:`.marks.names_something`)."""
        return region.start in self.named

    def is_statement(self, region: QuoteRegion) -> bool:
        """Whether a quotation reads as a sentence someone said: capitalised, at least
        :data:`STATEMENT_WORDS` words, not every word capitalised (a title, a slogan)."""
        words = " ".join(self.text[s:e] for s, e in region.fragments).strip("\"“”'‘’ ").split()
        if len(words) < STATEMENT_WORDS or not words[0][:1].isupper():
            return False
        return not all(word[:1].isupper() or not word[:1].isalpha() for word in words)

    def region_containing(self, offset: int) -> QuoteRegion | None:
        """The quotation whose marks enclose ``offset``, if any."""
        i = bisect_right(self._region_starts, offset) - 1
        if i >= 0 and any(s <= offset < e for s, e in self.regions[i].fragments):
            return self.regions[i]
        return None

    def paragraph_end(self, offset: int) -> int:
        """Offset of the newline ending the paragraph that holds ``offset`` (or the text's end)."""
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end

    def paragraph_start(self, offset: int) -> int:
        """Offset of the first character of the paragraph that holds ``offset``."""
        return self.text.rfind("\n", 0, offset) + 1
