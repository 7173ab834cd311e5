"""Place mentions, found in a report and resolved against the gazetteer.

Needs: the spaCy parse of ``document.text`` (entities, tokens, sentences) and a
``Gazetteer``. Adds: a ``Place`` for each place mention, with coordinates when it
resolves (a country or admin area also with its seat, the capital where events known only
to it are located); offsets are into ``document.text``.

Mentions are found by ``sitrep.place_mentions`` (entities, datelines, curated regions
and rivers, and capitalised names the context makes places).

Each mention's candidates are ranked on: how well the name matched (exact, without
articles, transliteration skeleton, fuzzy; a loose spelling abroad never beats a large
place spelled exactly so, "Gaza" is not Giza) and whether it is the entry's own name or
one of its alternate names; feature type and population; the feature the text asks for
("the province of X", "X River", "Laurel County", "the town of X"); the country a demonym
or possessive imposes ("the Iraqi town of Hawija", "Iraq's Anbar province") or a following
container ("Alexandria, La.", "Obe district, Herat", "X area of Y"), which in turn prefers
the candidates that can hold the names before it, through unknown districts too
("Koforidua (New Juaben South, Eastern)" is Ghana's Eastern); the countries the report mentions
(places and demonyms) and the dateline's country, which also turn a country's name into
the report's own state or town ("Georgia" beside Atlanta, or in a report most of whose
places are American); the first-level areas the report names ("Richmond" in a Kentucky
story), also where a name was first read otherwise ("Georgia" read as the country still
speaks for Atlanta, Georgia); the areas where the other names could all be, each name's
vote shared among its readings' areas, and the counties they name or whose towns they
name ("Dublin" beside "Franklin County", "Walker County" beside "Huntsville"); and
proximity to the other places resolved in the report, or, less, to those places' other
readings ("Paris" and "Henry County" together are in Tennessee, though Georgia's Henry
County is larger); another mention of the very same place is no evidence for it ("Dublin
City" for Dublin). Every unconstrained mention of a name then takes the reading of its
best-supported mention ("Springfield, Ohio" ... "Springfield"). A name still unresolved
inside a known area is matched loosely against that area's names only ("Charbolak
district, Balkh"). Last, a small town abroad that nothing else in the report supports, or
a loose spelling there, is left unresolved: "a raid on Otera, a village outside Kisumu"
puts no Japanese town, "Kibera" no Tanzanian Kibara; so is a first-level area whose name
regions of several countries share ("Punjab", "Eastern", "Centre") or that is read from a
short form ("Md.", "NC"; "Act" is no Australian Capital Territory), unless the report
supports its country. A name ending in a word for a kind of place never names a country
("Guernsey County").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc

from sitrep.gazetteer import (
    MATCH_SCORE_STRIPPED,
    Gazetteer,
    GazetteerEntry,
    GazetteerMatch,
    name_keys,
)
from sitrep.place_mentions import (
    FEATURE_WORDS_AFTER,
    ToponymMention,
    containers_of,
    demonym_table,
    find_mentions,
    is_container_gap,
    link_containers,
)
from sitrep.records import Document, Place

__all__ = ["extract_places", "is_container_gap"]

# candidate scoring weights (unitless, added together)
WEIGHT_NAME = 2.0  # times the gazetteer's name-match score (1.0 exact ... ~0.7 fuzzy)
WEIGHT_POPULATION = 1 / 8  # times log10(population + 10)
PRIOR_COUNTRY = 1.5
PRIOR_CURATED = 1.3
PRIOR_CITY = 0.15
PRIOR_ADMIN2 = -0.1
BONUS_FEATURE_HINT = 0.8
PENALTY_FEATURE_HINT = 0.3
BONUS_CONSTRAINT = 1.5  # demonym, possessive or "X, Y" container agrees
PENALTY_CONSTRAINT = 3.0  # ... or names another country: "Ashkhabad area of Maywand, Kandahar"
PENALTY_ADMIN1_CONTAINER = 1.0  # the container is a region the entry is not in
BONUS_CONTAINS = 1.0  # a container candidate holding a candidate of the name before it
# a candidate outside every country the rest of the report resolved to or its demonyms
# name; more for names only context made a place ("in Taliban" is no Turkish village)
PENALTY_OUTSIDE_DOCUMENT = {"ner": 0.3, "context": 1.0, "capitalised": 1.0, "cue": 0.3}
PENALTY_OUTSIDE_ONE_COUNTRY_REPORT = 1.0  # ... when everything else is in one country
ONE_COUNTRY_MIN_EVIDENCE = 3.0  # places (countries count 2) and demonyms in that country
BONUS_DOCUMENT_COUNTRY = 0.5
BONUS_DOCUMENT_ADMIN1 = 0.4  # a town or county in a first-level area the report names
# a town or county in a first-level area where the report's other names could also be,
# each name's vote shared among the areas holding one of its readings ("Dublin" beside
# "Westerville" and "Hilliard"), full at NAMES_AREA_FULL_VOTES votes; more when it lies in
# a county another name reads as ("Dublin" beside "Franklin County")
BONUS_NAMES_AREA = 0.8
MIN_NAMES_AREA_VOTES = 1.0  # one name alone is no agreement
NAMES_AREA_FULL_VOTES = 2.0
BONUS_NAMES_COUNTY = 0.8
# a country whose name is also a place in the report's countries, the country itself unnamed
PENALTY_FOREIGN_COUNTRY_NAMESAKE = 1.0
DOMINANT_COUNTRY_MIN_EVIDENCE = 2.0  # places (countries count 2) and demonyms
DOMINANT_COUNTRY_MIN_SHARE = 0.8
BONUS_DATELINE_COUNTRY = 0.2
BONUS_PROXIMITY = 0.5
PROXIMITY_SCALE_KM = 150.0
WEIGHT_OTHER_READINGS = 0.6  # proximity to another mention's other readings, relative
MAX_OTHER_READINGS = 10  # of each other mention, largest first
BONUS_ADMIN1_CONTAINER = 0.8
PENALTY_FOREIGN_LOOSE_MATCH = 0.6  # a skeleton or fuzzy match outside the report's countries
PENALTY_ALTERNATE_NAME = 0.4  # a town or county matched by one of its alternate names
MIN_ACCEPTED_SCORE = 1.3  # below this a mention stays unresolved
NAME_KEYS_CACHE_SIZE = 50_000
MIN_PROMINENT_POPULATION = 100_000  # an exact match this large rules out loose spellings
MAX_UNSUPPORTED_POPULATION = 50_000  # a town abroad this small needs the report's support
MAX_ABBREVIATION_LETTERS = 3  # "Md.", "NC", "ACT": a region's short form needs support
# ... and so does any but a prominent place spelled less like the mention than this: a
# fuzzy match, or a skeleton match below 85 % similar ("Kibera" is no Kibara; "Hawija" is
# Al Hawijah, 92 %)
MIN_UNSUPPORTED_NAME_SCORE = 0.825

SEATED_FEATURES = frozenset({"country", "admin1", "admin2"})  # a Place's seat: their capital
LOCAL_FEATURES = frozenset({"city", "admin2", "admin1"})  # places that say where a report is

HINT_FEATURES = {  # a hinted feature also accepts these
    "admin1": {"admin1", "region"},
    "admin2": {"admin2", "admin1"},
    "city": {"city"},
    "country": {"country"},
    "water": {"water"},
    "region": {"region"},
}


def extract_places(document: Document, parsed: Doc, *, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Find and resolve the place mentions of one report."""
    mentions = find_mentions(document, parsed, gazetteer)
    for mention in mentions:
        if mention.curated is None and not mention.matches:
            mention.matches = gazetteer.matches(mention.query)
    link_containers(document.text, mentions)
    demonyms = demonym_table()
    demonym_countries: dict[str, float] = {}
    for ent in parsed.ents:
        if ent.label_ == "NORP" and ent.text in demonyms:  # "Afghan forces", "Kenyan police"
            code = demonyms[ent.text]
            demonym_countries[code] = demonym_countries.get(code, 0.0) + 1.0
    _resolve(document, mentions, gazetteer, demonym_countries)
    if _match_within_areas(mentions, gazetteer, demonym_countries):
        _resolve(document, mentions, gazetteer, demonym_countries)
    _drop_unsupported(mentions, demonym_countries)
    return tuple(_to_place(m) for m in mentions)


