"""Store: what goes in comes out equal, re-runs update instead of duplicating, queries filter."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postgres_db import fresh_postgres
from sitrep import store as store_module
from sitrep.errors import EventNotFound, SchemaOutdated, StoreError
from sitrep.records import Claim, Document, Event, EventMention, Failure, Location
from sitrep.store import (
    SCHEMA_VERSION,
    EventDetail,
    Store,
    StoredDocument,
    _resolve_target,
    document_key,
    drop_tables,
    open_store,
)

# ---- records by hand ----------------------------------------------------------------------

RAID_TEXT = (
    "BEIRUT — U.S. special forces raided an Islamic State compound near Deir al-Zour on "
    "Sunday. The Syrian Observatory for Human Rights said that 25 Islamic State members "
    "were killed."
)
DEIR = Location(
    name="Deir ez-Zor",
    country="SY",
    admin1="Deir ez-Zor",
    admin2=None,
    lat=35.336,
    lon=40.14,
    geo_precision=2,
    geonameid=170794,
)
SOHR_CLAIM = Claim(
    text="25 Islamic State members were killed",
    attributed_to="Syrian Observatory for Human Rights",
    status="reported",
    start=90,
    end=126,
    kind="fatalities",
    value="25",
)


def make_document(doc_id: str = "raid", text: str = RAID_TEXT, **fields: object) -> Document:
    values: dict[str, object] = {
        "date": dt.date(2016, 1, 10),
        "date_source": "header",
        "source": "Reuters",
        "title": "U.S. raid in Deir al-Zour",
        "dateline": "BEIRUT",
        "origin": "samples/deir-al-zour-raid.txt",
    }
    values.update(fields)
    return Document(id=doc_id, text=text, **values)  # type: ignore[arg-type]


def make_mention(
    mention_id: str = "m-raid", doc_id: str = "raid", **fields: object
) -> EventMention:
    values: dict[str, object] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "disorder_type": "Political violence",
        "date": dt.date(2016, 1, 10),
        "time_precision": 1,
        "actor1": "Military Forces of the United States",
        "inter1": 8,
        "actor2": "Islamic State",
        "inter2": 2,
        "location": DEIR,
        "fatalities": 25,
        "claims": (SOHR_CLAIM,),
        "evidence": ((9, 86), (87, 160)),
        "trigger": "raided",
        "rule": "battles.raid",
        "date_text": "Sunday",
    }
    values.update(fields)
    return EventMention(id=mention_id, doc_id=doc_id, **values)  # type: ignore[arg-type]


def make_event(
    event_id: str = "ev-4f1a2b3c4d",
    mention_ids: tuple[str, ...] = ("m-raid",),
    doc_ids: tuple[str, ...] = ("raid",),
    **fields: object,
) -> Event:
    values: dict[str, object] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "disorder_type": "Political violence",
        "date": dt.date(2016, 1, 10),
        "time_precision": 1,
        "actor1": "Military Forces of the United States",
        "assoc_actor_1": None,
        "inter1": 8,
        "actor2": "Islamic State",
        "assoc_actor_2": None,
        "inter2": 2,
        "location": DEIR,
        "fatalities": 25,
        "claims": (SOHR_CLAIM,),
        "is_background": False,
        "notes": "On 10 January 2016, U.S. forces raided an IS compound near Deir ez-Zor.",
        "source_count": len(doc_ids),
        "first_seen": dt.date(2016, 1, 10),
        "last_seen": dt.date(2016, 1, 10),
    }
    values.update(fields)
    return Event(id=event_id, mention_ids=mention_ids, doc_ids=doc_ids, **values)  # type: ignore[arg-type]


def write(
    store: Store,
    *,
    documents: tuple[Document, ...] = (),
    mentions: tuple[EventMention, ...] = (),
    events: tuple[Event, ...] = (),
    failures: tuple[Failure, ...] = (),
) -> None:
    store.write_batch(
        documents=[StoredDocument(d, ()) for d in documents],
        mentions=mentions,
        events=events,
        failures=failures,
    )


def write_raid(store: Store) -> Event:
    event = make_event()
    write(store, documents=(make_document(),), mentions=(make_mention(),), events=(event,))
    return event


# ---- fixtures -----------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh empty store: a SQLite file, or the PostgreSQL database of the env var."""
    if request.param == "postgres":
        url = fresh_postgres()
        opened = open_store(url)
    else:
        opened = open_store(tmp_path / "db" / "sitrep.db")
    try:
        yield opened
    finally:
        opened.close()


