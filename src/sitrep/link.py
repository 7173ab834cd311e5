"""Link: each report's Events -> Events fused across reports, one per real-world event.

Needs: the Events that ``fuse`` made of each new report, with the report's mentions and
date, and a ``UnitIndex`` (the store, or ``MemoryIndex``) that finds the report-events
already linked, by blocking key. Adds: Events fused across reports (every mention and
source kept, fields settled by ``fuse``'s rules, disagreements in the notes and claims),
and the ``LinkUnit`` of every report-event whose fused event is new or changed.

How two report-events are judged to be one real event (``is_same_event``):

- Blocking: same country, compatible first-level admin area (equal, or one unknown),
  date spans no more than ``MAX_DATE_GAP_DAYS`` apart. Only candidates in the block are
  ever compared, so the cost grows with the number of events, not with its square.
- Hard conditions: different reports; both news or both background; the same disorder
  type; no contradiction in place (two precise places more than ``MAX_SAME_PLACE_KM``,
  or ``MAX_NEAR_PLACE_KM`` when one is "near" a town, apart).
- Then evidence is counted: the same sub-event type (2) or event type (1); a shared actor
  (1; actors on both sides with none shared: -1); the same place (1; a place known only
  to the country on one side: -1); date spans that overlap rather than merely touch (1).
  ``MIN_LINK_SCORE`` or more links them. A report placing an event only in a country thus
  links only when type, actors and date all agree: such reports could bridge two events
  of one day in different towns, the one way single-link grouping goes wrong.

Report-events that are the same are linked transitively (connected components). The
judgement looks at two report-events only, never at a fused event, so the components,
and the fused events built from them in a fixed order (earliest report first, then
report id), do not depend on the order in which reports arrive. A fused event's id is
the hash of its sorted mention ids (as in ``fuse``): an event reported once keeps the id
it had, and an event that gains a report gets a new id, the old one disappearing.

Two ways to link, with the same result:

- Inline (``link_events``, one-process ``extract``): each batch of reports against the
  linked units the index finds, as the batch is written.
- The fusion step (after extraction on a cluster; ``pipeline.link_pending``): reports
  stored unlinked (``report_units``: their own events, units pending) are linked later.
  ``plan_link_blocks`` partitions the pending units by blocking key: country, admin
  area (those with none form their own block) and a fixed window of
  ``FUSION_WINDOW_DAYS`` on the first day of the span. A block's pending units are
  compared with every unit, pending or linked, in its candidate range
  (``LinkBlock.candidate_range``: any admin area for the block of units with none, the
  window widened by the longest span and the largest gap), so a pair across a window
  edge or an admin area is found from either side (``find_block_links``). The links are
  grouped into connected components (``group_link_components``) and each component is
  fused (``fuse_components``) as ``link_events`` fuses it. Inline linking compares new
  units with linked units only: a pending unit meets everything when the step links it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from sitrep.actors import ActorDictionary
from sitrep.codebook import Codebook
from sitrep.fuse import fuse_linked_mentions
from sitrep.records import Event, EventMention, LinkUnit, Location, Place, Timex

MAX_DATE_GAP_DAYS = 1  # reports of one event may disagree by a day (night, time zones)
MAX_UNIT_SPAN_DAYS = 31  # a report's date span longer than this shrinks to its coded date
UNDATED_LOOKBACK_DAYS = 6  # an event dated by its report's date happened that week
WEEK_HALF_SPAN_DAYS = 3
MONTH_HALF_SPAN_DAYS = 15
MAX_SAME_PLACE_KM = 25.0  # two towns this close may be one place in different words
MAX_NEAR_PLACE_KM = 60.0  # "near X": the event may lie this far from X
MIN_LINK_SCORE = 3
EARTH_RADIUS_KM = 6371.0
BLOCK_DAYS = 7  # MemoryIndex blocks: (country, week number)
FUSION_WINDOW_DAYS = 56  # fusion step blocks: pending units whose spans start in one window
PRECISE_GEO = 2  # geo_precision 1 (town) and 2 (near a town) have usable coordinates
NEAR_TOWN_PRECISION = 2  # a town found in the sentences is taken as "near" it

T = TypeVar("T")


class UnitIndex(Protocol):
    """Where linking finds what is already linked (the store, or ``MemoryIndex``)."""

    def find_link_candidates(self, unit: LinkUnit) -> list[LinkUnit]:
        """Stored units in ``unit``'s block (country, admin area, date window)."""
        ...

    def list_link_units(self, *, event_ids: Sequence[str]) -> list[LinkUnit]:
        """Every stored unit of these fused events."""
        ...

    def get_mentions(self, mention_ids: Sequence[str]) -> list[EventMention]:
        """The stored mentions with these ids."""
        ...


