"""Score numeric claims against a gold file (``newsdesk eval claims``).

A predicted claim matches a gold claim when all three agree (rules documented in
docs/gold-format.md):

- **number**: the gold ``value`` equals the predicted value (relative tolerance 1e-6); a gold
  claim without a value but with ``low``/``high`` (a range) needs both bounds equal; a gold
  claim with neither (a vague amount like "dozens") needs a predicted claim without a value
  whose text contains the gold ``text`` or is contained in it;
- **object**: the content words of the two objects (lower case, "the/of/in/…" dropped, a
  plural "s" dropped) have a Jaccard overlap of at least 0.5 ("Daesh fighters" ~ "fighters");
- **claimant**: "publication" on both sides, or a shared content word between the gold
  claimant and the predicted claimant's name ("Kabulov" ~ "Zamir Kabulov"), or one is the
  acronym of the other ("FAO" ~ "Food and Agriculture Organization").

Matching is one-to-one within an article (maximum bipartite matching). The report also gives
the same scores on number alone and on number + object, and the accuracy of ``category``,
``place`` and ``unit`` on the fully matched claims whose gold carries them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.evaluation.geo_gold import GoldArticle, load_gold, prf, run_pipeline, words
from newsdesk.evaluation.reliability import Bucket, Judged, reliability
from newsdesk.record import PUBLICATION, Article, Claim

# Object words must overlap at least this much (Jaccard): "Daesh fighters" vs "fighters" is 0.5.
OBJECT_JACCARD = 0.5

Matcher = Callable[[dict[str, Any], Claim, Article], bool]


@dataclass(slots=True)
class Score:
    """Precision, recall and F1 of one matching rule."""

    tp: int
    predicted: int
    gold: int
    precision: float
    recall: float
    f1: float


@dataclass(slots=True)
class ClaimsReport:
    """Scores of ``newsdesk eval claims``."""

    articles: int
    full: Score
    number_object: Score
    number: Score
    attribute_accuracy: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    misses: list[dict[str, Any]] = field(default_factory=list)
    reliability: list[Bucket] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def number_matches(gold: dict[str, Any], claim: Claim) -> bool:
    """Does the predicted amount equal the gold amount (value, range, or vague text)?"""
    if gold.get("value") is not None:
        return claim.value is not None and math.isclose(claim.value, float(gold["value"]), rel_tol=1e-6)
    if gold.get("low") is not None or gold.get("high") is not None:
        return _close(gold.get("low"), claim.low) and _close(gold.get("high"), claim.high)
    text, predicted = str(gold.get("text", "")).lower(), claim.text.lower()
    return claim.value is None and bool(text) and (text in predicted or predicted in text)


def object_matches(gold: dict[str, Any], claim: Claim) -> bool:
    """Jaccard of the content words of the two objects ≥ 0.5."""
    g, p = words(gold.get("object")), words(claim.object)
    if not g or not p:
        return not g and not p
    return len(g & p) / len(g | p) >= OBJECT_JACCARD


def claimant_matches(gold: dict[str, Any], claim: Claim, article: Article) -> bool:
    """Both the publication, or a shared content word between the two names."""
    want = str(gold.get("claimant") or PUBLICATION)
    got = claim.claimant
    is_publication = got is None or (got.entity is None and got.name in (PUBLICATION, article.site))
    if want.lower() == PUBLICATION:
        return is_publication
    if is_publication or got is None:
        return False
    return bool(words(want) & words(got.name)) or _acronym(want, got.name) or _acronym(got.name, want)


def _acronym(short: str, long: str) -> bool:
    """ "FAO" for "Food and Agriculture Organization" (initials of the capitalised words)."""
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return short.isupper() and len(short) >= 2 and short == initials


def evaluate_claims(path: Path, *, keep_misses: bool = False, half: str | None = None) -> ClaimsReport:
    """Run the pipeline over the gold file and score its claims."""
    gold = load_gold(path, half)
    articles, seconds = run_pipeline(gold)
    rules: dict[str, Matcher] = {
        "full": lambda g, c, a: number_matches(g, c) and object_matches(g, c) and claimant_matches(g, c, a),
        "number_object": lambda g, c, a: number_matches(g, c) and object_matches(g, c),
        "number": lambda g, c, a: number_matches(g, c),
    }
    scores: dict[str, Score] = {}
    attributes: dict[str, list[bool]] = {"category": [], "place": [], "unit": []}
    misses: list[dict[str, Any]] = []
    judged: list[Judged] = []
    for name, rule in rules.items():
        tp = 0
        for item, article in zip(gold, articles, strict=True):
            pairs = match(item.claims, article.claims, _bind(rule, article))
            tp += len(pairs)
            if name == "full":
                right = {j for _, j in pairs}
                judged += [Judged(c.confidence, j in right) for j, c in enumerate(article.claims)]
                _attributes(item, article, pairs, attributes)
                if keep_misses:
                    misses.extend(_misses(item, article, pairs))
        predicted = sum(len(a.claims) for a in articles)
        total = sum(len(g.claims) for g in gold)
        scores[name] = Score(tp, predicted, total, *prf(tp, predicted, total))
    accuracy = {k: sum(v) / len(v) for k, v in attributes.items() if v}
    return ClaimsReport(
        len(gold), scores["full"], scores["number_object"], scores["number"], accuracy, seconds, misses,
        reliability(judged),
    )  # fmt: skip


def _bind(rule: Matcher, article: Article) -> Callable[[dict[str, Any], Claim], bool]:
    def ok(gold: dict[str, Any], claim: Claim) -> bool:
        return rule(gold, claim, article)

    return ok


def match(
    gold: list[dict[str, Any]], predicted: list[Claim], ok: Callable[[dict[str, Any], Claim], bool]
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths; articles have tens of claims)."""
    edges = [[j for j, claim in enumerate(predicted) if ok(g, claim)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _attributes(item: GoldArticle, article: Article, pairs: list[tuple[int, int]], out: dict[str, list[bool]]) -> None:
    for i, j in pairs:
        g, c = item.claims[i], article.claims[j]
        for key in out:
            if key in g:
                out[key].append(g[key] == getattr(c, key))


def _misses(item: GoldArticle, article: Article, pairs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    out: list[dict[str, Any]] = []
    for i, g in enumerate(item.claims):
        if i not in matched_gold:
            out.append({"article": item.id, "missed": g})
    for j, c in enumerate(article.claims):
        if j not in matched_pred:
            who = c.claimant.name if c.claimant else None
            out.append({"article": item.id, "spurious": {"text": c.text, "value": c.value, "object": c.object,
                                                         "claimant": who}})  # fmt: skip
    return out


def _close(a: Any, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), b, rel_tol=1e-6)