def _drop_unsupported(mentions: list[ToponymMention],
                      demonym_countries: dict[str, float]) -> None:
    """Leave unresolved the towns and districts abroad that nothing else in the report
    supports: better no coordinates than a namesake in another country.

    A reading is unsupported when no other place of the report (another name, the
    dateline too) and no demonym lies in its country. It is dropped when it is small
    (``MAX_UNSUPPORTED_POPULATION``) or only a loose spelling of the mention and the
    report's other towns or areas lie elsewhere ("a raid on Otera, a village outside
    Kisumu": no Japanese town; countries and demonyms do not count here: "Greek food" at a county
    fair says nothing of where the county is), and, wherever the rest is, when it is a
    loose spelling and not prominent ("Kibera" is not Tanzania's Kibara). It then gives
    way to the largest place spelled as the mention in a supported country, if any. A
    first-level area abroad is dropped the same way when regions of several countries bear
    its name ("Farmers protested in Punjab": India's or Pakistan's) or the mention is a
    short form of its name ("Md. Rubel" in Dhaka). A mention whose country a demonym,
    possessive or container imposes is kept.
    """
    chosen = [(m.query.casefold(), m.choice.country, m.choice.feature in LOCAL_FEATURES)
              for m in mentions if m.choice is not None and m.choice.country]
    for mention in mentions:
        entry = mention.choice
        if entry is None or mention.curated is not None or mention.country is not None:
            continue
        own = mention.query.casefold()
        others = [(country, is_local) for query, country, is_local in chosen if query != own]
        support = set(demonym_countries) | {country for country, _ in others}
        if entry.country in support:
            continue
        if entry.feature == "admin1":
            if _is_shared_region_name(mention) or _is_abbreviation(mention.query, entry):
                mention.choice = _supported_namesake(mention, support)
                mention.score = 0.0 if mention.choice is None else mention.score
            continue
        if entry.feature not in ("city", "admin2"):
            continue
        is_elsewhere = any(is_local for _, is_local in others)
        name_score = max((m.name_score for m in mention.matches if m.entry == entry),
                         default=1.0)
        is_small = entry.population < MAX_UNSUPPORTED_POPULATION
        is_loose = name_score < MIN_UNSUPPORTED_NAME_SCORE
        if (is_elsewhere and (is_small or is_loose)) or (
            is_loose and entry.population < MIN_PROMINENT_POPULATION
        ):
            mention.choice = _supported_namesake(mention, support)
            mention.score = 0.0 if mention.choice is None else mention.score


