"""Finding place mentions in a report: the spans the places stage then resolves.

Needs: the spaCy parse of ``document.text`` and a ``Gazetteer`` (to check that a span
names a place). Adds: ``ToponymMention`` drafts with their offsets, the query to look up,
feature hints ("the province of X", "X County") and country constraints.

Mentions come from entities labelled GPE, LOC or FAC (an entity naming no place but
starting with one shrinks to it, "Henderson County Jail", unless the whole is another
spelling of a place, "Puli Alam"; "Northeast Georgia" is looked up as Georgia; entities
side by side before a district word are one name, "Shirin Tagab district"); the
upper-case dateline ("BEIRUT"); curated region and river names (``data/regions.yaml``)
found verbatim; demonyms ("American", "the Russians"), which stand for their country;
person-labelled spans that name a place elsewhere in the report (not a news outlet's name,
"the website Deir al-Zour 24"); the cues of ``place_cues`` (headings, "Berea police",
"University of Cincinnati", "D-Raleigh", "the Kentucky Court of Appeals"); and
capitalised names spaCy missed or labelled a person or organisation, when the context
makes them places ("in Kakamega", "Washir district", "Lamu town (Lamu West, Lamu)",
"Chekulo, Bungoma") or they exactly name a country, first-level region or large city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch, load_demonyms
from sitrep.place_cues import AREA_PART_WORDS, cue_spans
from sitrep.records import Document

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DATELINE_SEARCH_CHARS = 40  # the dateline must start within this many characters
MIN_UNLABELLED_POPULATION = 100_000  # capitalised spans spaCy missed: big cities only

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
CONSTRAINT_WINDOW_TOKENS = 6
MAX_ACRONYM_CHARS = 5  # all-capital names this short are initials, not places, unless tagged
MAX_NAME_RUN_TOKENS = 5  # capitalised runs with more words are titles, not place names
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
# lower-case particles inside hyphenated names ("Karez-e Now", "Sar-e Pul", "Sangi-ye Pain")
NAME_PARTICLES = frozenset({"e", "i", "ye", "yi", "al", "el", "ul", "ud", "ad", "as", "ash", "ar",
                            "an", "de", "du", "da", "di", "la", "le", "o"})
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
# words after a name making the whole a natural or built feature, not the town it names
FEATURE_TAIL_WORDS = frozenset({
    "park", "river", "lake", "creek", "mountain", "mountains", "mount", "island", "islands",
    "national", "forest", "valley", "road", "street", "avenue", "trail", "bridge", "dam",
    "reservoir", "bay", "beach", "springs", "falls", "hill", "hills", "highway", "boulevard",
    "drive", "lane", "township", "heights", "village", "harbor", "harbour", "point",
})
SUFFIX_WORDS = (" province", " Province", " governorate", " Governorate", " district",
                " District", " city", " City")


@dataclass
class ToponymMention:
    """A place mention being resolved: its span, what to look up and, once resolved, the
    entry chosen (mutable: the places stage fills ``matches``, ``choice`` and ``score``)."""

    start: int
    end: int
    text: str
    query: str
    source: str  # ner, dateline, curated, person, capitalised, context, cue, demonym
    hints: set[str] = field(default_factory=set)
    country: str | None = None  # imposed by a demonym, possessive or container
    container: int | None = None  # index of the mention after ", "
    curated: GazetteerEntry | None = None  # fixed: a curated region, a demonym's country
    matches: tuple[GazetteerMatch, ...] = ()
    choice: GazetteerEntry | None = None
    score: float = 0.0
    is_named_as_place: bool = False  # a place word follows, or it sits in an admin list


# ---------------------------------------------------------------------------------------
# Finding mentions


def find_mentions(document: Document, parsed: Doc, gazetteer: Gazetteer) -> list[ToponymMention]:
    """The report's place mentions in text order, one per stretch of text, with the hints
    and constraints their context gives."""
    text = document.text
    found: list[ToponymMention] = []
    dateline = _dateline_mention(document)
    if dateline is not None:
        found.append(dateline)
    for start, end, entry in gazetteer.find_curated_names(text):
        found.append(ToponymMention(start, end, text[start:end], text[start:end], "curated",
                              curated=entry))
    place_texts = set()
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS:
            mention = _entity_mention(ent, gazetteer)
            if mention is not None:
                found.append(mention)
                place_texts.update((mention.query, ent.text))
    for ent in parsed.ents:
        if ent.label_ == "PERSON" and ent.text in place_texts and not _names_an_outlet(ent):
            found.append(ToponymMention(ent.start_char, ent.end_char, ent.text, ent.text, "person"))
    found.extend(_capitalised_mentions(parsed, gazetteer, place_texts))
    found.extend(_demonym_mentions(parsed, gazetteer))
    for start, end in cue_spans(parsed, gazetteer):
        span = parsed[start:end]
        found.append(ToponymMention(span.start_char, span.end_char, span.text, span.text, "cue"))
    mentions = _drop_overlaps(found, gazetteer)
    demonyms = demonym_table()
    place_tokens = {i for ent in parsed.ents if ent.label_ in PLACE_LABELS
                    for i in range(ent.start, ent.end)}
    for mention in mentions:
        _add_context(mention, parsed, demonyms, gazetteer)
        _add_admin_list_hint(mention, parsed, place_tokens)
    return mentions


def _demonym_mentions(parsed: Doc, gazetteer: Gazetteer) -> list[ToponymMention]:
    """"American", "the Russians": a people's name stands for its country (LGL tags it)."""
    table = demonym_table()
    mentions = []
    for ent in parsed.ents:
        if ent.label_ != "NORP":
            continue
        code = table.get(ent.text) or (table.get(ent.text[:-1]) if ent.text.endswith("s")
                                        else None)
        entry = gazetteer.country_entry(code) if code else None
        if entry is not None:
            mentions.append(ToponymMention(ent.start_char, ent.end_char, ent.text, ent.text,
                                           "demonym", curated=entry))
    return mentions


