"""`event_conditions`: the one place where an `EventFilter` becomes SQL, for lists, counts and exports alike.

Access control (issue 7) belongs here too: a reader's rule added to these conditions reaches every
command, endpoint and export that reads events.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, func, or_, select

from ._queries import EventFilter
from ._schema import actors, event_fusion, events

__all__ = ["event_conditions"]


def event_conditions(query: EventFilter) -> list[Any]:
    conditions: list[Any] = []
    if query.since:
        conditions.append(events.c.date >= query.since.isoformat())
    if query.until:
        conditions.append(events.c.date <= query.until.isoformat())
    if query.country:
        conditions.append(events.c.country == query.country.upper())
    if query.event_type:
        wanted = query.event_type.casefold()
        conditions.append(or_(func.lower(events.c.event_type) == wanted, func.lower(events.c.sub_event_type) == wanted))
    if query.border:
        conditions.append(events.c.border == query.border.upper())
    if query.max_border_km is not None:
        conditions.append(events.c.border_km <= query.max_border_km)
    if query.bbox is not None:
        conditions += _inside(query.bbox)
    if query.actor:
        conditions.append(_names_actor(query.actor))
    return conditions


def _inside(bbox: tuple[float, float, float, float]) -> list[Any]:
    west, south, east, north = bbox
    longitude = events.c.lon.between(west, east) if west <= east else or_(events.c.lon >= west, events.c.lon <= east)
    return [events.c.lat.between(south, north), longitude]


def _names_actor(text: str) -> Any:
    pattern = f"%{text.casefold()}%"
    named = select(actors.c.id).where(func.lower(actors.c.name).like(pattern))
    associated = select(event_fusion.c.event_id).where(
        func.lower(cast(event_fusion.c.assoc_actors, String)).like(pattern)
    )
    return or_(events.c.actor1_id.in_(named), events.c.actor2_id.in_(named), events.c.id.in_(associated))
