"""Store: Documents, EventMentions, Events and Failures -> an SQL database, and back.

Needs: records from the pipeline. Adds: nothing to them; it keeps them.

This is the only module that speaks SQL. It uses SQLAlchemy Core over SQLite (one file,
WAL mode, foreign keys on, FTS5 full-text search over document titles and text) or
PostgreSQL (same schema; full-text search there is a generated ``tsvector`` column with a
GIN index; concurrent writers take per-document advisory locks, see ``write_batch``).

- The schema lives in ``_METADATA`` below. A new database gets it whole and is stamped
  with ``SCHEMA_VERSION``; an older database is brought up to date by the numbered
  functions in ``_MIGRATIONS``; a newer one raises ``SchemaOutdated``.
- Ids come from content: a document's key is ``document_key(document)``, mentions and
  events keep the ids the pipeline gave them, a failure's id hashes its fields. Writing
  the same batch twice therefore updates rows instead of adding them.
- ``write_batch`` is one transaction. Re-writing a document replaces its mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, Row

from sitrep.errors import EventNotFound, SchemaOutdated, StoreError
from sitrep.records import Claim, Document, Event, EventMention, Failure, LinkUnit, Location

SCHEMA_VERSION = 4
DOC_KEY_HEX_CHARS = 16
FAILURE_ID_HEX_CHARS = 16
MIN_EVENT_ID_PREFIX_CHARS = 6
SQLITE_BUSY_TIMEOUT_MS = 30_000
IN_CLAUSE_CHUNK = 500  # ids per "IN (...)" list; well under SQLite's parameter limit
WRITE_ATTEMPTS = 5  # a PostgreSQL batch aborted by a deadlock or serialization failure is retried
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
_SCHEMA_LOCK_ID = 0x5175_7265_7000  # pg advisory lock held while creating or upgrading the schema
PG_SEARCH_MAX_CHARS = 500_000  # text indexed per document (a tsvector holds at most 1 MB)
READ_CHUNK_EVENTS = 500
_WORD_EDGE_PUNCTUATION = string.punctuation + "“”‘’«»"

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


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store keeps it: the record plus the date warnings found for it."""

    document: Document
    date_warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventDetail:
    """One event with the mentions it was fused from and the documents they came from."""

    event: Event
    mentions: tuple[EventMention, ...]
    documents: tuple[Document, ...]


def document_key(document: Document) -> str:
    """Content id of a document: sha256 of its whitespace-normalised text, 16 hex chars."""
    normalised = " ".join(document.text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:DOC_KEY_HEX_CHARS]


def failure_key(failure: Failure) -> str:
    """Content id of a failure, so recording the same failure twice keeps one row."""
    parts = json.dumps([failure.origin, failure.reason, failure.doc_id], ensure_ascii=False)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()[:FAILURE_ID_HEX_CHARS]


@dataclass(frozen=True)
class EventQuery:
    """Filters over stored events (the web view's); None or blank means no filter.

    ``country`` is an ISO alpha-2 code; ``since``/``until`` are inclusive; ``actor`` is a
    case-insensitive substring of any actor or associated actor; ``text`` searches the
    events' documents as ``list_events`` does.
    """

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    include_background: bool = False


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