def _add_admin_list_hint(mention: ToponymMention, parsed: Doc, place_tokens: set[int]) -> None:
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


def _dateline_mention(document: Document) -> ToponymMention | None:
    if not document.dateline:
        return None
    place = document.dateline.split(",")[0].strip()
    start = document.text.find(place, 0, DATELINE_SEARCH_CHARS + len(place))
    if not place or start < 0:
        return None
    mention = ToponymMention(start, start + len(place), place, place, "dateline")
    rest = document.dateline[len(document.dateline.split(",")[0]) + 1:].strip()
    if rest:
        mention.query = place  # the part after the comma is found as its own mention
    return mention


def _entity_mention(ent: Span, gazetteer: Gazetteer) -> ToponymMention | None:
    """The entity as a mention; a feature word at its end ("Anbar province") becomes a hint,
    unless the whole name is a place ("Kansas City")."""
    start, end, text = ent.start_char, ent.end_char, ent.text
    for word in LEADING_WORDS:
        if text.startswith(word):
            start, text = start + len(word), text[len(word):]
    if text.endswith(("'s", "’s")):
        end, text = end - 2, text[:-2]
    query = text
    hints: set[str] = set()
    is_whole_name = _names_exactly(text, gazetteer)
    for suffix in SUFFIX_WORDS:
        if query.endswith(suffix) and len(query) > len(suffix) and not (
            suffix.strip().lower() == "city" and is_whole_name
        ):
            query = query[: -len(suffix)]
            hints.add(FEATURE_WORDS_AFTER[suffix.strip().lower()])
            break
    if not any(ch.isalpha() for ch in query):
        return None
    mention = ToponymMention(start, end, text, query, "ner", hints=hints)
    if not is_whole_name and not hints and not _names_loosely(text, gazetteer):
        _narrow_to_place_name(mention, gazetteer)
    return mention


def _names_exactly(name: str, gazetteer: Gazetteer) -> bool:
    return any(m.name_score >= 1.0 for m in gazetteer.matches(name, fuzzy=False)[:1])


