"""The time-expression grammar: regular-expression rules that find TIMEX3 candidates,
each paired with its normaliser (``timex_normalise.py``), and the TimeML extent of what
they find. Matches inside names ("60 Minutes", "This Week With David Brinkley") are
dropped, as TimeML does not tag them. Pattern pieces live in ``timex_patterns.py``.

Used by ``dates.py``; nothing here knows about documents or parses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.timex_normalise import (
    Normaliser,
    RuleContext,
    norm_ago,
    norm_anchor_day,
    norm_bare_units,
    norm_century,
    norm_clock,
    norm_day_month_numeric,
    norm_day_word,
    norm_decade,
    norm_duration,
    norm_fiscal,
    norm_half,
    norm_holiday,
    norm_in_the_unit,
    norm_iso,
    norm_last_night,
    norm_mid_part,
    norm_month,
    norm_month_day,
    norm_month_relative_year,
    norm_month_year,
    norm_numeric,
    norm_overnight,
    norm_period,
    norm_quarter,
    norm_range_end,
    norm_range_start,
    norm_relative_unit,
    norm_season,
    norm_set,
    norm_spoken_year,
    norm_this_part,
    norm_vague,
    norm_week_of,
    norm_weekday,
    norm_year,
    norm_year_earlier,
    norm_year_end,
)
from sitrep.timex_patterns import (
    APPROX,
    CLOCK,
    DAY,
    MONTH,
    MONTH_FULL,
    NOT_AFTER_RANGE,
    NUM,
    ONES,
    PART,
    PREMOD,
    RANGE_LINK,
    TENS,
    TZ,
    UNIT,
    WEEKDAY,
    WEEKDAY_ABBR,
    YEAR,
    B,
    E,
)

__all__ = ["MONTH", "RULES", "YEAR", "Candidate", "Rule", "RuleContext", "find_candidates"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    priority: int = 0  # higher wins among equally long overlapping matches



_DAYWORD = rf"(?:(?i:today|yesterday|tomorrow|tonight)|{WEEKDAY}|{MONTH}\s+{DAY})"


# the words a year-less day/month numeral follows ("on 28/02", "(3/02)", "source dated
# 08/12", "the night of 26/09"); elsewhere "3/4" is a fraction, a score or a ratio
_NUMERIC_DAY_LEAD = (
    r"(?:(?<=\()|(?<=\bon )|(?<=\bOn )|(?<=\bdated )|(?<=\bfrom )|(?<=\bsince )|"
    r"(?<=\buntil )|(?<=\bmorning of )|(?<=\bevening of )|(?<=\bnight of )|"
    r"(?<=\bafternoon of ))"
)


def _rule(name: str, pattern: str, normalise: Normaliser, priority: int = 0) -> Rule:
    return Rule(name, re.compile(B + pattern + E), normalise, priority)


RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?",
          norm_iso),
    _rule("numeric", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)", norm_numeric),
    Rule(
        "day_month_numeric",  # "on 28/02", "(3/02)", "dated 08/12": no fraction or score
        re.compile(rf"{_NUMERIC_DAY_LEAD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\w/%]|\.\d)"),
        norm_day_month_numeric,
    ),
    _rule(
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?P<month>{MONTH})\s+(?P<dnum>{DAY})"
        rf"(?!\d|:\d|\s*(?i:percent|%|a\.m|p\.m))(?:,?\s+(?P<year>{YEAR})(?!\s+[a-z]+s\b)|"
        rf"(?={RANGE_LINK}{DAY},?\s+(?P<ryear>{YEAR})))?",  # "April 24 and 25, 1999"
        # (not "On February 23, 2000 supporters protested": a number of people)
        norm_month_day,
        2,
    ),
    Rule(
        "range_day_month",  # "7 August" in "6-7 August" (a dash before a day is no boundary)
        re.compile(rf"(?<=\d[-–])(?P<dnum>{DAY})\s+(?:(?i:of)\s+)?(?P<month>{MONTH})"
                   rf"(?:,?\s+(?P<year>{YEAR}))?{E}"),
        norm_month_day,
        2,
    ),
    _rule(
        "day_month",
        rf"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?:(?i:the)\s+)?(?P<dnum>{DAY})\s+"
        rf"(?:(?i:of)\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        norm_month_day,
        2,
    ),
    _rule(
        "month_year",
        rf"(?:{PREMOD}[- ]?)?(?P<month>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})",
        norm_month_year,
        1,
    ),
    _rule(
        "month",
        rf"(?:(?P<det>(?i:last|next|this past|this coming|this))\s+|{PREMOD}[- ]?)?"
        rf"(?P<month>{MONTH_FULL}|Sept\.)(?!\s+\d)",
        norm_month,
    ),
    _rule(
        "month_relative_year",
        rf"(?:{PREMOD}[- ]?)?(?P<month>{MONTH_FULL}|Sept\.)\s+(?:(?i:of)\s+)?"
        rf"(?P<det>(?i:this|last|next))\s+(?i:year)",
        norm_month_relative_year,
        2,
    ),
    _rule("year", rf"(?:{PREMOD}[- ]?|(?i:the year)\s+)?(?P<year>{YEAR})(?!-\d|\s*-\s*\d|\.\d)",
          norm_year),  # fmt: skip
    _rule(
        "fiscal",
        r"(?i:(?:the\s+)?fiscal(?:\s+year)?|FY)\s*'?(?P<year>" + YEAR + r"|\d\d)",
        norm_fiscal,
        1,
    ),
    _rule(
        "decade",
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ]?)?(?:(?P<decade>1[5-9]\d0|20\d0|'?[1-9]0)'?s|"
    r"(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))",
        norm_decade,
    ),
    _rule(
        "century",
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ]?)?(?P<n>\d{1,2}(?:st|nd|rd|th))[- ]"
        r"(?i:century)",
        norm_century,
    ),
    _rule(
        "day_word",
        r"(?:(?P<pre>(?i:(?:early|late|mid)[- ]?)?(?i:morning|afternoon|evening))\s+)?"
        r"(?P<word>(?i:today|yesterday|tomorrow|tonight))"
        r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
        norm_day_word,
    ),
    _rule("last_night", r"(?i:last night)", norm_last_night, 1),
    _rule(
        "this_part",
        r"(?i:this|early this|late this|earlier this|later this)\s+(?P<part>(?i:morning|"
        r"afternoon|evening))",
        norm_this_part,
        1,
    ),
    _rule("mid_part", r"(?i:mid[- ]?)(?P<part>(?i:morning|afternoon))", norm_mid_part),
    _rule(
        "vague",
        r"(?i:now|currently|presently|nowadays|these days|at present|as soon as possible|"
        r"(?<!as )soon(?! as|\s+(?:after|before|thereafter)\b)|"
        r"recently|lately|"
        r"(?:the\s+)(?:near\s+|distant\s+)?future|the past|"
        r"recent\s+(?:days|weeks|months|years|decades|times)|"
        r"current|recent|the (?:near|short|long|medium) term|"
        r"(?:the )?coming (?:days|weeks|months|years|quarters)|the (?:days|weeks|months) ahead)",
        norm_vague,
    ),
    _rule(
        "weekday",
        rf"(?:(?P<det>(?i:last|next|this past|this coming|this|early|late|the previous|"
        rf"the following))\s+)?(?P<wd>{WEEKDAY}|(?<=(?i:on) ){WEEKDAY_ABBR})"
        rf"(?:\s+(?P<part>{PART}))?",
        norm_weekday,
        1,
    ),
    _rule(
        "clock",
        rf"(?:(?i:about|around|approximately|shortly after|shortly before|just after|"
        rf"just before)\s+)?(?P<clock>{CLOCK}){TZ}(?:(?:,|\s+on)?\s+(?P<day>{_DAYWORD}))?",
        norm_clock,
        3,
    ),
    _rule(
        "relative_unit",
        rf"(?:{PREMOD}[- ]?\s*)?(?P<det>(?i:this past|this coming|the current|the previous|"
        rf"the full|the latest|"
        rf"the following|the next|the past|the last|the coming|the same|this|last|next|past|"
        rf"coming|previous|current|following|that|the))\s+(?P<unit>(?i:fiscal year|"
        rf"calendar year|weekend|week|month|year|quarter|decade|century|half|day|spring|"
        rf"summer|fall|autumn|winter))(?!-)",
        norm_relative_unit,
        1,
    ),
    _rule(
        "in_the_unit",
        r"(?i:earlier|later)\s+(?i:in)\s+(?:(?i:the)\s+)?(?P<unit>(?i:day|week|month|year))",
        norm_in_the_unit,
        2,
    ),
    _rule(
        "ago",
        rf"(?:{APPROX}\s+)?(?:(?P<n>{NUM})[\s-]+)?(?P<unit>{UNIT})\s+"
        rf"(?P<dir>(?i:ago|earlier|later|from now|hence|back))",
        norm_ago,
        2,
    ),
    _rule(
        "duration",
        rf"(?:(?P<pre>{APPROX})\s+)?(?P<n>{NUM})[\s-]+(?:(?i:full|long|straight|"
        rf"consecutive|more|additional|successive|whole|trading|business|working)\s+)?"
        rf"(?P<unit>{UNIT})"
        r"(?P<half>\s+(?i:and a half))?"
        r"(?![-\s]+(?i:old)\b)",
        norm_duration,
    ),
    _rule(
        "bare_units",
        r"(?<!\d )(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades))",
        norm_bare_units,
        -1,
    ),
    _rule(
        "set",
        rf"(?i:daily|weekly|monthly|annually|yearly|hourly|nightly)|"
        rf"(?i:every|each|per)\s+(?:(?i:other|single)\s+)?(?:(?P<n>{NUM})\s+)?"
        rf"(?P<unit>{UNIT})|"
        rf"(?i:every|each)\s+(?:(?P<wd>{WEEKDAY})|(?P<month>{MONTH_FULL}))|"
        rf"(?P<wds>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s)",
        norm_set,
        1,
    ),
    _rule(
        "quarter",
        r"(?:(?P<yrel>(?i:this|last|next))\s+(?i:year's)\s+|(?:(?i:the)\s+)?"
        r"(?:(?P<qyear>" + YEAR + r")\s+|(?P<ago>(?i:year-ago|year-earlier))\s+)?)?"
        r"(?:(?i:fiscal)[- ])?(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latest|"
        r"last|past|previous|current|next|coming|year-earlier|year-ago|final|same))"
        rf"[- ](?i:(?:fiscal\s+|calendar\s+)?quarter)"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<year>{YEAR})|"
        rf"\s+(?i:of)\s+(?P<ofrel>(?i:this|last|next))\s+(?i:year))?",
        norm_quarter,
        2,
    ),
    _rule(
        "half",
        rf"(?:(?i:the)\s+)?(?P<which>(?i:first|second|last))\s+(?i:half|two\s+quarters)"
        rf"(?:\s+(?i:of)\s+(?:(?P<year>{YEAR})|(?:(?P<det>(?i:this|last|next|the))\s+"
        rf"(?i:year))))?",
        norm_half,
        2,
    ),
    _rule(
        "season",
        rf"(?:(?:{PREMOD}|(?i:the))[- ]?\s*)?(?P<season>(?i:spring|summer|autumn|winter)|"
        rf"(?<=the )fall|(?<=of )fall|Fall)(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?",
        norm_season,
    ),
    _rule(
        "holiday",
        rf"(?P<name>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|"
        rf"Independence Day|Valentine's Day|Thanksgiving Day|Thanksgiving|May Day)"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        norm_holiday,
    ),
    _rule(
        "spoken_year",
        rf"(?:(?P<lead>(?i:the year)|{MONTH_FULL}|(?i:the\s+)?(?P<season>(?i:spring|summer|"
        r"autumn|fall|winter))(?:\s+(?i:of))?)\s+)?"
        r"(?P<head>(?i:nineteen|two thousand(?: and)?))(?:[ -](?P<rest>(?i:" + TENS
        + r"(?:[- ]" + ONES + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
        r"seventeen|eighteen|nineteen|hundred|" + ONES + r")))?",
        norm_spoken_year,
    ),
    _rule(
        "week_of",
        rf"(?i:the\s+week\s+(?:of|beginning|starting))\s+(?:(?i:on)\s+)?"
        rf"(?P<month>{MONTH})\s+(?P<dnum>{DAY})",
        norm_week_of,
        2,
    ),
    _rule(
        "period",
        rf"(?i:the)\s+(?:(?P<year>{YEAR})\s+(?i:period|quarter)|(?i:latest|same|comparable|"
        r"corresponding)\s+(?i:period)(?P<last>\s+(?i:last year|a year (?:ago|earlier)))?)|"
        r"(?i:last year's)\s+(?i:period|quarter)(?P<owner>)",
        norm_period,
        2,
    ),
    _rule("year_end", r"(?i:year[- ]end|year's end)", norm_year_end),
    _rule("overnight", r"(?i:overnight)", norm_overnight),
    _rule("year_earlier", r"(?:(?i:the)\s+)?(?i:year-earlier|year-ago)(?:\s+(?i:period))?"
          r"(?![- ](?i:quarter))",
          norm_year_earlier),  # fmt: skip
    _rule(
        "anchor_day",
        r"(?i:the (?:next|following|previous|same) day|the day (?:before|after)|"
        r"that (?:same )?day|a day (?:earlier|later)|"
        r"(?:the (?:next|following|previous|same)|that(?: same)?)\s+"
        r"(?P<apart>morning|afternoon|evening|night))",
        norm_anchor_day,
        3,
    ),
    _rule(
        "range_start",
        rf"(?P<dnum>{DAY})(?={RANGE_LINK}{DAY}\s+(?:(?i:of)\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?)",
        norm_range_start,
        -1,
    ),
    Rule(
        "range_end",
        re.compile(rf"(?<=[-–\s])(?P<dnum>{DAY})(?![\w%:.]\w)(?!\s+{NOT_AFTER_RANGE})"
                   rf"(?:,?\s+(?P<year>{YEAR}))?"),  # fmt: skip
        norm_range_end,
        -1,
    ),
)


_PROBE_DATE = dt.date(2000, 6, 15)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# TimeML extents: a modifier of a relative or day expression belongs to it ("earlier this
# month", "late yesterday", "Earlier Sunday"; its mod is START/END), while the article of a
# noun phrase that a time expression only modifies does not ("the 14-day [period]", "the
# third-quarter [results]", "the year-earlier [figures]").
_MODIFIED_RULES = frozenset({"day_word", "relative_unit", "weekday", "anchor_day", "last_night"})
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])(?i:early|late|earlier|later)\s+$")
_ADJECTIVE_END = re.compile(
    r"(?i:-(?:second|minute|hour|day|week|month|quarter|year|decade)|year-earlier|year-ago)$"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
MODIFIER_LOOKBACK_CHARS = 10


def adjust_extent(candidate: Candidate, text: str) -> Candidate:
    """The candidate with its extent moved to the TimeML guidelines' (see above)."""
    start = candidate.start
    span = text[start : candidate.end]
    if candidate.rule.name in _MODIFIED_RULES and not re.match(r"(?i:early|late)\b", span):
        before = _MODIFIER_BEFORE.search(text[max(0, start - MODIFIER_LOOKBACK_CHARS) : start])
        if before:
            start -= len(before[0])
    elif (
        span[:4].lower() == "the "
        and _ADJECTIVE_END.search(span)
        and _NOUN_AFTER.match(text, candidate.end)
    ):
        start += 4
    if start == candidate.start:
        return candidate
    return Candidate(start, candidate.end, candidate.rule, candidate.match)


