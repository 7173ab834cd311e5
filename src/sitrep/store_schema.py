"""Store schema: the tables, and the numbered migrations that bring a database up to date.

Needs: an SQLAlchemy connection or engine. Adds: ``_METADATA`` (every table, the same on
SQLite and PostgreSQL), the SQLite FTS5 table and PostgreSQL ``tsvector`` search column
(created by DDL), ``SCHEMA_VERSION`` and ``_MIGRATIONS``, and ``_prepare_schema`` (create
or upgrade on open) and ``_check_schema`` (read-only open: check, never write).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import SchemaOutdated, StoreError
from sitrep.store_base import _driver_errors

SCHEMA_VERSION = 4
DOC_KEY_HEX_CHARS = 16
FAILURE_ID_HEX_CHARS = 16
_SCHEMA_LOCK_ID = 0x5175_7265_7000  # pg advisory lock held while creating or upgrading the schema
PG_SEARCH_MAX_CHARS = 500_000  # text indexed per document (a tsvector holds at most 1 MB)

_METADATA = sa.MetaData()


def _location_columns() -> list[sa.Column[Any]]:
    """The flattened ``Location`` columns shared by event_mentions and events."""
    return [
        sa.Column("location_name", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),  # NULL: the record has no Location
        sa.Column("geonameid", sa.BigInteger),
    ]


def _coded_event_columns(*, index_date: bool) -> list[sa.Column[Any]]:
    """The coded fields an event mention and a fused event share (``evidence``: sentence
    spans, in the first document for an event)."""
    return [
        sa.Column("event_type", sa.Text, nullable=False, index=True),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("disorder_type", sa.Text, nullable=False),
        sa.Column("date", sa.Date, index=index_date),
        sa.Column("time_precision", sa.Integer, nullable=False),
        sa.Column("actor1", sa.Text),
        sa.Column("assoc_actor_1", sa.Text),
        sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_2", sa.Text),
        sa.Column("inter2", sa.Integer),
        *_location_columns(),
        sa.Column("fatalities", sa.BigInteger, nullable=False),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("is_background", sa.Boolean, nullable=False),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    ]


schema_version = sa.Table(
    "schema_version",
    _METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    _METADATA,
    sa.Column("doc_key", sa.String(DOC_KEY_HEX_CHARS), primary_key=True),
    sa.Column("id", sa.Text, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("date_source", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("dateline", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("date_warnings", sa.JSON, nullable=False),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)

event_mentions = sa.Table(
    "event_mentions",
    _METADATA,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column(
        "doc_key",
        sa.ForeignKey("documents.doc_key", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("doc_id", sa.Text, nullable=False),
    *_coded_event_columns(index_date=False),
    sa.Column("trigger", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Column("date_text", sa.Text),
    sa.Column("notes", sa.Text),
)

events = sa.Table(
    "events",
    _METADATA,
    sa.Column("id", sa.Text, primary_key=True),
    *_coded_event_columns(index_date=True),
    sa.Column("notes", sa.Text),
    sa.Column("doc_ids", sa.JSON, nullable=False),
    sa.Column("mention_count", sa.Integer, nullable=False),
    sa.Column("source_count", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.Date),
    sa.Column("last_seen", sa.Date),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_events_country", "country"),
)

event_mention_links = sa.Table(
    "event_mention",
    _METADATA,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "mention_id",
        sa.ForeignKey("event_mentions.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),  # order within Event.mention_ids
)

claims = sa.Table(
    "claims",
    _METADATA,
    sa.Column(
        "mention_id",
        sa.ForeignKey("event_mentions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("attributed_to", sa.Text, index=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer),
    sa.Column("end_offset", sa.Integer),
    sa.Column("kind", sa.Text),
    sa.Column("value", sa.Text),
)

failures = sa.Table(
    "failures",
    _METADATA,
    sa.Column("id", sa.String(FAILURE_ID_HEX_CHARS), primary_key=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("doc_id", sa.Text),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# One row per report-level event, for cross-report linking (``link.py``): where it is
# (the blocking key: country, admin1, date span) and which fused event holds it now.
link_units = sa.Table(
    "link_units",
    _METADATA,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("event_id", sa.Text, nullable=False, index=True),
    sa.Column("doc_id", sa.Text, nullable=False, index=True),
    sa.Column("reported", sa.Date),
    sa.Column("is_background", sa.Boolean, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("disorder_type", sa.Text, nullable=False),
    sa.Column("actors", sa.JSON, nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("admin1", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("mention_ids", sa.JSON, nullable=False),
    # False: stored by extraction on a cluster, not yet linked by the fusion step (link.py).
    sa.Column("is_linked", sa.Boolean, nullable=False, server_default=sa.true()),
    # Covers the blocking query, so finding candidates reads no table rows.
    sa.Index("ix_link_units_block", "country", "date_start", "date_end", "admin1", "id"),
    sa.Index("ix_link_units_pending", "is_linked", "country", "admin1", "date_start"),
)

# SQLite only, created by raw DDL (FTS5 is a virtual table). Declared here for queries.
documents_fts = sa.Table(
    "documents_fts",
    sa.MetaData(),
    sa.Column("doc_key", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text),
)
_FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "doc_key UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
)

COUNTED_TABLES = (documents, event_mentions, events, event_mention_links, claims, failures)

# Upgrades: _MIGRATIONS[n] takes a database at version n - 1 to version n. A new
# database is created from _METADATA and stamped SCHEMA_VERSION, so these run only on
# databases written by older versions. Version 1 is the first schema: nothing to upgrade.
# Version 2 adds link_units; events stored before it are not linked to by new reports.
# Version 3 adds PostgreSQL full-text search (a generated tsvector column with a GIN index);
# on SQLite it changes nothing (FTS5 is there from version 1).
# Version 4 adds link_units.is_linked (every unit stored before it was linked as written).
_MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: lambda conn: link_units.create(conn, checkfirst=True),
    3: lambda conn: _create_pg_search(conn),
    4: lambda conn: _add_link_state(conn),
}


def _check_schema(engine: Engine, shown: str) -> bool:
    """Check a database is sitrep's at this schema version (no writes); return has_fts."""
    with _driver_errors(engine.connect, shown) as conn:
        inspector = sa.inspect(conn)
        if not inspector.has_table(schema_version.name):
            raise StoreError(
                f"Database {shown} has no schema_version table, so it was not written by "
                "sitrep. Use another --db."
            )
        version = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
        if version is None or version > SCHEMA_VERSION:
            raise SchemaOutdated(
                f"Database {shown} has schema version {version}, but this sitrep reads "
                f"version {SCHEMA_VERSION} at most. Upgrade sitrep (pip install -U sitrep) "
                "or use another --db."
            )
        if version < SCHEMA_VERSION:
            raise SchemaOutdated(
                f"Database {shown} has schema version {version}, older than this sitrep's "
                f"{SCHEMA_VERSION}, and is opened read-only. Run `sitrep events --db {shown}` "
                "once to upgrade it."
            )
        return conn.dialect.name == "sqlite" and inspector.has_table(documents_fts.name)


