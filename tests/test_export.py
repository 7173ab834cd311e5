"""Export: ACLED columns and value formats, valid GeoJSON, JSON Lines, untrusted text defused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.export import (
    ACLED_COLUMNS,
    INTER_LABELS,
    event_to_dict,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from sitrep.records import Claim, Event, Location

DEIR = Location(
    name="Deir ez-Zor",
    country="SY",
    admin1="Deir ez-Zor",
    admin2=None,
    lat=35.336,
    lon=40.14,
    geo_precision=2,
    geonameid=170794,
)
MADOGO = Location("Madogo", "KE", "Tana River", "Bura", -0.47110, 39.5952, 1)


def make_event(event_id: str = "ev-raid", **fields: object) -> Event:
    values: dict[str, object] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "disorder_type": "Political violence",
        "date": dt.date(2016, 1, 8),
        "time_precision": 1,
        "actor1": "Military Forces of the United States",
        "assoc_actor_1": None,
        "inter1": 8,
        "actor2": "Islamic State",
        "assoc_actor_2": None,
        "inter2": 2,
        "location": DEIR,
        "fatalities": 25,
        "claims": (
            Claim(
                "25 Islamic State members were killed",
                "Syrian Observatory for Human Rights",
                "reported",
            ),
        ),
        "is_background": False,
        "notes": "On 8 January 2016, U.S. forces raided an IS compound near Deir ez-Zor.",
        "mention_ids": ("m1", "m2"),
        "doc_ids": ("reuters-1", "ap-1"),
        "source_count": 2,
        "first_seen": dt.date(2016, 1, 10),
        "last_seen": dt.date(2016, 1, 11),
        "evidence": ((0, 120),),
    }
    values.update(fields)
    return Event(id=event_id, **values)  # type: ignore[arg-type]


def csv_rows(events: list[Event], **kwargs: object) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    write_acled_csv(events, out, **kwargs)  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


# ---- ACLED CSV ----------------------------------------------------------------------------


def test_csv_header_is_acleds_columns_in_order() -> None:
    out = io.StringIO()

    write_acled_csv([], out)

    assert out.getvalue() == (
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
        "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
        "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
        "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
        "timestamp\r\n"
    )
    assert len(ACLED_COLUMNS) == 31


def test_csv_row_uses_acled_value_formats() -> None:
    (row,) = csv_rows([make_event()], sources={"reuters-1": "Reuters", "ap-1": "Associated Press"})

    assert row["event_id_cnty"].startswith("SYR")
    assert row["event_id_cnty"][3:].isdigit()
    assert row | {"event_id_cnty": ""} == {
        "event_id_cnty": "",
        "event_date": "08 January 2016",
        "year": "2016",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of the United States",
        "assoc_actor_1": "",
        "inter1": "8",
        "actor2": "Islamic State",
        "assoc_actor_2": "",
        "inter2": "2",
        "interaction": "28",
        "civilian_targeting": "",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Deir ez-Zor",
        "admin2": "",
        "admin3": "",
        "location": "Deir ez-Zor",
        "latitude": "35.336",
        "longitude": "40.14",
        "geo_precision": "2",
        "source": "Reuters; Associated Press",
        "source_scale": "",
        "notes": "On 8 January 2016, U.S. forces raided an IS compound near Deir ez-Zor.",
        "fatalities": "25",
        "tags": "",
        "timestamp": "1452470400",
    }


def test_event_id_cnty_is_stable_and_differs_between_events() -> None:
    first = csv_rows([make_event("a"), make_event("b")])
    again = csv_rows([make_event("a"), make_event("b")])

    assert [r["event_id_cnty"] for r in first] == [r["event_id_cnty"] for r in again]
    assert first[0]["event_id_cnty"] != first[1]["event_id_cnty"]


def test_civilian_target_and_lone_actor_interactions() -> None:
    attack = make_event(
        "attack",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Kenya)",
        inter1=3,
        actor2="Civilians (Kenya)",
        inter2=7,
        location=MADOGO,
    )
    protest = make_event(
        "protest",
        event_type="Protests",
        actor1="Protesters (Kenya)",
        inter1=6,
        actor2=None,
        inter2=None,
        location=MADOGO,
    )

    attack_row, protest_row = csv_rows([attack, protest])

    assert (attack_row["interaction"], attack_row["civilian_targeting"]) == (
        "37",
        "Civilian targeting",
    )
    assert (protest_row["interaction"], protest_row["inter2"]) == ("60", "0")
    assert (attack_row["iso"], attack_row["country"], attack_row["region"]) == (
        "404",
        "Kenya",
        "Eastern Africa",
    )
    assert (attack_row["latitude"], attack_row["longitude"]) == ("-0.4711", "39.5952")
    assert attack_row["event_id_cnty"].startswith("KEN")


def test_event_without_place_or_date_leaves_those_cells_empty() -> None:
    (row,) = csv_rows([make_event(location=None, date=None, first_seen=None, last_seen=None)])

    assert row["event_id_cnty"].startswith("XXX")
    assert [row[c] for c in ("event_date", "year", "iso", "country", "region")] == [""] * 5
    assert [row[c] for c in ("latitude", "longitude", "geo_precision", "timestamp")] == [""] * 4


def test_acled_country_names_are_used() -> None:
    congo = make_event(location=Location("Goma", "CD", "North Kivu", None, -1.68, 29.22, 1))

    (row,) = csv_rows([congo])

    assert (row["country"], row["iso"], row["region"]) == (
        "Democratic Republic of Congo",
        "180",
        "Middle Africa",
    )


def test_formula_cells_from_article_text_are_defused() -> None:
    hostile = make_event(
        notes='=HYPERLINK("http://evil.example","click")',
        actor1="+cmd",
        actor2="@SUM(A1)",
        location=Location("-Town", "KE", None, None, -1.5, 36.0, 1),
    )

    (row,) = csv_rows([hostile])

    assert row["notes"] == '\'=HYPERLINK("http://evil.example","click")'
    assert (row["actor1"], row["actor2"], row["location"]) == ("'+cmd", "'@SUM(A1)", "'-Town")
    assert row["latitude"] == "-1.5"


def test_notes_with_newlines_and_commas_stay_in_one_cell() -> None:
    rows = csv_rows([make_event(notes='Line one, "quoted"\nline two')])

    assert rows[0]["notes"] == 'Line one, "quoted"\nline two'


# ---- JSON ---------------------------------------------------------------------------------


def test_event_to_dict_uses_labels_iso_dates_and_codes() -> None:
    data = event_to_dict(make_event())

    assert data["inter1"] == "External/Other forces"
    assert data["inter1_code"] == 8
    assert (data["inter2"], data["inter2_code"]) == ("Rebel group", 2)
    assert data["date"] == "2016-01-08"
    assert data["location"] == {
        "name": "Deir ez-Zor",
        "country": "SY",
        "admin1": "Deir ez-Zor",
        "admin2": None,
        "lat": 35.336,
        "lon": 40.14,
        "geo_precision": 2,
        "geonameid": 170794,
    }
    assert data["claims"][0]["attributed_to"] == "Syrian Observatory for Human Rights"
    assert data["mention_ids"] == ["m1", "m2"]
    assert data["evidence"] == [[0, 120]]
    assert json.loads(json.dumps(data)) == data


def test_inter_labels_are_acleds() -> None:
    assert INTER_LABELS[1] == "State forces"
    assert INTER_LABELS[8] == "External/Other forces"
    assert sorted(INTER_LABELS) == list(range(1, 9))


def test_jsonl_has_one_event_per_line() -> None:
    out = io.StringIO()

    write_jsonl([make_event("a"), make_event("b", notes="ünïcode — kept")], out)

    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    assert "ünïcode — kept" in lines[1]


def test_geojson_is_a_feature_collection_of_points() -> None:
    out = io.StringIO()

    write_geojson([make_event("placed"), make_event("nowhere", location=None)], out)

    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    placed, nowhere = collection["features"]
    assert placed["type"] == "Feature"
    assert placed["geometry"] == {"type": "Point", "coordinates": [40.14, 35.336]}
    assert placed["properties"] == event_to_dict(make_event("placed"))
    assert nowhere["geometry"] is None
    assert nowhere["properties"]["location"] is None


def test_geojson_without_valid_coordinates_has_null_geometry() -> None:
    unresolved = Location("Somewhere", "SY", None, None, None, None, 3)
    broken = Location("Nowhere", "SY", None, None, float("nan"), 500.0, 3)
    out = io.StringIO()

    write_geojson([make_event("a", location=unresolved), make_event("b", location=broken)], out)

    features = json.loads(out.getvalue())["features"]
    assert [f["geometry"] for f in features] == [None, None]
    assert features[1]["properties"]["location"]["lat"] is None


def test_empty_geojson_is_valid() -> None:
    out = io.StringIO()

    write_geojson([], out)

    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# ---- any event exports -------------------------------------------------------------------

maybe_texts = st.none() | st.text(max_size=30)
any_events = st.builds(
    Event,
    id=st.text(min_size=1, max_size=20),
    event_type=st.text(max_size=20),
    sub_event_type=st.text(max_size=20),
    disorder_type=st.text(max_size=20),
    date=st.none() | st.dates(),
    time_precision=st.integers(min_value=1, max_value=3),
    actor1=maybe_texts,
    assoc_actor_1=maybe_texts,
    inter1=st.none() | st.integers(min_value=1, max_value=8),
    actor2=maybe_texts,
    assoc_actor_2=maybe_texts,
    inter2=st.none() | st.integers(min_value=1, max_value=8),
    location=st.none()
    | st.builds(
        Location,
        name=maybe_texts,
        country=st.none() | st.sampled_from(["SY", "KE", "GH", "AF", "XK", "ZZ", "us"]),
        admin1=maybe_texts,
        admin2=maybe_texts,
        lat=st.none() | st.floats(),
        lon=st.none() | st.floats(),
        geo_precision=st.integers(min_value=1, max_value=3),
    ),
    fatalities=st.integers(min_value=0, max_value=10_000),
    claims=st.lists(
        st.builds(
            Claim, text=st.text(max_size=20), attributed_to=maybe_texts, status=st.just("reported")
        ),
        max_size=2,
    ).map(tuple),
    is_background=st.booleans(),
    notes=maybe_texts,
    mention_ids=st.lists(st.text(max_size=8), max_size=3).map(tuple),
    doc_ids=st.lists(st.text(max_size=8), max_size=3).map(tuple),
    source_count=st.integers(min_value=0, max_value=5),
    first_seen=st.none() | st.dates(),
    last_seen=st.none() | st.dates(),
)


@settings(max_examples=60, deadline=None)
@given(events=st.lists(any_events, max_size=4))
def test_any_events_export_to_parseable_csv_geojson_and_jsonl(events: list[Event]) -> None:
    rows = csv_rows(events)
    geo, lines = io.StringIO(), io.StringIO()
    write_geojson(events, geo)
    write_jsonl(events, lines)

    assert len(rows) == len(events)
    assert all(list(row) == list(ACLED_COLUMNS) and None not in row.values() for row in rows)
    features = json.loads(geo.getvalue())["features"]
    assert [f["properties"]["id"] for f in features] == [e.id for e in events]
    for feature in features:
        if feature["geometry"] is not None:
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert [json.loads(line)["id"] for line in lines.getvalue().splitlines()] == [
        e.id for e in events
    ]
