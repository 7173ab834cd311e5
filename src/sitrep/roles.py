"""Who did what to whom: actor1 and actor2 of an event from the dependency parse.

Needs: the trigger token, the actor mentions of its sentence, the places. Adds: the two
sides of an event, an associated actor, and whether a trigger's object is a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.codebook import ARMED_INTERS
from sitrep.records import Actor, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_NOUNS = frozenset(
    {"town", "city", "village", "district", "base", "area", "territory", "province",
     "region", "county", "outpost", "checkpoint", "camp", "airport", "headquarters",
     "capital", "neighbourhood", "neighborhood", "post", "position", "positions", "hill",
     "valley", "border", "crossing", "port", "garrison"}
)


AGENT_DEPS = frozenset({"nsubj", "agent"})


PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "obj"})


TARGET_PREPS = frozenset({"on", "against", "of", "targeting", "at"})


CARRY_OUT_LEMMAS = frozenset(
    {"carry", "conduct", "launch", "stage", "mount", "lead", "claim", "execute", "perform",
     "do", "make", "undertake", "confirm", "fire", "unleash", "take"}
)


def assign_roles(
    trigger: Token, actors: list[Actor], places: tuple[Place, ...], *, guess: bool = True
) -> tuple[Actor | None, Actor | None]:
    """actor1 (who acted) and actor2 (on whom) from the dependency parse around the trigger.

    With ``guess``, a side the parse leaves open takes the nearest fitting actor of the
    sentence (an armed one before the trigger for actor1, the next one after it for actor2).
    """
    agent_tokens: list[Token] = []
    patient_tokens: list[Token] = []
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.tag_.startswith("NN"):
        for child in trigger.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                agent_tokens.append(child)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                patient_tokens.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "by":
                agent_tokens.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "between":
                # "clashes between X and Y": X is one side, Y the other
                sides = [c for c in child.children if c.dep_ == "pobj"]
                agent_tokens.extend(sides)
                patient_tokens.extend(c for s in sides for c in s.children if c.dep_ == "conj")
            elif child.dep_ == "acl":
                patient_tokens.extend(_patients_of(child))
            elif child.dep_ == "prep" and child.lower_ == "with" and trigger.lemma_.lower() in (
                TWO_SIDED_NOUNS
            ):
                # "a soldier was killed during clashes with the Taliban": the side named
                # with "with" is the one the victim's side fought
                agent_tokens.extend(c for c in child.children if c.dep_ == "pobj")
        verb = trigger.head
        if trigger.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ in ("VERB", "AUX", "ADP"):
            if verb.pos_ == "ADP":
                verb = verb.head
            agent_tokens.extend(_agents_of(verb))
    elif trigger.pos_ == "ADJ":  # "students remained missing": the subject is the victim
        patient_tokens.extend(c for c in trigger.head.children if c.dep_ == "nsubj")
        patient_tokens.extend(c for c in trigger.children if c.dep_ == "nsubj")
    else:
        agent_tokens.extend(_agents_of(trigger))
        patient_tokens.extend(_patients_of(trigger))
        if trigger.lemma_ == "fall":  # "Kunduz fell to the Taliban"
            agent_tokens = [
                c for p in trigger.children if p.dep_ == "prep" and p.lower_ == "to"
                for c in p.children if c.dep_ == "pobj"
            ]
    if not agent_tokens:
        agent_tokens = _agents_of_nested_event(trigger)
    actor1 = _actor_in(agent_tokens, actors)
    actor2 = _actor_in(patient_tokens, actors, exclude=actor1)
    if not guess:
        return actor1, actor2
    said_by_pronoun = any(t.tag_ == "PRP" for t in agent_tokens)  # "they clashed with police"
    if actor1 is None and not said_by_pronoun:
        candidates = [a for a in actors if a is not actor2 and a.inter in ARMED_INTERS]
        before = [a for a in candidates if a.start < trigger.idx]
        actor1 = (before or candidates or [None])[0] if candidates else None
    if actor2 is None:
        rest = [
            a for a in actors
            if a is not actor1 and a.name != (actor1.name if actor1 else None)
            and not _is_unrealised(trigger.doc, a)
        ]
        after = [a for a in rest if a.start > trigger.idx]
        actor2 = (after or rest or [None])[0] if rest else None
    return actor1, actor2


CIVILIANS_NAME = "Civilians ({country})"
INTER_IDENTITY = 4
ONE_SIDED_LEMMAS = frozenset(
    {"kill", "attack", "shoot", "hack", "raid", "murder", "massacre", "abduct", "kidnap",
     "burn", "torch", "behead", "stab", "target", "ambush", "gun", "slaughter", "rape"}
)
FIGHTER_WORDS = frozenset(
    {"militia", "militias", "militiamen", "fighters", "raiders", "warriors", "gunmen",
     "morans", "attackers", "rustlers", "bandits", "youths", "army", "forces"}
)


def as_victim(actor: Actor | None, trigger: Token) -> Actor | None:
    """An identity group on the receiving end of a one-sided attack is civilians.

    "Pokot raiders kill eleven Turkana", "Orma attack Pokomo villages": ACLED codes the
    victims of a communal attack as civilians, and keeps the militia for the attackers
    and for two-sided fighting ("clashes between Turkana and Pokot").
    """
    if actor is None or actor.inter != INTER_IDENTITY:
        return actor
    if trigger.lemma_.lower() not in ONE_SIDED_LEMMAS:
        return actor
    if set(actor.text.lower().split()) & FIGHTER_WORDS:
        return actor
    return Actor(start=actor.start, end=actor.end, text=actor.text, name=CIVILIANS_NAME,
                 inter=7)


TWO_SIDED_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "gunbattle", "firefight",
                             "gunfight", "skirmish", "exchange", "confrontation"})
NESTED_EVENT_NOUNS = frozenset({"attack", "ambush", "raid", "assault", "operation", "clash",
                                "airstrike", "strike", "bombing", "offensive"})


def _agents_of_nested_event(trigger: Token) -> list[Token]:
    """"3 policemen were killed following an attack by Taliban militants": the one who
    carried out the event noun attached to a death verb."""
    agents = []
    for token in trigger.subtree:
        if token is trigger or token.lemma_.lower() not in NESTED_EVENT_NOUNS:
            continue
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                agents.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "with" and (
                token.lemma_.lower() in TWO_SIDED_NOUNS
            ):
                agents.extend(c for c in child.children if c.dep_ == "pobj")
    return agents


def _is_unrealised(doc: Doc, actor: Actor) -> bool:
    """An actor inside a clause that did not happen ("failed to find Kurdish hostages")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    for node in span.root.ancestors:
        if any(c.dep_ == "neg" for c in node.children) or node.lemma_ in ("fail", "refuse"):
            return True
    return False