@dataclass(frozen=True)
class ReportEvents:
    """What ``fuse`` made of one report: its events, its mentions, and its date.

    ``timexes`` and ``places`` are the report's: the dates and places named in an event's
    sentences widen its date span and place an event that has no location of its own.
    """

    doc_id: str
    reported: dt.date | None
    events: tuple[Event, ...]
    mentions: tuple[EventMention, ...]
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class LinkResult:
    """Events to write (new, or fused anew with stored ones) and the units to write."""

    events: tuple[Event, ...]
    units: tuple[LinkUnit, ...]
    attached: int  # report-events that joined an event reported before or in this batch


def link_events(
    reports: Sequence[ReportEvents],
    *,
    index: UnitIndex,
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> LinkResult:
    """Attach a batch of reports' events to the events they repeat, or start new ones."""
    mentions_by_id, new_units, own_events = _units_of_reports(reports)
    components = _UnionFind()
    batch_index = MemoryIndex()
    for unit_id in sorted(new_units):
        unit = new_units[unit_id]
        components.add(_unit_key(unit.id))
        if not is_linkable(unit):
            continue
        for other in index.find_link_candidates(unit):
            if other.id not in new_units and is_same_event(unit, other):
                components.union(_unit_key(unit.id), _event_key(other.event_id))
        for other in batch_index.find_link_candidates(unit):
            if is_same_event(unit, other):
                components.union(_unit_key(unit.id), _unit_key(other.id))
        batch_index.add_units([unit])
    events: list[Event] = []
    units: list[LinkUnit] = []
    attached = 0
    for keys in components.groups():
        unit_ids, stored_ids = _split_keys(keys)
        if len(unit_ids) == 1 and not stored_ids:
            unit = new_units[unit_ids[0]]
            events.append(_as_reported(own_events[unit.id], unit))
            units.append(unit)
            continue
        attached += len(unit_ids) - (0 if stored_ids else 1)
        fused, members = _fuse_group([new_units[u] for u in unit_ids], stored_ids, index=index,
                                     known=mentions_by_id, codebook=codebook,
                                     dictionary=dictionary)
        events.append(fused)
        units.extend(members)
    return LinkResult(events=tuple(events), units=tuple(units), attached=attached)


def report_units(reports: Sequence[ReportEvents]) -> LinkResult:
    """Each report's events as they stand before linking, and their units: what extraction
    on a cluster stores for the fusion step to link (nothing is attached)."""
    _, new_units, own_events = _units_of_reports(reports)
    ordered = [new_units[u] for u in sorted(new_units)]
    return LinkResult(events=tuple(_as_reported(own_events[u.id], u) for u in ordered),
                      units=tuple(ordered), attached=0)


def _units_of_reports(
    reports: Sequence[ReportEvents],
) -> tuple[dict[str, EventMention], dict[str, LinkUnit], dict[str, Event]]:
    """The reports' mentions by id, and their units and own events by unit id."""
    mentions_by_id = {m.id: m for r in reports for m in r.mentions}
    new_units: dict[str, LinkUnit] = {}
    own_events: dict[str, Event] = {}
    for report in reports:
        for event in report.events:
            unit = unit_of_event(event, mentions=mentions_by_id, reported=report.reported,
                                 timexes=report.timexes, places=report.places)
            new_units[unit.id] = unit
            own_events[unit.id] = event
    return mentions_by_id, new_units, own_events


def _as_reported(event: Event, unit: LinkUnit) -> Event:
    """A report's own event, seen first and last on the report's date."""
    return replace(event, first_seen=unit.reported, last_seen=unit.reported)


def _fuse_group(
    new: list[LinkUnit],
    stored_event_ids: Sequence[str],
    *,
    index: UnitIndex,
    known: Mapping[str, EventMention],
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> tuple[Event, list[LinkUnit]]:
    """One event from new units and the stored events they join, and every member unit."""
    stored_units = index.list_link_units(event_ids=stored_event_ids) if stored_event_ids else []
    new_ids = {u.id for u in new}
    members = new + [u for u in stored_units if u.id not in new_ids]
    wanted = [m for u in members for m in u.mention_ids if m not in known]
    mentions = {m.id: m for m in index.get_mentions(wanted)} if wanted else {}
    mentions.update(known)
    fused = fuse_units(members, mentions=mentions, codebook=codebook, dictionary=dictionary)
    return fused, [replace(u, event_id=fused.id) for u in members]


def fuse_units(
    units: Sequence[LinkUnit],
    *,
    mentions: dict[str, EventMention],
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> Event:
    """One event from linked units: their mentions, earliest report first."""
    ordered = sorted(units, key=_report_order)
    cluster = [mentions[m] for u in ordered for m in u.mention_ids if m in mentions]
    reported = [u.reported for u in ordered if u.reported is not None]
    return fuse_linked_mentions(cluster, codebook=codebook, dictionary=dictionary,
                                reported=reported)


def unit_of_event(
    event: Event,
    *,
    mentions: dict[str, EventMention],
    reported: dt.date | None,
    timexes: Sequence[Timex] = (),
    places: Sequence[Place] = (),
) -> LinkUnit:
    """The LinkUnit of one report's event: its blocking key and what it is compared on.

    Its date span covers the coded date (widened by precision), every date claim, and
    every calendar date its sentences name before the coded date ("claimed on Tuesday the
    kidnapping on Friday": either may be the day). An event with no location,
    or only a country, is placed for linking (only) at the one town, else admin area, that
    its sentences name in that country; at the dateline's town only when there is no other.
    """
    location = event.location
    if location is None or location.admin1 is None:
        location = _place_in_sentences(
            event.evidence, places, country=location.country if location else None
        ) or location
    own = [mentions[m] for m in event.mention_ids if m in mentions]
    named = [
        day for day in (_timex_day(t) for t in timexes if _is_inside(t.start, event.evidence))
        if day is not None and (reported is None or day <= reported)
    ]
    start, end = _date_span(event, own, named)
    actors = sorted({name for m in own for name in (m.actor1, m.actor2, m.assoc_actor_1) if name}
                    | {name for name in (event.actor1, event.actor2) if name})
    return LinkUnit(
        id=event.id,
        event_id=event.id,
        doc_id=event.doc_ids[0] if event.doc_ids else "",
        reported=reported,
        is_background=event.is_background,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        disorder_type=event.disorder_type,
        actors=tuple(actors),
        country=location.country if location else None,
        admin1=location.admin1 if location else None,
        lat=location.lat if location else None,
        lon=location.lon if location else None,
        geo_precision=location.geo_precision if location else None,
        geonameid=location.geonameid if location else None,
        date_start=start,
        date_end=end,
        mention_ids=event.mention_ids,
    )


def is_linkable(unit: LinkUnit) -> bool:
    """Whether a unit has a blocking key (a country and a date); others stay alone."""
    return unit.country is not None and unit.date_start is not None and unit.date_end is not None


def is_same_event(a: LinkUnit, b: LinkUnit) -> bool:
    """Whether two report-events describe one real event (rules in the module docstring)."""
    if a.doc_id == b.doc_id or a.is_background != b.is_background:
        return False
    if not (is_linkable(a) and is_linkable(b)) or a.country != b.country:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if a.disorder_type != b.disorder_type:
        return False
    gap = _date_gap_days(a, b)
    if gap > MAX_DATE_GAP_DAYS:
        return False
    place = _place_agreement(a, b)
    if place is None:
        return False
    score = place + (1 if gap < 0 else 0)
    if a.sub_event_type == b.sub_event_type:
        score += 2
    elif a.event_type == b.event_type:
        score += 1
    if a.actors and b.actors:
        score += 1 if set(a.actors) & set(b.actors) else -1
    return score >= MIN_LINK_SCORE


# --- the fusion step: stored units not yet linked, partitioned by blocking key ----------


@dataclass(frozen=True)
class LinkBlock:
    """A partition of the fusion step: the pending units of one country and one admin area
    (``admin1`` None: the units that have none) whose date spans start in
    [``first_day``, ``last_day``]; ``units`` counts them."""

    country: str
    admin1: str | None
    first_day: dt.date
    last_day: dt.date
    units: int = 0

    def candidate_range(self) -> tuple[dt.date, dt.date, dt.date]:
        """(earliest start, latest start, earliest end) of the units that a pending unit of
        the block may be the same event as: spans are at most ``MAX_UNIT_SPAN_DAYS`` long
        and linked spans at most ``MAX_DATE_GAP_DAYS`` apart."""
        gap = dt.timedelta(days=MAX_DATE_GAP_DAYS)
        span = dt.timedelta(days=MAX_UNIT_SPAN_DAYS)
        return self.first_day - gap - span, self.last_day + span + gap, self.first_day - gap


@dataclass(frozen=True)
class BlockLinks:
    """What searching some blocks found: their pending unit ids, and each pair judged the
    same event as (pending unit key, key of the other: a pending unit's, or a linked
    unit's fused event)."""

    pending_ids: tuple[str, ...]
    links: tuple[tuple[str, str], ...]


def plan_link_blocks(
    pending_days: Iterable[tuple[str, str | None, dt.date, int]],
    *,
    window_days: int = FUSION_WINDOW_DAYS,
) -> list[LinkBlock]:
    """Blocks from (country, admin1, first day of span, pending units) counts, one per
    country, admin area and window of ``window_days`` (windows are fixed: day ordinal //
    ``window_days``), in (country, admin area, date) order."""
    counts: dict[tuple[str, str | None, int], int] = defaultdict(int)
    for country, admin1, day, units in pending_days:
        counts[(country, admin1, day.toordinal() // window_days)] += units
    blocks = [
        LinkBlock(country, admin1, dt.date.fromordinal(max(window * window_days, 1)),
                  dt.date.fromordinal((window + 1) * window_days - 1), units)
        for (country, admin1, window), units in counts.items()
    ]
    return sorted(blocks, key=lambda b: (b.country, b.admin1 is not None, b.admin1 or "",
                                         b.first_day))


def bundle_blocks(
    blocks: Sequence[LinkBlock], *, units_per_task: int
) -> list[tuple[LinkBlock, ...]]:
    """Consecutive blocks in tasks of about ``units_per_task`` pending units (a block is
    never split), so that small blocks do not each cost a task."""
    return _bundle(blocks, size=lambda b: b.units, per_task=units_per_task)


def find_block_links(
    pending: Sequence[LinkUnit], nearby: Sequence[tuple[LinkUnit, bool]]
) -> BlockLinks:
    """Compare a block's pending units with every unit in its candidate range (pending or
    linked: ``nearby`` pairs each with whether it is linked) by ``is_same_event``."""
    index = MemoryIndex()
    index.add_units(unit for unit, _ in nearby)
    is_linked = {unit.id: linked for unit, linked in nearby}
    links: list[tuple[str, str]] = []
    for unit in sorted(pending, key=lambda u: u.id):
        for other in index.find_link_candidates(unit):
            if other.id != unit.id and is_same_event(unit, other):
                links.append((_unit_key(unit.id), _event_key(other.event_id)
                              if is_linked[other.id] else _unit_key(other.id)))
    return BlockLinks(pending_ids=tuple(sorted(u.id for u in pending)), links=tuple(links))


def group_link_components(found: Iterable[BlockLinks]) -> list[tuple[str, ...]]:
    """The connected components of the links that hold a pending unit, each sorted.

    A link to a pending unit that no block searched (stored while the step ran) is left
    out: that unit is linked by the next run, when it is compared with everything."""
    components = _UnionFind()
    links: list[tuple[str, str]] = []
    for part in found:
        for unit_id in part.pending_ids:
            components.add(_unit_key(unit_id))
        links.extend(part.links)
    searched = set(components.keys())
    for key, other in links:
        if other.startswith("e:") or other in searched:
            components.union(key, other)
    return [tuple(keys) for keys in components.groups()]


def bundle_components(
    components: Sequence[tuple[str, ...]], *, units_per_task: int
) -> list[tuple[tuple[str, ...], ...]]:
    """Components in tasks of about ``units_per_task`` pending units (never split)."""
    return _bundle(components, size=lambda keys: len(_split_keys(keys)[0]),
                   per_task=units_per_task)


def _bundle(items: Sequence[T], *, size: Callable[[T], int], per_task: int) -> list[tuple[T, ...]]:
    """Consecutive items in groups whose sizes add up to about ``per_task``."""
    bundles: list[tuple[T, ...]] = []
    current: list[T] = []
    total = 0
    for item in items:
        current.append(item)
        total += size(item)
        if total >= per_task:
            bundles.append(tuple(current))
            current, total = [], 0
    if current:
        bundles.append(tuple(current))
    return bundles


def count_components(components: Iterable[Sequence[str]]) -> tuple[int, int, int]:
    """(pending units, units that join another report's event, fused events) of these
    components, as ``fuse_components`` counts them."""
    units = attached = events = 0
    for keys in components:
        unit_ids, stored_ids = _split_keys(keys)
        units += len(unit_ids)
        if len(unit_ids) > 1 or stored_ids:
            attached += len(unit_ids) - (0 if stored_ids else 1)
            events += 1
    return units, attached, events


def fuse_components(
    components: Sequence[Sequence[str]],
    *,
    pending: Mapping[str, LinkUnit],
    index: UnitIndex,
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> LinkResult:
    """The fused events of linked components and every unit in them, linked: as
    ``link_events`` builds them. A pending unit alone keeps the event stored with it."""
    events: list[Event] = []
    units: list[LinkUnit] = []
    attached = 0
    for keys in components:
        unit_ids, stored_ids = _split_keys(keys)
        if len(unit_ids) == 1 and not stored_ids:
            units.append(pending[unit_ids[0]])
            continue
        attached += len(unit_ids) - (0 if stored_ids else 1)
        fused, members = _fuse_group([pending[u] for u in unit_ids], stored_ids, index=index,
                                     known={}, codebook=codebook, dictionary=dictionary)
        events.append(fused)
        units.extend(members)
    return LinkResult(events=tuple(events), units=tuple(units), attached=attached)


class MemoryIndex:
    """A ``UnitIndex`` in memory: units by (country, week), for tests and benchmarks."""

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, int], list[LinkUnit]] = defaultdict(list)
        self._by_event: dict[str, list[LinkUnit]] = defaultdict(list)
        self._units: dict[str, LinkUnit] = {}
        self._mentions: dict[str, EventMention] = {}

    def add_units(self, units: Iterable[LinkUnit]) -> None:
        """Add units, replacing any with the same id (as the store's upsert does)."""
        for unit in list(units):
            old = self._units.pop(unit.id, None)
            if old is not None:
                self._by_event[old.event_id].remove(old)
                for key in _block_keys(old):
                    self._blocks[key].remove(old)
            self._units[unit.id] = unit
            self._by_event[unit.event_id].append(unit)
            for key in _block_keys(unit):
                self._blocks[key].append(unit)

    def add_mentions(self, mentions: Iterable[EventMention]) -> None:
        """Keep mentions so fused events can be rebuilt from them."""
        self._mentions.update((m.id, m) for m in mentions)

    def add_result(self, result: LinkResult, *, mentions: Iterable[EventMention]) -> None:
        """Record what ``link_events`` returned, as writing it to the store would."""
        self.add_mentions(mentions)
        self.add_units(result.units)

    def find_link_candidates(self, unit: LinkUnit) -> list[LinkUnit]:
        """Units in the block of ``unit`` (each once), in a fixed order."""
        found: dict[str, LinkUnit] = {}
        for key in _query_keys(unit):
            for other in self._blocks.get(key, ()):
                found.setdefault(other.id, other)
        return [found[k] for k in sorted(found)]

    def list_units(self) -> list[LinkUnit]:
        """Every unit held, in the order added."""
        return list(self._units.values())

    def list_link_units(self, *, event_ids: Sequence[str]) -> list[LinkUnit]:
        """Every unit of these fused events."""
        return [u for e in event_ids for u in self._by_event.get(e, ())]

    def get_mentions(self, mention_ids: Sequence[str]) -> list[EventMention]:
        """The kept mentions with these ids."""
        return [self._mentions[m] for m in mention_ids if m in self._mentions]

    def event_of_unit(self, unit_id: str) -> str:
        """The fused event a unit belongs to now."""
        return self._units[unit_id].event_id


def _block_keys(unit: LinkUnit) -> list[tuple[str, int]]:
    if not is_linkable(unit):
        return []
    assert unit.country and unit.date_start and unit.date_end
    first = unit.date_start.toordinal() // BLOCK_DAYS
    last = unit.date_end.toordinal() // BLOCK_DAYS
    return [(unit.country, week) for week in range(first, last + 1)]


def _query_keys(unit: LinkUnit) -> list[tuple[str, int]]:
    if not is_linkable(unit):
        return []
    assert unit.country and unit.date_start and unit.date_end
    first = (unit.date_start.toordinal() - MAX_DATE_GAP_DAYS) // BLOCK_DAYS
    last = (unit.date_end.toordinal() + MAX_DATE_GAP_DAYS) // BLOCK_DAYS
    return [(unit.country, week) for week in range(first, last + 1)]


def _report_order(unit: LinkUnit) -> tuple[dt.date, str, str]:
    return (unit.reported or dt.date.max, unit.doc_id, unit.id)


def _split_keys(keys: Iterable[str]) -> tuple[list[str], list[str]]:
    """Component keys -> (unit ids, stored event ids), each sorted."""
    keys = list(keys)
    return (sorted(k[2:] for k in keys if k.startswith("u:")),
            sorted(k[2:] for k in keys if k.startswith("e:")))


def _unit_key(unit_id: str) -> str:
    return "u:" + unit_id


def _event_key(event_id: str) -> str:
    return "e:" + event_id


def _date_span(
    event: Event, mentions: list[EventMention], named: Sequence[dt.date] = ()
) -> tuple[dt.date | None, dt.date | None]:
    """Every date the report gives the event, widened by precision; the coded date's alone
    when they spread over more than ``MAX_UNIT_SPAN_DAYS``. No span is ever longer (the
    store's candidate query and the fusion step's partitions rely on it)."""
    if event.date is None:
        return None, None
    is_fallback = not any(m.date for m in mentions)
    coded = _widen(event.date, event.time_precision, is_fallback=is_fallback)
    if is_fallback and named and (max(named) - min(named)).days <= MAX_UNIT_SPAN_DAYS:
        coded = (min(named), max(named))  # undated, but its sentences name days: those
    # A day named after the coded one is most often the day the news came ("said on
    # Monday"); one before it may be the event's own ("claimed on Tuesday the kidnapping
    # on Friday"), so only those widen the span.
    spans = [coded] + [(day, day) for day in named if is_fallback or day <= event.date]
    spans += [_widen(m.date, m.time_precision, is_fallback=False) for m in mentions if m.date]
    for claim in event.claims:
        if claim.kind == "date" and claim.value:
            try:
                spans.append(_widen(dt.date.fromisoformat(claim.value), 1, is_fallback=False))
            except ValueError:
                continue
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if (end - start).days > MAX_UNIT_SPAN_DAYS:
        return coded
    return start, end


def _timex_day(timex: Timex) -> dt.date | None:
    if timex.type != "DATE" or len(timex.value) != len("2016-01-08"):
        return None
    try:
        return dt.date.fromisoformat(timex.value)
    except ValueError:
        return None


def _is_inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _place_in_sentences(
    spans: Sequence[tuple[int, int]], places: Sequence[Place], *, country: str | None
) -> Location | None:
    """The one resolved town (else admin area) the sentences name in ``country`` (any
    country when None), the dateline's last; None when there is none or several."""
    named = [p for p in places if p.country and _is_inside(p.start, spans)
             and (country is None or p.country == country)]
    is_dateline = {id(p): p.start == 0 and p.text.isupper() for p in named}
    for features, precision in (({"city"}, NEAR_TOWN_PRECISION), ({"admin1", "admin2"}, 3)):
        for allow_dateline in (False, True):
            found = {
                (p.geonameid, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon)
                for p in named
                if p.feature in features and (allow_dateline or not is_dateline[id(p)])
            }
            if len(found) == 1:
                geonameid, name, where, admin1, admin2, lat, lon = found.pop()
                return Location(name=name, country=where, admin1=admin1, admin2=admin2,
                                lat=lat, lon=lon, geo_precision=precision, geonameid=geonameid)
            if found:
                return None
    return None


def _widen(day: dt.date, precision: int, *, is_fallback: bool) -> tuple[dt.date, dt.date]:
    if is_fallback:
        return day - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), day
    half = {1: 0, 2: WEEK_HALF_SPAN_DAYS}.get(precision, MONTH_HALF_SPAN_DAYS)
    return day - dt.timedelta(days=half), day + dt.timedelta(days=half)


def _date_gap_days(a: LinkUnit, b: LinkUnit) -> int:
    """Days between two date spans: negative when they overlap, 0 when they touch."""
    assert a.date_start and a.date_end and b.date_start and b.date_end
    latest_start = max(a.date_start, b.date_start)
    earliest_end = min(a.date_end, b.date_end)
    gap = (latest_start - earliest_end).days
    return -1 if gap <= 0 else gap


def _place_agreement(a: LinkUnit, b: LinkUnit) -> int | None:
    """1 the same place, 0 no contradiction, -1 only a country on one side (it could be
    any event there), None two places too far apart to be one."""
    if a.geonameid is not None and a.geonameid == b.geonameid and a.admin1 is not None:
        return 1
    if a.admin1 is None or b.admin1 is None:
        return -1
    if not (_is_precise(a) and _is_precise(b)):
        return 0
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    distance = _distance_km(a.lat, a.lon, b.lat, b.lon)
    is_near = (a.geo_precision or 0) > 1 or (b.geo_precision or 0) > 1
    if distance <= MAX_SAME_PLACE_KM:
        return 1
    if is_near and distance <= MAX_NEAR_PLACE_KM:
        return 0
    return None


def _is_precise(unit: LinkUnit) -> bool:
    return (
        unit.lat is not None and unit.lon is not None
        and unit.geo_precision is not None and unit.geo_precision <= PRECISE_GEO
    )


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


class _UnionFind:
    """Connected components over string keys, with deterministic groups."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self._parent.setdefault(key, key)

    def find(self, key: str) -> str:
        self.add(key)
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self._parent[high] = low

    def keys(self) -> list[str]:
        """Every key added, in the order added."""
        return list(self._parent)

    def groups(self) -> list[list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for key in self._parent:
            grouped[self.find(key)].append(key)
        return [sorted(keys) for _, keys in sorted(grouped.items())]
