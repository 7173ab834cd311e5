"""Share of the pipeline's time each stage takes, per corpus (the places stage's budget is
a quarter).

    .venv/bin/python bench/stage_share.py [--corpus samples lgl geovirus] [--limit N]

Runs the stages in process, in the order ``pipeline._process_one`` runs them, timing each
around its own call: annotate (spaCy, batched), dates, places, actors, events, fuse. The
resources (model, gazetteer, codebook) are loaded first and not counted; the places
stage's one-time loads (demonym table, fuzzy name buckets) are counted, in the first
document that needs them. LGL and GeoVirus are read in place from ../shared/data/
(GPL-3.0 data: never copy it into this repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geoparse import DEFAULT_DATA, read_geovirus, read_lgl
from sitrep.actors import extract_actors
from sitrep.annotate import annotate_documents
from sitrep.dates import assess_document_date, extract_timexes
from sitrep.events import ReportContext, extract_event_mentions
from sitrep.fuse import fuse_mentions
from sitrep.ingest import read_documents
from sitrep.pipeline import load_resources
from sitrep.places import extract_places
from sitrep.records import Document

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "samples"
STAGES = ("annotate", "dates", "places", "actors", "events", "fuse")


def corpus_documents(name: str, limit: int | None) -> list[Document]:
    if name == "samples":
        documents = [d for d in read_documents([str(SAMPLES)]) if isinstance(d, Document)]
    elif name == "lgl":
        documents = [Document(id=f"lgl-{i}", text=text)
                     for i, (text, _) in enumerate(read_lgl(DEFAULT_DATA / "lgl.xml"))]
    else:
        documents = [Document(id=f"gv-{i}", text=text) for i, (text, _) in
                     enumerate(read_geovirus(DEFAULT_DATA / "GeoVirus.xml"))]
    return documents[:limit]


def time_stages(documents: list[Document], resources) -> Counter[str]:
    seconds: Counter[str] = Counter()
    started = time.perf_counter()
    parses = list(annotate_documents(documents, nlp=resources.nlp))
    seconds["annotate"] += time.perf_counter() - started
    for document, parsed in zip(documents, parses, strict=True):
        started = time.perf_counter()
        timexes = extract_timexes(document, parsed, reference=document.date)
        assessment = assess_document_date(document, parsed, timexes)
        if assessment.reference != document.date:
            timexes = extract_timexes(document, parsed, reference=assessment.reference)
        if assessment.inferred and document.date is None:
            document = replace(document, date=assessment.reference, date_source="inferred")
        seconds["dates"] += time.perf_counter() - started
        started = time.perf_counter()
        places = extract_places(document, parsed, gazetteer=resources.gazetteer)
        seconds["places"] += time.perf_counter() - started
        started = time.perf_counter()
        actors = extract_actors(parsed, dictionary=resources.dictionary)
        seconds["actors"] += time.perf_counter() - started
        started = time.perf_counter()
        context = ReportContext(document=document, parsed=parsed, timexes=timexes,
                                places=places, actors=actors, reference=assessment.reference)
        mentions = extract_event_mentions(context, codebook=resources.codebook,
                                          dictionary=resources.dictionary)
        seconds["events"] += time.perf_counter() - started
        started = time.perf_counter()
        fuse_mentions(mentions, codebook=resources.codebook, dictionary=resources.dictionary,
                      reference=assessment.reference)
        seconds["fuse"] += time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=["samples", "lgl", "geovirus"],
                        choices=["samples", "lgl", "geovirus"])
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    args = parser.parse_args()
    resources = load_resources()
    for name in args.corpus:
        documents = corpus_documents(name, args.limit)
        seconds = time_stages(documents, resources)
        total = sum(seconds.values())
        shares = ", ".join(f"{stage} {seconds[stage] / total:.1%}" for stage in STAGES)
        print(f"{name}: {len(documents)} documents, {total:.1f} s in the stages; {shares}")


if __name__ == "__main__":
    main()
