"""Where an event happened, and ACLED's geo_precision for it.

Needs: the parse and the resolved Place mentions. Adds: the Location of an event mention:
the finest place of its sentence that is not the dateline, part of an actor's name or
where a source sits, with precision 1 (the town), 2 ("near" a town, a district) or 3 (a
province, region, river or country). A sentence that names no usable place takes the
finest place of the report's other sentences, and, failing that, the dateline; a sentence
that names only a country also looks at the report's finer places in that country.
Where people or goods were going comes after the places of the event itself ("airlifted
them to Accra"; "a Dhaka-bound truck" names no place of the event at all); where people
came from does not ("students from Mandalay protested" mostly did so in Mandalay). A
demonym names people, not a place of the event ("two men knifed a Nigerian shopkeeper"). A
district word after the name sets precision 2 whatever the gazetteer matched ("Balkh
district", "Kutkai township").

Namesakes are left out while anything else is left: a place alone in its country when
the report names several places in another ("Dara" in Syria beside "Asadabad city,
Kunar"; "the Iraqi town of Hawija" stays, Iraq being named too), and a town no area
named right after it holds ("Sefwi town (Sefwi Wiawso, Western)" when the town resolved
elsewhere; "the Qalat area of Kushki Kuhna district, Herat" when Qalat resolved to
Zabul). A town lends its admin areas from the area named after it, or from a resolved
place of the report close by, when its gazetteer entry has none.

Admin areas listed in parentheses after a place (ACLED's "Lamu town (Lamu West, Lamu)")
locate the event only when the place before them does not resolve: as the district
(precision 2) or the first-level region (precision 3) they name. A country is the last
resort, after them.

An event placed at a country, province or district is located at the area's seat, the
town that stands for it (capital, district headquarters: the Place's ``seat``), as ACLED
codes it; the toponym itself keeps the area's middle point.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.claims import attribution_spans
from sitrep.event_time import in_other_clause
from sitrep.place_mentions import demonym_table
from sitrep.places import is_container_gap
from sitrep.records import Actor, Location, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitrep.events import ReportContext

NEAR_WINDOW_TOKENS = 6  # "near"/"outside" this close before a town -> geo_precision 2
DATELINE_SLACK_CHARS = 2  # a place starting this close after the dateline is the dateline
# "U.S.-led": part of an actor; "a Dhaka-bound truck": where it was going, not where it was
MODIFIER_SUFFIXES = ("-based", "-led", "-backed", "-bound", "'s ", "’s ")
CITY_CONTAINER_KM = 40.0  # "Kiganjo estate, Thika": a town this far from Thika is a namesake
ADMIN_FILL_KM = 50.0  # a place of the report this close lends its admin areas


NEAR_WORDS = frozenset(
    {"near", "outside", "vicinity", "outskirts", "around", "north", "south", "east", "west",
     "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern",
     "western", "close", "area", "nearby", "between", "road"}
)
ADJACENT_NEAR_WORDS = frozenset({"between"})  # "between X and Y", not "clashes between..."
PART_WORDS = frozenset({"area", "areas", "neighbourhood", "neighborhood", "suburb"})


FEATURE_RANK = {"city": 0, "admin2": 1, "other": 2, "admin1": 3, "region": 4, "water": 4}
TIER_EVENT, TIER_LISTED, TIER_DESTINATION, TIER_COUNTRY = range(4)  # see _rank
DESTINATION_PREPOSITIONS = frozenset({"to", "towards", "toward"})
PROXIMITY_WORDS = frozenset({"close", "next", "near", "adjacent"})  # "close to X" is not a trip
CONTAINER_RANK_OFFSET = 6  # an area named right after a place, containing it, comes after
LOCAL_FEATURES = frozenset({"city", "other", "admin2"})  # what an admin area can contain
TOWN_FEATURES = frozenset({"city", "other"})  # names with namesakes; district names are few
NAMED_AREAS = frozenset({"region", "water"})  # curated regions and rivers
MIN_PLACES_OF_HOME_COUNTRY = 2  # a report names this many places in the country it is about


_PLACE_WORD_NEXT = re.compile(r"\s*(?:district|province|county|city|town|village|area)s?\b",
                              re.IGNORECASE)
_ALIAS_IN_GAP = re.compile(r"^\s*\([^()]{1,40}\)")  # "Pur Chaman (Pusht Koh) district, Farah"
_COMPASS_IN_GAP = re.compile(  # "Bijapur district of south Chhattisgarh"
    r"\s(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s*$", re.IGNORECASE)
_DISTRICT_WORD_NEXT = re.compile(  # "Balkh district", "Kutkai township": part of a region
    r"\)?\s*(?:\([^()]{1,40}\)\s*)?(?:district|sub-?county|upazila|tehsil|taluka|township|"
    r"sub-?location|division)s?\b", re.IGNORECASE)
_ENUMERATION_GAPS = frozenset({",", "and", ", and", "or", ", or"})
_LIST_CONTINUES = re.compile(r"\s*(?:,|and\b|or\b)", re.IGNORECASE)


SEATED_FEATURES = frozenset({"country", "admin1", "admin2"})  # located at their seat
FEATURE_PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "region": 3,
                     "water": 3, "country": 3}


def event_place(
    sentence: Span, context: ReportContext, actors: list[Actor], trigger: Token | None = None
) -> tuple[Place | None, int]:
    """The place the event happened and ACLED's geo_precision for it.

    The event's own sentence is searched first (outside relative clauses the trigger is
    not part of: "fighters who had fired a missile toward Jizan" is another event); then
    the rest of the report (nearest sentence first among equally fine places); then places
    named only inside an actor's name or as an owner; the dateline city comes last. A
    demonym ("Nigerian traders") names people, never the event's place.
    """
    candidates = _candidates(sentence, context, actors, trigger)
    if not candidates:
        dateline = _dateline_place(context)
        if dateline is None:
            return None, 3
        return dateline, FEATURE_PRECISION.get(dateline.feature or "other", 1)
    best = min(candidates, key=lambda p: (_rank(p, context),
                                          abs(p.start - sentence.start_char)))
    return _with_admin_areas(best, context), _precision(best, sentence, context)


def _precision(place: Place, sentence: Span, context: ReportContext) -> int:
    """ACLED's geo_precision of the event at ``place``: 1 the town itself (a named part of
    it too: "the Fadama area of Accra"); 2 near it, or a district ("Balkh district",
    "Kutkai township", "Lamu West" listed after an unknown town); 3 a larger area."""
    text = context.document.text
    listed = _listed_admin_level(place, text)
    if listed is not None:
        return 2 if listed == "inner" else 3
    precision = FEATURE_PRECISION.get(place.feature or "other", 1)
    if precision != 2 and place.feature != "country" and _DISTRICT_WORD_NEXT.match(
        text, place.end
    ):
        return 2
    if precision == 1 and _is_near(sentence, place):
        return 2
    return precision


def _candidates(sentence: Span, context: ReportContext, actors: list[Actor],
                trigger: Token | None) -> list[Place]:
    """The places the event may have happened at, namesakes left out while others remain:
    the sentence's (with the report's in the same country when it names only countries),
    else the report's, else those inside actors' names."""
    stray = _stray_countries(context.places)
    own = _sentence_places(sentence, context, actors, trigger)
    others = _report_places(sentence, context)
    first = _plausible(own, context, stray)
    if all(p.feature == "country" for p in first):
        named = {p.country for p in first}
        first += [p for p in _plausible(others, context, stray)
                  if not named or p.country in named]
    if first:
        return first
    weak = _weak_places(sentence, context)
    return _plausible(weak, context, stray) or own or others or weak


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
    places = [p for p in context.places if p.lat is not None and not _is_dateline(p, context)
              and not _is_demonym(p)]
    inside = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
    return inside or places


def _is_usable(place: Place, context: ReportContext) -> bool:
    """Resolved, not the dateline, not part of a modifier ("U.S.-led", "Dhaka-bound")."""
    if place.lat is None or _is_demonym(place):
        return False
    if _is_dateline(place, context):
        return False  # the dateline is where the reporter was
    after = context.document.text[place.end:place.end + 7]
    return not after.startswith(MODIFIER_SUFFIXES)


def _is_demonym(place: Place) -> bool:
    """The place is a people's name standing for its country ("a Nigerian man", "Somali
    refugees"): it says who took part, not where the event was."""
    if place.feature != "country":
        return False
    table = demonym_table()
    return place.text in table or (place.text.endswith("s") and place.text[:-1] in table)


