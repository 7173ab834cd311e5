"""Where an event happened, and ACLED's geo_precision for it.

Needs: the parse and the resolved Place mentions. Adds: the Location of an event mention:
the finest place of its sentence that is not the dateline, part of an actor's name or
where a source sits, with precision 1 (the town), 2 ("near" a town, a district) or 3 (a
province, region, river or country). A sentence that names no usable place takes the
finest place of the report's other sentences, and, failing that, the dateline.

Admin areas listed in parentheses after a place (ACLED's "Lamu town (Lamu West, Lamu)")
locate the event only when the place before them does not resolve: as the district
(precision 2) or the first-level region (precision 3) they name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.claims import attribution_spans
from sitrep.event_time import in_other_clause
from sitrep.places import is_container_gap
from sitrep.records import Actor, Location, Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

NEAR_WINDOW_TOKENS = 6  # "near"/"outside" this close before a town -> geo_precision 2
DATELINE_SLACK_CHARS = 2  # a place starting this close after the dateline is the dateline
ACTOR_SUFFIXES = ("-based", "-led", "-backed", "'s ", "’s ")  # "U.S.-led": part of an actor


NEAR_WORDS = frozenset(
    {"near", "outside", "vicinity", "outskirts", "around", "north", "south", "east", "west",
     "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern",
     "western", "close", "area", "nearby", "between", "road"}
)


FEATURE_RANK = {"city": 0, "admin2": 1, "other": 2, "admin1": 3, "region": 4, "water": 4,
                "country": 5}
LISTED_ADMIN_RANK = 12  # an admin area in "(district, region)" after the place comes last
CONTAINER_RANK_OFFSET = 6  # an area named right after a place, containing it, comes after


_PLACE_WORD_NEXT = re.compile(r"\s*(?:district|province|county|city|town|village|area)s?\b",
                              re.IGNORECASE)


FEATURE_PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "region": 3,
                     "water": 3, "country": 3}


def event_place(
    sentence: Span, context: ReportContext, actors: list[Actor], trigger: Token | None = None
) -> tuple[Place | None, int]:
    """The place the event happened and ACLED's geo_precision for it.

    The event's own sentence is searched first (outside relative clauses the trigger is
    not part of: "fighters who had fired a missile toward Jizan" is another event); then
    the rest of the report (nearest sentence first among equally fine places); then places named only inside an actor's name or as an owner; the dateline
    city comes last.
    """
    candidates = _sentence_places(sentence, context, actors, trigger)
    if not candidates:
        candidates = _report_places(sentence, context)
    if not candidates:
        candidates = _weak_places(sentence, context)
    if not candidates:
        dateline = _dateline_place(context)
        if dateline is None:
            return None, 3
        return dateline, FEATURE_PRECISION.get(dateline.feature or "other", 1)
    text = context.document.text
    best = min(candidates, key=lambda p: (_rank(p, text, context.places),
                                          abs(p.start - sentence.start_char)))
    listed = _listed_admin_level(best, text)
    if listed is not None:
        return best, 2 if listed == "inner" else 3
    precision = FEATURE_PRECISION.get(best.feature or "other", 1)
    if precision == 1 and _is_near(sentence, best):
        precision = 2
    return best, precision


def _sentence_places(sentence: Span, context: ReportContext, actors: list[Actor],
                     trigger: Token | None) -> list[Place]:
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
        if any(a.start <= place.start < a.end for a in actors):
            continue  # "U.S.-led", "Afghan forces"
        if _is_usable(place, context):
            candidates.append(place)
    return candidates


def _report_places(sentence: Span, context: ReportContext) -> list[Place]:
    """Usable places of the report's other sentences, not inside an actor's name nor
    where a source sits ("quoted by the website Deir al-Zour 24")."""
    doc = sentence.doc
    places = []
    for place in context.places:
        if sentence.start_char <= place.start < sentence.end_char:
            continue
        if any(a.start <= place.start < a.end for a in context.actors):
            continue
        if not _is_usable(place, context):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and doc.has_annotation("SENT_START") and any(
            start <= place.start < end for start, end in attribution_spans(span.sent)
        ):
            continue
        places.append(place)
    return places


def _weak_places(sentence: Span, context: ReportContext) -> list[Place]:
    """Places named only as part of an actor or an owner ("Karachi's Old Golimar area",
    "a Myanmar military outpost"): better than no place, the event's sentence first."""
    places = [p for p in context.places if p.lat is not None and not _is_dateline(p, context)]
    inside = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
    return inside or places