class Store:
    """A sitrep database. Use ``open_store`` to get one; ``close`` it when done."""

    def __init__(self, engine: Engine, *, shown: str, has_fts: bool) -> None:
        self._engine = engine
        self._shown = shown
        self._has_fts = has_fts

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._shown!r})"

    @property
    def dialect(self) -> str:
        """The SQLAlchemy dialect: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        """The full SQLAlchemy URL, password included: for worker processes to connect."""
        return self._engine.url.render_as_string(hide_password=False)

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    # ---- writing -------------------------------------------------------------------

    def write_batch(
        self,
        *,
        documents: Sequence[StoredDocument],
        mentions: Sequence[EventMention],
        events: Sequence[Event],
        failures: Sequence[Failure],
        units: Sequence[LinkUnit] = (),
        pending_units: Sequence[LinkUnit] = (),
    ) -> None:
        """Upsert one batch in one transaction.

        ``units`` (from ``link.link_events``) replace the stored units with their ids, and
        the units of re-written documents that the batch does not repeat; ``pending_units``
        likewise, marked as not linked yet (the fusion step links them).

        A document written again loses the mentions it no longer has (and their links
        and claims); events left with no mention are deleted. Every mention's ``doc_id``
        must name a document in this batch or already stored; every event's
        ``mention_ids`` must name mentions in this batch or already stored.
        """
        docs_by_key = {document_key(d.document): d for d in documents}
        mentions_by_id = {m.id: m for m in mentions}
        events_by_id = {e.id: e for e in events}
        now = dt.datetime.now(dt.UTC)
        # Concurrent writers (several extract runs or cluster workers on one PostgreSQL
        # database): each batch first takes a transaction-scoped advisory lock per document
        # key, in key order, so two batches sharing a document take turns instead of
        # interleaving their deletes and upserts; rows are upserted in key order too. A
        # batch that still loses a deadlock or serialization check is retried whole.
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._engine.begin() as conn:
                    self._lock_documents(conn, docs_by_key)
                    self._write_batch_rows(conn, docs_by_key, mentions_by_id, events_by_id,
                                           failures, (units, pending_units), now)
                return
            except sa.exc.DBAPIError as err:
                sqlstate = getattr(err.orig, "sqlstate", None)
                if sqlstate in _RETRYABLE_SQLSTATES and attempt < WRITE_ATTEMPTS:
                    continue
                raise _store_error(err, self._shown) from err

    @contextmanager
    def link_lock(self, keys: Iterable[str]) -> Iterator[None]:
        """Hold these blocking keys (countries) against other writers, in any process.

        Linking reads the stored events of a block and then writes; two writers doing that
        at once for one block would each miss the other's report of the same event. Around
        inline linking and ``write_batch``, and around a whole fusion step (whose tasks,
        in other processes, write without it): PostgreSQL takes session advisory locks in
        key order (writers in different countries do not wait for each other); SQLite,
        whose writes take turns anyway, locks a file beside the database.
        """
        wanted = sorted(set(keys))
        if not wanted or self._engine.url.database in (None, "", ":memory:"):
            yield
            return
        if self.dialect != "postgresql":
            with _file_lock(Path(f"{self._engine.url.database}.link-lock"), self._shown):
                yield
            return
        with self._connect() as conn:
            try:
                conn.execute(
                    sa.text("SELECT pg_advisory_lock(:lock_id)"),
                    [{"lock_id": _document_lock_id(f"link:{key}")} for key in wanted],
                )
                conn.commit()
                yield
            finally:
                conn.rollback()
                conn.execute(sa.text("SELECT pg_advisory_unlock_all()"))
                conn.commit()

    def _lock_documents(self, conn: Connection, docs_by_key: Mapping[str, StoredDocument]) -> None:
        if self.dialect != "postgresql" or not docs_by_key:
            return
        conn.execute(
            sa.text("SELECT pg_advisory_xact_lock(:lock_id)"),
            [{"lock_id": _document_lock_id(key)} for key in sorted(docs_by_key)],
        )

    def _write_batch_rows(
        self,
        conn: Connection,
        docs_by_key: Mapping[str, StoredDocument],
        mentions_by_id: Mapping[str, EventMention],
        events_by_id: Mapping[str, Event],
        failures: Sequence[Failure],
        units: tuple[Sequence[LinkUnit], Sequence[LinkUnit]],
        now: dt.datetime,
    ) -> None:
        key_of_doc_id = self._resolve_mention_documents(conn, docs_by_key, mentions_by_id.values())
        self._upsert_documents(conn, docs_by_key, now)
        orphan_candidates = self._delete_replaced_mentions(conn, docs_by_key, mentions_by_id)
        self._upsert_mentions(conn, mentions_by_id.values(), key_of_doc_id)
        self._check_event_mentions(conn, events_by_id.values(), mentions_by_id)
        orphan_candidates |= self._upsert_events(conn, events_by_id.values(), now)
        self._delete_orphan_events(conn, orphan_candidates - set(events_by_id))
        self._upsert_failures(conn, failures, now)
        self._upsert_link_units(conn, units, docs_by_key)

    def _resolve_mention_documents(
        self,
        conn: Connection,
        docs_by_key: Mapping[str, StoredDocument],
        batch_mentions: Iterable[EventMention],
    ) -> dict[str, str]:
        """Map each mention's doc_id (the external id) to a stored document key."""
        keys_by_id: dict[str, set[str]] = {}
        for key, stored in docs_by_key.items():
            keys_by_id.setdefault(stored.document.id, set()).add(key)
        resolved: dict[str, str] = {}
        needed = {m.doc_id for m in batch_mentions}
        for doc_id in sorted(needed):
            keys = keys_by_id.get(doc_id)
            if keys is not None and len(keys) > 1:
                raise StoreError(
                    f"Two documents with different text share the id {doc_id!r} in one "
                    "batch, so their events cannot be told apart. Give each document a "
                    "unique id."
                )
            if keys is not None:
                resolved[doc_id] = next(iter(keys))
                continue
            stored_key = conn.execute(
                sa.select(documents.c.doc_key)
                .where(documents.c.id == doc_id)
                .order_by(documents.c.processed_at.desc(), documents.c.doc_key)
                .limit(1)
            ).scalar()
            if stored_key is None:
                raise StoreError(
                    f"An event mention names document {doc_id!r}, which is neither in the "
                    f"batch nor in {self._shown}. Write the document with its mentions."
                )
            resolved[doc_id] = stored_key
        return resolved

    def _upsert_documents(
        self, conn: Connection, docs_by_key: Mapping[str, StoredDocument], now: dt.datetime
    ) -> None:
        rows = [_document_row(key, stored, processed_at=now) for key, stored in docs_by_key.items()]
        # FTS5 cannot index doc_key, so deleting by it scans the whole text index: only
        # documents stored before (a re-write) have full-text rows to replace.
        rewritten = []
        if self._has_fts and rows:
            for chunk in _chunks(list(docs_by_key)):
                rewritten += conn.execute(
                    sa.select(documents.c.doc_key).where(documents.c.doc_key.in_(chunk))
                ).scalars().all()
        self._upsert(conn, documents, rows, key=("doc_key",))
        if self._has_fts and rows:
            for chunk in _chunks(rewritten):
                conn.execute(sa.delete(documents_fts).where(documents_fts.c.doc_key.in_(chunk)))
            conn.execute(
                sa.insert(documents_fts),
                [{"doc_key": r["doc_key"], "title": r["title"], "text": r["text"]} for r in rows],
            )

    def _delete_replaced_mentions(
        self,
        conn: Connection,
        docs_by_key: Mapping[str, StoredDocument],
        mentions_by_id: Mapping[str, EventMention],
    ) -> set[str]:
        """Delete stored mentions of re-written documents that the batch does not repeat.

        Returns the ids of events that lost a link, to check for orphans afterwards.
        """
        if not docs_by_key:
            return set()
        stale: list[str] = []
        for chunk in _chunks(list(docs_by_key)):
            stored_ids = conn.execute(
                sa.select(event_mentions.c.id).where(event_mentions.c.doc_key.in_(chunk))
            ).scalars()
            stale.extend(m for m in stored_ids if m not in mentions_by_id)
        affected: set[str] = set()
        for chunk in _chunks(stale):
            affected.update(
                conn.execute(
                    sa.select(event_mention_links.c.event_id).where(
                        event_mention_links.c.mention_id.in_(chunk)
                    )
                ).scalars()
            )
            conn.execute(
                sa.delete(event_mention_links).where(event_mention_links.c.mention_id.in_(chunk))
            )
            conn.execute(sa.delete(claims).where(claims.c.mention_id.in_(chunk)))
            conn.execute(sa.delete(event_mentions).where(event_mentions.c.id.in_(chunk)))
        return affected

    def _upsert_mentions(
        self,
        conn: Connection,
        batch_mentions: Iterable[EventMention],
        key_of_doc_id: Mapping[str, str],
    ) -> None:
        batch = list(batch_mentions)
        rows = [_mention_row(m, doc_key=key_of_doc_id[m.doc_id]) for m in batch]
        self._upsert(conn, event_mentions, rows, key=("id",))
        for chunk in _chunks([m.id for m in batch]):
            conn.execute(sa.delete(claims).where(claims.c.mention_id.in_(chunk)))
        claim_rows = [
            _claim_row(m.id, position, claim)
            for m in batch
            for position, claim in enumerate(m.claims)
        ]
        if claim_rows:
            conn.execute(sa.insert(claims), claim_rows)

    def _check_event_mentions(
        self,
        conn: Connection,
        batch_events: Iterable[Event],
        mentions_by_id: Mapping[str, EventMention],
    ) -> None:
        wanted = {m for e in batch_events for m in e.mention_ids if m not in mentions_by_id}
        found: set[str] = set()
        for chunk in _chunks(sorted(wanted)):
            found.update(
                conn.execute(
                    sa.select(event_mentions.c.id).where(event_mentions.c.id.in_(chunk))
                ).scalars()
            )
        missing = sorted(wanted - found)
        if missing:
            raise StoreError(
                f"Events link {len(missing)} mention(s) that are not stored, e.g. "
                f"{missing[0]!r}. Write mentions in the same batch as their events, or "
                "an earlier one."
            )

    def _upsert_events(
        self, conn: Connection, batch_events: Iterable[Event], now: dt.datetime
    ) -> set[str]:
        """Upsert events and replace their links. Returns events that lost a mention."""
        batch = list(batch_events)
        self._upsert(conn, events, [_event_row(e, updated_at=now) for e in batch], key=("id",))
        for chunk in _chunks([e.id for e in batch]):
            conn.execute(
                sa.delete(event_mention_links).where(event_mention_links.c.event_id.in_(chunk))
            )
        # A mention belongs to one event: a mention that moved leaves its old event.
        moved = [m for e in batch for m in e.mention_ids]
        losers: set[str] = set()
        for chunk in _chunks(sorted(set(moved))):
            losers.update(
                conn.execute(
                    sa.select(event_mention_links.c.event_id).where(
                        event_mention_links.c.mention_id.in_(chunk)
                    )
                ).scalars()
            )
            conn.execute(
                sa.delete(event_mention_links).where(event_mention_links.c.mention_id.in_(chunk))
            )
        link_rows = [
            {"event_id": e.id, "mention_id": mention_id, "position": position}
            for e in batch
            for position, mention_id in enumerate(dict.fromkeys(e.mention_ids))
        ]
        if link_rows:
            conn.execute(sa.insert(event_mention_links), link_rows)
        return losers

    def _delete_orphan_events(self, conn: Connection, candidates: set[str]) -> None:
        for chunk in _chunks(sorted(candidates)):
            linked = sa.select(event_mention_links.c.event_id).where(
                event_mention_links.c.event_id == events.c.id
            )
            conn.execute(sa.delete(events).where(events.c.id.in_(chunk), ~linked.exists()))

    def _upsert_failures(
        self, conn: Connection, batch_failures: Sequence[Failure], now: dt.datetime
    ) -> None:
        rows = {
            failure_key(f): {
                "id": failure_key(f),
                "origin": f.origin,
                "reason": f.reason,
                "doc_id": f.doc_id,
                "at": now,
            }
            for f in batch_failures
        }
        self._upsert(conn, failures, list(rows.values()), key=("id",))

    def _upsert_link_units(
        self,
        conn: Connection,
        units: tuple[Sequence[LinkUnit], Sequence[LinkUnit]],
        docs_by_key: Mapping[str, StoredDocument],
    ) -> None:
        """Upsert (linked, pending) units; drop the old units of re-written documents the
        batch lacks."""
        linked, pending = units
        keep = {u.id for u in (*linked, *pending)}
        doc_ids = sorted({d.document.id for d in docs_by_key.values()})
        for chunk in _chunks(doc_ids):
            stale = [
                unit_id
                for unit_id in conn.execute(
                    sa.select(link_units.c.id).where(link_units.c.doc_id.in_(chunk))
                ).scalars()
                if unit_id not in keep
            ]
            for stale_chunk in _chunks(stale):
                conn.execute(sa.delete(link_units).where(link_units.c.id.in_(stale_chunk)))
        rows = [_link_unit_row(u, is_linked=True) for u in linked]
        rows += [_link_unit_row(u, is_linked=False) for u in pending]
        self._upsert(conn, link_units, rows, key=("id",))

    def _upsert(
        self,
        conn: Connection,
        table: sa.Table,
        rows: list[dict[str, Any]],
        *,
        key: tuple[str, ...],
    ) -> None:
        """INSERT ... ON CONFLICT (key) DO UPDATE every other column (SQLite and PostgreSQL)."""
        if not rows:
            return
        rows = sorted(rows, key=lambda row: tuple(str(row[name]) for name in key))
        dialect = sqlite_dialect if self.dialect == "sqlite" else pg_dialect
        statement = dialect.insert(table)
        updates = {
            column.name: statement.excluded[column.name]
            for column in table.columns
            if column.name not in key
        }
        conn.execute(statement.on_conflict_do_update(index_elements=key, set_=updates), rows)

    # ---- reading -------------------------------------------------------------------

    def has_document(self, doc_key: str) -> bool:
        """Whether a document with this content key is stored (to resume a killed run)."""
        with self._connect() as conn:
            found = conn.execute(
                sa.select(documents.c.doc_key).where(documents.c.doc_key == doc_key)
            ).first()
        return found is not None

    def document_keys(self) -> set[str]:
        """Content keys of every stored document."""
        with self._connect() as conn:
            return set(conn.execute(sa.select(documents.c.doc_key)).scalars())

    def stored_document_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these content keys are stored (a worker's resume check, per batch)."""
        found: set[str] = set()
        with self._connect() as conn:
            for chunk in _chunks(sorted(set(keys))):
                found.update(
                    conn.execute(
                        sa.select(documents.c.doc_key).where(documents.c.doc_key.in_(chunk))
                    ).scalars()
                )
        return found

    def get_document(self, doc_key: str) -> StoredDocument | None:
        """The stored document with this content key, or None."""
        with self._connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.doc_key == doc_key)).first()
        return None if row is None else _stored_document_from_row(row)

    def document_sources(self) -> dict[str, str]:
        """Map each stored document's external id to its source name (for the CSV export)."""
        with self._connect() as conn:
            rows = conn.execute(
                sa.select(documents.c.id, documents.c.source)
                .where(documents.c.source.is_not(None))
                .order_by(documents.c.processed_at, documents.c.doc_key)
            )
            return {row.id: row.source for row in rows}

    def list_mentions(self, *, doc_key: str | None = None) -> list[EventMention]:
        """Stored mentions, optionally of one document, ordered by document key and id."""
        statement = sa.select(event_mentions).order_by(
            event_mentions.c.doc_key, event_mentions.c.id
        )
        if doc_key is not None:
            statement = statement.where(event_mentions.c.doc_key == doc_key)
        with self._connect() as conn:
            return [_mention_from_row(row) for row in conn.execute(statement)]

    def find_link_candidates(self, unit: LinkUnit) -> list[LinkUnit]:
        """Stored linked units in ``unit``'s block: same country, compatible admin1, date
        spans within ``link.MAX_DATE_GAP_DAYS`` (spans are at most
        ``link.MAX_UNIT_SPAN_DAYS`` long, which bounds the indexed range scan). Ordered by
        id. Pending units are left to the fusion step, which compares them with these."""
        from sitrep.link import MAX_DATE_GAP_DAYS, MAX_UNIT_SPAN_DAYS

        if unit.country is None or unit.date_start is None or unit.date_end is None:
            return []
        gap = dt.timedelta(days=MAX_DATE_GAP_DAYS)
        earliest = unit.date_start - gap - dt.timedelta(days=MAX_UNIT_SPAN_DAYS)
        in_block = sa.select(link_units.c.id).where(
            link_units.c.country == unit.country,
            link_units.c.date_start.between(earliest, unit.date_end + gap),
            link_units.c.date_end >= unit.date_start - gap,
        )
        if unit.admin1 is not None:
            in_block = in_block.where(
                sa.or_(link_units.c.admin1 == unit.admin1, link_units.c.admin1.is_(None))
            )
        found: list[LinkUnit] = []
        with self._connect() as conn:
            ids = sorted(conn.execute(in_block).scalars())  # from the index alone
            for chunk in _chunks(ids):
                found.extend(
                    _link_unit_from_row(r)
                    for r in conn.execute(
                        sa.select(link_units).where(link_units.c.id.in_(chunk),
                                                    link_units.c.is_linked)
                    )
                )
        return sorted(found, key=lambda u: u.id)

    def pending_link_countries(self) -> list[str]:
        """Countries with units not yet linked, sorted (the fusion step locks them)."""
        with self._connect() as conn:
            return list(conn.execute(
                sa.select(link_units.c.country).distinct()
                .where(~link_units.c.is_linked, link_units.c.country.is_not(None))
                .order_by(link_units.c.country)
            ).scalars())

    def pending_link_days(
        self, countries: Sequence[str]
    ) -> list[tuple[str, str | None, dt.date, int]]:
        """(country, admin1, first day of span, units) of the pending units that can be
        linked (a country and a date) in these countries."""
        with self._connect() as conn:
            rows = conn.execute(
                sa.select(link_units.c.country, link_units.c.admin1, link_units.c.date_start,
                          sa.func.count())
                .where(~link_units.c.is_linked, link_units.c.country.in_(sorted(countries)),
                       link_units.c.date_start.is_not(None),
                       link_units.c.date_end.is_not(None))
                .group_by(link_units.c.country, link_units.c.admin1, link_units.c.date_start)
            ).all()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def list_pending_units(
        self, *, country: str, admin1: str | None, first_day: dt.date, last_day: dt.date
    ) -> list[LinkUnit]:
        """Pending units of a country and an admin area (None: those with none) whose spans
        start in [first_day, last_day], ordered by id."""
        same_area = (link_units.c.admin1.is_(None) if admin1 is None
                     else link_units.c.admin1 == admin1)
        statement = sa.select(link_units).where(
            ~link_units.c.is_linked, link_units.c.country == country, same_area,
            link_units.c.date_start.between(first_day, last_day),
            link_units.c.date_end.is_not(None),
        ).order_by(link_units.c.id)
        with self._connect() as conn:
            return [_link_unit_from_row(r) for r in conn.execute(statement)]

    def list_units_near(
        self,
        *,
        country: str,
        admin1: str | None,
        start_range: tuple[dt.date, dt.date],
        earliest_end: dt.date,
    ) -> list[tuple[LinkUnit, bool]]:
        """Every unit (with whether it is linked) of a country whose span starts in
        ``start_range`` and ends on ``earliest_end`` or later, in admin area ``admin1`` or
        none (any admin area when ``admin1`` is None), ordered by id."""
        statement = sa.select(link_units).where(
            link_units.c.country == country,
            link_units.c.date_start.between(*start_range),
            link_units.c.date_end >= earliest_end,
        ).order_by(link_units.c.id)
        if admin1 is not None:
            statement = statement.where(
                sa.or_(link_units.c.admin1 == admin1, link_units.c.admin1.is_(None))
            )
        with self._connect() as conn:
            return [(_link_unit_from_row(r), bool(r.is_linked)) for r in conn.execute(statement)]

    def get_pending_units(self, unit_ids: Sequence[str]) -> dict[str, LinkUnit]:
        """The units with these ids that are still pending, by id."""
        found: dict[str, LinkUnit] = {}
        with self._connect() as conn:
            for chunk in _chunks(sorted(set(unit_ids))):
                found.update(
                    (r.id, _link_unit_from_row(r))
                    for r in conn.execute(
                        sa.select(link_units).where(link_units.c.id.in_(chunk),
                                                    ~link_units.c.is_linked)
                    )
                )
        return found

    def count_pending_units(self) -> int:
        """Units not yet linked by the fusion step."""
        with self._connect() as conn:
            return conn.execute(
                sa.select(sa.func.count()).select_from(link_units).where(~link_units.c.is_linked)
            ).scalar_one()

    def list_link_units(self, *, event_ids: Sequence[str]) -> list[LinkUnit]:
        """Every stored unit of these fused events, ordered by event id, then unit id."""
        found: list[LinkUnit] = []
        with self._connect() as conn:
            for chunk in _chunks(sorted(set(event_ids))):
                found.extend(
                    _link_unit_from_row(r)
                    for r in conn.execute(
                        sa.select(link_units)
                        .where(link_units.c.event_id.in_(chunk))
                        .order_by(link_units.c.event_id, link_units.c.id)
                    )
                )
        return found

    def get_mentions(self, mention_ids: Sequence[str]) -> list[EventMention]:
        """The stored mentions with these ids, in the order asked (missing ones left out)."""
        rows: dict[str, Row[Any]] = {}
        with self._connect() as conn:
            for chunk in _chunks(sorted(set(mention_ids))):
                rows.update(
                    (r.id, r)
                    for r in conn.execute(
                        sa.select(event_mentions).where(event_mentions.c.id.in_(chunk))
                    )
                )
        return [_mention_from_row(rows[m]) for m in dict.fromkeys(mention_ids) if m in rows]

    def list_events(
        self,
        *,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event_type: str | None = None,
        include_background: bool = False,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events matching every given filter, newest first (undated last), then by id.

        ``country`` is an ISO 3166-1 alpha-2 code; ``since``/``until`` are inclusive;
        ``text`` searches the events' documents (title and text; blank means no filter).
        """
        statement = self._events_query(
            country=country,
            since=since,
            until=until,
            event_type=event_type,
            include_background=include_background,
            text=text,
        )
        statement = statement.limit(limit).offset(offset or None)
        with self._connect() as conn:
            rows = list(conn.execute(statement))
            return self._events_from_rows(conn, rows)

    def iter_events(
        self,
        *,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event_type: str | None = None,
        include_background: bool = False,
        text: str | None = None,
    ) -> Iterator[Event]:
        """Every matching event in ``list_events`` order, read in chunks (for exports)."""
        statement = self._events_query(
            country=country,
            since=since,
            until=until,
            event_type=event_type,
            include_background=include_background,
            text=text,
        ).with_only_columns(events.c.id)
        with self._connect() as conn:
            ids = list(conn.execute(statement).scalars())
        for chunk in _chunks(ids, size=READ_CHUNK_EVENTS):
            with self._connect() as conn:
                rows = conn.execute(sa.select(events).where(events.c.id.in_(chunk))).all()
                by_id = {event.id: event for event in self._events_from_rows(conn, rows)}
            yield from (by_id[event_id] for event_id in chunk if event_id in by_id)

    def get_event(self, event_id: str) -> EventDetail:
        """One event with its mentions and documents; a unique id prefix (6+ chars) works."""
        with self._connect() as conn:
            row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
            if row is None:
                row = self._find_event_by_prefix(conn, event_id)
            (event,) = self._events_from_rows(conn, [row])
            mention_rows = {
                r.id: r
                for chunk in _chunks(list(event.mention_ids))
                for r in conn.execute(
                    sa.select(event_mentions).where(event_mentions.c.id.in_(chunk))
                )
            }
            ordered = [mention_rows[m] for m in event.mention_ids if m in mention_rows]
            doc_keys = list(dict.fromkeys(r.doc_key for r in ordered))
            doc_rows = {
                r.doc_key: r
                for chunk in _chunks(doc_keys)
                for r in conn.execute(sa.select(documents).where(documents.c.doc_key.in_(chunk)))
            }
        return EventDetail(
            event=event,
            mentions=tuple(_mention_from_row(r) for r in ordered),
            documents=tuple(
                _stored_document_from_row(doc_rows[k]).document for k in doc_keys if k in doc_rows
            ),
        )

    def _find_event_by_prefix(self, conn: Connection, event_id: str) -> Row[Any]:
        not_found = EventNotFound(
            f"No event with id {event_id!r} in {self._shown}. "
            "Run `sitrep events` to list event ids."
        )
        if len(event_id) < MIN_EVENT_ID_PREFIX_CHARS:
            raise not_found
        candidates = [
            r
            for r in conn.execute(
                sa.select(events)
                .where(events.c.id.startswith(event_id, autoescape=True))
                .order_by(events.c.id)
                .limit(10)
            )
            if r.id.startswith(event_id)  # SQLite's LIKE ignores case; ids do not
        ]
        if not candidates:
            raise not_found
        if len(candidates) > 1:
            shown = ", ".join(r.id for r in candidates[:3])
            raise EventNotFound(
                f"Event id prefix {event_id!r} matches {len(candidates)} events ({shown}, ...). "
                "Give more characters of the id; `sitrep events` lists them."
            )
        return candidates[0]

    def search_documents(self, query: str, *, limit: int = 20) -> list[Document]:
        """Documents whose title or text contain every word of ``query``, best first."""
        if not query.split():
            return []
        if self._has_fts:
            statement = (
                sa.select(documents)
                .join(documents_fts, documents_fts.c.doc_key == documents.c.doc_key)
                .where(_fts_match(query))
                .order_by(sa.literal_column("documents_fts.rank"), documents.c.doc_key)
            )
        elif self.dialect == "postgresql":
            statement = (
                sa.select(documents)
                .where(_pg_search_match(query))
                .order_by(_pg_search_rank(query).desc(), documents.c.doc_key)
            )
        else:
            statement = (
                sa.select(documents)
                .where(_like_match(query))
                .order_by(documents.c.date.desc().nulls_last(), documents.c.doc_key)
            )
        statement = statement.limit(limit)
        with self._connect() as conn:
            return [_stored_document_from_row(r).document for r in conn.execute(statement)]

    def list_failures(self) -> list[Failure]:
        """Every recorded failure, oldest first."""
        with self._connect() as conn:
            rows = conn.execute(sa.select(failures).order_by(failures.c.at, failures.c.id))
            return [Failure(origin=r.origin, reason=r.reason, doc_id=r.doc_id) for r in rows]

    def count_rows(self) -> dict[str, int]:
        """Row count of each table, by table name."""
        with self._connect() as conn:
            return {
                table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in COUNTED_TABLES
            }

    # ---- reading for the web view ------------------------------------------------------

    def find_events(
        self, query: EventQuery, *, limit: int | None = None, offset: int = 0
    ) -> tuple[list[Event], int]:
        """One page of the events matching ``query``, in ``list_events`` order, and their total."""
        statement = self._event_query_statement(query)
        counted = sa.select(sa.func.count()).select_from(statement.order_by(None).subquery())
        with self._connect() as conn:
            total = conn.execute(counted).scalar_one()
            rows = list(conn.execute(statement.limit(limit).offset(offset or None)))
            return self._events_from_rows(conn, rows), total

    def count_events_by_date(self, query: EventQuery) -> list[tuple[dt.date | None, int]]:
        """How many events match ``query`` on each date, oldest first, undated last."""
        matching = (
            self._event_query_statement(query)
            .order_by(None)
            .with_only_columns(events.c.date)
            .subquery()
        )
        statement = (
            sa.select(matching.c.date, sa.func.count())
            .group_by(matching.c.date)
            .order_by(matching.c.date.nulls_last())
        )
        with self._connect() as conn:
            return [(row[0], row[1]) for row in conn.execute(statement)]

    def event_facets(self) -> dict[str, list[str]]:
        """The distinct ``country`` codes and ``event_type`` names of stored events, sorted."""
        with self._connect() as conn:
            return {
                column.name: sorted(
                    conn.execute(sa.select(column).where(column.is_not(None)).distinct()).scalars()
                )
                for column in (events.c.country, events.c.event_type)
            }

    def list_documents(
        self, *, limit: int | None = None, offset: int = 0
    ) -> tuple[list[tuple[str, StoredDocument]], int]:
        """One page of (content key, document), newest first then by key, and the total."""
        statement = (
            sa.select(documents)
            .order_by(documents.c.date.desc().nulls_last(), documents.c.doc_key)
            .limit(limit)
            .offset(offset or None)
        )
        with self._connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
            page = [(r.doc_key, _stored_document_from_row(r)) for r in conn.execute(statement)]
        return page, total

    def document_event_ids(self, doc_keys: Sequence[str]) -> dict[str, list[str]]:
        """For each document key, the ids of the events its mentions belong to, sorted."""
        found: dict[str, set[str]] = {key: set() for key in doc_keys}
        with self._connect() as conn:
            for chunk in _chunks(list(doc_keys)):
                for row in conn.execute(
                    sa.select(event_mentions.c.doc_key, event_mention_links.c.event_id)
                    .join(
                        event_mention_links,
                        event_mention_links.c.mention_id == event_mentions.c.id,
                    )
                    .where(event_mentions.c.doc_key.in_(chunk))
                ):
                    found[row.doc_key].add(row.event_id)
        return {key: sorted(ids) for key, ids in found.items()}

    def event_ids_of_mentions(self, mention_ids: Sequence[str]) -> dict[str, str]:
        """Map each linked mention id to the id of the event it belongs to."""
        with self._connect() as conn:
            return {
                row.mention_id: row.event_id
                for chunk in _chunks(list(mention_ids))
                for row in conn.execute(
                    sa.select(event_mention_links.c.mention_id, event_mention_links.c.event_id)
                    .where(event_mention_links.c.mention_id.in_(chunk))
                )
            }

    def _event_query_statement(self, query: EventQuery) -> sa.Select[Any]:
        statement = self._events_query(
            country=(query.country or "").strip() or None,
            since=query.since,
            until=query.until,
            event_type=query.event_type or None,
            include_background=query.include_background,
            text=query.text,
        )
        actor = (query.actor or "").strip()
        if actor:
            statement = statement.where(
                sa.or_(
                    *(
                        column.icontains(actor, autoescape=True)
                        for column in (
                            events.c.actor1,
                            events.c.assoc_actor_1,
                            events.c.actor2,
                            events.c.assoc_actor_2,
                        )
                    )
                )
            )
        return statement

    # ---- helpers -------------------------------------------------------------------

    def _events_query(
        self,
        *,
        country: str | None,
        since: dt.date | None,
        until: dt.date | None,
        event_type: str | None,
        include_background: bool,
        text: str | None,
    ) -> sa.Select[Any]:
        statement = sa.select(events).order_by(events.c.date.desc().nulls_last(), events.c.id)
        if country is not None:
            statement = statement.where(events.c.country == country.strip().upper())
        if since is not None:
            statement = statement.where(events.c.date >= since)
        if until is not None:
            statement = statement.where(events.c.date <= until)
        if event_type is not None:
            statement = statement.where(events.c.event_type == event_type)
        if not include_background:
            statement = statement.where(events.c.is_background.is_(False))
        if text is not None and text.strip():
            matching_docs = self._matching_doc_keys(text)
            statement = statement.where(
                events.c.id.in_(
                    sa.select(event_mention_links.c.event_id)
                    .join(event_mentions, event_mentions.c.id == event_mention_links.c.mention_id)
                    .where(event_mentions.c.doc_key.in_(matching_docs))
                )
            )
        return statement

    def _matching_doc_keys(self, query: str) -> sa.Select[Any]:
        if self._has_fts:
            return sa.select(documents_fts.c.doc_key).where(_fts_match(query))
        if self.dialect == "postgresql":
            return sa.select(documents.c.doc_key).where(_pg_search_match(query))
        return sa.select(documents.c.doc_key).where(_like_match(query))

    def _events_from_rows(self, conn: Connection, rows: Sequence[Row[Any]]) -> list[Event]:
        links: dict[str, list[str]] = {}
        for chunk in _chunks([r.id for r in rows]):
            for link in conn.execute(
                sa.select(event_mention_links.c.event_id, event_mention_links.c.mention_id)
                .where(event_mention_links.c.event_id.in_(chunk))
                .order_by(event_mention_links.c.event_id, event_mention_links.c.position)
            ):
                links.setdefault(link.event_id, []).append(link.mention_id)
        return [_event_from_row(r, mention_ids=tuple(links.get(r.id, ()))) for r in rows]

    def _connect(self) -> AbstractContextManager[Connection]:
        return _driver_errors(self._engine.connect, self._shown)

    def _begin(self) -> AbstractContextManager[Connection]:
        return _driver_errors(self._engine.begin, self._shown)


@contextmanager
def _driver_errors(opener: Callable[[], Any], shown: str) -> Iterator[Connection]:
    """Run ``with opener() as conn`` and turn driver errors into StoreError."""
    try:
        with opener() as conn:
            yield conn
    except sa.exc.DBAPIError as err:
        raise _store_error(err, shown) from err


def _store_error(err: sa.exc.DBAPIError, shown: str) -> StoreError:
    # One line for the CLI, ending in exactly one full stop or question mark.
    detail = " ".join(str(err.orig).split()).rstrip(".") or type(err.orig).__name__
    detail = detail if detail.endswith(("?", "!")) else detail + "."
    if isinstance(err, sa.exc.IntegrityError):
        return StoreError(f"Database {shown} rejected a write: {detail} This is a bug; report it.")
    return StoreError(
        f"Database {shown} failed: {detail} Check the path or URL, that the file is "
        "writable or the server is running, and that no other program holds a lock on it."
    )


# ---- schema ----------------------------------------------------------------------------


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
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _configure_readonly_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS:d}")
    finally:
        cursor.close()


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


def _pg_search_query(query: str) -> sa.ColumnElement[Any]:
    """``plainto_tsquery``: every word must occur; operators in user text are plain words."""
    return sa.func.plainto_tsquery(
        sa.literal_column("'simple'::regconfig"), sa.literal(query, sa.Text)
    )


def _pg_search_match(query: str) -> sa.ColumnElement[bool]:
    words = [w.strip(_WORD_EDGE_PUNCTUATION) for w in query.split()]
    if not any(words):  # only punctuation: nothing to find (as FTS5 and LIKE)
        return sa.false()
    vector = sa.literal_column("documents.search_vector")
    return vector.op("@@")(_pg_search_query(query))


def _pg_search_rank(query: str) -> sa.ColumnElement[Any]:
    return sa.func.ts_rank(sa.literal_column("documents.search_vector"), _pg_search_query(query))


@contextmanager
def _file_lock(path: Path, shown: str) -> Iterator[None]:
    """An exclusive lock on ``path`` (created if needed) across processes on this machine."""
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking is all there is
        yield
        return
    try:
        file = path.open("a")
    except OSError as err:
        raise StoreError(
            f"Cannot create the lock file {path} beside database {shown}: {err.strerror}. "
            "Make the database's folder writable."
        ) from err
    with file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


def _document_lock_id(doc_key: str) -> int:
    """A PostgreSQL advisory lock id (signed 64-bit) for a document's content key."""
    return int.from_bytes(hashlib.sha256(doc_key.encode()).digest()[:8], "big", signed=True)


def _fts_match(query: str) -> sa.ColumnElement[bool]:
    """``documents_fts MATCH :query`` with every word quoted, so user text is never syntax."""
    quoted = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
    return sa.literal_column("documents_fts").op("MATCH")(sa.literal(quoted, sa.Text))


def _like_match(query: str) -> sa.ColumnElement[bool]:
    """Every word of ``query`` in the title or the text, ignoring case (PostgreSQL for now).

    Punctuation around a word is dropped, as FTS5's tokenizer would; a query of
    punctuation only matches nothing.
    """
    words = [w.strip(_WORD_EDGE_PUNCTUATION) for w in query.split()]
    words = [w for w in words if w]
    if not words:
        return sa.false()
    return sa.and_(
        *(
            sa.or_(
                documents.c.title.icontains(word, autoescape=True),
                documents.c.text.icontains(word, autoescape=True),
            )
            for word in words
        )
    )


# ---- rows <-> records -------------------------------------------------------------------


def _chunks(items: Sequence[str], *, size: int = IN_CLAUSE_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


# Record fields stored in a column of the same name; the others are flattened (location)
# or JSON (tuples of claims, flags, evidence, ids).
_NOT_SCALAR = frozenset({"location", "claims", "flags", "evidence", "mention_ids", "doc_ids"})
_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
_MENTION_SCALARS = tuple(f.name for f in fields(EventMention) if f.name not in _NOT_SCALAR)
_EVENT_SCALARS = tuple(f.name for f in fields(Event) if f.name not in _NOT_SCALAR)


def _document_row(key: str, stored: StoredDocument, *, processed_at: dt.datetime) -> dict[str, Any]:
    return {
        "doc_key": key,
        **{name: getattr(stored.document, name) for name in _DOCUMENT_FIELDS},
        "date_warnings": list(stored.date_warnings),
        "processed_at": processed_at,
    }


def _stored_document_from_row(row: Row[Any]) -> StoredDocument:
    values = row._mapping
    return StoredDocument(
        document=Document(**{name: values[name] for name in _DOCUMENT_FIELDS}),
        date_warnings=tuple(values["date_warnings"]),
    )


_LOCATION_COLUMNS = {  # column -> Location field
    "location_name": "name",
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "latitude": "lat",
    "longitude": "lon",
    "geo_precision": "geo_precision",
    "geonameid": "geonameid",
}


def _location_row(location: Location | None) -> dict[str, Any]:
    return {
        column: None if location is None else getattr(location, name)
        for column, name in _LOCATION_COLUMNS.items()
    }


def _location_from_row(row: Row[Any]) -> Location | None:
    values = row._mapping
    if values["geo_precision"] is None:
        return None
    return Location(**{name: values[column] for column, name in _LOCATION_COLUMNS.items()})


def _claim_to_json(claim: Claim) -> dict[str, Any]:
    return {f.name: getattr(claim, f.name) for f in fields(Claim)}


def _claim_from_json(data: Mapping[str, Any]) -> Claim:
    return Claim(**{f.name: data.get(f.name) for f in fields(Claim)})


def _claim_row(mention_id: str, position: int, claim: Claim) -> dict[str, Any]:
    return {
        "mention_id": mention_id,
        "position": position,
        "text": claim.text,
        "attributed_to": claim.attributed_to,
        "status": claim.status,
        "start_offset": claim.start,
        "end_offset": claim.end,
        "kind": claim.kind,
        "value": claim.value,
    }


def _evidence_to_json(evidence: tuple[tuple[int, int], ...]) -> list[list[int]]:
    return [[start, end] for start, end in evidence]


def _evidence_from_json(data: list[list[int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(start), int(end)) for start, end in data)


def _mention_row(mention: EventMention, *, doc_key: str) -> dict[str, Any]:
    return {
        **{name: getattr(mention, name) for name in _MENTION_SCALARS},
        "doc_key": doc_key,
        **_location_row(mention.location),
        "claims": [_claim_to_json(c) for c in mention.claims],
        "flags": list(mention.flags),
        "evidence": _evidence_to_json(mention.evidence),
    }


def _mention_from_row(row: Row[Any]) -> EventMention:
    values = row._mapping
    return EventMention(
        **{name: values[name] for name in _MENTION_SCALARS},
        location=_location_from_row(row),
        claims=tuple(_claim_from_json(c) for c in values["claims"]),
        flags=tuple(values["flags"]),
        evidence=_evidence_from_json(values["evidence"]),
    )


def _event_row(event: Event, *, updated_at: dt.datetime) -> dict[str, Any]:
    return {
        **{name: getattr(event, name) for name in _EVENT_SCALARS},
        **_location_row(event.location),
        "claims": [_claim_to_json(c) for c in event.claims],
        "flags": list(event.flags),
        "evidence": _evidence_to_json(event.evidence),
        "doc_ids": list(event.doc_ids),
        "mention_count": len(event.mention_ids),
        "updated_at": updated_at,
    }


def _event_from_row(row: Row[Any], *, mention_ids: tuple[str, ...]) -> Event:
    values = row._mapping
    return Event(
        **{name: values[name] for name in _EVENT_SCALARS},
        location=_location_from_row(row),
        claims=tuple(_claim_from_json(c) for c in values["claims"]),
        flags=tuple(values["flags"]),
        evidence=_evidence_from_json(values["evidence"]),
        doc_ids=tuple(values["doc_ids"]),
        mention_ids=mention_ids,
    )


def _link_unit_row(unit: LinkUnit, *, is_linked: bool) -> dict[str, Any]:
    return {
        "is_linked": is_linked,
        "id": unit.id,
        "event_id": unit.event_id,
        "doc_id": unit.doc_id,
        "reported": unit.reported,
        "is_background": unit.is_background,
        "event_type": unit.event_type,
        "sub_event_type": unit.sub_event_type,
        "disorder_type": unit.disorder_type,
        "actors": list(unit.actors),
        "country": unit.country,
        "admin1": unit.admin1,
        "latitude": unit.lat,
        "longitude": unit.lon,
        "geo_precision": unit.geo_precision,
        "geonameid": unit.geonameid,
        "date_start": unit.date_start,
        "date_end": unit.date_end,
        "mention_ids": list(unit.mention_ids),
    }


def _link_unit_from_row(row: Row[Any]) -> LinkUnit:
    values = row._mapping
    return LinkUnit(
        id=values["id"],
        event_id=values["event_id"],
        doc_id=values["doc_id"],
        reported=values["reported"],
        is_background=bool(values["is_background"]),
        event_type=values["event_type"],
        sub_event_type=values["sub_event_type"],
        disorder_type=values["disorder_type"],
        actors=tuple(values["actors"]),
        country=values["country"],
        admin1=values["admin1"],
        lat=values["latitude"],
        lon=values["longitude"],
        geo_precision=values["geo_precision"],
        geonameid=values["geonameid"],
        date_start=values["date_start"],
        date_end=values["date_end"],
        mention_ids=tuple(values["mention_ids"]),
    )
