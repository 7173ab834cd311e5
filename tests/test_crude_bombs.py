"""Crude bombs thrown by a crowd or by assailants nobody names as an armed group are a
riot, not an explosion (ACLED's codebook: "crude bombs", such as Molotov cocktails and
petrol bombs, are recorded as riots or strategic developments, not as grenades or remote
explosives; ``thrown_bombs``, the codebook's ``riots.crude-bomb`` rules).

Each positive case was an explosion before (Remote explosive/landmine/IED by an
unidentified armed group); each guard names what keeps it an explosion. Short reports
written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 2, 4)
BLAST = "Explosions/Remote violence"


@pytest.mark.parametrize(("text", "sub_event_type", "actor2"), [
    # the assailants named only by what they did
    (("On 3 February 2015, two passengers were injured when assailants threw crude bombs at "
      "a bus in Feni, Bangladesh."), "Mob violence", "Civilians (Bangladesh)"),
    ("On 3 February 2015, assailants hurled three cocktails at a market in Feni, Bangladesh.",
     "Mob violence", None),
    # the passive with its throwers named
    (("On 3 February 2015, three crude bombs were hurled by unknown persons at a bus in "
      "Feni, Bangladesh."), "Mob violence", None),
    # a demonstration's own people: a violent demonstration
    (("On 3 February 2015, hartal supporters blasted two crude bombs near a school in "
      "Tangail, Bangladesh, on the third day of the hartal."), "Violent demonstration", None),
    (("On 3 February 2015, picketers enforcing the blockade exploded eight crude bombs near "
      "the court in Dhaka, Bangladesh."), "Violent demonstration", None),
])
def test_crude_bombs_thrown_by_people_are_a_riot(resources, text, sub_event_type, actor2):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", sub_event_type)
    assert (event.actor1, event.actor2) == ("Rioters (Bangladesh)", actor2)
    assert event.inter1 == 5


@pytest.mark.parametrize(("text", "event_type", "actor1"), [
    # no one named as throwing: the blast is all the report knows
    ("On 3 February 2015, five cocktails exploded near the district court in Feni, Bangladesh.",
     BLAST, "Unidentified Armed Group (Bangladesh)"),
    # a rebel group's bombs, and the state's forces', are no crowd's
    ("On 3 February 2015, Maoist rebels hurled crude bombs at a police station in Gaya, India.",
     BLAST, "CPI (Maoist): Communist Party of India (Maoist)"),
    ("On 3 February 2015, soldiers threw crude bombs at a village in Feni, Bangladesh.",
     BLAST, "Military Forces of Bangladesh"),
    # found, not thrown
    ("On 3 February 2015, police found three crude bombs near a school in Feni, Bangladesh.",
     "Strategic developments", "Police Forces of Bangladesh"),
])
def test_guard_crude_bombs_no_one_threw_or_armed_forces_threw(resources, text, event_type, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor1) == (event_type, actor1)


def test_petrol_bombs_that_hurt_no_one_are_a_riot(resources):
    # an attack on civilians before (vac.petrol-bomb), with no civilian harmed
    (event,) = news_events(resources, (
        "On 3 February 2015, assailants hurled petrol bombs at two empty buses in Feni, "
        "Bangladesh."), date=DATE)
    assert (event.event_type, event.sub_event_type, event.actor1) == (
        "Riots", "Mob violence", "Rioters (Bangladesh)")


def test_guard_petrol_bombs_that_burnt_people_are_an_attack_on_them(resources):
    (event,) = news_events(resources, (
        "On 3 February 2015, assailants hurled a petrol bomb at a bus in Feni, Bangladesh, "
        "leaving five passengers with burn injuries."), date=DATE)
    assert (event.event_type, event.actor2) == (
        "Violence against civilians", "Civilians (Bangladesh)")


def test_molotov_cocktails_that_burnt_people_are_an_attack_like_petrol_bombs(resources):
    # a Molotov cocktail is a petrol bomb, not Bangladesh's "cocktail" (a riot before)
    (event,) = news_events(resources, (
        "On 3 February 2015, assailants hurled Molotov cocktails at a bus in Feni, Bangladesh, "
        "leaving five passengers with burn injuries."), date=DATE)
    assert (event.event_type, event.actor2) == (
        "Violence against civilians", "Civilians (Bangladesh)")
