"""`borderwatch zones add|list|show|delete`: watch zones from GeoJSON files or border strips, with alert rules.

The commands are added to the `zones` group that the places commands (`zones border`) share.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from ..errors import InputError
from ..store import Store
from ..zones import SpikeRule, ZoneRules, ZoneSpec, default_border_strip, polygon_from_geojson
from ._context import app_state
from ._query import option_error

__all__ = ["add_zone_commands"]


def add_zone_commands(group: typer.Typer) -> None:
    group.command("add")(zones_add_cli)
    group.command("list")(zones_list_cli)
    group.command("show")(zones_show_cli)
    group.command("delete")(zones_delete_cli)


def zones_add_cli(
    name: Annotated[str, typer.Argument(help="name of the zone")],
    geojson: Annotated[
        Path | None, typer.Option(help="GeoJSON file: Polygon, MultiPolygon, Feature(Collection)")
    ] = None,
    border: Annotated[str | None, typer.Option(help="border strip along this pair, e.g. DZA-TUN")] = None,
    km: Annotated[float | None, typer.Option(help="width of the border strip on each side, in km")] = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="alert on this event type or sub-type")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="alert on events with this tag")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="alert on events of this actor (part of the name)")] = None,
    min_confidence: Annotated[float, typer.Option(help="alert only from this confidence")] = 0.0,
    spikes_only: Annotated[bool, typer.Option("--spikes-only", help="no alert per event, only spikes")] = False,
    spike_days: Annotated[int | None, typer.Option(help="alert on spikes over this many days")] = None,
    spike_factor: Annotated[float, typer.Option(help="a spike is this many times the baseline rate")] = 3.0,
    spike_baseline_days: Annotated[int, typer.Option(help="days of baseline before the window")] = 90,
    spike_min: Annotated[int, typer.Option(help="fewest events in the window for a spike")] = 3,
    marking: Annotated[str, typer.Option(help="TLP 2.0 marking of the zone")] = "AMBER",
    group: Annotated[list[str] | None, typer.Option(help="sharing group that may see the zone")] = None,
) -> None:
    """Add a watch zone: a polygon from a GeoJSON file, or a strip along a border ("DZA-TUN", 30 km). The
    zone belongs to the agency of the user it is made as (`--as`) and is shared by its marking and groups."""
    if (geojson is None) == (border is None):
        raise InputError("give either --geojson FILE or --border PAIR --km N")
    try:
        spike = (
            SpikeRule(days=spike_days, factor=spike_factor, baseline_days=spike_baseline_days, min_events=spike_min)
            if spike_days
            else None
        )
        rules = ZoneRules(event_types=type_ or (), tags=tag or (), actors=actor or (), min_confidence=min_confidence,
                          alert_events=not spikes_only, spike=spike)  # fmt: skip
        spec = ZoneSpec(name=name, geometry=_read_geojson(geojson) if geojson else None, border=border, km=km,
                        rules=rules, marking=marking, sharing_groups=group or [])  # fmt: skip
    except ValidationError as exc:
        raise option_error(exc) from None
    if spec.border and spec.km is None:
        raise InputError("--border needs --km, the width of the strip")
    geometry = (
        polygon_from_geojson(spec.geometry) if spec.geometry else default_border_strip(spec.border or "", spec.km or 0)
    )
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        zone = store.create_zone(spec, geometry)
    typer.echo(f"zone {zone['id']} {zone['name']!r}: {zone['events']} stored events inside; {rules.describe()}")


def _read_geojson(path: Path) -> object:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not JSON ({exc})") from None


def zones_list_cli() -> None:
    """List the zones with the number of events inside and of open alerts."""
    with Store.open(app_state.settings()) as store:
        zones = store.list_zones(reader=app_state.reader(store))
    if not zones:
        typer.echo("no zones")
    for zone in zones:
        shape = f"border {zone['border']} {zone['km']:g} km" if zone["kind"] == "border" else "polygon"
        rules = ZoneRules.model_validate(zone["rules"]).describe()
        typer.echo(f"{zone['id']:>4}  {zone['name']}  [{shape}]  {zone['events']} events, "
                   f"{zone['open_alerts']} open alerts; alerts on {rules}")  # fmt: skip


def zones_show_cli(zone_id: Annotated[int, typer.Argument(help="zone id")]) -> None:
    """Print a zone as a GeoJSON Feature (rules and counts in its properties)."""
    with Store.open(app_state.settings()) as store:
        zone = store.get_zone(zone_id, reader=app_state.reader(store))
    properties = {k: v for k, v in zone.items() if k != "geometry"}
    typer.echo(
        json.dumps({"type": "Feature", "id": zone["id"], "geometry": zone["geometry"], "properties": properties})
    )


def zones_delete_cli(zone_id: Annotated[int, typer.Argument(help="zone id")]) -> None:
    """Delete a zone and its alerts."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        store.delete_zone(zone_id)
    typer.echo(f"deleted zone {zone_id}")
