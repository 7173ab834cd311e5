"""A strike or blockade named only as the time or setting of another act ("two bombs went
off on the 11th day of the blockade", "a bomb exploded amid the hartal"): the act is the
event, as ACLED codes it, not a peaceful protest. A demonstration that is the act itself,
or an act that is no other event, stays a protest.

The positive cases were peaceful protests before. The guards of the protest itself and of
the forces at it name the draft they fail on; those of a strike with no other act pass on
both and keep its own news a protest. Short reports written for these tests, through the
real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 6, 5)


@pytest.mark.parametrize(("text", "event_type"), [
    (("On 4 June 2019, the fifth day of the opposition's transport blockade, three crude "
      "bombs went off near a bus depot in Khulna, Bangladesh."), "Explosions/Remote violence"),
    (("On 4 June 2019, a petrol bomb was thrown into a moving bus in Rangpur, Bangladesh, "
      "amid the hartal called by the opposition, injuring the driver."),
     "Violence against civilians"),  # the codebook's petrol bomb rule
    (("On 4 June 2019, unknown men shot dead a shopkeeper in Imphal, India, during a general "
      "strike called by student groups."), "Violence against civilians"),
])
def test_an_act_set_in_a_strike_is_the_event(resources, text, event_type):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == event_type


@pytest.mark.parametrize("text", [
    # the march is the act; the strike its time
    "On 4 June 2019, teachers marched to parliament in Nairobi, Kenya, on the third day of their strike.",
    # nothing else happened: the strike itself is the news
    ("On 4 June 2019, shops stayed shut in Sylhet, Bangladesh, on the first day of the "
     "opposition's hartal."),
])
def test_guard_a_strike_with_no_other_act_stays_a_protest(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == "Protests"


@pytest.mark.parametrize("text", [
    # days of protests are the protests, not their time (a draft that read any "days of"
    # as a frame left the report with no news event)
    ("Four days of protests took place near the bus park in Kisumu, Kenya, which was calm on "
     "Monday after four days of protests while police were busy investigating the death of a "
     "boy nearby to see whether it was tied to an alleged assault."),
    # the forces' arrests at a protest are its intervention (a draft that took any other
    # act made the arrests a development)
    ("On 4 June 2019, thirteen striking workers and two reporters were apprehended by police "
     "during a labour protest in Yangon, Myanmar. The workers were marching for better pay."),
])
def test_guard_the_protest_itself_or_the_forces_at_it_stay_a_protest(resources, text):
    event = news_events(resources, text, date=DATE)[0]
    assert event.event_type == "Protests"
