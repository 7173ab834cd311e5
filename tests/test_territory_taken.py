"""A fight in which a side takes a place is coded as the taking (ACLED ranks a change of
territory above an armed clash): "overtook", "gained control", a place named by the
verb before ("attacked the village and seized it"), and a later sentence of the report
that says the attackers took what they attacked. A taking only tried for or aimed at
("attempted to take control", "an operation to retake") is no change of territory, nor
is control of a thing that is no place ("control of a bus").

Each positive case failed before the change (an armed clash); the guards pass on both
(a fight that took nothing stays an armed clash). Short reports written for these
tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 3, 8)
TAKEN = "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "On 6 March 2020, Taliban militants overtook two check points in Qaisar district, Faryab.",
    ("On 6 March 2020, Al Shabaab fighters attacked the village of Bodhei in Lamu county, "
     "Kenya, and seized it after a brief exchange of fire with police."),
    # the taking told in a sentence of its own
    ("On 6 March 2020, Taliban militants attacked a check point in Almar district, Faryab, "
     "killing 3 policemen. The Taliban overtook the check point."),
    ("On 6 March 2020, about 60 Al Shabaab fighters raided a police station in Wajir, Kenya, "
     "and stole rifles. The militants gained control of the station for two hours."),
])
def test_a_place_taken_in_a_fight_is_the_taking(resources, text):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Battles", TAKEN)


@pytest.mark.parametrize("text", [
    ("On 6 March 2020, six people were injured when members of the Mungiki sect attempted to "
     "take control of a bus in Nakuru, Kenya."),
    ("On 6 March 2020, police launched an operation to retake police posts held by Pokot "
     "militiamen near Kapedo, Kenya, and met heavy resistance."),
])
def test_a_taking_tried_or_of_no_place_is_no_change_of_territory(resources, text):
    events = news_events(resources, text, date=DATE)
    assert all(e.sub_event_type not in (TAKEN, "Government regains territory") for e in events)


def test_guard_a_fight_that_took_nothing_stays_an_armed_clash(resources):
    (event,) = news_events(resources, (
        "On 6 March 2020, Taliban militants attacked a check point in Almar district, Faryab, "
        "killing 3 policemen. The attackers fled when reinforcements arrived."), date=DATE)
    assert event.sub_event_type == "Armed clash"
