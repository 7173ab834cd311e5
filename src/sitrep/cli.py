"""The ``sitrep`` command line: parse options, call one library function, format the result.

Our errors are printed as one line (``Error: ...``) on stderr with exit status 1;
unexpected exceptions keep their traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from sitrep.errors import SitrepError
from sitrep.records import Failure

if TYPE_CHECKING:
    from sitrep.pipeline import ReportResult

app = typer.Typer(
    help="Turn conflict news reports into an ACLED-style event database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build or inspect the offline gazetteer index.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

P = ParamSpec("P")
R = TypeVar("R")
DEFAULT_DB = "sitrep.db"
DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file path or SQLAlchemy URL (postgresql://...).")
]
JsonlOption = Annotated[
    bool, typer.Option("--jsonl", help="Read every input as JSONL ({id, text, date, ...} a line).")
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Document date YYYY-MM-DD for text files that carry none."),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Worker processes (each loads the model once).")
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="A classifier trained with `sitrep train`, used beside the "
                 "codebook rules (it recodes a type only when confident)."),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run on an existing Dask cluster: its scheduler "
                 "address, e.g. tcp://10.0.0.5:8786 (--workers is then unused)."),
]
GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer index file (default: the user cache folder)."),
]


class EventFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"


def fail(message: str) -> NoReturn:
    """Print one error line to stderr and exit with status 1."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def describe_failure(failure: Failure) -> str:
    """One line naming where and why: the reason, prefixed by its origin unless it says it."""
    if failure.reason.startswith(failure.origin):
        return failure.reason
    return f"{failure.origin}: {failure.reason}"


