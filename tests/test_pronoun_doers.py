"""A subject pronoun stands for the actor that is the subject of the clause it hangs from:
"soldiers killed two al Shabaab when they repelled an assault", "the army claimed it had
shot dead five militants". Not across number ("villagers protested, alleging that he
beat a farmer": he is no villager), and not when the clause above has a plural object
that could as well be meant ("police arrested two men as they vandalised a bus").

The positive cases had no actor on either side before the pronoun was resolved; the guard
passes on both, and failed on a draft that did not ask the pronoun's number (a riot). Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 7, 31)


@pytest.mark.parametrize(("text", "sides"), [
    (("On 29 July 2015, Kenyan soldiers killed two al Shabaab when they repelled an assault "
      "on their camp near Kiunga, Kenya."), {"Military Forces of Kenya", "Al Shabaab"}),
    (("On 26 July 2015, the Pakistani army claimed it had shot dead five militants during a "
      "gunfight near Miranshah."),
     {"Military Forces of Pakistan", "Unidentified Armed Group (Pakistan)"}),
])
def test_a_pronoun_is_the_actor_its_clause_hangs_from(resources, text, sides):
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == "Battles"
    assert {event.actor1, event.actor2} == sides


def test_guard_he_is_not_the_farmers_who_protest(resources):
    text = ("On 28 July 2015, villagers in Karnal, India, began to protest, demanding that a "
            "police constable be suspended and alleging that he beat a farmer.")
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor1) == ("Protests", "Protesters (India)")
