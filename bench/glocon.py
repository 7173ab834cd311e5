"""Non-events: how often news that is not about protest or political violence yields an event.

Reads the GLOCON gold sample in ../shared/data/glocon-gold-sample/ (override with
--data): ``sample/document/*.json`` holds news documents labelled for protest relevance
(0: not protest-related, 1: protest-related, 2: other). Each document is fed to
`sitrep parse --jsonl`; a document "yields an event" when sitrep codes at least one
non-background event for it.

The target (issue 5): at most 10% of the label-0 documents yield a non-background event.
Label-1 documents are reported too, as the share sitrep does code (a recall proxy: not
every protest-related article reports a protest event).

    python bench/glocon.py                 # every document
    python bench/glocon.py --limit 200     # the first 200 documents

Prints a Markdown report for BENCHMARKS.md, with the event types coded on label-0
documents and the first few such documents' ids. The data are never copied into the repo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitrep_run import DEFAULT_DATA, SitrepRunError, parse_or_load

TARGET_SHARE = 0.10  # at most this share of label-0 documents may yield a news event
LABELS = {0: "not protest-related", 1: "protest-related", 2: "other"}


def read_documents(folder: Path) -> list[dict]:
    """The labelled documents: {"id", "text", "label"} (one JSON object a line, or a list)."""
    documents = []
    for path in sorted((folder / "sample" / "document").glob("*.json")):
        raw = path.read_text(encoding="utf-8").strip()
        items = json.loads(raw) if raw.startswith("[") else [
            json.loads(line) for line in raw.splitlines() if line.strip()
        ]
        for item in items:
            if item.get("text"):
                documents.append({"id": str(item["id"]), "text": item["text"],
                                  "label": int(item.get("label", 0))})
    return documents


def news_events(output: dict | None) -> list[dict]:
    """The non-background events of one `sitrep parse` output line."""
    if not output or output.get("error"):
        return []
    return [e for e in output.get("events") or [] if not e.get("is_background")]


def summarise(documents: list[dict], outputs: dict[str, dict]) -> dict[int, dict]:
    """Per label: documents, those yielding a news event, the types coded, example ids."""
    summary: dict[int, dict] = {}
    for doc in documents:
        entry = summary.setdefault(doc["label"], {"documents": 0, "with_event": 0,
                                                  "types": Counter(), "examples": []})
        entry["documents"] += 1
        events = news_events(outputs.get(doc["id"]))
        if events:
            entry["with_event"] += 1
            entry["types"].update(e.get("sub_event_type") for e in events[:1])
            if len(entry["examples"]) < 5:
                entry["examples"].append(doc["id"])
    return summary


def markdown_report(summary: dict[int, dict], command: str) -> str:
    lines = [
        f"### GLOCON non-events ({dt.date.today().isoformat()})",
        "",
        f"Command: `{command}`",
        "",
        "| label | documents | yield a news event | share |",
        "|---|---:|---:|---:|",
    ]
    for label in sorted(summary):
        entry = summary[label]
        share = entry["with_event"] / entry["documents"] if entry["documents"] else 0.0
        lines.append(f"| {label} ({LABELS.get(label, '?')}) | {entry['documents']} | "
                     f"{entry['with_event']} | {100 * share:.1f}% |")
    negatives = summary.get(0)
    if negatives:
        share = negatives["with_event"] / negatives["documents"]
        verdict = "meets" if share <= TARGET_SHARE else "misses"
        lines += [
            "",
            (f"Label 0: {100 * share:.1f}% yield a non-background event ({verdict} the "
            f"target of at most {100 * TARGET_SHARE:.0f}%)."),
            "",
            "Main event types coded on label-0 documents: "
            + ", ".join(f"{t} {n}" for t, n in negatives["types"].most_common()),
            "",
            "Examples (ids): " + ", ".join(negatives["examples"]),
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "glocon-gold-sample")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--cmd", help="command that runs the sitrep CLI")
    parser.add_argument("--sitrep-args", default="", help="extra arguments for `sitrep parse`")
    parser.add_argument("--chunk", type=int, default=250, help="documents per sitrep process")
    parser.add_argument("--save-output", type=Path, help="write sitrep's JSON lines here")
    parser.add_argument("--load-output", type=Path,
                        help="score these saved JSON lines instead of running sitrep")
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    if not (args.data / "sample" / "document").is_dir():
        print(f"skipped: folder not found: {args.data / 'sample' / 'document'}")
        return 0
    documents = read_documents(args.data)[: args.limit]
    records = [{"id": d["id"], "text": d["text"]} for d in documents]
    try:
        outputs = parse_or_load(records, args.cmd, shlex.split(args.sitrep_args), args.chunk,
                                load=args.load_output, save=args.save_output)
    except SitrepRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    command = "python bench/glocon.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    report = markdown_report(summarise(documents, outputs), command.strip())
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
