"""Pipeline: wires the stages in order and does nothing else.

ingest -> annotate -> dates -> places -> actors -> events -> fuse (-> link -> store).

Linking across reports runs inline as each batch is written (``store_batch``), or, after
extraction on a cluster, as its own step over the stored reports (``link_pending``).

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
from typing import TYPE_CHECKING, Protocol

from sitrep.actor_mentions import complete_actor_mentions
from sitrep.actors import ActorDictionary, extract_actors, load_actor_dictionary, name_actors
from sitrep.annotate import annotate_documents, load_model
from sitrep.codebook import Codebook, load_codebook
from sitrep.dates import assess_document_date, extract_timexes
from sitrep.errors import SitrepError
from sitrep.events import ReportContext, extract_event_mentions
from sitrep.fuse import fuse_mentions, name_mention_actors
from sitrep.gazetteer import Gazetteer, open_gazetteer
from sitrep.ingest import read_documents
from sitrep.link import (
    FUSION_WINDOW_DAYS,
    BlockLinks,
    LinkBlock,
    MemoryIndex,
    ReportEvents,
    bundle_blocks,
    bundle_components,
    count_components,
    find_block_links,
    fuse_components,
    group_link_components,
    is_linkable,
    link_events,
    plan_link_blocks,
    report_units,
)
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
    actors = complete_actor_mentions(
        extract_actors(parsed, dictionary=resources.dictionary),  # type: ignore[arg-type]
        parsed, dictionary=resources.dictionary)  # type: ignore[arg-type]
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


def batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    """``items`` in lists of ``size`` (the last one shorter), as they arrive."""
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
    grouped = batches(inputs, batch_size)
    if workers <= 1:
        own = resources or load_resources(gazetteer_path=gazetteer_path)
        for batch in grouped:
            docs, failures = _split(batch)
            yield from _merge(list(process_documents(docs, resources=own)), failures)
        return
    # Each worker loads its own resources once; imap keeps input order, and the ingest
    # failures of each batch wait in a queue (filled by imap's feeder thread, in order).
    waiting: deque[list[tuple[int, Failure]]] = deque()

    def feed() -> Iterator[list[Document]]:
        for batch in grouped:
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
    on_link_progress: Callable[[LinkSummary], None] | None = None,
) -> ExtractSummary:
    """Process reports into the store, one transaction per batch; resumable and idempotent.

    With ``scheduler`` (a Dask scheduler address), or ``workers > 1`` when Dask is
    installed, the work runs on a Dask cluster (``cluster.extract_on_cluster``): same
    result, workers writing their batches themselves unlinked, then the fusion step
    (``link_pending``, reporting to ``on_link_progress``) linking them on the cluster.

    Documents already stored (same content) are skipped, so re-running a killed run
    finishes it without duplicates. In one process each batch's events are linked to the
    events other reports gave (``link.py``) before the batch is written: the events are
    fused as they come, with no second pass over the database, and the result is the
    fusion step's (linking does not depend on the order in which reports arrive).
    """
    from sitrep.store import document_key

    if scheduler is not None or (workers > 1 and _has_dask() and "-" not in map(str, paths)):
        from sitrep.cluster import extract_on_cluster

        return extract_on_cluster(
            paths, store=store, jsonl=jsonl, default_date=default_date,  # type: ignore[arg-type]
            workers=workers, scheduler=scheduler, gazetteer_path=gazetteer_path,
            on_progress=on_progress, on_link_progress=on_link_progress,
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
    for batch in batches(results, BATCH_DOCUMENTS):  # type: ignore[arg-type]
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
    link: bool = True,
) -> None:
    """Link one batch's reports to the stored events, write it in one transaction, count it.

    The one write step of ``extract_to_store`` and of the cluster's workers (``cluster.py``).
    With ``link`` False (the cluster's workers) each report's events are written as they
    are and their units as pending, for the fusion step (``link_pending``) to link.
    """
    from sitrep.store import StoredDocument, document_key

    reports = [r for r in batch if isinstance(r, ReportResult)]
    failures = [f for f in batch if isinstance(f, Failure)]
    report_events = [ReportEvents(r.document.id, r.document.date, r.events, r.mentions,
                                  timexes=r.timexes, places=r.places) for r in reports]
    documents = [StoredDocument(r.document, r.date_warnings) for r in reports]
    mentions = [m for r in reports for m in r.mentions]
    if link:
        # Linking reads the stored events of each country, then writes: other writers
        # (concurrent runs, the fusion step) wait for the same countries meanwhile.
        countries = {e.location.country for r in reports for e in r.events
                     if e.location is not None and e.location.country}
        with store.link_lock(countries):
            linked = link_events(report_events, index=store, codebook=codebook,
                                 dictionary=dictionary)
            store.write_batch(documents=documents, mentions=mentions, events=linked.events,
                              failures=failures, units=linked.units)
    else:
        linked = report_units(report_events)
        # another run may have stored (and linked) one of these documents since this batch
        # was made: it stays as stored, and counts as skipped
        skipped = store.write_batch(documents=documents, mentions=mentions,
                                    events=linked.events, failures=failures,
                                    units=[u for u in linked.units if not is_linkable(u)],
                                    pending_units=[u for u in linked.units if is_linkable(u)],
                                    skip_stored=True)
        if skipped:
            summary.skipped += len(skipped)
            reports = [r for r in reports if document_key(r.document) not in skipped]
    summary.documents += len(reports)
    summary.events += sum(len(r.events) for r in reports) - linked.attached
    summary.attached += linked.attached
    summary.failures.extend(failures)


# --- the fusion step ------------------------------------------------------------------------

SEARCH_UNITS_PER_TASK = 2000  # pending units per search task (blocks are never split)
FUSE_UNITS_PER_TASK = 500  # pending units per fusion task, written in one transaction


@dataclass
class LinkSummary:
    """What a fusion step did (``link_pending``)."""

    pending: int = 0  # units waiting to be linked when it started (after taking its locks)
    searched: int = 0  # of them, compared with every unit they may be the same event as
    linked: int = 0  # of them, linked: joined to others, or alone
    attached: int = 0  # that joined an event another report gave
    events: int = 0  # fused events written


@dataclass(frozen=True)
class FusedCounts:
    """What one fusion task wrote."""

    linked: int
    attached: int
    events: int


class LinkRunner(Protocol):
    """Runs the fusion step's tasks: in this process, or on a cluster (``cluster.py``).
    Results may come in any order."""

    def search(self, bundles: Sequence[tuple[LinkBlock, ...]]) -> Iterator[BlockLinks]:
        """``search_link_blocks`` over each bundle of blocks."""
        ...

    def fuse(self, bundles: Sequence[tuple[tuple[str, ...], ...]]) -> Iterator[FusedCounts]:
        """``fuse_link_components`` over each bundle of components."""
        ...


def link_pending(
    store: Store,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    runner: LinkRunner | None = None,
    on_progress: Callable[[LinkSummary], None] | None = None,
    window_days: int = FUSION_WINDOW_DAYS,
) -> LinkSummary:
    """The fusion step: link every stored unit that is still pending; resumable.

    1. Lock the countries that have pending units (``Store.link_lock``) until the end, so
       concurrent fusion steps and linking extract runs take turns per country.
    2. Plan blocks (``link.plan_link_blocks``: country, admin area, date window) and
       search them (one task per bundle): every pending unit is compared with every unit,
       linked or pending, of its candidate range.
    3. Group the links into connected components (here: cheap, linear in the links).
    4. Fuse the components (one task per bundle, each one transaction): the same events as
       linking the same units inline (``link_events``), whatever the blocks.

    A step killed midway has committed whole components only; running it again links the
    rest. The tasks run by ``runner``; without one, on a Dask cluster with ``scheduler``
    (or ``workers > 1`` when Dask is installed: ``cluster.link_on_cluster``), else in this
    process.
    """
    summary = LinkSummary()
    countries = store.pending_link_countries()
    if not countries:
        return summary  # nothing to link: no cluster started
    if runner is None and (scheduler is not None or (workers > 1 and _has_dask())):
        from sitrep.cluster import link_on_cluster

        return link_on_cluster(store, workers=workers, scheduler=scheduler,
                               on_progress=on_progress)
    runner = runner or InProcessLinker(store)
    with store.link_lock(countries):
        blocks = plan_link_blocks(store.pending_link_days(countries), window_days=window_days)
        summary.pending = sum(b.units for b in blocks)
        _report_link(summary, on_progress)
        found: list[BlockLinks] = []
        for part in runner.search(bundle_blocks(blocks, units_per_task=SEARCH_UNITS_PER_TASK)):
            found.append(part)
            summary.searched += len(part.pending_ids)
            _report_link(summary, on_progress)
        components = group_link_components(found)
        for counts in runner.fuse(bundle_components(components,
                                                    units_per_task=FUSE_UNITS_PER_TASK)):
            summary.linked += counts.linked
            summary.attached += counts.attached
            summary.events += counts.events
            _report_link(summary, on_progress)
    return summary


def _report_link(summary: LinkSummary, on_progress: Callable[[LinkSummary], None] | None) -> None:
    if on_progress is not None:
        on_progress(summary)


def search_link_blocks(blocks: Sequence[LinkBlock], *, store: Store) -> BlockLinks:
    """A search task: each block's pending units compared with its candidate range."""
    pending_ids: list[str] = []
    links: list[tuple[str, str]] = []
    for block in blocks:
        earliest_start, latest_start, earliest_end = block.candidate_range()
        pending = store.list_pending_units(country=block.country, admin1=block.admin1,
                                           first_day=block.first_day, last_day=block.last_day)
        nearby = store.list_units_near(country=block.country, admin1=block.admin1,
                                       start_range=(earliest_start, latest_start),
                                       earliest_end=earliest_end)
        part = find_block_links(pending, nearby)
        pending_ids.extend(part.pending_ids)
        links.extend(part.links)
    return BlockLinks(pending_ids=tuple(pending_ids), links=tuple(links))


def fuse_link_components(
    components: Sequence[tuple[str, ...]],
    *,
    store: Store,
    codebook: Codebook,
    dictionary: ActorDictionary,
) -> FusedCounts:
    """A fusion task: fuse components and write them, units marked linked, in one
    transaction. A component whose units are no longer pending (a task run again after
    its worker died) was written already and is skipped; the counts are the components'
    either way, so a re-run task reports what its first run wrote."""
    pending = store.get_pending_units(
        [k[2:] for keys in components for k in keys if k.startswith("u:")]
    )
    todo = [keys for keys in components
            if all(k[2:] in pending for k in keys if k.startswith("u:"))]
    # What fusing reads, read in a few queries rather than a few per component.
    known = MemoryIndex()
    known.add_units(store.list_link_units(
        event_ids=[k[2:] for keys in todo for k in keys if k.startswith("e:")]
    ))
    members = [*pending.values(), *known.list_units()]
    known.add_mentions(store.get_mentions([m for u in members for m in u.mention_ids]))
    result = fuse_components(todo, pending=pending, index=known, codebook=codebook,
                             dictionary=dictionary)
    store.write_batch(documents=(), mentions=(), events=result.events, failures=(),
                      units=result.units)
    linked, attached, events = count_components(components)
    return FusedCounts(linked=linked, attached=attached, events=events)


class InProcessLinker:
    """A ``LinkRunner`` that runs the tasks one after another in this process."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._codebook = load_codebook()
        self._dictionary = load_actor_dictionary()

    def search(self, bundles: Sequence[tuple[LinkBlock, ...]]) -> Iterator[BlockLinks]:
        for blocks in bundles:
            yield search_link_blocks(blocks, store=self._store)

    def fuse(self, bundles: Sequence[tuple[tuple[str, ...], ...]]) -> Iterator[FusedCounts]:
        for components in bundles:
            yield fuse_link_components(components, store=self._store, codebook=self._codebook,
                                       dictionary=self._dictionary)
