"""Place mentions, found in a report and resolved against the gazetteer.

Needs: the spaCy parse of ``document.text`` (entities, tokens, sentences) and a
``Gazetteer``. Adds: a ``Place`` for each place mention, with coordinates when it
resolves; offsets are into ``document.text``.

Mentions come from entities labelled GPE, LOC or FAC; the upper-case dateline
("BEIRUT"); curated region and river names (``data/regions.yaml``) found verbatim;
person-labelled spans that name a place elsewhere in the report; and capitalised spans
spaCy missed that exactly name a country, first-level region or large city.

Each mention's candidates are ranked on: how well the name matched (exact, without
articles, transliteration skeleton, fuzzy); feature type and population; the feature
the text asks for ("the province of X", "X River", "the town of X"); the country a
demonym or possessive imposes ("the Iraqi town of Hawija", "Iraq's Anbar province") or
a following container ("Alexandria, La."); the countries the report mentions and the
dateline's country; and proximity to the other places resolved in the report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from sitrep.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch, load_demonyms
from sitrep.records import Document, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DATELINE_SEARCH_CHARS = 40  # the dateline must start within this many characters

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
BONUS_DOCUMENT_COUNTRY = 0.5
BONUS_DATELINE_COUNTRY = 0.2
BONUS_PROXIMITY = 0.5
PROXIMITY_SCALE_KM = 150.0
BONUS_ADMIN1_CONTAINER = 0.5
MIN_UNLABELLED_POPULATION = 100_000  # capitalised spans spaCy missed: big cities only
MIN_ACCEPTED_SCORE = 1.3  # below this a mention stays unresolved

FEATURE_WORDS_BEFORE = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
    "district": "admin2", "county": "admin2",
    "town": "city", "city": "city", "village": "city", "capital": "city",
    "suburb": "city", "neighbourhood": "city", "neighborhood": "city", "hamlet": "city",
    "country": "country", "river": "water", "lake": "water",
}
FEATURE_WORDS_AFTER = {
    "province": "admin1", "governorate": "admin1", "region": "admin1", "state": "admin1",
    "district": "admin2", "county": "admin2", "parish": "admin2",
    "city": "city", "town": "city", "village": "city",
    "river": "water", "lake": "water", "valley": "region", "desert": "region",
    "mountains": "region",
}
HINT_FEATURES = {  # a hinted feature also accepts these
    "admin1": {"admin1", "region"},
    "admin2": {"admin2", "admin1"},
    "city": {"city"},
    "country": {"country"},
    "water": {"water"},
    "region": {"region"},
}
CONSTRAINT_WINDOW_TOKENS = 6
LEADING_WORDS = ("the ", "The ")
SUFFIX_WORDS = (" province", " Province", " governorate", " Governorate", " district",
                " District", " city", " City")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    query: str
    source: str  # ner, dateline, curated, person, capitalised
    hints: set[str] = field(default_factory=set)
    country: str | None = None  # imposed by a demonym, possessive or container
    container: int | None = None  # index of the mention after ", "
    curated: GazetteerEntry | None = None
    matches: tuple[GazetteerMatch, ...] = ()
    choice: GazetteerEntry | None = None
    score: float = 0.0


def extract_places(document: Document, parsed: Doc, *, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Find and resolve the place mentions of one report."""
    mentions = _find_mentions(document, parsed, gazetteer)
    for mention in mentions:
        if mention.curated is None and not mention.matches:
            mention.matches = gazetteer.matches(mention.query)
    _link_containers(document.text, mentions)
    _resolve(document, mentions, gazetteer)
    return tuple(_to_place(m) for m in mentions)


# ---------------------------------------------------------------------------------------
# Finding mentions


def _find_mentions(document: Document, parsed: Doc, gazetteer: Gazetteer) -> list[_Mention]:
    text = document.text
    found: list[_Mention] = []
    dateline = _dateline_mention(document)
    if dateline is not None:
        found.append(dateline)
    for start, end, entry in gazetteer.find_curated_names(text):
        found.append(_Mention(start, end, text[start:end], text[start:end], "curated",
                              curated=entry))
    place_texts = set()
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS:
            mention = _entity_mention(ent)
            if mention is not None:
                found.append(mention)
                place_texts.add(mention.query)
    for ent in parsed.ents:
        if ent.label_ == "PERSON" and ent.text in place_texts:
            found.append(_Mention(ent.start_char, ent.end_char, ent.text, ent.text, "person"))
    found.extend(_capitalised_mentions(parsed, gazetteer, place_texts))
    mentions = _drop_overlaps(found, gazetteer)
    demonyms = _demonyms()
    for mention in mentions:
        _add_context(mention, parsed, demonyms, gazetteer)
    return mentions


def _dateline_mention(document: Document) -> _Mention | None:
    if not document.dateline:
        return None
    place = document.dateline.split(",")[0].strip()
    start = document.text.find(place, 0, DATELINE_SEARCH_CHARS + len(place))
    if not place or start < 0:
        return None
    mention = _Mention(start, start + len(place), place, place, "dateline")
    rest = document.dateline[len(document.dateline.split(",")[0]) + 1:].strip()
    if rest:
        mention.query = place  # the part after the comma is found as its own mention
    return mention


