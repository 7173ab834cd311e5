"""What share of the pipeline's time the dates stage takes, on the bundled sample reports.

    .venv/bin/python bench/date_cost.py [--repeat 20]

Runs the pipeline's stages one by one, as ``pipeline._process_one`` does, over the
reports in src/sitrep/samples/ (each repeated ``--repeat`` times) and times each stage:
the spaCy parse, dates (``extract_timexes``, ``assess_document_date`` and the second
``extract_timexes`` when the reference moves), places, actors, events and fuse. The dates
stage caches its candidate matches per text, so the cache is cleared before each report:
a repeated report costs what a new one would. Loading the model and gazetteer is not
counted. Prints one Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "src" / "sitrep" / "samples"
MAX_DATE_SHARE = 0.2  # the budget: at most a fifth of the pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times each sample is run")
    options = parser.parse_args(argv)

    from sitrep import dates
    from sitrep.actors import extract_actors
    from sitrep.events import ReportContext, extract_event_mentions
    from sitrep.fuse import fuse_mentions
    from sitrep.ingest import read_documents
    from sitrep.pipeline import load_resources
    from sitrep.places import extract_places

    documents = [d for d in read_documents([SAMPLES]) if hasattr(d, "text")]
    if not documents:
        print(f"no sample reports in {SAMPLES}", file=sys.stderr)
        return 1
    resources = load_resources()
    seconds: Counter = Counter()
    runs = [d for d in documents for _ in range(options.repeat)]

    def timed(stage: str, function, *args, **kwargs):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        seconds[stage] += time.perf_counter() - started
        return result

    def date_stage(document, parsed):
        timexes = dates.extract_timexes(document, parsed, reference=document.date)
        assessment = dates.assess_document_date(document, parsed, timexes)
        if assessment.reference != document.date:
            timexes = dates.extract_timexes(document, parsed, reference=assessment.reference)
        return timexes, assessment

    for document in runs:
        parsed = timed("spaCy parse", resources.nlp, document.text)
        dates._candidates.cache_clear()  # a repeated text must cost what a new one does
        timexes, assessment = timed("dates", date_stage, document, parsed)
        places = timed("places", extract_places, document, parsed,
                       gazetteer=resources.gazetteer)  # fmt: skip
        actors = timed("actors", extract_actors, parsed, dictionary=resources.dictionary)
        context = ReportContext(document=document, parsed=parsed, timexes=timexes,
                                places=places, actors=actors,
                                reference=assessment.reference)  # fmt: skip
        mentions = timed("events", extract_event_mentions, context,
                         codebook=resources.codebook, dictionary=resources.dictionary)  # fmt: skip
        timed("fuse", fuse_mentions, mentions, codebook=resources.codebook,
              dictionary=resources.dictionary, reference=assessment.reference)  # fmt: skip
    total = sum(seconds.values())
    command = "python bench/date_cost.py " + " ".join(argv or sys.argv[1:])
    print(f"Command: `{command.strip()}` ({len(documents)} sample reports x {options.repeat})\n")
    print("| stage | seconds | share |\n|---|---:|---:|")
    for stage, spent in seconds.items():
        print(f"| {stage} | {spent:.2f} | {100 * spent / total:.1f}% |")
    print(f"| **all** | {total:.2f} | 100% |")
    share = seconds["dates"] / total
    verdict = "within" if share <= MAX_DATE_SHARE else "over"
    print(f"\ndates: {100 * share:.1f}% of the pipeline ({verdict} the "
          f"{100 * MAX_DATE_SHARE:.0f}% budget)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
