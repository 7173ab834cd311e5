"""Fuse: EventMentions -> Events, one record per real-world event.

Needs: the EventMentions of a report (and the codebook, for precedence, and the actor
dictionary, for naming actors once the event's country is known). Adds: Events, each
linking the mentions it was fused from.

Rules, in the order they apply:

- News mentions of one report merge when their types, actors and places agree and their
  dates lie within ``MAX_DATE_DRIFT_DAYS`` (sources often disagree by a day or two);
  background mentions merge only when type, date and place are the same. Mentions of
  organised violence of different types merge when they are tactics of one fight: the
  same day and place, the same target or none named, the same side or one left unnamed.
- Type: the codebook rule highest in precedence among the mentions (an airstrike during a
  ground battle is a Battle); across the types of one fight, Battles, then
  Explosions/Remote violence, then Violence against civilians; an abduction in which
  people are killed is an attack. Actors: the most named actor on each side, a named
  group before a generic one. Location: the most precise one given.
- Date: an explicit calendar date ("Jan. 8") before one given as a weekday ("on Sunday",
  which depends on the reporting date), then a confirmed claim before a reported one, then
  the first given. Other dates stay in ``claims`` and the notes say the sources disagree.
  With no date at all, a news event takes the reporting date at precision 2, and says so.
- Fatalities: the lowest figure reported (ACLED), the disagreement noted; a party to the
  fighting's claim about its enemy's losses is set aside (``fatality_choice``, which
  ``explain`` also calls to say why).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sitrep.actor_codes import (
    INTER_IDENTITY,
    INTER_STATE,
    UNIDENTIFIED_ARMED_GROUP,
)
from sitrep.actors import (
    ActorDictionary,
    is_same_actor,
    without_country,
)
from sitrep.codebook import ARMED_INTERS, Codebook
from sitrep.fatality_choice import FATALITY_KINDS, choose_fatalities
from sitrep.fatality_sources import is_partisan_source
from sitrep.records import Claim, Event, EventMention, Location

MAX_DATE_DRIFT_DAYS = 7
ABDUCTION, ATTACK = "Abduction/forced disappearance", "Attack"
WEEKDAY_RE = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(yesterday|today|tonight)\b", re.IGNORECASE
)
FALLBACK_PRECISION = 2


def fuse_mentions(
    mentions: Sequence[EventMention],
    *,
    codebook: Codebook,
    dictionary: ActorDictionary,
    reference: dt.date | None,
) -> tuple[Event, ...]:
    """Group a report's mentions into events, main news event first."""
    fallback_country = next(
        (m.location.country for m in mentions
         if not m.is_background and m.location is not None and m.location.country),
        None,
    )
    clusters: list[list[EventMention]] = []
    defaults = _harmed_defaults(codebook)
    no_target = _no_target_rules(codebook)
    for mention in mentions:
        for cluster in clusters:
            if _belongs(mention, cluster, defaults, no_target):
                cluster.append(mention)
                break
        else:
            clusters.append([mention])
    events = [
        _build_event(cluster, codebook=codebook, dictionary=dictionary, reference=reference,
                     fallback_country=fallback_country)
        for cluster in clusters
    ]
    return tuple(sorted(events, key=_importance))


def name_mention_actors(
    mentions: Sequence[EventMention],
    events: Sequence[Event],
    *,
    dictionary: ActorDictionary,
) -> tuple[EventMention, ...]:
    """Mentions with actors named for the country of the event each was fused into."""
    country_of = {
        mention_id: event.location.country if event.location else None
        for event in events for mention_id in event.mention_ids
    }
    named = []
    for mention in mentions:
        country = country_of.get(mention.id)
        changes: dict[str, object] = {}
        for name_field, inter_field in (("actor1", "inter1"), ("actor2", "inter2")):
            name, inter = getattr(mention, name_field), getattr(mention, inter_field)
            if name is not None and inter is not None:
                changes[name_field], changes[inter_field] = dictionary.name_actor(
                    name, inter, country=country
                )
        if mention.assoc_actor_1 and country:
            changes["assoc_actor_1"] = dictionary.name_actor(
                mention.assoc_actor_1, 0, country=country
            )[0]
        named.append(replace(mention, **changes))  # type: ignore[arg-type]
    return tuple(named)


