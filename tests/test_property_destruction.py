"""Property an armed group or the state's forces burn or wreck is looting/property
destruction (ACLED): "burnt", "burned", "set ablaze" were no trigger of the rule, and a
pylon, a lodge or pastureland no property it knew.

Each positive case failed before the change (no event); the guards pass on both: a
crowd no one names that sets houses ablaze is a mob, and houses burned by no one named in
a report of a clash are part of the clash (a draft of the change made them an event of
their own). Property burnt while the sentence, or the next, tells of people hurt or killed
is an attack on them, unless the report says no one was. Short reports written for these
tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2016, 3, 10)
DESTRUCTION = ("Strategic developments", "Looting/property destruction")


@pytest.mark.parametrize("text", [
    "On 8 March 2016, houses were burnt by a militia in Molo, Kenya.",
    "On 8 March 2016, Al Shabaab militants destroyed a power pylon near Witu, Kenya.",
    "On 8 March 2016, Pokot militiamen burned pastureland near Kapedo, Kenya.",
    # "set fire to": the fire is the verb's object, the home what burns
    ("On 8 March 2016, gunmen of Al Shabaab set fire to a village elder's home in Bura, "
     "Kenya."),
])
def test_property_an_armed_group_burns_is_destruction(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == DESTRUCTION


def test_guard_houses_set_ablaze_by_no_one_named_are_a_mob(resources):
    (event,) = news_events(resources, (
        "On 8 March 2016, youths set ablaze ten houses in Molo, Kenya."), date=DATE)
    assert event.event_type == "Riots"


def test_guard_houses_burned_by_no_one_named_in_a_clash_report_are_the_clash(resources):
    # the burning has no doer of its own: the report's clash keeps its toll
    (event,) = news_events(resources, (
        "On 8 March 2016, Mamprusi and Kusasi militias clashed in Bawku, Ghana, killing four "
        "people. Several houses were burned as well."), date=DATE)
    assert (event.event_type, event.fatalities) == ("Battles", 4)


def test_property_set_on_fire_with_the_fire_after_the_objects_is_destruction(resources):
    (event,) = news_events(resources, (
        "On 8 March 2016, Maoist rebels set a road roller and two trucks on fire near Latehar, "
        "India."), date=DATE)
    assert (event.event_type, event.sub_event_type) == DESTRUCTION


def test_guard_a_headline_present_burns_stays_destruction(resources):
    # the rule's fire words must name "burns" too, or the headline form is lost
    (event,) = news_events(resources, (
        "A militia burns a shop and two homes in Molo, Kenya on 8 March 2016."),
        date=DATE)
    assert (event.event_type, event.sub_event_type) == DESTRUCTION


def test_property_burnt_while_people_are_hurt_is_an_attack_on_them(resources):
    # ACLED: the people harmed decide (as for a petrol bomb); before, property destruction
    (event,) = news_events(resources, (
        "On 8 March 2016, three passengers suffered burn injuries when gunmen set a minibus "
        "afire near Mandera, Kenya."), date=DATE)
    assert (event.event_type, event.sub_event_type, event.actor2) == (
        "Violence against civilians", "Attack", "Civilians (Kenya)")


def test_guard_property_burnt_with_no_one_hurt_stays_destruction(resources):
    (event,) = news_events(resources, (
        "On 8 March 2016, gunmen set a minibus afire near Mandera, Kenya. No one was injured "
        "in the fire."), date=DATE)
    assert (event.event_type, event.sub_event_type) == DESTRUCTION
