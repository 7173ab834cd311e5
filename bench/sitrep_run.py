"""Run `sitrep parse --jsonl` as a subprocess and read its output (shared by bench scripts).

Only the JSON contract in CONTRACT.md is relied on: one JSON object a line on standard
output, in input order, each with the input's "id"; a failed document is {"id", "error"}.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


class SitrepRunError(RuntimeError):
    """`sitrep parse` could not be run or exited with an error."""


def sitrep_command(override: str | None = None) -> list[str]:
    """The command that starts the sitrep CLI (without the `parse` sub-command).

    `override` (e.g. from --cmd) is split like a shell word list. Otherwise
    `python -m sitrep` when the package has a __main__, else the `sitrep` script that
    sits next to the running interpreter.
    """
    if override:
        return shlex.split(override)
    try:
        has_main = importlib.util.find_spec("sitrep.__main__") is not None
    except (ImportError, ValueError):
        has_main = False
    if has_main:
        return [sys.executable, "-m", "sitrep"]
    script = Path(sys.executable).with_name("sitrep")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "sitrep"]


def parse_help(cmd: Sequence[str]) -> str:
    """Text of `sitrep parse --help`, or "" when the command cannot be run."""
    try:
        proc = subprocess.run(
            [*cmd, "parse", "--help"], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return proc.stdout + proc.stderr


def has_option(cmd: Sequence[str], option: str) -> bool:
    return option in parse_help(cmd)


def write_jsonl(records: Iterable[dict], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_output_lines(text: str) -> list[dict]:
    """JSON objects from `sitrep parse` standard output; non-JSON lines are ignored."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            out.append(obj)
    return out


def match_outputs(records: Sequence[dict], outputs: Sequence[dict]) -> dict[str, dict]:
    """Map input id -> output object, by "id"; by position when ids are missing."""
    by_id: dict[str, dict] = {}
    for obj in outputs:
        if "id" in obj and obj["id"] is not None:
            by_id[str(obj["id"])] = obj
    if not by_id and len(outputs) == len(records):
        return {str(r["id"]): o for r, o in zip(records, outputs)}
    return by_id


def run_parse(
    records: Sequence[dict],
    cmd: Sequence[str],
    extra_args: Sequence[str] = (),
    chunk_size: int = 500,
    progress: bool = True,
    timeout: float | None = None,
) -> dict[str, dict]:
    """Run `sitrep parse --jsonl` over records ({"id","text","date"}) in chunks.

    Returns id -> output object. Raises SitrepRunError when a chunk's process fails.
    """
    results: dict[str, dict] = {}
    chunk_size = max(1, chunk_size)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        for start in range(0, len(records), chunk_size):
            chunk = records[start : start + chunk_size]
            path = Path(tmp) / f"chunk-{start:07d}.jsonl"
            write_jsonl(chunk, path)
            argv = [*cmd, "parse", "--jsonl", *extra_args, str(path)]
            try:
                proc = subprocess.run(
                    argv, capture_output=True, text=True, timeout=timeout,
                    env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                )
            except OSError as exc:
                raise SitrepRunError(f"cannot run {shlex.join(argv)}: {exc}") from exc
            outputs = read_output_lines(proc.stdout)
            if proc.returncode != 0 and not outputs:
                tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
                raise SitrepRunError(
                    f"{shlex.join(argv)} exited with {proc.returncode}:\n{tail}"
                )
            results.update(match_outputs(chunk, outputs))
            if progress:
                done = min(start + chunk_size, len(records))
                print(f"  parsed {done}/{len(records)}", file=sys.stderr, flush=True)
    return results


def parse_or_load(
    records: Sequence[dict],
    cmd_override: str | None,
    extra_args: Sequence[str],
    chunk_size: int,
    load: Path | None = None,
    save: Path | None = None,
) -> dict[str, dict]:
    """`sitrep parse` outputs for records: read from `load` when given, else run sitrep
    (and write its JSON lines to `save` when given, in the records' order).

    Raises SitrepRunError when sitrep fails.
    """
    if load is not None:
        return match_outputs(records, read_output_lines(load.read_text("utf-8")))
    outputs = run_parse(records, sitrep_command(cmd_override), extra_args, chunk_size)
    if save is not None:
        write_jsonl((outputs[str(r["id"])] for r in records if str(r["id"]) in outputs), save)
    return outputs
