"""Extraction on a Dask cluster: partitions and byte ranges, the same result as one process,
resuming after a dead worker or a killed command, and concurrent runs on one PostgreSQL DB.

The cluster tests use a real ``LocalCluster`` with two worker processes, the real model and
gazetteer, and the PostgreSQL server of ``SITREP_TEST_POSTGRES_URL`` (``.ci/run`` starts
one). Outside CI they skip when Dask, the model or the server is missing; in CI they fail.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from postgres_db import fresh_postgres, require
from sitrep import cluster
from sitrep.cluster import ByteRange, FileGroup, number_lines, plan_partitions, read_partition
from sitrep.errors import ClusterError, InputError, StoreError
from sitrep.ingest import read_documents
from sitrep.records import Document
from sitrep.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sitrep" / "samples"
SITREP = Path(sys.executable).with_name("sitrep")
IS_CI = bool(os.environ.get("CI"))
CORPUS_DOCUMENTS = 24
KILL_WAIT_S = 240  # how long a test waits for a run to store its first batches


def _snapshot(store: Store) -> dict[str, object]:
    """What a run leaves in the database, by content id (each list sorted)."""
    return {
        "documents": sorted(store.document_keys()),
        "mentions": sorted(m.id for m in store.list_mentions()),
        "events": sorted(e.id for e in store.list_events(include_background=True)),
        "rows": store.count_rows(),
    }


# ---- byte ranges and partitions (no model, no cluster) -------------------------------------

TRICKY_LINES = [
    '\ufeff{"id": "bom", "text": "Caf\\u00e9 first line with a byte order mark."}\n',
    '{"id": "wide", "text": "中文 and emoji 🙂 cross byte boundaries", "date": "2020-01-02"}\n',
    "\n",
    "not json at all\n",
    '{"id": "crlf", "text": "Windows line end."}\r\n',
    '{"id": "nodate", "text": "' + "long " * 40 + '"}\n',
    '["an array"]\n',
    '{"id": "last", "text": "No newline at the end of the file."}',
]


def _tricky_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "tricky.jsonl"
    data = "".join(TRICKY_LINES).encode("utf-8")
    bad = b'{"id": "latin1", "text": "caf\xe9"}\n'  # not UTF-8, in the middle
    path.write_bytes(data[: data.index(b"not json")] + bad + data[data.index(b"not json"):])
    return path


def _as_tuples(items) -> list[tuple]:
    return [
        (type(i).__name__, i.origin, getattr(i, "id", None), getattr(i, "text", None),
         getattr(i, "reason", None))
        for i in items
    ]


def _read_ranges(path: Path, cuts: list[int]) -> list[tuple]:
    size = path.stat().st_size
    bounds = [0, *cuts, size]
    ranges = [ByteRange(str(path), a, b) for a, b in itertools.pairwise(bounds)]
    items = [item for r in number_lines(ranges) for item in read_partition(r)]
    return _as_tuples(items)


def test_byte_ranges_read_each_line_once_wherever_the_cut_falls(tmp_path: Path) -> None:
    path = _tricky_jsonl(tmp_path)
    expected = _as_tuples(read_documents([path], jsonl=True))
    size = path.stat().st_size
    assert any(kind == "Failure" for kind, *_ in expected)  # the file has bad lines too

    for cut in range(1, size):
        assert _read_ranges(path, [cut]) == expected, f"cut at byte {cut}"
    for first in range(1, size, 7):
        for second in range(first + 1, size, 13):
            assert _read_ranges(path, [first, second]) == expected, (first, second)


def test_a_binary_jsonl_file_split_in_ranges_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b'{"id": "a"}\n\x00\x01' + b"x" * 100)

    items = _read_ranges(path, [20, 60])

    assert items == _as_tuples(read_documents([path]))
    assert len(items) == 1 and items[0][0] == "Failure"


def test_plan_splits_large_jsonl_and_groups_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "MIN_PARTITION_BYTES", 100)
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (folder / name).write_text(f"date 2020-01-01\nKABUL — Report {name}.\n", encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": f"Line {i} text."}) for i in range(40)]
    (folder / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    partitions, failures = plan_partitions([folder, missing], target_partitions=4)

    ranges = [p for p in partitions if isinstance(p, ByteRange)]
    groups = [p for p in partitions if isinstance(p, FileGroup)]
    assert len(ranges) == 4
    assert sorted(name for g in groups for name in g.paths) == sorted(
        [str(folder / "a.txt"), str(folder / "b.txt"), str(folder / "sub" / "c.txt"),
         str(missing)]
    )
    assert failures == []
    got = [item for p in number_lines(partitions) for item in read_partition(p)]
    assert sorted(_as_tuples(got)) == sorted(_as_tuples(read_documents([folder, missing])))


def test_standard_input_cannot_be_split_across_a_cluster() -> None:
    with pytest.raises(InputError) as caught:
        plan_partitions(["-"])

    assert str(caught.value) == (
        'Standard input ("-") cannot be split across a cluster. Save it to a file, or run '
        "without --workers and --scheduler."
    )


def test_workers_get_an_absolute_sqlite_path_and_never_an_in_memory_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("relative.db") as store:
        assert cluster.shareable_url(store) == f"sqlite:///{tmp_path / 'relative.db'}"
    with open_store(":memory:") as store, pytest.raises(StoreError) as caught:
        cluster.shareable_url(store)
    assert str(caught.value).startswith("An in-memory database cannot be shared")


def test_unreachable_scheduler_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        require("Dask is not installed (pip install -e '.[cluster]')")
    from typer.testing import CliRunner

    from sitrep.cli import app

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    report = tmp_path / "r.txt"
    report.write_text("date 2020-01-01\nKABUL — A report.\n", encoding="utf-8")

    result = CliRunner().invoke(
        app, ["extract", str(report), "--db", str(tmp_path / "s.db"),
              "--scheduler", "tcp://127.0.0.1:9"],
    )

    error = result.stderr.splitlines()[-1]  # after the progress line
    assert result.exit_code == 1
    assert error.startswith("Error: Cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert error.endswith("Check the address (tcp://HOST:8786) and that `dask scheduler` is "
                          "running there.")


def test_a_worker_loads_the_classifier_the_client_named_whatever_its_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str | None] = []

    def load_resources(*, gazetteer_path: Path | None) -> object:
        seen.append(os.environ.get("SITREP_MODEL"))
        return object()

    monkeypatch.setattr("sitrep.pipeline.load_resources", load_resources)
    monkeypatch.setattr(cluster, "_RESOURCES", {})
    monkeypatch.setenv("SITREP_MODEL", "the-worker-machine-s-own")

    named = cluster.worker_resources(None, model="clf-client")
    plain = cluster.worker_resources(None, model=None)

    assert seen == ["clf-client", None]
    assert cluster.worker_resources(None, model="clf-client") is named and named is not plain


# ---- on a real LocalCluster with two worker processes ---------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundled reports, each repeated with a distinct last line: three JSONL files."""
    samples = [d for d in read_documents([SAMPLES]) if isinstance(d, Document)]
    folder = tmp_path_factory.mktemp("corpus")
    paths = [folder / f"part{n}.jsonl" for n in range(3)]
    for i in range(CORPUS_DOCUMENTS):
        doc = samples[i % len(samples)]
        record = {"id": f"copy-{i:03d}", "text": f"{doc.text}\n\nCopy {i}.",
                  "date": doc.date.isoformat() if doc.date else None, "source": "test"}
        with paths[i * len(paths) // CORPUS_DOCUMENTS].open("a", encoding="utf-8") as file:
            file.write(json.dumps(record) + "\n")
    return paths


@pytest.fixture(scope="module")
def reference(corpus: list[Path], resources, tmp_path_factory) -> dict[str, object]:
    """What a one-process run stores for the corpus."""
    from sitrep.pipeline import extract_to_store

    with open_store(tmp_path_factory.mktemp("reference") / "one.db") as store:
        extract_to_store(corpus, store=store, resources=resources)
        return _snapshot(store)


@pytest.fixture(scope="module")
def client(resources) -> Iterator[object]:
    """A LocalCluster of two worker processes (the gazetteer exists: ``resources`` built it)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        require("Dask is not installed (pip install -e '.[cluster]')")
    with cluster.connect_cluster(workers=2) as connected:
        yield connected


@pytest.fixture()
def small_partitions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Partitions of a few reports each, so that a run has many tasks to kill or share."""
    monkeypatch.setattr(cluster, "MIN_PARTITION_BYTES", 4096)


def _worker_pids(client) -> dict[str, int]:
    return client.run(os.getpid)


def _stored_count(url: str) -> int:
    with open_store(url) as store:
        return store.count_rows()["documents"]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.postgres
def test_cluster_run_stores_what_one_process_stores_and_rerun_adds_nothing(
    client, corpus, reference, small_partitions
) -> None:
    url = fresh_postgres()
    seen = []

    with open_store(url) as store:
        first = cluster.extract_on_cluster(corpus, store=store, client=client,
                                           on_progress=lambda s: seen.append(s.documents))
        second = cluster.extract_on_cluster(corpus, store=store, client=client)
        snapshot = _snapshot(store)

    assert snapshot == reference
    assert (first.documents, first.skipped, first.failures) == (CORPUS_DOCUMENTS, 0, [])
    assert (second.documents, second.skipped) == (0, CORPUS_DOCUMENTS)
    assert seen[-1] == CORPUS_DOCUMENTS and len(seen) > 2  # live progress, then the total
    assert len(set(_worker_pids(client).values())) == 2


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.postgres
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing_after_rerun(
    client, corpus, reference, small_partitions
) -> None:
    url = fresh_postgres()
    outcome: dict[str, object] = {}

    def run() -> None:
        with open_store(url) as store:
            try:
                outcome["summary"] = cluster.extract_on_cluster(
                    corpus, store=store, client=client, batch_size=2
                )
            except ClusterError as err:  # Dask may give up on a partition
                outcome["error"] = err

    thread = threading.Thread(target=run)
    open_store(url).close()  # the schema exists before the poll below reads it
    thread.start()
    deadline = time.monotonic() + KILL_WAIT_S
    while _stored_count(url) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    stored_at_kill = _stored_count(url)
    victim = next(iter(_worker_pids(client).values()))
    os.kill(victim, signal.SIGKILL)
    thread.join(timeout=KILL_WAIT_S)
    assert not thread.is_alive()

    with open_store(url) as store:
        cluster.extract_on_cluster(corpus, store=store, client=client)
        snapshot = _snapshot(store)

    assert 2 <= stored_at_kill < CORPUS_DOCUMENTS  # killed mid-run
    assert victim not in _worker_pids(client).values()  # the nanny started a new worker
    assert snapshot == reference


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.postgres
def test_concurrent_runs_on_overlapping_inputs_store_each_document_once(
    client, corpus, reference, small_partitions
) -> None:
    url = fresh_postgres()
    open_store(url).close()
    errors: list[Exception] = []

    def run(paths: list[Path]) -> None:
        try:
            with open_store(url) as store:
                cluster.extract_on_cluster(paths, store=store, client=client, batch_size=3)
        except Exception as err:  # noqa: BLE001 (a thread: asserted on below)
            errors.append(err)

    threads = [threading.Thread(target=run, args=(corpus[:2],)),
               threading.Thread(target=run, args=(corpus[1:],))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with open_store(url) as store:
        assert _snapshot(store) == reference


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.postgres
def test_killed_extract_command_finishes_when_run_again(corpus, resources, tmp_path) -> None:
    url = fresh_postgres()
    open_store(url).close()
    command = [str(SITREP), "extract", *map(str, corpus), "--db", url, "--workers", "2"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env=env)
    try:
        deadline = time.monotonic() + KILL_WAIT_S
        while _stored_count(url) == 0 and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the command and its cluster's processes
        process.wait()
    stored_at_kill = _stored_count(url)

    again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    assert 0 < stored_at_kill < CORPUS_DOCUMENTS
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"{CORPUS_DOCUMENTS - stored_at_kill} documents processed")
    assert again.stdout.endswith(f"{stored_at_kill} documents already stored, 0 failed)\n")
    # The reference: one uninterrupted one-process run by the same installed code (the
    # in-process reference could predate an edit to the working tree).
    one = tmp_path / "one.db"
    subprocess.run([str(SITREP), "extract", *map(str, corpus), "--db", str(one)],
                   capture_output=True, env=env, check=True)
    with open_store(url) as store, open_store(one) as reference:
        assert _snapshot(store) == _snapshot(reference)


# ---- the fusion step on the cluster ----------------------------------------------------------

FUSION_CORPUS = ROOT / "tests" / "data" / "fusion" / "reports.jsonl"


def _fused(store: Store) -> tuple[list[object], list[tuple[str, str]]]:
    """Every stored event (whole records) and the event each report-event belongs to."""
    events = store.list_events(include_background=True)
    units = store.list_link_units(event_ids=[e.id for e in events])
    return events, sorted((u.id, u.event_id) for u in units)


@pytest.fixture(scope="module")
def fusion_reference(resources, tmp_path_factory) -> tuple[list[object], list[tuple[str, str]]]:
    """The fusion corpus extracted by one process, linking inline."""
    from sitrep.pipeline import extract_to_store

    with open_store(tmp_path_factory.mktemp("fusion") / "one.db") as store:
        extract_to_store([FUSION_CORPUS], store=store, jsonl=True, resources=resources)
        return _fused(store)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql",
                                                            marks=pytest.mark.postgres)])