def report_country(context: ReportContext) -> str | None:
    """The country of the report's first place that is not a people's name: where an
    event the report places in no country ("along the Line of Control") happened."""
    return next((p.country for p in context.places if p.country and not _is_demonym(p)), None)


def _is_dateline(place: Place, context: ReportContext) -> bool:
    dateline = context.document.dateline
    return bool(dateline) and place.start < len(dateline or "") + DATELINE_SLACK_CHARS


def _dateline_place(context: ReportContext) -> Place | None:
    return next(
        (p for p in context.places if p.lat is not None and _is_dateline(p, context)), None
    )


# ---------------------------------------------------------------------------------------
# Namesakes


def _stray_countries(places: tuple[Place, ...]) -> frozenset[str]:
    """Countries only one place of the report is in, when another country has two or
    more: that one place is likely a namesake ("Dara" in Syria beside "Asadabad city,
    Kunar"); "the Iraqi town of Hawija" in a report on Syria is not (Iraq is named too).

    Each place counts once however often it is named; regions and rivers do not count
    ("solidarity with Kashmir" is a cause, not where a protest in Mardan was)."""
    distinct = {(p.geonameid, p.name, p.country) for p in places
                if p.lat is not None and p.country and p.feature not in NAMED_AREAS}
    counts = Counter(country for _, _, country in distinct)
    if max(counts.values(), default=0) < MIN_PLACES_OF_HOME_COUNTRY:
        return frozenset()
    return frozenset(country for country, n in counts.items() if n == 1)


