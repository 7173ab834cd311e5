"""Tests for the ingest stage: every input format, every failure mode with its exact reason."""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import ingest
from sitrep.ingest import MAX_DOCUMENT_CHARS, detect_dateline, read_documents
from sitrep.records import Document, Failure

DATA = Path(__file__).parent / "data" / "ingest"

BEIRUT_TEXT = (
    "BEIRUT — The U.S.-led coalition has carried out a ground operation in eastern Syria "
    "aimed at capturing leaders of the Islamic State, U.S. officials and Syrian activist "
    "networks said Monday.\n\nThe raid took place on Sunday near a small town along the "
    "Euphrates River valley to the north of the city of Deir al-Zour, according to the "
    "activists.\n"
)


def read_one(path: str | Path, **options: object) -> Document | Failure:
    (result,) = read_documents([path], **options)  # type: ignore[arg-type]
    return result


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- text files -----------------------------------------------------------------------


def test_text_file_header_gives_date_and_the_rest_is_the_text() -> None:
    path = DATA / "with-header.txt"
    assert read_one(path) == Document(
        id="with-header.txt",
        text=BEIRUT_TEXT,
        date=dt.date(2016, 1, 10),
        date_source="header",
        dateline="BEIRUT",
        origin=str(path),
    )


def test_text_file_without_header_has_no_date() -> None:
    document = read_one(DATA / "no-header.txt")
    assert isinstance(document, Document)
    assert document.id == "no-header.txt"
    assert document.text == (DATA / "no-header.txt").read_text(encoding="utf-8")
    assert (document.date, document.date_source) == (None, None)
    assert document.dateline == "KABUL"


def test_default_date_applies_only_when_the_file_has_none() -> None:
    option = dt.date(2021, 7, 1)
    without_header = read_one(DATA / "no-header.txt", default_date=option)
    with_header = read_one(DATA / "with-header.txt", default_date=option)
    assert (without_header.date, without_header.date_source) == (option, "option")
    assert (with_header.date, with_header.date_source) == (dt.date(2016, 1, 10), "header")


def test_utf8_byte_order_mark_is_removed(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "bom.txt", b"\xef\xbb\xbfdate 2015-03-20\nBEIRUT \xe2\x80\x94 x")
    document = read_one(path)
    assert (document.text, document.date) == ("BEIRUT — x", dt.date(2015, 3, 20))


def test_header_line_ending_in_crlf_is_removed_whole(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "crlf.txt", b"date 2015-03-20\r\nLine one.\r\nLine two.\r\n")
    document = read_one(path)
    assert document.text == "Line one.\r\nLine two.\r\n"


def test_header_on_the_same_line_as_the_text_as_in_the_bundled_sample(tmp_path: Path) -> None:
    path = write_bytes(
        tmp_path, "inline.txt", " date 2015-03-20 BEIRUT — The raid.\n\nMore.".encode()
    )
    document = read_one(path)
    assert document.text == "BEIRUT — The raid.\n\nMore."
    assert (document.date, document.date_source, document.dateline) == (
        dt.date(2015, 3, 20),
        "header",
        "BEIRUT",
    )


