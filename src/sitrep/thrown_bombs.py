"""Who threw a crude bomb. ACLED's codebook keeps "crude bombs" (Molotov cocktails, petrol
bombs, hand-made bombs) out of Explosions/Remote violence: thrown by a crowd, a party's
activists or assailants nobody names as an armed group, they are a riot
(``riots.crude-bomb`` in the codebook). A bomb that went off with no one named as
throwing it ("three crude bombs went off", "cocktails were exploded") stays an explosion,
and so does one the state's forces, a rebel group or a foreign force threw. A petrol bomb
so thrown is a riot when the report tells of no one hurt (``riots.petrol-bomb``); one that
burnt or hurt people is an attack on them (``vac.petrol-bomb``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.event_crowds import _subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.records import Actor

# verbs of throwing or setting off a bomb by hand ("hurled", "lobbed", "blasted",
# "exploded", "set off", Bangladesh's "charged cocktails"); not "planted" (a remote
# explosive) nor "found", "defused"
THROWING_LEMMAS = frozenset(
    {"hurl", "throw", "lob", "toss", "fling", "blast", "explode", "detonate", "charge", "set"})
# the throwers that make it no riot: the state's forces, rebels, external forces
ORGANISED_THROWER_INTERS = frozenset({1, 2, 8})


def thrown_by_unorganised(trigger: Token, actors: list[Actor]) -> bool:
    """The bomb ``trigger`` names is thrown or set off by a doer the parse names (the
    subject of "assailants blasted two cocktails", the "by" of "bombs were hurled by
    picketers"), who is not the state's forces, a rebel group or an external force."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:  # "crude bombs and cocktails"
        node = node.head
    verb = node.head
    if node.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in THROWING_LEMMAS:
        return False
    if verb.lemma_.lower() == "set" and not any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    ):
        return False  # "set off" a bomb, not "set" one somewhere
    doers = _throwers(node, verb)
    if not doers:
        return False
    doer = doers[0]
    actor = next((a for a in actors if a.start <= doer.idx < a.end), None)
    return actor is None or actor.inter not in ORGANISED_THROWER_INTERS


def _throwers(bomb: Token, verb: Token) -> list[Token]:
    """Whom the parse names as throwing: the verb's subject (through coordinated verbs:
    "set a car afire and blasted 16 crude bombs"; ``event_crowds._subjects``), nearest
    first, or, in the passive, its "by" phrase."""
    if bomb.dep_ == "nsubjpass":
        return [obj for c in verb.children if c.dep_ == "agent"
                for obj in c.children if obj.dep_ == "pobj"]
    return _subjects(bomb)
