"""Actors and places as the API shows them: lists with event counts, and pages with activity over time."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, or_, select

from ..errors import NotFoundError
from ._api_queries import event_item, event_select
from ._queries import ActorQuery, PlaceQuery
from ._schema import actors, event_mentions, events, places

__all__ = ["actor_page", "list_actor_rows", "list_place_rows", "place_page", "report_events"]


def _actor_events() -> Any:
    return (
        select(func.count())
        .where(or_(events.c.actor1_id == actors.c.id, events.c.actor2_id == actors.c.id))
        .scalar_subquery()
    )


def list_actor_rows(connection: Connection, query: ActorQuery) -> list[dict[str, Any]]:
    """Actors with their number of events, most active first."""
    count = _actor_events().label("events")
    stmt = select(actors, count).order_by(count.desc(), actors.c.name).limit(query.limit).offset(query.offset)
    if query.text:
        stmt = stmt.where(func.lower(actors.c.name).contains(query.text.casefold(), autoescape=True))
    if query.type is not None:
        stmt = stmt.where(actors.c.type == query.type)
    if query.country:
        stmt = stmt.where(actors.c.country == query.country.upper())
    return [dict(r._mapping) for r in connection.execute(stmt)]


def actor_page(connection: Connection, actor_id: int, recent: int = 50) -> dict[str, Any]:
    """An actor, its events per month by type, the places it was reported at, its latest events."""
    row = connection.execute(select(actors).where(actors.c.id == actor_id)).first()
    if row is None:
        raise NotFoundError(f"no actor {actor_id}")
    involved = or_(events.c.actor1_id == actor_id, events.c.actor2_id == actor_id)
    months: dict[str, Counter[str]] = {}
    stmt = select(func.substr(events.c.date, 1, 7), events.c.event_type, func.count()).where(involved)
    for month, event_type, count in connection.execute(
        stmt.group_by(func.substr(events.c.date, 1, 7), events.c.event_type)
    ):
        months.setdefault(month or "undated", Counter())[event_type] += count
    place_rows = connection.execute(
        select(
            events.c.location_name,
            events.c.geonameid,
            events.c.country,
            func.avg(events.c.lat).label("lat"),
            func.avg(events.c.lon).label("lon"),
            func.count().label("events"),
        )
        .where(involved, events.c.location_name.is_not(None))
        .group_by(events.c.location_name, events.c.geonameid, events.c.country)
        .order_by(func.count().desc())
        .limit(50)
    )
    latest = connection.execute(
        event_select().where(involved).order_by(events.c.date.desc(), events.c.id.desc()).limit(recent)
    )
    return {
        **dict(row._mapping),
        "events": sum(sum(c.values()) for c in months.values()),
        "as_actor1": connection.execute(select(func.count()).where(events.c.actor1_id == actor_id)).scalar_one(),
        "by_month": [{"month": m, "counts": dict(c)} for m, c in sorted(months.items())],
        "places": [
            {
                "name": p.location_name,
                "geonameid": p.geonameid,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "events": p.events,
            }
            for p in place_rows
        ],
        "recent": [event_item(dict(r._mapping)) for r in latest],
    }


def list_place_rows(connection: Connection, query: PlaceQuery) -> list[dict[str, Any]]:
    """Gazetteer places that events refer to, with their number of events."""
    count = select(func.count()).where(events.c.geonameid == places.c.geonameid).scalar_subquery().label("events")
    stmt = select(places, count).order_by(count.desc(), places.c.name).limit(query.limit).offset(query.offset)
    if query.text:
        stmt = stmt.where(func.lower(places.c.name).contains(query.text.casefold(), autoescape=True))
    if query.country:
        stmt = stmt.where(places.c.country == query.country.upper())
    return [dict(r._mapping) for r in connection.execute(stmt)]


def place_page(connection: Connection, geonameid: str, recent: int = 50) -> dict[str, Any]:
    row = connection.execute(select(places).where(places.c.geonameid == geonameid)).first()
    if row is None:
        raise NotFoundError(f"no place {geonameid!r}")
    here = events.c.geonameid == geonameid
    by_type = dict(
        connection.execute(select(events.c.event_type, func.count()).where(here).group_by(events.c.event_type)).all()
    )
    latest = connection.execute(
        event_select().where(here).order_by(events.c.date.desc(), events.c.id.desc()).limit(recent)
    )
    return {
        **dict(row._mapping),
        "events": sum(by_type.values()),
        "by_type": by_type,
        "recent": [event_item(dict(r._mapping)) for r in latest],
    }


def report_events(connection: Connection, report_id: str) -> list[dict[str, Any]]:
    """The events a report supports, each with the span of its sentence in this report."""
    spans = connection.execute(
        select(event_mentions.c.event_id, event_mentions.c.start, event_mentions.c.end, event_mentions.c.sentence)
        .where(event_mentions.c.report_id == report_id)
        .order_by(event_mentions.c.start)
    ).all()
    if not spans:
        return []
    rows = {
        r.id: dict(r._mapping)
        for r in connection.execute(event_select().where(events.c.id.in_({s.event_id for s in spans})))
    }
    return [
        {**event_item(rows[s.event_id]), "evidence": {"sentence": s.sentence, "start": s.start, "end": s.end}}
        for s in spans
        if s.event_id in rows
    ]