def test_first_line_starting_with_the_word_date_is_text(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "palms.txt", b"date palms burned near Basra.\n")
    document = read_one(path)
    assert (document.text, document.date) == ("date palms burned near Basra.\n", None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"date 2015-02-30\nText.", "header date '2015-02-30' is not a valid date"),
        (b"date 20 March 2015\nText.", "header date '20 March 2015' is not a valid date"),
        (b"date 2015-3-20\nText.", "header date '2015-3-20' is not a valid date"),
        (b"date 20150320\nText.", "header date '20150320' is not a valid date"),
    ],
)
def test_header_with_invalid_date_is_a_failure(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write_bytes(tmp_path, "bad.txt", content)
    assert read_one(path) == Failure(
        origin=str(path),
        reason=f"{path}:1: {reason}; write 'date YYYY-MM-DD'",
        doc_id="bad.txt",
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"date 2015-03-20\n", "no text after the date header"),
        (b"date 2015-03-20\n \n\t\n", "no text after the date header"),
        (b" \n\n", "no text (only whitespace)"),
        (b"\xef\xbb\xbf", "no text (only whitespace)"),
    ],
)
def test_file_without_text_is_a_failure(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write_bytes(tmp_path, "blank.txt", content)
    assert read_one(path) == Failure(
        origin=str(path), reason=f"{path}: {reason}", doc_id="blank.txt"
    )


def test_empty_file_is_a_failure() -> None:
    path = DATA / "empty.txt"
    assert read_one(path) == Failure(
        origin=str(path), reason=f"{path}: empty file", doc_id="empty.txt"
    )


def test_binary_file_is_a_failure() -> None:
    path = DATA / "binary.bin"
    assert read_one(path) == Failure(
        origin=str(path),
        reason=f"{path}: binary file (NUL byte at byte offset 5), not text",
        doc_id="binary.bin",
    )


def test_non_utf8_file_is_a_failure_naming_the_byte_offset() -> None:
    path = DATA / "latin1.txt"
    assert read_one(path) == Failure(
        origin=str(path),
        reason=f"{path}: not UTF-8 (byte 0xc1 at byte offset 21); re-save it as UTF-8",
        doc_id="latin1.txt",
    )


def test_utf16_file_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "utf16.txt", "BEIRUT — x".encode("utf-16"))
    assert read_one(path).reason == (
        f"{path}: UTF-16 text (byte order mark found); convert it to UTF-8"
    )


def test_text_over_the_size_limit_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "huge.txt", b"date 2015-03-20\n" + b"x" * (MAX_DOCUMENT_CHARS + 1))
    assert read_one(path) == Failure(
        origin=str(path),
        reason=f"{path}: too long: 2,000,001 characters, over the limit of 2,000,000 "
        "(MAX_DOCUMENT_CHARS); split the document",
        doc_id="huge.txt",
    )


def test_text_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "big.txt", b"x" * MAX_DOCUMENT_CHARS)
    assert len(read_one(path).text) == MAX_DOCUMENT_CHARS


def test_file_far_over_the_size_limit_is_refused_without_decoding(tmp_path: Path) -> None:
    size = 4 * MAX_DOCUMENT_CHARS + 1
    path = write_bytes(tmp_path, "giant.txt", b"x" * size)
    assert read_one(path).reason == (
        f"{path}: too long: {size:,} bytes, more than the limit of 2,000,000 characters "
        "(MAX_DOCUMENT_CHARS); split the document"
    )


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert read_one(path) == Failure(origin=str(path), reason=f"{path}: no such file or folder")


def test_empty_path_is_a_failure() -> None:
    assert read_one("") == Failure(origin="", reason="empty path given; name a file or folder")


# --- JSONL ----------------------------------------------------------------------------