# ---- round trip (property tests) ----------------------------------------------------------

# PostgreSQL text cannot hold NUL characters; SQLite can.
SQLITE_TEXT = st.text(max_size=20)
POSTGRES_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)
offsets = st.integers(min_value=0, max_value=100_000)
maybe_dates = st.none() | st.dates()
coordinates = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)


def event_fields(texts: st.SearchStrategy[str]) -> dict[str, st.SearchStrategy]:
    """Strategies for the fields EventMention and Event share."""
    maybe_texts = st.none() | texts
    inters = st.none() | st.integers(min_value=1, max_value=8)
    claim = st.builds(
        Claim,
        text=texts,
        attributed_to=maybe_texts,
        status=st.sampled_from(["confirmed", "reported", "unconfirmed", "denied"]),
        start=st.none() | offsets,
        end=st.none() | offsets,
        kind=st.none() | st.sampled_from(["fatalities", "date", "occurrence", "other"]),
        value=maybe_texts,
    )
    location = st.none() | st.builds(
        Location,
        name=maybe_texts,
        country=st.none() | st.sampled_from(["SY", "IQ", "KE", "AF"]),
        admin1=maybe_texts,
        admin2=maybe_texts,
        lat=coordinates,
        lon=coordinates,
        geo_precision=st.integers(min_value=1, max_value=3),
        geonameid=st.none() | st.integers(min_value=1, max_value=2**40),
    )
    return {
        "event_type": texts,
        "sub_event_type": texts,
        "disorder_type": texts,
        "date": maybe_dates,
        "time_precision": st.integers(min_value=1, max_value=3),
        "actor1": maybe_texts,
        "assoc_actor_1": maybe_texts,
        "inter1": inters,
        "actor2": maybe_texts,
        "assoc_actor_2": maybe_texts,
        "inter2": inters,
        "location": location,
        "fatalities": st.integers(min_value=0, max_value=10**9),
        "claims": st.lists(claim, max_size=3).map(tuple),
        "is_background": st.booleans(),
        "flags": st.lists(st.sampled_from(["historical", "negated", "future", "hypothetical"])).map(
            tuple
        ),
        "notes": maybe_texts,
    }


