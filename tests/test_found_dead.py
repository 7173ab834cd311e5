"""People found dead with the marks of violence on them, or with a killing named around
them, are an attack on civilians by someone unknown (ACLED); the dead are its target, and
who found them is no side. A body alone (a drowning, an illness) is no event.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 3, 5)


@pytest.mark.parametrize("text", [
    ("On 2 March 2020, the body of a boda boda rider was found with stab wounds in a "
     "sugarcane plantation in Kakamega, Kenya."),
    "Man found dead after ritual killing in Kilifi, Kenya",
    ("On 2 March 2020, two bodies were found dumped by the roadside in Mombasa, Kenya. No "
     "group has claimed responsibility."),
    ("On 2 March 2020, the bodies of two herders were found with arrows in them in a forest "
     "near Narok, Kenya."),
])
def test_people_found_dead_by_violence_are_an_attack_on_civilians(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


@pytest.mark.parametrize("text", [
    ("On 2 March 2020, the body of a fisherman was found in Lake Victoria near Kisumu, Kenya, "
     "a day after his boat capsized."),
    ("On 2 March 2020, a man was found dead in his house in Nakuru, Kenya. Neighbours said he "
     "had been ill for months."),
])
def test_a_body_with_no_violence_told_is_no_event(resources, text):
    assert news_events(resources, text, date=DATE) == []