def test_jsonl_yields_documents_and_one_failure_per_bad_line() -> None:
    path = DATA / "records.jsonl"
    results = list(read_documents([path]))
    assert results == [
        Document(
            id="ken-001",
            text="NAIROBI, Kenya — Police fired tear gas at protesters in Kibera on Monday.",
            date=dt.date(2020, 3, 2),
            date_source="record",
            source="Example Daily",
            url="https://example.org/ken-001",
            title="Tear gas in Kibera",
            dateline="NAIROBI",
            origin=f"{path}:1",
        ),
        Failure(
            origin=f"{path}:2",
            reason=f"{path}:2: invalid JSON (Unterminated string starting at column 27)",
        ),
        Document(
            id="som-001",
            text="Fighters clashed with troops near Kismayo.",
            origin=f"{path}:3",
        ),
        Failure(
            origin=f"{path}:5",
            reason=f'{path}:5: invalid "date" "2021-02-30" (expected YYYY-MM-DD)',
            doc_id="som-002",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "reason", "doc_id"),
    [
        ('{"id": "a", "text": "x"', "invalid JSON (Expecting ',' delimiter at column 24)", None),
        ("[1, 2]", "expected a JSON object, got an array", None),
        ('"text"', "expected a JSON object, got a string", None),
        ('{"text": "x"}', 'missing "id" (a non-empty string)', None),
        ('{"id": null, "text": "x"}', 'missing "id" (a non-empty string)', None),
        ('{"id": " ", "text": "x"}', 'empty "id" (a non-empty string)', None),
        ('{"id": 7, "text": "x"}', '"id" must be a string, got a number', None),
        ('{"id": "a"}', 'missing "text" (a non-empty string)', "a"),
        ('{"id": "a", "text": ""}', 'empty "text" (a non-empty string)', "a"),
        ('{"id": "a", "text": ["x"]}', '"text" must be a string, got an array', "a"),
        (
            '{"id": "a", "text": "x", "date": "2015/03/20"}',
            'invalid "date" "2015/03/20" (expected YYYY-MM-DD)',
            "a",
        ),
        (
            '{"id": "a", "text": "x", "date": 20150320}',
            'invalid "date" 20150320 (expected YYYY-MM-DD)',
            "a",
        ),
        ('{"id": "a", "text": "x", "title": 5}', '"title" must be a string, got a number', "a"),
        ('{"id": "a", "text": "x", "url": true}', '"url" must be a string, got a boolean', "a"),
        ('{"id": "a", "text": "x", "source": {}}', '"source" must be a string, got an object', "a"),
        (
            '{"id": "a", "text": "ab\\ud800"}',
            '"text" holds an unpaired surrogate (\\ud800 at character 2); fix the JSON escape',
            "a",
        ),
    ],
)
def test_bad_jsonl_line_is_a_failure_and_reading_goes_on(
    tmp_path: Path, line: str, reason: str, doc_id: str | None
) -> None:
    path = write_bytes(tmp_path, "in.jsonl", f'{line}\n{{"id": "ok", "text": "Fine."}}\n'.encode())
    failure, document = read_documents([path])
    assert failure == Failure(origin=f"{path}:1", reason=f"{path}:1: {reason}", doc_id=doc_id)
    assert isinstance(document, Document) and document.id == "ok"


def test_jsonl_empty_optional_fields_are_unknown(tmp_path: Path) -> None:
    line = '{"id": "a", "text": "x", "date": null, "title": "", "url": null, "source": ""}\n'
    document = read_one(write_bytes(tmp_path, "in.jsonl", line.encode()))
    assert (document.date, document.title, document.url, document.source) == (
        None,
        None,
        None,
        None,
    )


def test_jsonl_default_date_applies_to_records_without_date(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "in.jsonl", b'{"id": "a", "text": "x"}\n')
    document = read_one(path, default_date=dt.date(2020, 1, 1))
    assert (document.date, document.date_source) == (dt.date(2020, 1, 1), "option")


def test_jsonl_non_utf8_line_is_a_failure_naming_the_file_byte_offset(tmp_path: Path) -> None:
    data = b'{"id": "a", "text": "x"}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "y"}\n'
    path = write_bytes(tmp_path, "in.jsonl", data)
    first, failure, last = read_documents([path])
    assert failure == Failure(
        origin=f"{path}:2",
        reason=f"{path}:2: not UTF-8 (byte 0xe9 at byte offset 49); re-save the file as UTF-8",
    )
    assert (first.id, last.id) == ("a", "c")


def test_jsonl_byte_order_mark_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n\r\n   \n{"id": "b", "text": "y"}'
    results = list(read_documents([write_bytes(tmp_path, "in.jsonl", data)]))
    assert [(result.id, result.origin.rsplit(":", 1)[1]) for result in results] == [
        ("a", "1"),
        ("b", "4"),
    ]


