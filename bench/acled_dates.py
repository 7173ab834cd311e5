"""Break down the event-date agreement of `sitrep parse` with ACLED by cause.

    .venv/bin/python bench/acled_dates.py --sample 200 --seed 1 --load-output F [--show N]

Reads the rows `bench/acled.py` picks (same --sample/--seed/--files) and the JSON lines it
saved with --save-output (or runs sitrep when --load-output is not given). For each row:
is the first non-background event's date ACLED's `event_date`, does its time_precision
agree, and when not, why: no event at all, the note has no time expression (ACLED's coders
then used the report's date, which we only know as the benchmark's document date), the
event took a timex that resolved elsewhere, and so on. Also reports the figures over the
rows that have an event, since bench/acled.py counts a row without an event as a wrong
date. Gold data are read in place, never copied.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acled import main_event, pick_rows, read_acled_csv, select_files, to_record
from sitrep_run import DEFAULT_DATA, match_outputs, read_output_lines, run_parse, sitrep_command

_DAY_WORD = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight)\b", re.IGNORECASE
)


def classify(row, doc: dict | None) -> tuple[str, bool, bool]:
    """(cause, date agrees, precision agrees) for one row."""
    event = main_event(doc)
    if event is None:
        return "no event", False, False
    date = str(event.get("date") or "")[:10]
    precision = event.get("time_precision")
    date_ok = date == row.event_date.isoformat()
    precision_ok = precision == row.time_precision
    timexes = [t for t in (doc or {}).get("timexes", ()) if t.get("type") in ("DATE", "TIME")]
    if date_ok:
        cause = "agrees"
    elif not date:
        cause = "event has no date"
    elif not timexes:
        cause = "no date in the note: fallback differs from ACLED"
    elif date == row.doc_date.isoformat() and any(
        _DAY_WORD.search(claim.get("text") or "") and claim.get("value") == date
        for claim in event.get("claims") or () if claim.get("kind") == "date"
    ):
        cause = "weekday or 'today' read as the document date (itself event_date + 7 days)"
    elif date == row.doc_date.isoformat():
        cause = "timexes present, event fell back to the document date"
    else:
        cause = "event dated from a timex, value differs"
    return cause, date_ok, precision_ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled")
    ap.add_argument("--files", nargs="+")
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--load-output", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print N failing rows per cause")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: folder not found: {args.data}")
        return 0
    rows = []
    for path in select_files(args.data, args.files):
        rows += pick_rows(read_acled_csv(path), args.limit, args.sample, args.seed)
    records = [to_record(r) for r in rows]
    if args.load_output:
        outputs = match_outputs(records, read_output_lines(args.load_output.read_text("utf-8")))
    else:
        outputs = run_parse(records, sitrep_command(None), [], 500)
    causes: Counter = Counter()
    by_file: dict[str, Counter] = {}
    examples: dict[str, list[str]] = {}
    for row in rows:
        doc = outputs.get(row.id)
        cause, date_ok, precision_ok = classify(row, doc)
        tally = by_file.setdefault(row.file, Counter())
        tally["rows"] += 1
        tally["with event"] += cause != "no event"
        tally["date"] += date_ok
        tally["precision"] += precision_ok
        tally["precision n"] += row.time_precision is not None
        causes[cause] += 1
        if cause != "agrees" and len(examples.setdefault(cause, [])) < args.show:
            event = main_event(doc) or {}
            examples[cause].append(
                f"  gold {row.event_date} p{row.time_precision} doc {row.doc_date} | ours "
                f"{event.get('date')} p{event.get('time_precision')} | "
                f"{[(t['text'], t['value']) for t in (doc or {}).get('timexes', ())]} | "
                f"{row.notes[:160]!r}"
            )
    command = "python bench/acled_dates.py " + " ".join(map(shlex.quote, argv or sys.argv[1:]))
    print(f"Command: `{command.strip()}`\n")
    print("| file | rows | with event | date exact | date exact (with event) | time precision |")
    print("|---|---:|---:|---:|---:|---:|")
    total: Counter = Counter()
    for name, tally in [*sorted(by_file.items()), ("**overall**", None)]:
        if tally is None:
            tally = total
        else:
            total.update(tally)
        print(f"| {name} | {tally['rows']} | {tally['with event']} | "
              f"{100 * tally['date'] / max(tally['rows'], 1):.1f} | "
              f"{100 * tally['date'] / max(tally['with event'], 1):.1f} | "
              f"{100 * tally['precision'] / max(tally['precision n'], 1):.1f} |")
    print("\n| cause | rows |\n|---|---:|")
    for cause, count in causes.most_common():
        print(f"| {cause} | {count} |")
    for cause, lines in examples.items():
        print(f"\n{cause}:")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
