"""Place names that local news marks by their surroundings rather than by spaCy's labels.

Needs: the spaCy parse and a ``Gazetteer`` (each span found must name a gazetteer place
exactly). Adds: token ranges ``(start, end)`` of place names found by these cues:

- a heading dateline inside the text, upper-case or before a dash: "Title. COLUMBUS,
  Ohio (AP) —", "MANASSAS --", "Goose Creek — A man...";
- a name before a word for its people or institutions, inside an organisation's name or
  not: "Berea police", "an Alexandria man", "Oxford Police", "Henderson County Sheriff's
  Department", "Laurel County Clerk";
- a name after "University of", "City of", "State of" and the like: "University of
  Cincinnati", "the State of Ohio", and in lower case "the governor of Mombasa";
- a legislator's party and home town: "Ricky Moye, D-Raleigh";
- a country, first-level area or large city opening an organisation's name: "the U.S.
  Centers for Disease Control", "the Kentucky Court of Appeals", "Kumasi Polytechnic".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.gazetteer import Gazetteer

PLACE_FEATURES = frozenset({"city", "admin1", "admin2", "country"})
AREA_FEATURES = frozenset({"admin1", "country"})
HEADING_DASHES = frozenset({"—", "--", "–", "-", ":"})
HEADING_MAX_TOKENS = 4
MAX_PREFIX_TOKENS = 4
MAX_ACRONYM_CHARS = 5  # "PTA Council", "(D-IA)": initials, not places
MAX_SHORT_WORD_CHARS = 3  # "Ga West": a short word opening a name is no state abbreviation
# words after a place name for its people or institutions ("Berea police", "Oxford Police")
LOCAL_WORDS_AFTER = frozenset({
    "police", "sheriff", "firefighters", "fire", "man", "woman", "men", "women", "resident",
    "residents", "couple", "teen", "teenager", "native", "mayor", "council", "schools",
    "clerk", "commissioners", "selectman", "superintendent", "chamber", "area", "public",
    "education", "recreation", "community",
})
# first words of organisations' names, not of places ("Border Police", "Vice Mayor")
ORGANISATION_FIRST_WORDS = frozenset({
    "vice", "deputy", "assistant", "acting", "interim", "former", "area", "metro", "border",
    "town", "city", "county", "state", "university", "college", "school", "national", "royal",
    "federal", "local", "regional", "international", "community", "police", "arts", "young",
    "day", "this", "that", "our", "new",
})
ARTICLES = frozenset({"the", "a", "an"})
# words before "of <place>" that make it a place ("University of Cincinnati")
OF_PLACE_WORDS_BEFORE = frozenset({
    "university", "state", "city", "town", "village", "township", "county", "commonwealth",
    "province", "diocese", "archdiocese", "port", "mayor", "governor", "college",
})
# ... also in lower case ("the governor of Mombasa", "the town of Berea")
LOWER_CASE_OF_PLACE_WORDS = frozenset({"governor", "mayor", "city", "town", "village",
                                       "province", "county"})
# first words naming a part of the area after them ("Northeast Georgia", "Metro Nashville")
AREA_PART_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
    "metro", "historic", "downtown", "n.", "s.", "e.", "w.", "n.e.", "n.w.", "s.e.", "s.w.",
})
PARTY_LETTERS = frozenset({"R", "D", "I"})
MIN_ORGANISATION_CITY_POPULATION = 100_000  # "the Accra Metropolitan Assembly"
# words after a name that make the whole name a place's ("of Bala Buluk district")
PLACE_WORDS = frozenset({"district", "province", "county", "town", "village", "city", "area"})
AREA_WORDS = frozenset({"County", "Parish"})  # ending a name that is an admin area


def cue_spans(parsed: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Token ranges of place names found by the cues above, in text order."""
    local, of, hyphens = [], [], []
    for token in parsed:  # one walk over the tokens; each cue then looks only where it may
        lower = token.lower_
        if lower in LOCAL_WORDS_AFTER or token.text in AREA_WORDS:
            local.append(token)
        elif lower == "of":
            of.append(token)
        elif lower == "-":
            hyphens.append(token)
    found = [*_heading_spans(parsed, gazetteer), *_prefix_spans(local, gazetteer),
             *_of_place_spans(of, gazetteer), *_party_hometown_spans(hyphens, gazetteer),
             *_organisation_area_spans(parsed, gazetteer)]
    return sorted(set(found))


def _names_place(span: Span, gazetteer: Gazetteer) -> bool:
    return any(m.name_score >= 1.0 and m.entry.feature in PLACE_FEATURES
               for m in gazetteer.matches(span.text, fuzzy=False))


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or token.text.endswith("."))


