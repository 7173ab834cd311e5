"""A protest whose demand names a government or the police is still a crowd's protest:
an actor named only in what the crowd demands ("demanding that the State government clear
their dues") is no side of the act; "investors" in the demand is no market report.

The two positive cases failed before the change (no event); the guards pass on both:
soldiers who fast are no crowd, and a currency's rally is no demonstration. Short
reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 3, 4)


@pytest.mark.parametrize("text", [
    ("On 2 March 2015, members of a women's association staged a demonstration in Chennai, "
     "India, demanding the government force a finance company to return investors' deposits."),
    ("On 2 March 2015, sugarcane farmers in Mandya, India, began an indefinite fast "
     "demanding that the State government clear their dues."),
])
def test_a_government_named_in_the_demand_is_no_side(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor1, event.actor2) == (
        "Protests", "Protesters (India)", None)


@pytest.mark.parametrize("text", [
    "On 2 March 2015, soldiers in Mandya, India, began an indefinite fast demanding their pay.",
    "On 2 March 2015, the rupee staged a rally as investors returned to Indian stocks.",
])
def test_guards_soldiers_fasting_and_a_market_rally_are_no_protest(resources, text):
    assert news_events(resources, text, date=DATE) == []
