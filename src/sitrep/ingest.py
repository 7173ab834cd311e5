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
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import InputError
from sitrep.records import Document, Failure

MAX_DOCUMENT_CHARS = 2_000_000
"""Longest document text accepted, in characters; longer input is a Failure."""

MAX_MARKUP_BYTES = 50_000_000
"""Largest HTML page or feed file accepted, in bytes."""

MAX_JSONL_LINE_BYTES = 16 * MAX_DOCUMENT_CHARS
"""Longest JSONL line read into memory, in bytes (room for JSON escapes such as \\uXXXX)."""

MAX_DATELINE_CHARS = 100
"""How far into the text a dateline's dash may be, in characters."""

STDIN_DOC_ID = "stdin"
STDIN_ORIGIN = "<stdin>"

_MAX_TEXT_BYTES = 4 * MAX_DOCUMENT_CHARS  # UTF-8 needs at most 4 bytes a character
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
# "date 2015-03-20" alone on the first line (any value starting with a digit is an
# attempted header, so "date 20 March 2015" is reported rather than read as text).
_HEADER_LINE_RE = re.compile(r"[ \t]*date[ \t]+(?P<value>\d[^\n]{0,30}?)[ \t]*\r?(?:\n|\Z)")
# "date 2015-03-20 BEIRUT — ..." on one line, as in the bundled sample report.
_INLINE_HEADER_RE = re.compile(r"[ \t]*date[ \t]+(?P<value>\d{4}-\d{2}-\d{2})[ \t]+(?=\S)")

_DATELINE_DASH_RE = re.compile(r"\s*(?:[—–―]|--?(?=\s|\Z))")
_PARENTHETICAL_RE = re.compile(r"\([^()]*\)")
_PLACE_PUNCTUATION = frozenset(" '’.-/")
# fmt: off
_NOT_DATELINES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
    "CORRECTION", "EDITOR'S NOTE", "NOTE",
})
# fmt: on
_MAX_DATELINE_WORDS = 5


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


def detect_dateline(text: str) -> str | None:
    """Return the upper-case place that opens a report, or None.

    "BEIRUT — ...", "KABUL, Afghanistan (Reuters) - ...", "NAIROBI, Kenya — ..." and
    "MOGADISHU, Somalia (AP) — ..." give "BEIRUT", "KABUL", "NAIROBI", "MOGADISHU", as
    written. Only the text's first line is looked at, up to MAX_DATELINE_CHARS.
    """
    opening = text.lstrip()[:MAX_DATELINE_CHARS].split("\n", 1)[0]
    dash = _DATELINE_DASH_RE.search(opening)
    if dash is None:
        return None
    head = _PARENTHETICAL_RE.sub(" ", opening[: dash.start()])
    place = head.split(",", 1)[0].strip()
    if not place[:1].isalpha() or not all(
        char.isalpha() or char in _PLACE_PUNCTUATION for char in place
    ):
        return None
    letters = [char for char in place if char.isalpha()]
    is_upper = len(letters) >= 2 and place == place.upper() and place != place.lower()
    if not is_upper or len(place.split()) > _MAX_DATELINE_WORDS or place in _NOT_DATELINES:
        return None
    return place


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


# --- text -----------------------------------------------------------------------------


def _read_text_file(path: Path, *, default_date: dt.date | None) -> Document:
    where = str(path)
    with path.open("rb") as file:
        data = file.read(_MAX_TEXT_BYTES + 1)
    if len(data) > _MAX_TEXT_BYTES:
        raise InputError(
            f"{where}: too long: {path.stat().st_size:,} bytes, more than the limit of "
            f"{MAX_DOCUMENT_CHARS:,} characters (MAX_DOCUMENT_CHARS); split the document"
        )
    text = _decode_utf8(data, where=where)
    return _document_from_text(text, doc_id=path.name, origin=where, default_date=default_date)


