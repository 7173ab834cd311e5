"""Who was attacked decides between a battle and an attack on civilians: an informer or a
former militant is a civilian though a force or a group is named in the words; a
commando, a police detective or an infiltrator is armed. A headline's "X shot dead" is
X's death, not X shooting; an attack "on a village by a militia" is the militia's. People
killed as witches, by no armed actor, are a mob's victims (ACLED: mob violence).
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 3, 5)


@pytest.mark.parametrize("text", [
    ("On 2 March 2020, Maoists killed a postmaster in Dantewada, India, after branding him "
     "a police informer."),
    "Gunmen killed a former militant in Sopore, Kashmir, on 2 March 2020.",
    ("On 2 March 2020, an attack on a Degodia village by Garre militia near Wajir, Kenya, "
     "left two huts burnt."),
])
def test_attacks_on_people_who_bear_no_arms_are_violence_against_civilians(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == "Violence against civilians"


def test_the_militia_an_attack_on_a_village_is_by_is_its_actor1(resources):
    (event,) = news_events(resources, (
        "On 2 March 2020, an attack on a Degodia village by Garre militia near Wajir, "
        "Kenya, left two huts burnt."), date=DATE)
    assert event.actor1 == "Garre Ethnic Militia (Kenya)"


@pytest.mark.parametrize("text, actor2", [
    (("On 2 March 2020, 1 commando was killed and 2 were wounded by a Taliban sniper in "
      "Qadis district, Badghis, Afghanistan."), "Military Forces of Afghanistan"),
    (("Police detective shot dead while looking into a bank robbery in Nairobi on "
      "2 March 2020"), "Police Forces of Kenya"),
])
def test_armed_victims_make_a_battle(resources, text, actor2):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor2, event.fatalities) == ("Battles", actor2, 1)


@pytest.mark.parametrize("text", [
    ("On 2 March 2020, a 72-year-old woman was burned to death in Tamale, Ghana, on "
     "suspicion of being a witch."),
    "On 2 March 2020, five suspected witches were hacked to death in Kisii, Kenya.",
])
def test_people_killed_as_witches_by_no_armed_actor_are_mob_violence(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.fatalities >= 1
