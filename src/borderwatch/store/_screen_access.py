"""The directory, zones and alerts of the centre's screen as a restricted reader sees them.

The screen's own queries (`_directory`, `_zones`, `_alerts`) answer for everything; when the reader may
not see everything, they hand over to these: aggregates in SQL over the events the reader sees whole,
plus, in Python, the events it sees in part, composed from their visible mentions (`_views`). Actors and
places known only from reports the reader may not see do not appear; neither do alerts on events it may
not see, nor activity spikes (counted over every report) unless it sees every report.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from ..errors import NotFoundError
from . import _alerts, _api_queries, _directory, _zones
from ._api_queries import event_item, event_select
from ._queries import ActorQuery, AlertQuery, EventQuery, PlaceQuery
from ._schema import actors, event_mentions, events, places, zone_events
from ._views import ReadContext, fully_visible, partly_visible_rows, reader_rows, restricted, with_access
from ._zone_access import visible_zone_ids, visible_zone_rows

__all__ = [
    "activity",
    "actor",
    "actor_list",
    "actor_page",
    "alerts_by_id",
    "alerts_page",
    "event_detail",
    "event_facets",
    "event_points",
    "event_timeline",
    "events_by_ids",
    "filter_alerts",
    "list_actor_rows",
    "list_place_rows",
    "place",
    "place_page",
    "places_list",
    "report_events",
    "report_events_of",
    "search_events",
    "zone_activity",
]


# -- the screen's reads with a reader's context (what `ScreenMixin` calls through `Store._read`) ----------


def search_events(ctx: ReadContext, query: EventQuery) -> tuple[list[dict[str, Any]], str | None]:
    return _api_queries.search_events(ctx.connection, query, ctx)


def event_points(ctx: ReadContext, query: EventQuery) -> dict[str, Any]:
    return _api_queries.event_points(ctx.connection, query, ctx)


def event_timeline(ctx: ReadContext, query: EventQuery, bucket: str) -> dict[str, Any]:
    return _api_queries.event_timeline(ctx.connection, query, bucket, ctx)


def event_facets(ctx: ReadContext) -> dict[str, Any]:
    return _api_queries.event_facets(ctx.connection, ctx)


def event_detail(ctx: ReadContext, event_id: str) -> dict[str, Any]:
    return _api_queries.event_detail(ctx.connection, event_id, ctx)


def events_by_ids(ctx: ReadContext, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    return _api_queries.events_by_ids(ctx.connection, event_ids, ctx)


def report_events_of(ctx: ReadContext, report_id: str) -> list[dict[str, Any]]:
    if restricted(ctx):
        return report_events(ctx, report_id)
    return _directory.report_events(ctx.connection, report_id)


def actor_list(ctx: ReadContext, query: ActorQuery) -> list[dict[str, Any]]:
    return list_actor_rows(ctx, query) if restricted(ctx) else _directory.list_actor_rows(ctx.connection, query)


def actor(ctx: ReadContext, actor_id: int) -> dict[str, Any]:
    return actor_page(ctx, actor_id) if restricted(ctx) else _directory.actor_page(ctx.connection, actor_id)


def places_list(ctx: ReadContext, query: PlaceQuery) -> list[dict[str, Any]]:
    return list_place_rows(ctx, query) if restricted(ctx) else _directory.list_place_rows(ctx.connection, query)


def place(ctx: ReadContext, geonameid: str) -> dict[str, Any]:
    return place_page(ctx, geonameid) if restricted(ctx) else _directory.place_page(ctx.connection, geonameid)


def activity(ctx: ReadContext, zone_id: int, days: int, until: date | None) -> dict[str, Any]:
    if restricted(ctx):
        visible_zone_rows(ctx, zone_id)  # "no zone N" for a zone the reader may not see
        return zone_activity(ctx, zone_id, days, until)
    return _zones.zone_activity(ctx.connection, zone_id, days, until)


def alerts_page(ctx: ReadContext, query: AlertQuery) -> tuple[list[dict[str, Any]], int | None]:
    rows, before = _alerts.list_alerts(ctx.connection, query)
    return (filter_alerts(ctx, rows) if restricted(ctx) else rows), before


def alerts_by_id(ctx: ReadContext, alert_ids: list[int]) -> list[dict[str, Any]]:
    rows = _alerts.alert_items(ctx.connection, alert_ids)
    return filter_alerts(ctx, rows) if restricted(ctx) else rows


def _involving(actor_id: int) -> Any:
    return or_(events.c.actor1_id == actor_id, events.c.actor2_id == actor_id)


def _recent(ctx: ReadContext, condition: Any, recent: int) -> list[dict[str, Any]]:
    stmt = with_access(event_select(with_sources=False).where(condition), ctx)
    rows = [dict(r._mapping) for r in ctx.connection.execute(stmt.order_by(events.c.date.desc(), events.c.id.desc()))]
    return [event_item(r) for r in reader_rows(ctx, rows)][:recent]


def list_actor_rows(ctx: ReadContext, query: ActorQuery) -> list[dict[str, Any]]:
    full = fully_visible(ctx)
    count = select(func.count()).where(_involving(actors.c.id), *full).scalar_subquery().label("events")
    stmt = select(actors, count)
    if query.text:
        stmt = stmt.where(func.lower(actors.c.name).contains(query.text.casefold(), autoescape=True))
    if query.type is not None:
        stmt = stmt.where(actors.c.type == query.type)
    if query.country:
        stmt = stmt.where(actors.c.country == query.country.upper())
    rows = {r.id: dict(r._mapping) for r in ctx.connection.execute(stmt)}
    for view in partly_visible_rows(ctx, []):
        for key in ("actor1_id", "actor2_id"):
            if view.get(key) in rows:
                rows[view[key]]["events"] += 1
    seen = sorted((r for r in rows.values() if r["events"]), key=lambda r: (-r["events"], r["name"]))
    return seen[query.offset : query.offset + query.limit]


def actor_page(ctx: ReadContext, actor_id: int, recent: int = 50) -> dict[str, Any]:
    row = ctx.connection.execute(select(actors).where(actors.c.id == actor_id)).first()
    full = fully_visible(ctx)
    mine = [dict(r._mapping) for r in ctx.connection.execute(select(events).where(_involving(actor_id), *full))]
    mine += [v for v in partly_visible_rows(ctx, []) if actor_id in (v.get("actor1_id"), v.get("actor2_id"))]
    if row is None or not mine:
        raise NotFoundError(f"no actor {actor_id}")  # an actor known only from hidden reports does not exist
    months: dict[str, Counter[str]] = {}
    spots: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for event in mine:
        months.setdefault((event["date"] or "")[:7] or "undated", Counter())[event["event_type"]] += 1
        if event["location_name"] is not None:
            spots.setdefault((event["location_name"], event["geonameid"], event["country"]), []).append(event)
    return {
        **dict(row._mapping),
        "events": len(mine),
        "as_actor1": sum(1 for e in mine if e.get("actor1_id") == actor_id),
        "by_month": [{"month": m, "counts": dict(c)} for m, c in sorted(months.items())],
        "places": _places(spots),
        "recent": _recent(ctx, _involving(actor_id), recent),
    }


def _places(spots: dict[tuple[Any, Any, Any], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    out = []
    for (name, geonameid, country), found in sorted(spots.items(), key=lambda kv: -len(kv[1]))[:50]:
        located = [e for e in found if e["lat"] is not None and e["lon"] is not None]
        lat = sum(e["lat"] for e in located) / len(located) if located else None
        lon = sum(e["lon"] for e in located) / len(located) if located else None
        out.append({"name": name, "geonameid": geonameid, "country": country, "lat": lat, "lon": lon,
                    "events": len(found)})  # fmt: skip
    return out


def list_place_rows(ctx: ReadContext, query: PlaceQuery) -> list[dict[str, Any]]:
    full = fully_visible(ctx)
    count = select(func.count()).where(events.c.geonameid == places.c.geonameid, *full).scalar_subquery()
    stmt = select(places, count.label("events"))
    if query.text:
        stmt = stmt.where(func.lower(places.c.name).contains(query.text.casefold(), autoescape=True))
    if query.country:
        stmt = stmt.where(places.c.country == query.country.upper())
    rows = {r.geonameid: dict(r._mapping) for r in ctx.connection.execute(stmt)}
    for view in partly_visible_rows(ctx, []):
        if view.get("geonameid") in rows:
            rows[view["geonameid"]]["events"] += 1
    seen = sorted((r for r in rows.values() if r["events"]), key=lambda r: (-r["events"], r["name"]))
    return seen[query.offset : query.offset + query.limit]


def place_page(ctx: ReadContext, geonameid: str, recent: int = 50) -> dict[str, Any]:
    row = ctx.connection.execute(select(places).where(places.c.geonameid == geonameid)).first()
    here = events.c.geonameid == geonameid
    stmt = select(events.c.event_type, func.count()).where(here, *fully_visible(ctx)).group_by(events.c.event_type)
    by_type: Counter[str] = Counter(dict(ctx.connection.execute(stmt).all()))
    by_type.update(v["event_type"] for v in partly_visible_rows(ctx, []) if v.get("geonameid") == geonameid)
    if row is None or not by_type:
        raise NotFoundError(f"no place {geonameid!r}")
    return {**dict(row._mapping), "events": sum(by_type.values()), "by_type": dict(by_type),
            "recent": _recent(ctx, here, recent)}  # fmt: skip


def report_events(ctx: ReadContext, report_id: str) -> list[dict[str, Any]]:
    """The events a report supports (the report being one the reader may see), as the reader sees them."""
    spans = ctx.connection.execute(
        select(event_mentions.c.event_id, event_mentions.c.start, event_mentions.c.end, event_mentions.c.sentence)
        .where(event_mentions.c.report_id == report_id)
        .order_by(event_mentions.c.start)
    ).all()
    if not spans:
        return []
    stmt = with_access(event_select(with_sources=False).where(events.c.id.in_({s.event_id for s in spans})), ctx)
    rows = {r["id"]: r for r in reader_rows(ctx, [dict(r._mapping) for r in ctx.connection.execute(stmt)])}
    if report_id not in {rid for r in rows.values() for rid in r["report_ids"]}:
        return []
    return [
        {**event_item(rows[s.event_id]), "evidence": {"sentence": s.sentence, "start": s.start, "end": s.end}}
        for s in spans
        if s.event_id in rows
    ]


def zone_activity(ctx: ReadContext, zone_id: int, days: int, until: date | None = None) -> dict[str, Any]:
    """Events the reader sees whole inside a zone per day. Events seen in part are left out: zone
    membership was worked out from their full (fused) location."""
    inside = (
        select(zone_events.c.date)
        .join(events, events.c.id == zone_events.c.event_id)
        .where(zone_events.c.zone_id == zone_id, *fully_visible(ctx))
    )
    if until is None:
        last = ctx.connection.execute(select(func.max(inside.subquery().c.date))).scalar()
        until = date.fromisoformat(last) if last else date.today()
    start = until - timedelta(days=days - 1)
    window = inside.where(zone_events.c.date.between(start.isoformat(), until.isoformat()))
    counts = Counter(ctx.connection.execute(window).scalars())
    series = []
    day = start
    while day <= until:
        series.append({"date": day.isoformat(), "events": counts.get(day.isoformat(), 0)})
        day += timedelta(days=1)
    return {"zone_id": zone_id, "from": start.isoformat(), "to": until.isoformat(), "days": series}


def filter_alerts(ctx: ReadContext, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Alerts the reader may see: on events it may see (reason and details told from its view of the event),
    and activity spikes only when it sees every report (a spike counts them all)."""
    from ._api_queries import events_by_ids

    event_ids = [i["event_id"] for i in items if i["event_id"]]
    views = events_by_ids(ctx.connection, event_ids, ctx) if event_ids else {}
    sees_all = ctx.every_class  # a spike counts every report: shown only to a reader who sees them all
    zones_seen = visible_zone_ids(ctx.connection, ctx.reader)
    out = []
    for item in items:
        if zones_seen is not None and item["zone"]["id"] not in zones_seen:
            continue
        if item["kind"] == "spike" or not item["event_id"]:
            if sees_all:
                out.append(item)
            continue
        view = views.get(item["event_id"])
        if view is None:
            continue
        where = view["location"]["name"] or "an unnamed place"
        reason = f"{view['sub_event_type']} at {where}" + (f" on {view['date']}" if view["date"] else "")
        out.append({**item, "reason": f"{reason}, in zone {item['zone']['name']}", "details": {"event": view}})
    return out
