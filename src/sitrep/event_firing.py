"""Which codebook rule fires on a sentence: the first, in codebook order, with a trigger
whose conditions hold (``event_conditions``), who its sides are (``roles``), and the
choices between rules that fire together: an act set in a demonstration ("bombs went off
amid the hartal") is the event, not the demonstration; a gathering the forces broke up
takes the higher protest sub-type; an act a demonstration is about ("protested over the
arrest of a cleric") fires nothing; an act only threatened gives way to one that happened.

``events`` builds the report's mentions from what fires here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.actor_order import _is_state
from sitrep.actor_spans import is_placed_by
from sitrep.codebook import ARMED_INTERS, Codebook, Rule, find_phrase
from sitrep.event_conditions import (
    UNIDENTIFIED_PREFIX,
    ReportCues,
    SentenceCues,
    _conditions_hold,
    _has_protest_word,
    _is_organised_attack,
    _is_political_side,
)
from sitrep.event_modality import _is_absent, _is_unrealised_act
from sitrep.event_triggers import _masked_tokens, _trigger_words, _triggers
from sitrep.event_victims import as_victim
from sitrep.fatality_causes import CAUSE_MARKERS, CAUSE_NOUNS, CAUSE_VERBS, is_cause_clause
from sitrep.records import Actor
from sitrep.roles import assign_roles

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

PROTESTS_TYPE = "Protests"
VAC_TYPE = "Violence against civilians"
PEACEFUL_SUB_TYPE = "Peaceful protest"

# the types a non-event word (an accident, a match, a drill, a flood) rules out: houses
# destroyed in a flood, players arrested over a match; a crowd that riots or protests over
# an accident is still an event
NON_EVENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence",
                             "Strategic developments"})

# prepositions that place an act by a building ("exploded near the court"), where a court
# is no case before it
LANDMARK_PREPS = frozenset({"near", "outside", "opposite", "behind", "beside"})


def fire_rule(
    sentence: Span,
    lower: str,
    actors: list[Actor],
    context: ReportContext,
    codebook: Codebook,
    *,
    report: ReportCues,
    crowd_in_focus: bool = False,
    passed_over: frozenset[int] = frozenset(),
) -> tuple[Rule, Token, Actor | None, Actor | None] | None:
    """The first rule (in codebook order) with a trigger in the sentence whose conditions
    hold, leaving out the tokens ``passed_over``."""
    is_non_event = any(find_phrase(lower, w) >= 0 for w in codebook.non_event_words)
    in_court = any(t.lemma_.lower() in codebook.court_words and not t.ent_type_
                   and not is_placed_by(t, preps=LANDMARK_PREPS)
                   for t in sentence)  # not "the Supreme Court of Kenya" named as a place
    for_gain = any(find_phrase(lower, w) >= 0 for w in codebook.crime_words)
    has_protest = _has_protest_word(sentence, codebook)
    cues = SentenceCues(
        has_protest=has_protest,
        protest_in_report=has_protest or report.has_protest,
        demonstration_in_report=report.has_demonstration,
        crowd_in_focus=crowd_in_focus,
        organised_attack=_is_organised_attack(sentence, codebook),
        fighting_in_report=report.tells_of_fighting,
        report_lower=report.lower,
    )
    masked = _masked_tokens(sentence, lower, codebook) | passed_over
    words = [w for w in _trigger_words(sentence) if w[0].i not in masked]

    def first_firing(rules: Sequence[Rule], cues: SentenceCues, *,
                     skip: frozenset[int] = frozenset()) -> tuple[
            Rule, Token, Actor | None, Actor | None] | None:
        return _first_firing(sentence, lower, rules, cues, actors, context, codebook,
                             words=[w for w in words if w[0].i not in skip] if skip else words,
                             masked=masked | skip, report=report,
                             is_non_event=is_non_event, in_court=in_court, for_gain=for_gain)

    fired = first_firing(codebook.rules, cues)
    if fired is not None and fired[0].event_type == PROTESTS_TYPE and _is_frame(fired[1]):
        # "two bombs went off on the 11th day of the blockade", "assailants blasted a crude
        # bomb amid the hartal": the strike dates the act, the act is the event (ACLED);
        # not the forces' arrests or blows at the strike (its intervention), nor a
        # development such as property destroyed (in ACLED's coding, a riot's)
        act = first_firing([r for r in codebook.rules if r.event_type in FRAMED_ACT_TYPES],
                           cues, skip=frozenset({fired[1].i}))
        if act is not None and not _is_state(act[2]):
            return act
    if fired is not None and fired[0].sub_event_type == PEACEFUL_SUB_TYPE and not has_protest:
        # "police used tear gas to disperse MPs who had gathered to demand ...": the
        # sentence's own gathering is the demonstration the forces broke up; the higher
        # sub-type of the tactics that co-occur wins (ACLED). Not a riot's rules: a crowd
        # that storms an office to press a demand stays a protest without a protest word;
        # and only an act whose clause takes in the gathering
        rules = codebook.rules
        higher = [r for r in rules[:rules.index(fired[0])] if r.event_type == PROTESTS_TYPE]
        stronger = first_firing(higher, replace(cues, has_protest=True, protest_in_report=True,
                                                demonstration_in_report=True))
        if stronger is not None and not _is_unrealised_act(stronger[1], codebook) and (
            _governs(stronger[1], fired[1])
        ):
            return stronger
    return fired


# a demonstration named only as the time of another act: "amid the blockade", "during the
# hartal", "on the first day of the strike", "as part of the bandh", "in connection with a
# general strike"
FRAME_PREPOSITIONS = frozenset({"amid", "amidst", "during"})
# "the 11th day of the blockade", not "three days of protests" (the protests themselves)
FRAME_NOUNS = frozenset({"day", "part", "eve", "connection"})
FRAMED_ACT_TYPES = frozenset({"Battles", "Riots", "Explosions/Remote violence",
                              "Violence against civilians"})


def _is_frame(trigger: Token) -> bool:
    """The trigger is the time or setting of the sentence's act, not its act."""
    if trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in FRAME_PREPOSITIONS:
        return True
    return prep.lower_ in ("of", "with") and prep.head.lower_ in FRAME_NOUNS


