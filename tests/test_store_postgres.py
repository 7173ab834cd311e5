"""Store on PostgreSQL and with several writers: tsvector search, the migration that adds
it, concurrent batches sharing documents, and the per-country link lock.

PostgreSQL tests use the server of ``SITREP_TEST_POSTGRES_URL`` (``.ci/run`` starts one);
outside CI they skip when it is unset, in CI they fail.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from postgres_db import fresh_postgres, postgres_url
from sitrep.records import Failure
from sitrep.store import SCHEMA_VERSION, Store, StoredDocument, _resolve_target, open_store
from test_store import make_document, make_event, make_mention

WRITERS = 4
ROUNDS = 6
LOCK_WAIT_S = 0.5  # long enough for a lock that should block to show it


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database that several Store objects (writers) can open."""
    if request.param == "postgres":
        return fresh_postgres()
    return str(tmp_path / "shared.db")


@pytest.fixture()
def pg_store() -> Iterator[Store]:
    with open_store(fresh_postgres()) as store:
        yield store


def _raid_batch(store: Store, *numbers: int) -> None:
    """One batch of reports, in the order given: each a document with one mention and its
    event; and a failure that every batch shares."""
    store.write_batch(
        documents=[
            StoredDocument(make_document(f"doc{n}", f"Report {n}: U.S. forces raided a "
                                         "compound near Deir."), ())
            for n in numbers
        ],
        mentions=[make_mention(f"m{n}", f"doc{n}") for n in numbers],
        events=[make_event(f"ev{n}", (f"m{n}",), (f"doc{n}",)) for n in numbers],
        failures=[Failure(origin="shared.jsonl:1", reason="bad line")],
    )


# ---- full-text search ----------------------------------------------------------------------


@pytest.mark.postgres
def test_postgresql_search_finds_whole_words_through_a_gin_indexed_tsvector(
    pg_store: Store,
) -> None:
    _raid_batch(pg_store, 1)

    assert [d.id for d in pg_store.search_documents("RAIDED deir")] == ["doc1"]
    assert pg_store.search_documents("raide") == []  # words, not substrings (LIKE)
    assert [e.id for e in pg_store.list_events(text="compound")] == ["ev1"]
    engine = sa.create_engine(_resolve_target(postgres_url())[0])
    try:
        with engine.connect() as conn:
            index = conn.execute(sa.text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_documents_search_vector'"
            )).scalar_one()
    finally:
        engine.dispose()
    assert "USING gin (search_vector)" in index


@pytest.mark.postgres
def test_postgresql_database_of_version_2_gains_full_text_search_when_opened() -> None:
    url = fresh_postgres()
    with open_store(url) as store:
        _raid_batch(store, 1)
    engine = sa.create_engine(_resolve_target(url)[0])
    try:
        with engine.begin() as conn:  # back to version 2: no search column, no index
            conn.execute(sa.text("ALTER TABLE documents DROP COLUMN search_vector"))
            conn.execute(sa.text("UPDATE schema_version SET version = 2"))

        with open_store(url) as store:
            found = [d.id for d in store.search_documents("raided")]

        with engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_version")).scalars()
            assert sorted(versions) == list(range(2, SCHEMA_VERSION + 1))
    finally:
        engine.dispose()
    assert found == ["doc1"]


# ---- several writers ----------------------------------------------------------------------


def test_concurrent_writers_of_overlapping_batches_store_each_document_once(
    target: str,
) -> None:
    errors: list[Exception] = []
    start = threading.Barrier(WRITERS)  # they open the new database together, then write

    def writer(offset: int) -> None:
        try:
            start.wait(timeout=60)
            with open_store(target) as store:  # all at once: the schema is created once
                start.wait(timeout=60)
                for round_ in range(ROUNDS):
                    # Every writer writes every report in one batch, in its own order.
                    _raid_batch(store, *sorted(range(WRITERS),
                                               key=lambda n: (n + offset + round_) % WRITERS))
        except Exception as err:  # noqa: BLE001 (a thread: asserted on below)
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with open_store(target) as store:
        rows = store.count_rows()
        assert sorted(d.id for d in store.search_documents("raided", limit=100)) == [
            f"doc{n}" for n in range(WRITERS)
        ]
    assert (rows["documents"], rows["event_mentions"], rows["events"]) == (WRITERS,) * 3
    assert (rows["claims"], rows["failures"]) == (WRITERS, 1)


def test_sqlite_file_another_program_is_writing_is_waited_for_not_refused(
    tmp_path: Path,
) -> None:
    # Switching a file to WAL while another connection holds its write lock is refused at
    # once by SQLite (no busy timeout): two runs opening a new database together hit this.
    path = tmp_path / "busy.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the other program's write lock, journal mode
    releaser = threading.Timer(LOCK_WAIT_S, lambda: other.execute("COMMIT"))
    releaser.start()
    started = time.monotonic()
    try:
        with open_store(path) as store:
            _raid_batch(store, 1)
            waited = time.monotonic() - started
            assert store.count_rows()["documents"] == 1
    finally:
        releaser.join()
        other.close()
    assert waited >= LOCK_WAIT_S * 0.9  # it waited for the lock rather than going around it


def _takes_turns(target: str, held: set[str], wanted: set[str]) -> bool:
    """Whether a writer asking ``link_lock(wanted)`` waits while another holds ``held``."""
    holding, release, acquired = threading.Event(), threading.Event(), threading.Event()

    def holder() -> None:
        with open_store(target) as store, store.link_lock(held):
            holding.set()
            release.wait()

    def asker() -> None:
        with open_store(target) as store, store.link_lock(wanted):
            acquired.set()

    first = threading.Thread(target=holder)
    first.start()
    assert holding.wait(timeout=30)
    second = threading.Thread(target=asker)
    second.start()
    waited = not acquired.wait(timeout=LOCK_WAIT_S)
    release.set()
    first.join()
    second.join()
    assert acquired.is_set()  # it gets the lock once the holder lets go
    return waited


def test_link_lock_makes_writers_of_one_country_take_turns(target: str) -> None:
    assert _takes_turns(target, {"SY", "IQ"}, {"SY"})


@pytest.mark.postgres
def test_postgresql_link_lock_lets_writers_of_other_countries_go_on() -> None:
    url = fresh_postgres()
    open_store(url).close()

    assert not _takes_turns(url, {"SY"}, {"KE"})
