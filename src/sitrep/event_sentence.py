"""Code one sentence: the codebook rule that fires on it (``event_firing``), the two
sides in ACLED's terms (a crowd that lynched someone against civilians, crowds that
clashed against each other, an armed group split in two against itself, whom a blast
harmed), when and where, whether it is news (``event_modality``), its toll and the
claims behind them: one ``EventMention``.

``events`` calls ``code_sentence`` on each sentence of a report and relates the mentions
to one another (a toll told later, an intervention, an escalation).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from sitrep.actor_codes import (
    CIVILIANS_NAME,
    INTER_CIVILIANS,
    INTER_RIOTERS,
    RIOTERS_NAME,
)
from sitrep.actor_kinds import as_land_dispute_side
from sitrep.actor_order import (
    RECIPROCAL_RE,
    _is_mutual,
    _is_state,
    abroad_first,
    is_fought_with,
)
from sitrep.actor_parties import PARTY_OF
from sitrep.actors import ActorDictionary
from sitrep.claims import attribution_spans, first_speaker, sentence_claims, with_fatality_claim
from sitrep.codebook import ARMED_INTERS, CROWD_INTERS, Codebook, Rule
from sitrep.event_conditions import ReportCues, sentences_around
from sitrep.event_crowds import CLASH_LEMMAS
from sitrep.event_firing import fire_rule
from sitrep.event_modality import _flags
from sitrep.event_place import event_place, location_of, report_country
from sitrep.event_time import date_event
from sitrep.event_victims import blast_victims, harms_people
from sitrep.fatalities import count_fatalities
from sitrep.records import Actor, Claim, EventMention
from sitrep.roles import assign_roles, associated_actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
RIOTS_TYPE = "Riots"
BATTLES_TYPE = "Battles"


def code_sentence(
    sentence: Span,
    context: ReportContext,
    *,
    codebook: Codebook,
    dictionary: ActorDictionary,
    report: ReportCues,
    forced: tuple[Rule, Token] | None = None,
    crowd_in_focus: bool = False,
    passed_over: frozenset[int] = frozenset(),
) -> tuple[EventMention, Token] | None:
    """Code one sentence by the first rule that fires (or by ``forced``: rule and trigger).

    ``report``: what the rules read once per report; ``crowd_in_focus``: the report is
    describing a demonstration, so "they" are its crowd. A trigger whose act is history
    ("families who lost members last year in a clash") gives way to a later one in the
    sentence that is news ("held protests demanding compensation for the families ...");
    ``passed_over``: the indices of the triggers given way so far.
    """
    lower = sentence.text.lower()
    sources = attribution_spans(sentence)
    actors = [
        a for a in context.actors
        if sentence.start_char <= a.start < sentence.end_char
        and not any(start <= a.start < end for start, end in sources)  # "police said"
    ]
    if forced is not None:
        rule, trigger = forced
        actor1, actor2 = assign_roles(trigger, actors, context.places, guess=False)
    else:
        fired = fire_rule(sentence, lower, actors, context, codebook,
                           report=report,
                           crowd_in_focus=crowd_in_focus, passed_over=passed_over)
        if fired is None:
            return None
        rule, trigger, actor1, actor2 = fired
    place, geo_precision = event_place(sentence, context, actors, trigger)
    country = (place.country if place else None) or report_country(context)
    if _is_mutual(trigger):
        # "troops of India and Pakistan exchanged fire": no initiator; the forces abroad lead
        actor1, actor2 = abroad_first(actor1, actor2, country, dictionary)
    actor1 = dictionary.as_named_insurgents(actor1, country)
    actor2 = dictionary.as_named_insurgents(actor2, country)
    if rule.event_type not in DEMONSTRATION_TYPES:  # (a riot's anonymous doers are rioters)
        # the dispute told of this act (its paragraph), not of another in a long report
        around = sentences_around(sentence, before=PARAGRAPH_REACH, after=PARAGRAPH_REACH)
        actor1 = as_land_dispute_side(actor1, around)
        actor2 = as_land_dispute_side(actor2, around)
    # Names stay as the dictionary gives them ("Military Forces of {country}"); fuse names
    # them for the event's country once the whole event is known.
    name1, inter1 = (actor1.name, actor1.inter) if actor1 else (None, None)
    name2, inter2 = (actor2.name, actor2.inter) if actor2 else (None, None)
    if name1 is not None and name1 == name2 and not _is_two_sided(rule, trigger):
        name2, inter2 = None, None  # one actor named twice, except two crowds in a clash
    if (rule.actors and "unnamed_side" in rule.actors and name2 is None
            and actor1 is not None and is_fought_with(actor1, trigger)):
        # "an alleged terrorist was killed in a gunfight with police": the side fought
        # with is the second; the unnamed one (fuse names it) leads
        name1, inter1, name2, inter2 = None, None, name1, inter1
    lone_crowd = name2 is None or (name1 is None and inter2 == INTER_RIOTERS)
    if rule.event_type == RIOTS_TYPE and lone_crowd and not _is_two_sided(rule, trigger) and (
        harms_people(sentence, actors)
    ):
        # "a mob lynched a suspected thief": the crowd is actor1, its victims civilians; not
        # two crowds clashing
        if name2 is not None:
            name1, inter1 = name2, inter2
        name2, inter2 = CIVILIANS_NAME, INTER_CIVILIANS
    if rule.event_type == RIOTS_TYPE and name2 is None and (
        inter1 is None or inter1 in CROWD_INTERS
    ) and _crowds_clash(sentence) and not any(a.inter in ARMED_INTERS for a in actors):
        # "AIADMK and DMK cadres clashed and pelted stones at each other": a crowd that
        # clashes with no one else, armed or not, named clashed with another crowd
        # (ACLED: rioters against rioters)
        if inter1 is not None and inter1 != INTER_RIOTERS:
            name1, inter1 = RIOTERS_NAME, INTER_RIOTERS
        name2, inter2 = RIOTERS_NAME, INTER_RIOTERS
    if rule.event_type == BATTLES_TYPE and name2 is None and actor1 is not None and (
        actor1.inter in ARMED_INTERS and _split_into_factions(actor1, sentence)
    ):
        # "a clash between two factions of the Awami League", "two groups of Samburu
        # warriors clashed": one armed group fought itself (ACLED: the group on both
        # sides); two groups of villagers stay two communities (the rule's default)
        name2, inter2 = name1, inter1
    harmed_default = rule.actors.get("harmed_default") if rule.actors else None
    if harmed_default and name2 is None:
        # "Grenade blasts at a restaurant kill six": whom the blast harmed is its actor2;
        # forces it hit are no doer of it ("Two soldiers killed in IED blast")
        harmed, hit = blast_victims(sentence, actors)
        # "Two suspected Al Shabaab bombers died when explosives they carried went off"
        own_bomb = hit is not None and not _is_state(hit) and hit.name == name1
        if hit is not None and not own_bomb:
            if name1 == hit.name:
                name1, inter1 = None, None
            name2, inter2 = hit.name, hit.inter
        elif harmed and hit is None:
            name2, inter2 = harmed_default[0], int(harmed_default[1])
    assoc1 = associated_actor(actors, actor1, name1, inter1, name2=name2)
    when = date_event(
        sentence, trigger, context.timexes, codebook, reference=context.reference
    )
    timex, date, precision = when.timex, when.date, when.precision
    flags = _flags(sentence, trigger, timex, date, context.reference, codebook,
                   timexes=context.timexes)
    if forced is None and "historical" in flags:
        news = code_sentence(sentence, context, codebook=codebook, dictionary=dictionary,
                              report=report, crowd_in_focus=crowd_in_focus,
                              passed_over=passed_over | {trigger.i})
        if news is not None and not news[0].is_background:
            return news
    fatalities, fatality_text, is_estimate = count_fatalities(
        sentence, codebook, skip_causes=rule.event_type in DEMONSTRATION_TYPES,
        trigger=trigger if rule.event_type == RIOTS_TYPE else None,
    )
    claims = sentence_claims(sentence, codebook, trigger=trigger)
    claims = with_fatality_claim(claims, fatalities, fatality_text, is_estimate, sentence)
    if timex is not None and date is not None:
        speaker = first_speaker(claims)
        claims = claims + (
            Claim(text=timex.text, attributed_to=speaker, status="reported",
                  start=timex.start, end=timex.end, kind="date", value=date.isoformat()),
        )
    location = location_of(place, geo_precision) if place is not None else None
    digest = hashlib.sha256(
        f"{context.document.id}:{sentence.start_char}:{rule.name}".encode()
    ).hexdigest()[:16]
    mention = EventMention(
        id=digest,
        doc_id=context.document.id,
        event_type=rule.event_type,
        sub_event_type=rule.sub_event_type,
        disorder_type=codebook.disorder_type(rule.event_type),
        date=date,
        time_precision=precision,
        actor1=name1,
        assoc_actor_1=assoc1,
        inter1=inter1,
        actor2=name2,
        inter2=inter2,
        location=location,
        fatalities=fatalities,
        claims=claims,
        is_background=bool(flags),
        flags=flags,
        evidence=((sentence.start_char, sentence.end_char),),
        trigger=trigger.text,
        rule=rule.name,
        date_text=timex.text if timex is not None and date is not None else None,
    )
    return mention, trigger


PARAGRAPH_REACH = 2  # sentences either side that still tell of the same act


def _crowds_clash(sentence: Span) -> bool:
    """The sentence tells of a clash or fight, or of people acting on "each other"."""
    return any(t.lemma_.lower() in CLASH_LEMMAS for t in sentence) or bool(
        RECIPROCAL_RE.search(sentence.text.lower()))


# "two factions of", "rival groups of": one group split into sides
FACTIONS_RE = re.compile(
    r"\b(?:two|rival|different|opposing)\s+(?:factions|groups|wings|camps)" + PARTY_OF,
    re.IGNORECASE)


def _split_into_factions(actor: Actor, sentence: Span) -> bool:
    """The actor is named as one group split in two: "between two factions of the Awami
    League" (the party's people the mention spans), "two groups of Samburu warriors"."""
    text = sentence.doc.text
    before = text[max(sentence.start_char, actor.start - 45):actor.start]
    if FACTIONS_RE.search(before):
        return True
    head = re.match(r"(?:factions|groups|wings|camps)\s+of\s+", actor.text, re.IGNORECASE)
    return head is not None and FACTIONS_RE.search(
        text[max(sentence.start_char, actor.start - 30):actor.start + head.end()]) is not None


def _is_two_sided(rule: Rule, trigger: Token) -> bool:
    """A riot whose trigger has two sides ("clashes between NPP and NDC supporters"): ACLED
    codes rioters against rioters, so an actor2 named like actor1 is kept."""
    return rule.event_type == RIOTS_TYPE and trigger.lemma_.lower() in CLASH_LEMMAS