@st.composite
def batches(draw: st.DrawFn, texts: st.SearchStrategy[str] = SQLITE_TEXT) -> dict[str, list]:
    """A consistent batch: documents, their mentions, events over those mentions, failures."""
    maybe_texts = st.none() | texts
    fields = event_fields(texts)
    doc_texts = draw(
        st.lists(texts, min_size=1, max_size=3, unique_by=lambda t: " ".join(t.split()))
    )
    docs = [
        Document(
            id=f"doc-{i}",
            text=text,
            date=draw(maybe_dates),
            date_source=draw(st.none() | st.sampled_from(["header", "record", "inferred"])),
            source=draw(maybe_texts),
            url=draw(maybe_texts),
            title=draw(maybe_texts),
            dateline=draw(maybe_texts),
            origin=draw(maybe_texts),
        )
        for i, text in enumerate(doc_texts)
    ]
    mentions = [
        EventMention(
            id=f"mention-{i}",
            doc_id=draw(st.sampled_from(docs)).id,
            evidence=tuple(draw(st.lists(st.tuples(offsets, offsets), max_size=3))),
            trigger=draw(maybe_texts),
            rule=draw(maybe_texts),
            date_text=draw(maybe_texts),
            **{k: draw(v) for k, v in fields.items()},
        )
        for i in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    # Each mention goes to at most one event.
    owners = [draw(st.none() | st.integers(min_value=0, max_value=2)) for _ in mentions]
    events = []
    for e in range(3):
        mention_ids = tuple(m.id for m, owner in zip(mentions, owners) if owner == e)
        if not mention_ids:
            continue
        doc_ids = tuple(dict.fromkeys(m.doc_id for m in mentions if m.id in mention_ids))
        events.append(
            Event(
                id=f"event-{e}-{uuid.UUID(int=e).hex}",
                mention_ids=mention_ids,
                doc_ids=doc_ids,
                source_count=len(doc_ids),
                first_seen=draw(maybe_dates),
                last_seen=draw(maybe_dates),
                evidence=tuple(draw(st.lists(st.tuples(offsets, offsets), max_size=3))),
                **{k: draw(v) for k, v in fields.items()},
            )
        )
    failures = draw(
        st.lists(st.builds(Failure, origin=texts, reason=texts, doc_id=maybe_texts), max_size=3)
    )
    warnings = [tuple(draw(st.lists(texts, max_size=2))) for _ in docs]
    return {
        "documents": [StoredDocument(d, w) for d, w in zip(docs, warnings)],
        "mentions": mentions,
        "events": events,
        "failures": failures,
    }


def assert_batch_reads_back(store: Store, batch: dict[str, list]) -> None:
    for stored in batch["documents"]:
        assert store.get_document(document_key(stored.document)) == stored
    assert sorted(store.list_mentions(), key=lambda m: m.id) == sorted(
        batch["mentions"], key=lambda m: m.id
    )
    for event in batch["events"]:
        detail = store.get_event(event.id)
        assert detail.event == event
        assert {m.id for m in detail.mentions} == set(event.mention_ids)
    listed = store.list_events(include_background=True)
    assert sorted(listed, key=lambda e: e.id) == sorted(batch["events"], key=lambda e: e.id)
    assert set(store.list_failures()) == set(batch["failures"])


def assert_rewrite_keeps_rows(store: Store, batch: dict[str, list]) -> None:
    counts = store.count_rows()
    events = store.list_events(include_background=True)
    store.write_batch(**batch)
    assert store.count_rows() == counts
    assert store.list_events(include_background=True) == events
    assert counts["documents"] == len(batch["documents"])
    assert counts["claims"] == sum(len(m.claims) for m in batch["mentions"])


PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(batch=batches())
def test_records_read_back_equal_what_was_written(
    tmp_path_factory: pytest.TempPathFactory, batch: dict[str, list]
) -> None:
    with open_store(tmp_path_factory.mktemp("roundtrip") / "sitrep.db") as store:
        store.write_batch(**batch)
        assert_batch_reads_back(store, batch)


@PROPERTY_SETTINGS
@given(batch=batches())
def test_writing_the_same_batch_twice_keeps_row_counts(
    tmp_path_factory: pytest.TempPathFactory, batch: dict[str, list]
) -> None:
    with open_store(tmp_path_factory.mktemp("twice") / "sitrep.db") as store:
        store.write_batch(**batch)
        assert_rewrite_keeps_rows(store, batch)


@pytest.mark.postgres
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(batch=batches(POSTGRES_TEXT))
def test_postgresql_round_trip_and_rewrite(batch: dict[str, list]) -> None:
    url = fresh_postgres()
    with open_store(url) as store:
        store.write_batch(**batch)
        assert_batch_reads_back(store, batch)
        assert_rewrite_keeps_rows(store, batch)


@pytest.mark.parametrize(
    ("record", "table", "stored_elsewhere"),
    [
        (Document, store_module.documents, set()),
        (EventMention, store_module.event_mentions, {"location"}),
        (Event, store_module.events, {"location", "mention_ids"}),
    ],
)
def test_every_record_field_has_a_column(
    record: type, table: sa.Table, stored_elsewhere: set[str]
) -> None:
    # A field added to records.py without a column would silently not round-trip.
    record_fields = {f.name for f in dataclasses.fields(record)}

    assert record_fields - stored_elsewhere <= set(table.columns.keys())
    assert record_fields >= stored_elsewhere


def test_event_detail_has_mentions_and_documents_in_order(store: Store) -> None:
    second_doc = make_document("raid-2", "Another report of the raid near Deir al-Zour.")
    event = make_event(mention_ids=("m-raid", "m-raid-2"), doc_ids=("raid", "raid-2"))
    write(
        store,
        documents=(make_document(), second_doc),
        mentions=(make_mention(), make_mention("m-raid-2", "raid-2", fatalities=20)),
        events=(event,),
    )

    detail = store.get_event(event.id)

    assert detail == EventDetail(
        event=event,
        mentions=(make_mention(), make_mention("m-raid-2", "raid-2", fatalities=20)),
        documents=(make_document(), second_doc),
    )


# ---- re-runs ------------------------------------------------------------------------------


def test_rewriting_a_document_replaces_its_mentions(store: Store) -> None:
    write(
        store,
        documents=(make_document(),),
        mentions=(make_mention(), make_mention("m-old")),
        events=(make_event(mention_ids=("m-raid", "m-old")),),
    )

    write(store, documents=(make_document(),), mentions=(make_mention(),), events=(make_event(),))

    assert [m.id for m in store.list_mentions()] == ["m-raid"]
    assert store.get_event("ev-4f1a2b3c4d").event.mention_ids == ("m-raid",)
    assert store.count_rows()["claims"] == 1


def test_event_left_without_mentions_is_deleted(store: Store) -> None:
    write_raid(store)

    write(
        store,
        documents=(make_document(),),
        mentions=(make_mention("m-new"),),
        events=(make_event("ev-new", mention_ids=("m-new",)),),
    )

    assert [e.id for e in store.list_events()] == ["ev-new"]


def test_mention_fused_into_another_event_leaves_its_old_event(store: Store) -> None:
    write_raid(store)
    other = make_document("raid-2", "Second report of the raid.")

    write(
        store,
        documents=(other,),
        mentions=(make_mention("m-raid-2", "raid-2"),),
        events=(make_event("ev-merged", mention_ids=("m-raid", "m-raid-2")),),
    )

    assert [e.id for e in store.list_events()] == ["ev-merged"]
    assert store.get_event("ev-merged").event.mention_ids == ("m-raid", "m-raid-2")


def test_killed_run_resumes_from_stored_document_keys(store: Store) -> None:
    document = make_document()
    assert not store.has_document(document_key(document))

    write_raid(store)

    assert store.has_document(document_key(document))
    assert store.document_keys() == {document_key(document)}


def test_document_key_ignores_whitespace_layout() -> None:
    a = make_document(text="Gunmen  killed\nthree people.")
    b = make_document("other-id", text=" Gunmen killed three\tpeople. ")

    assert document_key(a) == document_key(b)
    assert len(document_key(a)) == 16
    assert document_key(a) != document_key(make_document(text="Gunmen killed two people."))


def test_failures_are_recorded_once(store: Store) -> None:
    failure = Failure(origin="inbox/report.jsonl:7", reason="not UTF-8", doc_id=None)

    write(store, failures=(failure,))
    write(store, failures=(failure,))

    assert store.list_failures() == [failure]


def test_mention_of_unknown_document_fails_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="names document 'nowhere'"):
        write(
            store,
            documents=(make_document(),),
            mentions=(make_mention(doc_id="nowhere"),),
            failures=(Failure("x", "y"),),
        )

    assert set(store.count_rows().values()) == {0}


