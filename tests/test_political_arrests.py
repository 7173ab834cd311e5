"""The state arresting people the sentence names as militants, as linked to a militant
group, as a party's activists or leaders, or as an office holder or politician ("the
former governor was arrested") is an arrest ACLED codes (a strategic development), though
the dictionary knows no group by name; arresting robbers, or men suspected of a killing,
is policing, not an event. Short reports written for these tests, through the real
model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, Kenyan police arrested two foreigners in Nairobi for suspected links "
     "with militant organisations."),
    ("On 27 June 2021, police arrested 24 female leaders and activists of an opposition "
     "party in Khulna, Bangladesh, on charges of planning subversive activities."),
    # office holders and politicians
    ("On 27 June 2021, the former governor of Kakamega was arrested by detectives in "
     "Nairobi, Kenya, over the loss of county funds."),
])
def test_arrests_of_militants_and_activists_are_arrests(resources, text):
    (event,) = news_events(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    assert event.fatalities == 0


@pytest.mark.parametrize("text", [
    "On 27 June 2021, police arrested three robbers in Nairobi, Kenya.",
    "On 27 June 2021, police arrested two men suspected of killing a militant in Srinagar.",
])
def test_arrests_for_crimes_are_no_event(resources, text):
    assert news_events(resources, text) == []


def test_an_arrest_by_no_one_named_is_the_police_s(resources):
    # (actor1 empty before strategic.arrests had a default: ACLED codes who arrested)
    text = "On 27 June 2021, a senior commander of the NSCN-K was detained in Guwahati, India."
    (event,) = news_events(resources, text)
    assert (event.sub_event_type, event.actor1, event.inter1) == (
        "Arrests", "Police Forces of India", 1)
    assert event.actor2 == "NSCN-K: National Socialist Council of Nagaland-Khaplang"