def _names_loosely(name: str, gazetteer: Gazetteer) -> bool:
    """The whole name is another spelling of a place ("Puli Alam" is Pul-e 'Alam): it is
    not cut down to the place its first word names (Puli, Taiwan)."""
    return len(name.split()) > 1 and bool(gazetteer.matches(name, fuzzy=False))


def _narrow_to_place_name(mention: ToponymMention, gazetteer: Gazetteer) -> None:
    """An entity that names no place but holds one: "Northeast Georgia" is looked up as
    Georgia; "Henderson County Jail" and "Augusta Herald" shrink to the place they start
    with ("Zion National Park" and "Lake Robinson" stay whole: no town is meant)."""
    words = mention.text.split(" ")
    if len(words) < 2 or mention.text in demonym_table():  # "Sri Lankan" is no "Sri"
        return
    parts = 0
    while parts < len(words) - 1 and words[parts].lower() in AREA_PART_WORDS:
        parts += 1  # "North West England"
    rest = " ".join(words[parts:])
    if parts and rest.lower() not in FEATURE_TAIL_WORDS and _names_exactly(rest, gazetteer):
        mention.query = rest
        return
    for size in range(len(words) - 1, 0, -1):
        if words[size].lower() in FEATURE_TAIL_WORDS | {"of"}:
            return  # "Boston Harbor", "Port of Los Angeles"
        head = " ".join(words[:size])
        if head.lower() in AREA_PART_WORDS | FEATURE_TAIL_WORDS:
            return  # "East Bank" is no "East", "Lake Ontario" no "Lake"
        if words[size - 1][:1].isupper() and _names_exactly(head, gazetteer):
            mention.end = mention.start + len(head)
            mention.text = mention.query = head
            return


def _capitalised_mentions(parsed: Doc, gazetteer: Gazetteer, place_texts: set[str]) -> list[ToponymMention]:
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
        if all(i in place_tokens for i in range(start, end)) and not _joins_entities(
            parsed[start:end]
        ):
            continue
        mention = _accept_run(parsed[start:end], gazetteer, place_texts, place_tokens,
                              is_other_entity=any(i in other_tokens for i in range(start, end)))
        if mention is not None:
            mentions.append(mention)
    return mentions


