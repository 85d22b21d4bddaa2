"""`borderwatch events`: list events (no sub-command), `show ID [--why]`, `split`, `merge`, `rebuild`."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..store import Store
from ._context import app_state
from ._query import Country, Format, Limit, OutputFormat, Since, Until, print_events
from ._tables import cell

__all__ = ["events_app"]

events_app = typer.Typer(
    help="List events (with filters), show one with its sources and merge reasons, split or merge events.",
    invoke_without_command=True,
)

_SHOWN_FIELDS = (
    "event_type",
    "sub_event_type",
    "date",
    "time_precision",
    "actor1",
    "actor2",
    "location_name",
    "country",
    "admin1",
    "geo_precision",
    "border",
    "border_km",
    "fatalities",
    "confidence",
)
By = Annotated[str | None, typer.Option("--by", help="analyst's name kept with the decision [default: login name]")]


@events_app.callback()
def _list(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type_: Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type")] = None,
    border: Annotated[str | None, typer.Option(help="nearest border, e.g. DZA-TUN")] = None,
    km: Annotated[float | None, typer.Option(help="at most this far from the border, in km")] = None,
    limit: Limit = 100,
    output: Format = OutputFormat.TABLE,
) -> None:
    """List stored events, most recent first (or run a sub-command)."""
    if ctx.invoked_subcommand is None:
        print_events(since, until, country, type_, border, km, limit, output)


@events_app.command("show")
def show_cli(
    event_id: Annotated[str, typer.Argument(help="event id (E...)")],
    why: Annotated[bool, typer.Option("--why", help="explain the merges: features, values, score")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object instead of text")] = False,
) -> None:
    """One event: its fields and where each came from, its sources and their sentences."""
    with Store.open(app_state.settings()) as store:
        detail = store.event_provenance(event_id, reader=app_state.reader(store))
    if as_json:
        sys.stdout.write(json.dumps(detail, default=str, ensure_ascii=False) + "\n")
        return
    console = Console() if sys.stdout.isatty() else Console(width=200)
    _print_fields(console, detail)
    _print_sources(console, detail)
    if why:
        _print_why(console, detail)


@events_app.command("split")
def split_cli(
    event_id: Annotated[str, typer.Argument(help="the event to split")],
    move: Annotated[
        list[str], typer.Argument(help="mention ids or report ids (all their mentions) that become a new event")
    ],
    by: By = None,
) -> None:
    """Move some mentions out of an event into a new one; later fusion runs keep them apart."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        new_id = store.split_event(event_id, move, by=by or _login())
    print(new_id)


@events_app.command("merge")
def merge_cli(
    target: Annotated[str, typer.Argument(help="the event that remains")],
    others: Annotated[list[str], typer.Argument(help="events merged into it (they disappear)")],
    by: By = None,
) -> None:
    """Merge events into one; later fusion runs keep their mentions together."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        store.merge_events(target, others, by=by or _login())
    print(target)


@events_app.command("rebuild")
def rebuild_cli() -> None:
    """Fuse every stored extraction again (after a change of thresholds), keeping analysts' splits and merges."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        summary = store.refuse()
    print(f"{summary['mentions']} mentions of {summary['reports']} reports fused into {summary['events']} events")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "analyst"


def _print_fields(console: Console, detail: dict[str, Any]) -> None:
    provenance = detail.get("provenance") or {}
    mentions = {m["id"]: m for m in detail["mentions"]}
    table = Table(title=f"event {detail['id']}", header_style="bold")
    for column in ("field", "value", "from report", "sentence span"):
        table.add_column(column, overflow="fold")
    for field in _SHOWN_FIELDS:
        origin = mentions.get(provenance.get(_provenance_key(field), ""))
        span = f"{origin['start']}-{origin['end']}" if origin else ""
        table.add_row(field, cell(detail.get(field)), origin["report_id"] if origin else "", span)
    console.print(table)
    sources = f"{detail.get('reports')} reports, {detail.get('independent_sources')} independent sources"
    console.print(f"{sources}; best reliability {detail.get('reliability') or 'unknown'}")


def _provenance_key(field: str) -> str:
    if field in {"location_name", "country", "admin1", "geo_precision", "border", "border_km"}:
        return "location"
    return "date" if field == "time_precision" else field


def _print_sources(console: Console, detail: dict[str, Any]) -> None:
    table = Table(title="sources", header_style="bold")
    for column in ("mention", "report", "published", "source", "reliability", "sentence"):
        table.add_column(column, overflow="fold")
    for m in detail["mentions"]:
        published = m["published"].date().isoformat() if m.get("published") else ""
        table.add_row(
            m["id"], m["report_id"], published, m.get("source") or "", m.get("reliability") or "", m["sentence"]
        )
    console.print(table)


def _print_why(console: Console, detail: dict[str, Any]) -> None:
    for decision in detail["decisions"]:
        explanation = decision["explanation"] or {}
        best = explanation.get("best")
        head = f"{decision['mention_key']}: {decision['reason']} ({decision['decided_by']}"
        head += f", {explanation.get('candidates', 0)} candidate events)"
        console.print(head, style="bold")
        if not best:
            continue
        verdict = (
            f"against {best['against']} of {best['event_id']}: score {best['score']} (threshold {best['threshold']})"
        )
        console.print("  " + verdict + (f", vetoed: {best['vetoed']}" if best.get("vetoed") else ""))
        for feature in best["features"]:
            line = f"  {feature['name']:<11} {feature['value']:+.2f} x {feature['weight']:.1f}"
            console.print(f"{line} = {feature['contribution']:+.2f}  {feature['detail']}")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise InputError(f"--bbox {value!r}: expected four numbers W,S,E,N") from None
    return west, south, east, north