def _parse_date(value: str | None, *, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date; use YYYY-MM-DD")


def _use_model(name: str | None) -> None:
    """Check that the named classifier loads, and hand its name to every worker process."""
    if name is None:
        return
    import os

    from sitrep.train import MODEL_ENV, load_classifier

    load_classifier(name)  # a missing model is a one-line error before any work starts
    os.environ[MODEL_ENV] = name


def main() -> None:
    """Entry point of the ``sitrep`` script."""
    app()


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Our errors become one line on stderr and exit status 1; bugs keep their traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except SitrepError as err:
            fail(str(err))

    return wrapper


@app.command()
@reports_errors
def parse(
    files: Annotated[list[str], typer.Argument(help='Report files or folders; "-" reads stdin.')],
    jsonl: JsonlOption = False,
    date: DateOption = None,
    workers: WorkersOption = 1,
    gazetteer: GazetteerOption = None,
    model: ModelOption = None,
) -> None:
    """Print each report's dates, places, actors and events as JSON lines (no database)."""
    from sitrep.contract import failure_to_json, report_to_json

    for result in _processed_reports(files, jsonl=jsonl, date=date, workers=workers,
                                     gazetteer=gazetteer, model=model):
        payload = failure_to_json(result) if isinstance(result, Failure) else report_to_json(result)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        sys.stdout.flush()


@app.command()
@reports_errors
def explain(
    files: Annotated[list[str], typer.Argument(help='Report files or folders; "-" reads stdin.')],
    jsonl: JsonlOption = False,
    date: DateOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per report.")] = False,
    workers: WorkersOption = 1,
    gazetteer: GazetteerOption = None,
    model: ModelOption = None,
) -> None:
    """Show why each event was coded: trigger, codebook rule, and the spans behind each field."""
    from sitrep.codebook import load_codebook
    from sitrep.explain import explain_report, explanation_to_json, format_explanation

    codebook = load_codebook()
    for result in _processed_reports(files, jsonl=jsonl, date=date, workers=workers,
                                     gazetteer=gazetteer, model=model):
        if isinstance(result, Failure):
            continue
        explained = explain_report(result, codebook=codebook)
        if as_json:
            payload = {"id": result.document.id,
                       "events": [explanation_to_json(e) for e in explained]}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            typer.echo(format_explanation(explained, title=result.document.id))


def _processed_reports(
    files: list[str], *, jsonl: bool, date: str | None, workers: int, gazetteer: Path | None,
    model: str | None,
) -> Iterator[ReportResult | Failure]:
    """Each input's result in input order; a failure also gets its one line on stderr, and
    the command exits 1 at the end when any input failed (the others are still processed)."""
    from sitrep.pipeline import parse_paths

    default_date = _parse_date(date, option="--date")
    _use_model(model)
    failed = 0
    for result in parse_paths(files, jsonl=jsonl or None, default_date=default_date,
                              workers=workers, gazetteer_path=gazetteer):
        if isinstance(result, Failure):
            failed += 1
            typer.echo(f"Error: {describe_failure(result)}", err=True)
        yield result
    if failed:
        typer.echo(f"{failed} input(s) could not be processed", err=True)
        raise typer.Exit(1)


@app.command()
@reports_errors
def train(
    acled: Annotated[Path, typer.Option("--acled", help="Your ACLED export (CSV with notes).")],
    name: Annotated[str, typer.Option("--name", help="Name to store the model under.")] = "acled",
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
) -> None:
    """Train a classifier on your own ACLED export; print its cross-validated agreement."""
    from sitrep.train import train_model

    trained = train_model(acled, name=name, folds=folds)
    agreement = trained.agreement
    typer.echo(f"model {trained.name} stored in {trained.path}")
    typer.echo(f"{agreement.rows} rows, {agreement.folds}-fold cross-validated agreement with "
               f"the export's coders:")
    typer.echo(f"  event_type      {agreement.event_type:.3f}")
    if agreement.sub_event_type is not None:
        typer.echo(f"  sub_event_type  {agreement.sub_event_type:.3f} (macro F1 "
                   f"{agreement.sub_event_type_macro_f1:.3f})")
    typer.echo(f"use it with: sitrep parse --model {trained.name} FILE...")


@app.command()
@reports_errors
def extract(
    reports: Annotated[list[str], typer.Argument(help="Report files, folders, JSONL, HTML or feeds.")],
    db: DbOption = DEFAULT_DB,
    jsonl: JsonlOption = False,
    date: DateOption = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Worker processes, each loading the model once "
                     "(more than 1: a local Dask cluster when the cluster extra is installed)."),
    ] = 1,
    gazetteer: GazetteerOption = None,
    scheduler: SchedulerOption = None,
    model: ModelOption = None,
) -> None:
    """Extract events from reports into the database (resumable; re-runs add no duplicates).

    On a cluster (--workers above 1, or --scheduler) the fusion step (`sitrep link`) runs
    after extraction."""
    _use_model(model)
    import time

    from rich.progress import Progress

    from sitrep.pipeline import ExtractSummary, extract_to_store
    from sitrep.store import open_store

    default_date = _parse_date(date, option="--date")
    store = open_store(db)
    try:
        with Progress(*_step_columns(), console=_stderr_console(), transient=False) as progress:
            task = progress.add_task("starting (loading model and gazetteer)", total=None,
                                     step="extract")
            started = time.monotonic()

            def show(summary: ExtractSummary) -> None:
                rate = summary.documents / max(time.monotonic() - started, 1e-9)
                progress.update(
                    task,
                    description=f"{summary.documents} documents, {summary.events} events, "
                    f"{summary.skipped} already stored, {len(summary.failures)} failed, "
                    f"{rate:.1f} documents/s",
                )

            summary = extract_to_store(reports, store=store, jsonl=jsonl or None,
                                       default_date=default_date, workers=workers,
                                       gazetteer_path=gazetteer, on_progress=show,
                                       scheduler=scheduler,
                                       on_link_progress=_show_link_progress(progress))
    finally:
        store.close()
    for failure in summary.failures:
        typer.echo(f"Error: {describe_failure(failure)}", err=True)
    typer.echo(
        f"{summary.documents} documents processed, {summary.events} new events stored in {db}"
        f" ({summary.attached} reports joined an event already stored; {summary.skipped}"
        f" documents already stored, {len(summary.failures)} failed)"
    )
    if summary.failures:
        raise typer.Exit(1)


@app.command()
@reports_errors
def link(
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Worker processes (more than 1: a local Dask "
                     "cluster when the cluster extra is installed)."),
    ] = 1,
    scheduler: SchedulerOption = None,
) -> None:
    """Link the stored events not linked yet across reports (the fusion step; resumable)."""
    from rich.progress import Progress

    from sitrep.pipeline import link_pending

    store = _open_existing(db)
    try:
        with Progress(*_step_columns(), console=_stderr_console()) as progress:
            summary = link_pending(store, workers=workers, scheduler=scheduler,
                                   on_progress=_show_link_progress(progress))
    finally:
        store.close()
    typer.echo(
        f"{summary.linked} report-events linked in {db} ({summary.attached} joined an event "
        f"another report gave; {summary.events} fused events written)"
    )


