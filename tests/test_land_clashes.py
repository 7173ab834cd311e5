"""Groups who fight over land, pasture or water are communal militias in an armed clash
(ACLED), whether or not anyone dies: farmers and herders, two groups of villagers, two
families over a plot; and armed men a report of a land dispute leaves unnamed are a
community's militia. A party's supporters, students or a protest's crowd who fight over
land stay rioters, and so does a fight with no land, pasture or water in it.

The positive cases failed before the change (a riot, mob violence); the guards pass on
both. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 9, 2)


@pytest.mark.parametrize("text", [
    ("On 1 September 2019, farmers and herders fought near Garsen, Kenya, after cattle were "
     "driven onto maize fields. Four people were hurt."),
    ("On 1 September 2019, at least a dozen people were injured when two groups of "
     "villagers clashed over a piece of land near Habiganj, Bangladesh."),
    ("On 1 September 2019, squatters and a family that holds a title deed clashed over a "
     "disputed plot in Taveta, Kenya."),
])
def test_a_fight_over_land_or_pasture_is_an_armed_clash(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.inter1, event.inter2) == (4, 4)


def test_people_beside_a_named_militia_in_a_land_clash_are_a_communal_militia(resources):
    # a first draft kept the unnamed side as rioters
    event = news_events(resources, (
        "On 1 September 2019, farmers fought with Pokot herders over grazing land "
        "near Kapedo, Kenya."), date=DATE)[0]
    assert (event.event_type, event.inter1, event.inter2) == ("Battles", 4, 4)


@pytest.mark.parametrize("text", [
    # a party's people fighting over land stay rioters (ACLED: mob violence); a draft
    # without the rule's exceptions made it a battle
    ("On 1 September 2019, supporters of two rival parties clashed over a piece of land "
     "meant for a campaign office in Kisumu, Kenya."),
    # a street fight over a boundary, as ACLED codes one (mob violence)
    ("On 1 September 2019, youths from two neighbouring quarters of Accra, Ghana, fought a "
     "street fight over a boundary dispute."),
    # no land, pasture or water: a brawl
    ("On 1 September 2019, two groups of traders clashed at a market in Kisumu, Kenya, over "
     "the price of stalls."),
])
def test_guard_other_fights_stay_riots(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == "Riots"


@pytest.mark.parametrize("text", [
    "On 1 September 2019, gunmen attacked a family near Eldoret, Kenya, in a land dispute.",
    "On 1 September 2019, a herder was killed by gunmen over land near Kitale, Kenya.",
])
def test_armed_men_left_unnamed_in_a_land_dispute_are_a_communal_militia(resources, text):
    # an unidentified armed group before unnamed armed men of a land dispute were a
    # community's (ACLED codes the sides of such disputes as communal militias)
    event = news_events(resources, text, date=DATE)[0]
    assert (event.actor1, event.inter1) == ("Unidentified Communal Militia (Kenya)", 4)


@pytest.mark.parametrize("text", [
    "On 1 September 2019, gunmen shot dead a trader in Mandera, Kenya.",
    # a land mine is no land dispute
    ("On 1 September 2019, gunmen shot dead a trader near Lamu, Kenya, where a truck had "
     "rolled over a land mine a week earlier."),
    # a dispute a long report tells of far from the act (the first draft read the whole
    # report)
    ("On 1 September 2019, gunmen shot dead a trader in Mandera, Kenya. Police said they were "
     "pursuing the attackers. The market reopened the next day. Traders said business was "
     "slow. Elsewhere in the county, elders met to settle a land dispute between two families."),
])
def test_guard_armed_men_with_no_land_dispute_stay_an_armed_group(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.actor1 == "Unidentified Armed Group (Kenya)"


def test_guard_anonymous_arsonists_of_a_land_dispute_stay_rioters(resources):
    # a draft that named them a communal militia on every rule made them the riot's target
    text = ("On 1 September 2019, assailants burnt down four houses in Kitale, Kenya, in a land "
            "dispute.")
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.actor1, event.actor2) == ("Riots", "Rioters (Kenya)", None)
