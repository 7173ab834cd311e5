"""A crowd that lays a siege to an office, surrounds a residence or squats on a road to press
a demand is demonstrating (ACLED: a public gathering for a cause), and so is one that
storms an office "to protest", though the report names a protest (a demonstration's crowd
storming a police station, with no demand said, still riots). Coffins burnt in protest are
a symbol, like an effigy, and so is a leader burnt "in effigy": a peaceful protest, not a
violent one. Armed actors or the police who surround a place to demand something are no
demonstration. A crowd that
breaks up another's gathering riots; rain that disrupts a rally, or youths who only
threaten to, do not.

Each positive case failed before the change (no event, or a violent demonstration); the
guards pass on both. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 3, 4)


@pytest.mark.parametrize("text", [
    ("On 2 March 2015, some 400 weavers laid a siege to the textile office in Erode, India, "
     "to press for higher wages."),
    ("On 2 March 2015, sugarcane growers surrounded the sugar mill's offices in Meerut, "
     "India, demanding payment of their dues."),
    ("On 2 March 2015, fishermen squatted in front of the fisheries office in Tuticorin, "
     "India, demanding compensation for their boats."),
    # a storming to press a demand in a report that names a protest: the demand decides,
    # not the report's protest word (riots.storming-at-demonstration gives way)
    ("On 2 March 2015, tenants stormed the housing board's offices in Mysore, India, to "
     "protest against a rent rise."),
])
def test_a_crowd_pressing_a_demand_at_a_place_is_demonstrating(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_guard_a_demonstration_whose_crowd_storms_a_police_station_riots(resources):
    (event,) = news_events(resources, (
        "On 2 March 2015, students marched through Mysore, India, over fees. During the "
        "demonstration they stormed a police station."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_leader_burnt_in_effigy_is_a_symbol(resources):
    # before, the burning of the officer himself: a violent demonstration
    (event,) = news_events(resources, (
        "On 2 March 2015, party workers took out a march in Kochi, India, and burnt the "
        "district collector in effigy."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_coffins_burnt_in_protest_are_a_symbol(resources):
    (event,) = news_events(resources, (
        "On 2 March 2015, nurses burnt a coffin bearing the health minister's name in Kisumu, "
        "Kenya, in protest at unpaid allowances."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    ("On 2 March 2015, police surrounded the house of a murder suspect in Meru, Kenya, "
     "demanding that he surrender."),
    ("On 2 March 2015, gunmen surrounded a village near Moyale, Kenya, demanding a ransom "
     "for two herders."),
])
def test_guard_armed_men_or_police_who_surround_a_place_are_no_demonstration(resources,
                                                                              text):
    events = news_events(resources, text, date=DATE)
    assert not any(e.event_type == "Protests" for e in events)


@pytest.mark.parametrize("text", [
    ("On 2 March 2015, a crowd of youths disrupted a senator's campaign meeting in Bungoma, "
     "Kenya."),
    "On 2 March 2015, party loyalists invaded a rival's rally in Ho, Ghana.",
    ("On 2 March 2015, youths disrupted the opposition's press conference at a hotel in "
     "Tamale, Ghana."),
])
def test_a_crowd_that_breaks_up_a_gathering_riots(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == "Riots"


@pytest.mark.parametrize("text", [
    "On 2 March 2015, heavy rain disrupted a senator's campaign meeting in Bungoma, Kenya.",
    ("On 2 March 2015, youths in Bungoma, Kenya, threatened to disrupt a senator's campaign "
     "meeting."),
])
def test_guard_what_only_disrupts_or_threatens_a_gathering_is_no_riot(resources, text):
    events = news_events(resources, text, date=DATE)
    assert not any(e.event_type == "Riots" and not e.is_background for e in events)
