"""Store reads: queries over stored rows -> records, and full-text search.

Needs: a ``StoreBase`` with the schema in place. Adds: ``StoreReads``, the read half of
``Store`` (documents, mentions, link units for ``link.py``, events listed, filtered,
counted and shown with their mentions and documents) and ``EventQuery``; search is FTS5
on SQLite, the ``tsvector`` column on PostgreSQL, and LIKE where neither is available.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from sitrep.errors import EventNotFound
from sitrep.records import Document, Event, EventMention, Failure, LinkUnit
from sitrep.store_base import StoreBase
from sitrep.store_rows import (
    EventDetail,
    StoredDocument,
    _chunks,
    _event_from_row,
    _link_unit_from_row,
    _mention_from_row,
    _stored_document_from_row,
    _stored_keys,
)
from sitrep.store_schema import (
    COUNTED_TABLES,
    documents,
    documents_fts,
    event_mention_links,
    event_mentions,
    events,
    failures,
    link_units,
)

MIN_EVENT_ID_PREFIX_CHARS = 6
READ_CHUNK_EVENTS = 500
_WORD_EDGE_PUNCTUATION = string.punctuation + "“”‘’«»"


@dataclass(frozen=True)
class EventQuery:
    """Filters over stored events (``list_events``, the CLI's and the web view's); None or
    blank means no filter.

    ``country`` is an ISO alpha-2 code; ``since``/``until`` are inclusive; ``actor`` is a
    case-insensitive substring of any actor or associated actor; ``text`` searches the
    events' documents (title and text).
    """

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    include_background: bool = False


class StoreReads(StoreBase):
    """The read half of ``Store``."""

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
        with self._connect() as conn:
            return _stored_keys(conn, keys)

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

    def list_events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Event]:
        """Events matching every filter, newest first (undated last), then by id.

        The filters are ``EventQuery``'s fields as keywords (``country="KE"``,
        ``since=date``, ``actor="police"``, ``include_background=True``...); an unknown one
        is a TypeError.
        """
        statement = self._event_query_statement(EventQuery(**filters))
        with self._connect() as conn:
            rows = list(conn.execute(statement.limit(limit).offset(offset or None)))
            return self._events_from_rows(conn, rows)

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """Every matching event in ``list_events`` order, read in chunks (for exports)."""
        statement = self._event_query_statement(EventQuery(**filters)).with_only_columns(
            events.c.id
        )
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
        statement = sa.select(events).order_by(events.c.date.desc().nulls_last(), events.c.id)
        country = (query.country or "").strip()
        if country:
            statement = statement.where(events.c.country == country.upper())
        if query.since is not None:
            statement = statement.where(events.c.date >= query.since)
        if query.until is not None:
            statement = statement.where(events.c.date <= query.until)
        if query.event_type:
            statement = statement.where(events.c.event_type == query.event_type)
        if not query.include_background:
            statement = statement.where(events.c.is_background.is_(False))
        actor = (query.actor or "").strip()
        if actor:
            statement = statement.where(sa.or_(*(
                column.icontains(actor, autoescape=True)
                for column in (events.c.actor1, events.c.assoc_actor_1, events.c.actor2,
                               events.c.assoc_actor_2)
            )))
        if query.text is not None and query.text.strip():
            matching_docs = self._matching_doc_keys(query.text)
            statement = statement.where(
                events.c.id.in_(
                    sa.select(event_mention_links.c.event_id)
                    .join(event_mentions, event_mentions.c.id == event_mention_links.c.mention_id)
                    .where(event_mentions.c.doc_key.in_(matching_docs))
                )
            )
        return statement

    # ---- helpers -------------------------------------------------------------------

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