def _heading_spans(parsed: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """"MANASSAS --", "COLUMBUS, Ohio (AP) —", "Goose Creek —" opening a sentence."""
    spans = []
    for sentence_start in _sentence_starts(parsed):
        end = sentence_start
        while end < len(parsed) and end - sentence_start < HEADING_MAX_TOKENS and (
            _is_capitalised(parsed[end])
        ):
            end += 1
        if end == sentence_start or end >= len(parsed):
            continue
        span = parsed[sentence_start:end]
        is_upper = span.text.isupper()
        after = parsed[end]
        is_dash = after.text in HEADING_DASHES and (
            bool(parsed[end - 1].whitespace_) or after.text == ":")  # "BEIRUT:"
        if not (is_dash or (is_upper and after.text in (",", "("))):  # "LEBANON (AP) —"
            continue  # "Honey-bee decline", "Four-car collision": a hyphen inside a word
        if _names_place(span, gazetteer):
            spans.append((sentence_start, end))
    return spans


def _sentence_starts(parsed: Doc) -> list[int]:
    if parsed.has_annotation("SENT_START"):
        return [sentence.start for sentence in parsed.sents]
    return [0]


def _prefix_spans(triggers: list[Token], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The capitalised run before a local word, or ending in "County", that names a place."""
    spans = []
    for token in triggers:
        parsed = token.doc
        if token.i == 0:
            continue
        if token.text in AREA_WORDS:  # "The Edgar County Community Foundation"
            end = token.i + 1
        else:
            end = token.i
        start = token.i
        while start > 0 and end - start < MAX_PREFIX_TOKENS and _is_capitalised(
            parsed[start - 1]
        ):
            start -= 1
        while start < token.i and parsed[start].lower_ in ARTICLES:
            start += 1
        if start == token.i or parsed[start].lower_ in ORGANISATION_FIRST_WORDS or all(
            t.is_stop or t.like_num for t in parsed[start:end]
        ):
            continue  # "One man was killed": a number, not a town in Italy
        span = parsed[start:end]  # the whole run: "Royal Alexandra Hospital" is no Alexandra
        if not (span.text.isupper() and len(span.text) <= MAX_ACRONYM_CHARS) and _names_place(
            span, gazetteer
        ):
            spans.append((start, end))
    return spans


def _of_place_spans(triggers: list[Token], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """"University of Cincinnati", "the State of Ohio": a capitalised run after "X of";
    "the governor of Mombasa", "the town of Berea" in lower case too; "Mindy Miller of
    Ravenel", "Smith, 24, of Berea": a person's home town."""
    spans = []
    for token in triggers:
        parsed = token.doc
        if token.i < 1 or token.i + 1 >= len(parsed):
            continue
        before = parsed[token.i - 1]
        is_institution = before.lower_ in OF_PLACE_WORDS_BEFORE and (
            before.text[:1].isupper() or before.lower_ in LOWER_CASE_OF_PLACE_WORDS)
        if not (is_institution or _ends_person(parsed, token.i)):
            continue
        start = end = token.i + 1
        while end < len(parsed) and end - start < MAX_PREFIX_TOKENS and _is_capitalised(
            parsed[end]
        ):
            end += 1
        is_named = end < len(parsed) and parsed[end].lower_ in PLACE_WORDS
        shortest = max(start, end - 1) if is_named else start
        for last in range(end, shortest, -1):  # "of Bala Buluk district" is not of Bala
            if _names_place(parsed[start:last], gazetteer):
                spans.append((start, last))
                break
    return spans


def _party_hometown_spans(triggers: list[Token], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """"John Overington, R-Berkeley": party letter, hyphen, home town."""
    spans = []
    for token in triggers:
        parsed = token.doc
        if token.i < 2 or token.i + 1 >= len(parsed):
            continue
        party, comma = parsed[token.i - 1], parsed[token.i - 2]
        if party.text not in PARTY_LETTERS or comma.text not in (",", "("):
            continue
        start = end = token.i + 1
        while end < len(parsed) and end - start < MAX_PREFIX_TOKENS and _is_capitalised(
            parsed[end]
        ):
            end += 1
        hometown = parsed[start:end].text
        if end > start and (not hometown.isupper() or "." in hometown) and _names_place(
            parsed[start:end], gazetteer
        ):  # "D-N.Y." but not "(D-IA)"
            spans.append((start, end))
    return spans


def _organisation_area_spans(parsed: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """A country, first-level area or large city opening an organisation's name: "the U.S.
    Centers for Disease Control", "the Kentucky Court of Appeals", "the DRC" tagged an
    organisation, "the Accra Metropolitan Assembly", "Kumasi Polytechnic"."""
    spans = []
    for ent in parsed.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (1 if ent[0].lower_ in ARTICLES else 0)
        if start < ent.end - 1 and parsed[start].lower_ in AREA_PART_WORDS:
            start += 1  # "Northeast Texas Community College"
        for end in range(min(ent.end, start + MAX_PREFIX_TOKENS), start, -1):
            if all(_is_capitalised(t) or t.text.isupper() for t in parsed[start:end]) and (
                not _is_short_word(parsed[start:end])
            ) and _names_area(parsed[start:end], gazetteer):
                spans.append((start, end))
                break
    return spans


def _is_short_word(span: Span) -> bool:
    """A lone word of a few letters, neither initials nor abbreviated: the "Ga" of the
    district "Ga West" is not Georgia's "Ga."."""
    text = span.text
    return len(span) == 1 and len(text) <= MAX_SHORT_WORD_CHARS and not text.isupper() and (
        "." not in text)


def _names_area(span: Span, gazetteer: Gazetteer) -> bool:
    """A country, a first-level area or a large city, named exactly."""
    return any(m.name_score >= 1.0 and (m.entry.feature in AREA_FEATURES or (
        m.entry.feature == "city" and m.entry.population >= MIN_ORGANISATION_CITY_POPULATION))
        for m in gazetteer.matches(span.text, fuzzy=False))


def _ends_person(parsed: Doc, index: int) -> bool:
    """A person's name (", 24," or "," may follow it) ends right before token ``index``."""
    at = index - 1
    if at >= 0 and parsed[at].text == ",":
        at -= 1
        if at >= 0 and parsed[at].like_num:
            at -= 2 if at >= 1 and parsed[at - 1].text == "," else 1
    return at >= 0 and parsed[at].ent_type_ == "PERSON" and parsed[at].ent_iob_ in ("B", "I") and (
        at + 1 >= len(parsed) or parsed[at + 1].ent_type_ != "PERSON")
