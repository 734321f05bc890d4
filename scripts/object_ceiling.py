"""How well could any extractor that copies words from the text match a gold file's claim objects?

    python scripts/object_ceiling.py GOLD.jsonl [--half tune|check]

The claims scorer (``newsdesk eval claims``) matches objects by the Jaccard index of their content
words (≥ 0.5). Gold objects are written "as a reader would say them", often a paraphrase
("U.S. output growth" for "U.S. output will expand by 1.6 percent"). For each gold claim this
prints the share of objects for which (a) some contiguous run of up to 12 words of the claim's
sentence scores ≥ 0.5 — the ceiling of an extractor that returns a phrase of the sentence; (b) at
least half the object's content words occur in the sentence — the ceiling of one that may pick
any words of the sentence; (c) the same over the claim's paragraph.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from newsdesk.evaluation.claims import OBJECT_JACCARD
from newsdesk.evaluation.geo_gold import load_gold, words

_TOKEN = re.compile(r"[\w$€£¥%]+")
# Longest phrase tried for (a): longer gold objects than this are rare (a clause, not a phrase).
_MAX_WORDS = 12


def _sentence(text: str, start: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    rights = [p for p in (text.find(". ", start), text.find("\n", start)) if p >= 0]
    return text[left : min(rights) if rights else len(text)]


def _paragraph(text: str, start: int) -> str:
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", start)
    return text[max(left, 0) : right if right >= 0 else len(text)]


def _best_phrase(gold: set[str], sentence: str) -> float:
    tokens = _TOKEN.findall(sentence)
    best = 0.0
    for a in range(len(tokens)):
        for b in range(a + 1, min(len(tokens), a + _MAX_WORDS) + 1):
            phrase = words(" ".join(tokens[a:b]))
            if phrase:
                best = max(best, len(gold & phrase) / len(gold | phrase))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--half", choices=("tune", "check"))
    args = parser.parse_args()
    claims = phrase = sentence = paragraph = 0
    for article in load_gold(args.gold, args.half):
        for claim in article.claims:
            claims += 1
            wanted = words(claim.get("object"))
            start = article.text.find(str(claim.get("text", "")))
            if start < 0 or not wanted:
                continue
            in_sentence = _sentence(article.text, start)
            phrase += _best_phrase(wanted, in_sentence) >= OBJECT_JACCARD
            sentence += len(wanted & words(in_sentence)) / len(wanted) >= OBJECT_JACCARD
            paragraph += len(wanted & words(_paragraph(article.text, start))) / len(wanted) >= OBJECT_JACCARD
    print(f"{claims} gold claims{' (' + args.half + ' half)' if args.half else ''}")
    print(f"(a) a phrase of the sentence matches the object: {phrase / claims:.3f}")
    print(f"(b) half the object's words are in the sentence: {sentence / claims:.3f}")
    print(f"(c) half the object's words are in the paragraph: {paragraph / claims:.3f}")


if __name__ == "__main__":
    main()