def fuse_linked_mentions(
    mentions: Sequence[EventMention],
    *,
    codebook: Codebook,
    dictionary: ActorDictionary,
    reported: Sequence[dt.date],
) -> Event:
    """One event from the mentions of several reports that ``link`` found to be the same.

    ``mentions`` come report by report in a fixed order (earliest report first), so the
    rules above ("the first given", actor votes) settle ties the same way whatever order
    the reports arrived in. ``reported`` holds the reports' dates: the earliest is the
    fallback date and ``first_seen``, the latest ``last_seen``. Evidence spans are those of
    the first report (each mention keeps its own).
    """
    cluster = list(mentions)
    first_seen = min(reported, default=None)
    event = _build_event(cluster, codebook=codebook, dictionary=dictionary,
                         reference=first_seen, fallback_country=None)
    first_doc = cluster[0].doc_id
    evidence = tuple(sorted({span for m in cluster if m.doc_id == first_doc
                             for span in m.evidence}))
    return replace(event, evidence=evidence, first_seen=first_seen,
                   last_seen=max(reported, default=None))


def _importance(event: Event) -> tuple[bool, int, int]:
    first = event.evidence[0][0] if event.evidence else 0
    return (event.is_background, -len(event.mention_ids), first)


def _harmed_defaults(codebook: Codebook) -> dict[str, str]:
    """Each rule's ``harmed_default`` actor2 name: the people a blast harmed, named by no
    one ("2 killed in bomb blast")."""
    return {rule.name: rule.actors["harmed_default"][0] for rule in codebook.rules
            if rule.actors and "harmed_default" in rule.actors}


def _no_target_rules(codebook: Codebook) -> frozenset[str]:
    """The rules whose type has no actor2 (a peaceful protest): whatever their sentence
    names beside the crowd is dropped when the event is built."""
    return frozenset(rule.name for rule in codebook.rules
                     if rule.actors and rule.actors.get("no_actor2"))


def _belongs(mention: EventMention, cluster: list[EventMention],
             harmed_defaults: Mapping[str, str], no_target: frozenset[str]) -> bool:
    head = cluster[0]
    if mention.is_background != head.is_background:
        return False
    if mention.is_background:
        return (
            mention.event_type == head.event_type
            and mention.date == head.date
            and _place_key(mention.location) == _place_key(head.location)
        )
    same_kind = mention.event_type == head.event_type or (mention.rule or "").startswith(
        "anaphora:"
    )
    if not same_kind:
        return _is_same_fight(mention, cluster)
    if not _dates_agree(mention, cluster) or not _places_agree(mention, cluster):
        return False
    return _actors_agree(mention, cluster, harmed_defaults, no_target)


# The types one fight of organised violence can be told as, highest first: ACLED codes
# tactics that co-occur in one event as the highest ("an airstrike during a ground battle
# is a Battle"; a bomb thrown at civilians is an explosion, not an attack).
FIGHT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _is_same_fight(mention: EventMention, cluster: list[EventMention]) -> bool:
    """Another tactic of the fight the cluster tells of: organised violence the same day at
    the same place, against the same target (or none named), by the same side or one the
    sentence leaves unnamed ("Al-Shabab militants ambushed two police land cruisers ...
    The vehicles were hit by rocket-propelled grenades. 12 killed": an ambush, not a
    separate shelling by someone else)."""
    head = cluster[0]
    if mention.event_type not in FIGHT_TYPES or head.event_type not in FIGHT_TYPES:
        return False
    if mention.date is None or mention.date != head.date or mention.location is None or (
        _place_key(mention.location) != _place_key(head.location)
    ):
        return False
    if mention.actor2 and head.actor2 and not is_same_actor(mention.actor2, head.actor2):
        return False
    if is_same_actor(mention.actor1, head.actor1):
        return True
    if mention.actor1 is None and head.actor1 is None:
        return bool(mention.actor2 and head.actor2)  # the same target, by no one named
    return any(actor is None or _is_unidentified(actor)
               for actor in (mention.actor1, head.actor1))


UNIDENTIFIED_GROUP = UNIDENTIFIED_ARMED_GROUP.split(" (", 1)[0]  # without its country


def _is_unidentified(actor: str) -> bool:
    """"Unidentified Armed Group (Kenya)", or with the country still a template."""
    return actor.startswith(UNIDENTIFIED_GROUP)


def _dates_agree(mention: EventMention, cluster: list[EventMention]) -> bool:
    if mention.date is None:
        return True
    return all(
        m.date is None or abs((m.date - mention.date).days) <= MAX_DATE_DRIFT_DAYS
        for m in cluster
    )


def _places_agree(mention: EventMention, cluster: list[EventMention]) -> bool:
    if mention.location is None or mention.location.country is None:
        return True
    countries = {m.location.country for m in cluster if m.location and m.location.country}
    return not countries or mention.location.country in countries


