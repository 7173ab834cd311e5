"""Throughput of `extract` on a local Dask cluster of 1 and 2 worker processes, peak memory
per worker, and database bytes per report, over real news documents (GLOCON's sample).

    SITREP_CACHE_DIR=/tmp/sitrep-cache .venv/bin/python bench/cluster_throughput.py \
        --documents 240 --db postgresql://sitrep@127.0.0.1:55442/sitrep_test

The model load on each worker is timed apart (``client.run`` loads it before the clock
starts), so the documents/s figure is the steady state a long run sees. Extraction and the
fusion step after it (``link_on_cluster``) are timed apart; documents/s covers both. With ``--db`` a
PostgreSQL URL its tables are dropped before each run; without it a new SQLite file is used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "glocon-gold-sample"


def write_corpus(folder: Path, count: int) -> tuple[Path, int]:
    sys.path.insert(0, str(HERE))
    from glocon import read_documents

    documents = read_documents(DATA)[:count]
    path = folder / "glocon.jsonl"
    with path.open("w", encoding="utf-8") as file:
        for doc in documents:
            file.write(json.dumps({"id": doc["id"], "text": doc["text"]}) + "\n")
    return path, sum(len(d["text"]) for d in documents)


def fresh_database(db: str | None, folder: Path, workers: int) -> str:
    if db is None:
        return str(folder / f"run-{workers}.db")
    from sitrep.store import drop_tables

    drop_tables(db)
    return db


def database_bytes(target: str) -> int:
    if "://" not in target:
        return sum(p.stat().st_size for p in Path(target).parent.glob(Path(target).name + "*"))
    import sqlalchemy as sa

    from sitrep.store import _resolve_target

    engine = sa.create_engine(_resolve_target(target)[0])
    with engine.connect() as conn:
        size = conn.execute(sa.text(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')"
        )).scalar_one()
    engine.dispose()
    return int(size)


def cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(corpus: Path, workers: int, target: str) -> dict[str, float]:
    from sitrep import cluster
    from sitrep.store import open_store

    started = time.perf_counter()
    with cluster.connect_cluster(workers=workers) as client:
        client.run(lambda: cluster.worker_resources(None) and None)
        ready = time.perf_counter()
        worker_cpu, client_cpu = client.run(cpu_seconds), cpu_seconds()
        with open_store(target) as store:
            summary = cluster.extract_on_cluster([corpus], store=store, client=client,
                                                 link=False)
            extracted = time.perf_counter()
            linked = cluster.link_on_cluster(store, client=client)
        done = time.perf_counter()
        worker_cpu = {k: v - worker_cpu[k] for k, v in client.run(cpu_seconds).items()}
        client_cpu = cpu_seconds() - client_cpu
        memory = client.run(cluster.worker_peak_memory_mb)
    return {
        "workers": workers,
        "startup_s": ready - started,
        "extract_s": extracted - ready,
        "link_s": done - extracted,
        "linked": linked.linked,
        "documents": summary.documents,
        "failed": len(summary.failures),
        "docs_per_s": summary.documents / (done - ready),
        "peak_mb": max(memory.values()),
        "worker_cpu_s_per_doc": sum(worker_cpu.values()) / max(summary.documents, 1),
        "worker_cpu_share": sum(worker_cpu.values()) / (workers * (done - ready)),
        "client_cpu_s": client_cpu,
        "db_bytes": database_bytes(target),
    }


def measure_write_cost(corpus: Path, target: str, *, batches: int = 3) -> dict[str, float]:
    """Seconds to link and write one batch of 32 processed reports (the critical section
    that holds the per-country link locks), in this process, after processing them."""
    from sitrep.cluster import FileGroup, read_partition
    from sitrep.pipeline import (
        BATCH_DOCUMENTS,
        ExtractSummary,
        load_resources,
        process_documents,
        store_batch,
    )
    from sitrep.records import Document
    from sitrep.store import open_store

    resources = load_resources()
    docs = [d for d in read_partition(FileGroup((str(corpus),)), jsonl=True)
            if isinstance(d, Document)][: batches * BATCH_DOCUMENTS]
    results = list(process_documents(docs, resources=resources))
    times = []
    with open_store(target) as store:
        for start in range(0, len(results), BATCH_DOCUMENTS):
            began = time.perf_counter()
            store_batch(results[start : start + BATCH_DOCUMENTS], store=store,
                        summary=ExtractSummary(), codebook=resources.codebook,
                        dictionary=resources.dictionary)
            times.append(time.perf_counter() - began)
    return {"batches": len(times), "write_s_per_batch": sum(times) / len(times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=240)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", help="PostgreSQL URL (tables dropped); default: SQLite files")
    parser.add_argument("--write-cost", action="store_true",
                        help="only time linking + writing one batch of 32 reports")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the shared gold data is not beside this clone)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus, chars = write_corpus(Path(tmp), args.documents)
        print(f"corpus: {args.documents} documents, {chars / args.documents:.0f} characters "
              f"on average; load average before: {os.getloadavg()[0]:.2f}")
        if args.write_cost:
            target = fresh_database(args.db, Path(tmp), 0)
            print(json.dumps(measure_write_cost(corpus, target)))
            return 0
        rows = []
        for workers in args.workers:
            target = fresh_database(args.db, Path(tmp), workers)
            rows.append(measure(corpus, workers, target))
            print(json.dumps(rows[-1]), f"load average after: {os.getloadavg()[0]:.2f}",
                  flush=True)
    print("| worker processes | documents/s | extract s | link s | worker CPU s/document | "
          "CPU share per worker | client+scheduler CPU s | startup s | peak MiB/worker "
          "| DB bytes/report |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['workers']} | {row['docs_per_s']:.2f} | {row['extract_s']:.1f} | "
              f"{row['link_s']:.1f} | "
              f"{row['worker_cpu_s_per_doc']:.3f} | {row['worker_cpu_share']:.0%} | "
              f"{row['client_cpu_s']:.1f} | {row['startup_s']:.1f} | {row['peak_mb']:.0f} | "
              f"{row['db_bytes'] / max(row['documents'], 1):,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