def test_jsonl_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "\ufeff  BEIRUT —\r\n x\u2028y\x00 "
    path = write_bytes(tmp_path, "in.jsonl", json.dumps({"id": "a", "text": text}).encode())
    assert read_one(path).text == text


def test_jsonl_text_over_the_size_limit_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 10)
    path = write_bytes(tmp_path, "in.jsonl", b'{"id": "a", "text": "12345678901"}\n')
    assert read_one(path) == Failure(
        origin=f"{path}:1",
        reason=f"{path}:1: too long: 11 characters, over the limit of 10 (MAX_DOCUMENT_CHARS); "
        "split the document",
        doc_id="a",
    )


def test_jsonl_line_over_the_byte_limit_is_skipped_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_JSONL_LINE_BYTES", 64)
    long_line = json.dumps({"id": "long", "text": "x" * 5_000_000})
    data = f'{long_line}\n{{"id": "b", "text": "y"}}\n'.encode()
    failure, document = read_documents([write_bytes(tmp_path, "in.jsonl", data)])
    path = tmp_path / "in.jsonl"
    assert failure == Failure(
        origin=f"{path}:1",
        reason=f"{path}:1: line longer than 64 bytes (MAX_JSONL_LINE_BYTES); split the document",
    )
    assert (document.id, document.origin) == ("b", f"{path}:2")


def test_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "in.jsonl", b'{"id": "a", "text": "x"}\n')
    results = read_documents([path])
    assert next(results).id == "a"
    with path.open("ab") as file:  # written after the first document was read
        file.write(b'{"id": "b", "text": "y"}\n')
    assert [result.id for result in results] == ["b"]


def test_abandoning_the_iterator_mid_file_closes_the_file(tmp_path: Path) -> None:
    data = b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n'
    results = read_documents([write_bytes(tmp_path, "in.jsonl", data)])
    assert next(results).id == "a"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del results
        gc.collect()
    assert [str(warning.message) for warning in caught] == []


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.jsonl", b"", "empty file"),
        ("zip.jsonl", b"PK\x03\x04\x00", "binary file (NUL byte at byte offset 4), not text"),
        (
            "u16.jsonl",
            "{}".encode("utf-16"),
            "UTF-16 text (byte order mark found); convert it to UTF-8",
        ),
    ],
)
def test_unreadable_jsonl_file_is_one_failure(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = write_bytes(tmp_path, name, data)
    assert list(read_documents([path])) == [Failure(origin=str(path), reason=f"{path}: {reason}")]


def test_jsonl_option_reads_any_file_as_jsonl(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "records.txt", b'{"id": "a", "text": "x"}\n')
    assert read_one(path, jsonl=True).id == "a"


def test_jsonl_false_reads_any_file_as_text(tmp_path: Path) -> None:
    data = b'{"id": "a", "text": "x"}\n'
    document = read_one(write_bytes(tmp_path, "records.jsonl", data), jsonl=False)
    assert (document.id, document.text) == ("records.jsonl", data.decode())


# --- standard input -------------------------------------------------------------------


def test_dash_reads_text_from_stdin() -> None:
    stdin = io.StringIO("\ufeffdate 2015-03-20\nBEIRUT — The raid.")
    assert read_one("-", stdin=stdin) == Document(
        id="stdin",
        text="BEIRUT — The raid.",
        date=dt.date(2015, 3, 20),
        date_source="header",
        dateline="BEIRUT",
        origin="<stdin>",
    )


def test_dash_reads_jsonl_from_stdin_when_asked() -> None:
    stdin = io.StringIO('{"id": "a", "text": "x"}\nnot json\n')
    document, failure = read_documents(["-"], jsonl=True, stdin=stdin)
    assert (document.id, document.origin) == ("a", "<stdin>:1")
    assert failure == Failure(
        origin="<stdin>:2", reason="<stdin>:2: invalid JSON (Expecting value at column 1)"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "<stdin>: empty input"),
        ("a\x00b", "<stdin>: binary input (NUL character at offset 1), not text"),
        ("  \n", "<stdin>: no text (only whitespace)"),
    ],
)
def test_unreadable_stdin_is_a_failure(content: str, reason: str) -> None:
    assert read_one("-", stdin=io.StringIO(content)) == Failure(
        origin="<stdin>", reason=reason, doc_id="stdin"
    )


