"""How sure a claim is (``Claim.confidence``): the chance its value, object and claimant are all right.

A logistic model over evidence the claims stage already has, each feature one explainable
reason to trust a claim less or more (the weights below are in log-odds; a positive weight
raises confidence):

- ``bias``: the base rate of a claim with no other signal — a publication's digit count
  with an object read off its own noun phrase;
- ``quote_direct`` / ``quote_indirect`` / ``document``: the claimant came through a
  quotation, reported speech or the owner of an estimate noun (each a cue that can be
  misread, and a longer chain than the publication's own word);
- ``no_object``: nothing counted was found — the claim can't match on its object;
- ``object_own_noun``: the number modifies its object's head noun directly ("80 people",
  "$5 million in aid" does not), the surest reading of what is counted;
- ``object_guessed``: the object is only the verb's subject or object, not the number's noun;
- ``object_inherited``: the object was taken from an earlier claim of the sentence
  ("…, up from 8,100");
- ``object_long``: the object has more than :data:`LONG_OBJECT` words — a clause rather
  than a counted thing;
- ``money`` / ``percent`` / ``measure``: the kind of amount (counts are the reference); a sum
  or percentage names what it measures less often right beside it;
- ``vague`` / ``ranged``: "dozens" or "between 150 and 200" rather than one value;
- ``spelled``: the number written in words ("two", "a dozen"), which is more often a
  referring count than a claim;
- ``single``: the value is exactly one ("one analyst", "one side of the debate") — a way of
  referring to a thing, almost never a reported count;
- ``referring``: a number written in words after a definite determiner or possessive, or
  in apposition to names already given ("the two sides", "his three sons", "Ann and Bo,
  two reporters") — a count of a set the text has already named (real-news-geo's policy
  leaves these out);
- ``hyphenated``: the number is joined by a hyphen to the next word ("a 24-point lead", "a
  22-member board"); the objects rules drop the type compounds that count nothing, and the
  fit finds the ones left (margins, sizes) more often right than the reference;
- ``statistic``: a sports or market-table figure;
- ``long_sentence``: the sentence has more than :data:`LONG_SENTENCE` tokens (more parse
  errors, more candidate objects);
- ``headline``: the number is in the headline (telegraphic, no verb to read).

The weights were fitted by logistic regression (Newton's method, L2 penalty 1.0 on all but
the bias, the penalty of lowest 5-fold cross-validated log-loss on the tune half among 0.5, 1,
3, 8 and 20) on the tune half of real-news-geo — 223 claims, run with the merged claimant
rules and the object and value rules of the objects branch — against the full match of
``newsdesk eval claims``. Reliability on that half (mean confidence / measured precision):
0.0–0.2 0.06 / 0.00, 0.2–0.4 0.33 / 0.33, 0.4–0.6 0.50 / 0.46, 0.6–0.8 0.64 / 0.72, 0.8–1.0
0.83 / 1.00 (2 claims); on the check half 0.06 / 0.02, 0.31 / 0.39, 0.50 / 0.46, 0.67 / 0.48,
0.81 / 0.50 (2 claims). Weights near zero (``object_inherited``, ``quote_direct``) are kept
so that each reason stays visible and is refitted with the others. Refit when the object or
claimant rules change much: the model is only as calibrated as the rules it was fitted on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Objects longer than this many words are clauses more than counted things; set by hand
# (58% of the gold objects of real-news-geo's tune half have at most four words).
LONG_OBJECT = 4
# Sentences longer than this many tokens: set by hand at about twice the median sentence
# (23 tokens over ten articles of real-news-geo's tune half).
LONG_SENTENCE = 45

# Log-odds weights, fitted on the tune half of real-news-geo (see the module docstring).
WEIGHTS: dict[str, float] = {
    "bias": -0.42,
    "quote_direct": 0.14,
    "quote_indirect": 0.68,
    "document": -0.14,
    "no_object": -2.13,
    "object_own_noun": 0.91,
    "object_guessed": 0.28,
    "object_inherited": 0.05,
    "object_long": -0.42,
    "money": -0.94,
    "percent": -0.14,
    "measure": -0.19,
    "vague": -0.13,
    "ranged": -0.3,
    "spelled": -0.33,
    "statistic": -0.33,
    "single": -0.98,
    "referring": -0.79,
    "hyphenated": 0.65,
    "long_sentence": 0.4,
    "headline": -0.37,
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the claims stage knows about one claim when it builds it."""

    rule: str  # how the claimant was found: "quote-direct" | "quote-indirect" | "document" | "publication"
    object_words: int  # words of the object, 0 when none was found
    object_own_noun: bool
    object_guessed: bool
    object_inherited: bool
    kind: str  # "money" | "percent" | "measure" | "count"
    vague: bool
    ranged: bool
    spelled: bool
    statistic: bool
    single: bool
    referring: bool
    hyphenated: bool
    sentence_tokens: int
    headline: bool


def features(evidence: Evidence) -> dict[str, float]:
    """The model's inputs (1.0 for a reason that holds, 0.0 otherwise); see the module docstring."""
    e = evidence
    flags = {
        "bias": True,
        "quote_direct": e.rule == "quote-direct",
        "quote_indirect": e.rule == "quote-indirect",
        "document": e.rule == "document",
        "no_object": e.object_words == 0,
        "object_own_noun": e.object_own_noun,
        "object_guessed": e.object_guessed,
        "object_inherited": e.object_inherited,
        "object_long": e.object_words > LONG_OBJECT,
        "money": e.kind == "money",
        "percent": e.kind == "percent",
        "measure": e.kind == "measure",
        "vague": e.vague,
        "ranged": e.ranged,
        "spelled": e.spelled,
        "statistic": e.statistic,
        "single": e.single,
        "referring": e.referring,
        "hyphenated": e.hyphenated,
        "long_sentence": e.sentence_tokens > LONG_SENTENCE,
        "headline": e.headline,
    }
    return {name: 1.0 if on else 0.0 for name, on in flags.items()}


def confidence(evidence: Evidence) -> float:
    """The logistic model's probability that the claim is fully right, rounded to 0.01."""
    score = sum(WEIGHTS[name] * value for name, value in features(evidence).items())
    return round(1.0 / (1.0 + math.exp(-score)), 2)
