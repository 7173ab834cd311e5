"""Ethnic or election violence that a report tells only as one side's attack on people or
their homes is violence against civilians (ACLED: the civilians are the target; the group
behind it, unnamed, an unidentified militia or armed group), also when the attack and the
word for the violence are in neighbouring sentences. A toll with no attack named, or a
fight between the sides, stays an armed clash.

The positive cases failed before the change (an armed clash); the guards pass on both.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2008, 1, 30)


@pytest.mark.parametrize(("text", "actor1"), [
    (("On 29 January 2008, farms were attacked and houses razed near Kericho, Kenya. "
      "Residents said it was part of the ethnic violence that followed the election."),
     "Unidentified Ethnic Militia (Kenya)"),
    (("On 29 January 2008, a gang attacked a family in Naivasha, Kenya, in continuing "
      "post-election violence, hacking two people to death."),
     "Unidentified Armed Group (Kenya)"),
])
def test_a_one_sided_attack_in_communal_violence_targets_civilians(resources, text, actor1):
    events = news_events(resources, text, date=DATE)
    assert [(e.actor1, e.inter2) for e in events
            if e.event_type == "Violence against civilians"] == [(actor1, 7)]
    assert "Battles" not in {e.event_type for e in events}


@pytest.mark.parametrize("text", [
    # guards: a toll with no one-sided act named; the two sides fighting
    ("On 29 January 2008, four people died in Kericho, Kenya, in the ethnic violence that "
     "followed the election."),
    ("On 29 January 2008, Kalenjin and Kikuyu youths fought in Kericho, Kenya, amid ethnic "
     "violence; homes were torched."),
])
def test_guard_communal_violence_with_no_one_sided_attack_stays_a_clash(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == "Battles"
