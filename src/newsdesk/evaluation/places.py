"""Score places against a gold file (``newsdesk eval places``).

Gold places are listed per article by name as the text writes them (``{"name": "Kabul",
"country": "AF", "kind": "city"}``; ``country`` null for a region spanning countries). A gold
place is **found** when a predicted place has a mention whose text equals the gold name
(case and accents ignored, a leading "the" dropped) or is named so; a predicted place is
**correct** when it is found by some gold place. Scores:

- precision, recall and F1 of found places (predicted places vs gold names);
- country accuracy: of the found gold places, the share whose predicted country equals the
  gold country (regions: both null) — the geoparsing measure Mordecai reports;
- kind accuracy on the found places, and focus precision/recall/F1 over countries when the
  gold line lists ``focus``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.evaluation.geo_gold import load_gold, prf, run_pipeline
from newsdesk.evaluation.reliability import Bucket, Judged, reliability
from newsdesk.record import Article, Place
from newsdesk.vocab.names import PLACE_NAMES, fold


@dataclass(slots=True)
class PlacesReport:
    """Scores of ``newsdesk eval places``."""

    articles: int
    gold: int
    predicted: int
    found: int
    correct_predicted: int
    precision: float
    recall: float
    f1: float
    country_accuracy: float
    kind_accuracy: float
    focus: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)
    reliability: list[Bucket] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def evaluate_places(path: Path, *, keep_errors: bool = False, half: str | None = None) -> PlacesReport:
    """Run the pipeline over the gold file and score its places."""
    gold = load_gold(path, half)
    articles, seconds = run_pipeline(gold)
    n_gold = n_pred = found = correct_pred = right_country = right_kind = 0
    focus_tp = focus_pred = focus_gold = 0
    errors: list[dict[str, Any]] = []
    judged: list[Judged] = []
    for item, article in zip(gold, articles, strict=True):
        names = [_names(article, place) for place in article.places]
        used: set[int] = set()
        right: set[int] = set()  # matched a label and put it in the label's country
        for label in item.places:
            n_gold += 1
            key = _key(str(label["name"]))
            hits = [i for i, n in enumerate(names) if key in n]
            if not hits:
                if keep_errors:
                    errors.append({"article": item.id, "missed": label})
                continue
            found += 1
            used.update(hits)
            place = article.places[hits[0]]
            if place.country == label.get("country"):
                right_country += 1
                right.update(i for i in hits if article.places[i].country == place.country)
            elif keep_errors:
                errors.append({"article": item.id, "gold": label, "predicted": [place.name, place.country]})
            right_kind += place.kind == label.get("kind", place.kind)
        n_pred += len(article.places)
        correct_pred += len(used)
        judged += [Judged(p.confidence, i in right) for i, p in enumerate(article.places)]
        if keep_errors:
            errors.extend(
                {"article": item.id, "spurious": [p.name, p.country, p.kind]}
                for i, p in enumerate(article.places)
                if i not in used
            )
        if item.focus is not None:
            want = set(item.focus)
            got = {p.country for p in article.places if p.focus and p.country}
            focus_tp, focus_pred, focus_gold = focus_tp + len(want & got), focus_pred + len(got), focus_gold + len(want)
    precision, recall, f1 = prf(correct_pred, n_pred, n_gold)
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    fp, fr, ff = prf(focus_tp, focus_pred, focus_gold)
    return PlacesReport(
        articles=len(gold), gold=n_gold, predicted=n_pred, found=found, correct_predicted=correct_pred,
        precision=precision, recall=recall, f1=f1,
        country_accuracy=right_country / found if found else 0.0,
        kind_accuracy=right_kind / found if found else 0.0,
        focus={"precision": fp, "recall": fr, "f1": ff} if focus_gold else {},
        seconds=seconds, errors=errors, reliability=reliability(judged),
    )  # fmt: skip


def _key(name: str) -> str:
    key = fold(name, PLACE_NAMES)
    return key[4:] if key.startswith("the ") else key


def _names(article: Article, place: Place) -> set[str]:
    return {_key(article.text[m.start : m.end]) for m in place.mentions} | {_key(place.name)}
