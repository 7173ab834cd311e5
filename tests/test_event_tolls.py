"""A toll sentence joins the event the report is about; asides in brackets keep their
sentence's actors. Short reports written for these tests, through the real model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]



@pytest.mark.parametrize("text, deaths", [
    (("On 8 June 2021, gunmen raided a police camp in Garissa, Kenya. Pupils nearby were "
      "also targeted. 3 civilians and 2 attackers were killed."), 5),
    (("On 8 June 2021, unknown fighters attacked an army outpost in Mandera, Kenya. Two "
      "Kenyan soldiers were killed and one injured, although the figure was not confirmed "
      "by the police."), 2),
])
def test_a_toll_naming_no_killer_joins_the_event_described(resources, text, deaths):
    (event,) = news_events(resources, text)
    assert event.event_type == "Battles"
    assert event.fatalities == deaths


def test_a_toll_with_a_place_of_its_own_stays_a_separate_event(resources):
    text = ("On 8 June 2021, gunmen raided a police camp in Garissa, Kenya. 3 civilians and "
            "2 attackers were killed in Mandera.")
    assert len(news_events(resources, text)) == 2


def test_a_bracketed_date_keeps_the_sides_of_a_clash(resources):
    (event,) = news_events(resources, "A firefight erupted on Friday [25 June] between rebels "
                                "and soldiers near Kupwara in Jammu and Kashmir.")
    assert event.event_type == "Battles"
    assert {event.inter1, event.inter2} == {1, 3}  # the army against an unnamed rebel group


def test_is_militants_killed_in_an_airstrike_are_its_toll(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, 6 IS militants died in an airstrike by Afghan forces in Chapa Dara "
        "district, Kunar."))
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 6
