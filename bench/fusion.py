"""Cross-report fusion: merging quality on the test corpus, and cost on synthetic mentions.

    python bench/fusion.py corpus                      # the real pipeline over tests/data/fusion
    python bench/fusion.py synthetic --mentions 10000 100000 [--index memory|sqlite]
    python bench/fusion.py step --mentions 5000 50000 --workers 0 1 2 [--db URL]

``corpus`` runs ``extract_to_store`` (the real pipeline: model, gazetteer, fuse, link,
store) over ``tests/data/fusion/reports.jsonl`` into a throwaway SQLite file, takes each
report's main news event (the first event ``fuse`` gives it) and the fused event that holds
it, and scores merging pairwise against ``expected.json``: a pair of reports is merged when
their main events sit in one fused event. Precision = correct merged pairs / merged pairs,
recall = correct merged pairs / pairs that should merge.

``synthetic`` generates real events spread over countries, admin areas and days (the number
of days grows with the number of mentions, so a day holds the same number of events at
every size: a corpus grows by covering more time), reports each one to four times with
one mention per report (jittered date, place, toll, sometimes another sub-event type), and
times ``fuse_mentions`` + ``link_events`` over all of them, batch by batch as ``extract``
does, against an in-memory index or an SQLite store (``write_batch`` included). Wall and
CPU seconds are both printed: on a shared machine the CPU time of the process is the
steadier of the two.

``step`` times the fusion step (``pipeline.link_pending``, as ``sitrep link`` runs it) over
the same synthetic reports stored unlinked, as workers on a cluster store them: for each
size and each worker count (0: in this process; N: a Dask ``LocalCluster`` of N worker
processes, started before the clock starts), a fresh database (SQLite file, or the
PostgreSQL ``--db`` with its tables dropped) gets the reports' events and pending units
(not timed), then the step runs. It prints wall seconds, the client's CPU seconds, the
step's counts, the workers' CPU seconds, and pairwise merging quality against the
synthetic truth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "tests" / "data" / "fusion"
BATCH_REPORTS = 32  # as pipeline.BATCH_DOCUMENTS
PREPARE_BATCH_REPORTS = 500  # reports per transaction when storing them unlinked (not timed)
EVENTS_PER_DAY = 40  # synthetic real events a day, over all countries
SYNTHETIC_START = dt.date(2015, 1, 1)


# ---- scoring ------------------------------------------------------------------------------


def merged_pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every unordered pair of items that share a group."""
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def pairwise_scores(
    expected: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]]
) -> dict[str, float]:
    """Pairwise precision, recall and F1 of merging (1.0 when there is nothing to get wrong)."""
    gold, found = merged_pairs(expected), merged_pairs(predicted)
    right = len(gold & found)
    precision = right / len(found) if found else 1.0
    recall = right / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "gold_pairs": len(gold), "merged_pairs": len(found), "correct_pairs": right}


# ---- corpus -------------------------------------------------------------------------------


def score_corpus(corpus: Path) -> dict[str, object]:
    """Run the real pipeline over the corpus into a fresh database and score merging."""
    from sitrep.pipeline import extract_to_store, load_resources, run_reports
    from sitrep.records import Failure
    from sitrep.store import open_store

    reports = corpus / "reports.jsonl"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))["groups"]
    resources = load_resources()
    main_mention: dict[str, str] = {}
    for result in run_reports(_read(reports), resources=resources):
        if isinstance(result, Failure):
            raise SystemExit(f"corpus report failed: {result.origin}: {result.reason}")
        news = [e for e in result.events if not e.is_background]
        if news:
            main_mention[result.document.id] = news[0].mention_ids[0]
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "fusion.db")
        try:
            started = time.perf_counter()
            summary = extract_to_store([reports], store=store, jsonl=True)
            seconds = time.perf_counter() - started
            event_of = {
                m: e.id for e in store.list_events(include_background=True) for m in e.mention_ids
            }
        finally:
            store.close()
    grouped: dict[str, list[str]] = defaultdict(list)
    for doc_id, mention in sorted(main_mention.items()):
        grouped[event_of[mention]].append(doc_id)
    predicted = sorted(grouped.values())
    no_event = sorted({d for g in expected for d in g} - set(main_mention))
    return {
        **pairwise_scores(expected, predicted),
        "reports": sum(len(g) for g in expected),
        "real_events": len(expected),
        "reports_without_event": no_event,
        "predicted_groups": predicted,
        "events_stored": summary.events,
        "extract_seconds": round(seconds, 2),
    }