def _is_usable(place: Place, context: ReportContext) -> bool:
    """Resolved, not the dateline, not an adjective on an actor ("U.S.-led")."""
    if place.lat is None:
        return False
    if _is_dateline(place, context):
        return False  # the dateline is where the reporter was
    after = context.document.text[place.end:place.end + 7]
    return not after.startswith(ACTOR_SUFFIXES)


def _is_dateline(place: Place, context: ReportContext) -> bool:
    dateline = context.document.dateline
    return bool(dateline) and place.start < len(dateline or "") + DATELINE_SLACK_CHARS


def _dateline_place(context: ReportContext) -> Place | None:
    return next(
        (p for p in context.places if p.lat is not None and _is_dateline(p, context)), None
    )


def _rank(place: Place, text: str, places: tuple[Place, ...]) -> int:
    if _listed_admin_level(place, text) is not None:
        return LISTED_ADMIN_RANK
    rank = FEATURE_RANK.get(place.feature or "other", 2)
    if any(other.lat is not None and other.end <= place.start
           and is_container_gap(text[other.end:place.start]) for other in places):
        rank += CONTAINER_RANK_OFFSET  # "Maywand district, Kandahar": Kandahar contains it
    return rank


def _listed_admin_level(place: Place, text: str) -> str | None:
    """"inner" or "last" when the place is in a parenthesised list of admin areas that
    follows another name ("Lamu town (Lamu West, Lamu)"), else None."""
    open_at = text.rfind("(", 0, place.start)
    if open_at < 0 or open_at == 0 or not text[open_at - 1].isspace():
        return None
    inside = text[open_at + 1:place.start]
    if any(not (ch.isalpha() or ch in " ,-'’.") for ch in inside):
        return None
    close_at = text.find(")", place.end)
    if close_at < 0:
        return None
    rest = text[place.end:close_at]
    if any(not (ch.isalpha() or ch in " ,-'’.") for ch in rest):
        return None
    before = text[:open_at].rstrip()
    if not before or not before[-1].isalpha():
        return None
    if "," not in inside + rest and _PLACE_WORD_NEXT.match(text, close_at + 1):
        return None  # "Andar (Shalgar) district": another name of the district
    return "inner" if "," in rest else "last"


def _is_near(sentence: Span, place: Place) -> bool:
    """"near", "outside", "north of" just before the place, in the sentence naming it."""
    doc = sentence.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    own = span.sent if doc.has_annotation("SENT_START") else sentence
    window = doc[max(own.start, span.start - NEAR_WINDOW_TOKENS):span.start]
    return any(t.lower_ in NEAR_WORDS for t in window)


def refined_location(
    sentence: Span, context: ReportContext, current: Location | None
) -> Location | None:
    """A town in a follow-up sentence that pins down a vague location ("northern Yemen",
    then "the bus was struck in Dahyan, a market town in Saada province")."""
    if current is not None and current.geo_precision < 3:
        return None
    candidates = _sentence_places(sentence, context, [], None)
    if not candidates:
        return None
    place, precision = event_place(sentence, context, [])
    if place is None or place.feature not in ("city", "other", "admin2"):
        return None
    if current is not None and current.country and place.country != current.country:
        return None
    return location_of(place, precision)


def location_of(place: Place, precision: int) -> Location:
    """The event Location of a resolved place, with ACLED's geo_precision."""
    return Location(
        name=place.name or place.text, country=place.country, admin1=place.admin1,
        admin2=place.admin2, lat=place.lat, lon=place.lon, geo_precision=precision,
        geonameid=place.geonameid,
    )
