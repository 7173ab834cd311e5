"""Fusion across reports (link.py): same event from several outlets -> one event.

Most tests build mentions by hand (no model): a report is its mentions, fused by
``fuse_mentions`` as the pipeline does, then linked. The corpus test at the end runs the
real pipeline over ``tests/data/fusion/`` (reports written for this project about real
events; outlets and URLs are made up) and checks its expected grouping.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from postgres_db import fresh_postgres
from sitrep import pipeline
from sitrep.actors import load_actor_dictionary
from sitrep.cli import app
from sitrep.codebook import load_codebook
from sitrep.fuse import fuse_mentions
from sitrep.link import (
    FUSION_WINDOW_DAYS,
    MAX_SAME_PLACE_KM,
    MAX_UNIT_SPAN_DAYS,
    BlockLinks,
    LinkResult,
    MemoryIndex,
    ReportEvents,
    group_link_components,
    is_same_event,
    link_events,
    plan_link_blocks,
    report_units,
    unit_of_event,
)
from sitrep.pipeline import (
    FusedCounts,
    InProcessLinker,
    LinkSummary,
    fuse_link_components,
    link_pending,
    search_link_blocks,
)
from sitrep.records import Claim, Document, EventMention, LinkUnit, Location, Place, Timex
from sitrep.store import SCHEMA_VERSION, StoredDocument, open_store

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "data" / "fusion"
BENCH = HERE.parent / "bench"
CODEBOOK = load_codebook()
DICTIONARY = load_actor_dictionary()

DEIR = Location(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", admin2=None,
                lat=35.336, lon=40.141, geo_precision=2, geonameid=170794)
# About 45 km down the Euphrates: another town of the same province.
MAYADIN = Location(name="Al Mayadin", country="SY", admin1="Deir ez-Zor", admin2=None,
                   lat=35.020, lon=40.452, geo_precision=1, geonameid=166365)
RAQQA = Location(name="Ar Raqqah", country="SY", admin1="Ar-Raqqah", admin2=None,
                 lat=35.950, lon=39.010, geo_precision=1, geonameid=172955)
SYRIA = Location(name="Syria", country="SY", admin1=None, admin2=None,
                 lat=35.0, lon=38.0, geo_precision=3, geonameid=163843)
DEIR_PROVINCE = Location(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", admin2=None,
                         lat=35.0, lon=40.5, geo_precision=3, geonameid=170792)


def _mention(
    doc_id: str,
    *,
    date: dt.date | None,
    location: Location | None = DEIR,
    sub_event_type: str = "Armed clash",
    event_type: str = "Battles",
    rule: str = "battles.armed-clash",
    actor1: str | None = "Military Forces of the United States",
    actor2: str | None = "Islamic State",
    deaths: int | None = None,
    source: str | None = None,
    date_text: str | None = None,
    is_background: bool = False,
    offset: int = 0,
) -> EventMention:
    claims: list[Claim] = []
    if deaths is not None:
        claims.append(Claim(text=f"{deaths} were killed", attributed_to=source,
                            status="reported", kind="fatalities", value=str(deaths)))
    if date is not None:
        claims.append(Claim(text=date_text or f"on {date:%B} {date.day}", attributed_to=source,
                            status="reported", kind="date", value=date.isoformat()))
    return EventMention(
        id=f"{doc_id}-m{offset}", doc_id=doc_id, event_type=event_type,
        sub_event_type=sub_event_type, disorder_type=CODEBOOK.disorder_type(event_type),
        date=date, time_precision=1, actor1=actor1, inter1=8 if actor1 else None,
        actor2=actor2, inter2=2 if actor2 else None, location=location,
        fatalities=deaths or 0, claims=tuple(claims), is_background=is_background,
        flags=("historical",) if is_background else (), evidence=((offset, offset + 50),),
        rule=rule, date_text=date_text or (f"on {date:%B} {date.day}" if date else None),
    )


def _report(doc_id: str, reported: dt.date, *mentions: EventMention) -> ReportEvents:
    events = fuse_mentions(mentions, codebook=CODEBOOK, dictionary=DICTIONARY,
                           reference=reported)
    return ReportEvents(doc_id=doc_id, reported=reported, events=events, mentions=mentions)


def _link_all(reports: list[ReportEvents], *, batch: int = 32) -> tuple[MemoryIndex, list]:
    """Link reports batch by batch into a MemoryIndex; return it and every event written."""
    index = MemoryIndex()
    written = {}
    for start in range(0, len(reports), batch):
        chunk = reports[start : start + batch]
        result = link_events(chunk, index=index, codebook=CODEBOOK, dictionary=DICTIONARY)
        index.add_result(result, mentions=[m for r in chunk for m in r.mentions])
        written.update((e.id, e) for e in result.events)
    return index, written


def _final_events(index: MemoryIndex, written: dict) -> dict:
    """The events the index holds now (those still owning a unit), by id."""
    alive = {index.event_of_unit(u) for u in index._units}
    return {e: written[e] for e in alive}


def _grouping(index: MemoryIndex) -> set[frozenset[str]]:
    events: dict[str, set[str]] = {}
    for unit in index._units.values():
        events.setdefault(unit.event_id, set()).add(unit.doc_id)
    return {frozenset(docs) for docs in events.values()}


# Three reports of the raid near Deir ez-Zor on 8 January 2016 (spelled and dated
# differently), and four near-misses that must stay apart.
JAN8 = dt.date(2016, 1, 8)
RAID_REPORTS = [
    _report("levant", dt.date(2016, 1, 11),
            _mention("levant", date=JAN8, deaths=25, source="SOHR", date_text="Jan. 8")),
    _report("euphrates", dt.date(2016, 1, 9),
            _mention("euphrates", date=dt.date(2016, 1, 7), location=DEIR_PROVINCE, deaths=20,
                     source="activists", date_text="late on Thursday")),
    _report("capital", dt.date(2016, 1, 12),
            _mention("capital", date=JAN8, actor1=None, date_text="January 8")),
]
NEAR_MISSES = [
    _report("same-town-later", dt.date(2016, 1, 17),
            _mention("same-town-later", date=dt.date(2016, 1, 16), deaths=135)),
    _report("same-day-raqqa", dt.date(2016, 1, 9),
            _mention("same-day-raqqa", date=JAN8, location=RAQQA, deaths=3)),
    _report("same-day-mayadin", dt.date(2016, 1, 9),
            _mention("same-day-mayadin", date=JAN8, location=MAYADIN,
                     sub_event_type="Air/drone strike", event_type="Explosions/Remote violence",
                     rule="explosions.air-drone", actor2="Civilians (Syria)")),
    _report("background", dt.date(2016, 1, 11),
            _mention("background", date=JAN8, is_background=True)),
]
EXPECTED_GROUPS = {
    frozenset({"levant", "euphrates", "capital"}),
    frozenset({"same-town-later"}),
    frozenset({"same-day-raqqa"}),
    frozenset({"same-day-mayadin"}),
    frozenset({"background"}),
}


def test_reports_of_one_event_become_one_event_and_near_misses_stay_apart():
    index, _ = _link_all(RAID_REPORTS + NEAR_MISSES)
    assert _grouping(index) == EXPECTED_GROUPS


def test_fused_event_keeps_every_mention_and_source():
    _, written = _link_all(RAID_REPORTS)
    (event,) = [e for e in written.values() if e.source_count == 3]
    assert set(event.doc_ids) == {"levant", "euphrates", "capital"}
    assert set(event.mention_ids) == {m.id for r in RAID_REPORTS for m in r.mentions}
    assert event.first_seen == dt.date(2016, 1, 9) and event.last_seen == dt.date(2016, 1, 12)


def test_fused_event_takes_the_lowest_toll_and_notes_the_disagreement():
    _, written = _link_all(RAID_REPORTS)
    (event,) = [e for e in written.values() if e.source_count == 3]
    assert event.fatalities == 20
    assert "fatality reports differ (20, 25)" in (event.notes or "").lower()


def test_conflicting_dates_stay_in_claims_and_notes():
    _, written = _link_all(RAID_REPORTS)
    (event,) = [e for e in written.values() if e.source_count == 3]
    dates = {c.value for c in event.claims if c.kind == "date"}
    assert dates == {"2016-01-07", "2016-01-08"}
    assert event.date == JAN8  # a calendar date before a weekday ("late on Thursday")
    assert "sources give different dates" in (event.notes or "").lower()


def test_fused_event_is_placed_at_the_most_precise_location_given():
    _, written = _link_all(RAID_REPORTS)
    (event,) = [e for e in written.values() if e.source_count == 3]
    assert event.location == DEIR


def test_an_event_reported_once_keeps_the_id_fuse_gave_it():
    _, written = _link_all(NEAR_MISSES[:1])
    assert set(written) == {NEAR_MISSES[0].events[0].id}


def test_a_report_attaches_to_an_event_stored_by_an_earlier_batch():
    index, _ = _link_all(RAID_REPORTS[:2], batch=1)
    first = index.event_of_unit(RAID_REPORTS[0].events[0].id)
    result = link_events(RAID_REPORTS[2:], index=index, codebook=CODEBOOK,
                         dictionary=DICTIONARY)
    assert result.attached == 1
    (event,) = result.events
    assert event.source_count == 3 and event.id != first
    assert {u.event_id for u in result.units} == {event.id}


def test_two_events_of_one_report_are_never_linked_to_each_other():
    mentions = [_mention("one", date=JAN8), _mention("one", date=JAN8, offset=100)]
    units = [unit_of_event(_report("one", JAN8, m).events[0], mentions={m.id: m}, reported=None)
             for m in mentions]
    other = unit_of_event(_report("two", JAN8, _mention("two", date=JAN8)).events[0],
                          mentions={}, reported=None)
    assert not is_same_event(units[0], units[1])
    assert is_same_event(units[0], other)


def test_a_report_naming_only_the_country_links_only_when_all_else_agrees():
    def unit(doc_id, **changes):
        mention = _mention(doc_id, **{"date": JAN8, **changes})
        return unit_of_event(_report(doc_id, JAN8, mention).events[0],
                             mentions={mention.id: mention}, reported=None)

    precise = unit("precise")
    assert is_same_event(precise, unit("country", location=SYRIA))
    assert not is_same_event(precise, unit("a-day-off", location=SYRIA,
                                           date=dt.date(2016, 1, 7)))
    assert not is_same_event(precise, unit("no-actor", location=SYRIA, actor2=None,
                                           actor1=None))


def test_places_further_apart_than_one_town_are_not_linked():
    base = _report("a", dt.date(2016, 1, 9), _mention("a", date=JAN8, location=MAYADIN))
    moved = dataclasses.replace(MAYADIN, lat=MAYADIN.lat + 0.5, geonameid=None)
    other = _report("b", dt.date(2016, 1, 9), _mention("b", date=JAN8, location=moved))
    units = [unit_of_event(r.events[0], mentions={m.id: m for m in r.mentions}, reported=None)
             for r in (base, other)]
    assert 0.5 * 111 > MAX_SAME_PLACE_KM
    assert not is_same_event(*units)


def test_an_undated_event_is_dated_by_the_days_its_sentence_names():
    mention = _mention("a", date=None)
    report = _report("a", dt.date(2016, 1, 11), mention)
    sunday = Timex(start=10, end=16, text="Sunday", type="DATE", value="2016-01-10")
    unit = unit_of_event(report.events[0], mentions={mention.id: mention},
                         reported=dt.date(2016, 1, 11), timexes=(sunday,))
    assert (unit.date_start, unit.date_end) == (dt.date(2016, 1, 10), dt.date(2016, 1, 10))


def test_a_day_named_before_the_coded_date_widens_the_span_and_a_later_one_does_not():
    mention = _mention("a", date=JAN8)
    report = _report("a", dt.date(2016, 1, 11), mention)
    said_monday = Timex(start=5, end=11, text="Monday", type="DATE", value="2016-01-11")
    on_wednesday = Timex(start=20, end=29, text="Wednesday", type="DATE", value="2016-01-06")
    unit = unit_of_event(report.events[0], mentions={mention.id: mention},
                         reported=dt.date(2016, 1, 11), timexes=(said_monday, on_wednesday))
    assert (unit.date_start, unit.date_end) == (dt.date(2016, 1, 6), JAN8)


def test_an_unplaced_event_is_blocked_by_the_town_its_sentence_names():
    mention = _mention("a", date=JAN8, location=None)
    report = _report("a", dt.date(2016, 1, 11), mention)
    town = Place(start=20, end=32, text="Deir al-Zour", name="Deir ez-Zor", geonameid=170794,
                 feature="city", country="SY", admin1="Deir ez-Zor", lat=35.336, lon=40.141)
    unit = unit_of_event(report.events[0], mentions={mention.id: mention},
                         reported=None, places=(town,))
    assert (unit.country, unit.admin1, unit.geonameid) == ("SY", "Deir ez-Zor", 170794)


ALL_REPORTS = RAID_REPORTS + NEAR_MISSES


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(ALL_REPORTS))), batch=st.integers(1, len(ALL_REPORTS)))
def test_linking_gives_the_same_events_in_any_order_and_batching(order, batch):
    reference_index, reference_written = _link_all(ALL_REPORTS)
    index, written = _link_all([ALL_REPORTS[i] for i in order], batch=batch)
    assert _final_events(index, written) == _final_events(reference_index, reference_written)


def test_linking_the_same_reports_twice_gives_the_same_events_as_once():
    index, written = _link_all(ALL_REPORTS)
    once = _final_events(index, written)
    again = link_events(ALL_REPORTS, index=index, codebook=CODEBOOK, dictionary=DICTIONARY)
    index.add_result(again, mentions=[m for r in ALL_REPORTS for m in r.mentions])
    written.update((e.id, e) for e in again.events)
    assert _final_events(index, written) == once


# ---- the store ----------------------------------------------------------------------------


def _write(store, reports: list[ReportEvents]) -> LinkResult:
    result = link_events(reports, index=store, codebook=CODEBOOK, dictionary=DICTIONARY)
    store.write_batch(
        documents=[StoredDocument(Document(id=r.doc_id, text=f"text of {r.doc_id}",
                                           date=r.reported, source=f"Outlet {r.doc_id}",
                                           url=f"https://example.org/{r.doc_id}"))
                   for r in reports],
        mentions=[m for r in reports for m in r.mentions],
        events=result.events, failures=[], units=result.units,
    )
    return result


def test_store_links_a_later_report_to_the_stored_event_and_drops_the_old_one(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        _write(store, RAID_REPORTS[:1])
        (old,) = store.list_events()
        _write(store, RAID_REPORTS[1:] + NEAR_MISSES[:1])
        found = store.list_events()
        fused = [e for e in found if e.source_count == 3]
        assert len(found) == 2 and len(fused) == 1
        assert old.id not in {e.id for e in found}
        detail = store.get_event(fused[0].id)
        assert {d.id for d in detail.documents} == {"levant", "euphrates", "capital"}
        assert {u.event_id for u in store.list_link_units(event_ids=[fused[0].id])} == {
            fused[0].id}


def test_store_candidates_include_a_unit_of_the_same_admin_area_and_window(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        _write(store, RAID_REPORTS[:1] + NEAR_MISSES[:2])
        probe = unit_of_event(RAID_REPORTS[2].events[0], reported=None,
                              mentions={m.id: m for m in RAID_REPORTS[2].mentions})
        found = {u.doc_id for u in store.find_link_candidates(probe)}
    # Raqqa is another admin area; the assault on the 16th is outside the date window.
    assert found == {"levant"}


def test_store_upgrades_a_version_1_database_with_the_link_table(tmp_path):
    path = tmp_path / "old.db"
    open_store(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE link_units"))
        conn.execute(sa.text("DELETE FROM schema_version"))
        conn.execute(sa.text("INSERT INTO schema_version VALUES (1, '2026-01-01 00:00:00')"))
    engine.dispose()
    with open_store(path) as store:
        _write(store, RAID_REPORTS)
        assert [e.source_count for e in store.list_events()] == [3]
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        version = conn.execute(sa.text("SELECT max(version) FROM schema_version")).scalar()
    engine.dispose()
    assert version == SCHEMA_VERSION >= 2


def test_show_lists_each_source_with_outlet_date_and_url(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        _write(store, RAID_REPORTS)
        (event,) = store.list_events()
    shown = CliRunner().invoke(app, ["show", event.id, "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "sources     3" in shown.output
    for outlet, date in (("levant", "2016-01-11"), ("euphrates", "2016-01-09"),
                         ("capital", "2016-01-12")):
        assert f"Outlet {outlet}  {date}  https://example.org/{outlet}" in shown.output
    listed = CliRunner().invoke(app, ["events", "--db", str(path), "--format", "json"])
    assert json.loads(listed.output.splitlines()[0])["source_count"] == 3


# ---- the fusion step: pending units linked afterwards, block by block -----------------------


def _document(report: ReportEvents) -> StoredDocument:
    return StoredDocument(Document(id=report.doc_id, text=f"text of {report.doc_id}",
                                   date=report.reported, source=f"Outlet {report.doc_id}",
                                   url=f"https://example.org/{report.doc_id}"))


def _write_pending(store, reports: list[ReportEvents]) -> None:
    """Write reports as a cluster worker does: events as reported, units pending."""
    result = report_units(reports)
    store.write_batch(documents=[_document(r) for r in reports],
                      mentions=[m for r in reports for m in r.mentions],
                      events=result.events, failures=[], pending_units=result.units)


def _stored_state(store) -> tuple[list, list]:
    events = store.list_events(include_background=True)
    units = sorted((u.id, u.event_id) for u in store.list_link_units(
        event_ids=[e.id for e in events]))
    return events, units


def test_the_fusion_step_gives_the_events_that_linking_inline_gives(tmp_path):
    with open_store(tmp_path / "inline.db") as store:
        _write(store, ALL_REPORTS)
        inline = _stored_state(store)
    with open_store(tmp_path / "step.db") as store:
        _write(store, [RAID_REPORTS[0], NEAR_MISSES[0]])  # linked earlier, inline
        _write_pending(store, RAID_REPORTS[1:] + NEAR_MISSES[1:])
        before = store.count_pending_units()
        summary = link_pending(store)
        again = link_pending(store)
        assert (before, store.count_pending_units()) == (len(ALL_REPORTS) - 2, 0)
        assert _stored_state(store) == inline
    assert (summary.pending, summary.linked, summary.attached) == (before, before, 2)
    assert again == LinkSummary()


def test_a_batch_stored_without_linking_waits_for_the_step_except_what_cannot_link(tmp_path):
    unplaced = _report("unplaced", JAN8, _mention("unplaced", date=JAN8, location=None))
    results = [
        pipeline.ReportResult(document=_document(r).document, timexes=(), places=(), actors=(),
                              mentions=r.mentions, events=r.events, reference=r.reported)
        for r in [*RAID_REPORTS, unplaced]
    ]
    summary = pipeline.ExtractSummary()
    with open_store(tmp_path / "s.db") as store:
        pipeline.store_batch(results, store=store, summary=summary, codebook=CODEBOOK,
                             dictionary=DICTIONARY, link=False)
        stored = sorted(e.source_count for e in store.list_events())
        pending = store.count_pending_units()
        linked = link_pending(store)
        fused = sorted(e.source_count for e in store.list_events())
    assert (summary.documents, summary.events, summary.attached) == (4, 4, 0)
    assert stored == [1, 1, 1, 1] and pending == 3
    assert (linked.linked, linked.attached, fused) == (3, 2, [1, 3])


def test_a_batch_whose_document_another_run_stored_and_linked_leaves_it_as_stored(tmp_path):
    # two runs extracted the same reports; the first stored and linked them before the
    # second wrote its batch: writing them again had put their mentions back in
    # report-level events beside the linked ones (and their units pending again)
    results = [
        pipeline.ReportResult(document=_document(r).document, timexes=(), places=(), actors=(),
                              mentions=r.mentions, events=r.events, reference=r.reported)
        for r in RAID_REPORTS
    ]
    first, second = pipeline.ExtractSummary(), pipeline.ExtractSummary()
    with open_store(tmp_path / "s.db") as store:
        pipeline.store_batch(results, store=store, summary=first, codebook=CODEBOOK,
                             dictionary=DICTIONARY, link=False)
        link_pending(store)
        linked = (_stored_state(store), store.count_rows())
        pipeline.store_batch(results, store=store, summary=second, codebook=CODEBOOK,
                             dictionary=DICTIONARY, link=False)
        assert (_stored_state(store), store.count_rows()) == linked
        assert store.count_pending_units() == 0
    assert (second.documents, second.skipped, second.events) == (0, len(results), 0)


def test_inline_linking_leaves_pending_units_to_the_fusion_step(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        _write_pending(store, RAID_REPORTS[:1])
        result = _write(store, RAID_REPORTS[1:])  # finds only the linked units
        assert result.attached == 1 and store.count_pending_units() == 1
        link_pending(store)
        assert [e.source_count for e in store.list_events()] == [3]


class _KilledAfter:
    """An in-process runner that dies after ``fused`` fusion tasks, as a killed step."""

    def __init__(self, store, *, fused: int) -> None:
        self._runner = InProcessLinker(store)
        self._left = fused

    def search(self, bundles):
        return self._runner.search(bundles)

    def fuse(self, bundles):
        for counts in self._runner.fuse(bundles):
            yield counts
            self._left -= 1
            if self._left == 0:
                raise KeyboardInterrupt


def test_a_killed_fusion_step_is_finished_by_running_it_again(tmp_path, monkeypatch):
    with open_store(tmp_path / "inline.db") as store:
        _write(store, ALL_REPORTS)
        inline = _stored_state(store)
    monkeypatch.setattr(pipeline, "FUSE_UNITS_PER_TASK", 1)  # a task per component
    with open_store(tmp_path / "killed.db") as store:
        _write_pending(store, ALL_REPORTS)
        with pytest.raises(KeyboardInterrupt):
            link_pending(store, runner=_KilledAfter(store, fused=2))
        left = store.count_pending_units()
        link_pending(store)
        assert 0 < left < len(ALL_REPORTS)
        assert store.count_pending_units() == 0
        assert _stored_state(store) == inline


def test_a_fusion_task_run_twice_writes_its_components_once(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        _write_pending(store, ALL_REPORTS)
        blocks = plan_link_blocks(store.pending_link_days(store.pending_link_countries()))
        components = group_link_components([search_link_blocks(blocks, store=store)])
        first = fuse_link_components(components, store=store, codebook=CODEBOOK,
                                     dictionary=DICTIONARY)
        state = _stored_state(store)
        second = fuse_link_components(components, store=store, codebook=CODEBOOK,
                                      dictionary=DICTIONARY)
        assert _stored_state(store) == state
    assert first == FusedCounts(linked=len(ALL_REPORTS), attached=2, events=1)
    assert second == first  # what the components hold, written by the first run


def test_a_unit_stored_while_the_step_runs_waits_for_the_next_run():
    searched = BlockLinks(pending_ids=("a", "b"), links=(("u:a", "u:b"), ("u:b", "u:late"),
                                                          ("u:a", "e:old")))
    assert group_link_components([searched]) == [("e:old", "u:a", "u:b")]


def test_link_command_links_pending_report_events_and_says_how_many(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        _write_pending(store, ALL_REPORTS)
    result = CliRunner().invoke(app, ["link", "--db", str(path)])
    again = CliRunner().invoke(app, ["link", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{len(ALL_REPORTS)} report-events linked in {path} (2 joined an "
                             "event another report gave; 1 fused events written)\n")
    assert again.stdout.startswith("0 report-events linked")
    with open_store(path) as store:
        assert sorted(e.source_count for e in store.list_events()) == [1, 1, 1, 3]


def test_a_version_3_database_keeps_its_units_linked_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        _write(store, RAID_REPORTS[:1])
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("DROP INDEX ix_link_units_pending"))
        conn.execute(sa.text("ALTER TABLE link_units DROP COLUMN is_linked"))
        conn.execute(sa.text("UPDATE schema_version SET version = 3"))
    engine.dispose()
    with open_store(path) as store:
        assert store.count_pending_units() == 0
        result = _write(store, RAID_REPORTS[1:])
        _write_pending(store, NEAR_MISSES[:1])
        assert result.attached == 2 and store.count_pending_units() == 1


@pytest.mark.postgres
def test_concurrent_fusion_steps_on_postgresql_take_turns_and_link_each_unit_once(tmp_path):
    with open_store(tmp_path / "inline.db") as store:
        _write(store, ALL_REPORTS)
        inline = _stored_state(store)
    url = fresh_postgres()
    with open_store(url) as store:
        _write_pending(store, ALL_REPORTS)
    summaries: list[LinkSummary] = []

    def run() -> None:
        with open_store(url) as store:
            summaries.append(link_pending(store))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with open_store(url) as store:
        assert _stored_state(store) == inline
    assert sorted(s.linked for s in summaries) == [0, len(ALL_REPORTS)]


def _unit(number: int, country: str, admin1: str | None, start: int, length: int,
          actor: str | None, event: int | None) -> LinkUnit:
    first = JAN8 + dt.timedelta(days=start)
    return LinkUnit(
        id=f"unit-{number:03d}", event_id=f"event-{event}" if event is not None
        else f"unit-{number:03d}", doc_id=f"doc-{number:03d}", reported=None,
        is_background=False, event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", actors=(actor,) if actor else (), country=country,
        admin1=admin1, lat=None, lon=None, geo_precision=3, geonameid=None,
        date_start=first, date_end=first + dt.timedelta(days=length), mention_ids=(),
    )


UNITS = st.lists(
    st.tuples(st.sampled_from(["SY", "IQ"]), st.sampled_from([None, "Aleppo", "Idlib"]),
              st.integers(0, 40), st.integers(0, MAX_UNIT_SPAN_DAYS),
              st.sampled_from([None, "Army", "Rebels"]), st.sampled_from([None, None, 1, 2])),
    min_size=2, max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=UNITS, window_days=st.sampled_from([1, 3, 7, FUSION_WINDOW_DAYS]))
def test_blocks_find_every_pair_across_window_edges_and_unknown_admin_areas(rows, window_days):
    units = [_unit(n, *row) for n, row in enumerate(rows)]
    pending = [u for u, row in zip(units, rows) if row[5] is None]
    linked = [u for u, row in zip(units, rows) if row[5] is not None]

    def key(unit: LinkUnit) -> str:
        return f"u:{unit.id}" if unit in pending else f"e:{unit.event_id}"

    expected = {frozenset((key(u), key(o))) for u in pending for o in units
                if is_same_event(u, o)}
    with open_store(":memory:") as store:
        store.write_batch(documents=(), mentions=(), events=(), failures=(), units=linked,
                          pending_units=pending)
        blocks = plan_link_blocks(store.pending_link_days(["IQ", "SY"]), window_days=window_days)
        found = search_link_blocks(blocks, store=store)
    assert {frozenset(link) for link in found.links} == expected
    assert sorted(found.pending_ids) == sorted(u.id for u in pending)


def test_no_date_span_is_longer_than_the_longest_the_blocks_allow():
    mention = _mention("a", date=None)
    report = _report("a", dt.date(2016, 3, 20), mention)
    named = [Timex(start=10, end=16, text="January", type="DATE", value="2016-01-10"),
             Timex(start=20, end=26, text="March", type="DATE", value="2016-03-19")]
    unit = unit_of_event(report.events[0], mentions={mention.id: mention},
                         reported=dt.date(2016, 3, 20), timexes=named)
    assert unit.date_start and unit.date_end
    assert (unit.date_end - unit.date_start).days <= MAX_UNIT_SPAN_DAYS


# ---- the bench's scoring, and the real pipeline over the corpus ----------------------------


def test_pairwise_scores_count_merged_pairs():
    sys.path.insert(0, str(BENCH))
    import fusion as bench_fusion

    scores = bench_fusion.pairwise_scores([["a", "b", "c"], ["d"]], [["a", "b"], ["c", "d"]])
    assert (scores["correct_pairs"], scores["merged_pairs"], scores["gold_pairs"]) == (1, 2, 3)
    assert scores["precision"] == 0.5 and scores["recall"] == pytest.approx(1 / 3)


@pytest.mark.model
@pytest.mark.slow
def test_corpus_reports_merge_as_expected_in_any_order(tmp_path, resources):
    from sitrep.ingest import read_documents
    from sitrep.pipeline import extract_to_store

    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["groups"]
    lines = (CORPUS / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    reversed_file = tmp_path / "reversed.jsonl"
    reversed_file.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    groupings = []
    for name, files in (("forward", [CORPUS / "reports.jsonl"]),
                        ("one-by-one-reversed", None)):
        with open_store(tmp_path / f"{name}.db") as store:
            if files is not None:
                extract_to_store(files, store=store, jsonl=True, resources=resources)
            else:
                for doc in read_documents([reversed_file], jsonl=True):
                    single = tmp_path / f"{doc.id}.jsonl"
                    single.write_text(json.dumps({"id": doc.id, "text": doc.text,
                                                  "date": doc.date.isoformat(),
                                                  "source": doc.source, "url": doc.url}) + "\n",
                                      encoding="utf-8")
                    extract_to_store([single], store=store, jsonl=True, resources=resources)
            events = store.list_events(include_background=True)
            groupings.append(sorted((e.id, tuple(sorted(e.mention_ids))) for e in events))
            docs_of = {e.id: set(e.doc_ids) for e in events}
    assert groupings[0] == groupings[1]
    merged = [docs for docs in docs_of.values() if len(docs) > 1]
    for docs in merged:  # precision: every merge is one of the expected groups
        assert any(docs <= set(group) for group in expected), docs
    for near_miss in ("deir-assault", "sarepul", "taloqan", "kabul-drone", "nairobi-june20"):
        assert not any(near_miss in docs for docs in merged)
    for group in (["deir-1", "deir-2", "deir-3"], ["kabul-1", "kabul-2"],
                  ["kunduz-1", "kunduz-2"], ["gadchiroli-1", "gadchiroli-2"]):
        assert set(group) in merged
