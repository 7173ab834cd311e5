"""Who did what to whom: actor1 and actor2 of an event from the dependency parse.

Needs: the trigger token, the actor mentions of its sentence, the places. Adds: the two
sides of an event, an associated actor, and whether a trigger's object is a place.

ACLED's actor1 is the initiator. Someone the sentence names as acted upon ("a soldier was
killed", "two workers and a policeman were killed", people found dead: ``acted_upon``),
or as the place a blast hit, is never guessed to be it; which of two sides began is
``actor_order``'s (the side repelled; in a clash that names no initiator, the non-state
side). The doer of an act is also read from an adjective for the forces on it ("Afghan
military airstrikes", ``actor_spans``) and from "by" on a participle that describes it
("airstrikes carried out by security forces"). Two states' forces one noun names fought
each other when the trigger says so (``rival_forces``). Civilians who attack or riot as a
crowd are rioters, and those they attack stay civilians, as do officials they attack. A
passive verb in a subordinate clause ("workers protested after a girl was killed") has
its own doer, never the main clause's subject; a headline's passive without its
auxiliary ("Lawyer killed by gunmen", "Two soldiers killed in Mandera") is a passive,
though the parser reads it as active.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.acted_upon import (
    TARGET_PREP_HEADS,
    _is_acted_upon,
    found_dead_ones,
    is_found_dead,
)
from sitrep.actor_codes import (
    CIVILIANS_PREFIX,
    GOVERNMENT_PREFIX,
    INTER_CIVILIANS,
    INTER_RIOTERS,
)
from sitrep.actor_order import (
    ONE_SIDED_LEMMAS,
    TWO_SIDED_NOUNS,
    _are_coordinated,
    _in_acled_order,
    _is_mutual,
    _is_state,
)
from sitrep.actor_spans import is_placed_by
from sitrep.codebook import ARMED_INTERS, CROWD_INTERS
from sitrep.fatality_counts import DIE_LEMMAS, PEOPLE_NOUNS
from sitrep.headline_passives import (
    by_phrase,
    conjunct_agents,
    is_headline_passive,
    is_joined_to_headline_passive,
)
from sitrep.records import Actor, Place
from sitrep.rival_forces import rival_forces

if TYPE_CHECKING:

    from spacy.tokens import Doc, Token

PLACE_NOUNS = frozenset(
    {"town", "city", "village", "district", "base", "area", "territory", "province",
     "region", "county", "outpost", "checkpoint", "camp", "airport", "headquarters",
     "capital", "neighbourhood", "neighborhood", "post", "position", "positions", "hill",
     "valley", "border", "crossing", "port", "garrison", "point", "station"}
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
    if trigger.lemma_.lower() in MOVED_LEMMAS and _is_passive(trigger):
        # "about 80 Al Shabaab fighters were spotted moving through the forest", "soldiers were
        # deployed to Mandera": who is seen or sent on the move is the one acting (ACLED's
        # movement of forces); who saw or sent them is no side
        return _actor_in([c for c in trigger.children if c.dep_ == "nsubjpass"], actors), None
    if is_found_dead(trigger):
        # "Man found dead following ritual killing", "the bodies of two teenagers were
        # found": the dead are the ones acted upon; who found them did nothing to them
        return None, _actor_in(found_dead_ones(trigger), actors)
    if _describes_crowd(trigger):
        # "Rioting teachers threw stones at officials": the crowd acts, on whom its verb says
        agent_tokens.append(trigger.head)
        patient_tokens.extend(_patients_of(trigger.head.head))
    elif trigger.pos_ in ("NOUN", "PROPN") or trigger.tag_.startswith("NN"):
        for child in trigger.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                agent_tokens.append(child)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                targets = [c for c in child.children if c.dep_ == "pobj"]
                patient_tokens.extend(targets)
                # "Attack on Degodia village by Garre militia": "by" hung on the target
                agent_tokens.extend(doer for t in targets for doer in by_phrase(t))
            elif child.dep_ == "prep" and child.lower_ == "by":
                # "a drone strike by US forces": the doer "by" names before the modifier
                # that names the means
                agent_tokens[:0] = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ == "between":
                # "clashes between X and Y": X is one side, Y the other
                sides = [c for c in child.children if c.dep_ == "pobj"]
                agent_tokens.extend(sides)
                patient_tokens.extend(c for s in sides for c in s.children if c.dep_ == "conj")
            elif child.dep_ == "acl":
                patient_tokens.extend(_patients_of(child))
                # "an operation conducted by Sindh Rangers", "airstrikes carried out by
                # security forces": the doer of the act the participle describes
                agent_tokens.extend(c for a in child.children if a.dep_ == "agent"
                                    for c in a.children if c.dep_ == "pobj")
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
            if verb.lemma_.lower() in DIE_LEMMAS and (
                trigger.lemma_.lower() in ONE_SIDED_ACT_NOUNS
            ):
                # "a TTP commander died in hospital after the raid": who died, not who
                # raided (who died in a clash or in violence may have fought in it)
                patient_tokens.extend(c for c in verb.children if c.dep_ == "nsubj")
            elif not any(c.dep_ == "neg" for c in verb.children):
                # "Al Shabaab was not behind the attack": a denial names no doer
                agent_tokens.extend(_agents_of(verb))
    elif trigger.pos_ == "ADJ":  # "students remained missing": the subject is the victim
        patient_tokens.extend(c for c in trigger.head.children if c.dep_ == "nsubj")
        patient_tokens.extend(c for c in trigger.children if c.dep_ == "nsubj")
    elif is_headline_passive(trigger):
        # "Lawyer killed at her home by unknown gunmen", parsed as active: "by" names the doer
        agent_tokens.extend(by_phrase(trigger) or conjunct_agents(trigger))
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
    agent_tokens = [_antecedent(t, actors) or t for t in agent_tokens]
    # "those who raped the woman", "men who attacked the village": the noun a relative
    # clause's doer stands for, when it is no actor, names the doer as no one known (no
    # guess among the sentence's other actors: not the police offering a reward)
    by_unknown_people = trigger.dep_ == "relcl" and any(
        t.i == trigger.head.i and t.pos_ in ("NOUN", "PRON")
        and not any(a.start <= t.idx < a.end for a in actors) for t in agent_tokens)
    actor1 = _actor_in(agent_tokens, actors, outside=trigger)
    actor2 = _actor_in(patient_tokens, actors, exclude=actor1)
    if actor1 is not None and (actor2 is None or actor2.inter not in ARMED_INTERS) and (
        _is_mutual(trigger)
    ):
        # "troops of India and Pakistan targeted each other": the other country's forces
        # (not "Kenyan and Somali troops clashed with al-Shabaab", allies against a third)
        actor2 = rival_forces(actor1, actors, trigger.doc) or actor2
    is_two_sided = trigger.lemma_.lower() in TWO_SIDED_NOUNS
    if not guess:
        return _crowds_as_rioters(trigger, actor1, actor2, is_two_sided)
    said_by_pronoun = any(t.tag_ == "PRP" for t in agent_tokens)  # "they clashed with police"
    if actor1 is None and not said_by_pronoun and not by_unknown_people:
        # the one acted upon ("a soldier was killed") is no guess for who acted
        candidates = [
            a for a in actors
            if a.inter in ARMED_INTERS and not _same_side(a, actor2)
            and not _is_acted_upon(trigger.doc, a)
            and not (trigger.lemma_.lower() in BLAST_LEMMAS and _owns_scene(trigger.doc, a))
        ]
        before = [a for a in candidates if a.start < trigger.idx]
        actor1 = (before or candidates or [None])[0] if candidates else None
    if actor2 is None:
        rest = [
            a for a in actors
            if a is not actor1
            and (a.name != (actor1.name if actor1 else None) or _rival_crowds(trigger, actor1, a))
            and not _is_unrealised(trigger.doc, a)
            and not (is_two_sided and a.inter == INTER_CIVILIANS  # "clashes left 3 people dead"
                     and not _rival_crowds(trigger, actor1, a))
        ]
        after = [a for a in rest if a.start > trigger.idx]
        if said_by_pronoun:  # "when they stormed the village": those named before are "they"
            rest = after
        actor2 = (after or rest or [None])[0] if rest else None
    if actor1 is None and actor2 is not None and is_two_sided and not said_by_pronoun:
        # "two militants were killed and several police officers injured during a gun
        # battle": those a fight hit are its sides, the non-state one first (no
        # initiator named)
        hit = [a for a in actors if a.inter in ARMED_INTERS and not _same_side(a, actor2)
               and a is not actor2]
        if hit:
            actor1 = hit[0]
            if _is_state(actor1) and not _is_state(actor2):
                actor1, actor2 = actor2, actor1
    actor1, actor2 = _in_acled_order(trigger, actor1, actor2)
    return _crowds_as_rioters(trigger, actor1, actor2, is_two_sided)


SUBJECT_PRONOUNS = frozenset({"they", "it", "he", "she"})


def _antecedent(token: Token, actors: list[Actor]) -> Token | None:
    """The actor a subject pronoun stands for in its own sentence: the subject of the
    clause it hangs from ("KDF soldiers killed three militants when they repulsed an
    attack", "the military claimed it had killed three militants"); None when no clause
    above it has an actor for its subject."""
    if token.tag_ != "PRP" or token.lower_ not in SUBJECT_PRONOUNS or token.dep_ != "nsubj":
        return None
    plural = token.lower_ == "they"
    for verb in token.head.ancestors:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ != "PRP"]
        if not subjects:
            continue
        subject = subjects[0]
        if (subject.tag_ in ("NNS", "NNPS")) != plural and subject.tag_ != "NNP":
            return None  # "farmers protested, alleging that he assaulted them"
        if plural and any(c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") for c in verb.children):
            return None  # "police arrested two men as they vandalised a bus": either side
        if any(a.start <= subject.idx < a.end for a in actors):
            return subject
        return None  # the nearest clause with a subject names no actor
    return None


def _describes_crowd(trigger: Token) -> bool:
    """A participle on the plural subject of a verb ("rioting teachers threw ...")."""
    return (
        trigger.dep_ in ("amod", "compound") and trigger.lower_.endswith("ing")
        and trigger.head.tag_ in ("NNS", "NNPS") and trigger.head.dep_ == "nsubj"
    )


def _rival_crowds(trigger: Token, actor1: Actor | None, other: Actor) -> bool:
    """Two crowds named together as the sides of a clash: "clashes between NPP and NDC
    supporters", "supporters of the NPP and NDC clashed"."""
    return (
        actor1 is not None and trigger.lemma_.lower() in TWO_SIDED_NOUNS
        and actor1.inter in CROWD_INTERS and other.inter in CROWD_INTERS
        and _are_coordinated(trigger.doc, actor1, other)
    )


def _crowds_as_rioters(
    trigger: Token, actor1: Actor | None, actor2: Actor | None, is_two_sided: bool
) -> tuple[Actor | None, Actor | None]:
    """actor1 as rioters when a crowd of them turns violent; in a clash, the crowd on the
    other side too, and two crowds named together as its sides ("clashes between NPP and
    NDC supporters") are rioters on both sides."""
    if actor1 is not None and actor2 is not None and _rival_crowds(trigger, actor1, actor2):
        return _rioters(actor1), _rioters(actor2)
    actor2 = _officials_as_civilians(actor2, trigger)
    return as_rioters(actor1, trigger), as_rioters(actor2, trigger) if is_two_sided else actor2


def _officials_as_civilians(actor: Actor | None, trigger: Token) -> Actor | None:
    """Officials attacked are civilians: ACLED names a "Government of ..." only as the
    actor of a strategic development, and codes unarmed officials, offices and their
    staff targeted by violence as civilians ("rioters threw stones at government
    officials", "gunmen shot a district official")."""
    if actor is None or not actor.name.startswith(GOVERNMENT_PREFIX):
        return actor
    lemma = trigger.lemma_.lower()
    if lemma not in CROWD_VIOLENCE_LEMMAS and lemma not in ONE_SIDED_LEMMAS:
        return actor
    country = actor.name.removeprefix(GOVERNMENT_PREFIX).strip().removeprefix("the ")
    return replace(actor, name=f"{CIVILIANS_PREFIX} ({country})", inter=INTER_CIVILIANS)


def _rioters(actor: Actor) -> Actor:
    if not actor.name.startswith(CIVILIANS_PREFIX):
        return actor
    return replace(actor, name=RIOTERS_PREFIX + actor.name.removeprefix(CIVILIANS_PREFIX),
                   inter=INTER_RIOTERS)


RIOTERS_PREFIX = "Rioters"
CROWD_VIOLENCE_LEMMAS = frozenset(  # what crowds do; shooting, abducting... take arms
    {"attack", "kill", "beat", "lynch", "assault", "stone", "pelt", "injure", "hack", "burn",
     "torch", "storm", "loot", "vandalise", "vandalize", "destroy", "hurl", "throw", "set",
     "clash", "fight", "chase", "maim", "raid", "torture", "riot", "rioting"}
)
CROWD_NOUNS = frozenset({"mob", "crowd", "group", "gang", "public", "community"})


def as_rioters(actor: Actor | None, trigger: Token) -> Actor | None:
    """Civilians who act violently as a crowd are rioters.

    ACLED codes people who are not an organised armed group and who attack, beat, lynch
    or destroy together as rioters ("residents beat up two suspected thieves": rioters
    against civilians); one person who attacks another is not a crowd, and stays civilian.
    """
    if actor is None or not actor.name.startswith(CIVILIANS_PREFIX):
        return actor
    if trigger.lemma_.lower() not in CROWD_VIOLENCE_LEMMAS or not _is_crowd(trigger.doc, actor):
        return actor
    return replace(actor, name=RIOTERS_PREFIX + actor.name.removeprefix(CIVILIANS_PREFIX),
                   inter=INTER_RIOTERS)


def _is_crowd(doc: Doc, actor: Actor) -> bool:
    """A plural noun ("residents", "villagers") or a word for a crowd ("a band of"); also
    a plural the parse hung on a party's name ("CPI (M) members": "members" in apposition
    to "CPI")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    return span.root.tag_ in ("NNS", "NNPS") or span.root.lower_ in CROWD_NOUNS or (
        span[-1].tag_ == "NNS" and span[-1].dep_ == "appos")


NESTED_EVENT_NOUNS = frozenset({"attack", "ambush", "raid", "assault", "operation", "clash",
                                "airstrike", "strike", "bombing", "offensive"})
# acts one side does to the other (who died in one did not do it)
ONE_SIDED_ACT_NOUNS = NESTED_EVENT_NOUNS - {"clash"}


def _agents_of_nested_event(trigger: Token) -> list[Token]:
    """"3 policemen were killed following an attack by Taliban militants": the one who
    carried out the event noun attached to a death verb."""
    agents = []
    for token in trigger.subtree:
        if token.i == trigger.i or token.lemma_.lower() not in NESTED_EVENT_NOUNS:
            continue
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in token.children):
            # "militants were killed when troops repulsed their attack": the victims of
            # the death verb carried out the attack
            agents.extend(c for c in trigger.children if c.dep_ == "nsubjpass")
        is_two_sided = token.lemma_.lower() in TWO_SIDED_NOUNS
        for child in _with_target_modifiers(token):
            if child.dep_ == "prep" and (
                child.lower_ == "by" or (child.lower_ == "with" and is_two_sided)
            ):
                agents.extend(c for c in child.children if c.dep_ == "pobj")
    return agents


def _same_side(actor: Actor, other: Actor | None) -> bool:
    """The same mention, or another mention of the same actor ("soldiers ... their base")."""
    return other is not None and (actor is other or actor.name == other.name)


# a blast's words: where it went off is what it hit, not who set it off (not "beaten in a
# police station": the police there may be who beat him)
BLAST_LEMMAS = frozenset({"bomb", "blast", "explosion", "explode", "grenade", "ied", "device",
                          "landmine", "mine"})
# prepositions that set an act in a place: "a bomb went off inside the BGB camp"
SCENE_PREPS = frozenset({"in", "inside", "at", "near", "outside", "within", "beside"})


def _owns_scene(doc: Doc, actor: Actor) -> bool:
    """The actor names the place the act happened in ("a hand bomb went off inside the
    Border Guard Battalion camp", "a grenade exploded at a police station"): for a blast,
    the scene it hit, not a guess for who set it off."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    while word.dep_ in ("compound", "poss", "amod", "nmod") and word.head.i != word.i:
        word = word.head  # "the BGB camp": the place the force's name modifies
    return word.lemma_.lower() in PLACE_NOUNS and is_placed_by(word, preps=SCENE_PREPS)


def _with_target_modifiers(event_noun: Token) -> list[Token]:
    """The children of an event noun, and those of its target: the parser often hangs
    "by ..." on the target ("an attack on a military base by Taliban militants")."""
    children = list(event_noun.children)
    for prep in event_noun.children:
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREP_HEADS:
            children += [c for pobj in prep.children if pobj.dep_ == "pobj"
                         for c in pobj.children]
    return children


def _is_unrealised(doc: Doc, actor: Actor) -> bool:
    """An actor inside a clause that did not happen ("failed to find Kurdish hostages")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    for node in span.root.ancestors:
        if any(c.dep_ == "neg" for c in node.children) or node.lemma_ in ("fail", "refuse"):
            return True
    return False


# "protested by looting shops", "responded with throwing stones"
MEANS_PREPS = frozenset({"by", "through", "with"})


RELATIVE_PRONOUNS = frozenset({"who"})  # "which" may stand for a weapon, not a doer
# "that" stands for the people it follows ("youths that attacked chiefs"), not for a thing
# ("the bomb that killed two")
PEOPLE_RELATIVE_PRONOUNS = frozenset({"that"})


def _agents_of(verb: Token) -> list[Token]:
    agents = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            # "members who interrupted a ceremony": the noun the clause is about acts
            is_relative = verb.dep_ == "relcl" and (
                child.lower_ in RELATIVE_PRONOUNS
                or child.lower_ in PEOPLE_RELATIVE_PRONOUNS
                and verb.head.lemma_.lower() in PEOPLE_NOUNS | CROWD_NOUNS)
            agents.append(verb.head if is_relative else child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
            agents.extend(_participle_agent(child))
    if not agents and verb.dep_ == "advcl" and _is_passive(verb):
        # "workers protested after a girl was killed": a subordinate clause's passive verb
        # has its own doer, left unnamed; the main clause's subject did not do it
        return []
    if not agents and verb.dep_ == "pcomp" and verb.head.lower_ in MEANS_PREPS:
        # "students protested by looting shops", "protesters responded with throwing
        # stones": who protested looted, who responded threw
        return _agents_of(verb.head.head)
    if not agents and _is_outcome_of_attack(verb):
        # "Mungiki attacked matatu drivers killing 1": the parser hangs the killing on the
        # drivers; the attackers killed
        return _agents_of(verb.head.head)
    if not agents and verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "acl"):
            # "gunmen who stormed": the noun acts; "children who were killed", "people
            # killed in the blast": the noun is acted upon, and the agent is unnamed here
            is_passive = verb.tag_ == "VBN" and (
                verb.dep_ == "acl"
                or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            )
            return [] if is_passive else [verb.head]
        if is_joined_to_headline_passive(verb):
            # "Councillor abducted and assaulted": a headline's passive joined to another
            # shares its doer ("by" whom), not its subject (the one it happened to)
            return by_phrase(verb.head) + conjunct_agents(verb.head)
        return _agents_of(verb.head)
    return agents


# what an attack does to its targets, told in a participle after them
OUTCOME_PARTICIPLE_LEMMAS = frozenset({"kill", "injure", "wound"})


def _is_outcome_of_attack(verb: Token) -> bool:
    """A killing or wounding the parser hangs on the object of an attack ("attacked
    drivers killing 1", "shot two herders wounding one"), not a participle that
    describes someone ("arrested men killing cattle" is not an attack)."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBG"
            and verb.lemma_.lower() in OUTCOME_PARTICIPLE_LEMMAS
            and verb.head.dep_ == "dobj" and verb.head.head.lemma_.lower() in ONE_SIDED_LEMMAS)


ATTRIBUTIVE_PARTICIPLE_LEMMAS = frozenset(  # "by invading militia": a modifier, not a means
    {"invade", "maraud", "rampage", "rove", "roam", "advance", "retreat", "flee"}
)


def _participle_agent(agent: Token) -> list[Token]:
    """"Two civilians killed by invading Ethiopian militia": the parser reads the
    participle as a gerund ("by invading X"); its object is the doer."""
    return [o for c in agent.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
            and c.lemma_.lower() in ATTRIBUTIVE_PARTICIPLE_LEMMAS
            for o in c.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")]


# verbs of forces seen or sent on the move (strategic.sighting, strategic.deployment)
MOVED_LEMMAS = frozenset({"sight", "spot", "witness", "see", "deploy", "redeploy", "rush",
                          "dispatch"})


def _is_passive(verb: Token) -> bool:
    """A verb in the passive voice ("was killed", "were attacked")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _patients_of(verb: Token) -> list[Token]:
    patients = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
    for patient in list(patients):  # "leaders of the Islamic State"
        for child in patient.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                patients.extend(c for c in child.children if c.dep_ == "pobj")
    if not patients and verb.dep_ in ("conj",) and verb.head.i != verb.i:
        if is_joined_to_headline_passive(verb):
            # "Police officer shot and killed": the headline's subject, it was done to
            return [c for c in verb.head.children if c.dep_ == "nsubj"]
        return _patients_of(verb.head)
    return patients


def _actor_in(
    tokens: list[Token], actors: list[Actor], *, exclude: Actor | None = None,
    outside: Token | None = None,
) -> Actor | None:
    """The actor a token names, or else the first one in the token's phrase; not one in
    the clause of ``outside`` (the trigger) when the phrase holds it: in "a gang of four
    men shot dead a priest", the men's phrase holds the shooting, and its priest."""
    for token in tokens:
        subtree = list(token.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        head_hits = [
            a for a in actors if a.start <= token.idx < a.end and a is not exclude
        ]
        if head_hits:
            return head_hits[0]
        skip_start = skip_end = -1
        if outside is not None and outside in subtree:
            clause = list(outside.subtree)
            skip_start, skip_end = clause[0].idx, clause[-1].idx + len(clause[-1])
        inside = [a for a in actors if start <= a.start < end and a is not exclude
                  and not skip_start <= a.start < skip_end]
        if inside:
            return inside[0]
    return None


def associated_actor(
    actors: list[Actor], actor1: Actor | None, name1: str | None, inter1: int | None,
    *, name2: str | None = None,
) -> str | None:
    """A named armed group acting with actor1 in the same phrase ("Afghan and NATO forces");
    not actor2 ("troops of India and Pakistan exchanged fire": each other's enemy)."""
    if actor1 is None or inter1 not in ARMED_INTERS:
        return None
    for other in actors:
        if other is actor1 or other.name in (name1, name2) or other.inter not in ARMED_INTERS:
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
    if trigger.dep_ == "conj" and any(o.lower_ == "it" for o in objects):
        # "attacked the village of Bodhei and seized it": the place the first verb acted on
        objects = [o for o in objects if o.lower_ != "it"] + [
            c for c in trigger.head.children if c.dep_ in ("dobj", "obj")]
    for obj in objects:
        if obj.lower_ == "control":  # "took control of the town" (not "of a bus")
            held = [c for p in obj.children if p.dep_ == "prep" and p.lower_ in ("of", "over")
                    for c in p.children if c.dep_ == "pobj"]
            if not held or any(_is_place_phrase(h, places) for h in held):
                return True
            continue
        if _is_place_phrase(obj, places):
            return True
    return False


def _is_place_phrase(obj: Token, places: tuple[Place, ...]) -> bool:
    """A place's word, or a phrase holding a place the gazetteer found; not a place in a
    clause that describes the thing ("seized a lorry and its driver, who came from
    Garissa"), nor a nationality ("two Kenyan travellers")."""
    if obj.lemma_.lower() in PLACE_NOUNS:
        return True
    described = {t.i for c in obj.subtree if c.dep_ in DESCRIBING_DEPS for t in c.subtree}
    return any(
        p.start <= t.idx < p.end for t in obj.subtree
        if t.i not in described and t.ent_type_ != "NORP" for p in places
    )


DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos"})  # a clause or phrase about a noun

