"""Cluster: extraction and the fusion step on a Dask cluster, workers writing to one database.

Needs: report paths, a database every worker can reach (a PostgreSQL URL; an SQLite file
only for a cluster on this machine), and either a number of local worker processes (a
Dask ``LocalCluster``) or the address of a running Dask scheduler. Adds: nothing to the
records; it decides where the pipeline runs. It is the only module that imports Dask
(the ``cluster`` extra).

A run (``extract_on_cluster``):

1. ``plan_partitions`` splits the input into tasks: text, HTML and feed files (and JSONL
   files small enough) in groups of whole files, larger JSONL files in byte ranges. A
   range owns every line that *starts* inside it: it finishes a line that crosses its end,
   and the next range skips that line's tail. The client reads only file sizes (and the
   first bytes of files whose name does not tell their format).
2. JSONL origins are "file:line", as in a one-process run, so a first pass on the cluster
   counts the newlines in each range (``count_newlines``); running sums give each range
   the number of lines before it.
3. Each partition is one task (``extract_partition``). A worker process loads the spaCy
   pipeline, gazetteer, codebook and actor dictionary once (and the classifier of the
   client's ``SITREP_MODEL``, passed along since a remote worker does not share the
   client's environment) and keeps one connection pool to the database
   (``worker_resources``, ``worker_store``). For each batch of ``BATCH_DOCUMENTS`` it
   drops the documents already stored, runs the pipeline, and writes the batch in one
   transaction with ``pipeline.store_batch(link=False)``: each report's events as it
   gave them, and their link units marked pending.
4. Each batch is reported on the run's event topic (``PROGRESS_TOPIC`` and the run's id,
   so runs sharing a cluster do not mix); the client adds them up
   for the progress bar, and takes the final counts from the tasks' results.
5. The fusion step (``link_on_cluster``: ``pipeline.link_pending`` with a
   ``ClusterLinker``) then links the pending units across reports, one task per bundle of
   blocks (country, admin area, date window) to search, then one per bundle of linked
   components to fuse and write: its cost grows with the units and the links, not with
   their square, and its result is the one-process run's.

Why extraction does not link: inline linking reads and writes the stored events of each
country under that country's lock, so workers writing reports of one country would take
turns; stored unlinked, they never wait for each other, and the fusion step partitions
the linking by blocking key instead of by input file.

Resuming: every batch commits on its own and stored documents are skipped, so a task that
Dask re-runs after its worker died, or the same command run again after the whole run was
killed, writes only what is missing; units still pending are linked by the next fusion
step (``sitrep link``, or the next extract). Concurrent runs on one PostgreSQL database are
safe: ``Store.write_batch`` locks each document's key and leaves a document another run
stored meanwhile as it was stored (``skip_stored``: two runs that both extracted it would
otherwise write it twice, the second after the first had linked it), and a fusion step
holds its countries' link locks (see store.py).

``connect_cluster`` gives a client and ``submit_partitions`` runs any module-level
function over a list of partitions on it: extraction and both fusion tasks use them.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import resource
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import ClusterError, InputError, StoreError
from sitrep.ingest import (
    SNIFF_BYTES,
    detect_input_kind,
    find_binary_problem,
    read_documents,
    read_jsonl_lines,
    skip_rest_of_line,
    walk_folder,
)
from sitrep.records import Document, Failure

if TYPE_CHECKING:
    from distributed import Client, Future

    from sitrep.actors import ActorDictionary
    from sitrep.codebook import Codebook
    from sitrep.link import BlockLinks, LinkBlock
    from sitrep.pipeline import ExtractSummary, FusedCounts, LinkSummary, Resources
    from sitrep.store import Store

log = logging.getLogger(__name__)

PARTITIONS_PER_WORKER = 4  # tasks per worker process: a slow partition does not idle the rest
MIN_PARTITION_BYTES = 16 * 1024  # JSONL bytes per range at least (about ten reports)
MAX_PARTITION_BYTES = 64 * 1024 * 1024  # and at most (a task then takes minutes, not hours)
MAX_FILES_PER_PARTITION = 256
COUNT_CHUNK_BYTES = 1 << 20
CONNECT_TIMEOUT_S = 30
LOCAL_DASHBOARD_ADDRESS = "127.0.0.1:0"  # any free port on loopback: never 8787 taken by another
PROGRESS_TOPIC = "sitrep-extract-progress"


# --- partitions -----------------------------------------------------------------------


@dataclass(frozen=True)
class FileGroup:
    """Whole files, read by ``ingest.read_documents`` exactly as a one-process run does."""

    paths: tuple[str, ...]


@dataclass(frozen=True)
class ByteRange:
    """The lines of a JSONL file that start in bytes [start, end)."""

    path: str
    start: int
    end: int
    lines_before: int = 0  # newlines in bytes [0, start): set by ``number_lines``


Partition = FileGroup | ByteRange


def plan_partitions(
    paths: Sequence[str | Path],
    *,
    jsonl: bool | None = None,
    target_partitions: int = PARTITIONS_PER_WORKER,
) -> tuple[list[Partition], list[Failure]]:
    """Split inputs into about ``target_partitions`` tasks; inputs that cannot be listed fail.

    Folders are walked as ``read_documents`` walks them. A JSONL file larger than the
    range size (the JSONL bytes shared evenly by ``target_partitions`` ranges, fewer when
    a range would be under ``MIN_PARTITION_BYTES``, none over ``MAX_PARTITION_BYTES``)
    becomes byte ranges; every other file joins a group.
    """
    if isinstance(paths, (str, Path)):
        raise TypeError(f"paths must be a sequence of paths, not a single path: {paths!r}")
    files: list[str] = []
    failures: list[Failure] = []
    for raw in paths:
        if str(raw) == "-":
            raise InputError(
                'Standard input ("-") cannot be split across a cluster. Save it to a file, '
                "or run without --workers and --scheduler."
            )
        path = Path(raw)
        if str(raw) and path.is_dir():
            found = [item for item in walk_folder(path)]
            failures.extend(f for f in found if isinstance(f, Failure))
            walked = [str(p) for p in found if isinstance(p, Path)]
            files.extend(walked or [str(path)])  # an empty folder: ingest reports it
        else:
            files.append(str(raw))  # a missing path too: ingest reports it
    big_jsonl: list[tuple[str, int]] = []
    whole: list[str] = []
    for name in files:
        size = _jsonl_size(name, jsonl=jsonl)
        if size is None:
            whole.append(name)
        else:
            big_jsonl.append((name, size))
    total = sum(size for _, size in big_jsonl)
    count = min(max(target_partitions, 1), max(total // MIN_PARTITION_BYTES, 1))
    range_bytes = min(max(math.ceil(total / count), 1), MAX_PARTITION_BYTES)
    partitions: list[Partition] = []
    for name, size in big_jsonl:
        if size <= range_bytes:
            whole.append(name)
            continue
        partitions.extend(
            ByteRange(name, start, min(start + range_bytes, size))
            for start in range(0, size, range_bytes)
        )
    group = min(max(math.ceil(len(whole) / max(target_partitions, 1)), 1), MAX_FILES_PER_PARTITION)
    partitions.extend(
        FileGroup(tuple(whole[i : i + group])) for i in range(0, len(whole), group)
    )
    return partitions, failures


def _jsonl_size(name: str, *, jsonl: bool | None) -> int | None:
    """The size of a readable, non-empty JSONL file; None for anything else."""
    path = Path(name)
    try:
        if not path.is_file() or detect_input_kind(path, jsonl=jsonl) != "jsonl":
            return None
        size = path.stat().st_size
    except OSError:
        return None  # ingest reports it
    return size or None


def count_newlines(path: str, start: int, end: int) -> int:
    """Newline bytes in [start, end) of a file."""
    count = 0
    with open(path, "rb") as file:
        file.seek(start)
        left = end - start
        while left > 0:
            chunk = file.read(min(COUNT_CHUNK_BYTES, left))
            if not chunk:
                break
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


def number_lines(
    partitions: Sequence[Partition],
    *,
    count: Callable[[list[ByteRange]], list[int]] | None = None,
) -> list[Partition]:
    """Give each byte range the number of lines before it (``count`` maps the counting)."""
    ranges = [p for p in partitions if isinstance(p, ByteRange)]
    if not ranges:
        return list(partitions)
    if count is None:
        counts = [count_newlines(r.path, r.start, r.end) for r in ranges]
    else:
        counts = count(ranges)
    before: dict[str, int] = {}
    numbered: dict[ByteRange, ByteRange] = {}
    for part, newlines in sorted(zip(ranges, counts), key=lambda pair: (pair[0].path,
                                                                        pair[0].start)):
        numbered[part] = ByteRange(part.path, part.start, part.end, before.get(part.path, 0))
        before[part.path] = before.get(part.path, 0) + newlines
    return [numbered.get(p, p) if isinstance(p, ByteRange) else p for p in partitions]


def read_partition(
    partition: Partition, *, jsonl: bool | None = None, default_date: dt.date | None = None
) -> Iterator[Document | Failure]:
    """The documents (and failures) of one partition, as a one-process run reads them."""
    if isinstance(partition, FileGroup):
        yield from read_documents(list(partition.paths), jsonl=jsonl, default_date=default_date)
    else:
        yield from read_jsonl_range(partition, default_date=default_date)


def read_jsonl_range(
    part: ByteRange, *, default_date: dt.date | None = None
) -> Iterator[Document | Failure]:
    """Documents from the lines that start in ``part``; origins are "file:line"."""
    where = part.path
    try:
        file = open(part.path, "rb")  # noqa: SIM115 (closed below; a failure is yielded)
    except OSError as err:
        if part.start == 0:
            yield Failure(origin=where, reason=f"{where}: cannot read ({err.strerror})")
        return
    with file:
        problem = find_binary_problem(file.read(SNIFF_BYTES), where=where)
        if problem is not None:  # the whole file is refused once, by its first range
            if part.start == 0:
                yield Failure(origin=where, reason=problem)
            return
        lineno = part.lines_before
        offset = part.start
        file.seek(max(part.start - 1, 0))
        if part.start > 0 and file.read(1) != b"\n":
            offset += skip_rest_of_line(file)  # that line started in the range before
            lineno += 1
        yield from read_jsonl_lines(file, where=where, default_date=default_date,
                                    offset=offset, lineno=lineno, end=part.end)


# --- on a worker ----------------------------------------------------------------------

_PROCESS_LOCK = threading.Lock()  # one partition at a time per process (spaCy, the GIL)
_RESOURCES: dict[tuple[Path | None, str | None], Resources] = {}
_STORES: dict[str, Store] = {}
_LINKING: list[tuple[Codebook, ActorDictionary]] = []  # what fusion tasks need, loaded once


def worker_resources(gazetteer_path: Path | None = None, *, model: str | None = None) -> Resources:
    """This process's pipeline resources, loaded on first use and kept.

    ``model`` is the client's ``SITREP_MODEL`` (``--model``): the workers of an external
    scheduler do not share the client's environment, so it is set here before loading
    (the model must be found under that name on the worker's machine too).
    """
    from sitrep.pipeline import load_resources
    from sitrep.train import MODEL_ENV

    key = (gazetteer_path, model)
    if key not in _RESOURCES:
        if model is None:
            os.environ.pop(MODEL_ENV, None)
        else:
            os.environ[MODEL_ENV] = model
        _RESOURCES[key] = load_resources(gazetteer_path=gazetteer_path)
    return _RESOURCES[key]


def worker_store(db_url: str) -> Store:
    """This process's connection pool to the database, opened on first use and kept."""
    from sitrep.store import open_store

    if db_url not in _STORES:
        _STORES[db_url] = open_store(db_url)
    return _STORES[db_url]


def worker_peak_memory_mb() -> float:
    """Peak resident memory of this process, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class PartitionResult:
    """What one task did (plain data, sent back to the client)."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    attached: int = 0
    failures: list[Failure] = field(default_factory=list)
    worker_pid: int = 0
    peak_memory_mb: float = 0.0


def extract_partition(
    partition: Partition,
    *,
    db_url: str,
    jsonl: bool | None = None,
    default_date: dt.date | None = None,
    gazetteer_path: Path | None = None,
    batch_size: int | None = None,
    run_id: str | None = None,
    model: str | None = None,
) -> PartitionResult:
    """Run the pipeline over one partition into the database, batch by batch (a task).

    Reports are stored unlinked (``store_batch(link=False)``): the fusion step links them.
    """
    from sitrep.pipeline import (
        BATCH_DOCUMENTS,
        ExtractSummary,
        batches,
        process_documents,
        store_batch,
    )
    from sitrep.store import document_key

    size = batch_size or BATCH_DOCUMENTS
    with _PROCESS_LOCK:
        resources = worker_resources(gazetteer_path, model=model)
        store = worker_store(db_url)
        summary = ExtractSummary()
        items = read_partition(partition, jsonl=jsonl, default_date=default_date)
        for batch in batches(items, size):
            docs = [d for d in batch if isinstance(d, Document)]
            stored = store.stored_document_keys(document_key(d) for d in docs)
            fresh = [d for d in docs if document_key(d) not in stored]
            unread = [f for f in batch if isinstance(f, Failure)]
            results = [*unread, *process_documents(fresh, resources=resources)]
            before = (summary.documents, summary.events, len(summary.failures))
            summary.skipped += len(docs) - len(fresh)
            store_batch(results, store=store, summary=summary, codebook=resources.codebook,
                        dictionary=resources.dictionary, link=False)
            _publish_progress(run_id, {
                "documents": summary.documents - before[0],
                "skipped": len(docs) - len(fresh),
                "events": summary.events - before[1],
                "failures": [[f.origin, f.reason, f.doc_id]
                             for f in summary.failures[before[2]:]],
            })
    return PartitionResult(
        documents=summary.documents, skipped=summary.skipped, events=summary.events,
        attached=summary.attached, failures=summary.failures, worker_pid=os.getpid(),
        peak_memory_mb=worker_peak_memory_mb(),
    )


def _publish_progress(run_id: str | None, message: dict[str, Any]) -> None:
    if run_id is None:
        return
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # called outside a worker (tests, a plain process)
        return
    worker.log_event(f"{PROGRESS_TOPIC}-{run_id}", {"run": run_id, **message})


# --- on the client --------------------------------------------------------------------


@contextmanager
def connect_cluster(*, workers: int = 2, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: to the scheduler at ``scheduler``, or to a new local cluster of
    ``workers`` processes (one thread each) that is shut down on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError(
            "Dask is not installed, so --scheduler (and --workers on a cluster) cannot run. "
            "Install the extra: pip install 'sitrep[cluster]'."
        ) from err
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as err:
            raise ClusterError(
                f"Cannot reach the Dask scheduler at {scheduler}: {err}. Check the address "
                "(tcp://HOST:8786) and that `dask scheduler` is running there."
            ) from err
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True,
            dashboard_address=LOCAL_DASHBOARD_ADDRESS, silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def submit_partitions(
    client: Client, function: Callable[..., Any], partitions: Sequence[Any], **kwargs: Any
) -> list[Future]:
    """One task per partition (never cached: each run does its work), same keyword arguments.

    The hook for other parallel steps (cross-report fusion by blocking key): ``function``
    must be importable by the workers (a module-level function of an installed module).
    """
    return client.map(function, list(partitions), pure=False, **kwargs)


def extract_on_cluster(
    paths: Sequence[str | Path],
    *,
    store: Store,
    jsonl: bool | None = None,
    default_date: dt.date | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    gazetteer_path: Path | None = None,
    on_progress: Callable[[ExtractSummary], None] | None = None,
    client: Client | None = None,
    batch_size: int | None = None,
    link: bool = True,
    on_link_progress: Callable[[LinkSummary], None] | None = None,
) -> ExtractSummary:
    """``pipeline.extract_to_store`` on a Dask cluster: same result, resumable the same way.

    Workers store each report's events unlinked; then, unless ``link`` is False, the
    fusion step (``link_on_cluster``) links them on the same cluster. The summary then
    counts as a one-process run does: the fusion step's attached reports are not new
    events. ``client`` reuses a connected client (``workers`` and ``scheduler`` are then
    unused).
    """
    if client is None:
        with connect_cluster(workers=workers, scheduler=scheduler) as own:
            return extract_on_cluster(
                paths, store=store, jsonl=jsonl, default_date=default_date,
                gazetteer_path=gazetteer_path, on_progress=on_progress, client=own,
                batch_size=batch_size, link=link, on_link_progress=on_link_progress,
            )
    summary = _extract_with(client, paths, store=store, db_url=shareable_url(store),
                            jsonl=jsonl, default_date=default_date,
                            gazetteer_path=gazetteer_path, on_progress=on_progress,
                            batch_size=batch_size)
    if link:
        linked = link_on_cluster(store, client=client, on_progress=on_link_progress)
        summary.events -= linked.attached
        summary.attached += linked.attached
    return summary


def link_on_cluster(
    store: Store,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    client: Client | None = None,
    on_progress: Callable[[LinkSummary], None] | None = None,
) -> LinkSummary:
    """The fusion step (``pipeline.link_pending``) with its tasks on a Dask cluster."""
    from sitrep.pipeline import link_pending

    if client is None:
        with connect_cluster(workers=workers, scheduler=scheduler) as own:
            return link_on_cluster(store, client=own, on_progress=on_progress)
    runner = ClusterLinker(client, db_url=shareable_url(store))
    return link_pending(store, runner=runner, on_progress=on_progress)


def shareable_url(store: Store) -> str:
    """The database URL that worker processes open (an SQLite path made absolute)."""
    import sqlalchemy as sa

    url = sa.make_url(store.url)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise StoreError(
                "An in-memory database cannot be shared with worker processes. Give --db a "
                "file path or a postgresql:// URL."
            )
        url = url.set(database=str(Path(url.database).resolve()))
    return url.render_as_string(hide_password=False)


def _extract_with(
    client: Client,
    paths: Sequence[str | Path],
    *,
    store: Store,
    db_url: str,
    jsonl: bool | None,
    default_date: dt.date | None,
    gazetteer_path: Path | None,
    on_progress: Callable[[ExtractSummary], None] | None,
    batch_size: int | None,
) -> ExtractSummary:
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    from sitrep.pipeline import ExtractSummary
    from sitrep.train import MODEL_ENV

    n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
    partitions, failures = plan_partitions(
        paths, jsonl=jsonl, target_partitions=n_workers * PARTITIONS_PER_WORKER
    )
    partitions = number_lines(
        partitions,
        count=lambda ranges: client.gather(client.map(
            count_newlines, [r.path for r in ranges], [r.start for r in ranges],
            [r.end for r in ranges], pure=False,
        )),
    )
    summary = ExtractSummary()
    if failures:
        store.write_batch(documents=(), mentions=(), events=(), failures=failures)
        summary.failures.extend(failures)
    live = _LiveProgress(summary=ExtractSummary(failures=list(failures)), on_progress=on_progress)
    run_id = uuid.uuid4().hex
    topic = f"{PROGRESS_TOPIC}-{run_id}"
    client.subscribe_topic(topic, live.handler(run_id))
    futures = submit_partitions(
        client, extract_partition, partitions, db_url=db_url, jsonl=jsonl,
        default_date=default_date, gazetteer_path=gazetteer_path, batch_size=batch_size,
        run_id=run_id, model=os.environ.get(MODEL_ENV),
    )
    try:
        for _future, result in as_completed(futures, with_results=True):
            summary.documents += result.documents
            summary.skipped += result.skipped
            summary.events += result.events
            summary.attached += result.attached
            summary.failures.extend(result.failures)
    except KilledWorker as err:
        raise ClusterError(
            f"Dask gave up on a partition after its workers died ({err}); out of memory? "
            "What was written is kept: re-run the same command to finish."
        ) from err
    finally:
        client.cancel(futures)
        client.unsubscribe_topic(topic)
    live.finish(summary)
    return summary


class ClusterLinker:
    """A ``pipeline.LinkRunner`` whose tasks run on a Dask cluster, results as they come."""

    def __init__(self, client: Client, *, db_url: str) -> None:
        self._client = client
        self._db_url = db_url

    def search(self, bundles: Sequence[tuple[LinkBlock, ...]]) -> Iterator[BlockLinks]:
        yield from self._run(search_blocks_task, bundles)

    def fuse(self, bundles: Sequence[tuple[tuple[str, ...], ...]]) -> Iterator[FusedCounts]:
        yield from self._run(fuse_components_task, bundles)

    def _run(self, function: Callable[..., Any], bundles: Sequence[Any]) -> Iterator[Any]:
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        futures = submit_partitions(self._client, function, bundles, db_url=self._db_url)
        try:
            for _future, result in as_completed(futures, with_results=True):
                yield result
        except KilledWorker as err:
            raise ClusterError(
                f"Dask gave up on a fusion task after its workers died ({err}); out of "
                "memory? What was linked is kept: run `sitrep link` to finish."
            ) from err
        finally:
            self._client.cancel(futures)


def search_blocks_task(blocks: Sequence[LinkBlock], *, db_url: str) -> BlockLinks:
    """``pipeline.search_link_blocks`` on a worker, with its connection pool."""
    from sitrep.pipeline import search_link_blocks

    return search_link_blocks(blocks, store=worker_store(db_url))


def fuse_components_task(components: Sequence[tuple[str, ...]], *, db_url: str) -> FusedCounts:
    """``pipeline.fuse_link_components`` on a worker, with its connection pool."""
    from sitrep.actors import load_actor_dictionary
    from sitrep.codebook import load_codebook
    from sitrep.pipeline import fuse_link_components

    if not _LINKING:
        _LINKING.append((load_codebook(), load_actor_dictionary()))
    codebook, dictionary = _LINKING[0]
    return fuse_link_components(components, store=worker_store(db_url), codebook=codebook,
                                dictionary=dictionary)


class _LiveProgress:
    """Adds up the workers' per-batch messages for ``on_progress`` (called from Dask's
    event-loop thread as they arrive, and once with the final counts)."""

    def __init__(
        self, *, summary: ExtractSummary, on_progress: Callable[[ExtractSummary], None] | None
    ) -> None:
        self._summary = summary
        self._on_progress = on_progress
        self._lock = threading.Lock()
        self._done = False

    def handler(self, run_id: str) -> Callable[[tuple[float, dict[str, Any]]], None]:
        def handle(event: tuple[float, dict[str, Any]]) -> None:
            _, message = event
            if not isinstance(message, dict) or message.get("run") != run_id:
                return  # another run on a shared cluster
            with self._lock:
                if self._done:
                    return
                self._summary.documents += message["documents"]
                self._summary.skipped += message["skipped"]
                self._summary.events += message["events"]
                self._summary.failures.extend(
                    Failure(origin=o, reason=r, doc_id=d) for o, r, d in message["failures"]
                )
                if self._on_progress:
                    self._on_progress(self._summary)

        return handle

    def finish(self, summary: ExtractSummary) -> None:
        with self._lock:
            self._done = True
            if self._on_progress:
                self._on_progress(summary)