def test_non_utf8_stdin_is_a_failure() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9 bar"), encoding="utf-8")
    failure = read_one("-", stdin=stdin)
    assert failure.reason == ("<stdin>: not UTF-8 (invalid continuation byte); send UTF-8 text")


# --- HTML -----------------------------------------------------------------------------


def test_html_page_gives_article_text_and_metadata() -> None:
    path = DATA / "page.html"
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text.startswith(
        "U.S.-led coalition raids Islamic State near Deir al-Zour\nBEIRUT — The U.S.-led"
    )
    assert "the north of the city of Deir al-Zour, according to the activists." in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert (document.id, document.origin) == ("page.html", str(path))
    assert (document.date, document.date_source) == (dt.date(2016, 1, 10), "record")
    assert document.title == "U.S.-led coalition raids Islamic State near Deir al-Zour"
    assert document.url == "https://news.example.org/2016/01/10/deir-al-zour-raid"
    assert document.source == "Example News"
    assert document.dateline == "BEIRUT"


def test_html_page_without_article_text_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(
        tmp_path, "blank.html", b"<html><head><title>x</title></head><body></body></html>"
    )
    assert read_one(path) == Failure(
        origin=str(path),
        reason=f"{path}: no article text found in the HTML page",
        doc_id="blank.html",
    )


def test_empty_html_file_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "empty.html", b"")
    assert read_one(path).reason == f"{path}: empty file"


# --- feeds ----------------------------------------------------------------------------


def test_rss_feed_gives_one_document_per_entry() -> None:
    path = DATA / "feed.rss"
    first, second = read_documents([path])
    assert first == Document(
        id="wire-2021-0503-kismayo",
        text=(
            "Clashes near Kismayo\n\nMOGADISHU, Somalia (AP) — Fighters clashed with government "
            "troops near Kismayo on Sunday.\nThree people were killed & five wounded."
        ),
        date=dt.date(2021, 5, 3),  # the publisher's date; in UTC it is still 2 May
        date_source="record",
        source="Example Wire",
        url="https://wire.example.org/2021/05/03/kismayo",
        title="Clashes near Kismayo",
        dateline="MOGADISHU",
        origin=f"{path}#1",
    )
    assert second == Document(
        id="https://wire.example.org/2021/05/04/baidoa",  # no guid: the link
        text="Curfew lifted in Baidoa\n\nAuthorities lifted the curfew on Tuesday.",
        source="Example Wire",
        url="https://wire.example.org/2021/05/04/baidoa",
        title="Curfew lifted in Baidoa",
        origin=f"{path}#2",
    )


def test_atom_feed_prefers_full_content_to_summary() -> None:
    path = DATA / "feed.atom"
    assert read_one(path) == Document(
        id="urn:example:atom:1",
        text=(
            "Protest in Nairobi\n\nNAIROBI, Kenya — Hundreds of traders marched to the county "
            "offices.\nPolice dispersed them."
        ),
        date=dt.date(2020, 3, 2),
        date_source="record",
        source="Example Atom",
        url="https://atom.example.org/nairobi",
        title="Protest in Nairobi",
        dateline="NAIROBI",
        origin=f"{path}#1",
    )


def test_feed_entry_without_id_or_link_is_numbered(tmp_path: Path) -> None:
    data = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>'
    )
    document = read_one(write_bytes(tmp_path, "f.rss", data))
    assert (document.id, document.text, document.source) == ("f.rss#1", "A", "T")