def _plausible(places: list[Place], context: ReportContext,
               stray: frozenset[str]) -> list[Place]:
    """The places that are not namesakes: not alone in their country, held by their
    container."""
    text = context.document.text
    return [p for p in places
            if p.country not in stray and not _is_contradicted(p, context.places, text)]


def _is_contradicted(place: Place, places: tuple[Place, ...], text: str) -> bool:
    """True when an area named as holding the place does not hold it and none does
    ("Emali town (Kasikeu, Makueni)" stays when Kasikeu resolved to a namesake). Only
    towns: a district resolved outside the province named after it ("Ali Abad district,
    Balkh") is more often the note's slip than a namesake."""
    if place.feature not in TOWN_FEATURES:
        return False
    verdicts = {_holds(container, place) for container in _containers(place, places, text)}
    return False in verdicts and True not in verdicts


def _containers(place: Place, places: tuple[Place, ...], text: str) -> list[Place]:
    """The resolved places named as holding ``place``, innermost first: "X, Y", "X (Y, Z)",
    "X (alias) district, Y", "the X area of Y"; not the next items of an enumeration."""
    ordered = sorted(places, key=lambda p: p.start)
    chain: list[Place] = []
    previous = place
    for index, following in enumerate(ordered):
        if following.start < previous.end:
            continue
        gap = text[previous.end:following.start]
        if not _is_container_gap(gap):
            break
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        if gap.strip() == "," and _is_list_item(following, after, text):
            break  # "Jhapa, Morang, Sunsari": a list, not a container
        chain.append(following)
        previous = following
    return [p for p in chain if p.lat is not None]


def _is_list_item(place: Place, after: Place | None, text: str) -> bool:
    """The place after a bare comma goes on a list: a town followed by "and", "or" or a
    comma ("Sunyani, Wa and eight other regional capitals"), an area followed by another
    place so joined ("Jhapa, Morang, Sunsari")."""
    if place.feature in TOWN_FEATURES:
        return _LIST_CONTINUES.match(text, place.end) is not None
    return after is not None and text[place.end:after.start].strip() in _ENUMERATION_GAPS


def _is_container_gap(gap: str) -> bool:
    """places' container gaps, also past an alias in parentheses, quotes and a compass
    word: "Qalat' area of", " (Pusht Koh) district, ", " district of south "."""
    plain = _ALIAS_IN_GAP.sub("", gap).replace("'", " ").replace("’", " ")
    plain = _COMPASS_IN_GAP.sub(" ", re.sub(r"\s+", " ", plain))
    return is_container_gap(gap) or is_container_gap(plain)


def _holds(container: Place, place: Place) -> bool | None:
    """Whether ``container`` holds ``place``; None when the records cannot tell."""
    if container.country and place.country and container.country != place.country:
        return False
    if container.feature in ("admin1", "admin2"):
        if place.feature != "admin2" or container.feature == "admin1":
            return _same_area(container.admin1, place.admin1)
        return None  # two districts: neighbours, not container and contained
    if container.feature in ("city", "other") and place.feature in ("city", "other"):
        return _distance_km(container, place) <= CITY_CONTAINER_KM
    return None


def _same_area(container: str | None, inner: str | None) -> bool | None:
    """Same first-level name, or the inner one a part split from it ("Western North" from
    "Western": notes keep a region's old name after a split)."""
    if not container or not inner:
        return None
    outer, part = container.casefold(), inner.casefold()
    return part == outer or part.startswith(outer + " ")


def _distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0,
                                                b.lat or 0.0, b.lon or 0.0))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------------------------------
# Admin areas


def _with_admin_areas(place: Place, context: ReportContext) -> Place:
    """The place with admin1 (and admin2) from the area named as holding it, or from the
    nearest resolved place of the report in its country, when its entry has none."""
    if place.admin1 is not None or place.feature not in LOCAL_FEATURES:
        return place
    text = context.document.text
    for container in _containers(place, context.places, text):
        if container.admin1 and _holds(container, place) is not False:
            admin2 = container.admin2 if container.feature == "admin2" else place.admin2
            return replace(place, admin1=container.admin1, admin2=admin2)
    near = [p for p in context.places
            if p.lat is not None and p.admin1 and p.country == place.country
            and p.feature in LOCAL_FEATURES and p is not place
            and _distance_km(p, place) <= ADMIN_FILL_KM]
    if not near:
        return place
    closest = min(near, key=lambda p: _distance_km(p, place))
    return replace(place, admin1=closest.admin1)


