"""Whom a bomb, a grenade or a suicide blast harmed, when the report names no target
(``event_victims.blast_victims``, the codebook's ``harmed_default``): ACLED codes the people
it killed or injured as actor2, civilians unless the report names them as forces, and the
forces it hit are its target, not its doer. A blast that hurt no one has no actor2.

Each positive case had no actor2 (or the forces as actor1) before; each guard names the
draft it fails on. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 6, 5)
BLAST = "Explosions/Remote violence"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    (("On 3 June 2019, a grenade was lobbed into a crowded bar in Garissa, Kenya, killing two "
      "and injuring nine."), "Grenade"),
    (("On 3 June 2019, a hawker suffered splinter injuries when a crude bomb went off at a bus "
      "terminal in Mandera, Kenya."), "Remote explosive/landmine/IED"),
])
def test_people_a_blast_harmed_are_civilians(resources, text, sub_event_type):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == (BLAST, sub_event_type)
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    assert event.inter2 == 7


@pytest.mark.parametrize(("text", "actor2"), [
    # the soldiers who died were taken for the doers
    (("On 3 June 2019, three soldiers died when their patrol vehicle struck a landmine near "
      "Lamu, Kenya."), "Military Forces of Kenya"),
    # an officer and his men: "army" stands with the captain who was killed
    (("On 3 June 2019, an army major and three soldiers were killed when a landmine exploded "
      "under their truck near Lamu, Kenya."), "Military Forces of Kenya"),
    # a force the actor dictionary did not know before
    (("On 3 June 2019, a sub inspector was wounded when an explosive device went off near a "
      "market in Garissa, Kenya."), "Police Forces of Kenya"),
])
def test_forces_a_blast_hit_are_its_target(resources, text, actor2):
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == BLAST
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Kenya)", actor2)
    assert event.inter2 == 1


@pytest.mark.parametrize("text", [
    # "none" hung on the auxiliary (a draft that read only the harm word's own subject gave
    # civilians)
    ("On 3 June 2019, two crude bombs exploded outside a court in Garissa, Kenya. None was, "
     "however, hurt in the explosions."),
    # denied on the verb the harm word completes (a draft that read only the harm word's
    # own negation and subject gave civilians)
    ("On 3 June 2019, a bomb exploded outside a hospital in Mandera, Kenya, but it did not "
     "cause casualties."),
    ("On 3 June 2019, two crude bombs were hurled at a bus in Garissa, Kenya. No one was "
     "reported injured in the blasts."),
    "On 3 June 2019, an explosive device went off near a school in Lamu, Kenya. No one was hurt.",
])
def test_a_blast_that_hurt_no_one_has_no_victims(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == BLAST
    assert event.actor2 is None


def test_bombers_killed_by_their_own_bomb_are_no_target(resources):
    # the group's own men died (a draft that took any harmed armed actor as actor2, or
    # civilians for any harm, gave it an actor2)
    text = ("On 3 June 2019, two suspected Al Shabaab militants died in Mandera, Kenya when "
            "the explosives they were carrying went off.")
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == BLAST
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is None


def test_the_group_a_blast_is_blamed_on_is_its_doer_not_its_target(resources):
    # what is blamed "on" a group names its doer: before, "on" made the group the blast's
    # target, it was taken for its own bomb's victim, and the people injured were lost
    text = ("A grenade attack blamed on Al Shabaab wounded four traders at a market in "
            "Garissa, Kenya on 3 June 2019.")
    (event,) = news_events(resources, text, date=DATE)
    assert event.event_type == BLAST
    assert (event.actor1, event.actor2) == ("Al Shabaab", "Civilians (Kenya)")


def test_civilians_given_by_default_keep_no_mention_of_the_blast_apart(resources):
    # the first sentence's victims are civilians by default, the second names another
    # actor: still one blast, typed by its higher sub-type (before fuse read the default
    # as a named target, it made two events)
    text = ("On 3 June 2019, two people were killed and 30 injured in a bomb blast at a market "
            "in Nairobi, Kenya. Police said a suicide bomber working for Al Shabaab was "
            "suspected.")
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == (BLAST, "Suicide bomb")
    assert event.fatalities == 2


def test_cocktails_blasted_are_crude_bombs(resources):
    # Bangladesh's reports call a crude hand bomb a cocktail; one no one is named as
    # throwing stays an explosion (thrown, it is a riot: tests/test_crude_bombs.py)
    events = news_events(resources, (
        "On 3 February 2015, three cocktails were blasted at a market in Feni, "
        "Bangladesh."), date=dt.date(2015, 2, 4))
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_guard_molotov_cocktails_are_no_crude_bombs(resources):
    events = news_events(resources, (
        "On 3 February 2015, rioters hurled Molotov cocktails at police in Feni, "
        "Bangladesh."), date=dt.date(2015, 2, 4))
    assert all(e.event_type != "Explosions/Remote violence" for e in events)


def test_a_blast_near_a_court_is_no_court_case(resources):
    # the court only says where the bombs went off
    events = news_events(resources, (
        "On 3 February 2015, five cocktails exploded near the district court in "
        "Feni, Bangladesh."), date=dt.date(2015, 2, 4))
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]
