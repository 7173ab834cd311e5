"""HTML pages: one saved article page -> one Document, through trafilatura.

Needs: a path to an HTML file. Adds: a ``Document`` with the article text trafilatura
extracts, and the title, date, site name and URL it finds in the page. Unreadable or empty
pages raise ``InputError``; ``ingest.py`` turns it into a ``Failure``. trafilatura is
imported on first use, so importing sitrep stays cheap.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest_dateline import detect_dateline
from sitrep.ingest_inputs import (
    _check_length,
    _one_line,
    _parse_iso_date,
    _read_markup,
    _settle_date,
)
from sitrep.records import Document


def _read_html_file(path: Path, *, default_date: dt.date | None) -> Document:
    import trafilatura  # imported on use: importing sitrep stays cheap

    where = str(path)
    data = _read_markup(path)
    try:
        result = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura and lxml raise many types on broken markup
        raise InputError(
            f"{where}: could not parse the HTML ({type(err).__name__}: {_one_line(err)})"
        ) from err
    text = result.text if result is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML page")
    _check_length(text, where=where)
    title = result.title or None
    date = _parse_iso_date(result.date) if isinstance(result.date, str) else None
    date, date_source = _settle_date(date, "record", default_date)
    return Document(
        id=path.name,
        text=text,
        date=date,
        date_source=date_source,
        source=result.sitename or None,
        url=result.url or None,
        title=title,
        dateline=detect_dateline(_strip_title_line(text, title)),
        origin=where,
    )


def _strip_title_line(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (the page's headline)."""
    first, _, rest = text.lstrip().partition("\n")
    return rest if title and first.strip() == title.strip() else text