def _agents_of(verb: Token) -> list[Token]:
    agents = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            agents.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    if not agents and verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and verb.head is not verb:
        if verb.dep_ in ("relcl", "acl"):
            # "gunmen who stormed": the noun acts; "children who were killed", "people
            # killed in the blast": the noun is acted upon, and the agent is unnamed here
            is_passive = verb.tag_ == "VBN" and (
                verb.dep_ == "acl"
                or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            )
            return [] if is_passive else [verb.head]
        return _agents_of(verb.head)
    return agents


def _patients_of(verb: Token) -> list[Token]:
    patients = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
    for patient in list(patients):  # "leaders of the Islamic State"
        for child in patient.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                patients.extend(c for c in child.children if c.dep_ == "pobj")
    if not patients and verb.dep_ in ("conj",) and verb.head is not verb:
        return _patients_of(verb.head)
    return patients


def _actor_in(tokens: list[Token], actors: list[Actor], *, exclude: Actor | None = None) -> Actor | None:
    for token in tokens:
        subtree = list(token.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        head_hits = [
            a for a in actors if a.start <= token.idx < a.end and a is not exclude
        ]
        if head_hits:
            return head_hits[0]
        inside = [a for a in actors if start <= a.start < end and a is not exclude]
        if inside:
            return inside[0]
    return None


def associated_actor(
    actors: list[Actor], actor1: Actor | None, name1: str | None, inter1: int | None
) -> str | None:
    """A named armed group acting with actor1 in the same phrase ("Afghan and NATO forces")."""
    if actor1 is None or inter1 not in ARMED_INTERS:
        return None
    for other in actors:
        if other is actor1 or other.name == name1 or other.inter not in ARMED_INTERS:
            continue
        gap = other.start - actor1.end if other.start > actor1.end else actor1.start - other.end
        if 0 <= gap <= ASSOCIATE_GAP_CHARS:
            return other.name
    return None


ASSOCIATE_GAP_CHARS = 5  # "X and Y", "X, Y": at most this many characters between them


def object_is_place(trigger: Token, places: tuple[Place, ...]) -> bool:
    if trigger.lemma_ == "fall":
        objects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
        objects += [
            c for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("of", "over")
            for c in p.children if c.dep_ == "pobj"
        ]
    for obj in objects:
        if obj.lemma_.lower() in PLACE_NOUNS or obj.lower_ == "control":
            return True
        subtree = list(obj.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        if any(start <= p.start < end for p in places):
            return True
    return False
