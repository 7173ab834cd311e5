"""Store rows: records <-> table rows, and the content ids rows are keyed by.

Needs: records (``sitrep.records``). Adds: ``StoredDocument`` and ``EventDetail`` (what the
store hands back beyond the records), ``document_key`` and ``failure_key`` (ids from
content), the dicts written for each record and the records read back from each row, and
``_chunks`` (ids split for "IN (...)" lists).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from sitrep.records import Claim, Document, Event, EventMention, Failure, LinkUnit, Location
from sitrep.store_schema import DOC_KEY_HEX_CHARS, FAILURE_ID_HEX_CHARS, documents

IN_CLAUSE_CHUNK = 500  # ids per "IN (...)" list; well under SQLite's parameter limit


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

def _chunks(items: Sequence[str], *, size: int = IN_CLAUSE_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _stored_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Which of these document content keys are stored, read on ``conn`` (inside a writer's
    transaction, or a reader's connection)."""
    found: set[str] = set()
    for chunk in _chunks(sorted(set(keys))):
        found.update(conn.execute(
            sa.select(documents.c.doc_key).where(documents.c.doc_key.in_(chunk))).scalars())
    return found


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
