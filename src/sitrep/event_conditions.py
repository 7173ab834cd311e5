"""Rule conditions: whether a codebook rule's conditions hold for a trigger in its sentence.

Needs: the trigger's parse, the sentence's actors, the report (``ReportContext``) and the
codebook. Adds: ``_conditions_hold`` (every condition ``data/codebook.yaml`` documents:
armed actors, crowds, targets, protest words, political arrests, private agents...) with
the tests it is built from (who is a private person or a political side; who acts as a
crowd is ``event_crowds``, who threw a crude bomb ``thrown_bombs``), and
``SentenceCues``, what the events stage reads once per sentence for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.acted_upon import is_found_dead
from sitrep.actor_codes import INTER_STATE, PRIVATE_SECURITY_PREFIX
from sitrep.claims import NO_DETERMINERS, NO_ONE_WORDS
from sitrep.codebook import (
    ARMED_INTERS,
    CROWD_INTERS,
    NON_STATE_ARMED_INTERS,
    Codebook,
    Rule,
    find_phrase,
    is_phrase,
)
from sitrep.event_crowds import CROWD_NOUNS, _crowd_acts, _is_grievance, _subjects
from sitrep.event_modality import _names_grievance, text_without
from sitrep.event_targets import OBJECT_DEPS, _victim_text
from sitrep.fatalities import is_attempted
from sitrep.fatality_causes import CAUSE_VERBS, is_cause_clause
from sitrep.headline_passives import by_phrase, conjunct_agents, is_headline_passive
from sitrep.records import Actor
from sitrep.roles import (
    _actor_in,
    _agents_of,
    assign_roles,
    object_is_place,
)
from sitrep.thrown_bombs import thrown_by_unorganised

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitrep.events import ReportContext

POLICE_PREFIX = "Police Forces"  # police who investigate a crime do not make it an attack
UNIDENTIFIED_PREFIX = "Unidentified"  # an unnamed gang: no political actor to arrest


CROWD_PRONOUNS = frozenset({"them", "they"})


def _acts_on_crowd(trigger: Token, context: ReportContext) -> bool:
    """The trigger acts on a crowd, on some of it counted ("injuring two"), or on no one
    named ("Police intervened", "dispersed them", "detained 14 farmers"), not on suspects
    of a crime ("arrested two suspects")."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return True
    return any(
        o.lower_ in CROWD_PRONOUNS or o.lemma_.lower() in CROWD_NOUNS or o.tag_ == "CD"
        or (o.tag_ in ("NNS", "NNPS") and o.lemma_.lower() not in LEGAL_OBJECT_NOUNS)
        for o in objects
    )


def _names_any(lower: str, words: list) -> bool:
    """One of a rule's words or phrases occurs, whole, in the lower-case text."""
    return any(find_phrase(lower, str(w).lower()) >= 0 for w in words)


# clauses that describe a noun: "journalists covering a political clash", "villagers who
# fled the fighting"
DESCRIBING_CLAUSE_DEPS = frozenset({"acl", "relcl"})


def _clause_text(trigger: Token) -> str:
    """The trigger's sentence in lower case without the clauses that describe a noun and
    hold no trigger ("police assaulted journalists covering a political clash": the clash
    is what the journalists covered, not the act)."""
    return text_without(trigger.sent, trigger,
                        lambda token: token.dep_ in DESCRIBING_CLAUSE_DEPS)


def sentences_around(sentence: Span, *, before: int = 0, after: int = 0) -> str:
    """The sentence with up to ``before`` sentences before it and ``after`` after it,
    joined by spaces: "Clashes broke out over a land dispute. One person was killed."
    (one after), "Farms were attacked and houses razed. Linked to the ongoing ethnic
    violence." (one either side), or a short report's paragraph about an act."""
    doc = sentence.doc
    parts = [sentence]
    for _ in range(before):
        if parts[0].start == 0:
            break
        parts.insert(0, doc[parts[0].start - 1].sent)
    for _ in range(after):
        if parts[-1].end >= len(doc):
            break
        parts.append(doc[parts[-1].end].sent)
    return " ".join(part.text for part in parts)


