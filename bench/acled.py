"""Score `sitrep parse` against ACLED's coding of its own notes.

Reads the ACLED CSVs in ../shared/data/acled/ (relative to the repository root; override
with --data). Each row's `notes` is fed to `sitrep parse --jsonl` as one document, and
the document's first non-background event is compared with the row.

Document date: the row's `timestamp` (last update) as a date when it falls 0-30 days
after `event_date`, else `event_date` + 7 days.

The South Asia 2015 file uses ACLED's old schema (upper-case columns, old event-type
names, no sub_event_type): its event types are mapped to today's where unambiguous and it
is left out of sub-event-type scoring.

    python bench/acled.py                         # all files, all rows
    python bench/acled.py --sample 200 --seed 1   # 200 random rows per file
    python bench/acled.py --files kenya ghana --limit 100

Prints a Markdown report for BENCHMARKS.md. The data are never copied into the repo.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import re
import shlex
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitrep_run import DEFAULT_DATA, SitrepRunError, parse_or_load  # noqa: E402

from sitrep.export import INTER_LABELS  # noqa: E402  (ACLED's inter codes and labels)
_LABEL_TO_CODE = {v.casefold(): k for k, v in INTER_LABELS.items()}

EVENT_TYPES = [
    "Battles",
    "Protests",
    "Riots",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
]

# Old ACLED event types (before 2019) -> today's, where the mapping is unambiguous.
# "Riots/Protests" is resolved by the actors' inter codes in old_event_type().
OLD_EVENT_TYPES = {
    "battle-no change of territory": "Battles",
    "battle-government regains territory": "Battles",
    "battle-non-state actors overtake territory": "Battles",
    "battle-non-state actor overtakes territory": "Battles",
    "violence against civilians": "Violence against civilians",
    "remote violence": "Explosions/Remote violence",
    "strategic development": "Strategic developments",
    "non-violent transfer of territory": "Strategic developments",
    "headquarters or base established": "Strategic developments",
}

LOCATION_KM = 25.0
NO_EVENT = "(no event)"


# --------------------------------------------------------------------------- reading


@dataclass
class GoldRow:
    id: str
    file: str
    notes: str
    event_date: dt.date
    doc_date: dt.date
    time_precision: int | None
    event_type: str | None  # today's name; None when the old type is ambiguous
    sub_event_type: str | None  # None for the old schema
    actor1: str
    actor2: str
    inter1: int | None  # None = no actor (ACLED's 0)
    inter2: int | None
    country: str
    admin1: str
    location: str
    lat: float | None
    lon: float | None
    fatalities: int | None
    old_schema: bool = False


def parse_acled_date(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%b-%Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"unrecognised ACLED date: {text!r}")


def document_date(event_date: dt.date, timestamp: str | None) -> dt.date:
    """`timestamp` as a date when 0-30 days after event_date, else event_date + 7 days."""
    if timestamp not in (None, ""):
        try:
            ts = dt.datetime.fromtimestamp(int(float(timestamp)), dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            ts = None
        if ts is not None and 0 <= (ts - event_date).days <= 30:
            return ts
    return event_date + dt.timedelta(days=7)


def inter_code(value) -> int | None:
    """ACLED inter as an int 1-8, from a number, a numeric string or a contract label."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 8 else None
    if isinstance(value, float):
        return inter_code(int(value))
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d+(\.0+)?", s):
        return inter_code(int(float(s)))
    return _LABEL_TO_CODE.get(s.casefold())


def old_event_type(old: str, inter1: int | None, inter2: int | None) -> str | None:
    key = old.strip().casefold()
    if key in OLD_EVENT_TYPES:
        return OLD_EVENT_TYPES[key]
    if key == "riots/protests":
        codes = {inter1, inter2}
        if 5 in codes and 6 not in codes:
            return "Riots"
        if 6 in codes and 5 not in codes:
            return "Protests"
        return None
    # Already a current name?
    for t in EVENT_TYPES:
        if key == t.casefold():
            return t
    return None


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    try:
        return int(float(s)) if s not in (None, "") else None
    except ValueError:
        return None


def sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_acled_csv(path: Path, stats: Counter | None = None) -> list[GoldRow]:
    """Rows of one ACLED CSV (either schema); rows without notes are skipped and counted."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        first = fh.readline()
        fh.seek(0)
        reader = csv.DictReader(fh, delimiter=sniff_delimiter(first))
        raw = list(reader)
    if not raw:
        return []
    old = "EVENT_TYPE" in raw[0] and "event_type" not in raw[0]
    rows = []
    for i, r in enumerate(raw):
        r = {k.strip().lower(): (v or "").strip() for k, v in r.items() if k}
        notes = r.get("notes", "")
        if not notes:
            if stats is not None:
                stats["no_notes"] += 1
            continue
        event_date = parse_acled_date(r["event_date"])
        inter1 = inter_code(r.get("inter1"))
        inter2 = inter_code(r.get("inter2"))
        if old:
            etype = old_event_type(r.get("event_type", ""), inter1, inter2)
            sub = None
        else:
            etype = r.get("event_type") or None
            sub = r.get("sub_event_type") or None
        rid = r.get("event_id_cnty") or r.get("data_id") or str(i)
        rows.append(
            GoldRow(
                id=f"{path.stem}:{rid}:{i}",
                file=path.name,
                notes=notes,
                event_date=event_date,
                doc_date=document_date(event_date, r.get("timestamp")),
                time_precision=_int(r.get("time_precision")),
                event_type=etype,
                sub_event_type=sub,
                actor1=r.get("actor1", ""),
                actor2=r.get("actor2", ""),
                inter1=inter1,
                inter2=inter2,
                country=r.get("country", ""),
                admin1=r.get("admin1", ""),
                location=r.get("location", ""),
                lat=_float(r.get("latitude")),
                lon=_float(r.get("longitude")),
                fatalities=_int(r.get("fatalities")),
                old_schema=old,
            )
        )
    return rows


def to_record(row: GoldRow) -> dict:
    return {"id": row.id, "text": row.notes, "date": row.doc_date.isoformat()}


# --------------------------------------------------------------------------- scoring


def main_event(doc: dict | None) -> dict | None:
    """The document's first non-background event, or None (also for error lines)."""
    if not doc or doc.get("error"):
        return None
    for ev in doc.get("events") or []:
        if isinstance(ev, dict) and not ev.get("is_background"):
            return ev
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


_ADMIN_WORDS = re.compile(
    r"\b(province|provinsi|county|region|state|governorate|division|district|"
    r"wilayah|oblast|prefecture|department|territory|area)\b"
)


