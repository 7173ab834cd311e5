"""Normalisers of the time-expression grammar: each turns a rule's match into a TIMEX3
``(type, value)``, or None when the match is no time expression after all.

Used by ``timex_rules.py``; nothing here knows about documents or parses. The context
carries the reference date and the tense direction of the clause the expression sits in
(-1 past, 0 unknown, +1 future). A normaliser may return an ``ANCHOR:`` placeholder ("the
next day", "three days later"): ``timex_anchor.py`` resolves it against the time last
mentioned. Calendar arithmetic lives in ``timex_calendar.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.timex_anchor import anchor_value
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
    quarter_of,
    resolve_month_day,
    resolve_season,
    resolve_weekday,
    shift_period,
    week_value,
    weekday_number,
)
from sitrep.timex_patterns import RANGE_HEAD, RANGE_LOOKBACK_CHARS


@dataclass(frozen=True)
class RuleContext:
    """What a normaliser may look at besides the match."""

    text: str
    reference: dt.date | None
    direction: int  # -1 past, 0 unknown, +1 future


Normaliser = Callable[[re.Match[str], RuleContext], "tuple[str, str] | None"]

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
    """"10/25/1989", "20/3/08": whichever of month first (US style) and day first (ACLED's,
    Africa's and South Asia's) makes a date; when both do, the reading nearest the
    reference that a past event can have ("raided the village on 06/05/2017" in a report
    of 13 May 2017 is 6 May; "clashes after the elections on 7/12/2004" in a report of 12
    December is 7 December, not 12 July), as for a year-less "28/02"."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    values = []
    for month, day in ((first, second), (second, first)):
        try:
            values.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not values:
        return None
    reference = ctx.reference
    if reference is not None and ctx.direction:
        # a past event is not after the report, a future one not before it
        values = [v for v in values if (v - reference).days * ctx.direction >= 0] or values
    return "DATE", nearest_value([v.isoformat() for v in values], reference)


def norm_day_month_numeric(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """A year-less "28/02" or "(3/02)": day first (ACLED's and South Asian style) unless
    only month first makes a date; when both do, the reading nearest the reference wins,
    since a dispatch dates what it tells near its own date. Only a past clause pulls the
    date back: "set fire (6/02)" is too often misread as future to trust a future tense."""
    first, second = int(match["a"]), int(match["b"])
    readings = [(month, day) for day, month in ((first, second), (second, first))
                if 1 <= month <= 12 and 1 <= day <= 31]
    if not readings:
        return None
    direction = min(ctx.direction, 0)
    values = [resolve_month_day(month, day, ctx.reference, direction) for month, day in readings]
    return "DATE", nearest_value(values, ctx.reference)


def nearest_value(values: list[str], reference: dt.date | None) -> str:
    """The day value closest to the reference (the first on a tie or without one)."""
    if reference is None:
        return values[0]
    return min(values, key=lambda value: abs((dt.date.fromisoformat(value) - reference).days))


def norm_month_day(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    month, day = _month(match["month"]), _num(match["dnum"]) or 0
    if not 1 <= day <= 31:
        return None
    year_text = _group(match, "year") or _group(match, "ryear")
    weekday_text = _group(match, "wd")
    if year_text:
        return "DATE", f"{int(year_text):04d}-{month:02d}-{day:02d}"
    direction = ctx.direction
    if weekday_text and ctx.reference:  # "Monday, Jan. 8": the year whose Jan. 8 is a Monday
        weekday = weekday_number(weekday_text)
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


def norm_month_relative_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    """ "January this year", "June last year"."""
    month = _month(match["month"])
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}"
    offset = _RELATIVE_OFFSETS[match["det"].lower()]
    return "DATE", f"{ctx.reference.year + offset:04d}-{month:02d}"


# "the layoff of 1800 lab assistants", "some 1500 workers": a count before a noun, no year
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:of|over|some|about|around|nearly|almost|than|least|approximately|roughly|"
    r"up to|estimated))\s+$"
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:was|were|is|are|and|or|when|had|has|have|saw|in|at|on|to|by|for|from|with|as|"
    r"after|before|during|that|which|who|the|a|an|until|till|through|onwards?)\b)[a-z]"
)


def norm_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    if _COUNT_BEFORE.search(ctx.text, 0, match.start()) and _NOUN_AFTER.match(
        ctx.text, match.end()
    ):
        return None
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
    part = (match["part"] or re.sub(r"^(?:early|late|mid)[- ]?", "", (match["pre"] or "").lower()))
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


