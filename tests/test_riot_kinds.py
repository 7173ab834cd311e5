"""Which riot: demonstrators who turn violent riot in a violent demonstration; a crowd
violent with no demonstration, or at a party's campaign rally (where "rally" is no
demonstration), is a mob (ACLED's mob violence). Running battles with the police in a
protest are the demonstration turning violent. A crowd that clashes with no one else named
clashed with another crowd: rioters against rioters.

The positive cases failed before the change (a violent demonstration at a rally; running
battles in a protest coded as mob violence); the guards pass on both. Short reports written
for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2017, 8, 20)


MOB, DEMONSTRATION = "Mob violence", "Violent demonstration"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a crowd violent at a campaign rally is a mob
    (("On 18 August 2017, supporters of two rival candidates clashed at a campaign rally in "
      "Migori, Kenya, and threw stones at each other."), MOB),
    (("On 18 August 2017, youths threw stones at the convoy of an opposition leader during a "
      "rally in Thika, Kenya."), MOB),
    # a party's rally the police stop is no demonstration either (as ACLED coded "supporters
    # of KANU and police clash ... after police attempted to stop a political rally")
    (("On 18 August 2017, opposition men clashed with police in Kisumu, Kenya, when officers "
      "blocked a planned rally."), MOB),
    # demonstrators who turn violent riot in a violent demonstration
    (("On 18 August 2017, residents of Kondele in Kisumu, Kenya, engaged police in running "
      "battles to protest the killing of a trader."), DEMONSTRATION),
    # guard: demonstrators who stone the police
    (("On 18 August 2017, demonstrators in Kisumu, Kenya, threw stones at police officers "
      "during a march against the election results."), DEMONSTRATION),
])
def test_a_mob_at_a_rally_and_demonstrators_turned_violent_riot_differently(
        resources, text, sub_event_type):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", sub_event_type)


@pytest.mark.parametrize("text", [
    ("On 18 August 2017, AIADMK and DMK cadres clashed and pelted stones at each other in "
     "Chennai, India."),
    ("On 18 August 2017, BJP and TMC supporters clashed in riots in Arambagh, India, setting "
     "houses on fire."),
])
def test_a_crowd_that_clashes_with_no_one_else_named_clashed_with_another_crowd(resources,
                                                                                text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.actor1, event.actor2) == (
        "Riots", "Rioters (India)", "Rioters (India)")


def test_guard_a_crowd_that_clashes_with_the_police_has_the_police_as_its_other_side(
        resources):
    (event,) = news_events(resources, ("On 18 August 2017, BJP supporters clashed with police "
                                       "in Arambagh, India, and threw stones."), date=DATE)
    assert (event.event_type, event.actor2) == ("Riots", "Police Forces of India")


def test_members_who_throw_punches_riot(resources):
    # fists are a crowd's fight as stones are (no event before)
    (event,) = news_events(resources, (
        "On 18 August 2017, two MPs threw punches during a committee hearing in Nyeri, Kenya."),
        date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", MOB)


def test_a_man_marched_by_a_mob_is_no_demonstration(resources):
    # "marched him to the market": someone made to walk, not a march (a violent
    # demonstration before, once "set him on fire" was read as a crowd's burning)
    (event,) = news_events(resources, (
        "On 18 August 2017, a crowd in Embu, Kenya, seized a suspected burglar, marched him to "
        "the bus park and set him on fire."), date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Riots", MOB)
