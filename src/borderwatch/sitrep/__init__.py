"""Situation reports: the events of a zone and period as one HTML file or a PDF, with map and charts.

Public entry point: `situation_report(store, request, format)`. `store` is a store bound to the reader
(`Store.as_reader(reader)`), so the report holds only what that reader may see and the store audits the
reads of restricted material; `SitrepRequest` says which events (the store's `EventFilter`), which
period and which area (`Area`; `zone_area` and `filter_area` make one from a watch zone or a filter).
`gather` gives the report's content as data, without rendering it.
"""

from __future__ import annotations

from typing import Any, Literal

from ..errors import ConfigError
from ._area import filter_area, zone_area
from ._gather import EventReader, Figures, Sitrep, gather
from ._render import render_html, render_pdf
from ._request import Area, SitrepRequest

__all__ = [
    "FORMATS",
    "Area",
    "EventReader",
    "Figures",
    "Sitrep",
    "SitrepRequest",
    "filter_area",
    "gather",
    "situation_report",
    "zone_area",
]

FORMATS = ("html", "pdf")


def situation_report(store: EventReader, request: SitrepRequest, format: Literal["html", "pdf"] = "html") -> bytes:
    """The report as bytes: a self-contained HTML page (UTF-8) or a PDF."""
    if format not in FORMATS:
        raise ValueError(f"unknown sitrep format {format!r} (expected html or pdf)")
    report = gather(store, request)
    world = _world()
    if format == "pdf":
        return render_pdf(report, world)
    return render_html(report, world).encode("utf-8")


def _world() -> Any | None:
    """Natural Earth's countries and borders as the places stage holds them, or None without a gazetteer."""
    from .. import geo

    try:
        return geo.default_geoparser().borders
    except ConfigError:
        return None