def test_feed_entry_without_text_is_a_failure(tmp_path: Path) -> None:
    data = b'<rss version="2.0"><channel><item><guid>g1</guid></item></channel></rss>'
    path = write_bytes(tmp_path, "f.rss", data)
    assert read_one(path) == Failure(
        origin=f"{path}#1", reason=f"{path}#1: feed entry has no title or text", doc_id="g1"
    )


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "data.xml", b"<?xml version='1.0'?><data><row>1</row></data>")
    assert read_one(path) == Failure(origin=str(path), reason=f"{path}: feed has no entries")


def test_broken_xml_is_a_failure(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "broken.rss", b"this is not < xml")
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith(f"{path}: not an RSS or Atom feed (")
    assert "\n" not in failure.reason


def test_html_and_feeds_emit_no_warnings() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(read_documents([DATA / "page.html", DATA / "feed.rss", DATA / "feed.atom"]))
    assert [type(result) for result in results] == [Document] * 4
    assert [str(warning.message) for warning in caught] == []


# --- folders, order, sniffing ---------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order_by_format(tmp_path: Path) -> None:
    for name in ("with-header.txt", "page.html", "feed.atom", "records.jsonl"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    write_bytes(tmp_path / "b", "note.md", b"B note.")
    write_bytes(tmp_path / "a", "z.text", b"A note.")
    write_bytes(tmp_path / ".git", "HEAD", b"ref: refs/heads/main")
    write_bytes(tmp_path, ".hidden.txt", b"hidden")
    ids = [
        result.id if isinstance(result, Document) else result.origin
        for result in read_documents([tmp_path])
    ]
    assert ids == [
        "urn:example:atom:1",
        "page.html",
        "ken-001",
        f"{tmp_path / 'records.jsonl'}:2",
        "som-001",
        f"{tmp_path / 'records.jsonl'}:5",
        "with-header.txt",
        "z.text",
        "note.md",
    ]


def test_folder_entries_that_are_not_files_are_failures(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    write_bytes(tmp_path / "real", "a.txt", b"A.")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    results = list(read_documents([tmp_path]))
    assert results == [
        Failure(
            origin=str(tmp_path / "broken.txt"),
            reason=f"{tmp_path / 'broken.txt'}: not a regular file (a broken link, device or "
            "socket); skipped",
        ),
        Failure(
            origin=str(tmp_path / "loop"),
            reason=f"{tmp_path / 'loop'}: link to a folder, not followed; name the folder "
            "itself to read it",
        ),
        Document(id="a.txt", text="A.", origin=str(tmp_path / "real" / "a.txt")),
    ]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    assert read_one(tmp_path) == Failure(
        origin=str(tmp_path), reason=f"{tmp_path}: folder holds no files to read"
    )


@pytest.mark.parametrize(
    ("data", "expected_id"),
    [
        (b'{"id": "from-json", "text": "x"}\n', "from-json"),
        ((DATA / "page.html").read_bytes(), "report"),
        ((DATA / "feed.atom").read_bytes(), "urn:example:atom:1"),
        (b"Plain text report.", "report"),
    ],
)
def test_unknown_extension_is_sniffed_from_content(
    tmp_path: Path, data: bytes, expected_id: str
) -> None:
    document = read_one(write_bytes(tmp_path, "report", data))
    assert isinstance(document, Document) and document.id == expected_id


def test_results_follow_input_order_and_bad_inputs_do_not_stop_reading(tmp_path: Path) -> None:
    paths = [
        DATA / "empty.txt",
        DATA / "no-header.txt",
        tmp_path / "missing.txt",
        DATA / "binary.bin",
        DATA / "latin1.txt",
        DATA / "with-header.txt",
    ]
    results = list(read_documents(paths))
    assert [type(result) for result in results] == [
        Failure,
        Document,
        Failure,
        Failure,
        Failure,
        Document,
    ]
    assert [result.origin for result in results] == [str(path) for path in paths]


def test_a_single_path_instead_of_a_list_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="sequence of paths"):
        read_documents("notes.txt")  # type: ignore[arg-type]


def test_importing_ingest_loads_no_parsers() -> None:
    code = (
        "import sys, sitrep.ingest; print(sorted({'trafilatura', 'feedparser'} & set(sys.modules)))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


# --- datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BEIRUT — The coalition said.", "BEIRUT"),
        ("KABUL, Afghanistan (Reuters) - Gunmen attacked.", "KABUL"),
        ("NAIROBI, Kenya — Police fired.", "NAIROBI"),
        ("MOGADISHU, Somalia (AP) — Fighters clashed.", "MOGADISHU"),
        ("BEIRUT, Jan 8 (Reuters) - Syrian forces.", "BEIRUT"),
        ("DEIR AL-ZOUR, Syria — Fighting.", "DEIR AL-ZOUR"),
        ("GAZA CITY – Strikes hit.", "GAZA CITY"),
        ("N'DJAMENA, Chad (AP) -- Troops.", "N'DJAMENA"),
        ("WASHINGTON/BEIRUT (Reuters) - Officials.", "WASHINGTON/BEIRUT"),
        ("BEIRUT—The coalition said.", "BEIRUT"),
        ("\n  BEIRUT — After blank lines.", "BEIRUT"),
        ("BOGOTÁ — Rebels.", "BOGOTÁ"),
    ],
)
def test_dateline_is_the_upper_case_place_opening_the_text(text: str, dateline: str) -> None:
    assert detect_dateline(text) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Kabul (AFP) - Lower-case place.",
        "The raid - officials said.",
        "BEIRUT The coalition said, without a dash.",
        "BREAKING — not a place.",
        "(AP) — no place.",
        "AL-HASAKAH: colon, not dash.",
        "2015 — a year.",
        "",
        "Officials said on Monday that the BEIRUT — office closed.",
        "DEIR AL-ZOUR.\nBEIRUT — second line.",
    ],
)
def test_no_dateline_without_an_upper_case_place_and_dash(text: str) -> None:
    assert detect_dateline(text) is None


