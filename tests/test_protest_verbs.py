"""Protests the rules missed for the way the act is worded: a road blocked by a named crowd
over a government's policy (the government named in the grievance is no side of the act),
workers "striking" as a verb, a procession "staged" by a party, a walk or march for peace,
a plural protest word the parser hung on the next noun ("conducted protests nation
wide"), a protest "since" something (still going on: news), and a protest that condemns
a lynching by a mob (no mob at the protest). Not protests: a drone strike, the police
blocking a road, "arms dealers". Short reports written for these tests, through the real
model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, farmers continued to block traffic near Bathinda, India, over the "
     "pricing policies of the state government."),
    ("On 27 June 2021, sanitation workers in Multan, Pakistan, had been striking for ten "
     "days over unpaid wages."),
    "On 27 June 2021, JI staged a procession in Mardan, Pakistan, over rising prices.",
    ("On 27 June 2021, residents staged a peace walk in Sunyani, Ghana, ahead of the "
     "elections."),
    ("On 27 June 2021, the power workers' union conducted protests nation wide in Pakistan "
     "against the privatisation of the utility."),
    # a protest "since" something goes on now: the "since" is no background cue
    ("On 27 June 2021, butchers in Nyahururu, Kenya, protested the closure (since March) of "
     "the town's abattoir."),
    ("On 27 June 2021, about 150 youths demonstrated in Kibera, Nairobi, Kenya, against "
     "police raids since the start of the curfew."),
    # a strike that goes on, its strikers named as owners or not at all, and one begun
    ("The strike by truck owners in Barisal, Bangladesh, entered its third day on 27 June "
     "2021, stranding passengers."),
    ("On 27 June 2021, hospital workers in Lahore, Pakistan, began to strike for unpaid "
     "overtime."),
    # a protest named by what it was held as, and black flags shown to a leader (the
    # protest itself, not an act on a symbol)
    "On 27 June 2021, flood victims set up a protest camp outside the press club in Sukkur, Pakistan.",
    ("On 27 June 2021, the governor was shown black flags by opposition workers at Gaya "
     "airport, India."),
    # the mob is in what the protest condemns, not a mob at the protest
    ("On 27 June 2021, students rallied in Peshawar, Pakistan, and condemned the lynching "
     "of a university student by a mob."),
])
def test_protests_worded_as_the_rules_did_not_read(resources, text):
    events = news_events(resources, text)
    assert [e.event_type for e in events][:1] == ["Protests"]


@pytest.mark.parametrize("text", [
    # guard: a strike by drones is an air strike, whatever verb reports it
    "On 27 June 2021, US drones were striking targets in Helmand, Afghanistan.",
    # guard: the police blocking a road is no protest
    "On 27 June 2021, police blocked the road to Kisumu, Kenya, for a presidential visit.",
    # guard: a plural noun English does use as a modifier
    "On 27 June 2021, arms dealers met in Peshawar, Pakistan.",
])
def test_what_is_no_protest_stays_none(resources, text):
    events = news_events(resources, text)
    assert "Protests" not in [e.event_type for e in events]


def test_demonstrations_in_the_plural_are_gatherings(resources):
    # before, "demonstrations" needed a word of who or why in the sentence
    events = news_events(resources, (
        "Demonstrations spread to several towns in Nyandarua, Kenya, on 27 June 2021 "
        "following claims that the nominations were rigged."))
    assert [e.event_type for e in events][:1] == ["Protests"]


def test_guard_demonstrations_of_a_product_are_no_protest(resources):
    assert news_events(resources, (
        "On 27 June 2021, the firm gave demonstrations of its new voting kits to officials in "
        "Nairobi, Kenya.")) == []
