"""The JSON that ``sitrep parse`` prints, one object per report (see docs/parse-json.md).

Outside scripts read this: add fields freely, but renaming or removing one needs a bump of
``SCHEMA_VERSION``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sitrep.export import INTER_LABELS, event_to_dict
from sitrep.pipeline import ReportResult
from sitrep.records import Failure, Place

SCHEMA_VERSION = 1


def report_to_json(result: ReportResult) -> dict[str, Any]:
    """A processed report as the contract's JSON object."""
    document = result.document
    events = []
    for event in result.events:
        data = event_to_dict(event)
        data["evidence"] = [{"start": start, "end": end} for start, end in event.evidence]
        events.append(data)
    return {
        "schema": SCHEMA_VERSION,
        "id": document.id,
        "date": document.date.isoformat() if document.date else None,
        "date_source": document.date_source,
        "reference_date": result.reference.isoformat() if result.reference else None,  # type: ignore[attr-defined]
        "date_warnings": list(result.date_warnings),
        "dateline": document.dateline,
        "timexes": [dataclasses.asdict(t) for t in result.timexes],
        "places": [_place_json(p) for p in result.places],
        "actors": [
            {**dataclasses.asdict(a), "inter": INTER_LABELS.get(a.inter), "inter_code": a.inter}
            for a in result.actors
        ],
        "events": events,
    }


def failure_to_json(failure: Failure) -> dict[str, Any]:
    """A report that could not be processed: its id (or where it came from) and why."""
    return {"schema": SCHEMA_VERSION, "id": failure.doc_id or failure.origin,
            "origin": failure.origin, "error": failure.reason}


def _place_json(place: Place) -> dict[str, Any]:
    """A place as CONTRACT.md lists it: the area's seat is internal to event location."""
    row = dataclasses.asdict(place)
    del row["seat"]
    return row
