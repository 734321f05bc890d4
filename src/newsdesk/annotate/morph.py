"""``newsdesk_morph``: the model's attribute ruler and lemmatizer, as table lookups.

en_core_web_sm maps fine-grained tags to POS and morphology with an ``attribute_ruler``
(179 Matcher patterns) and then lemmatizes every token in Python. On news text the two
cost about 18% of the whole pipeline (23 and 26 µs a token), more than the parser, for
work that is almost entirely table lookup. This component does the same job from the
same data: it indexes the ruler's own patterns by tag, lower-cased form and position,
applies the ones that match each token in the ruler's order (later patterns win, as in
``AttributeRuler.set_annotations``), and memoises the lemmatizer's answer per
(word, POS, morphology). ``tests/test_morph.py`` checks that every token's POS,
morphology, lemma, tag and dependency label come out exactly as the original components
give them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# A condition on one token attribute: the attribute's name and a test of its string value.
Check = tuple[str, Callable[[str], bool]]


@dataclass(frozen=True, slots=True, eq=False)
class _Rule:
    """One ruler pattern, ready to test against a token and its neighbours."""

    order: int
    tokens: tuple[tuple[Check, ...], ...]
    target: int
    attrs: dict[Any, Any]


def _test(spec: Any) -> Callable[[str], bool]:
    if isinstance(spec, str):
        return spec.__eq__
    if isinstance(spec, bool):
        return lambda value: (value == "True") is spec
    if "IN" in spec:
        allowed = frozenset(spec["IN"])
        return allowed.__contains__
    if "NOT_IN" in spec:
        banned = frozenset(spec["NOT_IN"])
        return lambda value: value not in banned
    if "REGEX" in spec:
        return re.compile(spec["REGEX"]).search  # type: ignore[return-value]
    raise ValueError(f"unsupported attribute-ruler pattern: {spec!r}")


class FastMorph:
    """Sets ``pos``, ``morph`` and ``lemma`` (and the ruler's rare ``tag``/``dep`` fixes)."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.by_tag: dict[str, list[_Rule]] = {}
        self.by_lower: dict[str, list[_Rule]] = {}
        self.by_dep: dict[str, list[_Rule]] = {}
        self.on_space: list[_Rule] = []
        self.anywhere: list[_Rule] = []
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._by_form: dict[tuple[str, str, str, bool], tuple[_Rule, ...]] = {}
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for order, entry in enumerate(entries):
            attrs = ruler.attrs[order]  # normalised by the ruler itself: applied exactly as it would
            patterns: list[list[dict[str, Any]]] = entry["patterns"]
            for pattern in patterns:
                rule = _Rule(
                    order=order,
                    tokens=tuple(tuple((str(a), _test(s)) for a, s in tok.items()) for tok in pattern),
                    target=int(entry.get("index", 0)) % len(pattern),
                    attrs=attrs,
                )
                self._index(rule, pattern[rule.target])

    def _index(self, rule: _Rule, target: dict[str, Any]) -> None:
        """File a rule under the exact values its target token must have, where it names any."""
        for attr, table in (("TAG", self.by_tag), ("LOWER", self.by_lower), ("DEP", self.by_dep)):
            spec = target.get(attr)
            if isinstance(spec, str):
                table.setdefault(spec, []).append(rule)
                return
            if isinstance(spec, dict) and "IN" in spec:
                for value in spec["IN"]:
                    table.setdefault(value, []).append(rule)
                return
        if target.get("IS_SPACE") is True:
            self.on_space.append(rule)
            return
        self.anywhere.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        # Like the Matcher, test every pattern against the doc as the parser left it, and
        # only then apply what matched, in pattern order (later patterns win).
        values = {
            "TAG": [t.tag_ for t in doc],
            "LOWER": [t.lower_ for t in doc],
            "DEP": [t.dep_ for t in doc],
            "IS_SPACE": [str(t.is_space) for t in doc],
        }
        tags, lowers, deps, spaces = values["TAG"], values["LOWER"], values["DEP"], values["IS_SPACE"]
        n = len(doc)
        for i in range(n):
            token = doc[i]
            for rule in self._candidates(tags[i], lowers[i], deps[i], spaces[i] == "True"):
                start = i - rule.target
                if start < 0 or start + len(rule.tokens) > n:
                    continue
                if _matches(rule, values, start):
                    set_token_attrs(token, rule.attrs)
        for token in doc:
            if token.lemma == 0:
                token.lemma_ = self._lemma(token)
        return doc

    def _candidates(self, tag: str, lower: str, dep: str, space: bool) -> tuple[_Rule, ...]:
        """The rules that can match a token of this tag, form and label, in the ruler's order (memoised)."""
        key = (tag, lower, dep, space)
        rules = self._by_form.get(key)
        if rules is None:
            found = {
                *self.by_tag.get(tag, ()),
                *self.by_lower.get(lower, ()),
                *self.by_dep.get(dep, ()),
                *(self.on_space if space else ()),
                *self.anywhere,
            }
            rules = self._by_form[key] = tuple(sorted(found, key=_order))
        return rules

    def _lemma(self, token: Token) -> str:
        key = (token.orth, token.pos, hash(token.morph))
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self.lemmatizer.lemmatize(token)[0]
            self._lemmas[key] = lemma
        return lemma


def _order(rule: _Rule) -> int:
    return rule.order


def _matches(rule: _Rule, values: dict[str, list[str]], start: int) -> bool:
    for offset, checks in enumerate(rule.tokens):
        for attr, test in checks:
            if not test(values[attr][start + offset]):
                return False
    return True


@Language.factory(
    "newsdesk_morph",
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_fast_morph(nlp: Language, name: str) -> FastMorph:
    """Build from the pipeline's own ``attribute_ruler`` and ``lemmatizer``, which the caller then removes."""
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
        raise TypeError("newsdesk_morph needs the model's attribute_ruler and lemmatizer")
    return FastMorph(ruler, lemmatizer)
