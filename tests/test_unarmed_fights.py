"""Fights with no armed side are riots (ACLED: mob violence): a party's factions, lawmakers
or councillors coming to blows, churchgoers or commuters fighting or stoning the police.
Villagers or families who fight each other and kill are communal militias in a battle
(ACLED); a party's supporters stay rioters. Students who assaulted a man, in a report
that names the police, fought no battle. Factions that fire bullets are no riot ("two
rival groups" whose clash kills stay a battle: tests/test_word_forms_and_named_crowds.py),
and ethnic clashes are battles of ethnic militias, though no side is named.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, rival factions of the ODM came to blows at a party office in Kisumu, "
     "Kenya."),
    "On 27 June 2021, lawmakers in the Kisii County Assembly, Kenya, clashed over the budget.",
    "On 27 June 2021, two groups of churchgoers fought over the choice of a pastor in Nyeri, Kenya.",
    ("On 27 June 2021, angry commuters threw stones at traffic police officers at a bus stage "
     "in Nakuru, Kenya."),
])
def test_fights_with_no_armed_side_are_riots(resources, text):
    events = news_events(resources, text)
    assert [e.event_type for e in events][:1] == ["Riots"]


def test_a_crowd_assaulting_someone_near_the_police_fights_no_battle(resources):
    events = news_events(resources, (
        "On 21 June 2021, pupils gathered at the headquarters of the District Police in "
        "Tamale, Ghana, to demand the release of two tutors detained after a trader claimed "
        "that tutors and pupils had assaulted him."))
    assert "Battles" not in [e.event_type for e in events]


def test_factions_that_fire_bullets_are_no_riot(resources):
    # guard: bullets name an armed fight, which the riot rule leaves alone
    events = news_events(resources, (
        "On 27 June 2021, two factions of the Awami League clashed in Bhola, Bangladesh, "
        "leaving three people with bullet wounds."))
    assert "Riots" not in [e.event_type for e in events]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, villagers of two neighbouring hamlets fought with machetes over a "
     "fishing pond near Narail, Bangladesh, and one man died."),
    ("On 27 June 2021, two farming families clashed over a boundary near Kpando, "
     "Ghana. One person was killed."),
])
def test_village_groups_who_fight_and_kill_are_communal_militias(resources, text):
    event = news_events(resources, text)[0]
    assert (event.event_type, event.inter1, event.inter2) == ("Battles", 4, 4)


def test_a_partys_supporters_who_fight_and_kill_still_riot(resources):
    # guard: a party's people are rioters, whatever the toll (riots.supporters-clash)
    event = news_events(resources, (
        "On 27 June 2021, supporters of the NDC and the NPP clashed in Accra, Ghana. One "
        "person was killed."))[0]
    assert event.event_type == "Riots"


def test_ethnic_clashes_are_battles_of_ethnic_militias_not_a_mob(resources):
    event = news_events(
        resources, "On 27 June 2021, four people were killed in ethnic clashes near Moyale, Kenya.")[0]
    assert (event.event_type, event.actor1) == ("Battles", "Unidentified Ethnic Militia (Kenya)")


def test_guard_a_mob_that_stones_a_bus_still_riots(resources):
    event = news_events(resources, "On 27 June 2021, a mob of youths stoned a bus in Kisumu, Kenya.")[0]
    assert event.event_type == "Riots"
