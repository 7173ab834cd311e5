"""Event targets: whom a trigger acts on.

Needs: the parse of a sentence. Adds: the lower-case text of a trigger's victims or
targets (``_victim_text``: its object or passive subject, the object of
"on/upon/against/at/of", through coordinated verbs, what "set fire to" burns, or the noun a
participle describes), which rule conditions such as ``victim_any`` read, and the
dependency labels of an object (``OBJECT_DEPS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = frozenset({"dobj", "ccomp", "obj"})
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
VICTIM_PREPS = frozenset({"on", "upon", "against", "at", "of"})
# "set fire to the home": the fire is the verb's object, the home what it burns
FIRE_OBJECTS = frozenset({"fire", "light"})


def _victim_text(trigger: Token) -> str:
    """Lower-case text of whom the trigger acts on: its object or passive subject, the
    object of "on/against/at/of", through coordinated verbs ("shot at and injured a
    candidate"), what "set fire to" burns ("the home"), or the noun a participle or
    passive relative clause describes ("the chief, shot dead by ...")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    if trigger.dep_ == "conj":
        heads.append(trigger.head)
    victims = [c for h in heads for c in h.children if c.dep_ in VICTIM_DEPS]
    victims += [g for h in heads for c in h.children
                if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS
                for g in c.children if g.dep_ == "pobj"]
    fires = [v for v in victims if v.lower_ in FIRE_OBJECTS and v.dep_ == "dobj"]
    if fires:  # "to" on the verb or on the noun ("set [fire to the home]")
        victims += [g for h in heads + fires for c in h.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"]
    is_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    if trigger.dep_ == "acl" or (trigger.dep_ == "relcl" and is_passive):
        victims.append(trigger.head)  # "a home that had been burnt down"
    return " ".join(
        trigger.doc[min(t.i for t in v.subtree):max(t.i for t in v.subtree) + 1].text.lower()
        for v in victims
    )