def _is_shared_region_name(mention: ToponymMention) -> bool:
    """First-level areas of several countries bear the name exactly: "Eastern" (Ghana,
    Kenya, Saudi Arabia...), "Centre", "Capital", "Punjab" (India, Pakistan)."""
    countries = {m.entry.country for m in mention.matches
                 if m.name_score >= MATCH_SCORE_STRIPPED and m.entry.feature == "admin1"}
    return len(countries) > 1


def _is_abbreviation(query: str, entry: GazetteerEntry) -> bool:
    """"Md.", "NC", "Act": a region's short form (or a word that only looks like one),
    not its name ("Goa")."""
    letters = sum(ch.isalpha() for ch in query)
    return letters <= MAX_ABBREVIATION_LETTERS and not _is_main_name(query, entry)


def _supported_namesake(mention: ToponymMention, support: set[str]) -> GazetteerEntry | None:
    """The largest town or area spelled as the mention in a country the report supports."""
    namesakes = [m.entry for m in mention.matches
                 if m.name_score >= MATCH_SCORE_STRIPPED and m.entry.country in support
                 and m.entry.feature in ("city", "admin2", "admin1")]
    return max(namesakes, key=lambda entry: entry.population, default=None)


def _match_within_areas(mentions: list[ToponymMention], gazetteer: Gazetteer,
                        demonym_countries: dict[str, float]) -> bool:
    """Give unresolved mentions the similar names inside the area they are said to be in.

    The area is the region or country named after the mention ("Charbolak district,
    Balkh"), or, for a district or province with no such container, the one country the
    report is about. True when any mention gained candidates.
    """
    countries = dict(demonym_countries)
    for mention in mentions:
        if mention.choice is not None and mention.choice.country:
            countries[mention.choice.country] = countries.get(mention.choice.country, 0) + 1
    only_country = next(iter(countries)) if len(countries) == 1 else None
    changed = False
    for mention in mentions:
        if mention.choice is not None or mention.curated is not None:
            continue
        containers = containers_of(mention, mentions)
        if containers:
            area = containers[0]
            admin1 = area.name if area.feature == "admin1" else area.admin1
            if area.country is None or area.feature == "country":
                admin1 = None
            if area.country is None:
                continue
            found = gazetteer.matches_within(mention.query, country=area.country, admin1=admin1)
        elif only_country is not None and mention.hints & {"admin1", "admin2"}:
            found = gazetteer.matches_within(mention.query, country=only_country,
                                             features=("admin1", "admin2"))
        else:
            continue
        if found:
            mention.matches = found
            changed = True
    return changed