def _actors_agree(mention: EventMention, cluster: list[EventMention],
                  harmed_defaults: Mapping[str, str], no_target: frozenset[str]) -> bool:
    """No two targets named: the civilians a blast harmed, given when the sentence names no
    target, keep no mention of the blast apart ("2 killed in bomb blast. Possible suicide
    bomber ..."); nor does what a peaceful protest's sentence names beside the crowd (it
    has no actor2) keep the police who intervened in it apart ("residents demonstrated
    over the state of the Kikuyu road ... Police intervened"); a target a later sentence
    names without its country is the one named with it ("the Burmese army ... left one
    soldier dead")."""
    def named_target(m: EventMention) -> str | None:
        rule = _base_rule(m)
        return None if rule in no_target or m.actor2 == harmed_defaults.get(rule) else m.actor2

    seconds = {t for m in cluster if (t := named_target(m))}
    second = named_target(mention)
    return second is None or not seconds or any(is_same_actor(second, t) for t in seconds) or (
        mention.actor1 in seconds
    ) or any(m.actor1 == mention.actor1 for m in cluster if m.actor1)


def _place_key(location: Location | None) -> tuple[str | None, str | None]:
    return (location.name, location.country) if location else (None, None)


def _build_event(
    cluster: list[EventMention],
    *,
    codebook: Codebook,
    dictionary: ActorDictionary,
    reference: dt.date | None,
    fallback_country: str | None,
) -> Event:
    rank = {rule.name: i for i, rule in enumerate(codebook.rules)}
    typed = min(cluster, key=lambda m: rank.get(_base_rule(m), 99))
    if len({m.event_type for m in cluster}) > 1 and all(
        m.event_type in FIGHT_TYPES for m in cluster
    ):  # tactics of one fight (_is_same_fight): the highest type
        typed = min(cluster, key=lambda m: (
            FIGHT_TYPES.index(m.event_type), rank.get(_base_rule(m), 99)))
    rule = next((r for r in codebook.rules if r.name == _base_rule(typed)), None)
    located = [m.location for m in cluster if m.location is not None]
    location = min(located, key=lambda loc: loc.geo_precision, default=None)
    # An event the report does not place is named for the country the report is about.
    country = location.country if location else fallback_country
    notes: list[str] = []
    actor1, inter1 = _vote([(m.actor1, m.inter1) for m in cluster], dictionary, country)
    # (not what a peaceful protest's sentence names beside the crowd: that type has no
    # actor2, whoever intervened in the protest is the event's; not actor1 again, unless
    # a mention names one group on both sides: "two factions of the BCL clashed")
    no_target = _no_target_rules(codebook)
    actor2, inter2 = _vote(
        [(m.actor2, m.inter2) for m in cluster
         if (m.actor2 != actor1 or _is_split(m)) and _base_rule(m) not in no_target],
        dictionary, country
    )
    assoc1, _ = _vote([(m.assoc_actor_1, 0) for m in cluster], dictionary, country)
    if rule is not None and rule.actors:
        # a mention naming one group on both sides: the group fought itself
        split = any(_is_split(m) for m in cluster)
        (actor1, inter1), (actor2, inter2) = _order_actors(
            (actor1, inter1), (actor2, inter2), rule.actors, dictionary, country, split=split
        )
    if country is None:  # no place in the whole report: no "{country}" template in the names
        actor1, actor2, assoc1 = (
            without_country(name) if name else name for name in (actor1, actor2, assoc1)
        )
    claims = _unique_claims(c for m in cluster for c in m.claims)
    is_background = any(m.is_background for m in cluster)
    date, precision, date_note = _choose_date(cluster, claims)
    if date is None and not is_background and reference is not None:
        date, precision = reference, FALLBACK_PRECISION
        date_note = "no date in the text: the reporting date is used"
    if date_note:
        notes.append(date_note)
    fatalities, fatality_note = choose_fatalities(claims)
    if fatality_note:
        notes.append(fatality_note)
    evidence = tuple(sorted({span for m in cluster for span in m.evidence}))
    doc_ids = tuple(dict.fromkeys(m.doc_id for m in cluster))
    mention_ids = tuple(m.id for m in cluster)
    event_id = hashlib.sha256("|".join(sorted(mention_ids)).encode()).hexdigest()[:16]
    sub_event_type = typed.sub_event_type
    if sub_event_type == ABDUCTION and fatalities:
        sub_event_type = ATTACK  # the abducted killed: ACLED codes the killing, an attack
    summary = _summary(
        sub_event_type, actor1, actor2, location, date, precision, fatalities, claims
    )
    return Event(
        id=event_id,
        event_type=typed.event_type,
        sub_event_type=sub_event_type,
        disorder_type=typed.disorder_type,
        date=date,
        time_precision=precision,
        actor1=actor1,
        assoc_actor_1=assoc1 if assoc1 != actor1 else None,
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2=None,
        inter2=inter2,
        location=location,
        fatalities=fatalities,
        claims=claims,
        is_background=is_background,
        notes=" ".join([summary, *(n[0].upper() + n[1:] + "." for n in notes)]),
        mention_ids=mention_ids,
        doc_ids=doc_ids,
        source_count=len(doc_ids),
        flags=tuple(dict.fromkeys(f for m in cluster for f in m.flags)),
        evidence=evidence,
    )