def norm_admin(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("&", " and ")
    s = _ADMIN_WORDS.sub(" ", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def admin1_match(gold: str, pred: str | None) -> bool:
    """Same name, or two spellings of it: GeoNames' "Nangarhar", "Paktia", "Sar-e Pul" are
    ACLED's "Nangarhar", "Paktya", "Sari Pul" (transliteration skeletons compared)."""
    g, p = norm_admin(gold), norm_admin(pred)
    if not g or not p:
        return False
    return g == p or _admin_skeleton(gold) == _admin_skeleton(pred or "")


def _admin_skeleton(name: str) -> str | None:
    from sitrep.place_names import normalise_name, skeleton_key, strip_particles

    words = _ADMIN_WORDS.sub(" ", normalise_name(name))
    return skeleton_key(strip_particles(" ".join(words.split())).replace(" ", ""))


def _num(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return int(float(value))
        except (TypeError, ValueError):
            return None


@dataclass
class Tally:
    """Hits and totals per metric, plus the labels for F1 and confusion tables."""

    n: int = 0
    no_event: int = 0
    errors: int = 0
    hits: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    sub_pairs: list = field(default_factory=list)  # (gold, pred)
    type_pairs: list = field(default_factory=list)

    def add(self, metric: str, ok: bool) -> None:
        self.totals[metric] += 1
        self.hits[metric] += bool(ok)

    def rate(self, metric: str) -> float | None:
        t = self.totals[metric]
        return None if t == 0 else 100.0 * self.hits[metric] / t

    def merge(self, other: Tally) -> None:
        self.n += other.n
        self.no_event += other.no_event
        self.errors += other.errors
        self.hits.update(other.hits)
        self.totals.update(other.totals)
        self.sub_pairs += other.sub_pairs
        self.type_pairs += other.type_pairs


METRICS = [
    ("event_type", "event type"),
    ("sub_event_type", "sub-type"),
    ("sub_f1", "sub-type macro F1"),
    ("fatalities", "fatalities exact"),
    ("fatalities_pos", "fatalities exact (deaths>0)"),
    ("inter1", "inter1"),
    ("inter2", "inter2"),
    ("date", "date exact"),
    ("time_precision", "time precision"),
    ("location", f"location ≤{LOCATION_KM:g} km"),
    ("admin1", "admin1"),
    ("country", "country (located)"),
]


def score_row(row: GoldRow, doc: dict | None, tally: Tally) -> None:
    tally.n += 1
    if doc and doc.get("error"):
        tally.errors += 1
    ev = main_event(doc)
    if ev is None:
        tally.no_event += 1
        ev = {}
    pred_type = ev.get("event_type") or None
    pred_sub = ev.get("sub_event_type") or None

    if row.event_type:
        tally.add("event_type", pred_type == row.event_type)
        tally.type_pairs.append((row.event_type, pred_type or NO_EVENT))
    if row.sub_event_type and not row.old_schema:
        tally.add("sub_event_type", pred_sub == row.sub_event_type)
        tally.sub_pairs.append((row.sub_event_type, pred_sub or NO_EVENT))

    if row.fatalities is not None:
        pf = _num(ev.get("fatalities")) if ev else None
        tally.add("fatalities", pf == row.fatalities)
        if row.fatalities > 0:
            tally.add("fatalities_pos", pf == row.fatalities)

    # inter: gold None (ACLED 0) matches a prediction with no such actor.
    for k in ("inter1", "inter2"):
        gold = getattr(row, k)
        if not ev:
            tally.add(k, False)
        else:
            tally.add(k, inter_code(ev.get(k)) == gold)

    tally.add("date", bool(ev) and str(ev.get("date") or "")[:10] == row.event_date.isoformat())
    if row.time_precision is not None:
        tally.add("time_precision", bool(ev) and _num(ev.get("time_precision")) == row.time_precision)

    loc = ev.get("location") if isinstance(ev.get("location"), dict) else {}
    if row.lat is not None and row.lon is not None:
        plat, plon = _float_or_none(loc.get("lat")), _float_or_none(loc.get("lon"))
        ok = (
            plat is not None
            and plon is not None
            and haversine_km(row.lat, row.lon, plat, plon) <= LOCATION_KM
        )
        tally.add("location", ok)
    if row.admin1:
        tally.add("admin1", admin1_match(row.admin1, loc.get("admin1")))
    # of the events sitrep placed in a country: that country is ACLED's (a namesake abroad
    # puts an event, and the actors named after its country, in the wrong state)
    gold_country = country_code(row.country)
    if gold_country and loc.get("country"):
        tally.add("country", loc.get("country") == gold_country)


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of an ACLED country name ("Kenya" -> "KE"), or None."""
    import pycountry

    if not name:
        return None
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _float_or_none(v) -> float | None:
    try:
        return None if v is None or isinstance(v, bool) else float(v)
    except (TypeError, ValueError):
        return None


def macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    """Macro F1 over the gold labels and the predicted labels (NO_EVENT excluded)."""
    if not pairs:
        return None
    labels = {g for g, _ in pairs} | {p for _, p in pairs if p != NO_EVENT}
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p != NO_EVENT:
                fp[p] += 1
    f1s = []
    for lab in labels:
        denom = 2 * tp[lab] + fp[lab] + fn[lab]
        f1s.append(0.0 if denom == 0 else 2 * tp[lab] / denom)
    return 100.0 * sum(f1s) / len(f1s)


def score(rows: list[GoldRow], outputs: dict[str, dict]) -> dict[str, Tally]:
    """Tally per file plus an "overall" entry."""
    per: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        score_row(row, outputs.get(row.id), per[row.file])
    overall = Tally()
    for t in per.values():
        overall.merge(t)
    result = dict(sorted(per.items()))
    result["overall"] = overall
    return result


# --------------------------------------------------------------------------- report


def _cell(t: Tally, metric: str, show_n: bool = False) -> str:
    if metric == "sub_f1":
        v = macro_f1(t.sub_pairs)
        return "–" if v is None else f"{v:.1f}"
    v = t.rate(metric)
    if v is None:
        return "–"
    return f"{v:.1f} (n={t.totals[metric]})" if show_n else f"{v:.1f}"


def markdown_report(tallies: dict[str, Tally], command: str) -> str:
    lines = [
        f"### ACLED agreement ({dt.date.today().isoformat()})",
        "",
        f"Command: `{command}`",
        "",
        "Per cent of rows agreeing with ACLED's coding of its own notes (first non-background"
        " event of each document; rows with no event count as wrong).",
        "",
    ]
    header = ["file", "rows", "no event"] + [label for _, label in METRICS]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for name, t in tallies.items():
        cells = [f"**{name}**" if name == "overall" else name, str(t.n), f"{t.no_event}"]
        for key, _ in METRICS:
            cells.append(_cell(t, key, show_n=key in ("fatalities_pos",)))
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Sub-type columns exclude the old-schema South Asia file; its event types are mapped to"
        " today's (Riots/Protests by the actors' inter codes 5/6, unscored when ambiguous)."
        f" Location: sitrep's coordinates within {LOCATION_KM:g} km of ACLED's. Country"
        " (located): of the rows whose event sitrep placed in a country, the share placed in"
        " ACLED's.",
        "",
    ]
    lines += confusion_table(tallies["overall"].type_pairs, "Event type confusion (overall)")
    return "\n".join(lines)


def confusion_table(pairs: list[tuple[str, str]], title: str) -> list[str]:
    if not pairs:
        return []
    gold_labels = [t for t in EVENT_TYPES if any(g == t for g, _ in pairs)]
    gold_labels += sorted({g for g, _ in pairs} - set(gold_labels))
    pred_labels = list(EVENT_TYPES)  # fixed columns, so tables from runs line up
    pred_labels += sorted({p for _, p in pairs} - set(pred_labels) - {NO_EVENT})
    pred_labels.append(NO_EVENT)
    counts = Counter(pairs)
    lines = [f"#### {title}", "", "rows: ACLED; columns: sitrep", ""]
    lines.append("| ACLED \\ sitrep | " + " | ".join(pred_labels) + " | total | recall |")
    lines.append("|---|" + "---:|" * (len(pred_labels) + 2))
    for g in gold_labels:
        row = [counts[(g, p)] for p in pred_labels]
        total = sum(row)
        rec = 100.0 * counts[(g, g)] / total if total else 0.0
        lines.append(
            f"| {g} | " + " | ".join(str(c) for c in row) + f" | {total} | {rec:.1f} |"
        )
    lines.append("")
    return lines


# --------------------------------------------------------------------------- main


def select_files(folder: Path, wanted: list[str] | None) -> list[Path]:
    files = sorted(folder.glob("*.csv"))
    if wanted:
        files = [f for f in files if any(w.casefold() in f.name.casefold() for w in wanted)]
    return files


def pick_rows(rows: list[GoldRow], limit: int | None, sample: int | None, seed: int) -> list:
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    if limit is not None:
        rows = rows[:limit]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled",
                    help="folder with the ACLED CSVs (default: ../shared/data/acled)")
    ap.add_argument("--files", nargs="+", metavar="NAME",
                    help="only files whose name contains one of these (e.g. kenya ghana)")
    ap.add_argument("--limit", type=int, help="first N rows of each file")
    ap.add_argument("--sample", type=int, help="N random rows of each file")
    ap.add_argument("--seed", type=int, default=0, help="seed for --sample (default 0)")
    ap.add_argument("--chunk", type=int, default=500, help="documents per sitrep process")
    ap.add_argument("--cmd", help="command that runs the sitrep CLI (default: python -m sitrep)")
    ap.add_argument("--sitrep-args", default="",
                    help="extra arguments for `sitrep parse`, e.g. '--workers 2'")
    ap.add_argument("--save-output", type=Path, help="write sitrep's JSON lines here")
    ap.add_argument("--load-output", type=Path,
                    help="score these saved JSON lines instead of running sitrep")
    ap.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = ap.parse_args(argv)

    if not args.data.is_dir():
        print(f"skipped: folder not found: {args.data}")
        return 0
    files = select_files(args.data, args.files)
    if not files:
        print(f"skipped: no matching ACLED CSV files in {args.data}")
        return 0

    rows: list[GoldRow] = []
    for f in files:
        stats: Counter = Counter()
        file_rows = pick_rows(read_acled_csv(f, stats), args.limit, args.sample, args.seed)
        print(f"{f.name}: {len(file_rows)} rows ({stats['no_notes']} without notes skipped)",
              file=sys.stderr)
        rows += file_rows

    records = [to_record(r) for r in rows]
    try:
        outputs = parse_or_load(records, args.cmd, shlex.split(args.sitrep_args), args.chunk,
                                load=args.load_output, save=args.save_output)
    except SitrepRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    command = "python bench/acled.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    report = markdown_report(score(rows, outputs), command.strip())
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
