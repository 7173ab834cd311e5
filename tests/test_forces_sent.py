"""Forces sent to a demonstration police it: ACLED names them as its actor2 ("Police were
deployed outside the gates", "officers were called in"), a protest with intervention; not
forces sent to keep a protest from happening, nor forces sent where no demonstration is
told. A crowd that blocks a road is not the police the sentence names elsewhere ("to
protest the closing of roads by police"): no intervention. Water cannons, like a water
cannon, break up a protest.

Each positive case failed before the change (a peaceful protest with no actor2, or the
crowd's own blocking read as the police intervening); the guards pass on both. Short
reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 3, 4)


@pytest.mark.parametrize(("text", "police"), [
    (("On 2 March 2015, nurses picketed the district hospital in Ludhiana, India, over "
      "unpaid wages. Riot police were deployed outside the gates."), "Police Forces of India"),
    (("On 2 March 2015, polytechnic students marched to the county offices in Eldoret, "
      "Kenya, over fees. Officers were later called in."), "Police Forces of Kenya"),
    (("On 2 March 2015, shopkeepers in Sialkot, Pakistan, protested against a new levy. "
      "Police rushed to the scene."), "Police Forces of Pakistan"),
    (("On 2 March 2015, police fired water cannons at clerks protesting over their pensions "
      "in Patiala, India."), "Police Forces of India"),
])
def test_forces_sent_to_a_demonstration_intervene_in_it(resources, text, police):
    (event,) = [e for e in news_events(resources, text, date=DATE) if not e.is_background]
    assert (event.event_type, event.sub_event_type, event.actor2) == (
        "Protests", "Protest with intervention", police)


def test_guard_forces_sent_to_a_demonstration_make_one_event_with_it(resources):
    events = news_events(resources, (
        "On 2 March 2015, nurses picketed the district hospital in Ludhiana, India, over "
        "unpaid wages. Riot police were deployed outside the gates."), date=DATE)
    assert len([e for e in events if e.event_type == "Protests"]) == 1


def test_guard_forces_sent_where_no_demonstration_is_told_are_no_intervention(resources):
    events = news_events(resources, (
        "On 2 March 2015, a shopkeeper was shot dead in Kisumu, Kenya. Officers were deployed "
        "around the market."), date=DATE)
    assert not any(e.event_type == "Protests" for e in events)


def test_guard_forces_sent_to_prevent_protests_are_no_intervention(resources):
    events = news_events(resources, (
        "On 2 March 2015, police were deployed in Srinagar, India, to prevent protests."),
        date=DATE)
    assert not any(e.sub_event_type == "Protest with intervention" for e in events)


def test_a_crowd_blocking_a_road_is_not_the_police_named_elsewhere(resources):
    (event,) = news_events(resources, (
        "On 2 March 2015, hauliers blocked the Mombasa road at Athi River, Kenya, in protest "
        "at fines imposed by police."), date=DATE)
    assert (event.sub_event_type, event.actor2) == ("Peaceful protest", None)


def test_guard_a_team_of_police_who_stop_a_march_intervene(resources):
    (event,) = news_events(resources, (
        "On 2 March 2015, a team of police and soldiers stopped a march of opposition "
        "supporters in Tamale, Ghana."), date=DATE)
    assert (event.sub_event_type, event.actor2) == (
        "Protest with intervention", "Police Forces of Ghana")
