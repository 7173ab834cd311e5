"""An air strike whose report names no one behind it is the state's (ACLED codes air and
drone strikes by a state's military, or by foreign forces the report names), and the
words for a state's aircraft name its military ("the Pakistan Airforce", "helicopter
gunships"); a place "bombed" by no one named stays an unidentified armed group's.

The positive cases failed before the change (an unidentified armed group); the guards
pass on both. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2015, 3, 12)


@pytest.mark.parametrize(("text", "actor1"), [
    (("On 11 March 2015, an air strike destroyed a compound in Datta Khel, North Waziristan, "
      "Pakistan, killing five suspected militants."), "Military Forces of Pakistan"),
    (("On 11 March 2015, air strikes by the Pakistan Airforce left four militants dead in the "
      "Tirah valley of Khyber Agency, Pakistan."), "Military Forces of Pakistan"),
    (("On 11 March 2015, helicopter gunships pounded hideouts in the Tirah valley of Khyber "
      "Agency, Pakistan, killing six militants."), "Military Forces of Pakistan"),
])
def test_an_air_strike_is_the_state_s_when_no_one_else_is_named(resources, text, actor1):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.sub_event_type, event.actor1, event.inter1) == (
        "Air/drone strike", actor1, 1)


@pytest.mark.parametrize(("text", "actor1", "inter1"), [
    # guards: foreign forces the report names; a bombing by no one named
    (("On 11 March 2015, a US drone strike killed four militants in North Waziristan, "
      "Pakistan."), "Military Forces of the United States", 8),
    (("On 11 March 2015, a market was bombed in Peshawar, Pakistan, killing three "
      "traders."), "Unidentified Armed Group (Pakistan)", 3),
])
def test_guard_named_forces_and_an_unnamed_bomber_keep_their_side(resources, text, actor1,
                                                                   inter1):
    event = news_events(resources, text, date=DATE)[0]
    assert (event.actor1, event.inter1) == (actor1, inter1)