@app.command()
@reports_errors
def events(
    db: DbOption = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. SY.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date YYYY-MM-DD.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="ACLED event type, e.g. Battles.")] = None,
    background: Annotated[bool, typer.Option("--background", help="Include background events.")] = False,
    search: Annotated[str | None, typer.Option(help="Full-text search in the reports.")] = None,
    actor: Annotated[str | None, typer.Option(
        help="Part of an actor's name (any actor or associated actor), any case.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    format: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = EventFormat.table,
) -> None:
    """List stored events, newest first."""
    from sitrep.export import write_acled_csv, write_geojson, write_jsonl

    store = _open_existing(db)
    try:
        found = store.list_events(
            country=country.upper() if country else None,
            since=_parse_date(since, option="--since"),
            until=_parse_date(until, option="--until"),
            event_type=type, include_background=background, text=search, actor=actor,
            limit=limit,
        )
    finally:
        store.close()
    if format is EventFormat.table:
        _print_event_table(found)
    elif format is EventFormat.csv:
        write_acled_csv(found, sys.stdout)
    elif format is EventFormat.json:
        write_jsonl(found, sys.stdout)
    else:
        write_geojson(found, sys.stdout)


@app.command()
@reports_errors
def show(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix of 6+ characters).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one event: its fields, claims, and the sentences it came from."""
    store = _open_existing(db)
    try:
        detail = store.get_event(event_id)
    finally:
        store.close()
    _print_event_detail(detail)


@app.command()
@reports_errors
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.acled_csv,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    background: Annotated[bool, typer.Option("--background", help="Include background events.")] = False,
) -> None:
    """Export events as an ACLED-column CSV, GeoJSON or JSON lines."""
    from sitrep.export import write_acled_csv, write_geojson, write_jsonl

    writer = {ExportFormat.acled_csv: write_acled_csv, ExportFormat.geojson: write_geojson,
              ExportFormat.jsonl: write_jsonl}[format]
    store = _open_existing(db)
    try:
        found = list(store.iter_events(include_background=background))
    finally:
        store.close()
    if output is None:
        writer(found, sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as out:
            writer(found, out)
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror}")
    typer.echo(f"{len(found)} events written to {output}", err=True)


@app.command()
@reports_errors
def failures(db: DbOption = DEFAULT_DB) -> None:
    """List inputs that could not be processed, with the reason."""
    store = _open_existing(db)
    try:
        found = store.list_failures()
    finally:
        store.close()
    for failure in found:
        typer.echo(describe_failure(failure))
    typer.echo(f"{len(found)} failure(s)", err=True)


@app.command()
@reports_errors
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the map, timeline, event pages and read-only JSON API (needs the web extra)."""
    try:
        from sitrep.web.app import serve as serve_web
    except ImportError as err:
        fail(f"the web view needs the web extra ({err.name} is missing); "
             "run: pip install 'sitrep[web]'")
    serve_web(db, host=host, port=port, announce=lambda url: typer.echo(
        f"Serving {db} read-only: open {url} in a browser (Ctrl+C stops)", err=True))


@gazetteer_app.command("build")
@reports_errors
def gazetteer_build(
    path: Annotated[Path | None, typer.Option("--path", help="Where to write the index.")] = None,
    if_missing: Annotated[
        bool, typer.Option("--if-missing", help="Do nothing when the index already exists.")
    ] = False,
) -> None:
    """Build the gazetteer index from the bundled GeoNames data (about a minute)."""
    from sitrep.gazetteer import default_gazetteer_path
    from sitrep.gazetteer_build import build_gazetteer

    target = path or default_gazetteer_path()
    if if_missing and target.exists():
        typer.echo(f"gazetteer already at {target}")
        return
    build_gazetteer(target, progress=lambda message: typer.echo(message, err=True))


@gazetteer_app.command("path")
@reports_errors
def gazetteer_path() -> None:
    """Print where the gazetteer index lives."""
    from sitrep.gazetteer import default_gazetteer_path

    typer.echo(str(default_gazetteer_path()))


# --- output helpers ------------------------------------------------------------------------


def _step_columns():  # type: ignore[no-untyped-def]
    """Progress columns: the step's name (each task's ``step`` field), bar, counts, time."""
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn

    return (TextColumn("[bold]{task.fields[step]}"), BarColumn(bar_width=None),
            TextColumn("{task.description}"), TimeElapsedColumn())


def _show_link_progress(progress):  # type: ignore[no-untyped-def]
    """An ``on_progress`` for the fusion step: a bar over searching, then linking, each
    pending report-event (the bar is added when the step starts)."""
    task = None

    def show(summary) -> None:  # type: ignore[no-untyped-def]
        nonlocal task
        if task is None:
            task = progress.add_task("", total=2 * summary.pending or None, step="link")
        progress.update(
            task, completed=summary.searched + summary.linked,
            description=f"{summary.searched}/{summary.pending} report-events searched, "
            f"{summary.linked} linked, {summary.attached} joined another report's event",
        )

    return show




def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def _open_existing(db: str):  # type: ignore[no-untyped-def]
    from sitrep.store import open_store

    if "://" not in db and not Path(db).exists():
        fail(f"database {db} does not exist; run `sitrep extract REPORTS --db {db}` first")
    return open_store(db)


def _print_event_table(found) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "date", "type", "actor1", "actor2", "location", "deaths", "src", "bg"):
        table.add_column(column, overflow="fold")
    for event in found:
        location = event.location
        place = f"{location.name}, {location.country}" if location else ""
        table.add_row(
            event.id[:10],
            f"{event.date or '?'} (p{event.time_precision})",
            event.sub_event_type,
            event.actor1 or "",
            event.actor2 or "",
            place,
            str(event.fatalities),
            str(event.source_count),
            "yes" if event.is_background else "",
        )
    Console(width=160).print(table)
    typer.echo(f"{len(found)} event(s)", err=True)


