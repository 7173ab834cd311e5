"""A weapon kept from use is a disrupted weapons use (ACLED), not an explosion: a device
police "seize", "intercept", "discover ... and disarm", "find" (notes in the present
tense as well as the past), and a bomb that went off in its own handlers' hands ("the bomb
they were planting blew up", "an IED they were assembling exploded").

Each positive case failed before the change (coded as an explosion, or no event); the
guard passes on both: a bomb that killed passers-by is an explosion. Short reports
written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2014, 5, 20)
DISRUPTED = ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize("text", [
    "On 18 May 2014, police seize explosives from suspected Al Shabaab members in Garissa, Kenya.",
    ("On 18 May 2014, police intercept an Al Shabaab lorry carrying explosives near Mandera, "
     "Kenya."),
    "On 18 May 2014, police discover a bomb on a matatu in Nairobi, Kenya, and disarm it.",
    ("On 18 May 2014, two suspected Al Shabaab militants were killed near Wajir, Kenya, when the "
     "bomb they were planting blew up."),
    ("On 18 May 2014, three militants were killed after an IED they were assembling exploded "
     "near Fafi, Kenya."),
])
def test_a_weapon_kept_from_use_is_a_disrupted_weapons_use(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == DISRUPTED


def test_guard_a_bomb_that_killed_passers_by_is_an_explosion(resources):
    (event,) = news_events(resources, (
        "On 18 May 2014, a roadside bomb planted by Al Shabaab killed two passers-by in "
        "Mandera, Kenya."), date=DATE)
    assert event.event_type == "Explosions/Remote violence"
