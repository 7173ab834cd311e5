"""Events: a parsed report with its dates, places and actors -> EventMentions.

Needs: the parse, Timexes, Places, Actors, the reference (reporting) date, the codebook and
the actor dictionary. Adds: one EventMention per sentence that reports an event, typed by
the first codebook rule that fires, with who did what to whom from the dependency parse,
where and when, fatalities by ACLED's rules, "X said" claims with their status, and flags
for background (historical), negated, future and hypothetical events.

Claims made in sentences without an event trigger ("SOHR said two prisoners were freed")
attach to the event the report is currently describing, and so does a toll that names no
killer and no place of its own ("three villagers and two gunmen were killed").
Coding one sentence (its rule, sides, date, flags, toll) is ``event_sentence``; whether a
rule's conditions hold is ``event_conditions``; which rule fires on a sentence is
``event_firing``; which words may trigger is ``event_triggers``; the flags are
``event_modality``; the police a riot met, named anywhere in the report, are
``riot_police``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitrep.actors import (
    ActorDictionary,
    is_same_actor,
)
from sitrep.claims import (
    first_speaker,
    is_forward_looking,
    sentence_claims,
    with_fatality_claim,
)
from sitrep.codebook import ARMED_INTERS, CROWD_INTERS, Codebook, Rule, find_phrase, is_phrase
from sitrep.event_conditions import (
    _names_crowd_disorder,
    report_cues,
)
from sitrep.event_crowds import _is_agentless_passive
from sitrep.event_firing import CROWD_WORDS, PEACEFUL_SUB_TYPE, VAC_TYPE
from sitrep.event_modality import (
    _has_background_cue,
)
from sitrep.event_place import refined_location
from sitrep.event_sentence import BATTLES_TYPE, DEMONSTRATION_TYPES, RIOTS_TYPE, code_sentence
from sitrep.event_time import date_claims
from sitrep.event_triggers import (
    EVENT_HEAD_NOUNS,
)
from sitrep.fatalities import (
    count_fatalities,
)
from sitrep.records import Actor, Claim, Document, EventMention, Place, Timex
from sitrep.responsibility import claimed_by, responsibility_claimant
from sitrep.riot_police import TWO_SIDED_WORDS, with_police_at_riots

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class ReportContext:
    """What the events stage reads about one report; built once per document."""

    document: Document
    parsed: Doc
    timexes: tuple[Timex, ...]
    places: tuple[Place, ...]
    actors: tuple[Actor, ...]
    reference: dt.date | None


def extract_event_mentions(
    context: ReportContext, *, codebook: Codebook, dictionary: ActorDictionary
) -> tuple[EventMention, ...]:
    """Code every sentence that reports an event.

    A definite reference to the event being described ("the raid took place on Sunday")
    elaborates that event rather than coding a new one; a sentence with no trigger but a
    claim or a date ("SOHR said ...", "the Coalition can confirm an operation on Jan. 8")
    adds its claims and date to it.
    """
    mentions: list[EventMention] = []
    current: int | None = None  # index of the news event the report is describing
    # deaths a sentence before any event reports with no one named as doing it ("A man was
    # killed in Sopore."), for the attack a later sentence describes ("LeI is behind the
    # attack."): (count, claims, sentence span)
    toll_first: tuple[int, tuple[Claim, ...], tuple[int, int]] | None = None
    # a group a sentence before any event says did the attack the next describes ("The TTP
    # has claimed responsibility for the killing of an MPA. He was shot at long range.")
    claimant_first: Actor | None = None
    # the deaths a demonstration is about, by the index of its mention ("protested the
    # death of their colleague"): a later toll of as many is that death told again
    grievance_deaths: dict[int, int] = {}
    rules = {rule.name: rule for rule in codebook.rules}
    report = report_cues(context, codebook)
    for sentence in context.parsed.sents:
        if report.is_sports_report and not _names_crowd_disorder(sentence, codebook):
            continue  # "fired his parting shot", "rallied to beat Phoenix": play, not events
        background = _has_background_cue(sentence, context, codebook)  # read once a sentence
        forced = None
        if current is not None and not background:
            claimant = responsibility_claimant(sentence, context.actors)
            if claimant is not None:  # "Al Shabaab claimed responsibility for the attack."
                mentions[current] = claimed_by(mentions[current], claimant)
            anaphor = _find_anaphor(sentence, codebook, context.actors)
            if anaphor is not None:
                antecedent = _antecedent(anaphor, mentions, codebook) or next(
                    m for m in mentions if not m.is_background
                )
                forced = (rules[_base_rule(antecedent)], anaphor)
        in_focus = mentions[current] if current is not None else None
        if forced is not None and in_focus is not None and (
            in_focus.event_type in DEMONSTRATION_TYPES
        ):
            # "In the demonstration, they destroyed property": a riot, not just a reference
            own = code_sentence(sentence, context, codebook=codebook, dictionary=dictionary,
                                 report=report, crowd_in_focus=True)
            if own is not None and not own[0].is_background and current is not None and (
                _escalates(own[0], of=in_focus, codebook=codebook)
            ):
                mentions[current] = _escalated(in_focus, by=own[0])
                continue
        coded = code_sentence(
            sentence, context, codebook=codebook, dictionary=dictionary, forced=forced,
            report=report, crowd_in_focus=in_focus is not None and in_focus.event_type in DEMONSTRATION_TYPES,
        )
        if coded is not None:
            mention, trigger = coded
            if current is not None and forced is None and _is_grievance_told_again(
                sentence, mention.fatalities, grievance_deaths.get(current)
            ):
                continue  # "... Their colleague collapsed and died after being arrested."
            if (
                current is not None and forced is None and not mention.is_background
                and _is_intervention_toll(mention, sentence, of=mentions[current], rules=rules,
                                         context=context)
            ):
                # "Police intervened, killing one boy": deaths the forces caused in the
                # demonstration are its own, not an attack of their own (ACLED)
                mentions[current] = _with_intervention_toll(
                    mentions[current], mention, rules=rules, codebook=codebook)
                continue
            if (
                current is not None and forced is None and not mention.is_background
                and _escalates(mention, of=mentions[current], codebook=codebook)
            ):
                mentions[current] = _escalated(mentions[current], by=mention)
                continue
            if (
                current is not None and forced is None and not mention.is_background
                and mention.rule in rules and rules[mention.rule].conditions.get("crowd_subject")
                and mentions[current].event_type in DEMONSTRATION_TYPES
            ):
                # "The demonstrators accused the chief of bias": the crowd of the
                # demonstration being described, not another one
                target = mentions[current]
                mentions[current] = replace(
                    target, claims=target.claims + mention.claims,
                    evidence=target.evidence + mention.evidence)
                continue
            if (
                current is not None and forced is None and not mention.is_background
                and mention.rule in INTERVENTION_RULES
                and mentions[current].event_type in DEMONSTRATION_TYPES
            ):
                # police who intervene in a riot: the riot's actor2, not another event
                mentions[current] = _escalated(
                    mentions[current],
                    by=replace(mentions[current], actor1=mention.actor1, inter1=mention.inter1,
                               actor2=mention.actor2, inter2=mention.inter2,
                               fatalities=mention.fatalities, claims=mention.claims,
                               evidence=mention.evidence))
                continue
            if (
                current is not None and forced is None and not mention.is_background
                and mention.rule == ARREST_RULE
                and mentions[current].event_type in DEMONSTRATION_TYPES
            ):
                # arrests at a demonstration are the police intervening in it (ACLED)
                mentions[current] = _arrests_at(mentions[current], mention, rules)
                continue
            if (
                current is not None and forced is None and not mention.is_background
                and (_is_casualty_report(mention, trigger, codebook, context)
                     or _is_same_fight_toll(mention, sentence, of=mentions[current],
                                            context=context))
            ):
                # "One person was killed.": the toll of the event being described
                target = mentions[current]
                mentions[current] = replace(
                    target,
                    fatalities=max(target.fatalities, mention.fatalities),
                    claims=target.claims + mention.claims,
                    evidence=target.evidence + mention.evidence,
                )
                continue
            if forced is not None and not mention.is_background:
                mention = _as_elaboration(mention, of=next(
                    m for m in reversed(mentions) if _base_rule(m) == forced[0].name
                ))
            if toll_first is not None and not mention.is_background:
                mention = _with_earlier_toll(mention, toll_first)
                toll_first = None
            if claimant_first is not None and not mention.is_background:
                mention = claimed_by(mention, claimant_first)
                claimant_first = None
            if not mention.is_background:
                claimant = responsibility_claimant(sentence, context.actors,
                                                   in_attack_sentence=True)
                if claimant is not None:  # "A bomb blamed on Al Shabaab hit a bus."
                    mention = claimed_by(mention, claimant)
            mentions.append(mention)
            if not mention.is_background:
                current = len(mentions) - 1
                if mention.event_type in DEMONSTRATION_TYPES and not mention.fatalities:
                    grievance_deaths[current] = count_fatalities(
                        sentence, codebook, with_sparks=True)[0]
            continue
        if current is None and not background:
            toll_first = _unattributed_toll(sentence, codebook) or toll_first
            claimant_first = responsibility_claimant(sentence, context.actors) or claimant_first
        if current is None or background:
            continue
        claims = tuple(
            c for c in sentence_claims(sentence, codebook, trigger=None)
            if not is_forward_looking(c.text, codebook)
        )
        claims += date_claims(sentence, context, speaker=first_speaker(claims))
        fatalities, fatality_text, is_estimate = count_fatalities(sentence, codebook)
        if _is_grievance_told_again(sentence, fatalities, grievance_deaths.get(current)):
            fatalities = 0
        claims = with_fatality_claim(claims, fatalities, fatality_text, is_estimate, sentence)
        target = mentions[current]
        refined = refined_location(sentence, context, target.location)
        if claims or refined is not None:
            mentions[current] = replace(
                target,
                claims=target.claims + claims,
                location=refined or target.location,
                evidence=target.evidence + ((sentence.start_char, sentence.end_char),),
            )
    return tuple(with_police_at_riots(mentions, context))


def _is_grievance_told_again(sentence: Span, fatalities: int, grievance: int | None) -> bool:
    """"Students protested the death of their colleague. ... A student was found dead along
    the road": the death the demonstration is about, told again (as many dead), is not its
    toll; demonstrators killed are ("A protester was shot dead")."""
    return bool(fatalities) and fatalities == grievance and not any(
        t.lemma_.lower() in CROWD_WORDS for t in sentence)


def _unattributed_toll(
    sentence: Span, codebook: Codebook
) -> tuple[int, tuple[Claim, ...], tuple[int, int]] | None:
    """The deaths a sentence that codes no event reports, with their claim ("On Tuesday a
    man was killed in Sopore": nobody named, or no one the dictionary knows, did it).
    Deaths given as a cause ("after a driver was killed") are not counted."""
    fatalities, fatality_text, is_estimate = count_fatalities(sentence, codebook, skip_causes=True)
    if not fatalities:
        return None
    claims = tuple(c for c in sentence_claims(sentence, codebook, trigger=None)
                   if not is_forward_looking(c.text, codebook))
    claims = with_fatality_claim(claims, fatalities, fatality_text, is_estimate, sentence)
    return fatalities, tuple(c for c in claims if c.kind.startswith("fatalities")), (
        sentence.start_char, sentence.end_char)


# the events that take such deaths: a death told before a demonstration or a development
# is what it is about ("A boy was killed by a stray bullet. Residents rioted."), not its toll
TOLL_TAKING_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# the same types are the fighting a later toll can belong to (_is_same_fight_toll)
FIGHTING_TYPES = TOLL_TAKING_TYPES


def _with_earlier_toll(
    mention: EventMention, toll: tuple[int, tuple[Claim, ...], tuple[int, int]]
) -> EventMention:
    """The report's first event takes the deaths an earlier sentence gave without naming
    who caused them ("One person was hacked to death in Bora Moyo. The violence began when
    a militia attacked the village."): ACLED codes the report's toll on its event."""
    count, claims, span = toll
    if mention.event_type not in TOLL_TAKING_TYPES or mention.fatalities >= count:
        return mention
    return replace(mention, fatalities=count, claims=mention.claims + claims,
                   evidence=mention.evidence + (span,))


ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
ARMED_CLASH_SUB_TYPE = "Armed clash"
# the rules of a battle that changes who holds a place (ACLED: above an armed clash)
TERRITORY_RULES = frozenset({"battles.nonstate-overtakes", "battles.government-regains"})


ARREST_RULE = "strategic.arrests"
INTERVENTION_RULE = "protests.intervention"


def _arrests_at(demonstration: EventMention, arrests: EventMention,
                rules: dict[str, Rule]) -> EventMention:
    """A demonstration with arrests: a peaceful protest becomes a protest with intervention;
    a more severe demonstration keeps its type. The arrest sentence becomes evidence."""
    merged = replace(demonstration, claims=demonstration.claims + arrests.claims,
                     evidence=demonstration.evidence + arrests.evidence)
    rule = rules.get(INTERVENTION_RULE)
    if demonstration.sub_event_type != PEACEFUL_SUB_TYPE or rule is None:
        return merged
    return replace(merged, event_type=rule.event_type, sub_event_type=rule.sub_event_type,
                   rule=rule.name, actor2=merged.actor2 or arrests.actor1,
                   inter2=merged.inter2 if merged.actor2 else arrests.inter1)


INTERVENTION_RULES = (INTERVENTION_RULE, "protests.intervention-by-forces", "protests.forces-sent",
                      "protests.jostled-with-forces")
EXCESSIVE_FORCE_RULE = "protests.excessive-force"
STATE_FORCES_INTER = 1


def _is_intervention_toll(mention: EventMention, sentence: Span, *, of: EventMention,
                          rules: dict[str, Rule], context: ReportContext) -> bool:
    """State forces who harm people while intervening in the demonstration being described
    ("Police intervened, killing one young boy"): a word of the codebook's intervention
    rules is in the sentence, or deaths in a sentence with no place of its own ("Five
    persons were shot dead by the police"), and no armed actor is the target."""
    if of.event_type not in DEMONSTRATION_TYPES:
        return False
    if mention.rule in (*INTERVENTION_RULES, EXCESSIVE_FORCE_RULE):
        # "Police intervened, shooting dead one trader"; "2 protesters were killed by police"
        return mention.fatalities > 0
    if mention.event_type != VAC_TYPE:
        return False
    if mention.inter1 != STATE_FORCES_INTER or mention.inter2 not in (None, *CROWD_INTERS):
        return False
    if mention.fatalities > 0 and not _names_place(sentence, context):
        return True  # "Rioters clashed with police. Five persons were shot dead by the police."
    words = {w for name in INTERVENTION_RULES if name in rules for w in rules[name].words}
    lower = sentence.text.lower()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence) or any(
        is_phrase(w) and find_phrase(lower, w) >= 0 for w in words)


def _with_intervention_toll(demonstration: EventMention, harm: EventMention, *,
                            rules: dict[str, Rule], codebook: Codebook) -> EventMention:
    """A riot keeps its type and takes the toll; a protest becomes excessive force against
    protesters. The forces become actor2 of a demonstration that had none."""
    if demonstration.event_type == "Protests" and EXCESSIVE_FORCE_RULE in rules:
        rule = rules[EXCESSIVE_FORCE_RULE]
        harm = replace(harm, event_type=rule.event_type, sub_event_type=rule.sub_event_type,
                       disorder_type=codebook.disorder_type(rule.event_type), rule=rule.name)
        own = rules.get(_base_rule(demonstration))
        spec = own.actors if own is not None else {}
        if demonstration.inter1 in spec.get("lead_from", ()) and "lead_default" in spec:
            # the residents who protested are the protesters, whom the force was used on
            name, inter = spec["lead_default"]
            demonstration = replace(demonstration, actor1=str(name), inter1=int(inter))
        return _escalated(demonstration, by=harm)
    has_own2 = demonstration.actor2 is not None
    return replace(
        demonstration,
        actor2=demonstration.actor2 if has_own2 else harm.actor1,
        inter2=demonstration.inter2 if has_own2 else harm.inter1,
        fatalities=max(demonstration.fatalities, harm.fatalities),
        claims=demonstration.claims + harm.claims,
        evidence=demonstration.evidence + harm.evidence,
    )


def _is_casualty_report(mention: EventMention, trigger: Token, codebook: Codebook,
                        context: ReportContext) -> bool:
    """A sentence that only gives the toll ("One person was killed", "two died"): the
    trigger a word of death or injury, or a deed done by no one named in a sentence that
    gives deaths and no place of its own ("One man was killed and two houses set
    ablaze"), and no one named as doing it.

    Victims the parse took for a side ("three villagers and two gunmen were killed") do not
    make the toll an event of its own when nobody is named as the killer (no "by ...")
    and the sentence names no place of its own.
    """
    lemma = trigger.lemma_.lower()
    # "One man was killed and two houses set ablaze": the toll, with what else was done;
    # also when the deed has no agent of its own ("Five people were killed, several houses
    # set alight"; "One was killed ... during a gunbattle")
    tells_deaths_without_agent = mention.fatalities > 0 and not _names_place(
        trigger.sent, context) and (
        _is_agentless_passive(_clause_verb(trigger if trigger.pos_ == "VERB" else trigger.head))
        or (mention.actor1 is None and any(
            t.lemma_.lower() in codebook.fatality_lemmas and _is_agentless_passive(
                _clause_verb(t)) for t in trigger.sent)))
    if lemma not in codebook.fatality_lemmas and lemma not in ("injure", "wound") and not (
        tells_deaths_without_agent
    ):
        return False
    if mention.actor1 is None:
        return True
    return _is_agentless_passive(_clause_verb(trigger)) and not _names_place(
        trigger.sent, context)


def _is_same_fight_toll(mention: EventMention, sentence: Span, *, of: EventMention,
                        context: ReportContext) -> bool:
    """Deaths a later sentence gives for the fighting being described, naming an armed side
    it already has ("Troops engaged BLA militants in Pirkoh. 13 militants were killed by
    paramilitary troops."; "Four government soldiers died"): its toll, not another
    event, when the sentence names no place or date of its own and no "separate" or
    "another" act ("another raid"; "another soldier died" adds to the toll)."""
    if mention.fatalities <= 0 or mention.event_type not in FIGHTING_TYPES or (
        of.event_type not in FIGHTING_TYPES
    ):
        return False
    armed = [name for name, inter in ((mention.actor1, mention.inter1),
                                       (mention.actor2, mention.inter2))
             if name is not None and inter in ARMED_INTERS]
    if not any(is_same_actor(name, other) for name in armed for other in (of.actor1, of.actor2)):
        return False
    if any(t.lower_ == "separate" or (t.lower_ == "another" and t.head.lemma_.lower() in
                                      EVENT_HEAD_NOUNS) for t in sentence):
        return False  # "in a separate attack", "in another raid"; not "another soldier died"
    own_date = any(sentence.start_char <= t.start < sentence.end_char and t.type == "DATE"
                   for t in context.timexes)
    return not own_date and not _names_place(sentence, context)


def _clause_verb(trigger: Token) -> Token:
    """The first verb of a coordination ("were killed and three wounded" -> killed)."""
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        trigger = trigger.head
    return trigger


def _names_place(sentence: Span, context: ReportContext) -> bool:
    """A place below the country ("Burmese soldiers" names none of its own)."""
    return any(sentence.start_char <= p.start < sentence.end_char and p.feature != "country"
               for p in context.places)


def _escalates(mention: EventMention, *, of: EventMention, codebook: Codebook) -> bool:
    """A demonstration the report goes on to describe in a more severe form, or a fight
    that the report goes on to say took a place.

    ACLED codes one demonstration once, by the form highest in its precedence: protesters
    who later "clashed with police" make a riot, police who "fired tear gas" at them a
    protest with intervention. Another demonstration type in the same report is taken to
    be the same demonstration escalating. A battle in which a side takes territory is
    coded as the taking ("Taliban militants attacked a check point. The Taliban overtook
    the check point.").
    """
    if of.event_type == BATTLES_TYPE and _base_rule(mention) in TERRITORY_RULES:
        return of.sub_event_type == ARMED_CLASH_SUB_TYPE and mention.actor1 in (None, of.actor1)
    if of.event_type not in DEMONSTRATION_TYPES or mention.event_type not in (
        DEMONSTRATION_TYPES
    ):
        return False
    if of.event_type == RIOTS_TYPE and mention.event_type != RIOTS_TYPE:
        return False  # police who arrest or fire on rioters: still a riot (ACLED)
    rank = {rule.name: i for i, rule in enumerate(codebook.rules)}
    return rank.get(_base_rule(mention), 99) < rank.get(_base_rule(of), 99)


def _escalated(mention: EventMention, *, by: EventMention) -> EventMention:
    """``mention`` recoded with the more severe type of ``by``, keeping both sentences.

    The demonstrators stay actor1; whoever ``by`` names apart from a crowd (the police who
    intervened) becomes actor2 when the demonstration had none, unless it is a riot between
    two crowds ("two factions clashed ... Police intervened": ACLED codes the rioters on
    both sides). A peaceful protest has no actor2 (whomever the parse found next to its
    trigger is not one).
    """
    if mention.sub_event_type == PEACEFUL_SUB_TYPE:
        mention = replace(mention, actor2=None, inter2=None)
    sides = [(by.actor1, by.inter1), (by.actor2, by.inter2)]
    other = next(
        ((n, i) for n, i in sides if n and i not in CROWD_INTERS and n != mention.actor1),
        (None, None),
    )
    if mention.event_type == RIOTS_TYPE and (mention.trigger or "").lower().startswith(
        TWO_SIDED_WORDS
    ):
        # two crowds clashed: the forces who broke it up are no side; the crowds are both
        other = ((mention.actor1, mention.inter1) if mention.inter1 in CROWD_INTERS
                 else (None, None))
    return replace(
        mention,
        event_type=by.event_type,
        sub_event_type=by.sub_event_type,
        disorder_type=by.disorder_type,
        rule=by.rule,
        trigger=by.trigger,
        actor2=mention.actor2 or other[0],
        inter2=mention.inter2 if mention.actor2 else other[1],
        fatalities=max(mention.fatalities, by.fatalities),
        claims=mention.claims + by.claims,
        evidence=mention.evidence + by.evidence,
    )


def _base_rule(mention: EventMention) -> str:
    return (mention.rule or "").removeprefix("anaphora:")


def _antecedent(
    anaphor: Token, mentions: list[EventMention], codebook: Codebook
) -> EventMention | None:
    """The latest news mention the anaphor can name ("the abduction" -> the abduction)."""
    lemma = anaphor.lemma_.lower()
    fitting = {rule.name for rule in codebook.rules if lemma in rule.words}
    for mention in reversed(mentions):
        if mention.is_background:
            continue
        if lemma[:5] in (mention.trigger or "").lower() or _base_rule(mention) in fitting:
            return mention
    return None


def _find_anaphor(sentence: Span, codebook: Codebook, actors: Sequence[Actor]) -> Token | None:
    """A definite event noun ("the raid", "the operation") that refers back to a known event;
    not people a rule's words also name ("the demonstrators", "the rioters": actors)."""
    for token in sentence:
        if token.tag_ not in ("NN", "NNS"):
            continue
        if any(a.start <= token.idx < a.end for a in actors):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children):
            continue
        lemma = token.lemma_.lower()
        if lemma in EVENT_HEAD_NOUNS or any(lemma in rule.words for rule in codebook.rules):
            return token
    return None


def _as_elaboration(mention: EventMention, *, of: EventMention) -> EventMention:
    """Recode a mention as more detail about ``of``: its type; its own actors, date, place."""
    has_own1 = mention.actor1 is not None
    has_own2 = mention.actor2 is not None
    return replace(
        mention,
        event_type=of.event_type,
        sub_event_type=of.sub_event_type,
        disorder_type=of.disorder_type,
        actor1=mention.actor1 if has_own1 else of.actor1,
        inter1=mention.inter1 if has_own1 else of.inter1,
        actor2=mention.actor2 if has_own2 else of.actor2,
        inter2=mention.inter2 if has_own2 else of.inter2,
        rule="anaphora:" + (of.rule or "").removeprefix("anaphora:"),
    )


# --- one sentence -----------------------------------------------------------------------