def _base_rule(mention: EventMention) -> str:
    return (mention.rule or "").removeprefix("anaphora:")


Side = tuple[str | None, int | None]
# the state's forces and organised armed groups (not an identity militia, which may be the
# people a crowd is named for)
FORCE_INTERS = ARMED_INTERS - {INTER_IDENTITY}
UNIDENTIFIED_INTER = 3  # an unidentified armed group's (a political militia's) code


SPLIT_TYPES = frozenset({"Battles", "Riots"})


def _is_split(mention: EventMention) -> bool:
    """The mention names one group on both sides of a fight: crowds that clashed ("NPP and
    NDC supporters clashed": rioters against rioters), a group split in two ("two factions
    of the BCL")."""
    return (mention.event_type in SPLIT_TYPES and mention.actor1 is not None
            and mention.actor1 == mention.actor2)


def _order_actors(
    first: Side, second: Side, spec: dict, dictionary: ActorDictionary, country: str | None,  # type: ignore[type-arg]
    *, split: bool = False,
) -> tuple[Side, Side]:
    """Put actors in ACLED's order for the type (codebook ``actors``: demonstrators first).

    ``lead_from``: inter codes of an actor1 that *is* the lead under another name (residents
    who riot are the rioters), replaced by ``lead_default`` rather than moved to actor2.
    ``pair_default``: a missing actor2 is another actor like the default (two communities).
    ``target_default``: [name, inter] of a missing actor2 (civilians, for an attack on them).
    ``target_from``: inter codes of an actor2 that *is* the target under another name
    (teachers the police fire on at a protest are the protesters), replaced by it.
    ``pair_unnamed``: inter codes of an actor1 whose missing actor2 is an unidentified
    group of its kind ("the Degodia and Gare clans clashed", the second unknown to the
    actor dictionary: a communal militia against another).
    ``unnamed_side``: [name, inter] of the side the report leaves unnamed, on whichever
    hand is empty ("killed in a gunfight with police": the police are actor2 already).
    ``split``: a mention names one group on both sides; an armed one keeps both
    ("two factions of the BCL clashed").
    """
    if split and first[0] is not None and first == second and first[1] in ARMED_INTERS and (
        not spec.get("no_actor2")
    ):
        return first, second
    lead = set(spec.get("lead_inter", []))
    if lead and first[1] not in lead:
        name, inter = spec["lead_default"]
        default = dictionary.name_actor(name, int(inter), country=country)
        if first[1] in set(spec.get("lead_from", [])) and second[1] not in lead:
            first = default
        elif second[1] in lead and (first[0] is not None or second[0] == default[0]):
            # a named non-lead actor1 and a lead actor2 are the wrong way round; a lone
            # actor2 the report names as acted upon ("3 policemen were injured when an
            # IED exploded") stays the target, with the lead unidentified
            first, second = second, first
        else:
            keep = first[0] is not None and first[0] != default[0]
            if keep and second[0] is not None and second[1] in FORCE_INTERS and (
                first[1] not in FORCE_INTERS
            ):
                # "Kikuyu traders protested ... police intervened": the people the crowd
                # is named for give way to the forces it met
                keep = False
            first, second = default, (first if keep else second)
    if second[0] is None and first[1] in set(spec.get("pair_unnamed", [])):
        lead_name = first[0] or ""
        kind = "Communal" if "Communal" in lead_name or "Clan" in lead_name else "Ethnic"
        second = dictionary.name_actor(f"Unidentified {kind} Militia ({{country}})",
                                       int(first[1]), country=country)
    if "target_default" in spec and (
        second[0] is None or second[1] in set(spec.get("target_from", []))
    ):
        name, inter = spec["target_default"]
        second = dictionary.name_actor(name, int(inter), country=country)
    if "unnamed_side" in spec and (first[0] is None) != (second[0] is None):
        name, inter = spec["unnamed_side"]
        named = first if first[0] is not None else second
        if int(inter) == INTER_STATE and named[1] == INTER_STATE:
            # "soldiers were ambushed": the state's forces named, the side against them
            # is no other state force but an unidentified armed group
            name, inter = UNIDENTIFIED_ARMED_GROUP, UNIDENTIFIED_INTER
        other = dictionary.name_actor(name, int(inter), country=country)
        first, second = (other, second) if first[0] is None else (first, other)
    if spec.get("pair_default") and second[0] is None:
        name, inter = spec["lead_default"]
        second = dictionary.name_actor(name, int(inter), country=country)
    if spec.get("no_actor2"):
        second = (None, None)
    return first, second


