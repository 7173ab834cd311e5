"""Guards a firm or a person hires are private security forces, as ACLED codes them
(Private Security Forces, inter 8: other forces): an armed group that attacks them fights
them, and the guards who beat people attack civilians. A watchman keeps his civilian name.
Guards are no political side, though: a man the report later calls a guard who shoots his
wife, or thieves the guards help the police arrest, are no event.

Each positive case failed before the change (the guards were civilians: no event, or a
mob's riot; then, as armed, they made the crimes events); the watchman's guard passes on
both. Short reports written for these tests,
through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 6, 5)


def test_an_armed_gang_that_kills_a_guard_fights_private_security(resources):
    (event,) = news_events(resources, (
        "On 3 June 2019, robbers armed with machetes killed a night guard at a warehouse in "
        "Eldoret, Kenya."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor2 == "Private Security Forces (Kenya)"
    assert event.inter2 == 8


def test_guards_who_beat_people_attack_civilians(resources):
    (event,) = news_events(resources, (
        "On 3 June 2019, security guards at a sugar factory in Mumias, Kenya, beat up two "
        "cane cutters."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1, event.actor2) == ("Private Security Forces (Kenya)", "Civilians (Kenya)")


def test_guard_a_watchman_shot_by_gunmen_is_a_civilian(resources):
    (event,) = news_events(resources, (
        "On 3 June 2019, a watchman was shot dead by gunmen at a bank in Garissa, Kenya."),
        date=DATE)
    assert event.event_type == "Violence against civilians"
    assert event.actor2 == "Civilians (Kenya)"


@pytest.mark.parametrize("text", [
    # a guard named in the next sentence makes "his wife" no armed actor's victim
    ("On 3 June 2019, a man in Nyeri, Kenya, killed his wife with a pistol and then shot "
     "himself, police said. He worked as a security guard at a bank."),
    # thieves the police and guards caught are no political arrest
    ("On 3 June 2019, two men were arrested by security guards and police after a "
     "supermarket robbery in Nakuru, Kenya."),
])
def test_guards_named_beside_a_crime_make_it_no_event(resources, text):
    assert news_events(resources, text, date=DATE) == []
