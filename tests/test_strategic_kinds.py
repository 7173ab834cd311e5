"""Strategic developments of the kinds ACLED codes apart: a place an armed group takes with
no fighting (non-violent transfer of territory), bases set up, groups arming themselves
("Other"), peace accords in the plural (agreements; talks are diplomacy, none), a group
"said to be recruiting" and a curfew renewed (a change to the group's activity), and so
are a rebel group seen on the move and forces sent somewhere (who moved is actor1);
forces sent to "flush out" a group regain no territory; and an arrest named as what
sparked violence is its cause, not the report's news.

Each positive case failed before the change (taken by force, no event, or territory
regained, an arrest); the guards pass on both: a post overrun with deaths is taken by
force, police who say something are a source, an arrest of militants is an arrest, and
police who spot gunmen move no rebel group.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2013, 7, 20)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    (("On 18 July 2013, Al Shabaab fighters took over a village near Kiunga, Kenya. No "
     "violence was reported."), "Non-violent transfer of territory"),
    ("On 18 July 2013, OLF rebels set up bases in Wajir, Kenya, residents said.",
     "Headquarters or base established"),
    (("On 18 July 2013, Kalenjin youths were arming themselves ahead of the elections in "
     "Eldoret, Kenya, a rights group said."), "Other"),
    # peace accords in the plural are agreements
    ("On 18 July 2013, the army and the rebels signed two peace accords in Naivasha, Kenya.",
     "Agreement"),
])
def test_strategic_developments_by_kind(resources, text, sub_event_type):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub_event_type)


def test_forces_sent_to_flush_out_a_group_regain_no_territory(resources):
    (event,) = news_events(resources, (
        "On 18 July 2013, police torched houses in Mt Elgon, Kenya, to flush out SLDF "
        "militiamen."), date=DATE)
    assert event.sub_event_type != "Government regains territory"


def test_a_post_overtaken_with_no_casualties_is_still_taken_by_force(resources):
    # "no casualties" is no sign that there was no fighting
    (event,) = news_events(resources, (
        "On 18 July 2013, Al Shabaab fighters overtook a police post near Kiunga, Kenya. No "
        "casualties were reported."), date=DATE)
    assert event.event_type == "Battles"


def test_guard_a_post_overrun_with_deaths_is_taken_by_force(resources):
    (event,) = news_events(resources, (
        "On 18 July 2013, Al Shabaab fighters overran a police post near Kiunga, Kenya, "
        "killing two officers."), date=DATE)
    assert event.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(("text", "actor1"), [
    # "X said to be doing": X is the doer, not a source the attribution hides
    ("On 18 July 2013, Al Shabaab said to be recruiting young men in Mombasa, Kenya.",
     "Al Shabaab"),
    ("On 18 July 2013, the government renewed the curfew in Bawku, Ghana.", "Government of Ghana"),
])
def test_recruiting_and_curfews_renewed_change_the_group_s_activity(resources, text, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.sub_event_type, event.actor1) == ("Change to group/activity", actor1)


def test_guard_police_who_say_are_a_source_not_a_doer(resources):
    assert news_events(resources, (
        "On 18 July 2013, police said two robbers were shot dead in Kisumu, Kenya."),
        date=DATE) == []


def test_an_arrest_that_sparked_violence_is_its_cause_not_the_news(resources):
    # ACLED codes the violence; the arrest named as what sparked it happened before
    events = news_events(resources, (
        "On 18 July 2013, violence sparked by the arrest of the Mungiki sect's leader spread "
        "across Nakuru, Kenya."), date=DATE)
    assert all(e.sub_event_type != "Arrests" for e in events)


def test_guard_an_arrest_of_militants_is_still_an_arrest(resources):
    (event,) = news_events(resources, (
        "On 18 July 2013, police arrested five Al Shabaab suspects in Mandera, Kenya."), date=DATE)
    assert event.sub_event_type == "Arrests"


@pytest.mark.parametrize(("text", "actor1"), [
    # a rebel group seen on the move: ACLED's movement of forces, the group as actor1
    (("On 18 July 2013, about 80 Al Shabaab fighters were spotted moving through the Boni "
     "forest in Lamu, Kenya."), "Al Shabaab"),
    ("On 18 July 2013, OLF rebels were sighted near Moyale, Kenya.",
     "OLF: Oromo Liberation Front"),
    # forces sent somewhere are the ones acting, not acted upon
    (("On 18 July 2013, soldiers were deployed to Mandera, Kenya, to keep the peace before the "
     "elections."), "Military Forces of Kenya"),
])
def test_forces_seen_or_sent_on_the_move_change_their_activity(resources, text, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.sub_event_type, event.actor1) == ("Change to group/activity", actor1)


def test_guard_police_who_spot_gunmen_move_no_rebel_group(resources):
    events = news_events(resources, (
        "On 18 July 2013, police spotted two gunmen near Mandera, Kenya."), date=DATE)
    assert all(e.sub_event_type != "Change to group/activity" for e in events)


def test_guard_a_killing_told_with_peace_talks_is_the_killing(resources):
    (event,) = news_events(resources, (
        "On 18 July 2013, a delegate to the peace talks was found shot dead near Nakuru, "
        "Kenya."), date=DATE)
    assert event.event_type == "Violence against civilians"


def test_guard_peace_talks_are_diplomacy_not_an_agreement(resources):
    assert news_events(resources, (
        "On 18 July 2013, peace talks between the government and the rebels resumed in "
        "Nairobi, Kenya."), date=DATE) == []


@pytest.mark.parametrize(("text", "actor1"), [
    # no one named: the unnamed group that planted it (actor1 empty before
    # strategic.device-found had a default)
    ("On 18 July 2013, a live grenade was found under a seat of a matatu in Nairobi, Kenya.",
     "Unidentified Armed Group (Kenya)"),
    # guard: the forces the report names as finding it
    ("On 18 July 2013, police defused a bomb found at a church in Mombasa, Kenya.",
     "Police Forces of Kenya"),
])
def test_a_device_found_is_coded_with_who_found_or_planted_it(resources, text, actor1):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.sub_event_type, event.actor1) == ("Disrupted weapons use", actor1)
