"""A road a crowd blocks with material it piles or burns there is a violent demonstration
(ACLED's codebook: road-blocking using barricades, burning tyres or other material); a road
it blocks with nothing more, or with its own vehicles, stays a peaceful protest, and a road
the police block is no riot.

The positive cases failed before the change (a peaceful protest); the guards pass on both.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2020, 6, 3)


@pytest.mark.parametrize("text", [
    ("On 2 June 2020, about 300 residents of Nsawam, Ghana, blocked the main road with "
     "rocks and old tyres to demand that the district repair a collapsed culvert."),
    ("On 2 June 2020, farmers blocked the Eldoret-Kitale highway with logs to protest the "
     "late payment for their maize in Kenya."),
    # the police the report names in the same sentence do not make it a protest
    ("On 2 June 2020, students blocked roads in Eldoret, Kenya, with rocks and tyres until "
     "police fired tear gas at them."),
    # fires lit on the road are material too (a fire of another kind is not: see the guard)
    ("On 2 June 2020, protesters blocked roads and lit fires in Homa Bay town, Kenya, over "
     "the cost of maize flour."),
])
def test_a_road_blocked_with_material_is_a_violent_demonstration(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.sub_event_type, event.inter1) == (
        "Riots", "Violent demonstration", 5)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # guards: the crowd alone, or its own vehicles, on the road
    (("On 2 June 2020, boda boda riders blocked the Kisumu-Busia highway to protest a new "
      "county levy in Kenya."), "Peaceful protest"),
    (("On 2 June 2020, truck drivers blocked the highway at Malaba, Kenya, with their lorries "
      "to protest delays at the border."), "Peaceful protest"),
    # a fire the crowd protests about is no material of its road block (a draft that took
    # any "fire" coded this a riot)
    (("On 2 June 2020, traders blocked the highway in Gikomba, Kenya, to protest the fire "
      "that destroyed their stalls."), "Peaceful protest"),
    # the police who block a road to stop a march intervene; they start no riot
    (("On 2 June 2020, police blocked the road with trucks to stop a march by teachers in "
      "Nairobi, Kenya."), "Protest with intervention"),
])
def test_guard_a_road_blocked_without_material_stays_a_protest(resources, text,
                                                                 sub_event_type):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", sub_event_type)