def _is_acting_subject(token: Token) -> bool:
    """The word is the subject of a verb that says what it did ("the protesters demanded
    the demolition of the mosque", "demonstrators gathered"), not what was said of it
    ("protesters said", "protesters are expected") or done to it."""
    verb = token.head
    return (
        token.dep_ == "nsubj" and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in SAYING_OR_EXPECTING_LEMMAS
    )


SIDE_PREPOSITIONS = frozenset({"with", "at", "on", "upon", "between", "by"})


def _is_side_of_act(token: Token) -> bool:
    """The word names a side of an act: a verb's subject or object ("two rioters were shot
    dead", "police dispersed the rioters"), a headline's first noun ("Rioters attack
    ..."), or who the act is with, by, at or on ("clashed with rioters", "destroyed by
    rioters", "violence between police and rioters"); not a word deep in a phrase
    ("force against rioters")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "ROOT"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in SIDE_PREPOSITIONS


SAYING_OR_EXPECTING_LEMMAS = frozenset({"say", "tell", "claim", "allege", "expect", "plan",
                                        "threaten", "vow", "warn", "intend", "want", "hope"})


# acts on people a report about a protest may name apart from it ("people detained" in
# custody): an intervention only while the report is describing the demonstration
DETENTION_LEMMAS = frozenset({"arrest", "detain", "apprehend", "nab", "beat", "stop",
                              "prevent", "block"})


LEGAL_OBJECT_NOUNS = frozenset({"suspect", "accused", "culprit", "perpetrator", "criminal",
                                "robber", "thief", "killer", "murderer"})


@dataclass(frozen=True)
class SentenceCues:
    """What a rule's conditions may ask of the sentence beyond its actors."""

    has_protest: bool  # a protest word in the sentence
    protest_in_report: bool  # ... or anywhere in the report
    crowd_in_focus: bool  # the report is describing a demonstration ("they" = its crowd)
    report_lower: str  # the whole report in lower case (unless_report_any)
    organised_attack: bool = False  # "claimed responsibility": someone armed, though unnamed
    fighting_in_report: bool = True  # codebook.fighting_lemmas: the report tells of fighting
    # a protest word in the report other than a rally's (codebook.rally_words)
    demonstration_in_report: bool = False


@dataclass(frozen=True)
class ReportCues:
    """What the rules read once per report, not once per sentence."""

    has_protest: bool  # a protest word somewhere in the report
    is_sports_report: bool  # codebook.sport_words: its shots and clashes are play
    names_crime_for_gain: bool  # codebook.crime_words: a robbery, a heist
    lower: str  # the report's text in lower case, made once
    tells_of_fighting: bool = True  # codebook.fighting_lemmas, not denied ("no one was hurt")
    has_demonstration: bool = False  # a protest word not of a rally (codebook.rally_words)


def report_cues(context: ReportContext, codebook: Codebook) -> ReportCues:
    lower = context.parsed.text.lower()
    return ReportCues(
        has_protest=_has_protest_word(context.parsed[:], codebook),
        is_sports_report=codebook.is_sports_report(lower),
        names_crime_for_gain=any(find_phrase(lower, w) >= 0 for w in codebook.crime_words),
        tells_of_fighting=tells_of_fighting(context.parsed, codebook),
        lower=lower,
        has_demonstration=_has_protest_word(context.parsed[:], codebook, rallies=False),
    )


# "no casualties", "none of the staff", "nobody", "without a fight": the words of a count
# of no one (fatalities') and "without"
NO_WORDS = NO_DETERMINERS | NO_ONE_WORDS | {"without"}