def test_event_linking_an_unstored_mention_fails_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="not stored, e.g. 'm-ghost'"):
        write(
            store,
            documents=(make_document(),),
            mentions=(make_mention(),),
            events=(make_event(mention_ids=("m-raid", "m-ghost")),),
        )

    assert set(store.count_rows().values()) == {0}


def test_mentions_may_name_a_document_stored_earlier(store: Store) -> None:
    write(store, documents=(make_document(),))

    write(store, mentions=(make_mention(),), events=(make_event(),))

    assert store.get_event("ev-4f1a2b3c4d").documents == (make_document(),)


# ---- lookups and queries ------------------------------------------------------------------


def test_get_event_accepts_a_unique_id_prefix(store: Store) -> None:
    event = write_raid(store)

    assert store.get_event("ev-4f1").event == event


def test_missing_event_message_names_the_id_and_the_next_step(store: Store) -> None:
    write_raid(store)

    with pytest.raises(EventNotFound) as caught:
        store.get_event("no-such-event")

    assert str(caught.value).startswith("No event with id 'no-such-event' in ")
    assert str(caught.value).endswith(". Run `sitrep events` to list event ids.")


def test_short_prefix_is_not_a_match(store: Store) -> None:
    write_raid(store)

    with pytest.raises(EventNotFound, match="No event with id 'ev-4f'"):
        store.get_event("ev-4f")


