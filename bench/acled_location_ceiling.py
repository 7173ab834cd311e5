"""How well could any resolver locate ACLED's events from the notes, with sitrep's gazetteer?

An upper bound for the location columns of bench/acled.py. For each row, every run of
one to four words starting with a capital letter in the note is looked up in the
gazetteer (exact, alias and fuzzy names, as the places stage does), and every candidate
it returns is tried, in any country:

- location: a row is reachable when some candidate (its point, or the seat that stands
  for an area) lies within 25 km of ACLED's coordinates;
- admin1: a row is reachable when some candidate lies in ACLED's admin1, or is that
  admin1 (names compared as bench/acled.py compares them).

An oracle that always picked the best candidate would score exactly these shares; a real
resolver scores less. Rows whose note names no place the gazetteer holds (no place at
all, or a village, estate or neighbourhood cities500 lacks) are unreachable.

    .venv/bin/python bench/acled_location_ceiling.py --sample 200 --seed 1
    .venv/bin/python bench/acled_location_ceiling.py --sample 200 --seed 1 --show kenya

Prints a Markdown table. The data are read in place, never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acled import (
    LOCATION_KM,
    GoldRow,
    admin1_match,
    haversine_km,
    pick_rows,
    read_acled_csv,
    select_files,
)
from sitrep.gazetteer import Gazetteer, GazetteerEntry, open_gazetteer
from sitrep_run import DEFAULT_DATA

WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*|\d+")
MAX_WORDS = 4


def capitalised_runs(text: str) -> set[str]:
    """Every run of 1-4 words whose first word starts with a capital letter."""
    words = WORD_RE.findall(text)
    runs = set()
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        for n in range(1, MAX_WORDS + 1):
            if i + n <= len(words):
                runs.add(" ".join(w.rstrip(".") for w in words[i:i + n]))
    return runs


def entry_points(entry: GazetteerEntry) -> list[tuple[float, float]]:
    return [(entry.lat, entry.lon)] + ([entry.seat] if entry.seat else [])


def in_admin1(entry: GazetteerEntry, gold_admin1: str) -> bool:
    if admin1_match(gold_admin1, entry.admin1):
        return True
    return entry.feature == "admin1" and admin1_match(gold_admin1, entry.name)


def reachable(row: GoldRow, gazetteer: Gazetteer) -> tuple[bool, bool]:
    """(location within 25 km reachable, admin1 reachable) for one row."""
    near = in_area = False
    for run in capitalised_runs(row.notes):
        for entry in gazetteer.candidates(run):
            if row.lat is not None and row.lon is not None and not near:
                near = any(haversine_km(lat, lon, row.lat, row.lon) <= LOCATION_KM
                           for lat, lon in entry_points(entry))
            in_area = in_area or in_admin1(entry, row.admin1)
            if near and in_area:
                return True, True
    return near, in_area


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled")
    ap.add_argument("--files", nargs="+", metavar="NAME")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", metavar="NAME",
                    help="print the unreachable rows of files whose name contains NAME")
    args = ap.parse_args(argv)

    if not args.data.is_dir():
        print(f"skipped: folder not found: {args.data}")
        return 0
    gazetteer = open_gazetteer()
    tally: dict[str, Counter] = {}
    for path in select_files(args.data, args.files):
        counts = tally.setdefault(path.name, Counter())
        for row in pick_rows(read_acled_csv(path), args.limit, args.sample, args.seed):
            near, in_area = reachable(row, gazetteer)
            counts["rows"] += 1
            counts["location"] += near
            counts["admin1"] += in_area
            if args.show and args.show in path.name and not near:
                print(f"unreachable: {row.id} {row.location} / {row.admin1}: {row.notes[:160]}",
                      file=sys.stderr)
    total = sum(tally.values(), Counter())
    print(f"Command: `python bench/acled_location_ceiling.py {' '.join(argv or sys.argv[1:])}`\n")
    print("| file | rows | location ≤25 km reachable | admin1 reachable |")
    print("|---|---:|---:|---:|")
    for name, counts in [*tally.items(), ("**overall**", total)]:
        rows = counts["rows"] or 1
        print(f"| {name} | {counts['rows']} | {100 * counts['location'] / rows:.1f} "
              f"| {100 * counts['admin1'] / rows:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
