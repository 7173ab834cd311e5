"""Pipeline: wires the stages in order and does nothing else.

ingest -> annotate -> dates -> places -> actors -> events -> fuse (-> store).

Expensive resources (the spaCy pipeline, the gazetteer, the codebook, the actor
dictionary) are built once by ``load_resources`` and passed to every stage. With
``workers > 1`` each worker process builds its own once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.actors import ActorDictionary, extract_actors, load_actor_dictionary, name_actors
from sitrep.annotate import annotate_documents, load_model
from sitrep.codebook import Codebook, load_codebook
from sitrep.dates import assess_document_date, extract_timexes
from sitrep.errors import SitrepError
from sitrep.events import ReportContext, extract_event_mentions
from sitrep.fuse import fuse_mentions, name_mention_actors
from sitrep.gazetteer import Gazetteer, open_gazetteer
from sitrep.ingest import read_documents
from sitrep.link import ReportEvents, link_events
from sitrep.places import extract_places
from sitrep.records import Actor, Document, Event, EventMention, Failure, Place, Timex

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.store import Store

log = logging.getLogger(__name__)
BATCH_DOCUMENTS = 32  # documents per spaCy batch and per database transaction


@dataclass
class Resources:
    """Everything the stages need that is expensive to build: built once per process."""

    nlp: Language
    gazetteer: Gazetteer
    codebook: Codebook
    dictionary: ActorDictionary
    classifier: object = None  # a train.Classifier used beside the rules (--model NAME)


def load_resources(*, gazetteer_path: Path | None = None) -> Resources:
    """Load the model, open (building if needed) the gazetteer, read codebook and actors.

    With ``SITREP_MODEL`` set (``--model NAME``), also the user's trained classifier, so
    that every worker process loads the same one.
    """
    plain = load_actor_dictionary()
    nlp = load_model(group_names=plain.group_names)
    classifier = None
    if os.environ.get("SITREP_MODEL"):
        from sitrep.train import load_classifier

        classifier = load_classifier(os.environ["SITREP_MODEL"])
    return Resources(
        nlp=nlp,
        gazetteer=open_gazetteer(gazetteer_path),
        codebook=load_codebook(),
        dictionary=load_actor_dictionary(vocab=nlp.vocab),
        classifier=classifier,
    )


@dataclass(frozen=True)
class ReportResult:
    """Everything the pipeline found in one report."""

    document: Document
    timexes: tuple[Timex, ...]
    places: tuple[Place, ...]
    actors: tuple[Actor, ...]
    mentions: tuple[EventMention, ...]
    events: tuple[Event, ...]
    reference: object  # datetime.date | None: the date relative expressions were read against
    date_warnings: tuple[str, ...] = ()


def process_documents(
    documents: Sequence[Document], *, resources: Resources
) -> Iterator[ReportResult | Failure]:
    """Run every stage after ingest over a batch; a document that fails becomes a Failure."""
    parsed_docs = annotate_documents(documents, nlp=resources.nlp, batch_size=BATCH_DOCUMENTS)
    for document, parsed in zip(documents, parsed_docs):
        try:
            yield _process_one(document, parsed, resources=resources)
        except SitrepError as err:
            yield Failure(origin=document.origin or document.id, reason=str(err),
                          doc_id=document.id)
        except Exception as err:  # one bad article is not fatal; the traceback is logged
            log.exception("internal error on %s", document.origin or document.id)
            yield Failure(
                origin=document.origin or document.id,
                reason=f"internal error: {type(err).__name__}: {err}",
                doc_id=document.id,
            )


def _process_one(document: Document, parsed: object, *, resources: Resources) -> ReportResult:
    timexes = extract_timexes(document, parsed, reference=document.date)  # type: ignore[arg-type]
    assessment = assess_document_date(document, parsed, timexes)  # type: ignore[arg-type]
    if assessment.reference != document.date:
        timexes = extract_timexes(document, parsed, reference=assessment.reference)  # type: ignore[arg-type]
    if assessment.inferred and document.date is None:
        document = replace(document, date=assessment.reference, date_source="inferred")
    places = extract_places(document, parsed, gazetteer=resources.gazetteer)  # type: ignore[arg-type]
    actors = extract_actors(parsed, dictionary=resources.dictionary)  # type: ignore[arg-type]
    context = ReportContext(
        document=document, parsed=parsed, timexes=timexes, places=places,  # type: ignore[arg-type]
        actors=actors, reference=assessment.reference,
    )
    mentions = extract_event_mentions(
        context, codebook=resources.codebook, dictionary=resources.dictionary
    )
    events = fuse_mentions(
        mentions,
        codebook=resources.codebook,
        dictionary=resources.dictionary,
        reference=assessment.reference,
    )
    if resources.classifier is not None:
        from sitrep.train import recode_events

        events = recode_events(events, document.text, classifier=resources.classifier,  # type: ignore[arg-type]
                               codebook=resources.codebook)
    mentions = name_mention_actors(mentions, events, dictionary=resources.dictionary)
    main_country = next(
        (e.location.country for e in events if e.location and e.location.country), None
    )
    actors = name_actors(actors, dictionary=resources.dictionary, country=main_country)
    return ReportResult(
        document=document, timexes=timexes, places=places, actors=actors,
        mentions=mentions, events=events, reference=assessment.reference,
        date_warnings=assessment.warnings,
    )


# --- running over inputs ------------------------------------------------------------------

_WORKER_RESOURCES: Resources | None = None


def _init_worker(gazetteer_path: Path | None) -> None:
    global _WORKER_RESOURCES
    _WORKER_RESOURCES = load_resources(gazetteer_path=gazetteer_path)


def _work(batch: list[Document]) -> list[ReportResult | Failure]:
    assert _WORKER_RESOURCES is not None, "worker started without resources"
    return list(process_documents(batch, resources=_WORKER_RESOURCES))


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    batch: list[Document | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_reports(
    inputs: Iterable[Document | Failure],
    *,
    workers: int = 1,
    gazetteer_path: Path | None = None,
    resources: Resources | None = None,
    batch_size: int = BATCH_DOCUMENTS,
) -> Iterator[ReportResult | Failure]:
    """Process documents (ingest failures pass through) in input order, on 1+ processes."""
    batches = _batches(inputs, batch_size)
    if workers <= 1:
        own = resources or load_resources(gazetteer_path=gazetteer_path)
        for batch in batches:
            docs, failures = _split(batch)
            yield from _merge(list(process_documents(docs, resources=own)), failures)
        return
    # Each worker loads its own resources once; imap keeps input order, and the ingest
    # failures of each batch wait in a queue (filled by imap's feeder thread, in order).
    waiting: deque[list[tuple[int, Failure]]] = deque()

    def feed() -> Iterator[list[Document]]:
        for batch in batches:
            docs, failures = _split(batch)
            waiting.append(failures)
            yield docs

    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(gazetteer_path,)) as pool:
        for results in pool.imap(_work, feed(), chunksize=1):
            yield from _merge(results, waiting.popleft())


def _split(batch: list[Document | Failure]) -> tuple[list[Document], list[tuple[int, Failure]]]:
    docs = [item for item in batch if isinstance(item, Document)]
    failures = [(i, item) for i, item in enumerate(batch) if isinstance(item, Failure)]
    return docs, failures


def _merge(
    results: list[ReportResult | Failure], failures: list[tuple[int, Failure]]
) -> Iterator[ReportResult | Failure]:
    """Put ingest failures back at their input positions among the results."""
    out: list[ReportResult | Failure] = list(results)
    for position, failure in failures:
        out.insert(position, failure)
    yield from out


def parse_paths(
    paths: Sequence[str | Path],
    *,
    jsonl: bool | None = None,
    default_date: object = None,
    workers: int = 1,
    gazetteer_path: Path | None = None,
) -> Iterator[ReportResult | Failure]:
    """Read and process reports from files, folders or "-" (stdin), in input order."""
    inputs = read_documents(paths, jsonl=jsonl, default_date=default_date)  # type: ignore[arg-type]
    yield from run_reports(inputs, workers=workers, gazetteer_path=gazetteer_path)


@dataclass
class ExtractSummary:
    """What an extract run did."""

    documents: int = 0
    skipped: int = 0  # already in the database from an earlier run
    events: int = 0  # new events (a report of an event already stored is not one)
    attached: int = 0  # report-events attached to an event another report gave
    failures: list[Failure] = field(default_factory=list)


def extract_to_store(
    paths: Sequence[str | Path],
    *,
    store: Store,
    jsonl: bool | None = None,
    default_date: object = None,
    workers: int = 1,
    gazetteer_path: Path | None = None,
    on_progress: Callable[[ExtractSummary], None] | None = None,
    resources: Resources | None = None,
    scheduler: str | None = None,
) -> ExtractSummary:
    """Process reports into the store, one transaction per batch; resumable and idempotent.

    With ``scheduler`` (a Dask scheduler address), or ``workers > 1`` when Dask is
    installed, the work runs on a Dask cluster (``cluster.extract_on_cluster``): same
    result, workers writing their batches themselves.

    Documents already stored (same content) are skipped, so re-running a killed run
    finishes it without duplicates. Each report's events are linked to the events other
    reports gave (``link.py``) before the batch is written.
    """
    from sitrep.store import document_key

    if scheduler is not None or (workers > 1 and _has_dask() and "-" not in map(str, paths)):
        from sitrep.cluster import extract_on_cluster

        return extract_on_cluster(
            paths, store=store, jsonl=jsonl, default_date=default_date,  # type: ignore[arg-type]
            workers=workers, scheduler=scheduler, gazetteer_path=gazetteer_path,
            on_progress=on_progress,
        )
    summary = ExtractSummary()
    known = store.document_keys()
    if resources is not None:  # linking needs the codebook and names, not the model
        codebook, dictionary = resources.codebook, resources.dictionary
    else:
        codebook, dictionary = load_codebook(), load_actor_dictionary()

    def fresh() -> Iterator[Document | Failure]:
        for item in read_documents(paths, jsonl=jsonl, default_date=default_date):  # type: ignore[arg-type]
            if isinstance(item, Document) and document_key(item) in known:
                summary.skipped += 1
                if on_progress:
                    on_progress(summary)
                continue
            yield item

    results = run_reports(fresh(), workers=workers, gazetteer_path=gazetteer_path,
                          resources=resources)
    for batch in _batches(results, BATCH_DOCUMENTS):  # type: ignore[arg-type]
        store_batch(batch, store=store, summary=summary, codebook=codebook,  # type: ignore[arg-type]
                    dictionary=dictionary)
        if on_progress:
            on_progress(summary)
    return summary


def _has_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def store_batch(
    batch: Sequence[ReportResult | Failure],
    *,
    store: Store,
    summary: ExtractSummary,
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> None:
    """Link one batch's reports to the stored events, write it in one transaction, count it.

    The one write step of ``extract_to_store`` and of the cluster's workers (``cluster.py``).
    """
    from sitrep.store import StoredDocument

    reports = [r for r in batch if isinstance(r, ReportResult)]
    failures = [f for f in batch if isinstance(f, Failure)]
    # Linking reads the stored events of each country, then writes: other writers (cluster
    # workers, concurrent runs) wait for the same countries meanwhile.
    countries = {e.location.country for r in reports for e in r.events
                 if e.location is not None and e.location.country}
    with store.link_lock(countries):
        linked = link_events(
            [ReportEvents(r.document.id, r.document.date, r.events, r.mentions,
                          timexes=r.timexes, places=r.places) for r in reports],
            index=store, codebook=codebook, dictionary=dictionary,
        )
        store.write_batch(
            documents=[StoredDocument(r.document, r.date_warnings) for r in reports],
            mentions=[m for r in reports for m in r.mentions],
            events=linked.events,
            failures=failures,
            units=linked.units,
        )
    summary.documents += len(reports)
    summary.events += sum(len(r.events) for r in reports) - linked.attached
    summary.attached += linked.attached
    summary.failures.extend(failures)
