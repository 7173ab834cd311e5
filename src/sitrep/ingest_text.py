"""Plain-text reports: a text file or standard input -> one Document.

Needs: a path or a text stream. Adds: a ``Document`` whose text is the input exactly, less
its UTF-8 byte order mark and an optional ``date YYYY-MM-DD`` header (alone on the first
line, or opening it: "date 2015-03-20 BEIRUT — ..."), which gives the publication date.
Unreadable input raises ``InputError``; ``ingest.py`` turns it into a ``Failure``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TextIO

from sitrep.errors import InputError
from sitrep.ingest_dateline import detect_dateline
from sitrep.ingest_inputs import (
    STDIN_DOC_ID,
    STDIN_ORIGIN,
    _check_length,
    _decode_utf8,
    _parse_iso_date,
    _settle_date,
)
from sitrep.records import Document

# "date 2015-03-20" alone on the first line (any value starting with a digit is an
# attempted header, so "date 20 March 2015" is reported rather than read as text).
_HEADER_LINE_RE = re.compile(r"[ \t]*date[ \t]+(?P<value>\d[^\n]{0,30}?)[ \t]*\r?(?:\n|\Z)")
# "date 2015-03-20 BEIRUT — ..." on one line, as in the bundled sample report.
_INLINE_HEADER_RE = re.compile(r"[ \t]*date[ \t]+(?P<value>\d{4}-\d{2}-\d{2})[ \t]+(?=\S)")


def _read_text_file(path: Path, *, default_date: dt.date | None) -> Document:
    from sitrep import ingest  # the stage's limits live there, read at call time

    where = str(path)
    with path.open("rb") as file:
        data = file.read(ingest._MAX_TEXT_BYTES + 1)
    if len(data) > ingest._MAX_TEXT_BYTES:
        raise InputError(
            f"{where}: too long: {path.stat().st_size:,} bytes, more than the limit of "
            f"{ingest.MAX_DOCUMENT_CHARS:,} characters (MAX_DOCUMENT_CHARS); split the document"
        )
    text = _decode_utf8(data, where=where)
    return _document_from_text(text, doc_id=path.name, origin=where, default_date=default_date)


def _read_text_stream(stream: TextIO, *, default_date: dt.date | None) -> Document:
    from sitrep import ingest  # the stage's limits live there, read at call time

    try:
        text = stream.read(ingest._MAX_TEXT_BYTES + 1)
    except UnicodeDecodeError as err:
        raise InputError(f"{STDIN_ORIGIN}: not UTF-8 ({err.reason}); send UTF-8 text") from err
    if len(text) > ingest._MAX_TEXT_BYTES:
        raise InputError(
            f"{STDIN_ORIGIN}: too long: more than {ingest._MAX_TEXT_BYTES:,} characters, over "
            f"the limit of {ingest.MAX_DOCUMENT_CHARS:,} (MAX_DOCUMENT_CHARS); split the document"
        )
    if not text:
        raise InputError(f"{STDIN_ORIGIN}: empty input")
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{STDIN_ORIGIN}: binary input (NUL character at offset {nul}), not text")
    text = text.removeprefix("\ufeff")
    return _document_from_text(
        text, doc_id=STDIN_DOC_ID, origin=STDIN_ORIGIN, default_date=default_date
    )


def _document_from_text(
    text: str, *, doc_id: str, origin: str, default_date: dt.date | None
) -> Document:
    date, body = _split_date_header(text, where=origin)
    if not body.strip():
        if date is not None:
            raise InputError(f"{origin}: no text after the date header")
        raise InputError(f"{origin}: no text (only whitespace)")
    _check_length(body, where=origin)
    date, date_source = _settle_date(date, "header", default_date)
    return Document(
        id=doc_id,
        text=body,
        date=date,
        date_source=date_source,
        dateline=detect_dateline(body),
        origin=origin,
    )


def _split_date_header(text: str, *, where: str) -> tuple[dt.date | None, str]:
    """Split off a ``date YYYY-MM-DD`` first line: (date, rest) or (None, text)."""
    match = _INLINE_HEADER_RE.match(text) or _HEADER_LINE_RE.match(text)
    if match is None:
        return None, text
    value = match.group("value")
    date = _parse_iso_date(value)
    if date is None:
        raise InputError(
            f"{where}:1: header date {value!r} is not a valid date; write 'date YYYY-MM-DD'"
        )
    return date, text[match.end() :]
