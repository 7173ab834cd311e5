"""Compare two saved `bench/acled.py` outputs row by row against ACLED's coding.

Each rule change in BENCHMARKS.md is measured this way: the rows whose field became right
("better"), became wrong ("worse"), or changed from one wrong value to another ("other"),
for the first non-background event of each document, as `bench/acled.py` scores it.

    python bench/acled.py --save-output before.jsonl        # on the code before
    python bench/acled.py --save-output after.jsonl         # on the code after
    python bench/acled_diff.py before.jsonl after.jsonl
    python bench/acled_diff.py before.jsonl after.jsonl --field fatalities --show worse

`--show better|worse|other` lists the rows (id, ACLED's value, before -> after, the start
of the note) for reading; the notes are printed, never written into the repo.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acled import GoldRow, _num, main_event, read_acled_csv, select_files
from sitrep_run import DEFAULT_DATA

FIELDS = ("event_type", "sub_event_type", "fatalities", "inter1", "inter2")
KINDS = ("better", "worse", "other")


@dataclass
class FieldDiff:
    """The rows whose value of one field changed between two outputs, by kind."""

    field: str
    rows: dict[str, list[tuple[GoldRow, object, object]]] = field(
        default_factory=lambda: {kind: [] for kind in KINDS})

    def count(self, kind: str) -> int:
        return len(self.rows[kind])


def value(event: dict | None, name: str) -> object:
    """The field of a sitrep event as the scoring reads it (None: no event)."""
    if event is None:
        return None
    if name == "fatalities":
        return _num(event.get("fatalities"))
    if name in ("inter1", "inter2"):
        return event.get(name + "_code")
    return event.get(name)


def compare(
    rows: Iterable[GoldRow], before: dict[str, dict], after: dict[str, dict], name: str
) -> FieldDiff:
    """Classify each row whose `name` differs between the two outputs; rows ACLED leaves
    unscored for that field (an ambiguous old type, no sub-type, no fatalities) are left
    out, as bench/acled.py leaves them out."""
    diff = FieldDiff(name)
    for row in rows:
        gold = getattr(row, name)
        if gold is None and name in ("event_type", "sub_event_type", "fatalities"):
            continue
        old = value(main_event(before.get(row.id)), name)
        new = value(main_event(after.get(row.id)), name)
        if old == new:
            continue
        kind = "better" if new == gold else "worse" if old == gold else "other"
        diff.rows[kind].append((row, old, new))
    return diff


def read_output(path: Path) -> dict[str, dict]:
    """A saved output (`--save-output`): one JSON document per line, by id."""
    with path.open(encoding="utf-8") as fh:
        docs = (json.loads(line) for line in fh if line.strip())
        return {doc["id"]: doc for doc in docs if "id" in doc}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="output saved with --save-output before")
    ap.add_argument("after", type=Path, help="output saved with --save-output after")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled",
                    help="folder of ACLED CSVs (default: ../shared/data/acled)")
    ap.add_argument("--files", nargs="+", metavar="NAME", help="only files whose name has NAME")
    ap.add_argument("--field", choices=FIELDS, action="append",
                    help="field to compare (repeatable; default: all)")
    ap.add_argument("--show", choices=KINDS, help="list the rows of this kind")
    ap.add_argument("--limit", type=int, default=20, help="rows to list with --show")
    args = ap.parse_args(argv)
    for path in (args.before, args.after):
        if not path.is_file():
            ap.error(f"{path}: no such file (save one with bench/acled.py --save-output)")
    if not args.data.is_dir():
        ap.error(f"{args.data}: no such folder of ACLED CSVs (give one with --data)")
    before, after = read_output(args.before), read_output(args.after)
    rows = [row for path in select_files(args.data, args.files) for row in read_acled_csv(path)]
    print(f"{len(rows)} rows; {args.before} -> {args.after}\n")
    print("| field | better | worse | other |")
    print("|---|---:|---:|---:|")
    diffs = [compare(rows, before, after, name) for name in args.field or FIELDS]
    for diff in diffs:
        print(f"| {diff.field} | " + " | ".join(str(diff.count(k)) for k in KINDS) + " |")
    if args.show:
        for diff in diffs:
            print(f"\n{diff.field}, {args.show}:")
            for row, old, new in diff.rows[args.show][: args.limit]:
                note = " ".join(row.notes.split())[:160]
                print(f"- {row.id}: ACLED {getattr(row, diff.field)!r}, {old!r} -> {new!r} | {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