# ---------------------------------------------------------------------------------------
# Resolution


@dataclass(frozen=True)
class _Evidence:
    """What the rest of the report says about where its places are."""

    dateline_country: str | None = None
    countries: dict[str, float] = field(default_factory=dict)  # ISO2 -> places and demonyms
    areas: dict[tuple[str, str], float] = field(default_factory=dict)  # (ISO2, admin1) -> places
    others: list[GazetteerEntry] = field(default_factory=list)  # the other places resolved
    # the other places' other readings, spelled by their own names: "Paris ... Henry County"
    # are Paris and Henry County in Tennessee, though Georgia's Henry County is larger
    alternatives: list[GazetteerEntry] = field(default_factory=list)
    # the other names' votes for first-level areas, and the counties they may name or lie in
    name_areas: dict[tuple[str, str], float] = field(default_factory=dict)
    name_counties: frozenset[tuple[str, str, str]] = frozenset()
    town_counties: frozenset[tuple[str, str, str]] = frozenset()  # ... and their towns lie in


def _resolve(document: Document, mentions: list[ToponymMention], gazetteer: Gazetteer,
             demonym_countries: dict[str, float]) -> None:
    dateline_country = None
    for mention in mentions:
        if mention.source == "dateline":
            top = _best(mention, _Evidence(), [])
            dateline_country = top[0].country if top else None
    # pass 1: the name, feature, population and local constraints alone; right to left,
    # so that "Obe district, Herat" knows Herat before it ranks the Obes
    local = _Evidence(dateline_country, dict(demonym_countries))
    for mention in reversed(mentions):
        _choose(mention, local, mentions)
    # pass 2: add the countries, first-level areas and places the rest of the report
    # resolved to (a demonym's country already counts in demonym_countries)
    first_pass = [(m.query.casefold(), None if m.source == "demonym" else m.choice)
                  for m in mentions]
    readings = {m.query.casefold(): _other_readings(m) for m in mentions}
    local_readings = {m.query.casefold(): _local_readings(m) for m in mentions}
    area_readings = [(m.query.casefold(), entry) for m in mentions for entry in _area_readings(m)]
    for mention in mentions:
        others = [
            entry for (query, entry), other in zip(first_pass, mentions, strict=True)
            if entry is not None and query != mention.query.casefold() and other is not mention
        ]
        alternatives = [entry for query, entries in readings.items()
                        if query != mention.query.casefold() for entry in entries]
        own = mention.query.casefold()
        evidence = _report_evidence(others, alternatives, dateline_country, demonym_countries,
                                    [entry for query, entry in area_readings if query != own])
        name_areas, name_counties, town_counties = _name_votes(
            [entries for query, entries in local_readings.items() if query != own])
        evidence = replace(evidence, name_areas=name_areas, name_counties=name_counties,
                           town_counties=town_counties)
        _choose(mention, evidence, mentions)
    _share_readings(mentions)