# ---------------------------------------------------------------------------------------
# Ranking and precision


def _rank(place: Place, context: ReportContext) -> tuple[int, int]:
    """Tier, then fineness: the places where the event may be, finest first and after
    an area named as holding another; then admin areas listed after an unknown town; then
    where people or goods were going ("airlifted them to Accra"); a country last."""
    text = context.document.text
    if place.feature == "country":
        return TIER_COUNTRY, 0
    if _is_destination(place, context.parsed):
        return TIER_DESTINATION, FEATURE_RANK.get(place.feature or "other", 2)
    if _listed_admin_level(place, text) is not None:
        return TIER_LISTED, 0
    rank = FEATURE_RANK.get(place.feature or "other", 2)
    if any(other.lat is not None and other.end <= place.start
           and _is_container_gap(text[other.end:place.start]) for other in context.places):
        rank += CONTAINER_RANK_OFFSET  # "Maywand district, Kandahar": Kandahar contains it
    return TIER_EVENT, rank


def _is_destination(place: Place, doc: Doc) -> bool:
    """The place is where someone or something was going, the object of "to" or
    "towards" (directly or as the next item of a list: "roads leading to Kangeta and
    Maua"), not of "close to"."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    if doc.has_annotation("DEP"):
        node = span.root
        while node.dep_ in ("conj", "compound", "nmod", "appos") and node.head.i != node.i:
            node = node.head
        preposition = node.head
        return (node.dep_ == "pobj" and preposition.lower_ in DESTINATION_PREPOSITIONS
                and preposition.head.lower_ not in PROXIMITY_WORDS)
    before = [t for t in doc[max(0, span.start - 3):span.start] if t.lower_ != "the"]
    return (len(before) >= 1 and before[-1].lower_ in DESTINATION_PREPOSITIONS
            and (len(before) < 2 or before[-2].lower_ not in PROXIMITY_WORDS))


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
    """"near", "outside", "north of" just before the place, in the sentence naming it;
    not a named part of a town ("the Dasht-e-Abdan area of Kunduz city" is in Kunduz)."""
    doc = sentence.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    own = span.sent if doc.has_annotation("SENT_START") else sentence
    window = doc[max(own.start, span.start - NEAR_WINDOW_TOKENS):span.start]
    for offset, token in enumerate(window):
        word = token.lower_
        if word not in NEAR_WORDS:
            continue
        if word in ADJACENT_NEAR_WORDS and offset < len(window) - 1:
            continue
        if word in PART_WORDS and _names_a_part(window, offset):
            continue
        return True
    return False


def _names_a_part(window: Span, offset: int) -> bool:
    """"the Khowajak Baba area of": a named area (a part of the place after it)."""
    before = window[offset - 1] if offset > 0 else None
    after = window[offset + 1] if offset + 1 < len(window) else None
    named = before is not None and (before.is_title or before.text in ("'", "’"))
    return named and after is not None and after.lower_ in ("of", "in")


def refined_location(
    sentence: Span, context: ReportContext, current: Location | None
) -> Location | None:
    """A town in a follow-up sentence that pins down a vague location ("northern Yemen",
    then "the bus was struck in Dahyan, a market town in Saada province"; "Gadchiroli
    district", then "near Jambhulkheda village in Kurkheda taluka")."""
    if current is not None and current.geo_precision < 3 and not _is_district(current):
        return None
    candidates = _sentence_places(sentence, context, [], None)
    if not candidates:
        return None
    place, precision = event_place(sentence, context, [])
    if place is None or place.feature not in ("city", "other", "admin2"):
        return None
    if current is not None and current.country and place.country != current.country:
        return None
    if current is not None and _is_district(current) and (
        place.feature != "city" or place.admin2 != current.admin2
    ):
        return None  # only a town inside the district refines it
    return location_of(place, precision)


def _is_district(location: Location) -> bool:
    """The location is a district itself (named as its own admin2), not a town in it."""
    return location.admin2 is not None and location.name == location.admin2


def location_of(place: Place, precision: int) -> Location:
    """The event Location of a resolved place, with ACLED's geo_precision.

    An event known only to a country, province or district is located at the town that
    stands for it, its seat (ACLED: "coordinates are for the district HQ"; a larger region
    is coded at its capital), keeping the area's name, admin areas and precision; other
    places are located at their own point."""
    lat, lon = place.lat, place.lon
    if place.feature in SEATED_FEATURES and place.seat is not None:
        lat, lon = place.seat
    return Location(
        name=place.name or place.text, country=place.country, admin1=place.admin1,
        admin2=place.admin2, lat=lat, lon=lon, geo_precision=precision,
        geonameid=place.geonameid,
    )
