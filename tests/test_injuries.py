"""Harm short of death is still the act: people an armed actor injures or wounds are
attacked ("two gunmen shot and injured a lawyer", "a civilian was wounded by army fire"),
and protesters the police injure meet excessive force (ACLED: force likely to cause
serious injury), also when the report names them only as the crowd it describes ("Police
shot at the crowd, injuring two").

Each positive case failed before the change (no event, or a peaceful protest); the guards
pass on both: injuries in an accident, in a fight between armed sides or in a clash of
protesters with police are no attack on civilians nor excessive force (the wounded of an
attack on a militia fail on a draft that tried the injuring words before the battle
rules). Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 9, 5)


@pytest.mark.parametrize(("text", "actor1"), [
    # the parser reads "motorcycle shot" as a noun: "injured" is the only verb of the act
    (("On 2 September 2020, two gunmen on a motorcycle shot and injured a businessman in "
      "Meru, Kenya."), "Unidentified Armed Group (Kenya)"),
    (("On 2 September 2020, a girl was wounded by Afghan army fire in Khost province, "
      "Afghanistan."), "Military Forces of Afghanistan"),
    ("On 2 September 2020, three traders were injured by police in Kitale, Kenya.",
     "Police Forces of Kenya"),
])
def test_people_an_armed_actor_injures_are_attacked(resources, text, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type, event.actor1) == (
        "Violence against civilians", "Attack", actor1)
    assert event.fatalities == 0


@pytest.mark.parametrize("text", [
    # guard: an accident
    "On 2 September 2020, five people were injured in a road accident in Nakuru, Kenya.",
    # guard: soldiers wounded in a fight are a battle's, not civilians attacked
    ("On 2 September 2020, two soldiers were wounded when Al Shabaab militants attacked "
     "their camp in Lamu, Kenya."),
    # guard: civilians among the wounded of an attack on a militia: a battle
    ("On 2 September 2020, four militia members were killed and nine, including three "
     "civilians, were wounded in an attack by Taliban militants in Faryab, Afghanistan."),
])
def test_guard_injuries_in_an_accident_or_a_fight_are_no_attack_on_civilians(resources, text):
    events = news_events(resources, text, date=DATE)
    assert all(e.event_type != "Violence against civilians" for e in events)


@pytest.mark.parametrize("text", [
    ("On 2 September 2020, students protested in Kisumu, Kenya, over school fees. Police "
     "fired at the crowd, injuring two."),
    ("On 2 September 2020, at least three people were injured by the police in Kisumu, "
     "Kenya, while protesting against the electoral commission."),
])
def test_protesters_the_police_injure_meet_excessive_force(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.sub_event_type) == (
        "Protests", "Excessive force against protesters")
    assert (event.actor1, event.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


def test_gunmen_who_injure_people_at_a_rally_attack_them(resources):
    # a draft took any armed actor as the one using force on protesters
    event = news_events(resources, (
        "On 2 September 2020, unidentified gunmen fired shots at an opposition rally in "
        "Accra, Ghana, leaving two people injured."), date=DATE)[0]
    assert event.sub_event_type != "Excessive force against protesters"


def test_guard_protesters_injured_in_a_clash_with_police_riot(resources):
    event = news_events(resources, (
        "On 2 September 2020, at least ten opposition activists were injured in a clash with "
        "police in Narayanganj, Bangladesh."), date=DATE)[0]
    assert event.event_type == "Riots"


def test_guard_injuries_told_beside_a_dispersal_stay_an_intervention(resources):
    # guard (passes on both); the draft that tried the injuring words before the
    # intervention rules failed tests/test_event_detection.py's "fired tear gas at
    # protesters ..., injuring three", which this rule order mends
    event = news_events(resources, (
        "On 2 September 2020, traders protested in Kisumu, Kenya. Police dispersed the "
        "protesters with tear gas, injuring three."), date=DATE)[0]
    assert event.sub_event_type == "Protest with intervention"


def test_guard_protesters_dispersed_unharmed_are_an_intervention(resources):
    event = news_events(resources, (
        "On 2 September 2020, students protested in Kisumu, Kenya, over school fees. Police "
        "fired tear gas to disperse the crowd."), date=DATE)[0]
    assert event.sub_event_type == "Protest with intervention"


def test_armed_men_who_join_a_rebel_group_change_sides(resources):
    (event,) = news_events(resources, (
        "On 2 September 2020, twelve Afghan soldiers and their commander joined the Taliban "
        "in Ghor province, Afghanistan."), date=DATE)
    assert (event.sub_event_type, event.actor2) == ("Change to group/activity", "Taliban")


@pytest.mark.parametrize("text", [
    # guards: joining a state's force or a protest is no change of side
    "On 2 September 2020, Kenyan troops joined AMISOM forces in Kismayo, Somalia.",
    "On 2 September 2020, police officers joined the protesters in Nairobi, Kenya.",
])
def test_guard_joining_a_state_force_or_a_protest_changes_no_group(resources, text):
    events = news_events(resources, text, date=DATE)
    assert all(e.sub_event_type != "Change to group/activity" for e in events)


@pytest.mark.parametrize("text", [
    # injuries denied, a noun, or counted by a spokesman of an accident: no attack. The
    # first rules for injuries coded each of these in documents of GLOCON's sample; the
    # first case fails on them, the other two (our own wording) are guards passing on both
    ("On 2 September 2020, armed robbers raided a shop in Durban, South Africa. None of the "
     "cashiers were injured, and officers later found the stolen phones."),
    ("On 2 September 2020, the winger rubbed salt into the wounds of the visiting side as he "
     "crossed for a late try in Durban, South Africa."),
    ("DURBAN, Sept 2 (ANA) - Four pupils were killed when a bus and a minibus taxi collided "
     "in Durban. A spokesman said he could not confirm how many were injured."),
])
def test_injuries_denied_or_not_done_by_an_armed_actor_are_no_attack(resources, text):
    events = news_events(resources, text, date=DATE)
    assert all(e.event_type != "Violence against civilians" for e in events)