def _vote(
    candidates: list[tuple[str | None, int | None]],
    dictionary: ActorDictionary,
    country: str | None,
) -> tuple[str | None, int | None]:
    """The most named actor, a named group before a generic one; named for the country."""
    named = [(n, i) for n, i in candidates if n]
    if not named:
        return None, None
    specific = [(n, i) for n, i in named if not dictionary.is_generic(n)]
    pool = specific or named
    counts = Counter(n for n, _ in pool)
    best = max(pool, key=lambda c: (counts[c[0]], -pool.index(c)))
    name, inter = best
    if inter is None:
        return name, None
    return dictionary.name_actor(name, inter, country=country)


def _unique_claims(claims) -> tuple[Claim, ...]:  # type: ignore[no-untyped-def]
    seen: dict[tuple[str, str | None, str | None], Claim] = {}
    for claim in claims:
        key = (claim.text, claim.attributed_to, claim.kind)
        if key not in seen:
            seen[key] = claim
    return tuple(seen.values())


def _choose_date(
    cluster: list[EventMention], claims: tuple[Claim, ...]
) -> tuple[dt.date | None, int, str | None]:
    """The event date by the rule in the module docstring, and a note when sources differ."""
    options: list[tuple[tuple[int, int, int], dt.date, int, str, str | None]] = []
    for position, claim in enumerate(claims):
        if claim.kind != "date" or not claim.value:
            continue
        precision = next(
            (m.time_precision for m in cluster if m.date_text == claim.text and m.date),
            1,
        )
        is_weekday = bool(WEEKDAY_RE.search(claim.text))
        rank = (int(is_weekday), 0 if claim.status == "confirmed" else 1, position)
        options.append((rank, dt.date.fromisoformat(claim.value), precision, claim.text,
                        claim.attributed_to))
    if not options:
        dated = [m for m in cluster if m.date is not None]
        if not dated:
            return None, 3, None
        return dated[0].date, dated[0].time_precision, None
    options.sort()
    _, date, precision, _, _ = options[0]
    note = _date_note(options) if len({o[1] for o in options}) > 1 else None
    return date, precision, note


def _date_note(options: list[tuple[tuple[int, int, int], dt.date, int, str, str | None]]) -> str:
    """The dates the sources give, one entry per expression and date with everyone who gave
    it: "'Sunday' (activists; witnesses) = 2016-01-10"."""
    sources: dict[tuple[str, dt.date], list[str]] = {}
    for _, date, _, text, who in options:
        names = sources.setdefault((text, date), [])
        if who and who not in names:
            names.append(who)
    listed = "; ".join(
        f"'{text}'" + (f" ({'; '.join(names)})" if names else "") + f" = {date.isoformat()}"
        for (text, date), names in sources.items()
    )
    return f"sources give different dates: {listed}; the calendar date is coded"


def _summary(
    sub_event_type: str,
    actor1: str | None,
    actor2: str | None,
    location: Location | None,
    date: dt.date | None,
    precision: int,
    fatalities: int,
    claims: tuple[Claim, ...],
) -> str:
    """A one-sentence ACLED-style note."""
    when = ""
    if date is not None:
        when = {
            1: f"On {date.day} {date:%B %Y}, ",
            2: f"In the week of {date.day} {date:%B %Y}, ",
        }.get(precision, f"Around {date:%B %Y}, ")
    where = ""
    if location is not None and location.name:
        near = "near " if location.geo_precision == 2 else "in "
        where = f" {near}{location.name}" + (f" ({location.country})" if location.country else "")
    who = actor1 or "unidentified actors"
    target = f" against {actor2}" if actor2 else ""
    text = f"{when}{who}: {sub_event_type.lower()}{target}{where}."
    if fatalities:
        source = next(
            (c.attributed_to for c in claims
             if c.kind in FATALITY_KINDS and c.attributed_to and c.value == str(fatalities)
             and not is_partisan_source(c.attributed_to)),
            None,
        )
        text += f" {fatalities} reported killed" + (f" (according to {source})." if source else ".")
    return text[0].upper() + text[1:]
