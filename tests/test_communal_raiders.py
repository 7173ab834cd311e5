"""Who raids and who is set upon, as ACLED names them: bandits who take cattle are a
community's raiders (an ethnic militia, inter 4), bandits who rob a bank an armed group;
"Pokot ethnic militiamen" are the Pokot's militia; herders, or villagers the report calls
armed, who attack are a communal militia (inter 4), also as the doers of a passive attack
("attacked by herders"); the persons, a herdsman or an MP a mob attacks are civilians
(inter 7). Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 3, 5)


@pytest.mark.parametrize("text, inter1", [
    (("On 2 March 2020, armed bandits shot dead five herders in Baringo, Kenya, and stole "
      "their cattle and goats."), 4),
    ("On 2 March 2020, Pokot ethnic militiamen shot dead two boys in Tiaty, Kenya.", 4),
    # guard: bandits who take no livestock stay an armed group
    ("On 2 March 2020, armed bandits shot dead a shopkeeper in Marsabit, Kenya.", 3),
])
def test_raiders_who_take_cattle_are_a_communitys_militia(resources, text, inter1):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.inter1) == ("Violence against civilians", inter1)


@pytest.mark.parametrize("text", [
    ("On 2 March 2020, a mob in Kohima, India, assaulted three persons belonging to a "
     "neighbouring community."),
    "On 2 March 2020, residents of Narok, Kenya, lynched a herdsman accused of theft.",
])
def test_the_people_a_mob_sets_upon_are_civilians(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.inter2) == ("Riots", 7)


@pytest.mark.parametrize("text", [
    "On 2 March 2020, cattle herders killed three men in Samburu North, Kenya.",
    "On 2 March 2020, armed farmers attacked herdsmen near Begoro, Ghana.",
    ("On 2 March 2020, pastoralists attacked villagers at several places in Mwingi, Kenya, "
     "killing three."),
    # the doers of a passive attack
    "On 2 March 2020, farmers were attacked by herders near Kibwezi, Kenya.",
])
def test_herders_and_armed_villagers_who_attack_are_a_communal_militia(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.inter1) == ("Violence against civilians", 4)
    assert event.actor1.startswith("Unidentified Communal Militia")


def test_guard_herders_attacked_are_civilians_and_residents_who_beat_a_mob(resources):
    (attacked,) = news_events(resources, (
        "On 2 March 2020, herders were attacked by youths near Begoro, Ghana."), date=DATE)
    assert (attacked.event_type, attacked.actor2) == ("Riots", "Civilians (Ghana)")
    (beating,) = news_events(resources, (
        "On 2 March 2020, residents beat a suspected thief in Kisumu, Kenya."), date=DATE)
    assert (beating.event_type, beating.actor1) == ("Riots", "Rioters (Kenya)")
