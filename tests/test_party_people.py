"""South Asia's parties and their wings in the actor dictionary: their members, workers
and activists are people, who protest or riot as crowds do ("Congress members blocked
traffic"); a party's government is the state's ("went on strike against the BJP
government"); a name joined to a party's people in the plural names people too ("TRS and
INC workers attacked each other"); "members of the NDC" are one mention, its people, who
do what the sentence tells ("attacked members of another faction"); a party's people
shot by others are the victims, not the party's militia ("two MQM workers were shot
dead"), while its men who open fire are its militia.

Each positive case failed before the change (no event, a strike blocked by the party
taken for an armed side, or a battle with the party's militia); the guard passes on both.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 3, 5)


@pytest.mark.parametrize(("text", "kind"), [
    (("On 3 March 2015, Congress members blocked traffic and trains in Ludhiana, Punjab, "
      "over the late purchase of paddy."), ("Protests", "Protesters (India)")),
    (("On 3 March 2015, auto rickshaw drivers in Delhi, India, went on strike against the BJP "
      "government."), ("Protests", "Protesters (India)")),
    (("TRS and INC workers attacked one another at a bank in a village near Warangal over the "
      "right of farmers to a loan waiver."), ("Riots", "Rioters (India)")),
    (("On 3 March 2015, members of the NDC attacked members of another faction in Tamale, "
      "Ghana, with stones, knives and clubs."), ("Riots", "Rioters (Ghana)")),
])
def test_a_party_s_people_demonstrate_and_riot_as_crowds(resources, text, kind):
    events = news_events(resources, text, date=DATE)
    assert events and (events[0].event_type, events[0].actor1) == kind


@pytest.mark.parametrize("text", [
    ("On 3 March 2015, MQM worker Salman Qureshi was shot dead by unknown gunmen in Orangi "
     "Town, Karachi."),
    ("On 3 March 2015, two MQM workers were shot dead by unknown gunmen outside a mosque in "
     "Karachi."),
])
def test_a_party_s_people_shot_by_others_are_civilians(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor2, event.inter2) == (
        "Violence against civilians", "Civilians (Pakistan)", 7)


def test_guard_a_party_s_men_who_open_fire_are_its_militia(resources):
    events = news_events(resources, "On 3 March 2015, BNP men opened fire on the police in "
                         "Bogra, Bangladesh.", date=DATE)
    assert events and events[0].actor1 == "BNP: Bangladesh Nationalist Party Militia"


def test_a_party_s_people_the_parse_hangs_on_its_name_are_a_crowd(resources):
    # "members" in apposition to "CPI": the mention's root is the party's name, not the
    # plural (no event before roles counted such a mention a crowd)
    text = "A Congress worker was attacked by CPI (M) members near Kannur."
    events = news_events(resources, text, date=DATE)
    assert events and (events[0].event_type, events[0].sub_event_type) == ("Riots", "Mob violence")
    assert events[0].actor1.startswith("Rioters")