def _read(path: Path):  # type: ignore[no-untyped-def]
    from sitrep.ingest import read_documents

    return read_documents([path], jsonl=True)


# ---- synthetic ----------------------------------------------------------------------------

_TYPES = [  # (rule, event_type, sub_event_type, disorder_type, inter1, inter2)
    ("battles.armed-clash", "Battles", "Armed clash", "Political violence", 1, 2),
    ("explosions.air-drone", "Explosions/Remote violence", "Air/drone strike",
     "Political violence", 1, 7),
    ("explosions.shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Political violence", 1, 2),
    ("vac.attack", "Violence against civilians", "Attack", "Political violence", 3, 7),
    ("vac.abduction", "Violence against civilians", "Abduction/forced disappearance",
     "Political violence", 3, 7),
    ("protests.peaceful", "Protests", "Peaceful protest", "Demonstrations", 6, None),
]
_COUNTRIES = ["SY", "IQ", "YE", "AF", "NG", "ML", "SO", "SD", "CD", "MM", "UA", "IN"]
_ADMIN1_PER_COUNTRY = 8
_TOWNS_PER_ADMIN1 = 30
_GROUPS = [f"Armed Group {i}" for i in range(40)]


def synthetic_reports(mentions: int, *, seed: int = 7):  # type: ignore[no-untyped-def]
    """(Document, [EventMention], truth event number) triples, shuffled; about ``mentions``."""
    from sitrep.records import Claim, Document, EventMention, Location

    rng = random.Random(seed)
    days = max(1, round(mentions / 2.5 / EVENTS_PER_DAY))  # 2.5 reports per event on average
    towns = {
        (c, a, t): (rng.uniform(-30, 50), rng.uniform(-20, 100))
        for c in _COUNTRIES for a in range(_ADMIN1_PER_COUNTRY) for t in range(_TOWNS_PER_ADMIN1)
    }
    out = []
    truth = 0
    while len(out) < mentions:
        truth += 1
        rule, etype, sub, disorder, inter1, inter2 = rng.choice(_TYPES)
        country = rng.choice(_COUNTRIES)
        admin1 = rng.randrange(_ADMIN1_PER_COUNTRY)
        town = rng.randrange(_TOWNS_PER_ADMIN1)
        lat, lon = towns[(country, admin1, town)]
        day = SYNTHETIC_START + dt.timedelta(days=rng.randrange(days))
        group = rng.choice(_GROUPS)
        deaths = rng.randrange(0, 40)
        for copy in range(rng.choice((1, 2, 2, 3, 4))):
            if len(out) >= mentions:
                break
            doc_id = f"syn-{truth}-{copy}"
            date = day + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            reported = date + dt.timedelta(days=rng.choice((0, 1, 2)))
            this_sub, this_rule = sub, rule
            if rng.random() < 0.1 and etype == "Explosions/Remote violence":
                this_sub, this_rule = "Air/drone strike", "explosions.air-drone"
            location = Location(
                name=f"Town {country}-{admin1}-{town}", country=country, admin1=f"A{admin1}",
                admin2=None, lat=lat + rng.uniform(-0.02, 0.02), lon=lon + rng.uniform(-0.02, 0.02),
                geo_precision=rng.choice((1, 1, 2)), geonameid=None,
            )
            toll = max(0, deaths + rng.randrange(-3, 4))
            claims = (
                Claim(text=f"{toll} killed", attributed_to=f"Source {copy}", status="reported",
                      kind="fatalities", value=str(toll)),
                Claim(text=date.isoformat(), attributed_to=None, status="reported",
                      kind="date", value=date.isoformat()),
            )
            mention = EventMention(
                id=f"{doc_id}-m", doc_id=doc_id, event_type=etype, sub_event_type=this_sub,
                disorder_type=disorder, date=date, time_precision=1,
                actor1=group if inter1 != 6 else f"Protesters ({country})", inter1=inter1,
                actor2=f"Civilians ({country})" if inter2 == 7 else (
                    f"Military Forces of {country}" if inter2 else None),
                inter2=inter2, location=location, fatalities=toll, claims=claims,
                evidence=((0, 10),), rule=this_rule, date_text=date.isoformat(),
            )
            document = Document(id=doc_id, text=f"report {doc_id}", date=reported,
                                date_source="record", source=f"Outlet {copy}")
            out.append((document, [mention], truth))
    rng.shuffle(out)
    return out


