"""`borderwatch sitrep`: a situation report of a zone and period, as one HTML file or a PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..store import EventFilter, Reader, Store
from ._context import app_state
from ._events import parse_bbox
from ._output import check_output, whole_file
from ._query import _day, _query

__all__ = ["sitrep_cli"]


def sitrep_cli(
    output: Annotated[Path, typer.Option("-o", "--output", help="file to write (.html or .pdf)")],
    format_: Annotated[str, typer.Option("--format", help="html (one self-contained file) or pdf")] = "html",
    zone: Annotated[str | None, typer.Option(help="name of a watch zone (`borderwatch zones list`)")] = None,
    border: Annotated[str | None, typer.Option(help="events whose nearest border is this, e.g. DZA-TUN")] = None,
    km: Annotated[float | None, typer.Option(help="at most this far from the border, in km")] = None,
    bbox: Annotated[str | None, typer.Option(help="W,S,E,N in degrees")] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="first day, YYYY-MM-DD [default: 27 days before --to]")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", help="last day (inclusive), YYYY-MM-DD [default: today]")] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", help="ACLED event type or sub-event type (repeatable: any of)")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="part of an actor's name (actor 1, 2 or associated)")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code")] = None,
) -> None:
    """Write a situation report of the events you may see: key figures against the previous period, a map,
    charts, the most significant events with their sources' sentences, and notes on method. The report is
    marked with the most restrictive TLP marking of what it contains."""
    from ..sitrep import FORMATS, SitrepRequest, situation_report

    if format_ not in FORMATS:
        raise InputError(f"--format {format_!r}: expected html or pdf")
    if sum(given is not None for given in (zone, border, bbox)) > 1:
        raise InputError("--zone, --border and --bbox each name the report's area: give one of them")
    check_output(output)
    events: EventFilter = _query(
        EventFilter,
        bbox=parse_bbox(bbox),
        event_types=tuple(type_ or ()),
        actor=actor,
        country=country,
        border=border,
        max_border_km=km,
    )
    start, end = _day(from_, "--from"), _day(to, "--to")
    settings = app_state.settings()
    with Store.open(settings) as store:
        reader = app_state.reader(store)
        events, area = _area(store, reader, events, zone)
        request = SitrepRequest.for_period(
            events, start, end, area=area, agency=store.accounts.agency_name(settings.agency), reader=reader.actor
        )
        body = situation_report(store.as_reader(reader), request, format_)  # type: ignore[arg-type]
    with whole_file(output) as handle:
        handle.write(body)
    print(f"wrote {output} ({format_}, {request.start} to {request.end})", file=sys.stderr)


def _area(store: Store, reader: Reader, events: EventFilter, zone: str | None) -> tuple[EventFilter, Any]:
    """The filter with the watch zone's id, and the area the report is about (drawn on its map). Only the
    zones the reader may see are looked at."""
    from ..sitrep import filter_area, zone_area
    from ..zones import default_border_strip

    if zone is not None:
        visible = store.list_zones(reader=reader)
        found = [z for z in visible if z["name"].casefold() == zone.strip().casefold()]
        if not found:
            names = ", ".join(sorted(z["name"] for z in visible)) or "none"
            raise InputError(f"--zone {zone!r}: no watch zone of that name (zones: {names})")
        return events.model_copy(update={"zone_id": found[0]["id"]}), zone_area(found[0])
    return events, filter_area(events, default_border_strip)