def test_ambiguous_prefix_asks_for_more_characters(store: Store) -> None:
    write_raid(store)
    write(
        store,
        documents=(make_document("raid-2", "Second report."),),
        mentions=(make_mention("m-2", "raid-2"),),
        events=(make_event("ev-4f1a2b9999", mention_ids=("m-2",), doc_ids=("raid-2",)),),
    )

    with pytest.raises(EventNotFound, match=r"prefix 'ev-4f1a2b' matches 2 events .*more"):
        store.get_event("ev-4f1a2b")


def _write_three_events(store: Store) -> None:
    docs = (
        make_document("d1", "Clashes in Deir ez-Zor between the army and Islamic State."),
        make_document("d2", "Protesters marched in Nairobi against fuel prices.", title="Fuel"),
        make_document("d3", "In 2015 militants seized Palmyra.", title="Background"),
    )
    kenya = Location("Nairobi", "KE", "Nairobi", None, -1.2833, 36.8167, 1)
    mentions = (
        make_mention("m1", "d1"),
        make_mention("m2", "d2", event_type="Protests", location=kenya),
        make_mention("m3", "d3", is_background=True),
    )
    events = (
        make_event("e1", ("m1",), ("d1",), date=dt.date(2016, 1, 10)),
        make_event(
            "e2",
            ("m2",),
            ("d2",),
            date=dt.date(2021, 11, 17),
            event_type="Protests",
            location=kenya,
        ),
        make_event("e3", ("m3",), ("d3",), date=dt.date(2015, 5, 20), is_background=True),
        make_event("e4", (), (), date=None, location=None),
    )
    write(store, documents=docs, mentions=mentions, events=events)


def test_events_are_listed_newest_first_without_background(store: Store) -> None:
    _write_three_events(store)

    assert [e.id for e in store.list_events()] == ["e2", "e1", "e4"]
    assert [e.id for e in store.list_events(include_background=True)] == ["e2", "e1", "e3", "e4"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "ke"}, ["e2"]),
        ({"country": "SY", "include_background": True}, ["e1", "e3"]),
        ({"since": dt.date(2016, 1, 10)}, ["e2", "e1"]),
        ({"until": dt.date(2016, 1, 10), "include_background": True}, ["e1", "e3"]),
        ({"event_type": "Protests"}, ["e2"]),
        ({"text": "islamic STATE"}, ["e1"]),
        ({"text": "Palmyra", "include_background": True}, ["e3"]),
        ({"text": "Background", "include_background": True}, ["e3"]),
        ({"text": "Nairobi fuel"}, ["e2"]),
        ({"text": "Nairobi Palmyra"}, []),
        ({"text": "   "}, ["e2", "e1", "e4"]),
        ({"limit": 1, "offset": 1}, ["e1"]),
        ({"actor": "islamic state"}, ["e2", "e1", "e4"]),
        ({"actor": "  united STATES ", "country": "KE"}, ["e2"]),
        ({"actor": "Police Forces of Syria"}, []),
    ],
)
def test_list_events_filters(store: Store, filters: dict, expected: list[str]) -> None:
    _write_three_events(store)

    assert [e.id for e in store.list_events(**filters)] == expected


