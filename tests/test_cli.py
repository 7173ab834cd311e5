"""The command line: exit codes, one-line errors, help text, and the README documents it all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "sitrep" / "samples" / "deir-al-zour-raid.txt"
COMMANDS = sorted(
    {command.name or command.callback.__name__ for command in app.registered_commands}
    | {group.name for group in app.registered_groups}
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(runner, command):
    assert len(COMMANDS) >= 7
    result = _run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"sitrep {command}" in readme


def test_events_on_missing_database_is_one_line_error(runner, tmp_path):
    missing = tmp_path / "nope.db"
    result = _run(runner, "events", "--db", str(missing))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: database {missing} does not exist; run `sitrep extract REPORTS --db {missing}`"
        " first\n"
    )


def test_link_on_missing_database_is_one_line_error(runner, tmp_path):
    missing = tmp_path / "nope.db"
    result = _run(runner, "link", "--db", str(missing))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: database {missing} does not exist; run `sitrep extract REPORTS --db {missing}`"
        " first\n"
    )


def test_parse_rejects_a_bad_date_option(runner):
    result = _run(runner, "parse", str(SAMPLE), "--date", "20/03/2015")
    assert result.exit_code == 1
    assert result.stderr == "Error: --date '20/03/2015' is not a date; use YYYY-MM-DD\n"


def test_show_unknown_event_is_one_line_error(runner, tmp_path):
    from sitrep.store import open_store

    db = tmp_path / "empty.db"
    open_store(db).close()
    result = runner.invoke(app, ["show", "abcdef123456", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1
    assert "abcdef123456" in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_parse_prints_contract_json_and_records_bad_input(runner, tmp_path, resources):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = _run(runner, "parse", str(SAMPLE), str(empty))
    assert result.exit_code == 1  # one input failed: the batch goes on, the status says so
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["deir-al-zour-raid.txt", "empty.txt"]
    report, failure = lines
    assert report["schema"] == 1
    assert report["events"][0]["event_type"] == "Battles"
    assert report["events"][0]["location"]["country"] == "SY"
    assert {"start", "end", "text", "type", "value"} <= set(report["timexes"][0])
    assert set(report["places"][0]) == {  # CONTRACT.md's place keys, no internal ones
        "start", "end", "text", "name", "geonameid", "feature", "country", "admin1", "admin2",
        "lat", "lon"}
    assert "error" in failure and "empty" in failure["error"]
    assert f"Error: {empty}" in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_extract_twice_adds_no_duplicates_and_exports_acled_columns(runner, tmp_path, resources):
    from sitrep.export import ACLED_COLUMNS

    db = tmp_path / "s.db"
    first = _run(runner, "extract", str(SAMPLE), "--db", str(db))
    assert first.exit_code == 0, first.output
    listed = _run(runner, "events", "--db", str(db), "--format", "json", "--background")
    again = _run(runner, "extract", str(SAMPLE), "--db", str(db))
    assert "1 documents already stored" in again.stdout
    relisted = _run(runner, "events", "--db", str(db), "--format", "json", "--background")
    assert relisted.stdout == listed.stdout
    actor = json.loads(listed.stdout.splitlines()[0])["actor1"]
    by_actor = _run(runner, "events", "--db", str(db), "--format", "json", "--background",
                    "--actor", actor.upper()[2:9])
    assert by_actor.stdout.splitlines() and set(by_actor.stdout.splitlines()) <= set(
        listed.stdout.splitlines())
    nobody = _run(runner, "events", "--db", str(db), "--actor", "no such actor anywhere")
    assert nobody.exit_code == 0 and "no such actor" not in nobody.stdout
    out = tmp_path / "events.csv"
    exported = _run(runner, "export", "--db", str(db), "--format", "acled-csv", "-o", str(out))
    assert exported.exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(ACLED_COLUMNS)
    event_id = json.loads(listed.stdout.splitlines()[0])["id"]
    shown = _run(runner, "show", event_id[:8], "--db", str(db))
    assert shown.exit_code == 0
    assert "evidence" in shown.stdout


@pytest.mark.model
@pytest.mark.slow
def test_a_bad_jsonl_line_is_named_once_and_the_rest_goes_on(runner, tmp_path, resources):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Gunmen killed two villagers in Mandera on Monday.",'
        ' "date": "2020-03-20"}\nnot json\n', encoding="utf-8")
    result = _run(runner, "parse", "--jsonl", str(corpus))
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == "a" and first["events"]
    assert second["error"].startswith(f"{corpus}:2: invalid JSON")
    assert result.stderr.splitlines()[0] == f"Error: {second['error']}"
