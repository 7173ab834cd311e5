"""An armed clash has two sides (the codebook's ``unnamed_side`` on battles.armed-clash):
when the report names only one, the other is an unidentified armed group, as ACLED codes
it. Which side leads follows the sentence: the side named only as the one a fight was
"with" is the second ("a suspect was killed in a gunfight with police"); a side that fights
as the subject leads ("police exchanged fire ..."). Sides the fight only hit ("three
fighters were killed and two soldiers wounded during a gun battle") are its sides.

Each positive case had no actor2 before. Short reports written for these tests, through the
real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 6, 5)


@pytest.mark.parametrize(("text", "forces"), [
    (("On 3 June 2019, a wanted outlaw was shot dead in a gunfight with police near Bagerhat "
      "town, Bangladesh."), "Police Forces of Bangladesh"),
    (("On 3 June 2019, a self-styled area commander died in an encounter with security "
      "forces in Kupwara district, India."), "Military Forces of India"),
])
def test_the_side_fought_with_is_second(resources, text, forces):
    (event,) = news_events(resources, text, date=DATE)
    assert event.sub_event_type == "Armed clash"
    country = forces.rsplit(" of ", 1)[1]
    assert (event.actor1, event.actor2) == (f"Unidentified Armed Group ({country})", forces)
    assert (event.inter1, event.inter2) == (3, 1)


def test_forces_that_fight_as_the_subject_lead(resources):
    text = ("On 3 June 2019, police exchanged fire for two hours near the livestock market in "
            "Garissa, Kenya.")
    (event,) = news_events(resources, text, date=DATE)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == ("Police Forces of Kenya",
                                            "Unidentified Armed Group (Kenya)")


def test_two_named_sides_keep_their_order(resources):
    # guard: the default fills only a missing side
    text = ("On 3 June 2019, Al Shabaab fighters clashed with Kenyan soldiers near Hulugho in "
            "Garissa, Kenya.")
    (event,) = news_events(resources, text, date=DATE)
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1, event.actor2} == {"Al Shabaab", "Military Forces of Kenya"}


def test_the_sides_a_fight_hit_are_its_sides(resources):
    # both named only as hit ("were killed", "were injured"): the clash had Al Shabaab alone
    # as its target before
    text = ("On 3 June 2019, three Al Shabaab fighters were killed and two Kenyan soldiers "
            "were wounded during a fierce gun battle near Hulugho in Garissa, Kenya.")
    (event,) = news_events(resources, text, date=DATE)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == ("Al Shabaab", "Military Forces of Kenya")


@pytest.mark.parametrize(("text", "sides"), [
    # forces killed by no one named: the other side is an unidentified armed group
    (("On 3 June 2019, two police officers were shot dead while on patrol in Kisii, Kenya."),
     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")),
    # an operation against an armed group credited to no one is the state's
    (("On 3 June 2019, at least nine suspected Baloch separatist militants were killed during "
      "a search operation in Awaran, Pakistan."),
     ("Military Forces of Pakistan", "Baloch Separatists (Pakistan)")),
    # ... but forces ambushed by no one named were not ambushed by the state's forces
    ("On 3 June 2019, a military convoy was ambushed near Mandera, Kenya.",
     ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")),
])
def test_a_battle_whose_doer_is_unnamed_still_has_two_sides(resources, text, sides):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1, event.actor2) == sides
