"""Claimants found without a covering quote: the author or owner of an estimate, report or
statement noun ("the agency's estimate of 3.1 percent", "its forecast of 1.8 percent", "a study
by the institute concluded that …").

A possessive "its"/"their" names the organisation mentioned last shortly before; another
pronoun resolves to nothing, and then nobody but the publication claims the number.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.extract.claims.cues import MAX_PATH, ORG_TYPES, Context, cue_token, is_document, nearest_before
from newsdesk.record import Claimant, Quote

_OWNER_PRONOUNS = frozenset({"its", "their"})


def document_owner(ctx: Context, top: Token) -> Claimant | None:
    """The owner of a statement/estimate noun that governs the number, resolved to a name."""
    current = top
    for _ in range(MAX_PATH):
        for token in (current, *current.children):
            if is_document(token) and token.i != top.i:
                owner = author(token)
                if owner is not None:
                    return owner_claimant(ctx, owner)
        if current.head.i == current.i or current.dep_ in ("ccomp", "relcl", "advcl"):
            return None
        current = current.head
    return None


def subject_document(ctx: Context, quote: Quote) -> Claimant | None:
    """For a cue whose speaker the quotes component left open: a document subject's author
    ("a study by the institute concluded that …" → the institute)."""
    cue = cue_token(ctx.doc, quote)
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None) if cue else None
    if subject is None or not is_document(subject):
        return None
    by = author(subject)
    return owner_claimant(ctx, by) if by is not None else None


def author(document: Token) -> Token | None:
    """Who a document is by: its possessor ("the agency's report") or a "by"/"from" phrase."""
    for child in document.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def owner_claimant(ctx: Context, owner: Token) -> Claimant | None:
    """A possessor as a claimant: its entity's name, or for "its"/"their" the nearest
    organisation named shortly before; another pronoun resolves to nothing."""
    if owner.lower_ in _OWNER_PRONOUNS:
        entity = nearest_before(ctx.entities, owner.idx, ORG_TYPES)
        return Claimant(entity=entity.id, name=entity.name) if entity is not None else None
    if owner.pos_ == "PRON":
        return None
    phrase = ctx.doc[owner.left_edge.i : owner.i + 1]
    for entity in ctx.entities:
        if any(m.start <= owner.idx < m.end for m in entity.mentions):
            return Claimant(entity=entity.id, name=entity.name)
    words = [t for t in phrase if t.pos_ != "DET" and t.dep_ != "case"]
    return Claimant(entity=None, name=" ".join(t.text for t in words)) if words else None