def tells_of_fighting(doc: Doc, codebook: Codebook) -> bool:
    """A word of fighting or of its harm (codebook.fighting_lemmas) that the report does not
    deny: "after an exchange of fire", "killing three"; not "no one was injured", "no
    casualties were reported", "without a fight"."""
    return any(
        t.lemma_.lower() in codebook.fighting_lemmas and not _is_denied(t) for t in doc
    )


def _is_denied(token: Token) -> bool:
    """"no casualties", "without a fight", "no one was hurt", "were not injured"; also when
    the denial sits on the auxiliary ("None was, however, hurt": "none" hung on "was") or on
    the verb the word completes ("no one was reported injured", "did not cause
    casualties")."""
    if any(c.dep_ == "neg" or c.lower_ in NO_WORDS and c.dep_ in ("det", "neg")
           for c in token.children):
        return True
    if token.head.lower_ in NO_WORDS and token.dep_ in ("pobj", "pcomp"):
        return True  # "without a fight", "without firing"
    if any(_has_no_one_subject(t) for t in (token, *(
            c for c in token.children if c.dep_ in ("aux", "auxpass")))):
        return True  # "nobody was hurt", "no one was injured", "None was, however, hurt"
    return token.dep_ in COMPLEMENT_DEPS and token.head.i != token.i and _is_denied(token.head)


# the word completes the verb above it: "[no one was reported] injured", "[did not cause]
# casualties"
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "acomp", "oprd", "attr"})


def _has_no_one_subject(token: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NO_WORDS or any(d.lower_ in NO_WORDS for d in c.children))
        for c in token.children)


def _names_crowd_disorder(sentence: Span, codebook: Codebook) -> bool:
    lower = sentence.text.lower()
    return any(find_phrase(lower, w) >= 0 for w in codebook.sport_disorder_words)


def _has_protest_word(span: Span, codebook: Codebook, *, rallies: bool = True) -> bool:
    """A protest word in the span; with ``rallies`` false, not one of a campaign rally."""
    lower = span.text.lower()
    return any(
        codebook.is_protest_word(t)
        and t.ent_type_ not in ("DATE", "TIME")  # "21 March 2020" is no march
        and (rallies or t.lemma_.lower() not in codebook.rally_words)
        and not _is_led_by_force(t)
        for t in span
    ) or any(is_phrase(w) and find_phrase(lower, w) >= 0 for w in codebook.protest_words)


FORCED_WALK_LEMMAS = frozenset({"march", "parade"})


def _is_led_by_force(token: Token) -> bool:
    """"The group marched him to the forest", "paraded them naked": someone made to walk,
    no demonstration."""
    return token.pos_ == "VERB" and token.lemma_.lower() in FORCED_WALK_LEMMAS and any(
        c.dep_ == "dobj" for c in token.children)


def _names_no_doer(trigger: Token) -> bool:
    """The parse names no one and nothing as doing it (the doers role assignment reads,
    actors or not): "two men were shot dead", "the killing of a trader", a headline's
    "ODM representative killed at his home" (its subject is the victim); not "an
    explosion killed four", "a fire broke out, killing four" (a participle's doer is its
    verb's subject) nor "killed by a neighbour"."""
    if is_headline_passive(trigger):
        return not (by_phrase(trigger) or conjunct_agents(trigger))
    return not _agents_of(trigger)


# people named only by what they did, with no weapon or group: "assailants set a bus ablaze"
ANONYMOUS_DOERS = frozenset(
    {"assailant", "assailants", "attacker", "attackers", "miscreant", "miscreants", "arsonist",
     "arsonists", "persons", "people", "individuals"}
)


def _is_organised_attack(sentence: Span, codebook: Codebook) -> bool:
    """"an attack which a group unknown to the dictionary claimed responsibility for",
    "killed in a banditry attack": someone armed and organised did it, though unnamed."""
    lower = sentence.text.lower()
    return any(find_phrase(lower, phrase) >= 0 for phrase in codebook.organised_attack_phrases)


