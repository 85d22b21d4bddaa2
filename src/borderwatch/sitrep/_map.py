"""The report's static map: land and international borders of Natural Earth (the world-atlas TopoJSON that
the places stage decodes into its index at `gazetteer build`), the report's zone, and the events coloured
by ACLED event type. No tiles and no network: everything is drawn from data on this machine."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from ._gather import Sitrep
from ._request import settings_data
from ._svg import drawing, to_svg

__all__ = ["event_map"]

_LAND, _SEA, _BORDER, _ZONE = "#f1eee6", "#dce8f2", "#4d4d4d", "#1f4e8c"
_FRAME_RATIO = 1.25  # width / height of the map's frame, the legend beside it


def event_map(report: Sitrep, world: Any | None) -> str | None:
    """The map as SVG, or None when there is nothing to place (no located event and no zone).

    `world` is the places stage's `BorderIndex` (country shapes by alpha-3, border lines by pair); without
    it the events and the zone are drawn on a blank sea.
    """
    data = settings_data()
    located = [e for e in report.events if e["location"]["lat"] is not None and e["location"]["lon"] is not None]
    view = _view(located, report.request.area.geometry, data)
    if view is None:
        return None
    west, south, east, north = view
    box = shapely.box(west, south, east, north)
    # No layout engine: a fixed aspect and constrained layout fight over the frame's width.
    with drawing(6.8, 4.4, layout=None) as figure:
        axes = figure.add_axes((0.07, 0.07, 0.68, 0.86))
        axes.set_facecolor(_SEA)
        if world is not None:
            _draw_world(axes, world, box)
        area = report.request.area
        if area.geometry is not None and not area.geometry.is_empty:
            _draw_zone(axes, area.geometry.intersection(box.buffer(1.0)), area.label)
        _draw_events(axes, located, data, rasterized=len(located) > int(data["map_raster_above"]))
        axes.set_xlim(west, east)
        axes.set_ylim(south, north)
        axes.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.05))
        axes.tick_params(labelsize=7)
        axes.xaxis.set_major_formatter(lambda x, _pos: f"{abs(x):g}°{'E' if x >= 0 else 'W'}")
        axes.yaxis.set_major_formatter(lambda y, _pos: f"{abs(y):g}°{'N' if y >= 0 else 'S'}")
        for side in ("top", "right"):
            axes.spines[side].set_visible(True)
        unlocated = len(report.events) - len(located)
        note = f"; {unlocated} without coordinates are not shown" if unlocated else ""
        axes.set_title(f"{len(located)} events on the map{note}")
        return to_svg(figure, f"Map of {len(located)} events in {area.label}")


def _view(
    located: list[dict[str, Any]], zone: BaseGeometry | None, data: dict[str, Any]
) -> tuple[float, float, float, float] | None:
    """West, south, east, north: the events and the zone, padded, at least `map_min_span_deg` wide."""
    lons = [e["location"]["lon"] for e in located]
    lats = [e["location"]["lat"] for e in located]
    if zone is not None and not zone.is_empty:
        w, s, e, n = zone.bounds
        lons += [w, e]
        lats += [s, n]
    if not lons:
        return None
    pad = float(data["map_pad_fraction"])
    least = float(data["map_min_span_deg"])
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    half_x = max((east - west) * (1 + 2 * pad), least) / 2
    half_y = max((north - south) * (1 + 2 * pad), least) / 2
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    # Widen or heighten the view to the page's landscape frame, so that the map fills the text width.
    squeeze = max(math.cos(math.radians(mid_y)), 0.05)
    if half_x * squeeze < _FRAME_RATIO * half_y:
        half_x = _FRAME_RATIO * half_y / squeeze
    else:
        half_y = half_x * squeeze / _FRAME_RATIO
    return (
        max(mid_x - half_x, -180.0),
        max(mid_y - half_y, -90.0),
        min(mid_x + half_x, 180.0),
        min(mid_y + half_y, 90.0),
    )


def _draw_world(axes: Any, world: Any, box: BaseGeometry) -> None:
    frame = box.buffer(1.0)
    view_area = box.area
    # Natural Earth's 1:50m lines hold more detail than a page shows: a thousandth of the view is enough.
    west, south, east, north = box.bounds
    detail = max(east - west, north - south) / 1000
    for code, shape in sorted(world.countries.items()):
        if not shape.intersects(frame):
            continue
        part = shape.intersection(frame).simplify(detail)
        for polygon in shapely.get_parts(part):
            if polygon.geom_type == "Polygon":
                axes.fill(*polygon.exterior.xy, facecolor=_LAND, edgecolor="#b5b0a3", linewidth=0.3, zorder=1)
        inside = shape.intersection(box)
        if not inside.is_empty and inside.area > view_area * 0.02:
            point = inside.representative_point()
            axes.annotate(code, (point.x, point.y), fontsize=7, color="#8a8577", ha="center", zorder=2)
    for _pair, line in sorted(world.borders.items()):
        if line.intersects(frame):
            for part in shapely.get_parts(line.intersection(frame).simplify(detail)):
                if part.geom_type == "LineString":
                    axes.plot(*part.xy, color=_BORDER, linewidth=0.9, linestyle=(0, (5, 2)), zorder=3)


def _draw_zone(axes: Any, zone: BaseGeometry, label: str) -> None:
    first = True
    for polygon in shapely.get_parts(zone):
        if polygon.geom_type != "Polygon":
            continue
        axes.fill(*polygon.exterior.xy, facecolor=_ZONE, alpha=0.12, zorder=2)
        axes.plot(*polygon.exterior.xy, color=_ZONE, linewidth=1.2, zorder=4, label=label if first else None)
        first = False


def _draw_events(axes: Any, located: list[dict[str, Any]], data: dict[str, Any], rasterized: bool) -> None:
    colours, other = data["type_colours"], data["other_colour"]
    by_type = Counter(e["event_type"] for e in located)
    for event_type in sorted(by_type):
        chosen = [e for e in located if e["event_type"] == event_type]
        axes.scatter(
            [e["location"]["lon"] for e in chosen],
            [e["location"]["lat"] for e in chosen],
            s=[14 + 8 * math.sqrt(e["fatalities"] or 0) for e in chosen],
            color=colours.get(event_type, other),
            edgecolors="white",
            linewidths=0.4,
            alpha=0.85,
            zorder=5,
            rasterized=rasterized,
            label=f"{event_type} ({by_type[event_type]})",
        )
    if located or axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=6.5, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                    title="point size: fatalities", title_fontsize=6.5)  # fmt: skip
