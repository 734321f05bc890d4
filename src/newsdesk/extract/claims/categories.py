"""The category of a claim, from its kind and the head word of what it counts.

People first, by the counted noun ("fighters", "troops", "killed", …) or, for a general word
("people", "civilians"), by the verb that governs it ("17 people were arrested"); then
equipment; else "other". Sums and percentages are their own categories. See docs/gold-format.md.

Measures ("300 km", "12 tonnes") and counts of things stay "other": the gold format and the
labelled sets use that one value for both ("other for things and measures"), and ``newsdesk
eval claims`` compares categories as strings. A desk tells them apart by ``unit`` (set for a
measure, None for a count) and leaves sports and market figures out by ``statistic``.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.extract.claims.expressions import Expression

# Category by the counted noun's lemma (people first, then equipment); see docs/gold-format.md.
PEOPLE_CATEGORIES = {
    "fighters": {"fighter", "militant", "insurgent", "rebel", "jihadist", "gunman", "extremist", "terrorist",
                 "combatant", "guerrilla", "mercenary", "recruit"},
    "troops": {"troop", "soldier", "personnel", "marine", "sailor", "servicemember", "paratrooper", "officer",
               "peacekeeper", "reservist", "guard", "policeman", "police", "garrison"},
    "killed": {"killed", "dead", "death", "fatality", "body", "executed", "corpse"},
    "wounded": {"wounded", "injured", "casualty", "injury", "patient", "infected"},
    "arrested": {"arrested", "detained", "prisoner", "detainee", "arrest", "captive", "hostage", "abducted",
                 "kidnapped", "sentenced"},
    "displaced": {"displaced", "refugee", "migrant", "evacuee", "asylum", "evacuated", "deported", "returnee"},
    "protesters": {"protester", "protestor", "demonstrator", "marcher", "rioter", "striker"},
}  # fmt: skip
PEOPLE_WORDS = frozenset({
    "people", "person", "civilian", "resident", "child", "woman", "man", "worker", "student", "visitor",
    "villager", "family", "citizen", "voter", "member", "employee", "passenger", "spectator", "fan", "victim",
    "firefighter", "doctor", "nurse", "teacher", "journalist", "inhabitant", "adult", "teenager", "girl", "boy",
    "household", "tourist", "supporter", "engineer", "staff", "volunteer", "farmer", "pilgrim", "official",
    "individual", "survivor", "crew", "delegate",
})  # fmt: skip
_VERB_CATEGORIES = {"kill": "killed", "die": "killed", "wound": "wounded", "injure": "wounded", "hurt": "wounded",
                    "arrest": "arrested", "detain": "arrested", "abduct": "arrested", "kidnap": "arrested",
                    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "protest": "protesters",
                    "march": "protesters", "rally": "protesters"}  # fmt: skip
EQUIPMENT = frozenset({
    "weapon", "gun", "rifle", "missile", "rocket", "drone", "tank", "vehicle", "helicopter", "aircraft", "plane",
    "jet", "warship", "ship", "vessel", "bomb", "shell", "mine", "munition", "artillery", "launcher",
    "submarine", "fighter jet", "howitzer", "grenade", "ammunition", "motorcycle", "boat", "frigate", "carrier",
})  # fmt: skip


def category(ex: Expression, head: Token | None) -> str:
    """ "money", "percent", "equipment", "other" or "people/<kind>" (fighters, troops, killed, …)."""
    if ex.kind in ("money", "percent"):
        return ex.kind
    if head is None or ex.kind == "measure":
        return "other"
    lemma = head.lemma_.lower()
    lower = head.lower_
    for kind, words in PEOPLE_CATEGORIES.items():
        if lemma in words or lower in words:
            return f"people/{kind}"
    if lemma in PEOPLE_WORDS or lower in PEOPLE_WORDS or head.ent_type_ == "NORP":
        verb = _governing_verb(head)
        state = _VERB_CATEGORIES.get(verb.lemma_.lower()) if verb is not None else None
        return f"people/{state or 'other'}"
    if lemma in EQUIPMENT or lower in EQUIPMENT:
        return "equipment"
    return "other"


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None