ALIGHT_WORDS = frozenset({"ablaze", "alight", "aflame", "afire"})
FIRE_WORDS = ALIGHT_WORDS | {"fire"}


def sets_alight(token: Token) -> bool:
    """"set fire to", "set ablaze", "set a house alight", "set on fire": burning, as "burn"
    is (not "set up", "set free"); "alight" may be read into the object's phrase ("set two
    houses and a lorry alight")."""
    return token.lemma_.lower() == "set" and any(
        c.lower_ in FIRE_WORDS or c.dep_ == "prep" and c.lower_ == "on"
        and any(g.lower_ == "fire" for g in c.children)
        or c.dep_ == "dobj" and any(t.lower_ in ALIGHT_WORDS for t in c.subtree)
        for c in token.children)


def _is_political_side(actor: Actor | None) -> bool:
    """The state's forces, or a named non-state group: a side that makes violence political
    (not civilians, crowds or an unidentified gang)."""
    return actor is not None and (
        actor.inter == 1 or actor.inter in ARMED_INTERS and not (
            actor.name.startswith(UNIDENTIFIED_PREFIX))
    )


def _is_private_person(actor: Actor | None) -> bool:
    """Civilians, or people the dictionary knows only as an unidentified gang."""
    return actor is not None and (actor.inter == 7 or actor.name.startswith(UNIDENTIFIED_PREFIX))


PRIVATE_PERSON_LEMMAS = frozenset(
    {"man", "woman", "boy", "girl", "youth", "teenager", "person", "neighbour", "neighbor",
     "uncle", "father", "stepfather", "husband", "boyfriend", "brother", "cousin", "relative",
     "teacher", "pastor", "employer", "driver", "suspect", "accused"}
)


def _has_private_agent(trigger: Token, actors: list[Actor]) -> bool:
    """The parse names who did it, and it is a private person ("a 23-year-old man broke in
    and raped her", "raped by her uncle"), not an armed actor the sentence names."""
    agents = _subjects(trigger) + [
        obj for c in trigger.children if c.dep_ == "agent" for obj in c.children
        if obj.dep_ == "pobj"]
    armed = [a for a in actors if a.inter in ARMED_INTERS]
    return any(
        t.lemma_.lower() in PRIVATE_PERSON_LEMMAS
        and not any(a.start <= t.idx < a.end for a in armed)
        for t in agents
    )


def _named_only_in_grievance(actor: Actor, trigger: Token) -> bool:
    """An actor named only in what a crowd demands or answers ("a fast demanding the State
    government solve farmers' problems", "demanding that the police act", "demonstrated
    after police shot a man", "protested over police brutality"): no side of the act."""
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or trigger.i in range(span.start, span.end):
        return False
    for node in (span.root, *span.root.ancestors):
        if node.i == trigger.i:
            return False
        if node.dep_ in ("dobj", "ccomp", "xcomp") and node.head.lemma_.lower() in CAUSE_VERBS:
            return True
        if node.head.i == trigger.i and (_names_grievance(node) or is_cause_clause(node)):
            return True
    return False


# what forces sent "to prevent protests" are sent to keep from happening
PREVENTION_LEMMAS = frozenset({"prevent", "avert", "avoid", "deter", "forestall", "thwart",
                               "foil", "pre-empt", "preempt"})


def _forces_sent(trigger: Token, actors: list[Actor], cues: SentenceCues) -> bool:
    """State forces are sent to a demonstration: the trigger's subject is the state's
    forces ("riot police were deployed outside the assembly", "officers were called in",
    "police rushed to the scene"), and the report is describing a demonstration or the
    sentence names one they are not sent to prevent ("deployed to prevent protests")."""
    if not cues.crowd_in_focus and not (cues.has_protest and not any(
            t.lemma_.lower() in PREVENTION_LEMMAS for t in trigger.subtree)):
        return False
    # the subject itself names the forces ("riot police were deployed"), not a phrase
    # around them ("a large number of law enforcers remained deployed" across a city
    # during a strike: no one demonstration's police)
    subjects = _subjects(trigger) + [c for c in trigger.children if c.dep_ == "nsubjpass"]
    return any(a.inter == INTER_STATE and a.start <= s.idx < a.end
               for s in subjects for a in actors)