def test_an_unknown_filter_is_an_error_not_ignored(store: Store) -> None:
    with pytest.raises(TypeError):
        store.list_events(countyr="KE")


def test_iter_events_yields_list_events_order(store: Store) -> None:
    _write_three_events(store)

    assert list(store.iter_events(include_background=True)) == store.list_events(
        include_background=True
    )


def test_search_documents_matches_words_not_syntax(store: Store) -> None:
    write_raid(store)

    assert [d.id for d in store.search_documents("al-Zour")] == ["raid"]
    assert [d.id for d in store.search_documents('Observatory "Human')] == ["raid"]
    assert store.search_documents("NEAR OR AND (") == []
    assert store.search_documents("") == []


def test_search_documents_respects_limit(store: Store) -> None:
    docs = tuple(make_document(f"d{i}", f"Report {i} of shelling in Idlib.") for i in range(5))
    write(store, documents=docs)

    assert len(store.search_documents("shelling", limit=3)) == 3


# ---- opening the database -----------------------------------------------------------------


def test_open_store_creates_the_folder_and_uses_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "sitrep.db"

    with open_store(path) as store:
        write_raid(store)

    assert path.exists()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )
    finally:
        connection.close()


def test_sqlite_url_and_reopening_keep_the_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'url' / 'sitrep.db'}"
    with open_store(url) as store:
        event = write_raid(store)

    with open_store(url) as store:
        assert store.list_events() == [event]
        assert store.dialect == "sqlite"
        # Full-text search is still FTS5 (whole words), not the LIKE fallback (substrings).
        assert [d.id for d in store.search_documents("raided")] == ["raid"]
        assert store.search_documents("raide") == []


def test_drop_tables_leaves_an_empty_database_that_opens_afresh(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    with open_store(path) as store:
        write_raid(store)
        assert store.list_events()
    drop_tables(str(path))
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        assert sa.inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    with open_store(path) as store:
        assert store.list_events() == []


def test_newer_schema_raises_schema_outdated(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    open_store(path).close()
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (SCHEMA_VERSION + 1, "2030-01-01 00:00:00"),
            )
    finally:
        connection.close()

    with pytest.raises(SchemaOutdated) as caught:
        open_store(path)

    assert str(caught.value) == (
        f"Database {path} has schema version {SCHEMA_VERSION + 1}, but this sitrep reads "
        f"version {SCHEMA_VERSION} at most. Upgrade sitrep (pip install -U sitrep) "
        "or use another --db."
    )


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("CREATE TABLE documents (x)")
    finally:
        connection.close()

    with pytest.raises(StoreError, match="not written by sitrep"):
        open_store(path)


def test_folder_as_database_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"is a folder\. Give a file path"):
        open_store(tmp_path)


def test_unopenable_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "not-a-db.db"
    path.write_bytes(b"this is not an SQLite database, just text " * 100)

    with pytest.raises(StoreError, match=r"not-a-db\.db failed: .*Check the path"):
        open_store(path)


def test_postgresql_url_uses_psycopg_and_hides_the_password() -> None:
    url, shown = _resolve_target("postgresql://sitrep:secret@db.example/sitrep")

    assert url.drivername == "postgresql+psycopg"
    assert "secret" not in shown
    assert shown == "postgresql+psycopg://sitrep:***@db.example/sitrep"


def test_unsupported_database_is_refused() -> None:
    with pytest.raises(StoreError, match="sitrep supports SQLite and PostgreSQL"):
        open_store("mysql+pymysql://u@localhost/sitrep")
