"""Where an event happened, and ACLED's geo_precision for it.

Needs: the parse and the resolved Place mentions. Adds: the Location of an event mention:
the finest place of its sentence that is not the dateline, part of an actor's name or
where a source sits, with precision 1 (the town), 2 ("near" a town, a district) or 3 (a
province, region, river or country).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.claims import attribution_spans
from sitrep.event_time import in_other_clause
from sitrep.records import Actor, Location, Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

NEAR_WINDOW_TOKENS = 6  # "near"/"outside" this close before a town -> geo_precision 2


NEAR_WORDS = frozenset(
    {"near", "outside", "vicinity", "outskirts", "around", "north", "south", "east", "west",
     "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern",
     "western", "close", "area", "nearby", "between", "road"}
)


FEATURE_RANK = {"city": 0, "admin2": 1, "other": 2, "admin1": 3, "region": 4, "water": 4,
                "country": 5}


FEATURE_PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "region": 3,
                     "water": 3, "country": 3}


def event_place(
    sentence: Span, context: ReportContext, actors: list[Actor], trigger: Token | None = None
) -> tuple[Place | None, int]:
    """The place the event happened and ACLED's geo_precision for it."""
    dateline_end = len(context.document.dateline or "") if context.document.dateline else -1
    sources = attribution_spans(sentence)  # where the source is, not the event
    candidates = []
    for place in context.places:
        if not sentence.start_char <= place.start < sentence.end_char:
            continue
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        if trigger is not None and span is not None and in_other_clause(span.root, trigger):
            continue
        if any(start <= place.start < end for start, end in sources):
            continue  # "the website Deir al-Zour 24 said": where the source is, not the event
        if place.start < dateline_end + 2 and context.document.dateline:
            continue  # the dateline is where the reporter was
        if any(a.start <= place.start < a.end for a in actors):
            continue  # "U.S.-led", "Afghan forces"
        after = context.document.text[place.end:place.end + 7]
        if after.startswith(("-based", "-led", "-backed", "'s ")):
            continue
        if place.lat is None:
            continue
        candidates.append(place)
    if not candidates:
        return None, 3
    best = min(candidates, key=lambda p: (FEATURE_RANK.get(p.feature or "other", 2), p.start))
    precision = FEATURE_PRECISION.get(best.feature or "other", 1)
    if precision == 1 and _is_near(sentence, best):
        precision = 2
    return best, precision


def _is_near(sentence: Span, place: Place) -> bool:
    doc = sentence.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(sentence.start, span.start - NEAR_WINDOW_TOKENS):span.start]
    return any(t.lower_ in NEAR_WORDS for t in window)


def refined_location(
    sentence: Span, context: ReportContext, current: Location | None
) -> Location | None:
    """A town in a follow-up sentence that pins down a vague location ("northern Yemen",
    then "the bus was struck in Dahyan, a market town in Saada province")."""
    if current is not None and current.geo_precision < 3:
        return None
    place, precision = event_place(sentence, context, [])
    if place is None or place.feature not in ("city", "other", "admin2"):
        return None
    if current is not None and current.country and place.country != current.country:
        return None
    return location_of(place, precision)


def location_of(place: Place, precision: int) -> Location:
    return Location(
        name=place.name or place.text, country=place.country, admin1=place.admin1,
        admin2=place.admin2, lat=place.lat, lon=place.lon, geo_precision=precision,
        geonameid=place.geonameid,
    )