def _subject_is(trigger: Token, actors: list[Actor], inters: list[int]) -> bool:
    """The trigger's own subject, when it has one, names an actor with one of these inter
    codes (``roles._actor_in``: the actor it names, or the first in its phrase: "a team of
    police and soldiers stopped the march"); a trigger with no subject of its own ("were
    blocked by police", "to block the protesters") passes."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not subjects:
        return True
    named = _actor_in(subjects, actors)
    return named is not None and named.inter in inters


def _said_to_be(trigger: Token, words: list[str]) -> bool:
    """The trigger is one of the words, said of its subject ("the protest turned violent"),
    or has one as its adjective or adverb ("violent electoral protests", "students
    'violently' protest"); not denied ("protested peacefully, not violently")."""
    return trigger.lower_ in words or any(
        c.dep_ in ("amod", "advmod") and c.lower_ in words
        and not any(n.dep_ == "neg" for n in c.children)
        for c in trigger.children)


def _crowd_agent(trigger: Token, actors: list[Actor], context: ReportContext) -> bool:
    """Whether the parse names a crowd (protesters, rioters, civilians) as doing it."""
    agent, _ = assign_roles(trigger, actors, context.places, guess=False)
    return agent is not None and agent.inter in CROWD_INTERS


def _conditions_hold(
    rule: Rule,
    trigger: Token,
    actor1: Actor | None,
    actor2: Actor | None,
    actors: list[Actor],
    cues: SentenceCues,
    context: ReportContext,
) -> bool:
    cond = rule.conditions
    if cond.get("actor1_armed") and (actor1 is None or actor1.inter not in ARMED_INTERS):
        return False
    if cond.get("unarmed_agent"):
        agent, _ = assign_roles(trigger, actors, context.places, guess=False)
        if agent is not None and agent.inter in ARMED_INTERS:
            return False
    if "subject_inter" in cond and not _subject_is(trigger, actors, cond["subject_inter"]):
        return False  # "Transporters blocked the highway": not the police named elsewhere
    if cond.get("unless_private_agent") and _has_private_agent(trigger, actors):
        return False
    if cond.get("thrown_by_unorganised") and not thrown_by_unorganised(trigger, actors):
        return False
    if cond.get("found_dead") and not is_found_dead(trigger):
        return False
    if cond.get("agentless") and not _names_no_doer(trigger):
        return False
    if cond.get("anonymous_agent") and (
        actor1 is not None and not (actor1.name.startswith(UNIDENTIFIED_PREFIX)
                                    and actor1.text.lower().split()[-1] in ANONYMOUS_DOERS)
        or any(_is_political_side(a) for a in actors)
        or _is_grievance(trigger, actors)  # "protested after their stalls were burnt"
    ):
        return False  # not "gunmen", "militants": armed and organised
    if cond.get("crowd_side") and not _crowd_acts(trigger, actor1, actor2, actors, cues,
                                                  report_actors=list(context.actors)):
        return False
    if cond.get("unless_grievance") and any(
        _names_grievance(t) for t in (trigger, *trigger.ancestors)
    ):
        return False
    if cond.get("protest_in_report") is not None and (
        cond["protest_in_report"] != cues.protest_in_report
    ):
        return False
    if cond.get("demonstration_in_report") is not None and (
        cond["demonstration_in_report"] != cues.demonstration_in_report
    ):
        return False
    if cond.get("political_arrest") and not (
        # not "robbers", "hitmen", nor guards who caught a thief or were arrested
        (actor2 is not None and actor2.inter in (2, 3, 4, 5, 6, 8)
         and not actor2.name.startswith((UNIDENTIFIED_PREFIX, PRIVATE_SECURITY_PREFIX)))
        or (actor1 is not None and actor1.inter in ARMED_INTERS
            and not actor1.name.startswith(
                (POLICE_PREFIX, UNIDENTIFIED_PREFIX, PRIVATE_SECURITY_PREFIX)))
        or (actor1 is None and not _is_private_person(actor2) and any(
            # "the capture of a financier" in a report on a named armed group; "three
            # people were arrested", "two of the robbers" by no one named are not, nor
            # are arrests in a report whose only armed actors are the state's and a gang
            a.inter in NON_STATE_ARMED_INTERS and not a.name.startswith(UNIDENTIFIED_PREFIX)
            for a in context.actors))
    ):
        return False  # the police arresting a crime suspect is not an ACLED event
    if "unless_any" in cond:
        lower = trigger.sent.text.lower()
        if _names_any(lower, cond["unless_any"]):
            return False
    if "unless_in_clause" in cond and _names_any(_clause_text(trigger),
                                                 cond["unless_in_clause"]):
        return False
    if "victim_any" in cond and not _names_any(_victim_text(trigger), cond["victim_any"]):
        return False
    if "unless_victim_any" in cond and _names_any(_victim_text(trigger),
                                                  cond["unless_victim_any"]):
        return False
    if "unless_inters" in cond and any(
        a.inter in cond["unless_inters"] and not _named_only_in_grievance(a, trigger) for a in actors
    ) and not (
        # "protesters blocked the bridge, demanding action against policemen": the
        # crowd the parse names as doing it decides, not the others the sentence names
        cond.get("crowd_agent_decides") and _crowd_agent(trigger, actors, context)
    ):
        return False
    if "actor1_inter" in cond and (actor1 is None or actor1.inter not in cond["actor1_inter"]):
        return False
    if actor1 is not None and actor1.inter in cond.get("unless_actor1_inter", ()):
        return False
    if "actor2_inter" in cond and (actor2 is None or actor2.inter not in cond["actor2_inter"]):
        return False
    if actor2 is not None and actor2.inter in cond.get("unless_actor2_inter", ()):
        return False
    if cond.get("actor2_armed") and (actor2 is None or actor2.inter not in ARMED_INTERS):
        return False
    if cond.get("actor2_armed") is False and actor2 is not None and actor2.inter in ARMED_INTERS:
        return False  # the armed target is named: the rules for attacks on forces apply
    if "needs_any" in cond and not _names_any(trigger.sent.text.lower(), cond["needs_any"]):
        return False
    if "needs_any_nearby" in cond and not _names_any(
        sentences_around(trigger.sent, after=1).lower(), cond["needs_any_nearby"]
    ):
        return False
    if "unless_report_any" in cond and _names_any(cues.report_lower, cond["unless_report_any"]):
        return False
    if "needs_any_around" in cond and not _names_any(
        sentences_around(trigger.sent, before=1, after=1).lower(), cond["needs_any_around"]
    ):
        return False
    if cond.get("armed_actor") == "sentence_or_report":
        # "one of its strikes killed 140 mourners": a pronoun for an armed actor the
        # report names elsewhere (the police investigating a crime do not count, nor the
        # guards a firm hires: "a security guard" told of in the report's next sentence)
        refers_back = any(t.tag_ in ("PRP", "PRP$") for t in trigger.sent)
        if not any(a.inter in ARMED_INTERS for a in actors) and not (refers_back and any(
            a.inter in ARMED_INTERS
            and not a.name.startswith((POLICE_PREFIX, PRIVATE_SECURITY_PREFIX))
            for a in context.actors
        )) and not cues.organised_attack:
            return False
    elif cond.get("armed_actor") == "nonstate_in_report":
        # "two men were killed in their village ... Al Shabaab are suspected": a non-state
        # armed group named anywhere in the report (not the police investigating a crime,
        # nor a government the report names for what it said)
        if not any(a.inter in NON_STATE_ARMED_INTERS for a in context.actors) and not (
            cues.organised_attack
        ):
            return False
    elif cond.get("armed_actor") and not any(a.inter in ARMED_INTERS for a in actors):
        return False
    if cond.get("needs_protest") == "sentence_or_crowd":
        if not cues.has_protest and not (
            (cues.crowd_in_focus or cues.protest_in_report
             and trigger.lemma_.lower() not in DETENTION_LEMMAS)
            and _acts_on_crowd(trigger, context)
        ):
            return False  # tear gas in a report about protesters; not "people detained"
    elif cond.get("needs_protest") and not cues.has_protest:
        return False
    if cond.get("target_civilian"):
        others_armed = [a for a in actors if a.inter in ARMED_INTERS and a is not actor1
                        and (actor1 is None or a.name != actor1.name)]  # not "police" again
        if actor2 is not None and actor2.inter != 7:
            return False
        if actor2 is None and others_armed:
            return False
    if cond.get("crowd_subject") and not _is_acting_subject(trigger):
        return False
    if cond.get("sets_alight") and not sets_alight(trigger):
        return False
    if "said_to_be" in cond and not _said_to_be(trigger, cond["said_to_be"]):
        return False
    if cond.get("forces_sent") and not _forces_sent(trigger, actors, cues):
        return False
    if cond.get("named_in_act") and not _is_side_of_act(trigger):
        return False
    if cond.get("object_place") and not object_is_place(trigger, context.places):
        return False
    if cond.get("taken") and _is_attempt_or_aim(trigger):
        return False
    if cond.get("verb_not_denied") and (trigger.pos_ != "VERB" or _is_denied(trigger)):
        return False
    if cond.get("forced_from_place") and not _is_forced_from_place(trigger, context):
        return False
    if "fighting_in_report" in cond and cond["fighting_in_report"] != cues.fighting_in_report:
        return False
    # no_object: "demonstrated their skill", "helped rally the sector" are no protest
    return not (cond.get("no_object") and _takes_object(trigger))


LEAVING_LEMMAS = frozenset({"abandon", "vacate", "evacuate"})
FORCING_LEMMAS = frozenset({"force", "compel", "make"})


def _is_forced_from_place(trigger: Token, context: ReportContext) -> bool:
    """A leaving is a taking by whoever forced it: "forcing the militants to abandon the
    camp" (or "... to abandon it", the place the sentence named); not "police abandoned
    their posts" nor "forced them to abandon their weapons". Other triggers pass."""
    if trigger.lemma_.lower() not in LEAVING_LEMMAS:
        return True
    if trigger.dep_ != "xcomp" or trigger.head.lemma_.lower() not in FORCING_LEMMAS:
        return False
    return object_is_place(trigger, context.places) or any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in trigger.children)


def _is_attempt_or_aim(trigger: Token) -> bool:
    """"attempt to take control of a bus", "an operation to retake police posts": a taking
    tried or aimed at, which may not have happened."""
    if is_attempted(trigger):
        return True
    return trigger.dep_ in ("acl", "advcl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)


OBJECT_GAP_POS = frozenset({"ADP", "VERB", "AUX", "PUNCT", "SCONJ"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _takes_object(trigger: Token) -> bool:
    """The trigger has an object of its own: "demonstrated their skill", "showed that",
    "the confidence our people have demonstrated" (not "the workers who demonstrated"). An
    object the parser hung on it across a preposition, a verb or a comma belongs to that
    phrase ("demonstrated over six months unpaid salaries", "demonstrated in front of the
    office carrying spades")."""
    doc = trigger.doc
    if trigger.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in trigger.children
    ):
        return True  # "the confidence our people have demonstrated": the noun it describes
    for child in trigger.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        if child.i < trigger.i or not any(
            doc[i].pos_ in OBJECT_GAP_POS for i in range(trigger.i + 1, child.left_edge.i)
        ):
            return True
    return False
