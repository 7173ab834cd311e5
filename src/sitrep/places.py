"""Place mentions, found in a report and resolved against the gazetteer.

Needs: the spaCy parse of ``document.text`` (entities, tokens, sentences) and a
``Gazetteer``. Adds: a ``Place`` for each place mention, with coordinates when it
resolves; offsets are into ``document.text``.

Mentions come from entities labelled GPE, LOC or FAC; the upper-case dateline
("BEIRUT"); curated region and river names (``data/regions.yaml``) found verbatim;
person-labelled spans that name a place elsewhere in the report (not a news outlet's name,
"the website Deir al-Zour 24"); and capitalised names spaCy missed or labelled a person or
organisation, when the context makes them places ("in Kakamega", "Washir district",
"Lamu town (Lamu West, Lamu)", "Chekulo, Bungoma") or they exactly name a country,
first-level region or large city.

Each mention's candidates are ranked on: how well the name matched (exact, without
articles, transliteration skeleton, fuzzy); feature type and population; the feature
the text asks for ("the province of X", "X River", "the town of X"); the country a
demonym or possessive imposes ("the Iraqi town of Hawija", "Iraq's Anbar province") or
a following container ("Alexandria, La.", "Obe district, Herat", "X area of Y"), which in
turn prefers the candidates that can hold the name before it; the countries the report
mentions (places and demonyms) and the dateline's country; and proximity to the other
places resolved in the report. A name still unresolved inside a known area is matched
loosely against that area's names only ("Charbolak district, Balkh").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.gazetteer import (
    MATCH_SCORE_STRIPPED,
    Gazetteer,
    GazetteerEntry,
    GazetteerMatch,
    load_demonyms,
)
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
PENALTY_CONSTRAINT = 3.0  # ... or names another country: "Ashkhabad area of Maywand, Kandahar"
PENALTY_ADMIN1_CONTAINER = 1.0
BONUS_CONTAINS = 1.0  # a container candidate holding a candidate of the name before it  # the container is a region the entry is not in
# a candidate outside every country the rest of the report resolved to or its demonyms
# name; more for names only context made a place ("in Taliban" is no Turkish village)
PENALTY_OUTSIDE_DOCUMENT = {"ner": 0.3, "context": 1.0, "capitalised": 1.0}
PENALTY_OUTSIDE_ONE_COUNTRY_REPORT = 1.0  # ... when everything else is in one country
ONE_COUNTRY_MIN_EVIDENCE = 3.0  # places (countries count 2) and demonyms in that country
BONUS_DOCUMENT_COUNTRY = 0.5
BONUS_DATELINE_COUNTRY = 0.2
BONUS_PROXIMITY = 0.5
PROXIMITY_SCALE_KM = 150.0
BONUS_ADMIN1_CONTAINER = 0.8
PENALTY_FOREIGN_LOOSE_MATCH = 0.6  # a skeleton or fuzzy match outside the report's countries
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
MAX_ACRONYM_CHARS = 5  # all-capital names this short are initials, not places, unless tagged
MAX_NAME_RUN_TOKENS = 5  # capitalised runs longer than this are titles, not place names
LOCATIVE_WORDS = frozenset({
    "in", "at", "near", "outside", "from", "into", "around", "across", "through", "towards",
    "toward", "inside", "nearby", "between", "via", "to",
})
# words after a name that make it a place ("Washir district", "Lamu town", "Kibera slum")
PLACE_WORDS_AFTER = frozenset({
    *FEATURE_WORDS_AFTER, "districts", "provinces", "counties", "villages", "towns", "area",
    "sub-county", "subcounty", "constituency", "division", "upazila", "tehsil", "municipality",
    "township", "ward", "slum", "estate", "neighbourhood", "neighborhood", "suburb",
    "settlement", "locality",
}) - {"state", "river", "lake"}
# lower-case particles inside hyphenated names ("Karez-e Now", "Sar-e Pul")
NAME_PARTICLES = frozenset({"e", "i", "al", "el", "ul", "ud", "ad", "as", "ash", "ar", "an",
                            "de", "du", "da", "di", "la", "le", "o"})
# ... and those that join two capitalised words on their own ("Dara i Pech")
SPACED_NAME_PARTICLES = frozenset({"e", "i", "ul", "al", "el", "de", "du", "da", "di"})
# capitalised words that name institutions, never places, even after "in" ("in Congress")
INSTITUTION_WORDS = frozenset({
    "congress", "parliament", "senate", "court", "assembly", "university", "college",
    "school", "hospital", "police", "army", "church", "mosque", "government", "ministry",
    "council", "cabinet", "state", "house", "office", "market", "prison", "camp", "station",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "christmas", "easter", "ramadan", "god", "allah",
})
MAX_OUTLET_NUMBER_CHARS = 2  # "Deir al-Zour 24"; a year after a name is a date, not a name
OUTLET_WORDS = frozenset({"website", "site", "newspaper", "channel", "radio", "agency",
                          "daily", "outlet", "page", "network", "tv", "television"})
NON_NAME_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                    "QUANTITY", "LAW", "LANGUAGE"})
LEADING_WORDS = ("the ", "The ")
SUFFIX_WORDS = (" province", " Province", " governorate", " Governorate", " district",
                " District", " city", " City")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    query: str
    source: str  # ner, dateline, curated, person, capitalised, context
    hints: set[str] = field(default_factory=set)
    country: str | None = None  # imposed by a demonym, possessive or container
    container: int | None = None  # index of the mention after ", "
    curated: GazetteerEntry | None = None
    matches: tuple[GazetteerMatch, ...] = ()
    choice: GazetteerEntry | None = None
    score: float = 0.0
    is_named_as_place: bool = False  # a place word follows, or it sits in an admin list


def extract_places(document: Document, parsed: Doc, *, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Find and resolve the place mentions of one report."""
    mentions = _find_mentions(document, parsed, gazetteer)
    for mention in mentions:
        if mention.curated is None and not mention.matches:
            mention.matches = gazetteer.matches(mention.query)
    _link_containers(document.text, mentions)
    demonyms = _demonyms()
    demonym_countries: dict[str, float] = {}
    for ent in parsed.ents:
        if ent.label_ == "NORP" and ent.text in demonyms:  # "Afghan forces", "Kenyan police"
            code = demonyms[ent.text]
            demonym_countries[code] = demonym_countries.get(code, 0.0) + 1.0
    _resolve(document, mentions, gazetteer, demonym_countries)
    if _match_within_areas(mentions, gazetteer, demonym_countries):
        _resolve(document, mentions, gazetteer, demonym_countries)
    return tuple(_to_place(m) for m in mentions)


