"""One event row (as the store streams it) in the plain shape the JSON-like exports share."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

__all__ = ["EVENT_FIELDS", "plain_event"]

EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "tags",
    "actor1",
    "actor1_type",
    "actor2",
    "actor2_type",
    "assoc_actors",
    "location",
    "geonameid",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "border",
    "border_km",
    "fatalities",
    "confidence",
    "reports",
    "independent_sources",
    "reliability",
    "sources",
    "notes",
    "created_at",
    "updated_at",
)


def plain_event(row: dict[str, Any]) -> dict[str, Any]:
    """The export fields of a row, JSON-ready (dates as ISO 8601 text, lists as lists)."""
    assoc = row.get("assoc_actors") or []
    return {
        "id": row["id"],
        "date": row["date"],
        "time_precision": row["time_precision"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "tags": list(row.get("tags") or []),
        "actor1": row.get("actor1"),
        "actor1_type": row.get("actor1_type"),
        "actor2": row.get("actor2"),
        "actor2_type": row.get("actor2_type"),
        "assoc_actors": [a["name"] if isinstance(a, dict) else str(a) for a in assoc],
        "location": row.get("location_name"),
        "geonameid": row.get("geonameid"),
        "country": row.get("country"),
        "admin1": row.get("admin1"),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
        "geo_precision": row.get("geo_precision"),
        "border": row.get("border"),
        "border_km": row.get("border_km"),
        "fatalities": row.get("fatalities"),
        "confidence": row.get("confidence"),
        "reports": row.get("reports"),
        "independent_sources": row.get("independent_sources"),
        "reliability": row.get("reliability"),
        "sources": [s for s in (row.get("source_names") or "").split("; ") if s],
        "notes": row.get("notes"),
        "created_at": _iso(row.get("created_at")),
        "updated_at": _iso(row.get("updated_at")),
    }


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value
