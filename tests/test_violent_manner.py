"""A demonstration the report calls violent in so many words is a violent demonstration
(ACLED: a riot), also when other words stand between ("violent post-election protests") or the
adverb is quoted ("protested 'violently'"); not a protest the police broke up violently
(their force, not the crowd's) nor one said to be peaceful, not violent. So is one whose
crowd breaks windows or gates, holds people hostage, or is called rowdy or unruly; not
one that "broke into" an office, nor a "rowdy" session with no protest in the report. A
crowd that "got violent" riots, and so do people a clause of their own says are protesting
("a group protesting against the results assaults an agent"), whatever the noun.

Each positive case failed before the change (a peaceful protest); the guards pass on both.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2016, 5, 12)


@pytest.mark.parametrize("text", [
    "Violent post-election protests in Eldoret, Kenya, on 10 May 2016.",
    ("On 10 May 2016, traders in Kisii, Kenya, 'violently' protested the closure of the "
     "old market."),
    ("On 10 May 2016, students of a college in Nyeri, Kenya, staged violent street "
     "demonstrations over fees."),
])
def test_a_demonstration_called_violent_is_a_riot(resources, text):
    events = news_events(resources, text, date=DATE)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text", [
    ("On 10 May 2016, police violently dispersed a protest by teachers in Nakuru, Kenya."),
    ("On 10 May 2016, nurses in Kisumu, Kenya, protested peacefully, not violently, over "
     "unpaid allowances."),
])
def test_guard_force_on_a_protest_or_violence_denied_is_no_riot(resources, text):
    events = news_events(resources, text, date=DATE)
    assert events and not any(e.event_type == "Riots" for e in events)


def test_windows_the_demonstrators_break_make_it_a_riot(resources):
    events = news_events(resources, (
        "On 10 May 2016, students marched in Eldoret, Kenya, over a lecturer's dismissal. "
        "Windows of the library were broken by the marchers."), date=DATE)
    assert [(e.event_type, e.sub_event_type) for e in events][:1] == [
        ("Riots", "Violent demonstration")]


def test_guard_demonstrators_who_break_into_an_office_are_no_riot_for_it(resources):
    events = news_events(resources, (
        "On 10 May 2016, nurses protested in Kisumu, Kenya, and broke into the hospital "
        "director's meeting to read their demands."), date=DATE)
    assert events and not any(e.event_type == "Riots" for e in events)


def test_people_a_demonstrations_crowd_holds_hostage_make_it_a_riot(resources):
    events = news_events(resources, (
        "On 10 May 2016, villagers demonstrating over land in Kwale, Kenya, held hostage two "
        "county surveyors for six hours."), date=DATE)
    assert [(e.event_type, e.sub_event_type) for e in events][:1] == [
        ("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text", [
    ("On 10 May 2016, traders in Nakuru, Kenya, protested the closure of their market; "
     "the rowdy crowd was dispersed by council officers."),
    ("On 10 May 2016, casual workers demonstrated at a sugar factory in Mumias, Kenya, "
     "until the protest turned unruly."),
])
def test_a_demonstrations_crowd_called_rowdy_or_unruly_makes_it_a_riot(resources, text):
    events = news_events(resources, text, date=DATE)
    assert [(e.event_type, e.sub_event_type) for e in events][:1] == [
        ("Riots", "Violent demonstration")]


def test_guard_rowdy_with_no_protest_in_the_report_is_no_riot(resources):
    events = news_events(resources, (
        "On 10 May 2016, members of the county assembly in Nakuru, Kenya, held a rowdy "
        "session on the budget."), date=DATE)
    assert not any(e.event_type == "Riots" for e in events)


def test_a_crowd_that_got_violent_riots(resources):
    events = news_events(resources, (
        "On 10 May 2016, traders in Kisii, Kenya, got violent during a march against new "
        "market levies."), date=DATE)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text", [
    ("On 10 May 2016, a group protesting against the nomination results assaults a "
     "candidate's agent at a hotel in Nyeri, Kenya."),
    ("On 10 May 2016, a group that was demonstrating over land beat up a surveyor near "
     "Narok, Kenya."),
])
def test_people_a_clause_says_are_protesting_are_the_crowd_that_riots(resources, text):
    events = news_events(resources, text, date=DATE)
    assert [e.event_type for e in events] == ["Riots"]
