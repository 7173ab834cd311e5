"""JSONL reports: one JSON object a line -> one Document a line.

Needs: a JSONL file, an open binary file positioned at a line start (``read_jsonl_lines``,
also used by ``cluster.py`` to read byte ranges), or a text stream. Adds: a ``Document`` per
non-blank line from its "id" and "text" (required), "date", "title", "url" and "source", with
origin "file:line"; a ``Failure`` with a one-line reason for each bad line. Lines are
streamed, never the whole file, and a line longer than ``MAX_JSONL_LINE_BYTES`` (read from
``ingest.py`` at call time) is skipped without being read whole.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import InputError
from sitrep.ingest_dateline import detect_dateline
from sitrep.ingest_inputs import (
    _UTF8_BOM,
    SNIFF_BYTES,
    STDIN_ORIGIN,
    _check_length,
    _parse_iso_date,
    _settle_date,
    find_binary_problem,
)
from sitrep.records import Document, Failure


def _read_jsonl_file(path: Path, *, default_date: dt.date | None) -> Iterator[Document | Failure]:
    where = str(path)
    try:
        file = path.open("rb")
    except OSError as err:
        yield Failure(origin=where, reason=f"{where}: cannot read ({err.strerror})")
        return
    with file:
        head = file.read(SNIFF_BYTES)
        problem = find_binary_problem(head, where=where)
        if problem is not None:
            yield Failure(origin=where, reason=problem)
            return
        file.seek(0)
        yield from read_jsonl_lines(file, where=where, default_date=default_date)


def read_jsonl_lines(
    file: io.BufferedReader,
    *,
    where: str,
    default_date: dt.date | None,
    offset: int = 0,
    lineno: int = 0,
    end: int | None = None,
) -> Iterator[Document | Failure]:
    """Documents from the JSONL lines read from ``file`` at byte ``offset`` (the file is
    positioned there, after ``lineno`` lines) until EOF or, with ``end``, until a line
    starts at or after that byte. Origins are "file:line"; a bad line is a Failure."""
    from sitrep import ingest  # the stage's limits live there, read at call time

    while end is None or offset < end:
        raw = file.readline(ingest.MAX_JSONL_LINE_BYTES + 1)
        if not raw:
            break
        lineno += 1
        origin = f"{where}:{lineno}"
        line_offset, offset = offset, offset + len(raw)
        if len(raw) > ingest.MAX_JSONL_LINE_BYTES and not raw.endswith(b"\n"):
            offset += skip_rest_of_line(file)
            yield Failure(
                origin=origin,
                reason=f"{origin}: line longer than {ingest.MAX_JSONL_LINE_BYTES:,} bytes "
                "(MAX_JSONL_LINE_BYTES); split the document",
            )
            continue
        if lineno == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
            line_offset += len(_UTF8_BOM)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Failure(
                origin=origin,
                reason=f"{origin}: not UTF-8 (byte 0x{raw[err.start]:02x} at byte offset "
                f"{line_offset + err.start}); re-save the file as UTF-8",
            )
            continue
        if line.strip():
            yield _document_from_json_line(line, origin=origin, default_date=default_date)


def _read_jsonl_stream(
    stream: TextIO, *, default_date: dt.date | None
) -> Iterator[Document | Failure]:
    lineno = 0
    while True:
        try:
            line = stream.readline()
        except UnicodeDecodeError as err:
            yield Failure(
                origin=f"{STDIN_ORIGIN}:{lineno + 1}",
                reason=f"{STDIN_ORIGIN}:{lineno + 1}: not UTF-8 ({err.reason}); send UTF-8 text",
            )
            return
        if not line:
            return
        lineno += 1
        if lineno == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            origin = f"{STDIN_ORIGIN}:{lineno}"
            yield _document_from_json_line(line, origin=origin, default_date=default_date)


def skip_rest_of_line(file: io.BufferedReader) -> int:
    """Read past the next newline (or to the end); return the bytes skipped."""
    skipped = 0
    while chunk := file.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _document_from_json_line(
    line: str, *, origin: str, default_date: dt.date | None
) -> Document | Failure:
    try:
        record = json.loads(line.rstrip("\r\n"))  # error columns stay on this line
    except json.JSONDecodeError as err:
        message = err.msg.removesuffix(" at")  # "Invalid control character at"
        return Failure(
            origin=origin, reason=f"{origin}: invalid JSON ({message} at column {err.colno})"
        )
    if not isinstance(record, dict):
        return Failure(
            origin=origin,
            reason=f"{origin}: expected a JSON object, got {_json_type_name(record)}",
        )
    raw_id = record.get("id")
    doc_id = raw_id if isinstance(raw_id, str) and raw_id.strip() else None
    try:
        if doc_id is None:
            raise InputError(_field_problem(record, "id", origin=origin))
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(_field_problem(record, "text", origin=origin))
        _check_length(text, where=origin)
        date = _json_date(record.get("date"), origin=origin)
        title, url, source = (
            _optional_string(record, name, origin=origin) for name in ("title", "url", "source")
        )
        for name, value in (
            ("id", doc_id),
            ("text", text),
            ("title", title),
            ("url", url),
            ("source", source),
        ):
            _check_encodable(value, name=name, origin=origin)
    except InputError as err:
        return Failure(origin=origin, reason=str(err), doc_id=doc_id)
    date, date_source = _settle_date(date, "record", default_date)
    return Document(
        id=doc_id,
        text=text,
        date=date,
        date_source=date_source,
        source=source,
        url=url,
        title=title,
        dateline=detect_dateline(text),
        origin=origin,
    )


def _field_problem(record: dict[str, Any], name: str, *, origin: str) -> str:
    if name not in record or record[name] is None:
        return f'{origin}: missing "{name}" (a non-empty string)'
    value = record[name]
    if not isinstance(value, str):
        return f'{origin}: "{name}" must be a string, got {_json_type_name(value)}'
    return f'{origin}: empty "{name}" (a non-empty string)'


def _check_encodable(value: str | None, *, name: str, origin: str) -> None:
    """Refuse lone surrogates ("\\ud800" in JSON): no later stage could write them out."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(
            f'{origin}: "{name}" holds an unpaired surrogate (\\u{ord(value[err.start]):04x} '
            f"at character {err.start}); fix the JSON escape"
        ) from err


def _json_date(value: Any, *, origin: str) -> dt.date | None:
    if value is None or value == "":
        return None
    date = _parse_iso_date(value) if isinstance(value, str) else None
    if date is None:
        raise InputError(
            f'{origin}: invalid "date" {json.dumps(value, ensure_ascii=False)} '
            "(expected YYYY-MM-DD)"
        )
    return date


def _optional_string(record: dict[str, Any], name: str, *, origin: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'{origin}: "{name}" must be a string, got {_json_type_name(value)}')
    return value


def _json_type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"