def norm_mid_part(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    """ "by mid-afternoon": that part of the day the text is talking about."""
    return "TIME", anchor_value("period", "day", 0, part=PARTS_OF_DAY[match["part"].lower()])


_FUTURE_WORDS = frozenset(
    {"soon", "as soon as possible", "the future", "the near future", "future", "short-term"}
)
_FUTURE_STARTS = (
    "the coming", "coming ", "the days ahead", "the weeks ahead", "the months ahead",
    "the near ", "the short ", "the long ", "the medium ",
)  # fmt: skip


def norm_vague(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    word = re.sub(r"\s+", " ", match[0].lower())
    if word == "soon" and ctx.direction < 0:
        return None  # "was soon released": soon after a past event, not after the DCT
    if word in _FUTURE_WORDS or word.startswith(_FUTURE_STARTS):
        return "DATE", "FUTURE_REF"
    if word.startswith(("recent", "the past", "previously", "formerly", "lately", "the last")):
        return "DATE", "PAST_REF"
    return "DATE", "PRESENT_REF"


def norm_weekday(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    weekday = weekday_number(match["wd"])
    det = (match["det"] or "").lower()
    part = (match["part"] or "").lower()
    ref = ctx.reference
    if det in ("the previous", "the following"):  # counted from the day last mentioned
        value = anchor_value("weekday", str(weekday), -1 if det == "the previous" else 1)
    elif ref is None:
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
        is_late = found.group(3) == "p" or re.search(r"afternoon|evening|night", clock)
        if is_late and hour < 12:
            hour += 12
        elif found.group(3) == "a" and hour == 12:
            hour = 0
        if hour > 24:
            return None
    zone = "Z" if re.search(r"\b(?:UTC|GMT)\b", match[0]) else ""  # ISO 8601: Z is UTC
    clock = f"{hour:02d}:{minute:02d}{zone}"
    if not _group(match, "day"):  # "at 10:35 a.m.": on the day the text is talking about
        return "TIME", anchor_value("period", "day", 0, part=clock)
    return "TIME", f"{_weekday_dated(match, ctx, 'XXXX-XX-XX')}T{clock}"


_RELATIVE_OFFSETS = {
    "this": 0, "current": 0, "the current": 0, "the": 0, "that": 0, "the same": 0,
    "last": -1, "previous": -1, "the previous": -1, "this past": -1, "past": -1,
    "next": 1, "coming": 1, "this coming": 1, "the following": 1, "following": 1,
    "the next": 1, "the coming": 1, "the full": 0, "the latest": -1,
}  # fmt: skip


# "the past decade" is the last ten years, not the previous calendar decade: a duration
_PREVIOUS_PERIOD_UNITS = frozenset({"week", "month", "quarter", "year"})
_PERIOD_ENDED = re.compile(r"\s+(?i:ended|ending)\b")


def norm_relative_unit(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """ "last week", "earlier this month", "the end of next year", "the past week"."""
    det = re.sub(r"\s+", " ", (match["det"] or "").lower())
    unit = re.sub(r"\s+", " ", match["unit"].lower())
    unit = {"fiscal year": "year", "calendar year": "year"}.get(unit, unit)
    if det == "the" and unit == "year" and _PERIOD_ENDED.match(ctx.text, match.end()):
        return "DURATION", "P1Y"  # "the year ended March 31": a fiscal year, no calendar one
    if det in ("the past", "the last") and unit in _PREVIOUS_PERIOD_UNITS and ctx.reference:
        return "DATE", shift_period(ctx.reference, unit, -1)  # "the past year": last year
    if det in ("the past", "the last") or (det in ("the next", "the coming") and unit != "day"):
        code = UNIT_CODES.get(unit)
        if code is None:
            return None
        prefix = "PT" if unit in TIME_UNITS else "P"
        return "DURATION", f"{prefix}{UNIT_FACTORS.get(unit, 1)}{code}"
    if unit == "quarter" and det in ("the", "the same", "that") and ctx.reference is not None:
        # "the quarter": the one the text is about, else in the past tense the last complete one
        fallback = shift_period(ctx.reference, "quarter", -1 if ctx.direction < 0 else 0)
        return "DATE", anchor_value("same", "quarter", 0, fallback)
    if det in ("the following", "the next", "the previous", "the same", "that"):
        offset = {"the previous": -1, "the same": 0, "that": 0}.get(det, 1)
        if unit in ("day", "week", "month", "year"):  # counted from the time last mentioned
            return "DATE", anchor_value("period", unit, offset)
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
    if unit == "weekend" and ref is not None and offset == 0 and ctx.direction < 0:
        offset = -1 if ref.isoweekday() < 6 else 0  # "the weekend" in the past: the last one
    if ref is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                        "quarter": "XXXX-QX", "half": "XXXX-HX"}.get(unit, "XXXX")  # fmt: skip
    return "DATE", shift_period(ref, unit, offset)


def norm_in_the_unit(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """ "earlier in the year", "later in the week", "later in the day" (the day the text
    is talking about)."""
    if match["unit"].lower() == "day":
        return "DATE", anchor_value("period", "day", 0)
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
    if match["dir"].lower() in ("earlier", "later") and unit in ("day", "week", "month", "year"):
        return "DATE", anchor_value("shift", unit, steps)  # from the time last mentioned
    if unit == "year" and steps == -1:  # "a year ago": the same quarter when one is discussed
        return "DATE", anchor_value("same", "quarter", -4, f"{ref.year - 1:04d}")
    if unit in ("decade", "century"):
        return "DATE", f"{ref.year + steps:04d}"
    return "DATE", shift_period(ref, unit, steps)


_FRACTION_OF = re.compile(r"\s+of\b(?!\s+(?:the\s+)?(?:19|20)\d\d)")


def norm_duration(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    unit = _singular(match["unit"])
    number = parse_number(match["n"]) if match["n"] else None
    if number is not None and number >= 1000 and not match["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter", "2015 year"
    if number is not None and match["half"]:  # "a minute and a half"
        number += 0.5
    is_fraction = unit == "quarter" and number is not None and number <= 3
    if is_fraction and _FRACTION_OF.match(ctx.text, match.end()):
        return None  # "about three-quarters of its food": a fraction
    code = UNIT_CODES[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    before = ctx.text[max(0, match.start() - 24) : match.start()].lower()
    is_rate = match["n"] and match["n"].lower() in ("a", "an") and not match["pre"]
    if is_rate and re.search(
        r"(\d|million|billion|percent|%|times|twice|once|cents?|dollars?)\s*$", before
    ):
        return "SET", f"{prefix}1{code}"
    return "DURATION", duration_value(number, unit)


_SMALLER_UNIT = {"year": (12, "M"), "day": (24, "TH"), "hour": (60, "M"), "minute": (60, "S")}


def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 value of a duration: "P3D", "PXY"; a fraction goes to the unit below
    ("2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "half an hour" PT30M, "a day and a
    half" P1DT12H)."""
    prefix = "PT" if unit in TIME_UNITS else "P"
    code = UNIT_CODES[unit]
    if number is None:
        return f"{prefix}X{code}"
    number *= UNIT_FACTORS.get(unit, 1)
    whole = int(number)
    if number == whole or unit not in _SMALLER_UNIT:
        return f"{prefix}{format_number(number)}{code}"
    factor, smaller = _SMALLER_UNIT[unit]
    rest = format_number((number - whole) * factor)
    if smaller == "TH":  # hours of a day are a time part
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    return f"{prefix}{f'{whole}{code}' if whole else ''}{rest}{smaller}"


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
    year_text = match["year"] or match["qyear"]
    year = int(year_text) if year_text else None
    relative_year = match["yrel"] or match["ofrel"]  # "last year's", "of this year"
    if year is None and relative_year and ref is not None:
        year = ref.year + _RELATIVE_OFFSETS[relative_year.lower()]
    if which in ("final", "last") and year is not None:  # "the final quarter of 2009"
        which = "fourth"
    if match["ago"] and which in ORDINALS:  # "the year-ago third quarter"
        year = (year or (ref.year if ref else 0)) - 1
        if ref is None:
            return "DATE", f"XXXX-Q{ORDINALS[which]}"
    if which in ORDINALS:
        number = ORDINALS[which]
        if year is None:
            if ref is None:
                return "DATE", f"XXXX-Q{number}"
            year = ref.year
            if ctx.direction < 0 and number > quarter_of(ref):
                year -= 1  # "the fourth quarter" in a past clause in January: last year's
        return "DATE", f"{year:04d}-Q{number}"
    if ref is None:
        return "DATE", "XXXX-QX"
    if which == "" or which == "same":  # "the quarter": the one last mentioned, else by tense
        fallback = shift_period(ref, "quarter", -1 if ctx.direction < 0 else 0)
        return "DATE", anchor_value("same", "quarter", 0, fallback)
    if which in ("year-earlier", "year-ago"):
        return "DATE", anchor_value("same", "quarter", -4, shift_period(ref, "quarter", -4))
    offset = {"latest": -1, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
              "year-earlier": -4, "year-ago": -4}.get(which, 0)  # fmt: skip
    return "DATE", shift_period(ref, "quarter", offset)


def norm_half(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    half = 1 if match["which"].lower() == "first" else 2  # "second" or "last"
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
                  "valentine's day": (2, 14), "may day": (5, 1)}.get(name, (0, 0))  # fmt: skip
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
    """ "year-earlier", "the year-ago period": the quarter under discussion a year before,
    else the year before the document's."""
    fallback = f"{ctx.reference.year - 1:04d}" if ctx.reference else "XXXX"
    return "DATE", anchor_value("same", "quarter", -4, fallback)


def norm_spoken_year(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    rest = (match["rest"] or "").lower()
    lead = (match["lead"] or "").lower()
    if not rest and not (lead == "the year" and match["head"].lower() == "two thousand"):
        return None  # "nineteen" and "two thousand" alone are numbers
    number = 0 if rest in ("hundred", "") else parse_number(rest)
    if number is None or number >= 100:
        return None
    century = 19 if match["head"].lower() == "nineteen" else 20
    year = f"{century * 100 + int(number):04d}"
    if match["season"]:  # "the winter of nineteen ninety-four"
        return "DATE", f"{year}-{SEASONS[match['season'].lower()]}"
    if lead in MONTHS:  # "January nineteen ninety-seven"
        return "DATE", f"{year}-{_month(lead):02d}"
    return "DATE", year


def norm_week_of(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    _, value = norm_month_day(match, ctx) or (None, "")
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)$", value)
    if not found:
        return "DATE", "XXXX-WXX"
    return "DATE", week_value(dt.date(int(found[1]), int(found[2]), int(found[3])))


def norm_period(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    """ "the latest period", "the 1988 period", "last year's quarter", "the corresponding
    period last year": the quarter the text is about (in that year), else that year or the
    last complete quarter."""
    year = match["year"]
    if year is None and (match["last"] or match["owner"] is not None) and ctx.reference:
        year = str(ctx.reference.year - 1)  # "last year's quarter", "the same period a year ago"
    if year:
        return "DATE", anchor_value("in", "quarter", int(year), year)
    fallback = shift_period(ctx.reference, "quarter", -1) if ctx.reference else "XXXX-QX"
    return "DATE", anchor_value("same", "quarter", 0, fallback)


def norm_year_end(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "DATE", f"{ctx.reference.year:04d}" if ctx.reference else "XXXX"


def norm_overnight(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    return "TIME", (ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX") + "TNI"


_AFTER_A_DATE = re.compile(r"\d,\s+$")


def norm_anchor_day(match: re.Match[str], ctx: RuleContext) -> tuple[str, str]:
    """ "the next day", "that same day", "the following morning": from the last day given."""
    word = re.sub(r"\s+", " ", match[0].lower())
    offset = -1 if "before" in word or "previous" in word or "earlier" in word else 1
    if "same" in word or word.startswith("that") or _AFTER_A_DATE.search(
        ctx.text, 0, match.start()
    ):  # "Oct. 12, the day before the plunge": the date just given
        offset = 0
    part = match["apart"]
    if part:
        return "TIME", anchor_value("period", "day", offset, part=PARTS_OF_DAY[part.lower()])
    return "DATE", anchor_value("period", "day", offset)


def norm_range_start(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """The first day of "6-7 August" or "April 24 and 25": TimeML marks each day; the
    month (and year) come from the second."""
    return norm_month_day(match, ctx)


def norm_range_end(match: re.Match[str], ctx: RuleContext) -> tuple[str, str] | None:
    """The bare second day of "April 24-25" / "April 24 and 25, 1999"."""
    before = RANGE_HEAD.search(ctx.text, max(0, match.start() - RANGE_LOOKBACK_CHARS),
                                match.start())  # fmt: skip
    if before is None:
        return None
    month, day = _month(before["month"]), _num(match["dnum"]) or 0
    first = _num(before["first"]) or 0
    if not first < day <= 31:
        return None
    if match["year"]:
        return "DATE", f"{int(match['year']):04d}-{month:02d}-{day:02d}"
    return "DATE", resolve_month_day(month, day, ctx.reference, ctx.direction)


def _singular(unit: str) -> str:
    unit = unit.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") else unit