def _entity_mention(ent: Span) -> _Mention | None:
    start, end, text = ent.start_char, ent.end_char, ent.text
    for word in LEADING_WORDS:
        if text.startswith(word):
            start, text = start + len(word), text[len(word):]
    if text.endswith(("'s", "’s")):
        end, text = end - 2, text[:-2]
    query = text
    hints: set[str] = set()
    for suffix in SUFFIX_WORDS:
        if query.endswith(suffix) and len(query) > len(suffix):
            query = query[: -len(suffix)]
            hints.add(FEATURE_WORDS_AFTER[suffix.strip().lower()])
            break
    if not any(ch.isalpha() for ch in query):
        return None
    return _Mention(start, end, text, query, "ner", hints=hints)


def _capitalised_mentions(parsed: Doc, gazetteer: Gazetteer, place_texts: set[str]) -> list[_Mention]:
    """Runs of capitalised tokens outside entities that exactly name a well-known place."""
    in_entity = set()
    for ent in parsed.ents:
        in_entity.update(range(ent.start, ent.end))
    has_sentences = parsed.has_annotation("SENT_START")
    has_tags = parsed.has_annotation("TAG")
    mentions = []
    run: list[int] = []
    for token in [*parsed, None]:
        if (
            token is not None
            and token.i not in in_entity
            and token.text[:1].isupper()
            and (token.is_alpha or token.text.endswith("."))
            and (not has_tags or token.pos_ == "PROPN")
            and not (token.is_sent_start if has_sentences else token.i == 0)
        ):
            run.append(token.i)
            continue
        if run and len(run) <= 4:
            span = parsed[run[0]: run[-1] + 1]
            if not (len(run) == 1 and span[0].is_stop):
                mention = _accept_capitalised(span, gazetteer, place_texts)
                if mention is not None:
                    mentions.append(mention)
        run = []
    return mentions


def _accept_capitalised(span: Span, gazetteer: Gazetteer, place_texts: set[str]) -> _Mention | None:
    text = span.text
    if text in place_texts:
        return _Mention(span.start_char, span.end_char, text, text, "capitalised")
    accepted = tuple(
        match for match in gazetteer.matches(text)
        if match.name_score >= 1.0 and (
            match.entry.feature in ("country", "admin1")
            or (match.entry.feature == "city"
                and match.entry.population >= MIN_UNLABELLED_POPULATION)
        )
    )
    if not accepted:
        return None
    return _Mention(span.start_char, span.end_char, text, text, "capitalised", matches=accepted)


SOURCE_PRIORITY = {"dateline": 0, "curated": 1, "ner": 2, "person": 3, "capitalised": 4}


