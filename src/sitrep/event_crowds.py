"""Crowds in the codebook's conditions (``crowd_side``): whether unarmed people acting
together are a side of an act. A crowd is the act's agent ("residents blocked the road")
or the rioters or protesters an armed actor acts against; never what a crowd protests or
answers ("protested after their stalls were burnt"); with no agent named, a crowd the
sentence names and does not act upon, or "they" and "the group" while the report
describes a demonstration, unless an armed actor is named other than what the crowd hit.
The state's forces in a clash whose other side is unarmed people ("Police clash with a
group of matatu operators") met a crowd too.

``event_conditions`` reads these for the codebook's conditions; the words that make a
crowd (``CROWD_NOUNS``, ``DEMONSTRATOR_INTERS``) and a clash (``CLASH_LEMMAS``) are shared
from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.acted_upon import _is_acted_upon
from sitrep.actor_mentions import active_subject_actor
from sitrep.codebook import ARMED_INTERS, CROWD_INTERS, NON_STATE_ARMED_INTERS
from sitrep.fatality_causes import CAUSE_MARKERS, CAUSE_NOUNS, CAUSE_VERBS, is_cause_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitrep.event_conditions import SentenceCues
    from sitrep.records import Actor

DEMONSTRATOR_INTERS = frozenset({5, 6})  # rioters, protesters: a riot's or protest's crowd
CLASH_LEMMAS = frozenset({"clash", "fight", "battle", "confrontation", "scuffle", "brawl",
                          "street-fight", "skirmish", "exchange", "engage"})
CROWD_NOUNS = frozenset({"mob", "crowd", "group", "gang", "youth", "public", "community"})
# armed sides other than the state's own forces: rebels, militias, foreign forces
OTHER_ARMED_INTERS = NON_STATE_ARMED_INTERS | {8}


def is_crowd(actor: Actor | None, doc: Doc) -> bool:
    """Unarmed people acting together: rioters, protesters, or civilians in the plural
    ("residents", "a mob", "NPP supporters"); one man is not a crowd."""
    if actor is None or actor.inter not in CROWD_INTERS:
        return False
    if actor.inter in DEMONSTRATOR_INTERS:
        return True
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    # "TRS and INC workers": a name joined to people in the plural names them too
    root = span.root
    return root.tag_ in ("NNS", "NNPS") or root.lower_ in CROWD_NOUNS or any(
        c.tag_ in ("NNS", "NNPS") and c.i >= root.i for c in root.conjuncts)


OBJECT_PATH_DEPS = frozenset({"dobj", "pobj", "prep"})
OBJECT_CLIMB_STEPS = 4  # "tyres -> with -> road -> blocked"
INSTRUMENT_PREPS = frozenset({"with", "using"})


def _subjects(trigger: Token) -> list[Token]:
    """The grammatical subjects of the clause a trigger is in, through coordinated verbs
    ("They built barricades and then clashed with officers") and from an object up to its
    verb ("Residents blocked a road with burning tyres")."""
    node = trigger
    for _ in range(OBJECT_CLIMB_STEPS):
        if node.pos_ in ("VERB", "AUX") or node.dep_ not in OBJECT_PATH_DEPS:
            break
        if node.dep_ == "prep" and node.lower_ not in INSTRUMENT_PREPS:
            return []  # "protested against banditry attacks": what they protest, not do
        node = node.head
    subjects = []
    while True:
        subjects += [c for c in node.children if c.dep_ == "nsubj"]
        if node.dep_ != "conj" or node.head.i == node.i:
            return subjects
        node = node.head


def _crowd_acts(
    trigger: Token, actor1: Actor | None, actor2: Actor | None, actors: list[Actor],
    cues: SentenceCues, *, report_actors: list[Actor] | None = None,
) -> bool:
    """A crowd is a side of the act: its agent, or the rioters/protesters it is against.

    Never what the crowd protests or answers (``_is_grievance``). In a clause describing
    someone, only they can be its agent. With no agent named, a crowd named in the sentence
    and not acted upon, or "they" / "the group" while the report is describing a
    demonstration, is taken to be the agent unless an armed actor is named; the armed
    actors named may be only what a plural unarmed subject hit, in a report of a protest
    ("union members pelted them [the police] with stones during their protest").
    """
    doc = trigger.doc
    if _is_grievance(trigger, actors):
        return False
    subjects = _subjects(trigger)
    if actor1 is not None and not _is_agentless_passive(trigger):
        is_clash = trigger.lemma_.lower() in CLASH_LEMMAS
        return is_crowd(actor1, doc) or is_clash and (
            # police who *clash* with a crowd
            actor2 is not None and actor2.inter in DEMONSTRATOR_INTERS
            # "The group clashed with the police": the crowd the report describes is the
            # subject, the police (taken for actor1) its other side
            or cues.crowd_in_focus and any(
                _refers_to_crowd(s) and not actor1.start <= s.idx < actor1.end
                for s in subjects)
            # forces whose other side the roles left unnamed: "Police clash with a group of
            # matatu operators" (unarmed people); "[Locals protested ...] 30 people were
            # injured in clashes with security personnel", "party men clashed with police
            # who barred their rally" (no other armed side, while the report is describing
            # a demonstration or the sentence names one: its crowd)
            or actor1.inter == 1 and actor2 is None and (
                _has_unarmed_partner(trigger, actors)
                or (cues.crowd_in_focus or cues.has_protest)
                and not any(a.inter in OTHER_ARMED_INTERS for a in actors))
        )
    clause = next((n for n in (trigger, *trigger.ancestors) if n.dep_ in ("relcl", "acl")),
                  None)
    if clause is not None:
        # in a clause describing someone, they did it ("youths who were throwing stones"),
        # not the crowd the sentence is about ("rallied against a group whose members were
        # involved in torturing a lecturer"); in a passive one it was done to them
        # ("12 civilians killed at a hotel")
        is_passive = clause.tag_ == "VBN" and clause.dep_ == "acl" or any(
            c.dep_ in ("nsubjpass", "auxpass") for c in clause.children)
        return not is_passive and any(
            a.start <= clause.head.idx < a.end and is_crowd(a, doc) for a in actors)
    if cues.crowd_in_focus and any(_refers_to_crowd(s) for s in subjects):
        return True  # "They built barricades and then clashed with officers"
    if any(_said_to_protest(s) for s in subjects):
        return True  # "a group protesting against vote rigging attacked an aide"
    armed = [a for a in actors if a.inter in ARMED_INTERS]
    if armed and cues.protest_in_report and any(
        s.tag_ == "NNS" and s.lemma_.lower() not in ARMED_PEOPLE_LEMMAS
        and not any(a.start <= s.idx < a.end for a in armed) for s in subjects
    ):
        # the forces named are what the act hit: "a dozen policemen were injured when union
        # members pelted them with stones during their protest"
        return True
    if armed:
        return False
    # a crowd acted upon does not do a one-sided act ("guilty of murdering six children and
    # assaulting boys"); in a clash, those hurt took part ("15 people were injured in a
    # clash between two groups")
    is_clash = trigger.lemma_.lower() in CLASH_LEMMAS
    if is_clash and _between_unarmed_people(trigger, actors):
        return True  # "Landlords in a slum clash with their tenants over rent"
    if any(is_crowd(a, doc) and _may_be_agent(a, trigger)
           and (is_clash or not _is_acted_upon(doc, a))
           for a in actors if a is not actor2):
        return True
    if any(s.tag_ == "NNS" or _they_of_crowd(s, actors) for s in subjects) and (
        cues.protest_in_report
    ):
        return True  # "spare part dealers destroyed property to protest ..."
    if any(_they_of_last_crowd(s, report_actors or actors) for s in subjects):
        return True  # "Residents captured a suspected thief. They assaulted him ..."
    if not cues.crowd_in_focus:
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)  # "was burnt"


PARTNER_PREPS = frozenset({"with", "between", "against"})
TAKING_PART_VERBS = frozenset({"engage", "involve"})  # "engaged in running battles with"
GROUP_HEADS = frozenset({"group", "band", "crowd", "section", "number"})
# plural nouns for people who fight armed, who are the state's forces, or who are sides
# of no stated kind ("two rival groups" may be armed: a battle): not a crowd
ARMED_PEOPLE_LEMMAS = frozenset(
    {"gunman", "militant", "rebel", "insurgent", "terrorist", "extremist", "fighter",
     "bandit", "robber", "criminal", "gangster", "gang", "thug", "goon", "smuggler",
     "poacher", "kidnapper", "pirate", "dacoit", "outlaw", "trafficker", "attacker",
     "assailant", "raider", "rustler", "cadre", "cohort", "miscreant", "militia",
     "militiaman", "warrior", "officer", "policeman", "soldier", "trooper", "troop",
     "force", "personnel", "guard", "ranger", "commando", "cop", "constable", "agent",
     "jawan", "marine", "sepoy", "man", "group", "faction", "side", "camp"})


def _clash_partners(trigger: Token) -> list[Token]:
    """The sides a clash word names besides its first: the subjects it is said of and their
    conjuncts ("Police and hawkers clash"), and what it is "with" or "between" ("clashed with
    traders", "engaged in running battles with the police"); "a group of operators" is its
    operators."""
    verb = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and (
            trigger.head.head.lemma_.lower() in TAKING_PART_VERBS):
        verb = trigger.head.head
    found = [t for s in _subjects(verb) for t in (s, *s.conjuncts)]
    heads = (trigger,) if verb is trigger else (trigger, verb)
    for prep in (c for n in heads for c in n.children
                 if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS):
        found += [t for o in prep.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
    return [_of_object(t) or t if t.lemma_.lower() in GROUP_HEADS else t for t in found]


def _of_object(token: Token) -> Token | None:
    """What an "of" phrase on the token names: "operators" in "a group of operators",
    "protesters" in "many of the protesters"."""
    return next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), None)


def _has_unarmed_partner(trigger: Token, actors: list[Actor]) -> bool:
    """A side of the clash is people in the plural who are named by no armed actor nor by a
    word for armed men or forces ("street vendors", "matatu operators", "hawkers")."""
    return any(_unarmed_people(t, actors) for t in _clash_partners(trigger))


def _between_unarmed_people(trigger: Token, actors: list[Actor]) -> bool:
    """The clash has two sides or more, each people in the plural whom no armed actor nor
    word for armed men names ("landlords clash with tenants")."""
    partners = _clash_partners(trigger)
    return len(partners) >= 2 and all(_unarmed_people(t, actors) for t in partners)


def _unarmed_people(token: Token, actors: list[Actor]) -> bool:
    """People in the plural named by no armed actor nor by a word for armed men."""
    return token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() not in ARMED_PEOPLE_LEMMAS and (
        not any(a.start <= token.idx < a.end and a.inter in ARMED_INTERS for a in actors))


def _in_crowd(token: Token, actors: list[Actor]) -> bool:
    """The token names a crowd, or some of one ("many of the protesters")."""
    named = [t for t in (token, _of_object(token)) if t is not None]
    return any(a.start <= t.idx < a.end and is_crowd(a, token.doc) for a in actors for t in named)


def _they_of_crowd(subject: Token, actors: list[Actor]) -> bool:
    """"they" in a clause hung on one whose subject is a crowd ("students were arrested
    after they burned a dormitory"): the crowd."""
    if subject.lower_ != "they":
        return False
    clause = subject.head
    while clause.dep_ not in ("advcl", "ccomp", "conj", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ != "ROOT" and any(
        c.dep_ in ("nsubj", "nsubjpass") and _in_crowd(c, actors) for c in clause.head.children)


def _they_of_last_crowd(subject: Token, actors: list[Actor]) -> bool:
    """"They" opening a sentence whose sentence before has a crowd for its active subject
    (actor_mentions.active_subject_actor) and names no other people in the plural
    ("Residents captured a suspected thief. They assaulted him"): the crowd."""
    if subject.lower_ != "they" or subject.i != subject.sent.start or subject.i == 0:
        return False
    last = subject.doc[subject.i - 1].sent
    crowd = active_subject_actor(last, actors)
    return crowd is not None and is_crowd(crowd, subject.doc) and all(
        crowd.start <= t.idx < crowd.end for t in last if t.tag_ in ("NNS", "NNPS"))


def _is_grievance(trigger: Token, actors: list[Actor]) -> bool:
    """What a crowd protests or answers, not what it did: "marched to condemn the attack on
    churches", "demanding justice for the victims of an acid attack", "unrest following
    clerics killing", "rioted after being beaten"."""
    for node in (trigger, *trigger.ancestors):
        head = node.head
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in CAUSE_MARKERS:
            return True
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in ("to", "at", "of") and (
            head.head.lemma_.lower() in CAUSE_NOUNS
        ):
            return True  # "in response to", "in protest at"
        if is_cause_clause(node) and not any(
            c.dep_ == "nsubj" and (_in_crowd(c, actors) or _they_of_crowd(c, actors))
            for c in node.children
        ):
            # "protested after bulls destroyed their crops"; not "clashed with police after
            # farmers threw stones", whose own subject is a crowd
            return True
        if node.dep_ in ("dobj", "pobj") and head.lemma_.lower() in CAUSE_VERBS:
            return True  # not "protested, burning tyres": how they protested
        if node.dep_ == "ccomp" and head.lemma_.lower() in CROWD_CLAIM_VERBS and any(
            c.dep_ == "nsubj" and _in_crowd(c, actors) for c in head.children
        ) and not any(c.dep_ == "nsubj" and c.lower_ in ("they", "we") for c in node.children):
            # "the students claimed the girl was assaulted": what the crowd alleges, not
            # what it did (not "the protesters said they burned the office")
            return True
    return False


# (not "say": the speaker of "said" is no actor of the sentence, claims.attribution_spans)
CROWD_CLAIM_VERBS = frozenset({"claim", "allege", "complain", "accuse", "charge"})


def _refers_to_crowd(subject: Token) -> bool:
    """"they", or "the group": words that take up the crowd a report is describing."""
    return subject.lower_ == "they" or subject.lemma_.lower() == "group" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


# verbs whose doers are a demonstration's crowd, in a clause describing them
PROTESTING_LEMMAS = frozenset({"protest", "demonstrate", "march", "picket", "agitate"})


def _said_to_protest(subject: Token) -> bool:
    """People a clause of their own says are protesting are a crowd, whatever the noun
    ("a group protesting against vote rigging", "men who were demonstrating")."""
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in PROTESTING_LEMMAS
               for c in subject.children)


def _may_be_agent(actor: Actor, trigger: Token) -> bool:
    """A crowd named before an active trigger: "55 people were killed ... activists said"
    and "workers protested after a girl was killed" name no crowd that killed."""
    is_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    return actor.start < trigger.idx and not is_passive


def _is_agentless_passive(trigger: Token) -> bool:
    """"a girl was killed" with no "by ...": whoever the parse finds around it did not
    do it."""
    children = list(trigger.children)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children) and not any(
        c.dep_ == "agent" for c in children)