def _print_event_detail(detail) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.markup import escape

    console = Console(width=120)
    event = detail.event
    loc = event.location
    console.print(f"[bold]{escape(event.event_type)} / {escape(event.sub_event_type)}[/bold]"
                  f"  ({escape(event.disorder_type)})  id {event.id}")
    console.print(f"date        {event.date or 'unknown'} (time_precision {event.time_precision})")
    console.print(f"actor1      {escape(event.actor1 or '-')} (inter {event.inter1})")
    if event.assoc_actor_1:
        console.print(f"assoc1      {escape(event.assoc_actor_1)}")
    console.print(f"actor2      {escape(event.actor2 or '-')} (inter {event.inter2})")
    if loc:
        console.print(
            f"location    {escape(loc.name or '?')}, {loc.admin1 or '-'}, {loc.country or '-'} "
            f"({loc.lat}, {loc.lon}) geo_precision {loc.geo_precision}"
        )
    console.print(f"fatalities  {event.fatalities}")
    console.print(f"background  {'yes' if event.is_background else 'no'}"
                  + (f" ({', '.join(event.flags)})" if event.flags else ""))
    console.print(f"notes       {escape(event.notes or '')}")
    console.print(f"sources     {event.source_count}")
    for document in detail.documents:
        console.print(f"  {escape(document.source or 'unknown outlet')}  "
                      f"{document.date or 'undated'}  {escape(document.url or document.id)}")
    if event.claims:
        console.print("[bold]claims[/bold]")
        for claim in event.claims:
            kind = f"{claim.kind}: " if claim.kind else ""
            console.print(f"  {escape(f'[{claim.status}]')} {escape(kind)}{escape(claim.text)}"
                          f" — {escape(claim.attributed_to or 'unattributed')}")
    documents = {d.id: d for d in detail.documents}
    console.print("[bold]evidence[/bold]")
    for mention in detail.mentions:
        document = documents.get(mention.doc_id)
        rule = f" rule {mention.rule}, trigger '{mention.trigger}'" if mention.rule else ""
        console.print(f"  {escape(mention.doc_id)}:{escape(rule)}")
        if document is None:
            continue
        for start, end in mention.evidence:
            console.print(f"    “{escape(document.text[start:end].strip())}”")
