"""Insurgents a report leaves unnamed, in a country whose insurgency ACLED codes as one
actor: "separatists" or "militants" in Thailand's Deep South are the Southern Muslim
Separatists (a rebel group), as ACLED names them; gunmen there, and militants elsewhere,
stay an unidentified armed group.

The positive case was an unidentified armed group (a political militia) before the
dictionary's ``insurgents_of``; the guards pass on both. Short reports written for these
tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 6, 5)


def test_unnamed_separatists_in_thailand_are_the_southern_muslim_separatists(resources):
    text = ("On 3 June 2015, separatists fired on a ranger patrol in Pattani, Thailand, "
            "wounding two rangers.")
    (event,) = news_events(resources, text, date=DATE)
    assert (event.actor1, event.inter1) == ("Southern Muslim Separatists (Thailand)", 2)
    assert event.actor2 == "Military Forces of Thailand"


@pytest.mark.parametrize(("text", "actor1"), [
    # gunmen are armed men, not named as insurgents
    ("On 3 June 2015, gunmen shot dead a rubber tapper in Narathiwat, Thailand.",
     "Unidentified Armed Group (Thailand)"),
    # a country with no one insurgency in the dictionary
    ("On 3 June 2015, militants attacked a police post in Bannu, Pakistan.",
     "Unidentified Armed Group (Pakistan)"),
])
def test_guard_gunmen_and_other_countries_militants_stay_unidentified(resources, text, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert event.actor1 == actor1
