"""Records that flow between the pipeline stages.

All records are frozen dataclasses; ``None`` means "unknown". Character offsets are
offsets into ``Document.text`` as a Python ``str``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One news report.

    ``date`` is the publication (reporting) date; ``date_source`` says where it came from:
    "header" (a ``date YYYY-MM-DD`` first line), "record" (JSONL/HTML/feed metadata),
    "option" (``--date``), "inferred" (from the text) or None when unknown.
    ``dateline`` is the upper-case place that opens the text ("BEIRUT"), or None.
    """

    id: str
    text: str
    date: dt.date | None = None
    date_source: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    dateline: str | None = None
    origin: str | None = None  # file path (and line) the document was read from


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with the reason. Nothing is dropped silently."""

    origin: str  # file path, "path:line" for JSONL, or a document id
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True)
class Timex:
    """A TimeML TIMEX3 time expression: type DATE, TIME, DURATION or SET; value like 2015-03-16."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Place:
    """A place mention, resolved to a gazetteer entry when possible (else coordinates are None).

    ``feature`` is one of city, admin1, admin2, country, region, water, other.
    ``country`` is an ISO 3166-1 alpha-2 code. ``seat`` is (lat, lon) of the town that
    stands for a country or admin1/admin2 area (its capital), where an event known only to
    the area is located; ``lat``/``lon`` are the area's middle.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    seat: tuple[float, float] | None = None


@dataclass(frozen=True)
class Actor:
    """An actor mention normalised to the actor dictionary. ``inter`` is ACLED's 1-8 code."""

    start: int
    end: int
    text: str
    name: str
    inter: int


@dataclass(frozen=True)
class Claim:
    """Something a source said about an event. status: confirmed|reported|unconfirmed|denied."""

    text: str
    attributed_to: str | None
    status: str
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # "fatalities", "date", "occurrence", "other"
    value: str | None = None  # e.g. "25" for a fatality claim, "2016-01-08" for a date claim


@dataclass(frozen=True)
class Location:
    """Where an event happened, at ACLED's geo_precision (1 town, 2 near/part of region, 3 region)."""

    name: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    geonameid: int | None = None


@dataclass(frozen=True)
class EventMention:
    """One event as one sentence (or clause) of one report describes it."""

    id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: dt.date | None
    time_precision: int
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    location: Location | None = None
    fatalities: int = 0
    claims: tuple[Claim, ...] = ()
    is_background: bool = False
    flags: tuple[str, ...] = ()  # historical, negated, future, hypothetical
    evidence: tuple[tuple[int, int], ...] = ()
    trigger: str | None = None
    rule: str | None = None  # the codebook rule that fired
    date_text: str | None = None  # the time expression the date came from (None: fallback)
    notes: str | None = None


@dataclass(frozen=True)
class Event:
    """One real-world event: the fused fields of its mentions."""

    id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: dt.date | None
    time_precision: int
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    location: Location | None
    fatalities: int
    claims: tuple[Claim, ...]
    is_background: bool
    notes: str | None
    mention_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    source_count: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    flags: tuple[str, ...] = field(default=())
    evidence: tuple[tuple[int, int], ...] = ()  # sentence spans in the first document


@dataclass(frozen=True)
class LinkUnit:
    """One report's event as cross-report linking sees it (``link.py``), stored to block on.

    ``event_id`` is the fused event the unit belongs to now; ``date_start``/``date_end``
    span every date the report gives for the event, widened by its precision; ``actors``
    are the actor names the report gives, sorted; ``reported`` is the report's date.
    """

    id: str  # the report-level event id (from fuse_mentions)
    event_id: str
    doc_id: str
    reported: dt.date | None
    is_background: bool
    event_type: str
    sub_event_type: str
    disorder_type: str
    actors: tuple[str, ...]
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    geonameid: int | None
    date_start: dt.date | None
    date_end: dt.date | None
    mention_ids: tuple[str, ...]
