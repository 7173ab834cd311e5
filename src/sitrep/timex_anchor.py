"""The discourse anchor: expressions that count from the time the text last mentioned.

"Three days later", "the following month", "a year earlier", "the year-ago quarter" are
relative to the time under discussion, not to the document date (TimeML anchors them on
another time expression; "ago" and "last week" stay anchored on the document date).
Normalisers in ``timex_rules.py`` return such values as a placeholder,
``ANCHOR:<mode>:<unit>:<offset>[|<fallback>]``, and ``dates.py`` resolves it here against
the last calendar value the text gave before the expression.

Modes:

- ``period``: the ``unit`` period ``offset`` periods from the anchor ("the following
  month": the month after the one mentioned; "the next day");
- ``shift``: the anchor moved by ``offset`` units, keeping the anchor's granularity where
  it is a quarter or a day ("a year earlier" after "the third quarter" is the third
  quarter of the year before; after "Sept. 30" it is Sept. 30 of the year before);
- ``same``: the quarter under discussion (the last one the text mentioned, even with
  other dates since) moved by ``offset`` quarters ("the quarter" after "the third
  quarter"); without one, the ``fallback`` value, which the normaliser computed from the
  document date;
- ``weekday``: the weekday numbered ``unit`` strictly before (``offset`` -1) or after (+1)
  the day last mentioned ("the previous Friday");
- ``in``: the quarter last mentioned, moved to the year ``offset`` ("the 1988 period"
  after "the third quarter": 1988-Q3); otherwise the ``fallback``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sitrep.timex_calendar import add_months, shift_period, week_value

__all__ = ["DiscourseAnchor", "anchor_value", "moves_anchor", "resolve_anchored", "update_anchor"]

ANCHOR_PREFIX = "ANCHOR:"
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DiscourseAnchor:
    """``day``: the last day the text mentioned (at first the reference date); ``value``:
    the last calendar value it mentioned (a day, week, month, quarter or year), or None;
    ``quarter``: the last quarter it mentioned, the one "the quarter" and "the 1988
    period" refer to even after other dates ("last year", "Sept. 30")."""

    day: dt.date | None
    value: str | None = None
    quarter: str | None = None


def anchor_value(
    mode: str, unit: str, offset: int, fallback: str | None = None, *, part: str = ""
) -> str:
    """The placeholder a normaliser returns for an anchored expression; ``part`` is a part
    of day to append to a day ("the next morning": "TMO")."""
    placeholder = f"{ANCHOR_PREFIX}{mode}:{unit}:{offset:+d}" + (f":{part}" if part else "")
    return placeholder + (f"|{fallback}" if fallback else "")


def moves_anchor(placeholder: str) -> bool:
    """Whether the value an expression resolves to becomes the new anchor: narrative steps
    ("the next day", "three days later") do; comparisons ("a year earlier", "the
    year-ago quarter") do not, so the next comparison counts from the same period."""
    if not placeholder.startswith(ANCHOR_PREFIX):
        return True
    mode, unit, *_ = placeholder[len(ANCHOR_PREFIX) :].partition("|")[0].split(":")
    return not (mode in ("same", "in") or (mode == "shift" and unit in ("year", "quarter")))


def update_anchor(anchor: DiscourseAnchor, value: str) -> DiscourseAnchor:
    """The anchor after the text mentions a DATE or TIME with this value."""
    if found := _DAY.match(value):
        try:
            day = dt.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return anchor
        return DiscourseAnchor(day=day, value=value[:10], quarter=anchor.quarter)
    if _QUARTER.match(value):
        return DiscourseAnchor(day=anchor.day, value=value, quarter=value)
    if any(p.match(value) for p in (_MONTH, _WEEK, _YEAR)):
        return DiscourseAnchor(day=anchor.day, value=value, quarter=anchor.quarter)
    return anchor


def resolve_anchored(value: str, anchor: DiscourseAnchor) -> str:
    """The TIMEX3 value of an ``ANCHOR:`` placeholder (other values pass through)."""
    if not value.startswith(ANCHOR_PREFIX):
        return value
    spec, _, fallback = value[len(ANCHOR_PREFIX) :].partition("|")
    mode, unit, offset_text, *part = spec.split(":")
    if part:  # a part of day or a clock time ("10:35") on the anchored day
        day = resolve_anchored(anchor_value(mode, unit, int(offset_text)), anchor)
        return f"{day}T{':'.join(part)}"
    offset = int(offset_text)
    if mode == "weekday":  # "the previous Friday": the Friday before the day last mentioned
        return _nearest_weekday(int(unit), anchor.day, offset)
    last = anchor.value or ""
    if mode == "in":  # the quarter under discussion, in the year ``offset``
        found = _QUARTER.match(anchor.quarter or "")
        return f"{offset:04d}-Q{found[2]}" if found else fallback or _unknown(unit)
    if mode == "same":
        if unit == "quarter" and (found := _QUARTER.match(anchor.quarter or "")):
            index = int(found[1]) * 4 + int(found[2]) - 1 + offset
            return f"{index // 4:04d}-Q{index % 4 + 1}"
        return fallback or _unknown(unit)
    if mode == "shift" and unit == "year" and (found := _QUARTER.match(last)):
        return f"{int(found[1]) + offset:04d}-Q{found[2]}"
    if mode == "shift" and unit == "year" and (found := _DAY.match(last)):
        return _same_day_in_year(found, int(found[1]) + offset)
    base = _base_day(unit, last, anchor.day)
    if base is None:
        return _unknown(unit)
    if unit == "quarter" and (found := _QUARTER.match(last)):
        index = int(found[1]) * 4 + int(found[2]) - 1 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "week" and mode == "shift":
        return week_value(base + dt.timedelta(weeks=offset))
    return shift_period(base, unit, offset)


def _same_day_in_year(day: re.Match[str], year: int) -> str:
    """ "a year earlier" than "Sept. 30, 1989": Sept. 30, 1988 (29 February: the 28th)."""
    month, number = int(day[2]), int(day[3])
    if month == 2 and number == 29 and not calendar.isleap(year):
        number = 28
    return f"{year:04d}-{month:02d}-{number:02d}"


def _nearest_weekday(weekday: int, day: dt.date | None, direction: int) -> str:
    if day is None:
        return f"XXXX-WXX-{weekday}"
    if direction > 0:
        step = (weekday - day.isoweekday()) % 7 or 7
    else:
        step = -((day.isoweekday() - weekday) % 7 or 7)
    return (day + dt.timedelta(days=step)).isoformat()


def _base_day(unit: str, last: str, day: dt.date | None) -> dt.date | None:
    """A day inside the anchor period that ``unit`` counts from."""
    if unit in ("year", "month", "quarter"):
        if found := _MONTH.match(last):
            return dt.date(int(found[1]), int(found[2]), 1)
        if unit == "year" and (found := _YEAR.match(last)):
            return dt.date(int(found[1]), 1, 1)
        if unit == "year" and (found := _QUARTER.match(last)):
            year, month = add_months(int(found[1]), 1, 3 * (int(found[2]) - 1))
            return dt.date(year, month, 1)
    return day


def _unknown(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX",
            "quarter": "XXXX-QX"}.get(unit, "XXXX")  # fmt: skip
