"""The pipeline over several reports: order, failures in place, resuming a killed run."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.ingest import read_documents
from sitrep.pipeline import ReportResult, extract_to_store, run_reports
from sitrep.records import Failure
from sitrep.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "samples"

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "broken.txt").write_bytes(b"\xff\xfe not text")
    return folder


def test_results_keep_input_order_with_failures_in_place(resources, tmp_path):
    folder = _corpus(tmp_path)
    names = [p.name for p in sorted(folder.iterdir())]
    results = list(run_reports(read_documents([folder]), resources=resources, batch_size=3))
    got = [r.document.id if isinstance(r, ReportResult) else Path(r.origin).name
           for r in results]
    assert got == names
    assert isinstance(results[names.index("broken.txt")], Failure)


def test_two_worker_processes_give_the_same_events_as_one(resources, tmp_path):
    folder = _corpus(tmp_path)
    one = list(run_reports(read_documents([folder]), resources=resources, batch_size=2))
    two = list(run_reports(read_documents([folder]), workers=2, batch_size=2))
    assert [getattr(r, "events", r) for r in two] == [getattr(r, "events", r) for r in one]


def test_a_run_killed_after_its_first_batch_resumes_without_duplicates(
    resources, tmp_path, monkeypatch
):
    folder = _corpus(tmp_path)
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 2)
    store = open_store(tmp_path / "s.db")

    written = []

    def die_after_first_batch(summary):
        if summary.documents:
            written.append(summary.documents)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_to_store([folder], store=store, resources=resources,
                         on_progress=die_after_first_batch)
    (done,) = written
    assert 0 < done < 7
    assert store.count_rows()["documents"] == done
    summary = extract_to_store([folder], store=store, resources=resources)
    assert (summary.skipped, summary.documents) == (done, 7 - done)
    again = extract_to_store([folder], store=store, resources=resources)
    assert (again.skipped, again.documents) == (7, 0)
    rows = store.count_rows()
    assert rows["documents"] == 7
    assert rows["failures"] == 1  # the same bad file, recorded once
    store.close()
