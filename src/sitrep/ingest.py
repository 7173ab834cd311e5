"""Ingest: text files, JSONL, HTML pages and RSS/Atom feeds -> Documents.

Needs: paths (files, folders, or "-" for standard input). Adds: one ``Document`` per report
(id, text, publication date and where it came from, source, url, title, dateline, origin),
or a ``Failure`` with a one-line reason for each input that cannot be read. Nothing raises
out of the iterator for bad input, and nothing is dropped silently.

Text is kept exactly as given, so that later stages' character offsets point into it: a text
file loses only its UTF-8 byte order mark and its ``date YYYY-MM-DD`` header line; JSONL text
is used as is; HTML and feed text is what trafilatura / the HTML stripper produce.

JSONL is streamed line by line, and folders are walked lazily, so a large corpus is never
held in memory.

The readers live beside this module: ``ingest_inputs.py`` (folders, formats, binary /
encoding / size checks), ``ingest_text.py``, ``ingest_jsonl.py``, ``ingest_html.py``,
``ingest_feeds.py`` and ``ingest_dateline.py``. This module holds the size limits (the
readers read them from here at call time) and dispatches each path to its reader.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import InputError
from sitrep.ingest_dateline import MAX_DATELINE_CHARS, detect_dateline
from sitrep.ingest_feeds import _read_feed_file
from sitrep.ingest_html import _read_html_file
from sitrep.ingest_inputs import (
    SNIFF_BYTES,
    STDIN_DOC_ID,
    STDIN_ORIGIN,
    detect_input_kind,
    find_binary_problem,
    walk_folder,
)
from sitrep.ingest_jsonl import (
    _read_jsonl_file,
    _read_jsonl_stream,
    read_jsonl_lines,
    skip_rest_of_line,
)
from sitrep.ingest_text import _read_text_file, _read_text_stream
from sitrep.records import Document, Failure

# The names callers import from ``sitrep.ingest`` (``cluster.py`` reads files and byte
# ranges with the discovery and JSONL helpers; tests change the limits here).
__all__ = [
    "MAX_DATELINE_CHARS",
    "MAX_DOCUMENT_CHARS",
    "MAX_JSONL_LINE_BYTES",
    "MAX_MARKUP_BYTES",
    "SNIFF_BYTES",
    "STDIN_DOC_ID",
    "STDIN_ORIGIN",
    "detect_dateline",
    "detect_input_kind",
    "find_binary_problem",
    "read_documents",
    "read_jsonl_lines",
    "skip_rest_of_line",
    "walk_folder",
]

MAX_DOCUMENT_CHARS = 2_000_000
"""Longest document text accepted, in characters; longer input is a Failure."""

MAX_MARKUP_BYTES = 50_000_000
"""Largest HTML page or feed file accepted, in bytes."""

MAX_JSONL_LINE_BYTES = 16 * MAX_DOCUMENT_CHARS
"""Longest JSONL line read into memory, in bytes (room for JSON escapes such as \\uXXXX)."""

_MAX_TEXT_BYTES = 4 * MAX_DOCUMENT_CHARS  # UTF-8 needs at most 4 bytes a character


# --- public API -----------------------------------------------------------------------


def read_documents(
    paths: Sequence[str | Path],
    *,
    jsonl: bool | None = None,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Document | Failure]:
    """Read reports from files, folders and "-" (standard input), in input order.

    Folders are walked recursively in sorted order (hidden files and folders skipped); a
    file's format comes from its extension (.txt/.text/.md text, .jsonl/.ndjson JSONL,
    .html/.htm HTML, .xml/.rss/.atom feed) or, for other names, from its first bytes.
    ``jsonl=True`` reads every file and "-" as JSONL, ``jsonl=False`` every file as text
    (``sitrep parse`` without ``--jsonl``); ``None`` decides per file. ``default_date``
    is the date of documents that carry none (``date_source="option"``). ``stdin``
    replaces ``sys.stdin`` for "-".
    """
    if isinstance(paths, (str, Path)):
        raise TypeError(f"paths must be a sequence of paths, not a single path: {paths!r}")
    return _read_all(paths, jsonl=jsonl, default_date=default_date, stdin=stdin)


# --- dispatch -------------------------------------------------------------------------


def _read_all(
    paths: Sequence[str | Path],
    *,
    jsonl: bool | None,
    default_date: dt.date | None,
    stdin: TextIO | None,
) -> Iterator[Document | Failure]:
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin
            if jsonl:
                yield from _read_jsonl_stream(stream, default_date=default_date)
            else:
                yield _guard(
                    _read_text_stream,
                    stream,
                    origin=STDIN_ORIGIN,
                    doc_id=STDIN_DOC_ID,
                    default_date=default_date,
                )
            continue
        if str(raw) == "":
            yield Failure(origin="", reason="empty path given; name a file or folder")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, jsonl=jsonl, default_date=default_date)
        elif not path.exists():
            yield Failure(origin=str(path), reason=f"{path}: no such file or folder")
        else:
            yield from _read_file(path, jsonl=jsonl, default_date=default_date)


def _read_folder(
    folder: Path, *, jsonl: bool | None, default_date: dt.date | None
) -> Iterator[Document | Failure]:
    found_file = False
    for item in walk_folder(folder):
        if isinstance(item, Failure):
            yield item
            continue
        found_file = True
        yield from _read_file(item, jsonl=jsonl, default_date=default_date)
    if not found_file:
        yield Failure(origin=str(folder), reason=f"{folder}: folder holds no files to read")


def _read_file(
    path: Path, *, jsonl: bool | None, default_date: dt.date | None
) -> Iterator[Document | Failure]:
    origin = str(path)
    try:
        kind = detect_input_kind(path, jsonl=jsonl)
    except OSError as err:
        yield Failure(origin=origin, reason=f"{path}: cannot read ({err.strerror})")
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(path, default_date=default_date)
    elif kind == "feed":
        yield from _read_feed_file(path, default_date=default_date)
    else:
        read = _read_html_file if kind == "html" else _read_text_file
        yield _guard(read, path, origin=origin, doc_id=path.name, default_date=default_date)


def _guard(
    read: Any, source: Any, *, origin: str, doc_id: str, default_date: dt.date | None
) -> Document | Failure:
    """Run a one-document reader; turn an unreadable input into a Failure."""
    try:
        return read(source, default_date=default_date)
    except InputError as err:
        return Failure(origin=origin, reason=str(err), doc_id=doc_id)
    except OSError as err:
        return Failure(
            origin=origin, reason=f"{origin}: cannot read ({err.strerror})", doc_id=doc_id
        )