def _drop_overlaps(found: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Keep one mention per stretch of text: dateline, then curated, then the entities.

    An entity strictly longer than an overlapping curated name wins when its whole text
    names a gazetteer entry exactly.
    """
    def rank(mention: _Mention) -> tuple[int, int]:
        priority = SOURCE_PRIORITY[mention.source]
        if mention.source == "ner" and any(
            m.name_score >= 1.0 for m in gazetteer.matches(mention.query)[:1]
        ):
            overlapping_curated = [
                c for c in found
                if c.source == "curated" and c.start < mention.end and mention.start < c.end
            ]
            if overlapping_curated and all(
                mention.end - mention.start > c.end - c.start for c in overlapping_curated
            ):
                priority = 0
        return priority, -(mention.end - mention.start)

    kept: list[_Mention] = []
    for mention in sorted(found, key=rank):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# ---------------------------------------------------------------------------------------
# Context of a mention: feature hints and country constraints


@cache
def _demonyms() -> dict[str, str]:
    return load_demonyms()


def _add_context(mention: _Mention, parsed: Doc, demonyms: dict[str, str],
                 gazetteer: Gazetteer) -> None:
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    if span.end < len(parsed):
        after = parsed[span.end].lower_
        if after in FEATURE_WORDS_AFTER:
            mention.hints.add(FEATURE_WORDS_AFTER[after])
    window_start = max(span.start - CONSTRAINT_WINDOW_TOKENS, span.sent.start
                       if parsed.has_annotation("SENT_START") else 0)
    window = list(parsed[window_start: span.start])
    feature_at = None
    if len(window) >= 2 and window[-1].lower_ == "of" and window[-2].lower_ in FEATURE_WORDS_BEFORE:
        mention.hints.add(FEATURE_WORDS_BEFORE[window[-2].lower_])
        feature_at = len(window) - 2
    elif window and window[-1].lower_ in FEATURE_WORDS_BEFORE and window[-1].lower_ not in (
        "country", "state", "region"
    ):
        feature_at = len(window) - 1
    if feature_at is None:
        return
    for i in range(feature_at - 1, -1, -1):
        token = window[i]
        two = f"{window[i - 1].text} {token.text}" if i > 0 else None
        if two in demonyms:
            mention.country = demonyms[two]
            return
        if token.text in demonyms:
            mention.country = demonyms[token.text]
            return
        if token.text in ("'s", "’s") and i > 0:
            owner = window[i - 1].text
            for match in gazetteer.matches(owner)[:3]:
                if match.name_score >= 1.0 and match.entry.feature == "country":
                    mention.country = match.entry.country
                    return
        if token.is_punct or token.lower_ in ("the", "a", "an"):
            return


def _link_containers(text: str, mentions: list[_Mention]) -> None:
    """"Alexandria, La." and "Hawija, Iraq": the second mention contains the first."""
    for i, mention in enumerate(mentions[:-1]):
        following = mentions[i + 1]
        between = text[mention.end: following.start]
        if between.strip() == "," and len(between) <= 3:
            mention.container = i + 1


# ---------------------------------------------------------------------------------------
# Resolution


def _resolve(document: Document, mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    dateline_country = None
    for mention in mentions:
        if mention.source == "dateline":
            top = _best(mention, None, {}, [])
            dateline_country = top[0].country if top else None
    # pass 1: the name, feature, population and local constraints alone
    for mention in mentions:
        _choose(mention, dateline_country, {}, [], mentions)
    # pass 2: add the countries and places the rest of the report resolved to
    first_pass = [(m.query, m.choice) for m in mentions]
    for index, mention in enumerate(mentions):
        others = [
            entry for (query, entry), other in zip(first_pass, mentions, strict=True)
            if entry is not None and query != mention.query and other is not mention
        ]
        countries: dict[str, float] = {}
        for entry in others:
            if entry.country:
                weight = 2.0 if entry.feature == "country" else 1.0
                countries[entry.country] = countries.get(entry.country, 0.0) + weight
        _choose(mention, dateline_country, countries, others, mentions)


def _choose(mention: _Mention, dateline_country: str | None, countries: dict[str, float],
            others: list[GazetteerEntry], mentions: list[_Mention]) -> None:
    if mention.curated is not None:
        mention.choice, mention.score = mention.curated, PRIOR_CURATED + WEIGHT_NAME
        return
    container = mentions[mention.container].choice if mention.container is not None else None
    best = _best(mention, dateline_country, countries, others, container)
    if best is None or best[1] < MIN_ACCEPTED_SCORE:
        mention.choice, mention.score = None, 0.0
    else:
        mention.choice, mention.score = best


def _best(mention: _Mention, dateline_country: str | None, countries: dict[str, float],
          others: list[GazetteerEntry],
          container: GazetteerEntry | None = None) -> tuple[GazetteerEntry, float] | None:
    best: tuple[GazetteerEntry, float] | None = None
    for match in mention.matches:
        score = _score(match, mention, dateline_country, countries, others, container)
        if best is None or score > best[1]:
            best = (match.entry, score)
    return best


def _score(match: GazetteerMatch, mention: _Mention, dateline_country: str | None,
           countries: dict[str, float], others: list[GazetteerEntry],
           container: GazetteerEntry | None) -> float:
    entry = match.entry
    score = WEIGHT_NAME * match.name_score
    if entry.feature == "country":
        score += PRIOR_COUNTRY + WEIGHT_POPULATION * math.log10(entry.population + 10) / 4
    elif entry.feature in ("region", "water"):
        score += PRIOR_CURATED
    else:
        score += WEIGHT_POPULATION * math.log10(entry.population + 10)
        score += PRIOR_CITY if entry.feature == "city" else 0.0
        score += PRIOR_ADMIN2 if entry.feature == "admin2" else 0.0
    if mention.hints:
        accepted = set().union(*(HINT_FEATURES[h] for h in mention.hints))
        score += BONUS_FEATURE_HINT if entry.feature in accepted else -PENALTY_FEATURE_HINT
    required = mention.country or (container.country if container is not None else None)
    if required is not None:
        score += BONUS_CONSTRAINT if entry.country == required else -BONUS_CONSTRAINT
    if (
        container is not None and container.feature == "admin1" and entry.feature != "admin1"
        and entry.admin1 == container.name and entry.country == container.country
    ):
        score += BONUS_ADMIN1_CONTAINER
    if entry.country and entry.country in countries:
        score += BONUS_DOCUMENT_COUNTRY * min(1.0, countries[entry.country] / 2)
    if dateline_country is not None and entry.country == dateline_country:
        score += BONUS_DATELINE_COUNTRY
    if others and entry.feature in ("city", "admin2", "admin1"):
        nearest = min(
            (_distance_km(entry, other) for other in others
             if other.feature in ("city", "admin2", "admin1")),
            default=None,
        )
        if nearest is not None:
            score += BONUS_PROXIMITY * math.exp(-nearest / PROXIMITY_SCALE_KM)
    return score


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _to_place(mention: _Mention) -> Place:
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
    )
