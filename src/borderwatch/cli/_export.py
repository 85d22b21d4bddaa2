"""`borderwatch export`: events in ACLED CSV, GeoJSON, JSON lines, Parquet or STIX 2.1, to a file or stdout."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ..export import get_exporter
from ..store import EventFilter, EventQuery, Store
from ._context import app_state
from ._events import parse_bbox
from ._output import check_output, whole_file
from ._query import _day, _query

__all__ = ["export_cli"]


def export_cli(
    format_: Annotated[
        str, typer.Option("--format", help="acled-csv, geojson, jsonl, parquet or stix (a STIX 2.1 bundle)")
    ] = "acled-csv",
    bbox: Annotated[str | None, typer.Option(help="W,S,E,N in degrees")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="from this date, YYYY-MM-DD")] = None,
    to: Annotated[str | None, typer.Option("--to", help="up to this date (inclusive), YYYY-MM-DD")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type")] = None,
    actor: Annotated[str | None, typer.Option(help="part of an actor's name (actor 1, 2 or associated)")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code")] = None,
    border: Annotated[str | None, typer.Option(help="nearest border, e.g. DZA-TUN")] = None,
    km: Annotated[float | None, typer.Option(help="at most this far from the border, in km")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="file to write [default: stdout]")] = None,
) -> None:
    """Export the events you may see; every format streams, so the size of the store does not matter."""
    filters = {
        "bbox": parse_bbox(bbox),
        "since": _day(from_, "--from"),
        "until": _day(to, "--to"),
        "event_type": type_,
        "actor": actor,
        "country": country,
        "border": border,
        "max_border_km": km,
    }
    check_output(output)
    if format_ == "stix":
        _export_stix(_query(EventQuery, **filters), output)
        return
    exporter = get_exporter(format_)
    query = _query(EventFilter, **filters)
    if output is None and exporter.seekable_output:
        raise InputError(f"--format {format_} writes a file: give one with -o FILE")
    with Store.open(app_state.settings()) as store:
        rows = store.stream_events(query, reader=app_state.reader(store))
        if output is None:
            count = exporter.write(rows, sys.stdout.buffer)
        else:
            with whole_file(output) as handle:
                count = exporter.write(rows, handle)
    print(f"exported {count} events as {format_}", file=sys.stderr)


def _export_stix(query: EventQuery, output: Path | None) -> None:
    """The reports behind the selected events, with those events, as one STIX 2.1 bundle (`share`)."""
    from ..share import export_stix

    with Store.open(app_state.settings()) as store:
        reader = app_state.reader(store)
        if output is None:
            summary = export_stix(store, reader, query, sys.stdout)
        else:
            with whole_file(output, "w") as handle:
                summary = export_stix(store, reader, query, handle)
    print(f"exported {summary.reports} reports ({summary.objects} STIX objects) as stix", file=sys.stderr)
