"""``sitrep explain``: every event's trigger, rule and the spans behind its fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.explain import explain_report, format_explanation
from sitrep.pipeline import ReportResult, process_documents
from sitrep.records import Document

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("On 6 June 2021, Pokot raiders killed three herders in Lodwar, Kenya, "
        "police said.")

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def result(resources) -> ReportResult:
    document = Document(id="lokori", text=TEXT, date=dt.date(2021, 6, 8), date_source="option")
    (processed,) = process_documents([document], resources=resources)
    assert isinstance(processed, ReportResult)
    return processed


def test_explanation_names_the_rule_and_points_at_the_trigger(result, resources):
    (event, *_) = explain_report(result, codebook=resources.codebook)
    (mention, *_) = event.mentions
    assert mention.rule == "vac.attack"
    assert mention.trigger is not None
    assert TEXT[mention.trigger.start:mention.trigger.end] == "killed"


def test_every_field_span_is_a_span_of_the_report(result, resources):
    (event, *_) = explain_report(result, codebook=resources.codebook)
    fields = {f.field: f for f in event.fields}
    assert set(fields) == {"sub_event_type", "actor1", "actor2", "location", "date",
                           "fatalities"}
    assert [s.text for s in fields["actor1"].spans] == ["Pokot raiders"]
    assert [s.text for s in fields["location"].spans] == ["Lodwar"]
    assert [s.text for s in fields["date"].spans] == ["6 June 2021"]
    for field in fields.values():
        for span in field.spans:
            if field.field != "fatalities":
                assert TEXT[span.start:span.end] == span.text


def test_the_fatality_figure_is_explained_by_the_sentence_that_gives_it(result, resources):
    (event, *_) = explain_report(result, codebook=resources.codebook)
    fatalities = next(f for f in event.fields if f.field == "fatalities")
    assert fatalities.value == "3"
    assert "number of dead" in fatalities.reason
    assert any("killed three herders" in span.text for span in fatalities.spans)


def test_text_explanation_lists_each_field_with_its_reason(result, resources):
    text = format_explanation(explain_report(result, codebook=resources.codebook),
                              title="lokori")
    assert text.startswith("== lokori")
    assert "rule vac.attack" in text
    assert "'Lodwar' at" in text


def test_explain_command_prints_the_rule_for_a_sample(tmp_path, resources):
    from typer.testing import CliRunner

    from sitrep.cli import app

    report = tmp_path / "r.txt"
    report.write_text("date 2021-06-08\n" + TEXT, encoding="utf-8")
    outcome = CliRunner().invoke(app, ["explain", str(report)])
    assert outcome.exit_code == 0, outcome.output
    assert "rule vac.attack" in outcome.output


def test_a_classifier_that_recoded_the_type_is_named_beside_the_rule(result, resources):
    import dataclasses

    from sitrep.train import recode_events

    class Fixed:
        name = "mine"

        def predict(self, text: str) -> tuple[str, str, float]:
            return ("Riots", "Mob violence", 0.99)

    recoded = recode_events(result.events, result.document.text, classifier=Fixed(),  # type: ignore[arg-type]
                            codebook=resources.codebook)
    (event, *_) = explain_report(dataclasses.replace(result, events=recoded),
                                 codebook=resources.codebook)
    reason = next(f.reason for f in event.fields if f.field == "sub_event_type")
    assert "rule vac.attack fired" in reason
    assert "Model mine reads Riots / Mob violence" in reason
    assert reason.endswith(("the model's type is coded.", "the rules' type is kept."))


def test_without_a_classifier_the_type_reason_is_the_rule_alone(result, resources):
    (event, *_) = explain_report(result, codebook=resources.codebook)
    reason = next(f.reason for f in event.fields if f.field == "sub_event_type")
    assert "Model" not in reason


def test_explain_command_reports_a_bad_input_and_explains_the_rest(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    good = tmp_path / "good.txt"
    good.write_text("date 2021-06-08\n" + TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    outcome = CliRunner().invoke(app, ["explain", str(empty), str(good)])
    assert outcome.exit_code == 1
    assert "rule vac.attack" in outcome.output
    assert f"Error: {empty}" in outcome.output
    assert "1 input(s) could not be processed" in outcome.output


def test_explain_command_checks_the_model_before_any_work(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from sitrep.cli import app
    from sitrep.train import DATA_DIR_ENV, MODEL_ENV

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(MODEL_ENV, "")
    report = tmp_path / "r.txt"
    report.write_text("date 2021-06-08\n" + TEXT, encoding="utf-8")
    outcome = CliRunner().invoke(app, ["explain", "--model", "nope", str(report)])
    assert outcome.exit_code == 1
    assert outcome.output.strip().splitlines()[0].startswith("Error: no model named 'nope'")


def _fatality_field(resources, text: str):  # type: ignore[no-untyped-def]
    """The fatalities field of the first event of a report written for the test."""
    document = Document(id="t", text=text, date=dt.date(2021, 6, 8), date_source="option")
    (processed,) = process_documents([document], resources=resources)
    (event, *_) = explain_report(processed, codebook=resources.codebook)
    return next(f for f in event.fields if f.field == "fatalities")


def test_a_toll_set_aside_as_a_partys_claim_is_explained_as_such(resources):
    field = _fatality_field(resources, (
        "On 3 May 2020, two soldiers were killed in an attack on a checkpoint in Andar "
        "district, Ghazni, a Taliban spokesman said."))
    assert field.value == "0"
    assert "party to the fighting" in field.reason and "none coded" in field.reason
    assert "according to" not in field.reason


def test_differing_tolls_are_explained_by_the_lowest_figure_rule(resources):
    field = _fatality_field(resources, (
        "On 6 June 2021, gunmen killed two herders in Lodwar, Kenya, police said. "
        "The Red Cross said three herders were killed in the attack."))
    assert field.value == "2"
    assert "the lowest stated figure is coded" in field.reason
    assert [s.text for s in field.spans] == ["killed two herders in Lodwar, Kenya"]