def _report_evidence(others: list[GazetteerEntry], alternatives: list[GazetteerEntry],
                     dateline_country: str | None,
                     demonym_countries: dict[str, float],
                     area_readings: list[GazetteerEntry]) -> _Evidence:
    """Countries count twice for their country, first-level areas twice for themselves,
    and once when they are another reading of a name ("Georgia" read as the country)."""
    countries = dict(demonym_countries)
    areas: dict[tuple[str, str], float] = {}
    for entry in others:
        if not entry.country:
            continue
        countries[entry.country] = countries.get(entry.country, 0.0) + (
            2.0 if entry.feature == "country" else 1.0)
        admin1 = entry.name if entry.feature == "admin1" else entry.admin1
        if admin1 is not None and entry.feature != "country":
            area_weight = 2.0 if entry.feature == "admin1" else 1.0
            areas[(entry.country, admin1)] = areas.get((entry.country, admin1), 0.0) + (
                area_weight)
    for entry in area_readings:
        if entry.country:
            areas[(entry.country, entry.name)] = areas.get((entry.country, entry.name), 0.0) + 1.0
    return _Evidence(dateline_country, countries, areas, others, alternatives)


def _area_readings(mention: ToponymMention) -> list[GazetteerEntry]:
    """The first-level areas the mention's name spells exactly besides its first reading."""
    if mention.source == "demonym" or mention.curated is not None:
        return []
    return [m.entry for m in mention.matches
            if m.name_score >= 1.0 and m.entry.feature == "admin1" and m.entry != mention.choice
            and _is_main_name(mention.query, m.entry)]


def _other_readings(mention: ToponymMention) -> list[GazetteerEntry]:
    """The largest towns and areas the mention may name besides its first reading."""
    if mention.source == "demonym" or mention.curated is not None:
        return []
    readings = [
        m.entry for m in mention.matches
        if m.name_score >= 1.0 and m.entry != mention.choice and m.entry.feature in (
            "city", "admin2") and _is_main_name(mention.query, m.entry)
    ]
    return readings[:MAX_OTHER_READINGS]


def _local_readings(mention: ToponymMention) -> list[GazetteerEntry]:
    """Every town and county the mention's name spells exactly (not by an alternate name)."""
    if mention.source == "demonym" or mention.curated is not None:
        return []
    return [m.entry for m in mention.matches
            if m.name_score >= 1.0 and m.entry.feature in ("city", "admin2")
            and m.entry.country and m.entry.admin1 and _is_main_name(mention.query, m.entry)]


def _name_votes(readings: list[list[GazetteerEntry]]) -> tuple[
        dict[tuple[str, str], float], frozenset[tuple[str, str, str]],
        frozenset[tuple[str, str, str]]]:
    """Each name's one vote shared among the first-level areas holding its readings; the
    counties the names may be; the counties their towns may lie in."""
    votes: dict[tuple[str, str], float] = {}
    counties: set[tuple[str, str, str]] = set()
    town_counties: set[tuple[str, str, str]] = set()
    for entries in readings:
        areas = {(entry.country, entry.admin1) for entry in entries}
        for area in areas:
            votes[area] = votes.get(area, 0.0) + 1.0 / len(areas)
        for entry in entries:
            if entry.admin2:
                kind = counties if entry.feature == "admin2" else town_counties
                kind.add((entry.country, entry.admin1, entry.admin2))
    return votes, frozenset(counties), frozenset(town_counties)


def _share_readings(mentions: list[ToponymMention]) -> None:
    """One place per name in a report: every unconstrained "Springfield" takes the reading
    of the best-supported one ("Springfield, Ohio"), if the words around them ask for the
    same kind of place."""
    groups: dict[tuple[str, frozenset[str]], list[ToponymMention]] = {}
    for mention in mentions:  # "the province of Deir al-Zour" is not the city named before
        if mention.curated is None:
            key = (mention.query.casefold(), frozenset(mention.hints))
            groups.setdefault(key, []).append(mention)
    for group in groups.values():
        resolved = [m for m in group if m.choice is not None]
        if len(group) < 2 or not resolved:
            continue
        best = max(resolved, key=lambda m: m.score)
        for mention in group:
            if mention is not best and mention.country is None and mention.container is None:
                mention.choice, mention.score = best.choice, best.score


