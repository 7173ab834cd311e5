"""What a demonstration answers is its cause, not an act at it: people who "demonstrated
after police fatally shot a man" staged a peaceful protest, not one the police used force
on, and the shooting is no attack of its own in that report; the police named only in
the cause are no side that keeps the crowd from demonstrating. A clause that acts on the
crowd itself ("after police opened fire on the demonstrators") is the demonstration's own.
The death a demonstration is about, told again in a later sentence ("the student died
because the hostel had no doctor"), is not its toll either.

Each positive case failed before the change (excessive force, an attack, or no event);
the guards pass on both. Short reports written for these tests, through the real
model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 6, 5)
PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    ("On 2 June 2020, about 200 people demonstrated in Kibera, Nairobi, after police fatally "
     "shot a hawker at the market."),
    ("On 2 June 2020, residents demonstrated in Kisii, Kenya, after a boda boda rider was "
     "killed during a quarrel with a police officer."),
    ("On 2 June 2020, traders protested in Eldoret, Kenya, after a colleague was shot dead in "
     "a police operation."),
    # the "after" clause hangs on the verb the protest begins
    ("On 2 June 2020, Christians in Kisii, Kenya, began protesting after two youth vandalised "
     "their church."),
    # what they demand stopped
    ("On 2 June 2020, students formed a human chain in Rajshahi, Bangladesh, demanding to "
     "stop killing of students."),
    # the "after" clause hangs on the verb that stages or holds the protest
    ("On 2 June 2020, nurses in Nyeri, Kenya, staged a demonstration after police arrested "
     "the chair of their union."),
    ("On 2 June 2020, hawkers in Nyeri, Kenya, held a demonstration after officers arrested "
     "three of their leaders."),
])
def test_a_killing_a_demonstration_answers_is_its_cause(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == PEACEFUL


@pytest.mark.parametrize("text", [
    ("On 2 June 2020, protesters marched in Kisumu, Kenya; two were killed after police opened "
     "fire on the demonstrators."),
    "On 2 June 2020, police shot dead a hawker in Kibera, Nairobi, sparking protests.",
])
def test_guard_force_at_the_demonstration_is_its_own(resources, text):
    events = news_events(resources, text, date=DATE)
    assert events and events[0].sub_event_type != "Peaceful protest"



@pytest.mark.parametrize("text", [
    ("On 2 June 2020, students of Maseno University demonstrated in Kisumu, Kenya, against the "
     "death of a student. The students said the student, a second year student, died because "
     "the hostel had no doctor."),
    # told again in other words
    ("On 2 June 2020, students blocked a road in Kisumu, Kenya, protesting over the killing of "
     "their colleague. A first-year student had been found dead beside the road on Monday."),
])
def test_the_death_a_demonstration_is_about_told_again_is_not_its_toll(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type, event.fatalities) == (*PEACEFUL, 0)


@pytest.mark.parametrize(("text", "deaths"), [
    # a colleague is one person (fatality_counts.PERSON_NOUNS), and the one protested
    (("On 2 June 2020, boda boda riders held a demonstration in Nyeri, Kenya, following the "
      "death of their colleague in police custody. Their colleague fell ill and died in the "
      "cells on Sunday night."), 0),
    # more deaths than the one protested, or demonstrators killed, are the demonstration's own
    (("On 2 June 2020, traders protested in Kisumu, Kenya, over the death of a hawker. Two "
      "protesters were shot dead by police."), 2),
    (("On 2 June 2020, traders protested in Kisumu, Kenya, over the death of a hawker. A "
      "protester was shot dead by police."), 1),
])
def test_guard_deaths_beside_the_one_protested(resources, text, deaths):
    events = news_events(resources, text, date=DATE)
    assert events and events[0].fatalities == deaths
