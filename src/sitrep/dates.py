"""Dates stage: find time expressions and normalise them to TimeML TIMEX3 values; check the
document date against what the text reports.

Needs: the document text, its spaCy parse (tense and the verb a time expression hangs on;
optional: without it a cheap word-window heuristic stands in) and a reference date (the
document date, possibly corrected by ``assess_document_date``).
Adds: ``Timex`` records; a ``DateAssessment`` of the document date; ``timex_date`` turns a
TIMEX3 value into ACLED's event date and time_precision.

Detection is the rule grammar in ``timex_rules.py`` (patterns in ``timex_patterns.py``,
normalisers in ``timex_normalise.py``; spaCy's DATE/TIME entities over- and under-extend:
"Jan. 8" is fine, "the past" and "Monday" inside longer phrases are not), so the stage
costs a few regular-expression passes over the text and no model calls. Year-less and
relative expressions resolve against the reference in the direction of the clause's
tense: past clauses resolve on or before the reference, future ones on or after it, and a
deadline ("extended to Nov. 16", "set to expire Nov. 6") or an infinitive after a past verb
takes the nearest occurrence. A bare past participle tells of something done ("the
decision, announced Wednesday"); a bare present participle takes the tense of the clause
it modifies ("rising to a high ... in March"). "Three days later", "the following month"
and "a year earlier" count from the time the text last mentioned (``timex_anchor.py``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.records import Document, Timex
from sitrep.timex_anchor import DiscourseAnchor, moves_anchor, resolve_anchored, update_anchor
from sitrep.timex_calendar import REPORTING_LEMMAS, WEEKDAYS
from sitrep.timex_rules import MONTH, YEAR, Candidate, RuleContext, find_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "DateAssessment",
    "assess_document_date",
    "extract_timexes",
    "timex_date",
    "timex_mod",
]

PAST, UNKNOWN, FUTURE = -1, 0, 1
ACLED_MIDWEEK_DAY = 3  # ISO weekday ACLED codes a week-precision event on: Wednesday
MAX_VERB_CLIMB_STEPS = 6  # head hops from a time expression up to the verb it modifies
HEURISTIC_WINDOW_CHARS = 80  # without a parse: how far back in the sentence to look for tense
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "gon"})
PLAN_LEMMAS = frozenset(
    "plan schedule expect intend hope aim prepare set slate due postpone delay promise "
    "vow threaten want propose".split()
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|'ll|shall|going to|plans? to|planned|scheduled|expected to|due to|"
    r"intends? to|set to|next)\b",
    re.IGNORECASE,
)
_FUTURE_LEAD = re.compile(r"\b(?:as (?:early|soon) as|no (?:earlier|sooner) than)\s+$",
                         re.IGNORECASE)  # fmt: skip
# A deadline or a schedule inside a past-tense sentence ("extended to Nov. 16", "payable
# Dec. 7 to stock of record Nov. 22", "respond by Oct. 31"): the tense of the sentence says
# nothing about the date, so it takes the nearest occurrence.
_TENSELESS_LEAD = re.compile(
    r"\b(?:by|until|till|payable|effective|due|of record|expir(?:e|es|ing)|(?:extended|"
    r"postponed|delayed|moved|adjourned) (?:to|until))\s+(?:on\s+)?$",
    re.IGNORECASE,
)
LEAD_WINDOW_CHARS = 32  # how far before an expression to look for a lead phrase
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|took|\w{2,}ed)\b", re.IGNORECASE)
_REPORTING_WORDS = re.compile(
    r"\b(?:said|told|announced|reported|confirmed|stated|added|claimed|denied|says|say)"
    r"\s*(?:on\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n][\"')\]]*\s")
_HAS_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)|'\d\ds")
_MONTH_DAY = re.compile(
    rf"^(?:\w+,?\s+)?(?:the\s+)?{MONTH}\s+\d|^(?:the\s+)?\d{{1,2}}\w*\s+(?:of\s+)?{MONTH}"
)
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d)$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d\d)$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")
_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# --- extraction ----------------------------------------------------------------------------


def extract_timexes(
    document: Document, parsed: Doc | None, *, reference: dt.date | None
) -> tuple[Timex, ...]:
    """Every time expression in the document text, with its TIMEX3 type and value.

    ``reference`` anchors relative and year-less expressions; without one they get
    underspecified values ("XXXX-01-08", "XXXX-WXX-7"). ``parsed`` gives the tense of the
    clause each expression modifies; ``None`` falls back to a word-window heuristic.
    """
    text = document.text
    timexes: list[Timex] = []
    anchor = DiscourseAnchor(day=reference)  # "the next day" counts from the last date given
    for candidate in _candidates(text):
        direction, _ = clause_context(text, parsed, candidate.start, candidate.end)
        context = RuleContext(text=text, reference=reference, direction=direction)
        normalised = candidate.rule.normalise(candidate.match, context)
        if normalised is None:
            continue
        kind, placeholder = normalised
        value = resolve_anchored(placeholder, anchor)
        if kind in ("DATE", "TIME") and moves_anchor(placeholder):
            anchor = update_anchor(anchor, value)
        timexes.append(
            Timex(start=candidate.start, end=candidate.end,
                  text=text[candidate.start : candidate.end], type=kind, value=value)  # fmt: skip
        )
    return tuple(timexes)


@functools.lru_cache(maxsize=64)
def _candidates(text: str) -> tuple[Candidate, ...]:
    return tuple(find_candidates(text))


def clause_context(
    text: str, parsed: Doc | None, start: int, end: int
) -> tuple[int, bool]:
    """(tense direction, is the expression attached to a reporting verb) for a span.

    Direction is PAST, FUTURE or UNKNOWN (present tense, no verb, or a plan: "was
    scheduled for May" is about the future even in the past tense).
    """
    lead = text[max(0, start - LEAD_WINDOW_CHARS) : start]
    is_weekday = text[start:end].split(" ")[0].lower() in WEEKDAYS  # "until Tuesday": future
    if (_TENSELESS_LEAD.search(lead) and not is_weekday) or text.startswith("'s ", end):
        return UNKNOWN, False  # a deadline, or a possessive ("Wednesday's ruling")
    if parsed is not None:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            if _FUTURE_LEAD.search(lead):
                return FUTURE, False
            return _parse_context(span.root)
    return _heuristic_context(text, start)


def _parse_context(token: Token, depth: int = 0) -> tuple[int, bool]:
    verb = token
    for _ in range(MAX_VERB_CLIMB_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return UNKNOWN, False
    is_reporting = verb.lemma_.lower() in REPORTING_LEMMAS
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    aux_words = {child.lower_ for child in auxiliaries}
    if aux_words & FUTURE_AUXILIARIES or "going" in aux_words:
        return FUTURE, is_reporting
    if verb.lemma_.lower() in PLAN_LEMMAS:  # "scheduled a conference Thursday"
        if "had" in aux_words:  # "had been due to expire Friday": a plan already past
            return PAST, is_reporting
        return FUTURE, is_reporting
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in PLAN_LEMMAS:
        plan_auxiliaries = {child.lower_ for node in (verb.head, verb.head.head)
                            for child in node.children if child.dep_ in ("aux", "auxpass")}
        return (PAST if "had" in plan_auxiliaries else FUTURE), is_reporting
    if verb.dep_ == "xcomp" or (verb.tag_ == "VB" and "to" in aux_words):
        # "subpoenaed him to testify on Feb. 10": the infinitive comes after its head, so
        # a past head says nothing about the date; a future one still does
        if verb.head.i == verb.i or depth >= MAX_VERB_CLIMB_STEPS:
            return UNKNOWN, is_reporting
        head_direction, _ = _parse_context(verb.head, depth + 1)
        return (FUTURE if head_direction == FUTURE else UNKNOWN), is_reporting
    if _is_bare_participle(verb, auxiliaries) and depth < MAX_VERB_CLIMB_STEPS:
        # a participle without auxiliaries has no tense of its own: a past participle
        # tells of something done ("the decision, announced Wednesday"); "rising to a
        # high ... in March" takes the tense of the clause it modifies
        if verb.tag_ == "VBN":
            return PAST, is_reporting
        return _parse_context(verb.head, depth + 1)[0], is_reporting
    if "would" in aux_words:  # reported future: "would be traveling Thursday"
        return FUTURE, is_reporting
    if "could" in aux_words:
        return UNKNOWN, is_reporting
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return PAST, is_reporting
    if verb.tag_ == "VBN" and aux_words & {"has", "have", "'ve", "'s"}:
        return PAST, is_reporting
    return UNKNOWN, is_reporting


_PARTICIPLE_DEPENDENCIES = frozenset({"acl", "advcl", "amod", "npadvmod"})


def _is_bare_participle(verb: Token, auxiliaries: list[Token]) -> bool:
    return (verb.tag_ in ("VBG", "VBN") and not auxiliaries and verb.head.i != verb.i
            and verb.dep_ in _PARTICIPLE_DEPENDENCIES)  # fmt: skip


def _heuristic_context(text: str, start: int) -> tuple[int, bool]:
    window = text[max(0, start - HEURISTIC_WINDOW_CHARS) : start]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    is_reporting = bool(_REPORTING_WORDS.search(window))
    if _FUTURE_WORDS.search(window) or _FUTURE_LEAD.search(window):
        return FUTURE, is_reporting
    if _PAST_WORDS.search(window):
        return PAST, is_reporting
    return UNKNOWN, is_reporting


# --- ACLED dates ---------------------------------------------------------------------------


def timex_date(value: str, *, mod: str | None = None) -> tuple[dt.date, int] | None:
    """ACLED event date and time_precision from a TIMEX3 value.

    A day ("2015-03-16", also with a time or part of day) is precision 1; an ISO week is 2,
    dated to the middle of the week as ACLED codes it (its Wednesday), or to its Monday or
    Sunday for ``mod`` "START" or "END" ("the beginning of the week"); a month is 3, dated
    to the 15th, or to the first or last day for ``mod`` "START" or "END" ("early May",
    "the end of May"). Years,
    seasons, durations, sets and vague values give None: too coarse for an event date.
    """
    day = _DAY_VALUE.match(value)
    if day:
        try:
            return dt.date(int(day[1]), int(day[2]), int(day[3])), 1
        except ValueError:
            return None
    week = _WEEK_VALUE.match(value)
    if week:
        try:
            year, number = int(week[1]), int(week[2])
            day = {"START": 1, "END": 7}.get(mod or "", ACLED_MIDWEEK_DAY)
            return dt.date.fromisocalendar(year, number, day), 2
        except ValueError:
            return None
    month = _MONTH_VALUE.match(value)
    if month and month[1] != "XXXX":
        year, number = int(month[1]), int(month[2])
        if not 1 <= number <= 12:
            return None
        if mod == "START":
            return dt.date(year, number, 1), 3
        if mod == "END":
            return dt.date(year, number, calendar.monthrange(year, number)[1]), 3
        return dt.date(year, number, 15), 3
    return None


_MOD_WORDS = (
    (re.compile(r"^(?:early|the (?:beginning|start) of)\b", re.IGNORECASE), "START"),
    (re.compile(r"^(?:late|the end of)\b", re.IGNORECASE), "END"),
    (re.compile(r"^(?:mid\b|mid-|the middle of)", re.IGNORECASE), "MID"),
)


def timex_mod(timex: Timex) -> str | None:
    """TimeML ``mod`` of a time expression: "START" (early May), "END" (the end of May),
    "MID" (mid-May) or None."""
    for pattern, mod in _MOD_WORDS:
        if pattern.match(timex.text):
            return mod
    return None


# --- the document date ---------------------------------------------------------------------


@dataclass(frozen=True)
class DateAssessment:
    """What the text says about the document date.

    ``reference`` is the date to resolve relative expressions against: the given date
    when the text agrees with it, else the earliest date consistent with the text.
    ``is_suspect``: the given date is contradicted by the text. ``inferred``: the
    reference comes from the text, not from the given date.
    """

    reference: dt.date | None
    warnings: tuple[str, ...]
    is_suspect: bool
    inferred: bool


@dataclass(frozen=True)
class _Evidence:
    timex: Timex
    first_day: dt.date  # the earliest day the expression can denote


def assess_document_date(
    document: Document, parsed: Doc | None, timexes: tuple[Timex, ...]
) -> DateAssessment:
    """Check the document date against the explicitly dated events the text reports.

    A given date that precedes an event the text reports as past ("in May 2015" in a
    past-tense clause) is suspect: the reference becomes the earliest date consistent
    with the text. That is found by taking the latest past-reported explicit date, moving
    year-less dates ("Jan. 8") to their first occurrence on or after it, and then moving
    to the first matching weekday of a "said Monday"-style reporting date. A missing
    document date is inferred the same way from the past- and present-reported dates.
    """
    text = document.text
    given = document.date
    dated: list[_Evidence] = []
    for timex in timexes:
        first_day = _explicit_first_day(timex)
        if first_day is None:
            continue
        direction, _ = clause_context(text, parsed, timex.start, timex.end)
        if direction == PAST or (given is None and direction == UNKNOWN):
            dated.append(_Evidence(timex, first_day))
    if given is not None:
        contradicting = [evidence for evidence in dated if evidence.first_day > given]
        if not contradicting:
            return DateAssessment(reference=given, warnings=(), is_suspect=False, inferred=False)
        corrected = _earliest_consistent_date(text, parsed, timexes, dated)
        listed = ", ".join(f"'{e.timex.text}' ({e.timex.value})" for e in contradicting)
        warnings = [f"document date {given.isoformat()} precedes events the text reports "
                    f"as past: {listed}"]  # fmt: skip
        if corrected is not None:
            warnings.append(
                f"reference date corrected to {corrected.isoformat()}, the earliest date "
                "consistent with the text"
            )
        return DateAssessment(reference=corrected or given, warnings=tuple(warnings),
                              is_suspect=True, inferred=corrected is not None)  # fmt: skip
    inferred = _earliest_consistent_date(text, parsed, timexes, dated)
    if inferred is None:
        return DateAssessment(
            reference=None,
            warnings=("no document date, and the text has no explicit date to infer one from",),
            is_suspect=False,
            inferred=False,
        )
    return DateAssessment(
        reference=inferred,
        warnings=(f"no document date; inferred {inferred.isoformat()} from the text",),
        is_suspect=False,
        inferred=True,
    )


def _earliest_consistent_date(
    text: str, parsed: Doc | None, timexes: tuple[Timex, ...], dated: list[_Evidence]
) -> dt.date | None:
    if not dated:
        return None
    floor = max(evidence.first_day for evidence in dated)
    latest = floor
    reporting_weekdays: list[int] = []
    for timex in timexes:
        direction, is_reporting = clause_context(text, parsed, timex.start, timex.end)
        if direction == FUTURE:
            continue
        month_day = _yearless_month_day(timex)
        if month_day is not None:
            latest = max(latest, _first_occurrence(month_day[0], month_day[1], floor))
        elif is_reporting and timex.text in _WEEKDAY_NAMES:
            reporting_weekdays.append(WEEKDAYS[timex.text.lower()])
    for weekday in reporting_weekdays:  # "said Monday": the report came out on that day
        latest = max(latest, latest + dt.timedelta(days=(weekday - latest.isoweekday()) % 7))
    return latest


_WEEKDAY_NAMES = frozenset(name.capitalize() for name in WEEKDAYS)


def _explicit_first_day(timex: Timex) -> dt.date | None:
    """The first day of an explicitly dated expression (one that names its year)."""
    if timex.type not in ("DATE", "TIME") or not _HAS_YEAR.search(timex.text):
        return None
    value = timex.value
    if found := _DAY_VALUE.match(value):
        try:
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return None
    if found := _MONTH_VALUE.match(value):
        return dt.date(int(found[1]), int(found[2]), 1) if found[1] != "XXXX" else None
    if found := _SEASON_VALUE.match(value):
        return dt.date(int(found[1]), _SEASON_FIRST_MONTH[found[2]], 1)
    if found := _QUARTER_VALUE.match(value):
        return dt.date(int(found[1]), 3 * int(found[2]) - 2, 1)
    if found := _YEAR_VALUE.match(value):
        return dt.date(int(found[1]), 1, 1)
    return None


def _yearless_month_day(timex: Timex) -> tuple[int, int] | None:
    if _HAS_YEAR.search(timex.text) or not _MONTH_DAY.search(timex.text):
        return None
    found = re.match(r"^(?:\d{4}|XXXX)-(\d\d)-(\d\d)$", timex.value)
    return (int(found[1]), int(found[2])) if found else None


def _first_occurrence(month: int, day: int, floor: dt.date) -> dt.date:
    for year in range(floor.year, floor.year + 5):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= floor:
            return candidate
    return floor