def _choose(mention: ToponymMention, evidence: _Evidence,
            mentions: list[ToponymMention]) -> None:
    if mention.curated is not None:
        mention.choice, mention.score = mention.curated, PRIOR_CURATED + WEIGHT_NAME
        return
    contained = _contained_in(mention, mentions)
    best = _best(mention, evidence, containers_of(mention, mentions), contained)
    if best is None or best[1] < MIN_ACCEPTED_SCORE:
        mention.choice, mention.score = None, 0.0
    else:
        mention.choice, mention.score = best


def _contained_in(mention: ToponymMention,
                  mentions: list[ToponymMention]) -> list[ToponymMention]:
    """The mentions named as inside ``mention``, directly or through a chain of containers:
    "Koforidua (New Juaben South, Eastern)" puts Koforidua inside Eastern even when the
    district between them is unknown to the gazetteer."""
    contained = []
    for other in mentions:
        seen: set[int] = set()
        index = other.container
        while index is not None and index not in seen:
            if mentions[index] is mention:
                contained.append(other)
                break
            seen.add(index)
            index = mentions[index].container
    return contained


def _best(mention: ToponymMention, evidence: _Evidence, containers: list[GazetteerEntry],
          contained: list[ToponymMention] | None = None) -> tuple[GazetteerEntry, float] | None:
    best: tuple[GazetteerEntry, float] | None = None
    countries = evidence.countries
    home = _dominant_country(countries)
    has_home_namesake = home is not None and any(
        m.name_score >= 1.0 and m.entry.feature != "country" and m.entry.country == home
        for m in mention.matches
    )
    leader = _leading_country(countries)
    has_home_namesake = has_home_namesake or (leader is not None and any(
        m.name_score >= 1.0 and m.entry.feature == "admin1" and m.entry.country == leader
        for m in mention.matches
    ))  # "Georgia" in a report of US places, a few British ones besides
    names_an_area = any(m.name_score >= 1.0 and m.entry.feature in ("admin1", "country")
                        for m in mention.matches)  # "California" is no town in Missouri
    prominent_countries = {  # where a well-known place is spelled exactly so
        m.entry.country for m in mention.matches
        if m.name_score >= MATCH_SCORE_STRIPPED and (
            m.entry.feature in ("admin1", "country")
            or m.entry.population >= MIN_PROMINENT_POPULATION)
    }
    for match in mention.matches:
        if prominent_countries and match.name_score < MATCH_SCORE_STRIPPED and (
            match.entry.country not in prominent_countries
        ):
            continue  # "Gaza" is spelled so: no loose spelling abroad makes it Giza
        score = _score(match, mention, evidence, containers)
        score += _contains_bonus(match.entry, contained or [])
        if not names_an_area:
            score += _area_bonus(match.entry, evidence)
            if match.name_score >= 1.0 and _is_main_name(mention.query, match.entry):
                score += _names_bonus(match.entry, evidence)
        if has_home_namesake and match.entry.feature == "country" and (
            match.entry.country not in countries
        ):  # "Georgia" beside Atlanta, "Palestine" beside Tyler: the state and the town
            score -= PENALTY_FOREIGN_COUNTRY_NAMESAKE
        if best is None or score > best[1]:
            best = (match.entry, score)
    return best


