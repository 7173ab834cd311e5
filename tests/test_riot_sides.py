"""The police a report names answering a riot are its other side (ACLED: a riot's actor2
is whoever the rioters face), whatever verb the report gives them: "Police responded",
"police were deployed", "police arrested four". A riot with no police in the report, or
police who only speak for the story ("police said") or who did nothing, keeps no
actor2. Nor do police who break up a clash between two crowds make its second side: the
crowds are each other's.

The positive cases failed before the change (no actor2); the guards pass on both. Short
reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 2, 14)


@pytest.mark.parametrize(("text", "police"), [
    (("On 12 February 2019, youths in Tamale, Ghana, rioted over the state of the roads and "
      "set tyres on fire. Police responded."), "Police Forces of Ghana"),
    (("On 12 February 2019, traders rioted in Kisumu, Kenya, burning stalls after a fee "
      "rise. Anti-riot police were deployed to the market."), "Police Forces of Kenya"),
])
def test_police_who_answer_a_riot_are_its_other_side(resources, text, police):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.actor2) == ("Riots", police)


@pytest.mark.parametrize("text", [
    # guards: no police in the report; police only as the story's source
    ("On 12 February 2019, students rioted at a college in Kumasi, Ghana, destroying "
     "property over a fee rise."),
    ("On 12 February 2019, students rioted at a college in Kumasi, Ghana, destroying "
     "property over a fee rise, police said."),
    # a draft took any police the report names, as here police who did nothing
    ("On 12 February 2019, party supporters blocked streets in Thika, Kenya, with burning "
     "tyres. The police did not step in."),
])
def test_guard_a_riot_with_no_police_acting_has_no_other_side(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.actor2) == ("Riots", None)


def test_guard_two_crowds_that_clash_are_each_other_s_side(resources):
    # a draft gave the police to a clash between two crowds, whose other side is a crowd
    event = news_events(resources, (
        "On 12 February 2019, members of two communities clashed in Ambheta, India, over road "
        "construction. Police were called in."), date=DATE)[0]
    assert (event.event_type, event.inter2) == ("Riots", 5)


@pytest.mark.parametrize("text", [
    # the rioters stood as the riot's only side on the other hand ("rioters ... set stalls
    # on fire") or twice ("students barricaded ... stoned motorists"): the police then
    # named acting were left out (these failed before)
    ("On 12 February 2019, rioters angry at the tally set a row of market kiosks on fire. "
     "Officers broke the crowd up."),
    ("On 12 February 2019, students barricaded the Kisumu-Busia road in Kenya and stoned "
     "passing motorists over a colleague's unpaid hospital bill. Police fired tear gas."),
])
def test_police_who_answer_rioters_named_alone_are_their_other_side(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.inter1, event.inter2) == ("Riots", 5, 1)


@pytest.mark.parametrize("text", [
    # the police who broke the clash up were made its second side when the report told of
    # them intervening (these failed before)
    ("On 12 February 2019, supporters of two parliamentary aspirants clashed in Bawku, "
     "Ghana. Police arrived and fired warning shots to disperse them."),
    ("On 12 February 2019, supporters of rival MCA candidates fought outside a tallying "
     "centre in Kakamega, Kenya. Police intervened."),
])
def test_police_who_break_up_a_clash_of_two_crowds_are_no_side(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.inter1, event.inter2) == ("Riots", 5, 5)


@pytest.mark.parametrize("text", [
    "Supporters of rival candidates clash, leading to riot",
    "Students and matatu drivers engage in running battles",
])
def test_two_crowds_keep_each_other_in_a_report_that_names_no_place(resources, text):
    # with no country the event keeps the dictionary's template name, equal to the
    # mention's, so the crowd on the other side was dropped as actor1 named again (actor2
    # was None); with a country the names differed and it was kept
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor1, event.actor2) == ("Riots", "Rioters", "Rioters")