# Words a time expression writes in lower case: capitalised inside a sentence they belong to a
# name ("60 Minutes", "This Week With David Brinkley", "High Noon", "VOA Today"), which
# TimeML does not tag. "Day" is left out: holidays are names that are time expressions.
_LOWER_CASE_WORDS = frozenset({
    "week", "weeks", "minute", "minutes", "hour", "hours", "noon", "today", "tonight",
    "morning", "afternoon", "evening", "night", "month", "months", "year", "years", "spring",
    "summer", "autumn", "winter",
})  # fmt: skip
_NAME_WORD_BEFORE = re.compile(r"(?:^|[^.!?\n\"'`(]\s)(?:[A-Z][\w'-]*|\d+)\s+$")


HEADLINE_CAPITALISED_SHARE = 0.8  # a line this capitalised is a headline, not a sentence


def is_in_name(text: str, start: int, end: int) -> bool:
    """Whether the span is (part of) a title or name rather than a time expression (in a
    title-case headline every word is capitalised, so there the test says nothing)."""
    words = text[start:end].split()
    if any(word[:1].isupper() and word.lower() in _LOWER_CASE_WORDS for word in words[1:]):
        return not _is_headline(text, start)
    first = words[0] if words else ""
    if not (first[:1].isupper() and first.lower() in _LOWER_CASE_WORDS):
        return False
    is_after_name = _NAME_WORD_BEFORE.search(text[max(0, start - 40) : start])
    return bool(is_after_name) and not _is_headline(text, start)