def test_fusion_step_on_two_workers_gives_the_events_of_one_process(
    backend, client, fusion_reference, tmp_path, monkeypatch
) -> None:
    from sitrep import pipeline

    monkeypatch.setattr(cluster, "MIN_PARTITION_BYTES", 2048)
    monkeypatch.setattr(pipeline, "SEARCH_UNITS_PER_TASK", 4)  # several tasks per step
    monkeypatch.setattr(pipeline, "FUSE_UNITS_PER_TASK", 2)
    url = str(tmp_path / "cluster.db") if backend == "sqlite" else fresh_postgres()
    with open_store(url) as store:
        extracted = cluster.extract_on_cluster([FUSION_CORPUS], store=store, client=client,
                                               jsonl=True, link=False)
        pending = store.count_pending_units()
        linked = cluster.link_on_cluster(store, client=client)
        fused = _fused(store)
        left = store.count_pending_units()

    assert extracted.documents == len(FUSION_CORPUS.read_text().splitlines())
    assert pending == linked.pending == linked.linked > 0 and left == 0
    assert linked.attached > 0  # reports of one event were fused across reports
    assert fused == fusion_reference


@pytest.mark.model
@pytest.mark.slow
def test_link_command_with_workers_runs_the_fusion_step_on_a_local_cluster(
    client, fusion_reference, tmp_path
) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = tmp_path / "unlinked.db"
    with open_store(db) as store:
        cluster.extract_on_cluster([FUSION_CORPUS], store=store, client=client, jsonl=True,
                                   link=False)
        pending = store.count_pending_units()

    result = CliRunner().invoke(app, ["link", "--db", str(db), "--workers", "2"])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{pending} report-events linked in {db} (")
    with open_store(db) as store:
        assert _fused(store) == fusion_reference