def _governs(act: Token, gathering: Token) -> bool:
    """The act's clause takes in the gathering ("used tear gas to disperse MPs who had
    gathered"), not an act told beside it ("boycotted work after colleagues were killed by
    police")."""
    clause = act if act.pos_ in ("VERB", "AUX") else act.head
    return clause.is_ancestor(gathering)


def _first_firing(
    sentence: Span,
    lower: str,
    rules: Sequence[Rule],
    cues: SentenceCues,
    actors: list[Actor],
    context: ReportContext,
    codebook: Codebook,
    *,
    words: list[tuple[Token, frozenset[str]]],
    masked: frozenset[int],
    report: ReportCues,
    is_non_event: bool,
    in_court: bool,
    for_gain: bool,
) -> tuple[Rule, Token, Actor | None, Actor | None] | None:
    """The first of the rules with a trigger in the sentence whose conditions hold (see
    ``fire_rule``)."""
    unrealised = None  # the first rule that fired on an act that did not happen
    for rule in rules:
        for trigger in _triggers(sentence, lower, rule, words=words, masked=masked):
            if (is_non_event or in_court and trigger.pos_ in ("NOUN", "PROPN")) and (
                rule.event_type in NON_EVENT_TYPES
            ):
                continue  # an accident, a match; "faces 22 counts of rape": a court case
            if _is_protested_over(trigger, codebook):
                # "protest over the arrest of a cleric", "demonstrated after police shot a
                # man": the cause, not the police at the demonstration, nor an attack of its own
                continue
            if trigger.lemma_.lower() == "engage" and not _engages_in_fighting(trigger, actors):
                continue  # "engage with the government", "engaging all stakeholders"
            actor1, actor2 = assign_roles(trigger, actors, context.places)
            actor2 = as_victim(actor2, trigger, by=actor1,
                               protest_in_report=cues.protest_in_report)
            if for_gain and rule.event_type == VAC_TYPE and (
                actor1 is None or actor1.name.startswith(UNIDENTIFIED_PREFIX)
            ):
                continue  # "shot dead during a robbery" by no one named: a crime
            if report.names_crime_for_gain and rule.event_type in (VAC_TYPE, "Battles") and not any(
                _is_political_side(a) for a in (actor1, actor2, *actors)
            ):
                continue  # a heist's guards and gang firing on each other: a crime
            if _conditions_hold(rule, trigger, actor1, actor2, actors, cues, context):
                if unrealised is None and not _is_unrealised_act(trigger, codebook):
                    return rule, trigger, actor1, actor2
                if unrealised is None:
                    unrealised = (rule, trigger, actor1, actor2)
                elif (
                    _depth(trigger) < _depth(unrealised[1]) or _is_absent(unrealised[1])
                ) and not _is_unrealised_act(trigger, codebook):
                    # "staged protests, blaming the police for failing to stop smuggling":
                    # the sentence's main act happened; what it embeds did not; "protests
                    # in Mombasa. No reports of clashes": what was missing takes nothing
                    # from what happened
                    return rule, trigger, actor1, actor2
    return unrealised


