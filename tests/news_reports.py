"""Run short reports written for the tests through the real pipeline (a test helper).

Shared by the event tests that check one codebook rule each on a report of our own.
"""

from __future__ import annotations

import datetime as dt

from sitrep.pipeline import ReportResult, process_documents
from sitrep.records import Document, Event

REPORT_DATE = dt.date(2021, 6, 30)


def news_events(resources, text: str, *, date: dt.date = REPORT_DATE) -> list[Event]:  # type: ignore[no-untyped-def]
    """The report's news (not background) events, most important first."""
    document = Document(id="t", text=text, date=date, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    return [e for e in result.events if not e.is_background]