def time_synthetic(mentions: int, *, index_kind: str) -> dict[str, object]:
    """Seconds to fuse and link ``mentions`` synthetic mentions, and merging quality."""
    from sitrep.actors import load_actor_dictionary
    from sitrep.codebook import load_codebook
    from sitrep.fuse import fuse_mentions
    from sitrep.link import MemoryIndex, ReportEvents, link_events
    from sitrep.store import StoredDocument, open_store

    codebook, dictionary = load_codebook(), load_actor_dictionary()
    reports = synthetic_reports(mentions)
    truth_of = {d.id: t for d, _, t in reports}
    folder = tempfile.TemporaryDirectory()
    store = open_store(Path(folder.name) / "synthetic.db") if index_kind == "sqlite" else None
    memory = MemoryIndex()
    event_of_doc: dict[str, str] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for start in range(0, len(reports), BATCH_REPORTS):
        batch = reports[start : start + BATCH_REPORTS]
        fused = [
            ReportEvents(d.id, d.date, fuse_mentions(ms, codebook=codebook, dictionary=dictionary,
                                                     reference=d.date), tuple(ms))
            for d, ms, _ in batch
        ]
        result = link_events(fused, index=store or memory, codebook=codebook,
                             dictionary=dictionary)
        if store is not None:
            store.write_batch(
                documents=[StoredDocument(d) for d, _, _ in batch],
                mentions=[m for r in fused for m in r.mentions],
                events=result.events, failures=[], units=result.units,
            )
        else:
            memory.add_result(result, mentions=[m for r in fused for m in r.mentions])
        for unit in result.units:
            event_of_doc[unit.doc_id] = unit.event_id
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    if store is not None:
        store.close()
    folder.cleanup()
    expected: dict[int, list[str]] = defaultdict(list)
    predicted: dict[str, list[str]] = defaultdict(list)
    for doc_id, truth in truth_of.items():
        expected[truth].append(doc_id)
        predicted[event_of_doc[doc_id]].append(doc_id)
    scores = pairwise_scores(expected.values(), predicted.values())
    return {"mentions": len(reports), "real_events": len(expected),
            "fused_events": len(predicted), "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "precision": round(scores["precision"], 4), "recall": round(scores["recall"], 4)}


def store_unlinked(reports, store) -> None:  # type: ignore[no-untyped-def]
    """Write synthetic reports as cluster workers do: own events, pending units."""
    from sitrep.actors import load_actor_dictionary
    from sitrep.codebook import load_codebook
    from sitrep.fuse import fuse_mentions
    from sitrep.link import ReportEvents, report_units
    from sitrep.store import StoredDocument

    codebook, dictionary = load_codebook(), load_actor_dictionary()
    for start in range(0, len(reports), PREPARE_BATCH_REPORTS):
        batch = reports[start : start + PREPARE_BATCH_REPORTS]
        fused = [ReportEvents(d.id, d.date, fuse_mentions(ms, codebook=codebook,
                                                          dictionary=dictionary,
                                                          reference=d.date), tuple(ms))
                 for d, ms, _ in batch]
        result = report_units(fused)
        store.write_batch(documents=[StoredDocument(d) for d, _, _ in batch],
                          mentions=[m for r in fused for m in r.mentions],
                          events=result.events, failures=[], pending_units=result.units)


def fresh_store(db: str | None, folder: Path, name: str):  # type: ignore[no-untyped-def]
    """An empty database: a new SQLite file in ``folder``, or ``db`` with its tables dropped."""
    from sitrep.store import drop_tables, open_store

    if db is None:
        return open_store(folder / f"{name}.db")
    drop_tables(db)
    return open_store(db)


def time_step(mentions: int, *, workers: int, db: str | None, client) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Seconds of the fusion step over ``mentions`` synthetic mentions stored unlinked."""
    from sitrep.cluster import ClusterLinker, shareable_url
    from sitrep.pipeline import link_pending

    reports = synthetic_reports(mentions)
    truth_of = {d.id: t for d, _, t in reports}
    with tempfile.TemporaryDirectory() as folder, \
            fresh_store(db, Path(folder), f"step-{mentions}-{workers}") as store:
        store_unlinked(reports, store)
        runner = None if client is None else ClusterLinker(client, db_url=shareable_url(store))
        workers_cpu = _workers_cpu(client)
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = link_pending(store, runner=runner)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        workers_cpu = _workers_cpu(client) - workers_cpu
        events = store.list_events(include_background=True)
    predicted = [[d for d in e.doc_ids] for e in events]
    expected: dict[int, list[str]] = defaultdict(list)
    for doc_id, truth in truth_of.items():
        expected[truth].append(doc_id)
    scores = pairwise_scores(expected.values(), predicted)
    return {"mentions": len(reports), "workers": workers, "pending": summary.pending,
            "attached": summary.attached, "fused_events": len(events),
            "seconds": round(seconds, 2), "client_cpu_seconds": round(cpu_seconds, 2),
            "workers_cpu_seconds": round(workers_cpu, 2),
            "precision": round(scores["precision"], 4), "recall": round(scores["recall"], 4)}


def _workers_cpu(client) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds used so far by the cluster's worker processes, summed (0 without one)."""
    if client is None:
        return 0.0
    return sum(client.run(time.process_time).values())


def run_step(sizes: Sequence[int], workers: Sequence[int], db: str | None) -> list[dict[str, object]]:
    """``time_step`` for every worker count and size, one cluster per worker count."""
    from sitrep.cluster import connect_cluster

    rows = []
    for count in workers:
        if count == 0:
            rows.extend(_print(time_step(size, workers=0, db=db, client=None)) for size in sizes)
            continue
        with connect_cluster(workers=count) as client:
            client.wait_for_workers(count)
            rows.extend(_print(time_step(size, workers=count, db=db, client=client))
                        for size in sizes)
    return rows


def _print(row: dict[str, object]) -> dict[str, object]:
    print(json.dumps(row), flush=True)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="merging precision/recall on the test corpus")
    corpus.add_argument("--corpus", type=Path, default=CORPUS)
    synthetic = commands.add_parser("synthetic", help="time fusing synthetic mentions")
    synthetic.add_argument("--mentions", type=int, nargs="+", default=[10_000, 100_000])
    synthetic.add_argument("--index", choices=("memory", "sqlite"), default="memory")
    step = commands.add_parser("step", help="time the fusion step over stored units")
    step.add_argument("--mentions", type=int, nargs="+", default=[5_000, 50_000])
    step.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2],
                      help="0: in this process; N: a LocalCluster of N workers")
    step.add_argument("--db", help="PostgreSQL URL (tables dropped); default: SQLite files")
    args = parser.parse_args(argv)
    if args.command == "corpus":
        print(json.dumps(score_corpus(args.corpus), indent=1))
        return 0
    if args.command == "step":
        run_step(args.mentions, args.workers, args.db)
        return 0
    rows = []
    for size in args.mentions:
        rows.append(time_synthetic(size, index_kind=args.index))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1:
        def ratio(key: str) -> float:
            return round(float(rows[-1][key]) / max(float(rows[0][key]), 1e-9), 2)  # type: ignore[arg-type]

        size = int(rows[-1]["mentions"]) / int(rows[0]["mentions"])  # type: ignore[call-overload]
        print(json.dumps({"size_ratio": size, "time_ratio": ratio("seconds"),
                          "cpu_time_ratio": ratio("cpu_seconds")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
