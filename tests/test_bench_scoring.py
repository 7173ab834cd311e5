"""Parsing and scoring code of bench/acled.py, on two invented rows and hand-written output.

No ACLED data: the two rows below are made up for this test.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import acled  # noqa: E402
import sitrep_run  # noqa: E402

# 2021-03-05 00:00 UTC, 3 days after the first row's event date.
TS_3_DAYS = int(dt.datetime(2021, 3, 5, tzinfo=dt.timezone.utc).timestamp())
# Years later: the document date falls back to event_date + 7 days.
TS_LATE = int(dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc).timestamp())

NEW_HEADER = (
    "data_id;iso;event_id_cnty;event_id_no_cnty;event_date;year;time_precision;event_type;"
    "sub_event_type;actor1;assoc_actor_1;inter1;actor2;assoc_actor_2;inter2;interaction;"
    "region;country;admin1;admin2;admin3;location;latitude;longitude;geo_precision;source;"
    "source_scale;notes;fatalities;timestamp;iso3"
)
NEW_ROWS = [
    f'1;999;XXX1;1;"02 March 2021";2021;1;Protests;"Protest with intervention";'
    f'"Protesters (Testland)";;6;"Police Forces of Testland";;1;16;"Eastern Africa";'
    f'Testland;"Nairobi";Westlands;;Nairobi;-1.2833;36.8167;1;"Paper";National;'
    f'"On 2 March 2021, police fired tear gas at protesters in Nairobi.";0;{TS_3_DAYS};XXX',
    f'2;999;XXX2;2;"10 March 2021";2021;2;"Violence against civilians";Attack;'
    f'"Unidentified Armed Group (Testland)";;3;"Civilians (Testland)";;7;37;"Eastern Africa";'
    f'Testland;"Rift Valley";Nakuru;;Nakuru;-0.2833;36.0667;1;"Paper";National;'
    f'"Around 10 March 2021, gunmen killed 2 villagers near Nakuru.";2;{TS_LATE};XXX',
]
OLD_CSV = textwrap.dedent(
    """\
    GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES
    999,1TST,1,01-January-2015,2015,1,Riots/Protests,Rioters (Testland),,5,Police Forces of Testland,,1,15,Testland,Khulna,,,Khulna,22.8,89.55,1,Paper,"Rioters threw stones at police in Khulna on Thursday.",0
    999,2TST,2,02-January-2015,2015,1,Battle-No change of territory,Rebels,,2,Military Forces of Testland,,1,12,Testland,Khulna,,,Khulna,22.8,89.55,1,Paper,"Rebels clashed with the army.",1
    """
)


@pytest.fixture
def acled_dir(tmp_path: Path) -> Path:
    d = tmp_path / "acled"
    d.mkdir()
    (d / "testland-2021.csv").write_text(NEW_HEADER + "\n" + "\n".join(NEW_ROWS) + "\n", "utf-8")
    (d / "testasia-2015-old-format.csv").write_text(OLD_CSV, "utf-8")
    return d


def event(**kw) -> dict:
    base = {
        "event_type": "Protests",
        "sub_event_type": "Protest with intervention",
        "disorder_type": "Demonstrations",
        "date": "2021-03-02",
        "time_precision": 1,
        "actor1": "Protesters (Testland)",
        "inter1": "Protesters",
        "actor2": "Police Forces of Testland",
        "inter2": "State forces",
        "location": {"name": "Nairobi", "country": "KE", "admin1": "Nairobi County",
                     "admin2": None, "lat": -1.2864, "lon": 36.8172, "geo_precision": 1},
        "fatalities": 0,
        "claims": [],
        "is_background": False,
        "evidence": [{"start": 0, "end": 10}],
    }
    base.update(kw)
    return base


def test_read_new_schema_semicolon(acled_dir):
    rows = acled.read_acled_csv(acled_dir / "testland-2021.csv")
    assert len(rows) == 2
    r1, r2 = rows
    assert r1.event_type == "Protests" and r1.sub_event_type == "Protest with intervention"
    assert (r1.inter1, r1.inter2) == (6, 1)
    assert r1.event_date == dt.date(2021, 3, 2)
    assert r1.doc_date == dt.date(2021, 3, 5)  # timestamp within 0-30 days
    assert r2.doc_date == dt.date(2021, 3, 17)  # timestamp years later: event_date + 7
    assert r2.time_precision == 2 and r2.fatalities == 2
    assert acled.to_record(r1) == {"id": r1.id, "text": r1.notes, "date": "2021-03-05"}


def test_read_old_schema_maps_types(acled_dir):
    rows = acled.read_acled_csv(acled_dir / "testasia-2015-old-format.csv")
    assert [r.old_schema for r in rows] == [True, True]
    assert rows[0].event_type == "Riots"  # Riots/Protests with a rioter actor
    assert rows[1].event_type == "Battles"
    assert all(r.sub_event_type is None for r in rows)
    assert rows[0].event_date == dt.date(2015, 1, 1)
    assert rows[0].doc_date == dt.date(2015, 1, 8)  # no timestamp column


def test_old_event_type_ambiguous():
    assert acled.old_event_type("Riots/Protests", 6, None) == "Protests"
    assert acled.old_event_type("Riots/Protests", 6, 5) is None
    assert acled.old_event_type("Remote violence", 2, 1) == "Explosions/Remote violence"
    assert acled.old_event_type("Violence Against Civilians", 3, 7) == "Violence against civilians"


def test_inter_code_accepts_labels_and_numbers():
    assert acled.inter_code("External/Other forces") == 8
    assert acled.inter_code("state forces") == 1
    assert acled.inter_code("0") is None and acled.inter_code(None) is None
    assert acled.inter_code(3) == 3 and acled.inter_code("7") == 7


def test_main_event_skips_background_and_errors():
    doc = {"id": "a", "events": [event(is_background=True, event_type="Battles"), event()]}
    assert acled.main_event(doc)["event_type"] == "Protests"
    assert acled.main_event({"id": "a", "error": "boom"}) is None
    assert acled.main_event({"id": "a", "events": []}) is None
    assert acled.main_event(None) is None


def test_score_hand_made_output(acled_dir):
    rows = acled.read_acled_csv(acled_dir / "testland-2021.csv")
    r1, r2 = rows
    # Document 1: a background event first, then the main event, all fields right.
    # Document 2: an error line -> no event -> wrong on everything.
    lines = [
        json.dumps({"schema": 1, "id": r1.id, "date": "2021-03-05",
                    "events": [event(is_background=True, event_type="Riots",
                                     date="2020-01-01"), event()]}),
        "some log line that is not JSON",
        json.dumps({"id": r2.id, "error": "could not parse"}),
    ]
    records = [acled.to_record(r) for r in rows]
    outputs = sitrep_run.match_outputs(records, sitrep_run.read_output_lines("\n".join(lines)))
    tallies = acled.score(rows, outputs)
    t = tallies["testland-2021.csv"]
    assert t.n == 2 and t.no_event == 1 and t.errors == 1
    for metric in ("event_type", "sub_event_type", "fatalities", "inter1", "inter2", "date",
                   "time_precision", "location", "admin1"):
        assert t.rate(metric) == 50.0, metric
    assert t.rate("fatalities_pos") == 0.0 and t.totals["fatalities_pos"] == 1
    # Protest with intervention: F1 1.0; Attack: F1 0.0 -> macro 50.
    assert acled.macro_f1(t.sub_pairs) == 50.0
    assert tallies["overall"].n == 2
    report = acled.markdown_report(tallies, "python bench/acled.py --test")
    assert "| **overall** | 2 | 1 |" in report
    assert "| Violence against civilians | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 0.0 |" in report


def protest_row(**place) -> acled.GoldRow:
    """A peaceful protest by protesters alone, at ``place`` (country, admin1, location,
    lat, lon)."""
    return acled.GoldRow(
        id="x", file="f.csv", notes="n", event_date=dt.date(2021, 3, 2),
        doc_date=dt.date(2021, 3, 9), time_precision=1, event_type="Protests",
        sub_event_type="Peaceful protest", actor1="Protesters", actor2="", inter1=6,
        inter2=None, fatalities=0, **place,
    )


def test_wrong_location_and_inter():
    row = protest_row(country="Kenya", admin1="Mombasa", location="Mombasa",
                      lat=-4.05, lon=39.67)
    t = acled.Tally()
    ev = event(inter2=None, actor2=None)  # Nairobi: ~440 km from Mombasa
    acled.score_row(row, {"id": "x", "events": [ev]}, t)
    assert t.rate("inter1") == 100.0 and t.rate("inter2") == 100.0  # None == ACLED 0
    assert t.rate("location") == 0.0 and t.rate("admin1") == 0.0
    assert t.rate("sub_event_type") == 0.0
    assert t.rate("country") == 100.0  # Nairobi is in Kenya, however far from Mombasa


def test_country_counts_only_events_placed_in_a_country():
    row = protest_row(country="Bangladesh", admin1="Dhaka", location="Dhaka", lat=23.7,
                      lon=90.4)
    t = acled.Tally()
    maryland = {"name": "Maryland", "country": "US", "admin1": "Maryland",
                "lat": 39.0, "lon": -76.7}
    acled.score_row(row, {"id": "x", "events": [event(location=maryland)]}, t)
    acled.score_row(row, {"id": "x", "events": [event(location=None)]}, t)
    assert t.totals["country"] == 1 and t.rate("country") == 0.0
    assert acled.country_code("Kenya") == "KE" and acled.country_code("") is None


def test_helpers():
    assert acled.haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert acled.admin1_match("Nairobi", "Nairobi County")
    assert acled.admin1_match("Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa Province")
    assert not acled.admin1_match("", "")
    assert acled.document_date(dt.date(2021, 3, 2), "") == dt.date(2021, 3, 9)
    assert acled.macro_f1([]) is None


def test_main_skips_without_data(tmp_path, capsys):
    assert acled.main(["--data", str(tmp_path / "nope")]) == 0
    assert "skipped: folder not found" in capsys.readouterr().out


def test_main_with_saved_output(acled_dir, tmp_path, capsys):
    rows = acled.read_acled_csv(acled_dir / "testland-2021.csv")
    saved = tmp_path / "out.jsonl"
    saved.write_text(json.dumps({"id": rows[0].id, "events": [event()]}) + "\n", "utf-8")
    rc = acled.main(["--data", str(acled_dir), "--files", "testland",
                     "--load-output", str(saved)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "| testland-2021.csv | 2 | 1 |" in out


def test_run_parse_with_fake_cli(acled_dir, tmp_path, capsys):
    """The subprocess plumbing, with a stand-in for `sitrep parse --jsonl FILE`."""
    fake = tmp_path / "fake_sitrep.py"
    fake.write_text(textwrap.dedent(
        """\
        import json, sys
        assert sys.argv[1:3] == ["parse", "--jsonl"], sys.argv
        for line in open(sys.argv[-1], encoding="utf-8"):
            doc = json.loads(line)
            ev = {"event_type": "Protests", "sub_event_type": "Protest with intervention",
                  "date": "2021-03-02", "time_precision": 1, "inter1": "Protesters",
                  "inter2": "State forces", "fatalities": 0, "is_background": False,
                  "location": {"lat": -1.28, "lon": 36.82, "admin1": "Nairobi"}}
            print(json.dumps({"schema": 1, "id": doc["id"], "date": doc.get("date"),
                              "events": [ev]}))
        """
    ), "utf-8")
    cmd = f"{sys.executable} {fake}"
    saved = tmp_path / "saved.jsonl"
    rc = acled.main(["--data", str(acled_dir), "--files", "testland", "--cmd", cmd,
                     "--chunk", "1", "--save-output", str(saved)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "| testland-2021.csv | 2 | 0 | 50.0 |" in out
    # the saved lines, one per row in the rows' order, score the same without sitrep
    ids = [json.loads(line)["id"] for line in saved.read_text("utf-8").splitlines()]
    assert ids == [r.id for r in acled.read_acled_csv(acled_dir / "testland-2021.csv")]
    assert acled.main(["--data", str(acled_dir), "--files", "testland",
                       "--load-output", str(saved)]) == 0
    assert "| testland-2021.csv | 2 | 0 | 50.0 |" in capsys.readouterr().out


def test_run_parse_reports_failure(tmp_path):
    records = [{"id": "a", "text": "x"}]
    with pytest.raises(sitrep_run.SitrepRunError):
        sitrep_run.run_parse(records, [sys.executable, "-c", "import sys; sys.exit(3)"],
                             progress=False)


def test_row_diff_of_two_outputs_sorts_changed_rows_by_kind(acled_dir, tmp_path, capsys):
    import acled_diff

    r1, r2 = acled.read_acled_csv(acled_dir / "testland-2021.csv")
    before = {r1.id: {"id": r1.id, "events": [event(fatalities=3)]},
              r2.id: {"id": r2.id, "events": [event(event_type="Battles", fatalities=2)]}}
    after = {r1.id: {"id": r1.id, "events": [event(fatalities=0)]},  # 3 -> 0: now right
             r2.id: {"id": r2.id, "events": [event(event_type="Riots", fatalities=5)]}}
    deaths = acled_diff.compare([r1, r2], before, after, "fatalities")
    assert (deaths.count("better"), deaths.count("worse"), deaths.count("other")) == (1, 1, 0)
    assert deaths.rows["worse"][0][1:] == (2, 5)
    types = acled_diff.compare([r1, r2], before, after, "event_type")
    assert (types.count("better"), types.count("worse"), types.count("other")) == (0, 0, 1)
    # the command line reads saved outputs and prints the table
    paths = []
    for name, docs in (("before", before), ("after", after)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs.values()), "utf-8")
        paths.append(str(path))
    assert acled_diff.main([*paths, "--data", str(acled_dir), "--files", "testland",
                            "--field", "fatalities", "--show", "worse"]) == 0
    printed = capsys.readouterr().out
    assert "| fatalities | 1 | 1 | 0 |" in printed
    assert f"- {r2.id}: ACLED 2, 2 -> 5 |" in printed
