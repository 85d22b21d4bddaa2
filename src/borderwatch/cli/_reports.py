"""`borderwatch reports`: list reports (no sub-command), `show ID`, `extract [ID...]`, `delete ID`,
`mark ID MARKING`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..pipeline import extract_stored
from ..store import ExtractionSelection, Store
from ._context import app_state
from ._ingest import RayAddress, RayOption, extraction_backend, print_failures, progress_bar
from ._query import Country, Format, Limit, OutputFormat, Since, Until, day_range, print_reports
from ._report_show import print_report, report_json

__all__ = ["reports_app"]

reports_app = typer.Typer(
    help="List stored reports, read one, extract them again, withdraw one, or change its marking (its events "
    "follow; peers get the new version).",
    invoke_without_command=True,
)


@reports_app.callback()
def _list(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    kind: Annotated[str | None, typer.Option(help="text, html, feed-entry or field")] = None,
    limit: Limit = 100,
    output: Format = OutputFormat.TABLE,
) -> None:
    """List stored reports, most recent first (or run a sub-command)."""
    if ctx.invoked_subcommand is None:
        print_reports(since, until, country, kind, limit, output)


@reports_app.command("show")
def show_cli(
    report_id: Annotated[str, typer.Argument(help="report id")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object instead of text")] = False,
) -> None:
    """One report: its metadata, its text with the sentences events were coded from underlined, and those
    events. Reading an AMBER or RED report is recorded in the audit log."""
    with Store.open(app_state.settings()) as store:
        reader = app_state.reader(store)
        report = store.get_report(report_id, reader)
        events = store.report_events(report_id, reader=reader)
    if as_json:
        sys.stdout.write(report_json(report, events) + "\n")
    else:
        print_report(report, events)


@reports_app.command("extract")
def extract_cli(
    report_ids: Annotated[
        list[str] | None, typer.Argument(help="report ids (default: the reports with no extraction yet)")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="every report, e.g. after an upgrade of the vocabularies or gazetteer")
    ] = False,
    since: Since = None,
    until: Until = None,
    ray: RayOption = False,
    ray_address: RayAddress = None,
) -> None:
    """Extract this installation's stored reports (again) and fuse their events; a report received from a peer
    keeps the extraction its origin sent. An unchanged result changes nothing; a changed one is a new
    version for peers."""
    start, end = day_range(since, until)
    selection = ExtractionSelection(tuple(report_ids or ()), every, start, end)
    settings = app_state.settings()
    use_ray = ray or ray_address is not None
    with (
        extraction_backend(settings, ray_address, use_ray) as backend,
        Store.open(settings) as store,
        app_state.acting(store),
        progress_bar("extracting") as progress,
    ):
        task = progress.add_task("extract", total=None)
        summary = extract_stored(
            store,
            settings,
            selection,
            extractor=backend,
            on_total=lambda total: progress.update(task, total=total),
            on_batch=lambda done: progress.advance(task, done),
        )
    typer.echo(
        f"extracted {summary.reports} report(s): {summary.changed} changed, {summary.reports - summary.changed} "
        f"unchanged; {summary.mentions} event mention(s) fused",
        err=True,
    )
    print_failures(summary.failures, "report(s)")
    if summary.failures:
        raise typer.Exit(1)


@reports_app.command("delete")
def delete_cli(report_id: Annotated[str, typer.Argument(help="report id")]) -> None:
    """Delete a report and what was derived from it; an event it alone supported disappears."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        result = store.delete_report(report_id)
    print(f"deleted {report_id}: {result['events_changed']} events updated, {result['events_removed']} removed")


@reports_app.command("mark")
def mark_cli(
    report_id: Annotated[str, typer.Argument(help="report id")],
    marking: Annotated[str, typer.Argument(help="TLP 2.0: CLEAR, GREEN, AMBER, AMBER+STRICT or RED")],
) -> None:
    """Change a report's marking; the events built from it are updated."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        count = store.mark_report(report_id, marking)
    print(f"marked {report_id}; {count} events updated")
