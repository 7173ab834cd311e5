"""Store: Documents, EventMentions, Events and Failures -> an SQL database, and back.

Needs: records from the pipeline. Adds: nothing to them; it keeps them.

This is the only module that speaks SQL. It uses SQLAlchemy Core over SQLite (one file,
WAL mode, foreign keys on, FTS5 full-text search over document titles and text) or
PostgreSQL (same schema; full-text search there is a generated ``tsvector`` column with a
GIN index; concurrent writers take per-document advisory locks, see ``write_batch``).

- The schema lives in ``_METADATA`` (``store_schema``). A new database gets it whole and
  is stamped with ``SCHEMA_VERSION``; an older database is brought up to date by the
  numbered functions in ``_MIGRATIONS``; a newer one raises ``SchemaOutdated``.
- Ids come from content: a document's key is ``document_key(document)``, mentions and
  events keep the ids the pipeline gave them, a failure's id hashes its fields. Writing
  the same batch twice therefore updates rows instead of adding them.
- ``write_batch`` is one transaction. Re-writing a document replaces its mentions.

This module opens a database and assembles ``Store``; the rest is split by concept, and
every name is re-exported here, so callers import from ``sitrep.store`` only:

- ``store_base``: the engine a ``Store`` holds, driver errors -> ``StoreError``;
- ``store_schema``: tables, numbered migrations, creating and checking the schema;
- ``store_rows``: records <-> rows, content ids (``document_key``, ``failure_key``);
- ``store_write``: ``write_batch`` and the writers' locks (``link_lock``);
- ``store_read``: listing, search (FTS5 or ``tsvector``), ``get_event``, ``EventQuery``.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sitrep.errors import StoreError
from sitrep.store_read import (
    MIN_EVENT_ID_PREFIX_CHARS,
    READ_CHUNK_EVENTS,
    EventQuery,
    StoreReads,
)
from sitrep.store_rows import (
    IN_CLAUSE_CHUNK,
    EventDetail,
    StoredDocument,
    document_key,
    failure_key,
)
from sitrep.store_schema import (
    _METADATA,
    COUNTED_TABLES,
    DOC_KEY_HEX_CHARS,
    FAILURE_ID_HEX_CHARS,
    PG_SEARCH_MAX_CHARS,
    SCHEMA_VERSION,
    _check_schema,
    _prepare_schema,
    claims,
    documents,
    documents_fts,
    event_mention_links,
    event_mentions,
    events,
    failures,
    link_units,
    schema_version,
)
from sitrep.store_write import WRITE_ATTEMPTS, StoreWrites

# The names callers import from ``sitrep.store`` (tests also resolve targets with
# ``_resolve_target``; ``drop_tables`` empties a database for tests and benchmarks).
__all__ = [
    "COUNTED_TABLES",
    "DOC_KEY_HEX_CHARS",
    "FAILURE_ID_HEX_CHARS",
    "IN_CLAUSE_CHUNK",
    "MIN_EVENT_ID_PREFIX_CHARS",
    "PG_SEARCH_MAX_CHARS",
    "READ_CHUNK_EVENTS",
    "SCHEMA_VERSION",
    "SQLITE_BUSY_TIMEOUT_MS",
    "WRITE_ATTEMPTS",
    "_METADATA",
    "EventDetail",
    "EventQuery",
    "Store",
    "StoredDocument",
    "_resolve_target",
    "claims",
    "document_key",
    "documents",
    "documents_fts",
    "drop_tables",
    "event_mention_links",
    "event_mentions",
    "events",
    "failure_key",
    "failures",
    "link_units",
    "open_store",
    "open_store_readonly",
    "schema_version",
]

SQLITE_BUSY_TIMEOUT_MS = 30_000


def open_store_readonly(target: str | Path) -> Store:
    """Open an existing database so that nothing done through it can write.

    A SQLite file is opened with ``mode=ro`` and ``PRAGMA query_only``; a PostgreSQL
    session has ``default_transaction_read_only`` on. The schema is checked, never created
    or upgraded.
    """
    url, shown = (
        _resolve_target(target)
        if isinstance(target, str) and "://" in target
        else (None, str(Path(target).expanduser()))
    )
    if url is not None and url.get_backend_name() == "postgresql":
        engine = sa.create_engine(
            url, connect_args={"options": "-c default_transaction_read_only=on"}
        )
    else:
        path = Path(target).expanduser() if url is None else Path(url.database or "")
        if not path.is_file():
            raise StoreError(
                f"Database {shown} does not exist; run `sitrep extract REPORTS --db {shown}` "
                "first."
            )
        uri = path.resolve().as_uri() + "?mode=ro"
        engine = sa.create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=sa.pool.QueuePool,
        )
        sa.event.listen(engine, "connect", _configure_readonly_sqlite_connection)
    try:
        has_fts = _check_schema(engine, shown)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, shown=shown, has_fts=has_fts)


def open_store(target: str | Path) -> Store:
    """Open (creating if needed) the database at a file path or SQLAlchemy URL.

    ``postgresql://`` and ``postgres://`` URLs use psycopg 3. ``":memory:"`` opens a
    throwaway SQLite database.
    """
    url, shown = _resolve_target(target)
    try:
        engine = sa.create_engine(url)
    except (ImportError, sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as err:
        raise StoreError(
            f"Cannot open database {shown}: {err}. For PostgreSQL install the extra: "
            "pip install 'sitrep[postgres]'."
        ) from err
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _configure_sqlite_connection)
    try:
        has_fts = _prepare_schema(engine, shown)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, shown=shown, has_fts=has_fts)


class Store(StoreReads, StoreWrites):
    """A sitrep database. Use ``open_store`` to get one; ``close`` it when done."""

    # Reading: ``store_read.StoreReads``. Writing: ``store_write.StoreWrites``. The
    # engine, ``dialect``, ``url`` and ``close``: ``store_base.StoreBase``.


def drop_tables(target: str | Path) -> None:
    """Drop every table sitrep made in the database at ``target`` (the data go with them).

    For tests and benchmarks that need an empty database at a URL they were given.
    """
    engine = sa.create_engine(_resolve_target(target)[0])
    try:
        with engine.begin() as conn:
            _METADATA.drop_all(conn)
            if conn.dialect.name == "sqlite":  # the FTS5 table is made by raw DDL
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {documents_fts.name}"))
    finally:
        engine.dispose()


def _resolve_target(target: str | Path) -> tuple[sa.URL, str]:
    """Turn a path or URL into an SQLAlchemy URL, and a form safe to show (no password)."""
    if isinstance(target, str) and target == ":memory:":
        return sa.make_url("sqlite://"), ":memory:"
    if isinstance(target, str) and "://" in target:
        try:
            url = sa.make_url(target)
        except sa.exc.ArgumentError as err:
            raise StoreError(
                f"Cannot read the database URL {target!r}: {err}. Use a file path or a "
                "URL like sqlite:///sitrep.db or postgresql://user@host/sitrep."
            ) from err
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        shown = url.render_as_string(hide_password=True)
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(
                f"Database {shown} uses {url.get_backend_name()}; sitrep supports SQLite and "
                "PostgreSQL. Give a file path or a postgresql:// URL."
            )
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            _make_parent(Path(url.database), shown)
        return url, shown
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(
            f"Database path {path} is a folder. Give a file path, e.g. {path / 'sitrep.db'}."
        )
    _make_parent(path, str(path))
    return sa.URL.create("sqlite", database=str(path)), str(path)


def _make_parent(path: Path, shown: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(
            f"Cannot create the folder for database {shown}: {err.strerror}. "
            "Choose a writable location with --db."
        ) from err


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS:d}")
        _switch_to_wal(cursor)
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode = WAL``, retried while another connection holds the file.

    SQLite answers "database is locked" at once, without the busy timeout, when two
    connections switch a new file to WAL together (each reads, then needs the exclusive
    lock: it refuses rather than wait into a deadlock). Several runs opening a new database
    at the same moment do exactly that, so wait for the other switch as long as the busy
    timeout would have.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _configure_readonly_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS:d}")
    finally:
        cursor.close()
