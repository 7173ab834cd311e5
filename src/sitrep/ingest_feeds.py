"""RSS and Atom feeds: one feed file -> one Document per entry, through feedparser.

Needs: a path to a feed file. Adds: a ``Document`` per entry (its title and content or
summary as plain text, link, id and publication date, with the feed's title as source),
origin "file#n"; a ``Failure`` for an unreadable feed or an empty entry. feedparser is
imported on first use, so importing sitrep stays cheap.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest_dateline import detect_dateline
from sitrep.ingest_inputs import _check_length, _one_line, _read_markup, _settle_date
from sitrep.records import Document, Failure


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
