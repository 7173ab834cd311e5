"""Which side of an event is actor1: ACLED's initiator first.

The side repelled began the fighting; forces that pursued, repulsed or answered the
other side come second; in a clash that names no initiator ("clashes between police and
X", "X and police clashed", "killed during a battle with security forces") the non-state
side comes first; of two states' forces in such a fight, those outside their own country
(``abroad_first``). The words that tell a two-sided fight (``TWO_SIDED_NOUNS``,
``CLASH_LEMMAS``) and a mutual one ("each other", ``_is_mutual``) are shared with
``roles``, which assigns the sides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.actor_codes import INTER_STATE
from sitrep.codebook import ARMED_INTERS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitrep.actors import ActorDictionary
    from sitrep.records import Actor

TWO_SIDED_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "gunbattle", "firefight",
                             "gunfight", "skirmish", "exchange", "confrontation"})
FOUGHT_WITH_WORDS = frozenset({"encounter", "shootout", "shoot-out", "crossfire"})


def _in_acled_order(
    trigger: Token, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor1 is the initiator: the side repelled ("troops repulsed the militants'
    attack"), and in a clash with no initiator named ("clashes between police and X", "X
    and police clashed"), the non-state side."""
    lemma = trigger.lemma_.lower()
    if lemma in REPEL_LEMMAS and actor2 is not None:
        return actor2, actor1
    if _is_state(actor1) and actor2 is not None and not _is_state(actor2) and (
        actor2.inter in ARMED_INTERS and _is_response(trigger)
    ):
        # "police pursued the raiders and exchanged fire": the forces answered the others
        # (not "troops attack civilians while pursuing rebels": the civilians began nothing)
        return actor2, actor1
    if (
        lemma in CLASH_LEMMAS and _is_state(actor1) and actor2 is not None
        and not _is_state(actor2) and _are_coordinated(trigger.doc, actor1, actor2)
    ):
        return actor2, actor1
    if _is_state(actor1) and actor2 is not None and not _is_state(actor2) and (
        _died_in_clash_with(trigger)
    ):
        # "a separatist was killed during a battle with military forces": a clash with
        # no initiator named, the non-state side first
        return actor2, actor1
    return actor1, actor2


ONE_SIDED_LEMMAS = frozenset(
    {"kill", "attack", "shoot", "hack", "raid", "murder", "massacre", "abduct", "kidnap",
     "burn", "torch", "behead", "stab", "target", "ambush", "gun", "slaughter", "rape",
     "beat", "assault", "injure", "wound", "lynch"}
)


CLASH_LEMMAS = frozenset(  # words that name two sides without an initiator
    {"clash", "skirmish", "fighting", "fight", "battle", "gunbattle", "gunfight", "firefight",
     "confrontation", "shootout", "exchange", "encounter"}
)
REPEL_LEMMAS = frozenset({"repulse", "repel"})  # the side repelled began the fighting


RESPONSE_LEMMAS = frozenset(  # forces answering what the other side began
    {"pursue", "contain", "quell", "respond", "intercept", "repulse", "repel", "foil",
     "thwart"}
)


# what sides did to each other (also the sentence test of event_sentence._crowds_clash)
RECIPROCAL_RE = re.compile(r"\b(?:each other|one another)\b")


def _is_mutual(trigger: Token) -> bool:
    """The trigger tells of sides fighting each other: a clash, an exchange of fire, fire
    "between" sides, what they did to "each other", or a fight they engaged in."""
    verb = trigger.head if trigger.dep_ == "dobj" else trigger  # "exchanged fire"
    if trigger.lemma_.lower() in CLASH_LEMMAS or verb.lemma_.lower() in CLASH_LEMMAS:
        return True
    if any(o.dep_ == "pobj" and o.lemma_.lower() in CLASH_LEMMAS
           for c in verb.children if c.dep_ == "prep" for o in c.children):
        return True  # "engaged in a gunfight"
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children):
        return True
    return bool(RECIPROCAL_RE.search(" ".join(t.lower_ for t in verb.subtree)))


def _died_in_clash_with(trigger: Token) -> bool:
    """A death verb whose victims fell in a two-sided fight "with" the other side ("killed
    during clashes with police")."""
    if trigger.lemma_.lower() in TWO_SIDED_NOUNS:
        return False
    for token in trigger.subtree:
        if token.i != trigger.i and token.lemma_.lower() in TWO_SIDED_NOUNS and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in token.children
        ):
            return True
    return False


def is_fought_with(actor: Actor, trigger: Token) -> bool:
    """The actor is named only as the side a fight was "with" ("an alleged terrorist was
    killed in a gunfight with police", "died in an encounter with security forces"): the
    other side, left unnamed, is the one the report is about."""
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("with", "against")
            and prep.head.lemma_.lower() in TWO_SIDED_NOUNS | FOUGHT_WITH_WORDS
            and (prep.head == trigger or prep.head in trigger.subtree
                 or trigger in prep.head.subtree))


def _is_response(trigger: Token) -> bool:
    """The trigger, the verb it is joined to ("pursue raiders, exchange fire") or a clause
    on it ("were killed when forces repulsed the attack") says the forces answered."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "advcl")]
    if trigger.dep_ == "conj":
        verbs.append(trigger.head)
    if trigger.head.dep_ == "conj" or trigger.dep_ in ("dobj", "pobj"):
        verbs.append(trigger.head)
    return any(v.lemma_.lower() in RESPONSE_LEMMAS for v in verbs)


def _is_state(actor: Actor | None) -> bool:
    return actor is not None and actor.inter == INTER_STATE


def _are_coordinated(doc: Doc, first: Actor, second: Actor) -> bool:
    """Two actors joined by "and" ("police and gunmen", "between X and Y")."""
    spans = [doc.char_span(a.start, a.end, alignment_mode="expand") for a in (first, second)]
    if spans[0] is None or spans[1] is None:
        return False
    one, other = spans[0].root, spans[1].root
    if (one.dep_ == "conj" and one.head == other) or (other.dep_ == "conj" and other.head == one):
        return True
    left, right = sorted((first, second), key=lambda a: a.start)
    return doc.text[left.end:right.start].strip().lower() in ("and", "&")


def abroad_first(actor1: Actor | None, actor2: Actor | None, country: str | None,
                 dictionary: ActorDictionary) -> tuple[Actor | None, Actor | None]:
    """Two states' forces that fought with no initiator named, in ACLED's order for an event
    in ``country``: the forces outside their own country first."""
    if actor1 is None or actor2 is None or country is None or not (
        _is_state(actor1) and _is_state(actor2)
    ):
        return actor1, actor2
    home1, home2 = dictionary.home_country(actor1.name), dictionary.home_country(actor2.name)
    if home1 in (None, country) and home2 not in (None, country):
        return actor2, actor1
    return actor1, actor2