def _match_within_areas(mentions: list[_Mention], gazetteer: Gazetteer,
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
        containers = _containers(mention, mentions)
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
        if ent.label_ == "PERSON" and ent.text in place_texts and not _names_an_outlet(ent):
            found.append(_Mention(ent.start_char, ent.end_char, ent.text, ent.text, "person"))
    found.extend(_capitalised_mentions(parsed, gazetteer, place_texts))
    mentions = _drop_overlaps(found, gazetteer)
    demonyms = _demonyms()
    place_tokens = {i for ent in parsed.ents if ent.label_ in PLACE_LABELS
                    for i in range(ent.start, ent.end)}
    for mention in mentions:
        _add_context(mention, parsed, demonyms, gazetteer)
        _add_admin_list_hint(mention, parsed, place_tokens)
    return mentions


def _add_admin_list_hint(mention: _Mention, parsed: Doc, place_tokens: set[int]) -> None:
    """ACLED's "(Lamu West, Lamu)" lists the district, then the first-level region."""
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0 or mention.hints or not _in_admin_list(span, place_tokens):
        return
    is_last = span.end < len(parsed) and parsed[span.end].text == ")"
    word_after = parsed[span.end + 1].lower_ if is_last and span.end + 1 < len(parsed) else ""
    if word_after in FEATURE_WORDS_AFTER:  # "Andar (Shalgar) district": another name for it
        mention.hints.add(FEATURE_WORDS_AFTER[word_after])
    elif word_after.rstrip("s") in FEATURE_WORDS_AFTER:
        mention.hints.add(FEATURE_WORDS_AFTER[word_after.rstrip("s")])
    else:
        mention.hints.add("admin1" if is_last else "admin2")


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
    """Capitalised name runs that spaCy did not label a place, kept when they are one.

    A run is kept when a place word follows it ("Washir district", "Lamu town") or it sits
    in a parenthesised list of admin areas ("Lamu town (Lamu West, Lamu)"); when a
    locative word precedes it or ", <region or country>" follows it and it names a
    gazetteer entry exactly ("in Kakamega", "at Chekulo, Bungoma"); or, outside spaCy's
    person and organisation names, when it names a country, first-level region or large
    city exactly.
    """
    place_tokens: set[int] = set()
    other_tokens: set[int] = set()
    for ent in parsed.ents:
        (place_tokens if ent.label_ in PLACE_LABELS else other_tokens).update(
            range(ent.start, ent.end))
    mentions = []
    for start, end in _name_runs(parsed):
        if all(i in place_tokens for i in range(start, end)):
            continue
        mention = _accept_run(parsed[start:end], gazetteer, place_texts, place_tokens,
                              is_other_entity=any(i in other_tokens for i in range(start, end)))
        if mention is not None:
            mentions.append(mention)
    return mentions


def _names_an_outlet(span: Span) -> bool:
    """"the website Deir al-Zour 24", "the channel Aleppo Today": a place name that names a
    source: a short number right after it, or an outlet word right before it."""
    parsed = span.doc
    after = parsed[span.end] if span.end < len(parsed) else None
    before = parsed[span.start - 1] if span.start > 0 else None
    if after is not None and after.text.isdigit() and len(after.text) <= MAX_OUTLET_NUMBER_CHARS:
        return True
    return before is not None and before.lower_ in OUTLET_WORDS


def _is_name_token(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        and (token.is_alpha or (token.text.endswith(".") and len(token.text) <= 5))
        and token.ent_type_ not in NON_NAME_ENTITY_LABELS
    )


def _is_connector(token: Token, parsed: Doc) -> bool:
    """A hyphen or particle inside a hyphenated name: the "-e" of "Karez-e Now"."""
    if token.i == 0 or token.i + 1 >= len(parsed):
        return False
    before = parsed[token.i - 1]
    if token.text == "-":
        return not before.whitespace_ and not token.whitespace_
    if token.text in SPACED_NAME_PARTICLES and _is_name_token(before):
        return _is_name_token(parsed[token.i + 1])
    return token.lower_ in NAME_PARTICLES and before.text == "-" and not before.whitespace_


def _name_runs(parsed: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of capitalised names, hyphenated parts joined."""
    runs = []
    start = None
    last_name = -1
    for token in parsed:
        if _is_name_token(token):
            if start is None:
                start = token.i
            last_name = token.i
            continue
        if start is not None and _is_connector(token, parsed):
            continue
        if start is not None:
            runs.append((start, last_name + 1))
        start = None
    if start is not None:
        runs.append((start, last_name + 1))
    result = []
    for run_start, run_end in runs:
        while run_start < run_end and parsed[run_start].is_stop:
            run_start += 1  # "The", "In"
        if run_start < run_end and run_end - run_start <= MAX_NAME_RUN_TOKENS:
            result.append((run_start, run_end))
    return result


def _accept_run(span: Span, gazetteer: Gazetteer, place_texts: set[str],
                place_tokens: set[int], *, is_other_entity: bool) -> _Mention | None:
    parsed = span.doc
    text = span.text
    if any(t.lower_ in INSTITUTION_WORDS for t in span):
        return None
    if _names_an_outlet(span):
        return None
    if text in place_texts:
        return _Mention(span.start_char, span.end_char, text, text, "capitalised")
    if text.isupper() and len(text) <= MAX_ACRONYM_CHARS:
        return None  # "(BLA)", "NDC": organisations' initials
    if text in _demonyms():
        return None  # "the Iraqi town of Hawija": the adjective constrains, Hawija is the place
    after = parsed[span.end] if span.end < len(parsed) else None
    in_list = _in_admin_list(span, place_tokens)
    is_named = (after is not None and after.lower_ in PLACE_WORDS_AFTER) or (
        in_list and _is_listed_after_place(span, place_tokens))
    if is_named:
        return _Mention(span.start_char, span.end_char, text, text, "context",
                        is_named_as_place=True)
    starts_sentence = span[0].is_sent_start if parsed.has_annotation("SENT_START") else (
        span.start == 0)
    if starts_sentence:
        return None
    exact = tuple(m for m in gazetteer.matches(text, fuzzy=False) if m.name_score >= 1.0)
    if not exact:
        return None
    if (_follows_locative(span) or _precedes_region(span, gazetteer) or in_list
            or _follows_place(span, place_tokens)):
        return _Mention(span.start_char, span.end_char, text, text, "context")
    if is_other_entity:
        return None
    has_tags = parsed.has_annotation("TAG")
    if has_tags and any(t.pos_ != "PROPN" for t in span):
        return None
    if len(span) == 1 and span[0].is_stop:
        return None
    accepted = tuple(
        match for match in exact
        if match.entry.feature in ("country", "admin1")
        or (match.entry.feature == "city" and match.entry.population >= MIN_UNLABELLED_POPULATION)
    )
    if not accepted:
        return None
    return _Mention(span.start_char, span.end_char, text, text, "capitalised", matches=accepted)


def _is_listed_after_place(span: Span, place_tokens: set[int]) -> bool:
    """The parenthesised list follows a place entity or a place word, or holds a comma."""
    parsed = span.doc
    open_at = span.start - 1
    while open_at >= 0 and parsed[open_at].text != "(":
        open_at -= 1
    close_at = span.end
    while close_at < len(parsed) and parsed[close_at].text != ")":
        close_at += 1
    before = parsed[open_at - 1] if open_at >= 1 else None
    return (before is not None and (before.i in place_tokens
                                    or before.lower_ in PLACE_WORDS_AFTER)) or any(
        t.text == "," for t in parsed[open_at:close_at])


def _follows_place(span: Span, place_tokens: set[int]) -> bool:
    """"Gelan district, Ghazni", "Kabul, Afghanistan": a comma after a place."""
    parsed = span.doc
    if span.start < 2 or parsed[span.start - 1].text != ",":
        return False
    before = parsed[span.start - 2]
    return before.i in place_tokens or before.lower_ in PLACE_WORDS_AFTER


def _follows_locative(span: Span) -> bool:
    """"in Kakamega", "in the Dehyak-e Kalan area"."""
    parsed = span.doc
    index = span.start - 1
    if index >= 0 and parsed[index].lower_ == "the":
        index -= 1
    if index >= 1 and parsed[index].lower_ == "to" and parsed[index - 1].lower_ in (
        "according", "due", "thanks", "owing", "belonging", "loyal", "close"
    ):
        return False  # "according to Taliban sources"
    return index >= 0 and parsed[index].lower_ in LOCATIVE_WORDS


def _precedes_region(span: Span, gazetteer: Gazetteer) -> bool:
    """"Chekulo, Bungoma": a comma, then a name that is exactly a region or a country."""
    parsed = span.doc
    if span.end + 1 >= len(parsed) or parsed[span.end].text != ",":
        return False
    end = span.end + 1
    while end < len(parsed) and end - span.end <= 3 and _is_name_token(parsed[end]):
        end += 1
    if end == span.end + 1 or (end < len(parsed) and parsed[end].text in ("'s", "’s")):
        return False
    name = parsed[span.end + 1:end].text
    return any(m.name_score >= 1.0 and m.entry.feature in ("admin1", "country")
               for m in gazetteer.matches(name, fuzzy=False))


def _in_admin_list(span: Span, place_tokens: set[int]) -> bool:
    """Inside "( ... )" holding only comma-separated names, right after a place.

    ACLED's notes name the admin areas this way: "Lamu town (Lamu West, Lamu)".
    """
    parsed = span.doc
    open_at = span.start - 1
    while open_at >= 0 and (parsed[open_at].text == "," or _is_name_token(parsed[open_at])
                            or _is_connector(parsed[open_at], parsed)):
        open_at -= 1
    close_at = span.end
    while close_at < len(parsed) and (parsed[close_at].text == "," or _is_name_token(
            parsed[close_at]) or _is_connector(parsed[close_at], parsed)):
        close_at += 1
    if open_at < 1 or close_at >= len(parsed):
        return False
    if parsed[open_at].text != "(" or parsed[close_at].text != ")":
        return False
    before = parsed[open_at - 1]
    return before.i in place_tokens or before.lower_ in PLACE_WORDS_AFTER or (
        _is_name_token(before))


SOURCE_PRIORITY = {"dateline": 0, "curated": 1, "ner": 2, "person": 3, "capitalised": 4,
                   "context": 4}


def _drop_overlaps(found: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Keep one mention per stretch of text: dateline, then curated, then the entities.

    An entity strictly longer than an overlapping curated name wins when its whole text
    names a gazetteer entry exactly; a name followed by a place word wins over an entity
    inside it ("the Dehyak-e Kalan area" over the entity "Kalan").
    """
    def rank(mention: _Mention) -> tuple[float, int]:
        priority: float = SOURCE_PRIORITY[mention.source]
        if mention.is_named_as_place and any(
            other.source == "ner" and mention.start <= other.start and other.end <= mention.end
            and (other.start, other.end) != (mention.start, mention.end) for other in found
        ):
            priority = 1.5
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
        if not mention.hints:  # "the village of Obe district": the word after is its own
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


_PLACE_WORD_PATTERN = "|".join(re.escape(w) for w in sorted(PLACE_WORDS_AFTER))
_CONTAINER_GAP = re.compile(
    r"\s*[,(]\s*"  # "Hawija, Iraq", "Lamu town (Lamu West, Lamu)"
    rf"|\)?\s+(?:{_PLACE_WORD_PATTERN})\s*(?:,|\(|,?\s*of|,?\s*in)\s*(?:the\s+)?",
    re.IGNORECASE,  # "Obe district, Herat", "the X area of Farah city"
)
MAX_CONTAINER_GAP_CHARS = 24


def is_container_gap(between: str) -> bool:
    """True for the text between a place and the area containing it: ", ", " (",
    " district, ", " area of "."""
    return len(between) <= MAX_CONTAINER_GAP_CHARS and bool(_CONTAINER_GAP.fullmatch(between))


def _link_containers(text: str, mentions: list[_Mention]) -> None:
    """"Alexandria, La.", "Obe district, Herat", "the X area of Farah city": the next
    mention contains this one. A bare comma inside an enumeration ("Jhapa, Morang and
    Ilam") links nothing."""
    listed = _enumerated(text, mentions)
    for i, mention in enumerate(mentions[:-1]):
        following = mentions[i + 1]
        between = text[mention.end: following.start]
        if between.strip() == "," and i in listed:
            continue
        if is_container_gap(between) or (
            between.strip() == "of" and following.hints & {"admin1", "admin2"}
        ):  # "Tapah of Pusht Rod district"
            mention.container = i + 1
            if "admin2" in mention.hints and not following.hints:
                following.hints.add("admin1")  # "Maywand district, Kandahar": the province


def _enumerated(text: str, mentions: list[_Mention]) -> set[int]:
    """Indexes of mentions in a list of three or more, or of two joined by "and"/"or"."""
    listed: set[int] = set()
    group = [0] if mentions else []
    has_conjunction = False
    for i in range(1, len(mentions) + 1):
        gap = text[mentions[i - 1].end: mentions[i].start] if i < len(mentions) else "."
        words = gap.replace(",", " ").split()
        if i < len(mentions) and gap.strip() and len(gap) <= 7 and (
            not words or words in (["and"], ["or"])
        ):
            group.append(i)
            has_conjunction = has_conjunction or bool(words)
            continue
        if len(group) >= 3 or (len(group) == 2 and has_conjunction):
            listed.update(group)
        group, has_conjunction = [i], False
    return listed


def _containers(mention: _Mention, mentions: list[_Mention]) -> list[GazetteerEntry]:
    """The resolved entries of the mention's chain of containers, innermost first."""
    chain = []
    seen = set()
    index = mention.container
    while index is not None and index not in seen:
        seen.add(index)
        if mentions[index].choice is not None:
            chain.append(mentions[index].choice)
        index = mentions[index].container
    return chain


# ---------------------------------------------------------------------------------------
# Resolution


def _resolve(document: Document, mentions: list[_Mention], gazetteer: Gazetteer,
             demonym_countries: dict[str, float]) -> None:
    dateline_country = None
    for mention in mentions:
        if mention.source == "dateline":
            top = _best(mention, None, {}, [], [])
            dateline_country = top[0].country if top else None
    # pass 1: the name, feature, population and local constraints alone; right to left,
    # so that "Obe district, Herat" knows Herat before it ranks the Obes
    for mention in reversed(mentions):
        _choose(mention, dateline_country, dict(demonym_countries), [], mentions)
    # pass 2: add the countries and places the rest of the report resolved to
    first_pass = [(m.query, m.choice) for m in mentions]
    for mention in mentions:
        others = [
            entry for (query, entry), other in zip(first_pass, mentions, strict=True)
            if entry is not None and query != mention.query and other is not mention
        ]
        countries = dict(demonym_countries)
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
    contained = [m for m in mentions if m.container is not None
                 and mentions[m.container] is mention]
    best = _best(mention, dateline_country, countries, others, _containers(mention, mentions),
                 contained)
    if best is None or best[1] < MIN_ACCEPTED_SCORE:
        mention.choice, mention.score = None, 0.0
    else:
        mention.choice, mention.score = best


def _best(mention: _Mention, dateline_country: str | None, countries: dict[str, float],
          others: list[GazetteerEntry], containers: list[GazetteerEntry],
          contained: list[_Mention] | None = None) -> tuple[GazetteerEntry, float] | None:
    best: tuple[GazetteerEntry, float] | None = None
    for match in mention.matches:
        score = _score(match, mention, dateline_country, countries, others, containers)
        score += _contains_bonus(match.entry, contained or [])
        if best is None or score > best[1]:
            best = (match.entry, score)
    return best


def _score(match: GazetteerMatch, mention: _Mention, dateline_country: str | None,
           countries: dict[str, float], others: list[GazetteerEntry],
           containers: list[GazetteerEntry]) -> float:
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
    required = mention.country or next((c.country for c in containers if c.country), None)
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


def _contains_bonus(entry: GazetteerEntry, contained: list[_Mention]) -> float:
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
