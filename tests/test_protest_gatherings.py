"""Demonstrations named with no protest verb: "anti-IEBC demonstrations" and "pro-Okemo
rallies" (a prefix of opposition or support says what the gathering is for), the
police dispersing a crowd of supporters they found gathered (a protest with
intervention, ACLED), and a crowd gathered to press a grievance ("to express concerns").

Each positive case failed before the change (no event); the guards pass on both: a
crowd dispersed during a curfew is no demonstration, nor are mourners gathered to express
condolences. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2017, 10, 12)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 10 October 2017, there were anti-IEBC demonstrations in Narok, Kenya.",
     "Peaceful protest"),
    ("On 10 October 2017, pro-Jubilee demonstrations in Nyeri, Kenya.", "Peaceful protest"),
    ("On 10 October 2017, police dispersed NASA supporters in Kakamega, Kenya.",
     "Protest with intervention"),
    # a crowd gathered to press a grievance
    (("On 10 October 2017, about 100 villagers gathered outside the district office in "
      "Kratie, Cambodia, to express concerns about losing their farmland."),
     "Peaceful protest"),
])
def test_a_demonstration_named_without_a_protest_verb(resources, text, sub_event_type):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Protests", sub_event_type)


def test_guard_a_crowd_dispersed_during_a_curfew_is_no_demonstration(resources):
    assert all(e.event_type != "Protests" for e in news_events(resources, (
        "On 10 October 2017, police dispersed traders who were out during the curfew in "
        "Kakamega, Kenya."), date=DATE))


def test_guard_mourners_gathered_to_express_condolences_are_no_demonstration(resources):
    assert news_events(resources, (
        "On 10 October 2017, mourners gathered at the home of a former chief in Kakamega, "
        "Kenya, to express condolences to his family."), date=DATE) == []