def _score(match: GazetteerMatch, mention: ToponymMention, evidence: _Evidence,
           containers: list[GazetteerEntry]) -> float:
    entry = match.entry
    countries = evidence.countries
    score = WEIGHT_NAME * match.name_score + _prior(entry)
    if entry.feature in ("city", "admin2") and not _is_main_name(mention.query, entry):
        score -= PENALTY_ALTERNATE_NAME  # "Washington" is also an old name of a village
    if mention.hints:
        accepted = set().union(*(HINT_FEATURES[h] for h in mention.hints))
        if entry.feature in accepted:
            score += BONUS_FEATURE_HINT
        elif entry.feature == "country" and _ends_in_feature_word(mention):
            score -= PENALTY_FEATURE_HINT + PRIOR_COUNTRY  # "Guernsey County" is no country
        else:
            score -= PENALTY_FEATURE_HINT
    required = mention.country or next(
        (c.country for c in containers if c.country and not (
            entry.feature == "country" and c.feature == "country")),  # "Iraq, Afghanistan"
        None)
    if required is not None:
        score += BONUS_CONSTRAINT if entry.country == required else -PENALTY_CONSTRAINT
    score += _container_bonus(entry, containers)
    if entry.country and entry.country in countries:
        score += BONUS_DOCUMENT_COUNTRY * min(1.0, countries[entry.country] / 2)
    elif countries:
        if entry.feature != "country":
            penalty = PENALTY_OUTSIDE_DOCUMENT.get(mention.source, 0.0)
            if _is_one_country_report(countries):
                penalty = max(penalty, PENALTY_OUTSIDE_ONE_COUNTRY_REPORT)
            score -= penalty
        if match.name_score < MATCH_SCORE_STRIPPED:
            score -= PENALTY_FOREIGN_LOOSE_MATCH  # a near-spelling abroad: "Tapah" is not Taipa
    if evidence.dateline_country is not None and entry.country == evidence.dateline_country:
        score += BONUS_DATELINE_COUNTRY
    return score + max(_proximity_bonus(entry, evidence.others),
                       WEIGHT_OTHER_READINGS * _proximity_bonus(entry, evidence.alternatives))


def _ends_in_feature_word(mention: ToponymMention) -> bool:
    """The mention's own last word names a kind of place: "Guernsey County"."""
    words = mention.text.lower().split()
    return len(words) > 1 and words[-1] in FEATURE_WORDS_AFTER


def _area_bonus(entry: GazetteerEntry, evidence: _Evidence) -> float:
    """A town or county in a first-level area the report names: "Richmond" in a Kentucky
    story."""
    if entry.feature not in ("city", "admin2") or not entry.country or not entry.admin1:
        return 0.0
    support = evidence.areas.get((entry.country, entry.admin1), 0.0) - sum(
        1.0 for other in evidence.others if other == entry)  # "Dublin City" ... "Dublin"
    return BONUS_DOCUMENT_ADMIN1 * min(1.0, support / 2)


def _names_bonus(entry: GazetteerEntry, evidence: _Evidence) -> float:
    """A town or county where the report's other names could also be: "Dublin" beside
    "Hilliard" and "Franklin County" is Ohio's."""
    if entry.feature not in ("city", "admin2") or not entry.country or not entry.admin1:
        return 0.0
    votes = evidence.name_areas.get((entry.country, entry.admin1), 0.0)
    bonus = BONUS_NAMES_AREA * min(1.0, max(0.0, votes - MIN_NAMES_AREA_VOTES)
                                   / (NAMES_AREA_FULL_VOTES - MIN_NAMES_AREA_VOTES))
    county = (entry.country, entry.admin1, entry.admin2)
    if entry.admin2 and (county in evidence.name_counties or (
        entry.feature == "admin2" and county in evidence.town_counties
    )):  # "Dublin" in a named "Franklin County"; "Walker County" holding a named "Huntsville"
        bonus += BONUS_NAMES_COUNTY
    return bonus


def _is_main_name(query: str, entry: GazetteerEntry) -> bool:
    """The query spells the entry's own name (up to articles and transliteration), not one
    of its alternate names."""
    return not _name_keys(query).isdisjoint(_name_keys(entry.name))


@lru_cache(maxsize=NAME_KEYS_CACHE_SIZE)
def _name_keys(name: str) -> frozenset[str]:
    return frozenset(name_keys(name))


def _prior(entry: GazetteerEntry) -> float:
    """What the entry's feature and population say before any context."""
    if entry.feature == "country":
        return PRIOR_COUNTRY + WEIGHT_POPULATION * math.log10(entry.population + 10) / 4
    if entry.feature in ("region", "water"):
        return PRIOR_CURATED
    prior = WEIGHT_POPULATION * math.log10(entry.population + 10)
    if entry.feature == "city":
        prior += PRIOR_CITY
    elif entry.feature == "admin2":
        prior += PRIOR_ADMIN2
    return prior


