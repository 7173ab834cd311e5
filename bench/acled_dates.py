"""Break down the event-date agreement of `sitrep parse` with ACLED by cause.

    .venv/bin/python bench/acled_dates.py --sample 200 --seed 1 --load-output F [--show N]

Reads the rows `bench/acled.py` picks (same --sample/--seed/--files) and the JSON lines it
saved with --save-output (or runs sitrep when --load-output is not given). For each row:
is the first non-background event's date ACLED's `event_date`, does its time_precision
agree, and when not, why: no event at all, the note has no time expression (ACLED's coders
then used the report's date, which we only know as the benchmark's document date), the
note shows a date (a day/month numeral, a month and day, a weekday) that sitrep did not
find, a weekday or "yesterday" read from a document date that is event_date + 7 by
construction, the event took a timex that resolved elsewhere, and so on. Also reports the figures over the
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
from sitrep.dates import timex_date
from sitrep.event_time import is_bare_clock_time
from sitrep.records import Timex
from sitrep_run import DEFAULT_DATA, match_outputs, read_output_lines, run_parse, sitrep_command

SYNTHETIC_DOC_DATE_DAYS = 7  # bench/acled.py: document date = event_date + 7 days
_DAY_WORD = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday)\b|"
    r"\blast night\b|\bthe (?:previous|next|following|same) day\b|"
    r"\b(?:earlier|later) in the day\b",
    re.IGNORECASE,
)
# a date a reader sees in the note, found without sitrep ("28/02", "12 May", "May 12th",
# "on Monday"): a note matching none of these gives no date; one that matches and has no
# time expression is a date sitrep missed
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_IN_TEXT = re.compile(
    rf"(?<![\d/])\d{{1,2}}/\d{{1,2}}(?![\d/])|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|"
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|" + _DAY_WORD.pattern,
    re.IGNORECASE,
)


# the causes of rows whose note states the event's date (and the benchmark's document date
# does not stand in for it): the rows the event-dating rules answer for
STATED_DATE_CAUSES = frozenset({
    "agrees", "the note gives a date sitrep did not find",
    "timexes present, event fell back to the document date",
    "event dated from a timex, value differs",
})


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
    elif not timexes and _DATE_IN_TEXT.search(row.notes):
        cause = "the note gives a date sitrep did not find"
    elif not timexes:
        cause = "no date in the note: fallback differs from ACLED"
    elif _is_synthetic_doc_date(row) and any(
        _DAY_WORD.search(claim.get("text") or "") and claim.get("value") == date
        for claim in event.get("claims") or () if claim.get("kind") == "date"
    ):
        cause = "weekday, 'today' or 'yesterday' read from the document date (event_date + 7)"
    elif date == row.doc_date.isoformat() and not any(map(_states_a_date, timexes)):
        cause = "the note's time expressions give no date (a year, 'recent', a clock time)"
    elif date == row.doc_date.isoformat():
        cause = "timexes present, event fell back to the document date"
    else:
        cause = "event dated from a timex, value differs"
    return cause, date_ok, precision_ok


def _states_a_date(timex: dict) -> bool:
    """A day, week or month that the text gives, not one read from the document date
    ("4pm", "the same day", "Monday" take the document's day)."""
    text = timex.get("text") or ""
    if timex_date(timex.get("value") or "") is None or _DAY_WORD.search(text):
        return False
    return not is_bare_clock_time(Timex(0, 0, text, timex.get("type") or "", ""))


def _is_synthetic_doc_date(row) -> bool:
    """The benchmark's document date is ``event_date`` + 7 days by construction (the row's
    timestamp was no usable reporting date), so a deictic date cannot match ACLED's."""
    return (row.doc_date - row.event_date).days == SYNTHETIC_DOC_DATE_DAYS


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
    stated_precision = 0
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
        stated_precision += cause in STATED_DATE_CAUSES and precision_ok
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
    stated = [c for c in causes if c in STATED_DATE_CAUSES]
    n_stated = sum(causes[c] for c in stated)
    print(f"\nRows whose note states the event's date: {n_stated}; the date agrees on "
          f"{causes['agrees']} ({100 * causes['agrees'] / max(n_stated, 1):.1f}%), "
          f"time_precision on {stated_precision} "
          f"({100 * stated_precision / max(n_stated, 1):.1f}%).")
    print("\n| cause | rows |\n|---|---:|")
    for cause, count in causes.most_common():
        print(f"| {cause} | {count} |")
    for cause, lines in examples.items():
        print(f"\n{cause}:")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