def _prepare_schema(engine: Engine, shown: str) -> bool:
    """Create or upgrade the schema; return whether FTS5 full-text search is available."""
    with _driver_errors(engine.begin, shown) as conn:
        # Two runs starting on a new database take turns: PostgreSQL with an advisory lock,
        # SQLite by taking the write lock now (pysqlite would begin only at the first DML).
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _SCHEMA_LOCK_ID})
        elif engine.url.database not in (None, "", ":memory:"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        inspector = sa.inspect(conn)
        if not inspector.has_table(schema_version.name):
            if inspector.has_table(documents.name):
                raise StoreError(
                    f"Database {shown} has a documents table but no schema_version table, "
                    "so it was not written by sitrep. Use another --db."
                )
            _METADATA.create_all(conn)
            has_fts = _create_fts(conn)
            _create_pg_search(conn)
            conn.execute(
                sa.insert(schema_version),
                {"version": SCHEMA_VERSION, "applied_at": dt.datetime.now(dt.UTC)},
            )
            return has_fts
        version = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
        if version is None or version > SCHEMA_VERSION:
            raise SchemaOutdated(
                f"Database {shown} has schema version {version}, but this sitrep reads "
                f"version {SCHEMA_VERSION} at most. Upgrade sitrep "
                "(pip install -U sitrep) or use another --db."
            )
        for step in range(version + 1, SCHEMA_VERSION + 1):
            _MIGRATIONS[step](conn)
            conn.execute(
                sa.insert(schema_version),
                {"version": step, "applied_at": dt.datetime.now(dt.UTC)},
            )
        return conn.dialect.name == "sqlite" and inspector.has_table(documents_fts.name)


def _add_link_state(conn: Connection) -> None:
    """link_units.is_linked, true for every unit already stored, and its index (each only
    when missing: a table that migration 2 created has them)."""
    columns = {c["name"] for c in sa.inspect(conn).get_columns(link_units.name)}
    if "is_linked" not in columns:
        default = "TRUE" if conn.dialect.name == "postgresql" else "1"
        conn.execute(sa.text(
            f"ALTER TABLE link_units ADD COLUMN is_linked BOOLEAN NOT NULL DEFAULT {default}"
        ))
    for index in link_units.indexes:
        if index.name == "ix_link_units_pending":
            index.create(conn, checkfirst=True)


def _create_fts(conn: Connection) -> bool:
    """Create the FTS5 table on SQLite builds that have FTS5; else search uses LIKE."""
    if conn.dialect.name != "sqlite":
        return False
    probe = sa.text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
    if not conn.execute(probe).scalar():
        return False
    conn.execute(sa.text(_FTS_DDL))
    return True


def _create_pg_search(conn: Connection) -> None:
    """PostgreSQL full-text search: a generated ``tsvector`` of title and text, GIN-indexed.

    The ``simple`` configuration lower-cases words and neither stems nor drops stop words,
    so PostgreSQL finds the whole words FTS5 finds on SQLite. Nothing on SQLite.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        sa.text(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "
            f"left(coalesce(title, '') || ' ' || text, {PG_SEARCH_MAX_CHARS:d}))) STORED"
        )
    )
    conn.execute(
        sa.text(
            "CREATE INDEX IF NOT EXISTS ix_documents_search_vector "
            "ON documents USING GIN (search_vector)"
        )
    )