# --- properties -----------------------------------------------------------------------

texts = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")).filter(
    lambda text: text.strip()
)


@settings(max_examples=200, deadline=None)
@given(text=texts, date=st.dates())
def test_header_and_text_round_trip_through_a_file(
    tmp_path_factory: pytest.TempPathFactory, text: str, date: dt.date
) -> None:
    path = tmp_path_factory.mktemp("roundtrip") / "report.txt"
    path.write_bytes(f"date {date.isoformat()}\n{text}".encode())
    document = read_one(path)
    assert (document.text, document.date, document.date_source) == (text, date, "header")


@settings(max_examples=200, deadline=None)
@given(
    records=st.lists(st.tuples(texts, texts), min_size=1, max_size=5),
    ensure_ascii=st.booleans(),
)
def test_jsonl_id_and_text_round_trip(
    tmp_path_factory: pytest.TempPathFactory, records: list[tuple[str, str]], ensure_ascii: bool
) -> None:
    path = tmp_path_factory.mktemp("roundtrip") / "records.jsonl"
    lines = (json.dumps({"id": i, "text": t}, ensure_ascii=ensure_ascii) for i, t in records)
    path.write_bytes("".join(line + "\n" for line in lines).encode())
    assert [(doc.id, doc.text) for doc in read_documents([path])] == records


@given(text=st.text())
def test_dateline_is_none_or_a_piece_of_the_opening(text: str) -> None:
    dateline = detect_dateline(text)
    assert dateline is None or dateline in text.lstrip()[: ingest.MAX_DATELINE_CHARS]
