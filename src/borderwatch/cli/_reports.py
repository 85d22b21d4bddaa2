"""`borderwatch reports`: list reports (no sub-command), `delete ID`, `mark ID MARKING`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..store import Store
from ._context import app_state
from ._query import Country, Format, Limit, OutputFormat, Since, Until, print_reports

__all__ = ["reports_app"]

reports_app = typer.Typer(
    help="List stored reports, withdraw one, or change its marking (its events follow; peers get the new version).",
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