def _read_text_stream(stream: TextIO, *, default_date: dt.date | None) -> Document:
    try:
        text = stream.read(_MAX_TEXT_BYTES + 1)
    except UnicodeDecodeError as err:
        raise InputError(f"{STDIN_ORIGIN}: not UTF-8 ({err.reason}); send UTF-8 text") from err
    if len(text) > _MAX_TEXT_BYTES:
        raise InputError(
            f"{STDIN_ORIGIN}: too long: more than {_MAX_TEXT_BYTES:,} characters, over the "
            f"limit of {MAX_DOCUMENT_CHARS:,} (MAX_DOCUMENT_CHARS); split the document"
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


# --- JSONL ----------------------------------------------------------------------------


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
    while end is None or offset < end:
        raw = file.readline(MAX_JSONL_LINE_BYTES + 1)
        if not raw:
            break
        lineno += 1
        origin = f"{where}:{lineno}"
        line_offset, offset = offset, offset + len(raw)
        if len(raw) > MAX_JSONL_LINE_BYTES and not raw.endswith(b"\n"):
            offset += skip_rest_of_line(file)
            yield Failure(
                origin=origin,
                reason=f"{origin}: line longer than {MAX_JSONL_LINE_BYTES:,} bytes "
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


# --- HTML -----------------------------------------------------------------------------


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


def _read_markup(path: Path) -> bytes:
    """An HTML page's or feed's bytes; its encoding is left to the parser."""
    where = str(path)
    with path.open("rb") as file:
        data = file.read(MAX_MARKUP_BYTES + 1)
    if len(data) > MAX_MARKUP_BYTES:
        raise InputError(
            f"{where}: too large: more than {MAX_MARKUP_BYTES:,} bytes (MAX_MARKUP_BYTES)"
        )
    problem = find_binary_problem(data, where=where, is_markup=True)
    if problem is not None:
        raise InputError(problem)
    return data


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


# --- feeds ----------------------------------------------------------------------------


def _read_feed_file(path: Path, *, default_date: dt.date | None) -> Iterator[Document | Failure]:
    where = str(path)
    try:
        feed = _parse_feed(path)
    except InputError as err:
        yield Failure(origin=where, reason=str(err))
        return
    except OSError as err:
        yield Failure(origin=where, reason=f"{where}: cannot read ({err.strerror})")
        return
    source = _markup_to_text(feed.feed.get("title_detail")) or None
    for number, entry in enumerate(feed.entries, start=1):
        yield _document_from_entry(
            entry,
            origin=f"{where}#{number}",
            fallback_id=f"{path.name}#{number}",
            source=source,
            default_date=default_date,
        )


def _parse_feed(path: Path) -> Any:
    """feedparser's reading of an RSS or Atom file with at least one entry."""
    import feedparser  # imported on use: importing sitrep stays cheap

    where = str(path)
    data = _read_markup(path)
    try:
        # A stream, never bytes or str: feedparser opens those as paths or URLs.
        feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception as err:  # feedparser's parsers raise many types on broken markup
        raise InputError(
            f"{where}: could not parse the feed ({type(err).__name__}: {_one_line(err)})"
        ) from err
    if not feed.entries:
        if feed.bozo:
            raise InputError(f"{where}: not an RSS or Atom feed ({_one_line(feed.bozo_exception)})")
        raise InputError(f"{where}: feed has no entries")
    return feed


def _document_from_entry(
    entry: Any, *, origin: str, fallback_id: str, source: str | None, default_date: dt.date | None
) -> Document | Failure:
    url = entry.get("link") or None
    doc_id = entry.get("id") or url or fallback_id
    title = _markup_to_text(entry.get("title_detail")) or None
    contents = entry.get("content") or []
    body = _markup_to_text(contents[0] if contents else entry.get("summary_detail"))
    text = "\n\n".join(part for part in (title, body) if part)
    if not text.strip():
        return Failure(
            origin=origin, reason=f"{origin}: feed entry has no title or text", doc_id=doc_id
        )
    try:
        _check_length(text, where=origin)
    except InputError as err:
        return Failure(origin=origin, reason=str(err), doc_id=doc_id)
    date, date_source = _settle_date(_entry_date(entry), "record", default_date)
    return Document(
        id=doc_id,
        text=text,
        date=date,
        date_source=date_source,
        source=source,
        url=url,
        title=title,
        dateline=detect_dateline(body) if body else None,
        origin=origin,
    )


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's publication date as the publisher wrote it (its own time zone)."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError):
            pass
        try:
            return dt.datetime.fromisoformat(raw).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading, in UTC
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _markup_to_text(detail: Any) -> str:
    """Plain text of a feedparser text construct ({"type": ..., "value": ...})."""
    if not detail or not detail.get("value"):
        return ""
    value = detail["value"]
    if "html" not in (detail.get("type") or ""):
        return value.strip()
    stripper = _HTMLStripper()
    stripper.feed(value)
    stripper.close()
    return stripper.text()


class _HTMLStripper(HTMLParser):
    """Text of an HTML fragment: one line per block element, whitespace collapsed."""

    # fmt: off
    _BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    })
    # fmt: on
    _SKIPPED = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._parts).split("\n"))
        return "\n".join(line for line in lines if line)


# --- shared helpers -------------------------------------------------------------------


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


def _check_length(text: str, *, where: str) -> None:
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{where}: too long: {len(text):,} characters, over the limit of "
            f"{MAX_DOCUMENT_CHARS:,} (MAX_DOCUMENT_CHARS); split the document"
        )


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
