"""``sitrep train``: a classifier from the user's own ACLED export, beside the rules.

The export here is a small synthetic file written by the test (never ACLED's rows).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.codebook import load_codebook
from sitrep.records import Event
from sitrep.train import (
    DATA_DIR_ENV,
    MODEL_ENV,
    TrainingError,
    load_classifier,
    read_acled_export,
    recode_events,
    train_model,
)

pytest.importorskip("sklearn", reason="install the train extra: pip install 'sitrep[train]'")

PLACES = ["Nairobi", "Kisumu", "Mombasa", "Nakuru", "Eldoret", "Garissa", "Lamu", "Thika"]
KINDS = [
    ("Protests", "Peaceful protest", "traders marched peacefully in {p} demanding lower taxes"),
    ("Battles", "Armed clash", "soldiers and militants exchanged fire near {p} for hours"),
    ("Violence against civilians", "Attack", "gunmen shot a shopkeeper dead in {p} at night"),
]


def _write_export(path: Path, *, delimiter: str = ";") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["event_date", "event_type", "sub_event_type", "notes"])
        for place in PLACES:
            for event_type, sub, note in KINDS:
                writer.writerow(["1 June 2021", event_type, sub, note.format(p=place)])
    return path


def test_training_stores_the_model_in_the_data_folder_and_reports_agreement(tmp_path):
    export = _write_export(tmp_path / "export.csv")
    trained = train_model(export, name="mine", folds=3, data_dir=tmp_path / "data")
    assert trained.path == tmp_path / "data" / "models" / "mine"
    assert (trained.path / "model.pkl").is_file() and (trained.path / "model.json").is_file()
    assert trained.agreement.rows == len(PLACES) * len(KINDS)
    assert trained.agreement.event_type == pytest.approx(1.0)
    classifier = load_classifier("mine", data_dir=tmp_path / "data")
    event_type, sub, confidence = classifier.predict("gunmen shot a trader dead in Kitale")
    assert (event_type, sub) == ("Violence against civilians", "Attack")
    assert 0 < confidence <= 1


def test_comma_separated_export_reads_the_same_rows(tmp_path):
    semicolon = read_acled_export(_write_export(tmp_path / "a.csv"))
    comma = read_acled_export(_write_export(tmp_path / "b.csv", delimiter=","))
    assert semicolon == comma and len(comma) == len(PLACES) * len(KINDS)


def test_export_without_notes_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,event_type\n1 June 2021,Battles\n", encoding="utf-8")
    with pytest.raises(TrainingError, match="no 'notes' and 'event_type' columns"):
        read_acled_export(bad)


def test_too_small_export_is_refused(tmp_path):
    small = tmp_path / "small.csv"
    small.write_text("event_type;notes\nBattles;a clash\n", encoding="utf-8")
    with pytest.raises(TrainingError, match="at least 20 are needed"):
        train_model(small, name="tiny", data_dir=tmp_path)


def test_missing_model_is_a_one_line_cli_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from sitrep.cli import app

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(MODEL_ENV, "")
    outcome = CliRunner().invoke(app, ["parse", "--model", "nope", str(tmp_path / "x.txt")])
    assert outcome.exit_code == 1
    assert outcome.output.strip().splitlines()[0].startswith("Error: no model named 'nope'")


def test_train_command_prints_cross_validated_agreement(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from sitrep.cli import app

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    export = _write_export(tmp_path / "export.csv")
    outcome = CliRunner().invoke(app, ["train", "--acled", str(export), "--name", "t",
                                       "--folds", "3"])
    assert outcome.exit_code == 0, outcome.output
    assert "3-fold cross-validated agreement" in outcome.output
    assert (tmp_path / "data" / "models" / "t" / "model.pkl").is_file()


@dataclass(frozen=True)
class FixedClassifier:
    name: str
    answer: tuple[str, str, float]

    def predict(self, text: str) -> tuple[str, str, float]:
        return self.answer


def _event(event_type: str, sub: str) -> Event:
    return Event(id="e", event_type=event_type, sub_event_type=sub, disorder_type="x",
                 date=dt.date(2021, 6, 1), time_precision=1, actor1=None, assoc_actor_1=None,
                 inter1=None, actor2=None, assoc_actor_2=None, inter2=None, location=None,
                 fatalities=0, claims=(), is_background=False, notes="On 1 June 2021.",
                 mention_ids=("m",), doc_ids=("d",), source_count=1, evidence=((0, 10),))


def test_confident_model_recodes_a_less_severe_rule_type_and_says_so():
    model = FixedClassifier("mine", ("Riots", "Violent demonstration", 0.97))
    (event,) = recode_events((_event("Protests", "Peaceful protest"),), "x" * 10,
                             classifier=model, codebook=load_codebook())  # type: ignore[arg-type]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert "Model mine reads Riots / Violent demonstration" in (event.notes or "")


def test_model_never_overrides_a_more_severe_rule_type_or_an_unsure_guess():
    codebook = load_codebook()
    severe = FixedClassifier("mine", ("Protests", "Peaceful protest", 0.99))
    unsure = FixedClassifier("mine", ("Riots", "Violent demonstration", 0.5))
    for model, rules_type in ((severe, ("Riots", "Violent demonstration")),
                              (unsure, ("Protests", "Peaceful protest"))):
        (event,) = recode_events((_event(*rules_type),), "x" * 10, classifier=model,  # type: ignore[arg-type]
                                 codebook=codebook)
        assert (event.event_type, event.sub_event_type) == rules_type
        assert "the rules' type is kept" in (event.notes or "")
