"""Calendar arithmetic and the word lists behind the time-expression grammar: number
words, months, weekdays, seasons, and how to shift or resolve a period against a
reference date. Used by ``timex_rules.py``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# --- lexicon -------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4,
    "fri.": 5, "sat.": 6, "sun.": 7,
}  # fmt: skip
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "dozens of", "hundreds of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "Y", "century": "Y",
}  # fmt: skip
UNIT_FACTORS = {"fortnight": 2, "decade": 10, "century": 100}
TIME_UNITS = {"second", "minute", "hour"}
REPORTING_LEMMAS = frozenset(
    "say tell announce report confirm state add claim deny insist warn acknowledge note "
    "write declare reveal disclose quote explain estimate allege".split()
)

# --- calendar helpers ----------------------------------------------------------------------


def parse_number(words: str) -> float | None:
    """Number words or digits to a number; None for vague quantities ("several")."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    elif text.endswith(" 1/2"):  # "5 1/2"
        text, half = text[: -len(" 1/2")], 0.5
    if text in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text] + half
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]] + half
    return None


def format_number(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_period(reference: dt.date, unit: str, offset: int) -> str:
    """The TimeML value of the ``unit`` period ``offset`` periods away from the reference."""
    if unit == "day":
        return (reference + dt.timedelta(days=offset)).isoformat()
    if unit in ("week", "weekend", "fortnight"):
        value = week_value(reference + dt.timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = add_months(reference.year, reference.month, offset)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        index = reference.year * 4 + quarter_of(reference) - 1 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = reference.year * 2 + (reference.month - 1) // 6 + offset
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "decade":
        return f"{reference.year // 10 + offset:03d}"
    if unit == "century":
        return f"{reference.year // 100 + offset:02d}"
    return f"{reference.year + offset:04d}"  # year


def resolve_month_day(
    month: int, day: int | None, reference: dt.date | None, direction: int
) -> str:
    """A year-less "Jan. 8" or "October": the year that the tense and the reference imply."""
    if reference is None:
        return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    year = choose_year(month, day, reference, direction)
    step = 1 if direction > 0 else -1
    while day is not None and day > calendar.monthrange(year, month)[1] and abs(
        year - reference.year
    ) < 8:  # 29 February: the nearest leap year in the tense's direction
        year += step
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def choose_year(month: int, day: int | None, reference: dt.date, direction: int) -> int:
    same = (month, day or 1)
    ref = (reference.month, reference.day if day else 1)
    if direction < 0:
        return reference.year if same <= ref else reference.year - 1
    if direction > 0:
        return reference.year if same >= ref else reference.year + 1
    # unknown tense: the nearest occurrence (the past one on a tie)
    candidates = (reference.year - 1, reference.year, reference.year + 1)
    distances = {year: _days_between(year, month, day, reference) for year in candidates}
    return min(candidates, key=lambda year: (abs(distances[year]), distances[year] > 0))


def _days_between(year: int, month: int, day: int | None, reference: dt.date) -> int:
    try:
        return (dt.date(year, month, day or 1) - reference).days
    except ValueError:  # 29 February in a common year
        return (dt.date(year, month, 28) - reference).days


def weekday_number(word: str) -> int:
    """ISO weekday (Monday 1) of a weekday name or its abbreviation ("Tues.")."""
    low = word.lower()
    return WEEKDAYS.get(low) or WEEKDAY_ABBREVIATIONS[low]


def resolve_weekday(weekday: int, reference: dt.date | None, direction: int) -> str:
    """ "Sunday": the nearest such day on or before the reference (on or after in the future)."""
    if reference is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - reference.isoweekday()
    if direction > 0:
        delta %= 7
    else:
        delta = -((-delta) % 7)
    return (reference + dt.timedelta(days=delta)).isoformat()


def resolve_season(code: str, reference: dt.date, offset: int | None, direction: int) -> str:
    start = SEASON_START_MONTH[code]
    year = reference.year
    if offset is None:  # bare or "this": the season of the reference year, by tense
        offset = 0
    if offset < 0 and reference.month < (start + 3 if start < 12 else 15):
        year -= 1
    elif offset > 0 and reference.month >= start:
        year += 1
    return f"{year:04d}-{code}"