# a law's name before a year: "the ... Act, 2006", "the Drugs Act 1976", "Safety Bill,
# 2015", "(Act No. 8 of 2006)"
_LAW_NAME_BEFORE = re.compile(
    r"\b(?:Act|Bill|Ordinance|Code|Rules|Regulations|Amendment|Constitution)"
    r"(?:\s+No\.?\s*\d+\s+of)?\s*,?\s*$")


def _is_law_year(text: str, start: int, end: int) -> bool:
    """A bare year that ends a law's name ("the Fee Act, 2006"): the law's name, not when
    anything happened."""
    return bool(re.fullmatch(r"\d{4}", text[start:end])) and bool(
        _LAW_NAME_BEFORE.search(text[max(0, start - 20):start]))


_DAY_BEFORE = re.compile(rf"{MONTH}\s+{DAY},\s*$")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")


def _is_count_after_date(text: str, start: int, end: int) -> bool:
    """"On February 23rd, 2000 supporters protested": a number of people after a day, not
    the day's year (the day itself stays a date)."""
    return bool(re.fullmatch(r"\d{4}", text[start:end])) and bool(
        _PLURAL_AFTER.match(text, end)) and bool(_DAY_BEFORE.search(text[max(0, start - 30):start]))


# A bare "March" names a march, not the month, after a name ("the Global March", "a Peace
# March", "the annual Queer Azadi March"), after "a" or "annual", or after "the" when what
# follows says what the march was for ("the March for Life"); not after a word a month
# follows ("in March", "early March") nor before what a month dates ("the March elections")
_MARCH_ARTICLES = frozenset({"a", "an", "annual"})
_MARCH_PURPOSE_WORDS = frozenset({"for", "against", "to", "from", "through", "across"})
_NOT_NAME_WORDS = frozenset({"the", "a", "an", "this", "that", "last", "next", "in", "on",
                             "since", "by", "until", "from", "early", "late", "mid", "and"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t-]*$")
_WORD_AFTER = re.compile(r"[ \t]*([A-Za-z]+)")


def _is_a_march(text: str, start: int, end: int) -> bool:
    """A bare "March" that names a march, not the month (see above)."""
    if text[start:end] != "March":
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 30):start])
    if before is None:  # the text or a sentence opens with it: read as the month
        return False
    word = before.group(1)
    if word.lower() in _MARCH_ARTICLES or (
        word[0].isupper() and word.lower() not in _NOT_NAME_WORDS
    ):
        return True
    after = _WORD_AFTER.match(text, end)
    return word.lower() == "the" and after is not None and (
        after.group(1).lower() in _MARCH_PURPOSE_WORDS)


def _is_headline(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = re.findall(r"[A-Za-z][\w'-]*", text[line_start : line_end if line_end >= 0 else None])
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 3 and capitalised >= HEADLINE_CAPITALISED_SHARE * len(words)


def find_candidates(text: str) -> list[Candidate]:
    """All rule matches that normalise and are no part of a name, overlaps resolved:
    longest first, then rule priority, then leftmost."""
    probe = RuleContext(text=text, reference=_PROBE_DATE, direction=0)
    found: list[Candidate] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if (match.end() > match.start() and rule.normalise(match, probe) is not None
                    and not is_in_name(text, match.start(), match.end())
                    and not _is_law_year(text, match.start(), match.end())
                    and not _is_count_after_date(text, match.start(), match.end())
                    and not _is_a_march(text, match.start(), match.end())):  # fmt: skip
                found.append(Candidate(match.start(), match.end(), rule, match))
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    adjusted: list[Candidate] = []
    for candidate in taken:
        moved = adjust_extent(candidate, text)
        if adjusted and moved.start < adjusted[-1].end:
            moved = candidate  # the modifier already belongs to the expression before
        adjusted.append(moved)
    return adjusted
