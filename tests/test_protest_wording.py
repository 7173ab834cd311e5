"""Protests worded in ways the rules missed: "demonstrated" with nothing else said, an
object the parser hung on it across a preposition, a headline with no finite verb
("Residents of X town protest poor sanitation"), hunger strikes in the plural, a "protest
march" the model took for the month, a protest after "it is alleged ..." (the allegation
is the grievance's, not the protest's); and protests that are news though they name the
past: a protest against a massacre of 1984, protests held on an anniversary (also one in
quotes). A demonstration "started", a gate blocked "to voice grievances". Not
protests: what a team or a study demonstrated. A riot the police then make arrests at
stays a riot (it is no protest with intervention). Short reports written for these tests,
through the real model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("text", [
    "On 27 June 2021, Morcha cadres demonstrated in Parasi, Nepal.",
    # the parser makes "salaries" the object of "demonstrated", across "over six months"
    ("On 27 June 2021, about 300 nurses and pharmacists, led by their union, demonstrated "
     "over four months unpaid allowances in Kisumu, Kenya."),
    "Residents of Kaptembwo estate in Nakuru town protest poor area lighting.",
    "Teachers at a college protest decisions of the registrar in Kisii, Kenya.",
    ("On 27 June 2021, activists in Imphal, India, went on hunger strikes to demand a permit "
     "system for the state."),
    ("On 27 June 2021, residents of Panvel, India, carried out a peaceful protest march "
     "against a plan to build a dumping ground."),
    ("Parents in Malindi, Kenya, protest after it is alleged their daughters were made to "
     "attend prayers at a mosque."),
    "Sikhs in Ludhiana, India, held a protest against the 1984 Delhi carnage.",
    ("On 27 June 2021, human rights activists in Accra, Ghana, held protests on the 20th "
     "anniversary of the coup in Gambia."),
    # a riot in what the protest is against: "members who had rioted" is its grievance
    ("On 27 June 2021, party workers held a sit-in protest outside a police station in "
     "Hyderabad, Pakistan, against the arrest of colleagues who had rioted at a polling "
     "station earlier that day."),
    # what the protest is "due to" is its cause, not violence of its own
    ("On 27 June 2021, scores of farmers sat on a dharna in Bathinda, India, to protest "
     "against losses to the wheat crop due to an attack from locusts."),
    # a demonstration by its short name
    "On 27 June 2021, opposition supporters held anti-government demos in Kisumu, Kenya.",
    # an anniversary in quotes is still the one the protest is held on
    ("On 27 June 2021, the party in Lucknow, India, observed the first 'black anniversary' "
     "of the new farm law by holding a protest rally."),
    # a demonstration begun, and a gate blocked to voice grievances
    ("On 27 June 2021, after a boy was hit by a truck, villagers near Kitui, Kenya, "
     "gathered at the junction and started a demonstration."),
    ("On 27 June 2021, about 80 clearing agents blocked the entrance to the warehouses at "
     "the airport in Nairobi, Kenya, to voice grievances over parking fees."),
])
def test_protests_the_first_rules_missed(resources, text):
    events = news_events(resources, text)
    assert [e.event_type for e in events][:1] == ["Protests"]


@pytest.mark.parametrize("text", [
    "On 27 June 2021, the national team demonstrated their skill in a friendly in Nairobi.",
    "On 27 June 2021, a study in Nairobi, Kenya, demonstrated that the new policy worked.",
    # the noun a relative clause describes is what was demonstrated (GLOCON)
    ("On 27 June 2021, the party leader in Nairobi thanked voters for the confidence our "
     "people have demonstrated in this movement."),
    # an allegation over the whole sentence is a case in court, not news
    "It is alleged that police shot dead two protesters in Kisumu, Kenya, in 2019.",
])
def test_what_a_team_or_a_study_demonstrated_is_no_protest(resources, text):
    assert news_events(resources, text) == []


def test_police_arresting_people_after_a_riot_leave_it_a_riot(resources):
    (event,) = news_events(resources, (
        "In Rajshahi, Bangladesh, two buses were vandalized near the central bus terminal "
        "around 10am on 27 June 2021. Police arrested 12 BNP-Jamaat activists at the "
        "scene."))
    assert event.event_type == "Riots"
    assert event.actor2 == "Police Forces of Bangladesh"