def _proximity_bonus(entry: GazetteerEntry, others: list[GazetteerEntry]) -> float:
    if entry.feature not in ("city", "admin2", "admin1"):
        return 0.0
    nearest = min(  # another mention of the same place is no evidence for it
        (_distance_km(entry, other) for other in others
         if other.feature in ("city", "admin2", "admin1") and other != entry),
        default=None,
    )
    return 0.0 if nearest is None else BONUS_PROXIMITY * math.exp(-nearest / PROXIMITY_SCALE_KM)


def _contains_bonus(entry: GazetteerEntry, contained: list[ToponymMention]) -> float:
    """A container that can hold what is named before it: "Tamale town (Tamale, Northern)"
    makes "Northern" Ghana's Northern region, which holds a Tamale."""
    bonus = 0.0
    for inner in contained:
        for match in inner.matches:
            other = match.entry
            if other.country != entry.country or other is entry or (
                (other.name, other.feature) == (entry.name, entry.feature)
            ):
                continue
            if entry.feature == "admin1" and other.admin1 == entry.name:
                return BONUS_CONTAINS
            bonus = BONUS_CONTAINS / 2
    return bonus


def _dominant_country(countries: dict[str, float]) -> str | None:
    """The country holding nearly all the report's evidence (at least two places), if any."""
    total = sum(countries.values())
    if not countries or total < DOMINANT_COUNTRY_MIN_EVIDENCE:
        return None
    code, weight = max(countries.items(), key=lambda item: item[1])
    return code if weight / total >= DOMINANT_COUNTRY_MIN_SHARE else None


def _leading_country(countries: dict[str, float]) -> str | None:
    """The country holding the most of the report's evidence (at least two places), if
    no other holds as much."""
    ranked = sorted(countries.values(), reverse=True)
    if not ranked or ranked[0] < DOMINANT_COUNTRY_MIN_EVIDENCE or (
        len(ranked) > 1 and ranked[1] == ranked[0]
    ):
        return None
    return max(countries.items(), key=lambda item: item[1])[0]


def _is_one_country_report(countries: dict[str, float]) -> bool:
    """All the report's other places and demonyms, at least three, are in one country."""
    return len(countries) == 1 and next(iter(countries.values())) >= ONE_COUNTRY_MIN_EVIDENCE


def _container_bonus(entry: GazetteerEntry, containers: list[GazetteerEntry]) -> float:
    """Agreement with the admin areas named after the mention ("Obe district, Herat")."""
    bonus = 0.0
    for container in containers:
        if container.country != entry.country:
            continue
        if (container.name, container.feature) == (entry.name, entry.feature):
            return bonus - BONUS_ADMIN1_CONTAINER  # a place does not contain itself
        admin1 = container.name if container.feature == "admin1" else container.admin1
        if entry.feature != "admin1" and admin1 is not None and entry.admin1 is not None:
            if entry.admin1 == admin1:
                bonus = max(bonus, BONUS_ADMIN1_CONTAINER)
            elif container.feature == "admin1":
                bonus = min(bonus, -PENALTY_ADMIN1_CONTAINER)
        if container.feature == "admin2" and entry.admin2 == container.name:
            bonus = max(bonus, BONUS_ADMIN1_CONTAINER * 1.5)
    return bonus


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _to_place(mention: ToponymMention) -> Place:
    entry = mention.choice
    if entry is None:
        return Place(start=mention.start, end=mention.end, text=mention.text)
    admin1 = entry.admin1
    if entry.feature == "country":
        admin1 = None
    return Place(
        start=mention.start, end=mention.end, text=mention.text, name=entry.name,
        geonameid=entry.geonameid, feature=entry.feature, country=entry.country,
        admin1=admin1, admin2=entry.admin2, lat=entry.lat, lon=entry.lon,
        seat=entry.seat if entry.feature in SEATED_FEATURES else None,
    )
