"""Ingest inputs: finding the files to read and refusing the ones that cannot be read.

Needs: paths. Adds: the files under a folder (``walk_folder``), each file's format
(``detect_input_kind``: from the extension, else from its first ``SNIFF_BYTES``), and the
checks every reader shares: empty, binary, UTF-16 or non-UTF-8 content, size limits, strict
ISO dates. Problems come back as ``Failure``s or ``InputError``s with a one-line reason.

The size limits themselves (``MAX_DOCUMENT_CHARS``, ``MAX_MARKUP_BYTES``) live in
``ingest.py`` and are read from there at call time, so changing them there holds for every
reader.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.records import Failure

STDIN_DOC_ID = "stdin"
STDIN_ORIGIN = "<stdin>"

SNIFF_BYTES = 4096
"""Bytes read from a file's start to guess its format or refuse it as binary."""
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_KIND_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- files and formats ----------------------------------------------------------------


def walk_folder(folder: Path) -> Iterator[Path | Failure]:
    """Files under ``folder``: its own files first, then each subfolder, all sorted by name.

    Hidden (dot) files and folders are skipped; links to folders are not followed.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(
                (entry for entry in scan if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError as err:
        yield Failure(origin=str(folder), reason=f"{folder}: cannot list folder ({err.strerror})")
        return
    subfolders = []
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            subfolders.append(path)
        elif entry.is_file():
            yield path
        elif entry.is_dir():
            reason = f"{path}: link to a folder, not followed; name the folder itself to read it"
            yield Failure(origin=str(path), reason=reason)
        else:
            reason = f"{path}: not a regular file (a broken link, device or socket); skipped"
            yield Failure(origin=str(path), reason=reason)
    for subfolder in subfolders:
        yield from walk_folder(subfolder)


def detect_input_kind(path: Path, *, jsonl: bool | None) -> str:
    """How a file is read: "jsonl", "feed", "html" or "text" (``jsonl`` forces it; else
    the extension, else the first ``SNIFF_BYTES``)."""
    if jsonl is True:
        return "jsonl"
    if jsonl is False:
        return "text"
    kind = _KIND_BY_EXTENSION.get(path.suffix.lower())
    if kind is not None:
        return kind
    with path.open("rb") as file:
        return _sniff_kind(file.read(SNIFF_BYTES))


def _sniff_kind(head: bytes) -> str:
    """Guess a file's format from its first bytes: feed, html, jsonl or text."""
    opening = head.removeprefix(_UTF8_BOM).lstrip().decode("utf-8", errors="replace").lower()
    if opening.startswith("<"):
        if re.search(r"<(?:rss|feed|rdf:rdf)\b", opening):
            return "feed"
        if re.search(r"<(?:!doctype html|html|body|head)\b", opening):
            return "html"
        if opening.startswith("<?xml"):
            return "feed"
    if opening.startswith("{"):
        return "jsonl"
    return "text"


# --- checks shared by the readers -----------------------------------------------------


def find_binary_problem(data: bytes, *, where: str, is_markup: bool = False) -> str | None:
    """Why ``data`` is not readable text (empty, binary), or None.

    HTML and feeds may be UTF-16 (their parsers decode them); JSONL and text must be UTF-8.
    """
    if not data:
        return f"{where}: empty file"
    if data.startswith(_UTF16_BOMS):
        if is_markup:
            return None
        return f"{where}: UTF-16 text (byte order mark found); convert it to UTF-8"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"{where}: binary file (NUL byte at byte offset {nul}), not text"
    return None


def _decode_utf8(data: bytes, *, where: str) -> str:
    """Decode a text file's bytes, refusing empty, binary and non-UTF-8 content."""
    problem = find_binary_problem(data, where=where)
    if problem is not None:
        raise InputError(problem)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{where}: not UTF-8 (byte 0x{data[err.start]:02x} at byte offset {err.start}); "
            "re-save it as UTF-8"
        ) from err
    return text.removeprefix("\ufeff")


def _read_markup(path: Path) -> bytes:
    """An HTML page's or feed's bytes; its encoding is left to the parser."""
    from sitrep import ingest  # the stage's limits live there, read at call time

    where = str(path)
    with path.open("rb") as file:
        data = file.read(ingest.MAX_MARKUP_BYTES + 1)
    if len(data) > ingest.MAX_MARKUP_BYTES:
        raise InputError(
            f"{where}: too large: more than {ingest.MAX_MARKUP_BYTES:,} bytes (MAX_MARKUP_BYTES)"
        )
    problem = find_binary_problem(data, where=where, is_markup=True)
    if problem is not None:
        raise InputError(problem)
    return data


def _check_length(text: str, *, where: str) -> None:
    from sitrep import ingest  # the stage's limits live there, read at call time

    if len(text) > ingest.MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{where}: too long: {len(text):,} characters, over the limit of "
            f"{ingest.MAX_DOCUMENT_CHARS:,} (MAX_DOCUMENT_CHARS); split the document"
        )


def _parse_iso_date(value: str) -> dt.date | None:
    """A strict YYYY-MM-DD date, or None (fromisoformat alone also takes 20150320)."""
    if not _ISO_DATE_RE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _settle_date(
    date: dt.date | None, source: str, default_date: dt.date | None
) -> tuple[dt.date | None, str | None]:
    if date is not None:
        return date, source
    if default_date is not None:
        return default_date, "option"
    return None, None


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
