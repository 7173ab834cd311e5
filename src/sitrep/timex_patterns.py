"""Pattern pieces of the time-expression grammar: months, days, years, weekdays, number
words, units, modifiers, clock times and the boundaries every rule is wrapped in. Used by
``timex_rules.py`` (the rules) and ``timex_normalise.py`` (the normalisers).
"""

from __future__ import annotations

import re

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
# AP style abbreviates a weekday before a date ("Wed., Jan. 8"); alone, "Sun." and "Sat."
# are too often something else, so abbreviations are read only there and after "on".
WEEKDAY_ABBR = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\."
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (
    r"(?i:\d+(?:\s+1/2|\.\d+)?|" + TENS + r"(?:[- ]" + ONES + r")?|a hundred|one hundred|hundred|"
    r"a dozen|dozen|a couple of|a couple|couple of|half an?|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|"
    + ONES + r"|an?|a few|few|several|many|some|dozens of|hundreds of)"
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
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?i:noon|midnight|midday)|"
    r"(?:1[0-2]|0?[1-9])\s+(?i:in the (?:morning|afternoon|evening)|at night))"
)
B = r"(?<![\w$£€.,:/-])"  # left boundary: not inside a word, number or amount
E = r"(?![\w%])"  # right boundary

# --- ranges ("6-7 August", "April 24 and 25") ----------------------------------------------

RANGE_LOOKBACK_CHARS = 24  # "September 30 - " at most
RANGE_LINK = r"\s*(?:-|–|(?i:and|to|through|until))\s*"
# "March 3 and 4 others": a counted noun after the number means it is no day
NOT_AFTER_RANGE = (
    r"(?!(?:in|at|on|and|to|when|while|as|after|before|during|with|for|the)\b)[a-z]"
)
RANGE_HEAD = re.compile(rf"(?P<month>{MONTH})\s+(?P<first>{DAY}){RANGE_LINK}$")
