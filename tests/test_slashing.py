""""Slash" is an attack when people are slashed ("militiamen slashed villagers with
machetes"); a cut when what is slashed is a budget, a price or an order ("firms slash their
orders", "protested the slashing of funds"), however armed the report's actors.

The positive case failed before the change (no event); the guards pass on both. Short
reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events
from sitrep.pipeline import ReportResult, process_documents
from sitrep.records import Document

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2008, 1, 20)


def test_people_slashed_by_a_militia_are_attacked(resources):
    events = news_events(resources, (
        "On 18 January 2008, Mungiki militiamen slashed traders with machetes in "
        "Mathare, Nairobi, Kenya."), date=DATE)
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in events] == [
        ("Violence against civilians", "Attack", "Mungiki Militia")]


@pytest.mark.parametrize("text", [
    ("On 18 January 2008, gunmen attacked a bus near Garissa, Kenya. The finance ministry "
     "said it would slash the deficit."),
    ("On 18 January 2008, militants raided a police post near Mandera, Kenya. Lower oil "
     "prices led energy firms to slash their orders for pipes."),
    ("On 18 January 2008, gunmen attacked a bus near Garissa, Kenya. Teachers protested "
     "against the slashing of funds for schools."),
])
def test_guard_a_cut_is_no_attack(resources, text):
    document = Document(id="t", text=text, date=DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    assert result.mentions and not any("slash" in m.trigger for m in result.mentions)
