"""Store writes: batches of records -> rows, one transaction each, and the writers' locks.

Needs: a ``StoreBase`` with the schema in place, and the records of a batch (documents
with their mentions, events, failures, link units). Adds: ``StoreWrites``, the write half
of ``Store``: ``write_batch`` (upserts in key order under per-document advisory locks on
PostgreSQL, retried on deadlock) and ``link_lock`` (per-country locks around linking).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection

from sitrep.errors import StoreError
from sitrep.records import Event, EventMention, Failure, LinkUnit
from sitrep.store_base import StoreBase, _store_error
from sitrep.store_rows import (
    StoredDocument,
    _chunks,
    _claim_row,
    _document_row,
    _event_row,
    _link_unit_row,
    _mention_row,
    _stored_keys,
    document_key,
    failure_key,
)
from sitrep.store_schema import (
    claims,
    documents,
    documents_fts,
    event_mention_links,
    event_mentions,
    events,
    failures,
    link_units,
)

WRITE_ATTEMPTS = 5  # a PostgreSQL batch aborted by a deadlock or serialization failure is retried
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure


class StoreWrites(StoreBase):
    """The write half of ``Store``."""

    def write_batch(
        self,
        *,
        documents: Sequence[StoredDocument],
        mentions: Sequence[EventMention],
        events: Sequence[Event],
        failures: Sequence[Failure],
        units: Sequence[LinkUnit] = (),
        pending_units: Sequence[LinkUnit] = (),
        skip_stored: bool = False,
    ) -> frozenset[str]:
        """Upsert one batch in one transaction; return the keys of the documents skipped.

        ``units`` (from ``link.link_events``) replace the stored units with their ids, and
        the units of re-written documents that the batch does not repeat; ``pending_units``
        likewise, marked as not linked yet (the fusion step links them).

        A document written again loses the mentions it no longer has (and their links
        and claims); events left with no mention are deleted. Every mention's ``doc_id``
        must name a document in this batch or already stored; every event's
        ``mention_ids`` must name mentions in this batch or already stored.

        With ``skip_stored`` (extraction, whose runs skip stored documents), a document
        another writer stored after this batch was made is left as stored, with its
        mentions, events and units: checked under the document's lock, so two runs that
        both extracted it do not write it twice (the second write would put its mentions
        back in report-level events beside the events the fusion step linked them into).
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
                    batch = (docs_by_key, mentions_by_id, events_by_id, (units, pending_units))
                    if skip_stored:
                        batch = self._without_stored(conn, *batch)
                    kept_docs, kept_mentions, kept_events, kept_units = batch
                    self._write_batch_rows(conn, kept_docs, kept_mentions, kept_events,
                                           failures, kept_units, now)
                return frozenset(docs_by_key) - frozenset(kept_docs)
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

    def _without_stored(
        self,
        conn: Connection,
        docs_by_key: Mapping[str, StoredDocument],
        mentions_by_id: Mapping[str, EventMention],
        events_by_id: Mapping[str, Event],
        units: tuple[Sequence[LinkUnit], Sequence[LinkUnit]],
    ) -> tuple[Mapping[str, StoredDocument], Mapping[str, EventMention], Mapping[str, Event],
               tuple[Sequence[LinkUnit], Sequence[LinkUnit]]]:
        """The batch less the documents already stored, with their mentions, the events
        made only of those mentions, and their units."""
        stored = _stored_keys(conn, docs_by_key)
        if not stored:
            return docs_by_key, mentions_by_id, events_by_id, units
        dropped = {docs_by_key[key].document.id for key in stored}
        kept_docs = {k: d for k, d in docs_by_key.items() if k not in stored}
        kept_mentions = {i: m for i, m in mentions_by_id.items() if m.doc_id not in dropped}
        kept_events = {i: e for i, e in events_by_id.items()
                       if any(m in kept_mentions for m in e.mention_ids)}
        linked, pending = units
        return kept_docs, kept_mentions, kept_events, (
            [u for u in linked if u.doc_id not in dropped],
            [u for u in pending if u.doc_id not in dropped])

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
        rewritten = _stored_keys(conn, docs_by_key) if self._has_fts and rows else set()
        self._upsert(conn, documents, rows, key=("doc_key",))
        if self._has_fts and rows:
            for chunk in _chunks(sorted(rewritten)):
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
        affected = _unlink_mentions(conn, stale)
        for chunk in _chunks(stale):
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
        losers = _unlink_mentions(conn, sorted({m for e in batch for m in e.mention_ids}))
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


def _unlink_mentions(conn: Connection, mention_ids: list[str]) -> set[str]:
    """Remove these mentions' links to their events; returns the events they were in."""
    events_left: set[str] = set()
    for chunk in _chunks(mention_ids):
        events_left.update(conn.execute(
            sa.select(event_mention_links.c.event_id).where(
                event_mention_links.c.mention_id.in_(chunk))
        ).scalars())
        conn.execute(
            sa.delete(event_mention_links).where(event_mention_links.c.mention_id.in_(chunk))
        )
    return events_left
