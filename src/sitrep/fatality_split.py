"""Totals split across places and days: ACLED codes one event per place and day.

Needs: the parse around a fatality word. Adds: ``split_count``, how many events the toll it
reports is shared by ("10 killed in Sangin and Lashkargah districts" = 2, "over three
days" = 3, "from 15/3-19/3" = 5).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.fatality_numbers import stated_number

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACE_NOUNS = frozenset(
    {"district", "city", "town", "village", "province", "county", "region", "area",
     "state", "subdistrict", "sub-county", "upazila", "tehsil", "taluka", "municipality",
     "division", "valley", "camp", "sector"}
)
PLACE_PLURALS = frozenset(noun + "s" for noun in PLACE_NOUNS if not noun.endswith("y")) | {
    "cities", "counties", "municipalities", "valleys"
}
PLACE_LIST_PREPOSITIONS = frozenset({"in", "across", "at"})
PLACE_ITEM_SPLIT_RE = re.compile(r"\s*(,\s*(?:and\s+)?|\band\b|&)\s*")
PARENTHESES_RE = re.compile(r"\s*\([^)]*\)")


def split_count(token: Token) -> int:
    """How many events (places times days) share the toll of a fatality word."""
    return _place_count(token) * _day_count(token)


def _place_count(token: Token) -> int:
    """How many places the toll of a fatality word spans, from a place list in its own
    clause ("killed in Sangin district and Lashkargah city, Helmand" = 2; the province
    after a comma is not a place of its own, nor the region named right after a place:
    "in Handwara in Jammu and Kashmir" = 1)."""
    clause = _clause_of(token)
    place_ends = set()  # where a place phrase ends: "in Handwara" before "in Jammu and Kashmir"
    for prep in clause.subtree:
        if prep.dep_ != "prep" or not _is_in_clause(prep, clause):
            continue
        objects = _children(prep, "pobj")
        if not objects:
            continue
        follows_place = prep.i - 1 in place_ends
        if objects[0].ent_type_ in PLACE_ENTITIES:  # "near Sopore", "in Handwara"
            place_ends.add(max(t.i for t in objects[0].subtree))
        if prep.lower_ not in PLACE_LIST_PREPOSITIONS or follows_place:
            continue  # "in Handwara in Jammu and Kashmir": the region that holds the place
        head = objects[0]
        of = [p for c in _children(head, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        if head.lower_ not in PLACE_NOUNS | PLACE_PLURALS and head.pos_ != "PROPN" and of:
            head = of[0]  # "in the limits of the city of X, ..."
        words = list(head.subtree)
        if any(t.ent_type_ in ("DATE", "TIME") for t in words):
            continue
        if any(t.lower_ == "between" and t.dep_ == "prep" for t in words):
            continue  # "at the border between Kenya and Ethiopia": one place on a boundary
        names_places = all(t.ent_type_ in PLACE_ENTITIES for t in words if t.pos_ == "PROPN")
        text = head.doc[words[0].i:words[-1].i + 1].text
        count = _count_places(text, bare_names_are_places=names_places)
        if count > 1:
            return count
    return 1


def _day_count(token: Token) -> int:
    """How many days the toll of a fatality word spans ("killed over two days" = 2, "killed
    from 15/3-19/3" = 5, "between 3 and 5 May" = 3)."""
    clause = _clause_of(token)
    for prep in clause.subtree:
        if prep.dep_ != "prep" or not _is_in_clause(prep, clause):
            continue
        for days in _children(prep, "pobj"):
            if days.lemma_.lower() != "day":
                continue
            numbers = [stated_number(c) or 0 for c in _children(days, "nummod")]
            if numbers and numbers[0] > 1:
                return numbers[0]
    words = [t for t in clause.subtree if _is_in_clause(t, clause)]
    return _days_in_range(token.doc[words[0].i:words[-1].i + 1].text)


MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
NUMERIC_DATE_RANGE_RE = re.compile(
    r"\b(\d{1,2})/(\d{1,2})\s*(?:-|–|to|until)\s*(\d{1,2})/(\d{1,2})\b"
)
DAY_RANGE_RE = re.compile(
    rf"\b(?:from\s+|between\s+)?{DAY}\s*(?:-|–|to|and|until)\s*{DAY}\s+(?:of\s+)?{MONTHS}",
    re.IGNORECASE,
)
MAX_SPLIT_DAYS = 31


def _days_in_range(text: str) -> int:
    """Days a range of dates in one month covers ("15/3-19/3" = 5, "3-5 May" = 3); 1 when
    there is none (or it makes no sense)."""
    days = 1
    if numeric := NUMERIC_DATE_RANGE_RE.search(text):
        a, b, c, d = (int(g) for g in numeric.groups())
        if b == d:  # day/month
            days = c - a + 1
        elif a == c:  # month/day
            days = d - b + 1
    elif named := DAY_RANGE_RE.search(text):
        days = int(named.group(2)) - int(named.group(1)) + 1
    return days if 1 < days <= MAX_SPLIT_DAYS else 1


def _clause_of(token: Token) -> Token:
    """The verb whose clause a fatality word belongs to (the word itself if a verb)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)


def _is_in_clause(token: Token, clause: Token) -> bool:
    """``token`` hangs from ``clause`` without passing through another finite clause."""
    node = token
    while node.i != clause.i:
        if node.dep_ in ("advcl", "relcl", "ccomp", "acl", "parataxis"):
            return False
        node = node.head
    return True


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _count_places(text: str, *, bare_names_are_places: bool) -> int:
    """Places in a list like "Kot, Khogyani, and Dih Bala districts, Nangarhar" (3).

    An item ending in a place noun is one place; a plural place noun ("districts") closes
    a group of names. After a place and a comma comes the region that holds it ("...,
    Helmand", "..., Turkana County"), not another place: a bare name followed by a comma
    or the end, or a place noun with no "and" later in the list. Names joined by "and"
    with no place noun are places of their own ("in Nairobi and Mombasa") when the parser
    tagged them all as places. Anything else is not a list of places (1).
    """
    text = PARENTHESES_RE.sub("", text)
    parts = PLACE_ITEM_SPLIT_RE.split(text)
    items, separators = parts[0::2], [*parts[1::2], ""]
    count, pending, after_place, has_and = 0, 0, False, False
    for n, (item, separator) in enumerate(zip(items, separators, strict=True)):
        words = item.split()
        if not words or not (words[0][:1].isupper() or words[0] == "the"):
            return 1
        last = words[-1].lower()
        follows_place = after_place and separators[n - 1].strip() == ","
        and_follows = any("and" in sep or "&" in sep for sep in separators[n:])
        if last in PLACE_PLURALS:
            count, pending, after_place = count + pending + 1, 0, True
        elif last in PLACE_NOUNS:
            count += 0 if follows_place and not and_follows else 1  # "..., Turkana County"
            after_place = True
        elif not words[-1][:1].isupper():
            return 1  # "ODM supporters": not a place
        elif after_place and separator.strip() in (",", ", and", ""):
            after_place = False  # "..., Helmand": the province
        else:
            pending += 1
            after_place = False
        has_and = has_and or "and" in separator or "&" in separator
    if count == 0 and has_and and bare_names_are_places:
        count = pending
    return max(count, 1)


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]
