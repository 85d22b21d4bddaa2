"""An event as a reader sees it: its fields composed from the mentions the reader may see.

The store keeps one row per fused event, composed from all its mentions. A reader who may see only some
of them must not receive a field that came from the others, so such an event is composed again from the
visible mentions alone. `compose_mentions` states the rules (until the fusion stage provides its own pure
function, which the composition root then hands to `Store(composer=...)`):

- event type, sub-type and actors: from the most confident mention;
- date: the best time precision, then the earliest date;
- location: the best geo precision (coordinates before none), then the most confident mention;
- fatalities: the most conservative (lowest) figure reported, as ACLED does;
- tags: all of them;
- confidence: corroboration by independent reports, 1 - Π(1 - best confidence of each report).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..model import EventMention, Location

__all__ = ["Composer", "compose_mentions", "view_matcher", "view_matches"]

# (report id, mention) pairs in, the events table's columns out.
Composer = Callable[[Sequence[tuple[str, EventMention]]], dict[str, Any]]


def compose_mentions(mentions: Sequence[tuple[str, EventMention]]) -> dict[str, Any]:
    if not mentions:
        raise ValueError("an event needs at least one mention")
    items = [m for _, m in mentions]
    by_confidence = sorted(items, key=lambda m: (-m.confidence, m.id))
    lead = by_confidence[0]
    dated = [m for m in items if m.date]
    when = min(dated, key=lambda m: (m.time_precision or 4, m.date, m.id)) if dated else None
    located = [m for m in items if m.location is not None]
    where = min(located, key=lambda m: (_location_rank(m.location), -m.confidence, m.id)) if located else None
    fatalities = [m.fatalities for m in items if m.fatalities is not None]
    best_per_report: dict[str, float] = {}
    for report_id, mention in mentions:
        best_per_report[report_id] = max(best_per_report.get(report_id, 0.0), mention.confidence)
    doubt = 1.0
    for confidence in best_per_report.values():
        doubt *= 1.0 - confidence
    location = where.location if where else None
    return {
        "event_type": lead.event_type.value,
        "sub_event_type": lead.sub_event_type,
        "tags": sorted({t for m in items for t in m.tags}),
        "date": when.date if when else None,
        "time_precision": when.time_precision if when else None,
        "actor1": next((m.actor1.name for m in by_confidence if m.actor1), None),
        "actor2": next((m.actor2.name for m in by_confidence if m.actor2), None),
        **_location_columns(location),
        "fatalities": min(fatalities) if fatalities else None,
        "confidence": round(1.0 - doubt, 6),
    }


def _location_rank(location: Location | None) -> tuple[int, int]:
    assert location is not None
    has_point = location.lat is not None and location.lon is not None
    return (location.geo_precision or 4, 0 if has_point else 1)


def _location_columns(location: Location | None) -> dict[str, Any]:
    if location is None:
        location = Location()
    return {
        "location_name": location.name,
        "geonameid": str(location.geonameid) if location.geonameid is not None else None,
        "lat": location.lat,
        "lon": location.lon,
        "country": location.country,
        "admin1": location.admin1,
        "geo_precision": location.geo_precision,
        "border": location.border,
        "border_km": location.border_km,
    }


# -- the same filters as the SQL of an event query, on a composed view ----------------------------------


def _since(view: dict[str, Any], value: date) -> bool:
    return view["date"] is not None and view["date"] >= value.isoformat()


def _until(view: dict[str, Any], value: date) -> bool:
    return view["date"] is not None and view["date"] <= value.isoformat()


def _country(view: dict[str, Any], value: str) -> bool:
    return view["country"] == value.upper()


def _event_type(view: dict[str, Any], value: str) -> bool:
    wanted = value.casefold()
    return wanted in (str(view["event_type"]).casefold(), str(view["sub_event_type"]).casefold())


def _border(view: dict[str, Any], value: str) -> bool:
    return view["border"] == value.upper()


def _max_border_km(view: dict[str, Any], value: float) -> bool:
    return view["border_km"] is not None and view["border_km"] <= value


def _event_types(view: dict[str, Any], value: tuple[str, ...]) -> bool:
    return any(_event_type(view, v) for v in value)


def _sub_event_types(view: dict[str, Any], value: tuple[str, ...]) -> bool:
    return str(view["sub_event_type"]).casefold() in {v.casefold() for v in value}


def _tags(view: dict[str, Any], value: tuple[str, ...]) -> bool:
    tags = view["tags"] if isinstance(view["tags"], list) else []
    return bool({t.casefold() for t in tags} & {v.casefold() for v in value})


def _actor(view: dict[str, Any], value: str) -> bool:
    if value.isdigit():
        return int(value) in (view.get("actor1_id"), view.get("actor2_id"))
    return any(value.casefold() in str(view.get(k) or "").casefold() for k in ("actor1", "actor2") if view.get(k))


def _place(view: dict[str, Any], value: str) -> bool:
    return view["geonameid"] == value


def _bbox(view: dict[str, Any], value: tuple[float, float, float, float]) -> bool:
    west, south, east, north = value
    lat, lon = view["lat"], view["lon"]
    return lat is not None and lon is not None and south <= lat <= north and west <= lon <= east


def _min_confidence(view: dict[str, Any], value: float) -> bool:
    return view["confidence"] is not None and view["confidence"] >= value


def _text(view: dict[str, Any], value: str) -> bool:
    # The supporting sentences are not part of a view: an event seen in part that matches only through
    # one of them is left out (missed, never shown on the strength of a hidden sentence).
    words = value.casefold()
    fields = (view.get("location_name"), view.get("sub_event_type"), view.get("actor1"), view.get("actor2"))
    return any(words in str(f).casefold() for f in fields if f)


def _markings(view: dict[str, Any], value: tuple[Any, ...]) -> bool:
    return view.get("marking") in {str(getattr(v, "value", v)) for v in value}


_MATCHERS: dict[str, Callable[[dict[str, Any], Any], bool]] = {
    "since": _since,
    "until": _until,
    "country": _country,
    "event_type": _event_type,
    "event_types": _event_types,
    "sub_event_types": _sub_event_types,
    "tags": _tags,
    "actor": _actor,
    "place": _place,
    "bbox": _bbox,
    "min_confidence": _min_confidence,
    "text": _text,
    "markings": _markings,
    "border": _border,
    "max_border_km": _max_border_km,
}
# `zone_id` is left out on purpose: zone membership is worked out from the stored (fused) location, so an
# event seen in part is not shown in a zone's list on the strength of a location the reader may not see.
_NOT_FILTERS = {"limit", "offset", "sort", "cursor"}


def view_matches(query: Any, view: dict[str, Any]) -> bool:
    """Does a composed view satisfy every filter of an event query?

    A filter this function does not know counts as not satisfied: a partially visible event is then left
    out rather than shown on the strength of a value the reader may not see.
    """
    return view_matcher(query)(view)


def view_matcher(query: Any) -> Callable[[dict[str, Any]], bool]:
    """`view_matches` for one query and many views: the query's filters are looked at once."""
    tests: list[tuple[Callable[[dict[str, Any], Any], bool] | None, Any]] = []
    for name, value in query:
        if name in _NOT_FILTERS or value in (None, (), [], ""):
            continue
        tests.append((_MATCHERS.get(name), value))
    if any(matcher is None for matcher, _ in tests):
        return lambda view: False
    known = [(m, v) for m, v in tests if m is not None]
    return lambda view: all(matcher(view, value) for matcher, value in known)