FIGHT_NOUNS = frozenset({"fight", "fighting", "combat", "battle", "firefight", "gunfight",
                         "clash", "exchange", "skirmish", "confrontation", "scuffle", "brawl",
                         "shootout", "shoot-out", "violence", "war", "hostility"})


# whom one engages in talks, though the words name a state ("engage with the government
# of Zimbabwe to address the crisis"), not in a fight
ENGAGED_PARTNERS = frozenset({"stakeholder", "partner", "public", "community", "government",
                              "leader", "donor", "investor", "official", "authority", "citizen",
                              "parent", "union", "employer", "diplomat", "minister"})


def _engages_in_fighting(trigger: Token, actors: list[Actor]) -> bool:
    """"Engage" names fighting when it takes no object ("the two sides engaged"), or its
    object, or what it engages with or in, is an armed actor, each other or a fight
    ("engaged the militants", "engaged in a gun battle"); not "engage with the government
    to address the crisis" or "engaging all stakeholders"."""
    armed = [a for a in actors if a.inter in ARMED_INTERS]
    objects = [c for c in trigger.children if c.dep_ == "dobj"] + [
        o for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("with", "in")
        for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if not objects:
        return True
    if any(o.lemma_.lower() in FIGHT_NOUNS or o.lower_ in ("other", "another") for o in objects):
        return True
    if any(o.lemma_.lower() in ENGAGED_PARTNERS for o in objects):
        return False  # "engaging all stakeholders in local government": talks
    return any(any(a.start <= t.idx < a.end for a in armed for t in o.subtree) for o in objects)


def _depth(token: Token) -> int:
    """How deep the token sits in its sentence's parse (the root is 0)."""
    return sum(1 for _ in token.ancestors)


# what a demonstration answers (fatality_causes.CAUSE_MARKERS); not "since", whose object
# may date the protest itself ("protests since Monday")
PROTESTED_OVER_PREPS = CAUSE_MARKERS - {"since"}
# verbs whose object is what a demonstration is about: "protest the arrest of a host" (not
# "demand": an arrest demanded is an act that did not happen, see event_modality)
PROTESTED_OBJECT_VERBS = CAUSE_VERBS - {"demand"}
# "the arrest" <- over <- protest; "[members] who had rioted" <- of <- arrest <- against
PROTESTED_OVER_STEPS = 5
# what a protest is for, or what a grievance is of, when a protest word governs them
GRIEVANCE_PREPS = frozenset({"for", "of"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# verbs whose object is the demonstration itself ("organised a protest rally", "held a
# sit-in"): what they are hung on is no grievance of it
STAGING_LEMMAS = frozenset({"organise", "organize", "hold", "stage", "call", "mount"})
PROTEST_GOVERNOR_STEPS = 4  # the protest word over the preposition, through a place


def _is_protested_over(trigger: Token, codebook: Codebook) -> bool:
    """The trigger names what a demonstration is about ("protested over the arrest of a
    cleric", "a march against police killings", "clerics protest the arrest of a radio
    host", "staged a sit-in against the arrest of members who had rioted", "demonstrated
    after police shot a hawker", "protested against the government for arresting its
    leaders", "demanding the release of villagers arrested in a clash"), not something
    done at it."""
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" and (
        trigger.head.lemma_.lower() in PROTESTED_OBJECT_VERBS
    ):
        return True
    node = trigger
    in_modifier = False  # the trigger only modifies a noun ("police fire tear gas canisters")
    for _ in range(PROTESTED_OVER_STEPS):
        if node is not trigger and node.dep_ == "dobj" and (
            node.head.lemma_.lower() in PROTESTED_OBJECT_VERBS
        ):
            return True  # "protested the failure of police to arrest any suspects"
        # "protested against the government for arresting their leaders", "in protest of
        # the police arresting their relatives", "demanding the release of prisoners who
        # had rioted", "victims of the clashes held a demonstration"; not a run-on "march
        # through the streets of Nakuru Riot police fire tear gas"
        is_grievance_prep = node.head.lower_ in GRIEVANCE_PREPS and not in_modifier
        if node.dep_ in ("pobj", "pcomp") and (
            node.head.lower_ in PROTESTED_OVER_PREPS or is_grievance_prep
            or node.head.lower_ == "to" and node.head.head.lemma_.lower() in CAUSE_NOUNS
        ):  # "in response to police killing a dealer, citizens protested"
            # the protest word governs the preposition, maybe through the place the parser
            # hung it on ("protested in Nairobi, Kenya against the attacks")
            governors = list(node.head.ancestors)[:PROTEST_GOVERNOR_STEPS]
            # ... or its subject or object ("staged a protest ... against the arrest"), or
            # the verb it begins ("began protesting against ...")
            governors += [c for g in governors for c in g.children
                          if c.dep_ in ("nsubj", "dobj", "xcomp")]
            # "the demonstration was against the mounting of a roadblock"
            if any(codebook.is_protest_word(verb) for verb in governors):
                return True
            if not is_grievance_prep:
                return False  # a cause no protest word governs ("over" a fight, etc.)
        if is_cause_clause(node, PROTESTED_OVER_PREPS) and not any(
            t.lemma_.lower() in CROWD_WORDS for t in node.subtree
        ):
            # "people demonstrated after police fatally shot a hawker": what the protest
            # answers (not "clashed with police after police shot a protester", the
            # demonstration's own); the protest may be the subject ("protests broke out
            # after four fishermen were arrested")
            governors = list(node.ancestors)[:PROTEST_GOVERNOR_STEPS]
            # "began protesting after ...", "lawyers staged a protest after police arrested
            # their colleagues" (the protest staged, not one the forces broke up)
            governors += [c for g in governors for c in g.children
                          if c.dep_ in ("nsubj", "xcomp") or c.dep_ == "dobj"
                          and g.lemma_.lower() in STAGING_LEMMAS]
            return any(codebook.is_protest_word(verb) for verb in governors)
        if node.dep_ in ("dobj", "xcomp") and node.head.lemma_.lower() in STOPPED_LEMMAS and any(
            codebook.is_protest_word(g) or g.lemma_.lower() in CAUSE_VERBS
            for g in list(node.head.ancestors)[:PROTEST_GOVERNOR_STEPS]
        ):
            # "formed a human chain demanding to stop the killing of students", "protest
            # ... to discontinue its attacks": the act they want stopped is their cause
            return True
        if node.head.i == node.i or node.dep_ == "dobj" and (
            node.head.lemma_.lower() in STAGING_LEMMAS
        ):
            # "opposed the idea of dividing the district and organised a protest rally",
            # the rally misparsed under "of": the rally staged is the event
            return False
        in_modifier = in_modifier or node.dep_ in MODIFIER_DEPS
        node = node.head
    return False


# what a demonstration wants stopped ("demanding to stop the killing of students")
STOPPED_LEMMAS = frozenset({"stop", "end", "halt", "discontinue", "cease"})
# the crowd of a demonstration: a clause that acts on it is the demonstration's own
CROWD_WORDS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter"})