def _joins_entities(span: Span) -> bool:
    """The name run spans several entities and a place word follows: "Shirin Tagab
    district" is one district, though spaCy made two places of it."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    starts = sum(token.ent_iob_ == "B" for token in span)
    return starts > 1 and after is not None and after.lower_ in PLACE_WORDS_AFTER


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
        words = sum(_is_name_token(token) for token in parsed[run_start:run_end])
        if run_start < run_end and words <= MAX_NAME_RUN_TOKENS:  # "Rabat-e Sangi-ye Pain"
            result.append((run_start, run_end))
    return result


def _accept_run(span: Span, gazetteer: Gazetteer, place_texts: set[str],
                place_tokens: set[int], *, is_other_entity: bool) -> ToponymMention | None:
    parsed = span.doc
    text = span.text
    if any(t.lower_ in INSTITUTION_WORDS for t in span):
        return None
    if _names_an_outlet(span):
        return None
    if text in place_texts:
        return ToponymMention(span.start_char, span.end_char, text, text, "capitalised")
    if text.isupper() and len(text) <= MAX_ACRONYM_CHARS:
        return None  # "(BLA)", "NDC": organisations' initials
    if text in demonym_table():
        return None  # "the Iraqi town of Hawija": the adjective constrains, Hawija is the place
    after = parsed[span.end] if span.end < len(parsed) else None
    in_list = _in_admin_list(span, place_tokens)
    is_named = (after is not None and after.lower_ in PLACE_WORDS_AFTER) or (
        in_list and _is_listed_after_place(span, place_tokens))
    if is_named:
        return ToponymMention(span.start_char, span.end_char, text, text, "context",
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
        return ToponymMention(span.start_char, span.end_char, text, text, "context")
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
    return ToponymMention(span.start_char, span.end_char, text, text, "capitalised", matches=accepted)


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
    """"in Kakamega", "in the Dehyak-e Kalan area", "in Sagnarigu/Tamale"."""
    parsed = span.doc
    index = span.start - 1
    while index >= 1 and parsed[index].text == "/" and _is_name_token(parsed[index - 1]):
        index -= 1
        while index >= 1 and _is_name_token(parsed[index - 1]):
            index -= 1
        index -= 1
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


SOURCE_PRIORITY = {"dateline": 0, "curated": 1, "ner": 2, "person": 3, "cue": 3.5,
                   "capitalised": 4, "context": 4, "demonym": 4.5}
PRIORITY_UNMATCHED_HOLDER = 5  # an entity naming no place, holding a cue's place name


def _drop_overlaps(found: list[ToponymMention], gazetteer: Gazetteer) -> list[ToponymMention]:
    """Keep one mention per stretch of text: dateline, then curated, then the entities.

    An entity strictly longer than an overlapping curated name wins when its whole text
    names a gazetteer entry exactly; a name followed by a place word wins over an entity
    inside it ("the Dehyak-e Kalan area" over the entity "Kalan").
    """
    def rank(mention: ToponymMention) -> tuple[float, int]:
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
        if mention.source == "ner" and any(
            other.source == "cue" and mention.start <= other.start and other.end <= mention.end
            for other in found
        ) and not any(m.name_score >= 1.0 for m in gazetteer.matches(mention.query)[:1]):
            priority = PRIORITY_UNMATCHED_HOLDER  # "Henderson County Sheriff's Department"
        return priority, -(mention.end - mention.start)

    kept: list[ToponymMention] = []
    for mention in sorted(found, key=rank):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# ---------------------------------------------------------------------------------------
# Context of a mention: feature hints and country constraints


@cache
def demonym_table() -> dict[str, str]:
    return load_demonyms()


def _add_context(mention: ToponymMention, parsed: Doc, demonyms: dict[str, str],
                 gazetteer: Gazetteer) -> None:
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    own_words = mention.text.lower().split()
    if len(own_words) > 1 and own_words[-1] in FEATURE_WORDS_AFTER:  # "Laurel County"
        mention.hints.add(FEATURE_WORDS_AFTER[own_words[-1]])
    elif span.end < len(parsed):
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
    rf"|\)?\s+(?:{_PLACE_WORD_PATTERN})(?:\s+(?:center|centre|headquarters))?"
    r"\s*(?:,|\(|,?\s*of|,?\s*in)\s*(?:the\s+)?",
    re.IGNORECASE,  # "Obe district, Herat", "the X area of Farah city", "X district center, Y"
)
MAX_CONTAINER_GAP_CHARS = 24


def is_container_gap(between: str) -> bool:
    """True for the text between a place and the area containing it: ", ", " (",
    " district, ", " area of "."""
    return len(between) <= MAX_CONTAINER_GAP_CHARS and bool(_CONTAINER_GAP.fullmatch(between))


def link_containers(text: str, mentions: list[ToponymMention]) -> None:
    """"Alexandria, La.", "Obe district, Herat", "the X area of Farah city": the next
    mention contains this one. A bare comma inside an enumeration ("Jhapa, Morang and
    Ilam") links nothing."""
    listed = _enumerated(text, mentions)
    for i, mention in enumerate(mentions[:-1]):
        following = mentions[i + 1]
        between = text[mention.end: following.start]
        if (between.strip() == "," and i in listed) or "demonym" in (
            mention.source, following.source
        ):
            continue
        if is_container_gap(between) or (
            between.strip() == "of" and following.hints & {"admin1", "admin2"}
        ):  # "Tapah of Pusht Rod district"
            mention.container = i + 1
            if "admin2" in mention.hints and not following.hints:
                following.hints.add("admin1")  # "Maywand district, Kandahar": the province


def _enumerated(text: str, mentions: list[ToponymMention]) -> set[int]:
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


def containers_of(mention: ToponymMention, mentions: list[ToponymMention]) -> list[GazetteerEntry]:
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
