"""Headlines' passives: a past form the parser reads as active because the auxiliary is
left out ("Lawyer killed by gunmen", "Taxi driver attacked", "MP's bodyguard shot and
killed"), whose subject is the one it happened to, and the doer "by" names.

Needs: the parse. Used by ``roles`` (who did what), ``event_conditions`` (whether the parse
names a doer), ``event_victims`` and ``fatalities`` (who was hit and killed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.acted_upon import ALWAYS_TRANSITIVE_LEMMAS
from sitrep.fatality_counts import bare_numbers_after

if TYPE_CHECKING:
    from spacy.tokens import Token


def by_phrase(verb: Token) -> list[Token]:
    # (the parser labels "by" a preposition or, after a participle it reads as passive, an
    # agent: "Man shot at by unknown persons")
    return [c for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
            for c in p.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]


def is_headline_passive(verb: Token) -> bool:
    """A headline's passive with its auxiliary left out ("Lawyer killed by gunmen", "Police
    officers killed when responding to an attack"), which the parser reads as active: a
    past form with a subject and no object (not even a bare number), and "by" a noun or a
    verb that always takes an object when active ("shot dead" too)."""
    children = list(verb.children)
    return (verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" for c in children)
            and not any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp")
                        for c in children)
            and not bare_numbers_after(verb)  # "raiders hacked to death six": its object
            and (bool(by_phrase(verb)) or verb.lemma_.lower() in ALWAYS_TRANSITIVE_LEMMAS
                 or _is_shot_dead(verb) or bool(conjunct_agents(verb))
                 or _is_bare_headline_act(verb)))


# verbs a report also uses with no object ("gunmen attacked at dawn", "police shot into the
# air"), so a subject alone does not make them a headline's passive
SOMETIMES_OBJECTLESS_LEMMAS = frozenset({"attack", "assault", "beat", "shoot", "target",
                                         "ambush"})
# a subject that names a body of people or a force, which such verbs have as doers
COLLECTIVE_DOER_LEMMAS = frozenset(
    {"police", "group", "gang", "mob", "militia", "army", "military", "crowd", "force",
     "unit", "team", "squad", "community", "clan", "tribe", "youth"})
DIRECTED_PREPS = frozenset({"at", "on", "into", "upon", "towards", "toward"})


def is_joined_to_headline_passive(verb: Token) -> bool:
    """A verb with no subject or object of its own joined to a headline's passive: it is
    a passive too ("Councillor abducted and assaulted")."""
    return verb.dep_ == "conj" and is_headline_passive(verb.head) and not any(
        c.dep_ in ("dobj", "nsubj") for c in verb.children)


def _is_bare_headline_act(verb: Token) -> bool:
    """"Taxi driver attacked", "MP's bodyguard shot and killed", "One motorist beaten":
    one person the verb is said of, with nothing it was aimed at ("at", "into the air")
    and no object on a verb joined to it ("officer shot and killed a student" is active),
    is the one it was done to."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subject is not None and verb.lemma_.lower() in SOMETIMES_OBJECTLESS_LEMMAS
            and subject.tag_ in ("NN", "NNP") and subject.lemma_.lower() not in COLLECTIVE_DOER_LEMMAS
            and not any(c.dep_ == "prep" and (c.lower_ in DIRECTED_PREPS or any(
                o.lower_ == "air" for o in c.children)) for c in verb.children)
            and not any(c.dep_ == "conj" and any(g.dep_ in ("dobj", "nsubj") for g in c.children)
                        for c in verb.children))


def conjunct_agents(verb: Token) -> list[Token]:
    """"Nurse attacked and wounded by gunmen": the doer "by" names on a participle joined
    to the verb, with no subject of its own, is the doer of both (not "Police intervened -
    a woman was killed by stray bullets")."""
    return [c for conj in verb.children if conj.dep_ == "conj" and conj.tag_ == "VBN"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for g in conj.children)
            for agent in conj.children if agent.dep_ == "agent"
            for c in agent.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]


def _is_shot_dead(verb: Token) -> bool:
    """"Police detective shot dead while investigating ...": shot dead, and no one named
    as shot, is the subject's own death."""
    dead = next((c for c in verb.children if c.lower_ == "dead"
                 and c.dep_ in ("acomp", "oprd", "advmod")), None)
    if verb.lemma_.lower() != "shoot" or dead is None:
        return False
    after = dead.doc[dead.i + 1] if dead.i + 1 < len(dead.doc) else None
    # "shot dead a pastor", "shot dead two men": whoever follows "dead" was shot
    return after is None or after.pos_ not in OBJECT_START_POS


OBJECT_START_POS = frozenset({"DET", "NUM", "PRON", "NOUN", "PROPN", "ADJ"})
