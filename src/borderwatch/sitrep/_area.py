"""The area a report is about, from what the caller asked for: a watch zone, a border strip or a box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shapely
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from ..model import Marking
from ..store import EventFilter
from ._request import Area

__all__ = ["filter_area", "zone_area"]


def zone_area(zone: dict[str, Any]) -> Area:
    """A stored watch zone (`Store.list_zones` / `get_zone`) as the report's area; its marking counts."""
    return Area(f"zone {zone['name']}", shapely.geometry.shape(zone["geometry"]), Marking(zone["marking"]))


def filter_area(events: EventFilter, border_strip: Callable[[str, float], BaseGeometry]) -> Area:
    """The area an event filter describes: a border strip (drawn with `border_strip`), a box, or no shape."""
    if events.border and events.max_border_km is not None:
        label = f"{events.border} border, {events.max_border_km:g} km"
        return Area(label, border_strip(events.border, events.max_border_km))
    if events.border:
        return Area(f"events nearest the {events.border} border")
    if events.bbox:
        west, south, east, north = events.bbox
        # A box across the antimeridian (west > east) is not drawn: the map is one plain lon/lat frame.
        shape = shapely.box(west, south, east, north) if west <= east else None
        return Area(f"box {west:g},{south:g},{east:g},{north:g}", shape)
    if events.max_border_km is not None:
        return Area(f"within {events.max_border_km:g} km of an international border")
    return Area(f"country {events.country}" if events.country else "all areas")
