"""The quote stage's working record: an attribution found in the text, before speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsdesk.extract.quotes.spans import CharSpan


@dataclass(slots=True)
class Draft:
    """One attribution as the rules found it: spans only, no entity ids yet.

    ``source_root`` is the syntactic head of the source phrase (the token speaker
    resolution looks at: a pronoun, a surname, a relative "who"); ``frame`` says which rule
    found the content, so later steps know e.g. that a colon may run on to the next paragraph.
    """

    cue: CharSpan | None
    lemma: str
    stance: str
    source: CharSpan | None
    source_root: Token | None
    content: list[CharSpan] = field(default_factory=list)
    frame: str = "clause"
    complement: str = "c"
    """The lexicon frame the cue's content filled: "c" a clause or quotation, "o" an object, "t" an infinitive."""
    speech: bool = True
    """False for an attribution that reports an action or a state, or the writer's own voice: kind "action"."""
    inherited_from: Draft | None = None
    """For a floating quote: the attributed quote whose speaker it inherits."""

    @property
    def anchor(self) -> int:
        """Where the attribution sits in the text, for ordering: its earliest span."""
        starts = [s for s, _ in self.content]
        if self.cue is not None:
            starts.append(self.cue[0])
        if self.source is not None:
            starts.append(self.source[0])
        return min(starts)
