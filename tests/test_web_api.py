"""The web view over HTTP: the read-only JSON API, the pages, escaping, and the serve command.

A small database is written by hand (no model needed): a raid with its evidence and claims,
a capture of Kunduz, a background event, an event without coordinates, and a report whose
text, title, link and actor are hostile HTML. The app opens it read-only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from postgres_db import fresh_postgres
from sitrep.cli import app as cli_app
from sitrep.errors import SchemaOutdated, StoreError
from sitrep.records import Claim, Document, Event, EventMention, Location
from sitrep.store import (
    SCHEMA_VERSION,
    EventQuery,
    StoredDocument,
    document_key,
    open_store,
    open_store_readonly,
)
from sitrep.web.app import API_MAX_LIMIT, create_app
from sitrep.web.highlight import TextPiece, split_highlights

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "sitrep" / "web" / "static" / "vendor"
SERVER_START_SECONDS = 30

# ---- records by hand ----------------------------------------------------------------------

RAID_SENTENCE_1 = (
    "U.S. special forces raided an Islamic State compound near Deir al-Zour on Sunday."
)
RAID_SENTENCE_2 = (
    "The Syrian Observatory for Human Rights said that 25 Islamic State members were killed."
)
RAID_BACKGROUND = "Islamic State fighters captured the town in May 2015."
RAID_TEXT = f"BEIRUT — {RAID_SENTENCE_1} {RAID_SENTENCE_2}\n\n{RAID_BACKGROUND}\n"
KUNDUZ_SENTENCE = "Taliban fighters took control of most of the northern city of Kunduz on Sunday."
KUNDUZ_TEXT = f"KABUL — {KUNDUZ_SENTENCE} Residents said many shops were shut.\n"
HOSTILE_SENTENCE = 'Gunmen attacked a village. <script>alert("text")</script>'
HOSTILE_TEXT = (
    f'{HOSTILE_SENTENCE} <img src=x onerror="alert(1)"> Officials said "<b>five</b>" died.'
)
HOSTILE_ACTOR = '<script>alert("actor")</script>'

DEIR = Location("Deir ez-Zor", "SY", "Deir ez-Zor", None, 35.336, 40.14, 2, 170794)
KUNDUZ = Location("Kunduz", "AF", "Kunduz", None, 36.728, 68.857, 1, 1135689)
SOHR = Claim(
    text="25 Islamic State members were killed",
    attributed_to="Syrian Observatory for Human Rights",
    status="reported",
    kind="fatalities",
    value="25",
)
DENIAL = Claim(
    text="the whole city had been captured",
    attributed_to="Defence Ministry",
    status="denied",
    kind="occurrence",
)
HOSTILE_CLAIM = Claim(text='<img src=x onerror="alert(2)">', attributed_to="<i>x</i>",
                      status="unconfirmed")


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return (start, start + len(sentence))


def _mention(mention_id: str, doc_id: str, event: Event, evidence: tuple[tuple[int, int], ...]
             ) -> EventMention:
    return EventMention(
        id=mention_id, doc_id=doc_id, event_type=event.event_type,
        sub_event_type=event.sub_event_type, disorder_type=event.disorder_type,
        date=event.date, time_precision=event.time_precision, actor1=event.actor1,
        inter1=event.inter1, actor2=event.actor2, inter2=event.inter2,
        location=event.location, fatalities=event.fatalities, claims=event.claims,
        is_background=event.is_background, evidence=evidence, trigger="raided",
        rule="battles.raid", date_text="Sunday",
    )


def _event(event_id: str, doc_id: str, **fields: object) -> Event:
    values: dict[str, object] = {
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "disorder_type": "Political violence", "date": dt.date(2016, 1, 10),
        "time_precision": 1, "actor1": "Military Forces of the United States",
        "assoc_actor_1": None, "inter1": 8, "actor2": "Islamic State", "assoc_actor_2": None,
        "inter2": 2, "location": DEIR, "fatalities": 25, "claims": (SOHR,),
        "is_background": False, "notes": "U.S. forces raided an IS compound near Deir ez-Zor.",
        "mention_ids": (f"m-{event_id}",), "doc_ids": (doc_id,), "source_count": 1,
    }
    values.update(fields)
    return Event(id=event_id, **values)  # type: ignore[arg-type]


RAID = _event("raid0000000001", "raid")
RAID_HISTORY = _event(
    "history0000001", "raid", date=dt.date(2015, 5, 15), time_precision=3,
    sub_event_type="Non-state actor overtakes territory", actor1="Islamic State", inter1=2,
    actor2=None, inter2=None, fatalities=0, claims=(), is_background=True,
    flags=("historical",), notes="Background: Islamic State captured the town.",
)
KUNDUZ_CAPTURE = _event(
    "kunduz00000001", "kunduz", date=dt.date(2021, 8, 8),
    sub_event_type="Non-state actor overtakes territory", actor1="Taliban", inter1=2,
    actor2="Military Forces of Afghanistan", inter2=1, location=KUNDUZ, fatalities=0,
    claims=(DENIAL,), notes="Taliban took Kunduz.",
)
KUNDUZ_SHOPS = _event(
    "kunduz00000002", "kunduz", date=dt.date(2021, 8, 9), event_type="Strategic developments",
    sub_event_type="Other", disorder_type="Strategic developments",
    actor1="Civilians (Afghanistan)", inter1=7, actor2=None, inter2=None, location=None,
    fatalities=0, claims=(), notes="Shops shut.",
)
HOSTILE = _event(
    "hostile0000001", "hostile", date=dt.date(2021, 8, 10), event_type="Violence against civilians",
    sub_event_type="Attack", actor1=HOSTILE_ACTOR, inter1=3, actor2="Civilians (Nigeria)",
    inter2=7, location=Location("Kankara", "NG", "Katsina", None, 11.93, 7.41, 1, None),
    fatalities=5, claims=(HOSTILE_CLAIM,), notes='<script>alert("notes")</script>',
)

DOCUMENTS = (
    Document(id="raid", text=RAID_TEXT, date=dt.date(2016, 1, 11), source="Reuters",
             title="U.S. raid near Deir al-Zour", url="https://example.org/raid",
             dateline="BEIRUT"),
    Document(id="kunduz", text=KUNDUZ_TEXT, date=dt.date(2021, 8, 9), source="AP",
             title="Taliban take Kunduz", dateline="KABUL"),
    Document(id="hostile", text=HOSTILE_TEXT, date=dt.date(2021, 8, 11),
             source='"><script>alert("source")</script>', title="<b>Hostile</b> report",
             url='javascript:alert("url")'),
)
EVIDENCE = {
    RAID.id: (_span(RAID_TEXT, RAID_SENTENCE_1), _span(RAID_TEXT, RAID_SENTENCE_2)),
    RAID_HISTORY.id: (_span(RAID_TEXT, RAID_BACKGROUND),),
    KUNDUZ_CAPTURE.id: (_span(KUNDUZ_TEXT, KUNDUZ_SENTENCE),),
    KUNDUZ_SHOPS.id: (),
    HOSTILE.id: (_span(HOSTILE_TEXT, HOSTILE_SENTENCE),),
}
EVENTS = (RAID, RAID_HISTORY, KUNDUZ_CAPTURE, KUNDUZ_SHOPS, HOSTILE)
NEWS_NEWEST_FIRST = [HOSTILE.id, KUNDUZ_SHOPS.id, KUNDUZ_CAPTURE.id, RAID.id]
KEYS = {d.id: document_key(d) for d in DOCUMENTS}


def write_database(target: Path | str) -> None:
    mentions = [
        _mention(e.mention_ids[0], e.doc_ids[0], e, EVIDENCE[e.id]) for e in EVENTS
    ]
    with open_store(target) as store:
        store.write_batch(
            documents=[StoredDocument(d) for d in DOCUMENTS], mentions=mentions,
            events=EVENTS, failures=(),
        )


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "sitrep.db"
    write_database(path)
    return path


@pytest.fixture(scope="module")
def client(database: Path) -> Iterator[TestClient]:
    with TestClient(create_app(open_store_readonly(database))) as test_client:
        yield test_client


def _ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


# ---- the JSON API -------------------------------------------------------------------------


def test_events_api_lists_news_events_newest_first_with_the_export_fields(client):
    body = client.get("/api/events").json()
    assert [item["id"] for item in body["items"]] == NEWS_NEWEST_FIRST
    assert body["total"] == 4 and body["next_offset"] is None
    raid = body["items"][-1]
    assert raid["inter1"] == "External/Other forces" and raid["inter1_code"] == 8
    assert raid["location"]["lat"] == 35.336
    assert raid["claims"][0]["attributed_to"] == "Syrian Observatory for Human Rights"


def test_events_api_pages_with_limit_and_offset_until_next_offset_is_null(client):
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert body["total"] == 4 and body["limit"] == 3
        seen += [item["id"] for item in body["items"]]
        offset = body["next_offset"]
    assert seen == NEWS_NEWEST_FIRST


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "AF"}, [KUNDUZ_CAPTURE.id]),  # the shops event has no location
        ({"country": "af"}, [KUNDUZ_CAPTURE.id]),
        ({"event_type": "Battles"}, [KUNDUZ_CAPTURE.id, RAID.id]),
        ({"since": "2021-08-09", "until": "2021-08-09"}, [KUNDUZ_SHOPS.id]),
        ({"until": "2020-01-01"}, [RAID.id]),
        ({"actor": "taliban"}, [KUNDUZ_CAPTURE.id]),
        ({"actor": "islamic state"}, [RAID.id]),
        ({"actor": "afghanistan"}, [KUNDUZ_SHOPS.id, KUNDUZ_CAPTURE.id]),
        ({"actor": "100%_"}, []),
        ({"q": "Observatory"}, [RAID.id]),
        ({"q": "Kunduz shops"}, [KUNDUZ_SHOPS.id, KUNDUZ_CAPTURE.id]),
        ({"q": "Kunduz", "event_type": "Battles", "country": "AF"}, [KUNDUZ_CAPTURE.id]),
        ({"background": "true", "country": "SY"}, [RAID.id, RAID_HISTORY.id]),
        ({"country": "FR"}, []),
    ],
)
def test_events_api_filters_combine(client, params, expected):
    response = client.get("/api/events", params=params)
    assert _ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_event_api_gives_mentions_with_evidence_and_documents_with_keys(client):
    body = client.get(f"/api/events/{RAID.id}").json()
    assert body["event"]["id"] == RAID.id
    (mention,) = body["mentions"]
    assert mention["doc_key"] == KEYS["raid"]
    assert [RAID_TEXT[s:e] for s, e in mention["evidence"]] == [RAID_SENTENCE_1, RAID_SENTENCE_2]
    assert body["documents"] == [{
        "doc_key": KEYS["raid"], "id": "raid", "title": "U.S. raid near Deir al-Zour",
        "date": "2016-01-11", "date_source": None, "source": "Reuters",
        "url": "https://example.org/raid", "dateline": "BEIRUT",
    }]


def test_event_api_accepts_a_unique_id_prefix(client):
    assert client.get("/api/events/kunduz00000001"[:8]).status_code == 404  # two match
    assert client.get("/api/events/hostile").json()["event"]["id"] == HOSTILE.id


def test_unknown_event_is_a_json_404_in_the_api_and_a_page_404_in_html(client, database):
    api = client.get("/api/events/nosuchevent")
    assert api.status_code == 404
    assert api.json() == {"detail": f"No event with id 'nosuchevent' in {database}."
                          " Run `sitrep events` to list event ids."}
    page = client.get("/events/nosuchevent")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "No event with id &#39;nosuchevent&#39;" in page.text


def test_timeline_counts_events_per_day_and_per_iso_week(client):
    days = client.get("/api/timeline", params={"background": "true"}).json()
    assert days == {"bucket": "day", "undated": 0, "counts": [
        {"start": "2015-05-15", "count": 1}, {"start": "2016-01-10", "count": 1},
        {"start": "2021-08-08", "count": 1}, {"start": "2021-08-09", "count": 1},
        {"start": "2021-08-10", "count": 1},
    ]}
    weeks = client.get("/api/timeline", params={"bucket": "week", "q": "Kunduz"}).json()
    # 2021-08-08 is a Sunday (week of Monday 08-02); 08-09 is the next Monday.
    assert weeks["counts"] == [{"start": "2021-08-02", "count": 1},
                               {"start": "2021-08-09", "count": 1}]


def test_facets_list_the_countries_and_event_types_present(client):
    assert client.get("/api/facets").json() == {
        "country": ["AF", "NG", "SY"],
        "event_type": ["Battles", "Strategic developments", "Violence against civilians"],
    }


def test_documents_api_lists_reports_without_text_with_their_events(client):
    body = client.get("/api/documents", params={"limit": 2}).json()
    assert body["total"] == 3 and body["next_offset"] == 2
    assert [d["id"] for d in body["items"]] == ["hostile", "kunduz"]
    assert "text" not in body["items"][0]
    assert body["items"][1]["event_ids"] == [KUNDUZ_CAPTURE.id, KUNDUZ_SHOPS.id]


def test_document_api_gives_text_and_the_event_of_each_mention(client):
    body = client.get(f"/api/documents/{KEYS['raid']}").json()
    assert body["text"] == RAID_TEXT
    assert {m["event_id"] for m in body["mentions"]} == {RAID.id, RAID_HISTORY.id}
    assert client.get("/api/documents/0000000000000000").status_code == 404


def test_search_api_finds_reports_containing_every_word(client):
    body = client.get("/api/search", params={"q": "Islamic Observatory"}).json()
    assert [d["id"] for d in body["items"]] == ["raid"]
    assert body["items"][0]["event_ids"] == sorted([RAID.id, RAID_HISTORY.id])
    assert client.get("/api/search", params={"q": "nowhere-to-be-found"}).json()["items"] == []


def test_search_api_pages_with_next_offset(client):
    first = client.get("/api/search", params={"q": "said", "limit": 2}).json()
    second = client.get("/api/search", params={"q": "said", "limit": 2, "offset": 2}).json()
    assert first["next_offset"] == 2 and second["next_offset"] is None
    found = [d["id"] for d in first["items"] + second["items"]]
    assert sorted(found) == ["hostile", "kunduz", "raid"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=0",
        f"/api/events?limit={API_MAX_LIMIT + 1}",
        "/api/events?offset=-1",
        "/api/events?since=yesterday",
        "/api/events?country=SYR",
        "/api/timeline?bucket=month",
        "/api/search",
    ],
)
def test_bad_api_parameters_are_rejected_with_422(client, url):
    assert client.get(url).status_code == 422


def test_openapi_schema_documents_every_api_path_as_get_only(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/events", "/api/events/{event_id}", "/api/timeline", "/api/facets",
        "/api/documents", "/api/documents/{doc_key}", "/api/search",
    }
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, path
        assert operations["get"]["description"] or operations["get"]["summary"], path
    parameters = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert parameters == {"since", "until", "country", "event_type", "actor", "q", "background",
                          "limit", "offset"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/", "/api/events", f"/api/events/{RAID.id}", "/documents",
                                 "/static/sitrep.js"])
def test_nothing_but_get_is_allowed(client, method, url):
    assert client.request(method, url).status_code == 405


def test_every_route_is_get_or_head_only(client):
    for route in client.app.routes:
        methods = getattr(route, "methods", None)
        if methods is not None:
            assert methods <= {"GET", "HEAD"}, route.path


# ---- the read-only store ------------------------------------------------------------------


def test_readonly_store_cannot_write(database):
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    with open_store_readonly(database) as store, pytest.raises(StoreError, match="readonly"):
        store.write_batch(documents=[StoredDocument(Document(id="new", text="New text."))],
                          mentions=(), events=(), failures=())
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_readonly_store_refuses_a_missing_database(tmp_path):
    missing = tmp_path / "nope.db"
    with pytest.raises(StoreError) as caught:
        open_store_readonly(missing)
    assert str(caught.value) == (
        f"Database {missing} does not exist; run `sitrep extract REPORTS --db {missing}` first."
    )
    assert not missing.exists()


def test_readonly_store_refuses_an_older_schema_instead_of_upgrading(tmp_path):
    path = tmp_path / "old.db"
    write_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version VALUES (?, '2020-01-01')", (SCHEMA_VERSION - 1,))
    conn.close()
    with pytest.raises(SchemaOutdated, match=r"Run `sitrep events --db .*old\.db` once"):
        open_store_readonly(path)


@pytest.mark.postgres
def test_readonly_postgresql_store_serves_the_api_and_cannot_write():
    url = fresh_postgres()
    write_database(url)
    store = open_store_readonly(url)
    with TestClient(create_app(store)) as pg_client:
        assert _ids(pg_client.get("/api/events")) == NEWS_NEWEST_FIRST
        assert _ids(pg_client.get("/api/events", params={"actor": "TALIBAN"})) == [
            KUNDUZ_CAPTURE.id]
        found = pg_client.get("/api/search", params={"q": "Observatory"}).json()["items"]
        assert [d["id"] for d in found] == ["raid"]
        with pytest.raises(StoreError, match="read-only transaction"):
            store.write_batch(documents=[StoredDocument(Document(id="new", text="New."))],
                              mentions=(), events=(), failures=())


def test_find_events_actor_filter_ignores_case_and_matches_associated_actors(tmp_path):
    path = tmp_path / "assoc.db"
    event = _event("assoc000000001", "raid", assoc_actor_2="Sunni Tribal Militia (Syria)")
    with open_store(path) as store:
        store.write_batch(documents=[StoredDocument(DOCUMENTS[0])],
                          mentions=[_mention(event.mention_ids[0], "raid", event, ())],
                          events=[event], failures=())
    with open_store_readonly(path) as store:
        found, total = store.find_events(EventQuery(actor="TRIBAL militia"))
    assert [e.id for e in found] == [event.id] and total == 1


# ---- the pages ----------------------------------------------------------------------------


def _marks(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<mark class="evidence">(.*?)</mark>', page,
                                                 flags=re.DOTALL)]


def test_index_page_lists_the_filtered_events_with_links(client):
    page = client.get("/", params={"q": "Kunduz", "since": "", "actor": ""})
    assert page.status_code == 200
    assert re.findall(r'href="/events/([^"]+)"', page.text) == [KUNDUZ_SHOPS.id,
                                                                  KUNDUZ_CAPTURE.id]
    assert "2 events match." in page.text
    page = client.get("/", params={"country": "AF"})
    assert re.findall(r'href="/events/([^"]+)"', page.text) == [KUNDUZ_CAPTURE.id]
    assert '<option value="AF" selected>' in page.text


def test_index_page_reports_a_bad_date_and_ignores_it(client):
    page = client.get("/", params={"since": "last week"})
    assert page.status_code == 400
    assert "since &#39;last week&#39; is not a date; use YYYY-MM-DD." in page.text
    assert "4 events match." in page.text


def test_event_page_highlights_its_evidence_sentences_in_the_source_text(client):
    page = client.get(f"/events/{RAID.id}").text
    assert _marks(page) == [RAID_SENTENCE_1, RAID_SENTENCE_2]
    text = re.search(r'<div class="source-text">(.*?)</div>', page, flags=re.DOTALL)
    assert text is not None
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", text.group(1))) == RAID_TEXT


def test_event_page_shows_claims_with_their_source_and_status(client):
    page = client.get(f"/events/{KUNDUZ_CAPTURE.id}").text
    assert '<span class="status status-denied">denied</span>' in page
    assert "the whole city had been captured" in page
    assert '<td class="claim-source">Defence Ministry</td>' in page


def test_event_and_document_pages_link_to_each_other(client):
    event_page = client.get(f"/events/{RAID.id}").text
    assert f'href="/documents/{KEYS["raid"]}"' in event_page
    document_page = client.get(f"/documents/{KEYS['raid']}").text
    assert f'href="/events/{RAID.id}"' in document_page
    assert f'href="/events/{RAID_HISTORY.id}"' in document_page
    assert _marks(document_page) == [RAID_SENTENCE_1, RAID_SENTENCE_2, RAID_BACKGROUND]


def test_documents_page_lists_every_report_with_its_event_count(client):
    page = client.get("/documents").text
    assert [html.unescape(t) for t in re.findall(r'class="document-link" href="[^"]+">([^<]+)<',
                                                 page)] == [
        "<b>Hostile</b> report", "Taliban take Kunduz", "U.S. raid near Deir al-Zour"]


def test_an_external_link_is_kept_only_when_it_is_http(client):
    assert 'href="https://example.org/raid"' in client.get(f"/events/{RAID.id}").text
    hostile = client.get(f"/events/{HOSTILE.id}").text + client.get(
        f"/documents/{KEYS['hostile']}").text
    assert "javascript:" not in hostile


@pytest.mark.parametrize("url", ["/", "/?background=1", f"/events/{HOSTILE.id}",
                                 f"/documents/{KEYS['hostile']}", "/documents"])
def test_article_text_is_escaped_on_every_page(client, url):
    page = client.get(url).text
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<b>five</b>" not in page and "<i>x</i>" not in page
    assert "&lt;script&gt;alert(" in page or url == "/documents"


@pytest.mark.parametrize("url", ["/", f"/events/{RAID.id}", f"/documents/{KEYS['raid']}",
                                 "/documents", "/nowhere"])
def test_pages_have_no_inline_script_or_style_and_a_strict_security_policy(client, url):
    response = client.get(url)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.text) == []
    assert re.findall(r"\s(style|on[a-z]+)\s*=", response.text) == []


def test_page_script_never_writes_html_from_strings():
    script = (ROOT / "src" / "sitrep" / "web" / "static" / "sitrep.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "bindTooltip(", ".setAttribute(\"style"):
        assert sink not in script


def test_split_highlights_merges_overlaps_and_clips_to_the_text():
    assert split_highlights("abcdefgh", [(5, 7), (1, 3), (2, 4), (6, 99), (3, 3)]) == [
        TextPiece("a", False), TextPiece("bcd", True), TextPiece("e", False),
        TextPiece("fgh", True),
    ]
    assert split_highlights("abc", []) == [TextPiece("abc", False)]


# ---- the vendored map files ---------------------------------------------------------------


def test_vendored_files_are_served_and_match_the_versions_and_hashes_in_their_readme(client):
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, flags=re.MULTILINE)
    hashes = {path: digest for digest, path in listed}
    assert len(hashes) == 4
    for path, digest in hashes.items():
        response = client.get(f"/static/vendor/{path}")
        assert response.status_code == 200, path
        assert hashlib.sha256(response.content).hexdigest() == digest, path
    assert "Leaflet 1.9.4" in (VENDOR / "leaflet" / "leaflet.js").read_text()[:200]
    assert "| 1.9.4 |" in readme and "| 3.1.0 |" in readme and "| 2.0.2 |" in readme
    atlas = json.loads((VENDOR / "world-atlas" / "countries-110m.json").read_text())
    assert atlas["type"] == "Topology" and len(atlas["objects"]["countries"]["geometries"]) > 150


def test_vendored_files_are_small_and_package_data():
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    assert total < 500_000
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for pattern in ("web/templates/*.html", "web/static/*.js", "web/static/*.css",
                    "web/static/vendor/*/*.js", "web/static/vendor/*/*.json"):
        assert f'"{pattern}"' in pyproject


# ---- the serve command --------------------------------------------------------------------


def test_serve_command_has_help_and_is_in_the_readme():
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--host" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "sitrep serve --db sitrep.db" in readme


def test_serve_on_a_missing_database_is_a_one_line_error(tmp_path):
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Database {missing} does not exist; run `sitrep extract REPORTS --db {missing}`"
        " first.\n"
    )


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.delitem(sys.modules, "sitrep.web.app")
    monkeypatch.setitem(sys.modules, "fastapi", None)  # "import fastapi" now fails
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "any.db")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the web view needs the web extra (fastapi is missing); "
        "run: pip install 'sitrep[web]'\n"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_command_serves_the_api_read_only_on_the_given_port(database):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(database), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as r:
                    body = json.load(r)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert [item["id"] for item in body["items"]] == NEWS_NEWEST_FIRST
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=SERVER_START_SECONDS)
    assert f"Serving {database} read-only: open http://127.0.0.1:{port}/ in a browser" in stderr
