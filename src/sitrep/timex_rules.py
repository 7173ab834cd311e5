"""The time-expression grammar: regular-expression rules that find TIMEX3 candidates, and
the normalisers that turn them into TimeML values (calendar arithmetic lives in
``timex_calendar.py``).

Used by ``dates.py``; nothing here knows about documents or parses. Each rule is a pattern
and a normaliser ``(match, context) -> (type, value) | None``. The context carries the
reference date and the tense direction of the clause the expression sits in (-1 past,
0 unknown, +1 future). A normaliser may return a value starting with ``ANCHOR`` ("the
next day"): the caller resolves it against the previous day-level expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.timex_calendar import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    UNIT_FACTORS,
    WEEKDAYS,
    choose_year,
    format_number,
    parse_number,
    resolve_month_day,
    resolve_season,
    resolve_weekday,
    shift_period,
    week_value,
)

# --- pattern pieces ------------------------------------------------------------------------

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (
    r"(?i:\d+(?:\.\d+)?|" + _TENS + r"(?:[- ]" + _ONES + r")?|a hundred|one hundred|hundred|"
    r"a dozen|dozen|a couple of|a couple|couple of|half an?|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|"
    + _ONES + r"|an?|a few|few|several|many|some|dozens of|hundreds of)"
    r"(?:\s+and\s+a\s+half)?"
)
UNIT = (
    r"(?i:seconds|(?<=\d[ -])second|minutes?|hours?|days?|nights?|weeks?|fortnights?|"
    r"weekends?|months?|quarters?|years?|decades?|century|centuries)"
)
APPROX = (
    r"(?i:about|around|nearly|almost|approximately|roughly|more than|less than|fewer than|"
    r"up to|at least|at most|just over|just under|as many as|as long as|close to|"
    r"some|an estimated|the first|the last|the past|the next|the previous|the final|"
    r"the coming|the following|the remaining|another|the)"
)
PREMOD = (
    r"(?i:early|mid|late|the end of|the beginning of|the start of|"
    r"the middle of|the turn of|the rest of|the remainder of|the first half of|"
    r"the second half of)"
)
PART = r"(?i:morning|afternoon|evening|night)"
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|(?i:local time)))?"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?i:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)|"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?i:noon|midnight|midday))"
)
B = r"(?<![\w$£€.,:/-])"  # left boundary: not inside a word, number or amount
E = r"(?![\w%])"  # right boundary


@dataclass(frozen=True)
class RuleContext:
    """What a normaliser may look at besides the match."""

    text: str
    reference: dt.date | None
    direction: int  # -1 past, 0 unknown, +1 future


Normaliser = Callable[[re.Match[str], RuleContext], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    priority: int = 0  # higher wins among equally long overlapping matches


# --- normalisers ---------------------------------------------------------------------------


def _num(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _weekday_dated(match: re.Match[str], ctx: RuleContext, default: str) -> str:
    """Value of a day word ("yesterday", "Tuesday", "Jan. 8") in a group named ``day``."""
    word = _group(match, "day")
    if not word:
        return default
    return _day_value(word, ctx) or default


def _day_value(word: str, ctx: RuleContext) -> str | None:
    low = word.lower()
    ref = ctx.reference
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if low in offsets:
        return (ref + dt.timedelta(days=offsets[low])).isoformat() if ref else "XXXX-XX-XX"
    if low in WEEKDAYS:
        return resolve_weekday(WEEKDAYS[low], ref, ctx.direction)
    found = re.fullmatch(r"(\w+)\.?\s+(\d+)\w*", word)
    if found and found.group(1).lower() in MONTHS:
        return resolve_month_day(_month(found.group(1)), int(found.group(2)), ref, ctx.direction)
    return None


def norm_iso(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hh"]:
        return "TIME", f"{value}T{match['hh']}:{match['mm']}"
    return "DATE", value


def norm_numeric(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    month, day = (first, second) if first <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year < 100:
        year += 2000 if year < 50 else 1900
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


def norm_month_day(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    month, day = _month(match["month"]), _num(match["dnum"]) or 0
    if not 1 <= day <= 31:
        return None
    year_text, weekday_text = _group(match, "year"), _group(match, "wd")
    if year_text:
        return "DATE", f"{int(year_text):04d}-{month:02d}-{day:02d}"
    direction = ctx.direction
    if weekday_text and ctx.reference:  # "Monday, Jan. 8": the year whose Jan. 8 is a Monday
        weekday = WEEKDAYS[weekday_text.lower()]
        for year in (ctx.reference.year, ctx.reference.year - 1, ctx.reference.year + 1):
            try:
                if dt.date(year, month, day).isoweekday() == weekday:
                    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"
            except ValueError:
                continue
    return "DATE", resolve_month_day(month, day, ctx.reference, direction)


def norm_month_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "DATE", f"{int(match['year']):04d}-{_month(match['month']):02d}"


def norm_month(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    month = _month(match["month"])
    det = (match["det"] or "").lower()
    ref = ctx.reference
    if ref is None:
        return "DATE", f"XXXX-{month:02d}"
    if det in ("last", "this past", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif det in ("next", "this coming", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif det == "this":
        year = ref.year
    else:
        return "DATE", resolve_month_day(month, None, ref, ctx.direction)
    return "DATE", f"{year:04d}-{month:02d}"


def norm_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "DATE", match["year"]


def norm_fiscal(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    year = match["year"]
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return "DATE", year


def norm_decade(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    if match["word"]:
        tens = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                "eighties", "nineties").index(match["word"].lower()) + 2
        return "DATE", f"19{tens}"
    digits = match["decade"].lstrip("'")
    if len(digits) == 2:  # '90s
        digits = "19" + digits
    return "DATE", digits[:3]


def norm_century(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    number = _num(match["n"])
    return ("DATE", f"{number - 1:02d}") if number else None


def norm_day_word(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    word = match["word"].lower()
    part = (match["part"] or "").lower()
    value = _day_value(word, ctx) or "XXXX-XX-XX"
    if word == "tonight":
        return "TIME", value + "TNI"
    if part:
        return "TIME", value + "T" + PARTS_OF_DAY[part]
    return "DATE", value


def norm_last_night(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    ref = ctx.reference
    day = (ref - dt.timedelta(days=1)).isoformat() if ref else "XXXX-XX-XX"
    return "TIME", day + "TNI"


def norm_this_part(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    ref = ctx.reference
    return "TIME", (ref.isoformat() if ref else "XXXX-XX-XX") + "T" + PARTS_OF_DAY[
        match["part"].lower()
    ]


def norm_vague(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    word = re.sub(r"\s+", " ", match[0].lower())
    if word in ("soon", "the future", "the near future", "future", "short-term") or word.startswith(
        ("the coming", "the days ahead", "the weeks ahead", "the months ahead", "the near ",
         "the short ", "the long ", "the medium ")
    ):
        return "DATE", "FUTURE_REF"
    if word.startswith(("recent", "the past", "previously", "formerly", "lately", "the last")):
        return "DATE", "PAST_REF"
    return "DATE", "PRESENT_REF"


def norm_weekday(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    weekday = WEEKDAYS[match["wd"].lower()]
    det = (match["det"] or "").lower()
    part = (match["part"] or "").lower()
    ref = ctx.reference
    if ref is None:
        value = f"XXXX-WXX-{weekday}"
    elif det in ("last", "this past", "past"):
        delta = -((ref.isoweekday() - weekday) % 7 or 7)
        value = (ref + dt.timedelta(days=delta)).isoformat()
    elif det in ("next", "this coming", "coming"):
        delta = (weekday - ref.isoweekday()) % 7 or 7
        value = (ref + dt.timedelta(days=delta)).isoformat()
    elif det == "this":
        value = (ref + dt.timedelta(days=weekday - ref.isoweekday())).isoformat()
    else:
        value = resolve_weekday(weekday, ref, ctx.direction)
    if part:
        return "TIME", value + "T" + PARTS_OF_DAY[part]
    return "DATE", value


def norm_clock(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    clock = match["clock"].lower()
    if clock in ("noon", "midday"):
        hour, minute = 12, 0
    elif clock == "midnight":
        hour, minute = 24, 0
    else:
        found = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", clock)
        if not found:
            return None
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if found.group(3) == "p" and hour < 12:
            hour += 12
        elif found.group(3) == "a" and hour == 12:
            hour = 0
        if hour > 24:
            return None
    day = _weekday_dated(match, ctx, ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX")
    return "TIME", f"{day}T{hour:02d}:{minute:02d}"


_RELATIVE_OFFSETS = {
    "this": 0, "current": 0, "the current": 0, "the": 0, "that": 0, "the same": 0,
    "last": -1, "previous": -1, "the previous": -1, "this past": -1, "past": -1,
    "next": 1, "coming": 1, "this coming": 1, "the following": 1, "following": 1,
    "the next": 1, "the coming": 1,
}  # fmt: skip


def norm_relative_unit(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """ "last week", "earlier this month", "the end of next year", "the past week"."""
    det = re.sub(r"\s+", " ", (match["det"] or "").lower())
    unit = re.sub(r"\s+", " ", match["unit"].lower())
    unit = {"fiscal year": "year", "calendar year": "year"}.get(unit, unit)
    if det in ("the past", "the last") or (det in ("the next", "the coming") and unit != "day"):
        code = UNIT_CODES.get(unit)
        if code is None:
            return None
        prefix = "PT" if unit in TIME_UNITS else "P"
        return "DURATION", f"{prefix}{UNIT_FACTORS.get(unit, 1)}{code}"
    if det in ("the following", "the next", "the previous", "the same", "that"):
        if unit == "day":
            return "DATE", {"the previous": "ANCHOR-1", "the same": "ANCHOR+0",
                            "that": "ANCHOR+0"}.get(det, "ANCHOR+1")  # fmt: skip
        if unit == "year":
            return "DATE", {"the previous": "ANCHORY-1", "the same": "ANCHORY+0",
                            "that": "ANCHORY+0"}.get(det, "ANCHORY+1")  # fmt: skip
        if det in ("the same", "that"):
            return None
    if unit == "day":
        return None
    ref = ctx.reference
    offset = _RELATIVE_OFFSETS.get(det, 0)
    if unit in SEASONS:
        code = SEASONS[unit]
        if ref is None:
            return "DATE", f"XXXX-{code}"
        return "DATE", resolve_season(code, ref, offset, ctx.direction)
    if unit == "quarter" and det == "the" and ctx.direction < 0:
        offset = -1  # "the quarter" in the past tense: the last complete one
    if unit == "weekend" and ref is not None and offset == 0 and ctx.direction < 0:
        offset = -1 if ref.isoweekday() < 6 else 0  # "the weekend" in the past: the last one
    if ref is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                        "quarter": "XXXX-QX", "half": "XXXX-HX"}.get(unit, "XXXX")  # fmt: skip
    return "DATE", shift_period(ref, unit, offset)


def norm_in_the_unit(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """ "earlier in the year", "later in the week"."""
    if ctx.reference is None:
        return "DATE", "XXXX"
    return "DATE", shift_period(ctx.reference, match["unit"].lower(), 0)


def norm_ago(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """ "two days ago", "a year earlier", "three weeks from now"."""
    unit = _singular(match["unit"])
    number = parse_number(match["n"]) if match["n"] else None
    direction = 1 if match["dir"].lower() in ("later", "from now", "hence") else -1
    ref = ctx.reference
    if number is None or number != int(number):
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    if ref is None:
        return "DATE", "XXXX-XX-XX" if unit == "day" else "XXXX"
    steps = int(number) * UNIT_FACTORS.get(unit, 1) * direction
    if unit in TIME_UNITS:
        return "TIME", ref.isoformat()
    if unit in ("decade", "century"):
        return "DATE", f"{ref.year + steps:04d}"
    return "DATE", shift_period(ref, unit, steps)


def norm_duration(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    unit = _singular(match["unit"])
    number = parse_number(match["n"]) if match["n"] else None
    if number is not None and number >= 1000 and not match["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter", "2015 year"
    if number is not None and number != int(number) and unit in ("hour", "minute"):
        number, unit = number * 60, "minute" if unit == "hour" else "second"
    code = UNIT_CODES[unit]
    amount = "X" if number is None else format_number(number * UNIT_FACTORS.get(unit, 1))
    prefix = "PT" if unit in TIME_UNITS else "P"
    before = ctx.text[max(0, match.start() - 24) : match.start()].lower()
    is_rate = match["n"] and match["n"].lower() in ("a", "an") and not match["pre"]
    if is_rate and re.search(
        r"(\d|million|billion|percent|%|times|twice|once|cents?|dollars?)\s*$", before
    ):
        return "SET", f"{prefix}1{code}"
    return "DURATION", f"{prefix}{amount}{code}"


def norm_bare_units(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    unit = _singular(match["unit"])
    prefix = "PT" if unit in TIME_UNITS else "P"
    return "DURATION", f"{prefix}X{UNIT_CODES[unit]}"


def norm_set(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    word = match[0].lower()
    for adverb, value in (("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"),
                          ("annually", "P1Y"), ("yearly", "P1Y"), ("hourly", "PT1H"),
                          ("nightly", "P1D"), ("quarterly", "P1Q")):  # fmt: skip
        if word == adverb:
            return "SET", value
    weekday = match["wd"] or match["wds"]
    if weekday:
        return "SET", f"XXXX-WXX-{WEEKDAYS[weekday.lower().removesuffix('s')]}"
    if match["month"]:
        return "SET", f"XXXX-{_month(match['month']):02d}"
    unit = _singular(match["unit"])
    number = parse_number(match["n"]) if match["n"] else 1
    amount = "X" if number is None else format_number(number * UNIT_FACTORS.get(unit, 1))
    return "SET", ("PT" if unit in TIME_UNITS else "P") + amount + UNIT_CODES[unit]


def norm_quarter(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    which = (match["which"] or "").lower()
    ref = ctx.reference
    year = int(match["year"]) if match["year"] else None
    if which in ORDINALS:
        number = ORDINALS[which]
        if year is None:
            if ref is None:
                return "DATE", f"XXXX-Q{number}"
            year = ref.year
        return "DATE", f"{year:04d}-Q{number}"
    if ref is None:
        return "DATE", "XXXX-QX"
    if which == "" or which == "same":  # "the quarter": in the past tense, the last complete one
        return "DATE", shift_period(ref, "quarter", -1 if ctx.direction < 0 else 0)
    offset = {"latest": -1, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
              "year-earlier": -4, "year-ago": -4}.get(which, 0)  # fmt: skip
    return "DATE", shift_period(ref, "quarter", offset)


def norm_half(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    half = 1 if match["which"].lower() == "first" else 2
    if match["year"]:
        return "DATE", f"{match['year']}-H{half}"
    if ctx.reference is None:
        return "DATE", f"XXXX-H{half}"
    offset = {"last": -1, "next": 1}.get((match["det"] or "").lower(), 0)
    return "DATE", f"{ctx.reference.year + offset:04d}-H{half}"


def norm_season(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    code = SEASONS[match["season"].lower()]
    if match["year"]:
        return "DATE", f"{match['year']}-{code}"
    if ctx.reference is None:
        return "DATE", f"XXXX-{code}"
    return "DATE", resolve_season(code, ctx.reference, None, ctx.direction)


def norm_holiday(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    name = match["name"].lower()
    month, day = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
                  "new year's eve": (12, 31), "new year's day": (1, 1),
                  "new year's": (1, 1), "independence day": (7, 4),
                  "valentine's day": (2, 14)}.get(name, (0, 0))  # fmt: skip
    ref = ctx.reference
    year = int(match["year"]) if match["year"] else None
    if name.startswith("thanksgiving"):
        if year is None and ref is None:
            return "DATE", "XXXX-11"
        year = year or choose_year(11, 25, ref, ctx.direction)  # type: ignore[arg-type]
        first = dt.date(year, 11, 1)
        thursday = 1 + (3 - first.weekday()) % 7 + 21
        return "DATE", f"{year:04d}-11-{thursday:02d}"
    if not month:
        return None
    if year is not None:
        return "DATE", f"{year:04d}-{month:02d}-{day:02d}"
    return "DATE", resolve_month_day(month, day, ref, ctx.direction)


def norm_year_earlier(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    ref = ctx.reference
    return "DATE", f"{ref.year - 1:04d}" if ref else "XXXX"


def norm_spoken_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    rest = match["rest"].lower()
    number = 0 if rest == "hundred" else parse_number(rest)
    if number is None or number >= 100:
        return None
    century = 19 if match[0].lower().startswith("nineteen") else 20
    return "DATE", f"{century * 100 + int(number):04d}"


def norm_week_of(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    _, value = norm_month_day(match, ctx) or (None, "")
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)$", value)
    if not found:
        return "DATE", "XXXX-WXX"
    return "DATE", week_value(dt.date(int(found[1]), int(found[2]), int(found[3])))


def norm_year_end(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "DATE", f"{ctx.reference.year:04d}" if ctx.reference else "XXXX"


def norm_overnight(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "TIME", (ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX") + "TNI"


def norm_anchor_day(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    word = match[0].lower()
    offset = -1 if "before" in word or "previous" in word or "earlier" in word else 1
    if "same" in word or word == "that day":
        offset = 0
    return "DATE", f"ANCHOR{offset:+d}"


def _singular(unit: str) -> str:
    unit = unit.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit


# --- the rules -----------------------------------------------------------------------------

_DAYWORD = rf"(?:(?i:today|yesterday|tomorrow|tonight)|{WEEKDAY}|{MONTH}\s+{DAY})"


def _rule(name: str, pattern: str, normalise: Normaliser, priority: int = 0) -> Rule:
    return Rule(name, re.compile(B + pattern + E), normalise, priority)


RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?",
          norm_iso),  # fmt: skip
    _rule("numeric", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)", norm_numeric),
    _rule(
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<dnum>{DAY})"
        rf"(?!\d|:|\s*(?i:percent|%|a\.m|p\.m))(?:,?\s+(?P<year>{YEAR}))?",
        norm_month_day,
        2,
    ),
    _rule(
        "day_month",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<dnum>{DAY})\s+(?:(?i:of)\s+)?"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
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
    _rule("year", rf"(?:{PREMOD}[- ]?|(?i:the year)\s+)?(?P<year>{YEAR})(?!-\d|\s*-\s*\d)",
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
    _rule(
        "vague",
        r"(?i:now|currently|presently|nowadays|these days|at present|soon|recently|lately|"
        r"(?:the\s+)(?:near\s+|distant\s+)?future|the past|"
        r"recent\s+(?:days|weeks|months|years|decades|times)|"
        r"current|recent|the (?:near|short|long|medium) term|"
        r"the coming (?:days|weeks|months|years)|the (?:days|weeks|months) ahead)",
        norm_vague,
    ),
    _rule(
        "weekday",
        rf"(?:(?P<det>(?i:last|next|this past|this coming|this|early|late))\s+)?"
        rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        norm_weekday,
        1,
    ),
    _rule(
        "clock",
        rf"(?:(?i:about|around|at about|approximately|shortly after|shortly before|just after|"
        rf"just before)\s+)?(?P<clock>{CLOCK}){TZ}(?:(?:,|\s+on)?\s+(?P<day>{_DAYWORD}))?",
        norm_clock,
        3,
    ),
    _rule(
        "relative_unit",
        rf"(?:{PREMOD}[- ]?\s*)?(?P<det>(?i:this past|this coming|the current|the previous|"
        rf"the following|the next|the past|the last|the coming|the same|this|last|next|past|"
        rf"coming|previous|current|following|that|the))\s+(?P<unit>(?i:fiscal year|"
        rf"calendar year|weekend|week|month|year|quarter|decade|century|half|day|spring|"
        rf"summer|fall|autumn|winter))(?!-)",
        norm_relative_unit,
        1,
    ),
    _rule(
        "in_the_unit",
        r"(?i:earlier|later)\s+(?i:in)\s+(?:(?i:the)\s+)?(?P<unit>(?i:week|month|year))",
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
        rf"consecutive|more|additional|successive|whole)\s+)?(?P<unit>{UNIT})"
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
        r"(?:(?i:the)\s+)?(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latest|"
        r"last|past|previous|current|next|coming|year-earlier|year-ago|final|same))"
        rf"[- ](?i:(?:fiscal\s+|calendar\s+)?quarter)"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<year>{YEAR}))?",
        norm_quarter,
        2,
    ),
    _rule(
        "half",
        rf"(?:(?i:the)\s+)?(?P<which>(?i:first|second))\s+(?i:half)"
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
        rf"Independence Day|Valentine's Day|Thanksgiving Day|Thanksgiving)"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        norm_holiday,
    ),
    _rule(
        "spoken_year",
        r"(?i:nineteen|two thousand(?: and)?)[ -](?P<rest>(?i:" + _TENS + r"(?:[- ]" + _ONES
        + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|hundred|" + _ONES + r"))",
        norm_spoken_year,
    ),
    _rule(
        "week_of",
        rf"(?i:the\s+week\s+of)\s+(?P<month>{MONTH})\s+(?P<dnum>{DAY})",
        norm_week_of,
        2,
    ),
    _rule("year_end", r"(?i:year[- ]end)", norm_year_end),
    _rule("overnight", r"(?i:overnight)", norm_overnight),
    _rule("year_earlier", r"(?:(?i:the)\s+)?(?i:year-earlier|year-ago)(?:\s+(?i:period))?"
          r"(?![- ](?i:quarter))",
          norm_year_earlier),  # fmt: skip
    _rule(
        "anchor_day",
        r"(?i:the (?:next|following|previous|same) day|the day (?:before|after)|that day|"
        r"a day (?:earlier|later))",
        norm_anchor_day,
        3,
    ),
)


_PROBE_DATE = dt.date(2000, 6, 15)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find_candidates(text: str) -> list[Candidate]:
    """All rule matches that normalise, overlaps resolved: longest first, then rule
    priority, then leftmost."""
    probe = RuleContext(text=text, reference=_PROBE_DATE, direction=0)
    found: list[Candidate] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start() and rule.normalise(match, probe) is not None:
                found.append(Candidate(match.start(), match.end(), rule, match))
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    return taken
