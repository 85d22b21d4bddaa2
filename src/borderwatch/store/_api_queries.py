"""Event reads for the API and the dashboard: filters, keyset pages, map points, timelines, details.

`event_conditions` turns an `EventQuery` into SQL conditions; every event read (the CLI's list,
the API's pages, points and timelines) uses it, so a reader's visibility is added in one place.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson
from sqlalchemy import ColumnElement, Connection, Text, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import aliased

from ..errors import InputError, NotFoundError
from ._event_filter import MARKINGS, event_conditions, marking_rank_of_event
from ._queries import EventQuery
from ._schema import actors, event_mentions, events, fusion_decisions, reports, sources

if TYPE_CHECKING:
    from ._views import ReadContext

__all__ = [
    "MARKINGS",
    "event_conditions",
    "event_detail",
    "event_facets",
    "event_item",
    "event_points",
    "event_select",
    "event_timeline",
    "events_by_ids",
    "search_events",
]

_SORT_COLUMNS = {
    "date": events.c.date,
    "confidence": events.c.confidence,
    "fatalities": events.c.fatalities,
    "updated": events.c.updated_at,
}
# Tags and times are read as stored (JSON text, ISO text on SQLite) and turned into the API's shape by
# `event_item` directly: SQLAlchemy's per-value processing was a fifth of the time of a page of 500.
_RAW = {"tags", "created_at", "updated_at"}
_EVENT_COLUMNS = [type_coerce(c, Text).label(c.name) if c.name in _RAW else c for c in events.columns]
_SORT_KEYS = {"date": "date", "confidence": "confidence", "fatalities": "fatalities", "updated": "updated_at"}
_NULLABLE = {"date", "fatalities"}


def event_select(*, with_sources: bool = True) -> Any:
    """Events with their actors' names and (unless not wanted) number of distinct reports and marking rank."""
    actor1, actor2 = aliased(actors), aliased(actors)
    columns: list[Any] = [*_EVENT_COLUMNS, actor1.c.name.label("actor1"), actor2.c.name.label("actor2")]
    if with_sources:
        sources = (
            select(func.count(func.distinct(event_mentions.c.report_id)))
            .where(event_mentions.c.event_id == events.c.id)
            .scalar_subquery()
        )
        columns += [sources.label("sources"), marking_rank_of_event().label("marking_rank")]
    return (
        select(*columns)
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
    )


# -- pages ----------------------------------------------------------------------------------------


def search_events(
    connection: Connection, query: EventQuery, ctx: ReadContext | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events in the query's order, and the cursor of the next page (None at the end).

    The page's rows come with their actors from one query that SQLite answers from the
    (type, date, lat, lon) index; their sources and markings come from one grouped query. With a
    reader's `ctx`, only events the reader may see, as the reader sees them (`_views`).
    """
    desc = query.sort.startswith("-")
    key = query.sort.lstrip("-")
    column = _SORT_COLUMNS[key]
    dialect = connection.dialect.name
    stmt = event_select(with_sources=False).where(*event_conditions(query, dialect))
    if query.cursor:
        value, last_id = _decode_cursor(query.cursor, key)
        stmt = stmt.where(_after(column, desc, value, last_id, key in _NULLABLE))
    order = column.desc() if desc else column.asc()
    if dialect == "postgresql":  # SQLite's NULL order already is: last when descending, first when ascending
        order = order.nulls_last() if desc else order.nulls_first()
    stmt = stmt.order_by(order, events.c.id.desc() if desc else events.c.id.asc()).limit(query.limit + 1)
    if query.offset:
        stmt = stmt.offset(query.offset)
    if ctx is not None:
        stmt = _views().with_access(stmt, ctx)
    rows = [dict(r._mapping) for r in connection.execute(stmt)]
    next_cursor = None
    if len(rows) > query.limit:
        rows = rows[: query.limit]
        last = rows[-1][_SORT_KEYS[key]]
        next_cursor = _encode_cursor(_iso(last) if key == "updated" else last, rows[-1]["id"])
    rows = _finish(connection, rows, ctx, query)
    return [event_item(r) for r in rows], next_cursor


def _views() -> Any:
    from . import _views  # imports this module

    return _views


def _finish(
    connection: Connection, rows: list[dict[str, Any]], ctx: ReadContext | None, query: EventQuery | None = None
) -> list[dict[str, Any]]:
    """Sources and marking of each row: of all its reports, or (with a reader) of those the reader may see."""
    if ctx is None:
        _add_sources(connection, rows)
        return rows
    return _views().reader_rows(ctx, rows, query)  # type: ignore[no-any-return]


def _add_sources(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Each row's number of distinct reports and the rank of its most restrictive marking, in one query."""
    by_id = {r["id"]: r for r in rows}
    rank = case({m: i for i, m in enumerate(MARKINGS)}, value=reports.c.marking, else_=len(MARKINGS) - 1)
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        stats = connection.execute(
            select(event_mentions.c.event_id, func.count(func.distinct(event_mentions.c.report_id)), func.max(rank))
            .join(reports, reports.c.id == event_mentions.c.report_id)
            .where(event_mentions.c.event_id.in_(ids[i : i + 500]))
            .group_by(event_mentions.c.event_id)
        )
        for event_id, count, marking_rank in stats:
            by_id[event_id].update(sources=count, marking_rank=marking_rank)


def events_by_ids(
    connection: Connection, event_ids: list[str], ctx: ReadContext | None = None
) -> dict[str, dict[str, Any]]:
    """Events in the API's shape by id (with a reader: those it may see, as it sees them)."""
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 500):
        stmt = event_select(with_sources=False).where(events.c.id.in_(event_ids[i : i + 500]))
        if ctx is not None:
            stmt = _views().with_access(stmt, ctx)
        rows = _finish(connection, [dict(r._mapping) for r in connection.execute(stmt)], ctx)
        found.update({r["id"]: event_item(r) for r in rows})
    return found


def _after(column: Any, desc: bool, value: Any, last_id: str, nullable: bool) -> ColumnElement[bool]:
    """Rows after (value, last_id) in the page order: keyset pagination with NULLs last (desc) or first (asc)."""
    ids = events.c.id
    if desc:
        if value is None:
            return and_(column.is_(None), ids < last_id)
        after = or_(column < value, and_(column == value, ids < last_id))
        return or_(after, column.is_(None)) if nullable else after
    if value is None:
        return or_(and_(column.is_(None), ids > last_id), column.is_not(None))
    return or_(column > value, and_(column == value, ids > last_id))


def _encode_cursor(value: Any, last_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([value, last_id]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, key: str) -> tuple[Any, str]:
    try:
        value, last_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(last_id, str):
            raise ValueError
        if key == "updated":
            value = datetime.fromisoformat(value)
        elif key == "date" and value is not None:
            date.fromisoformat(value)
        elif key in ("confidence", "fatalities") and value is not None and not isinstance(value, int | float):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InputError("cursor: not a cursor of this listing (take next_cursor from the previous page)") from None
    return value, last_id


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """The API's shape of an event row."""
    rank = row.get("marking_rank")
    tags = row["tags"]
    return {
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "tags": list(orjson.loads(tags) if isinstance(tags, str | bytes) else tags or []),
        "date": row["date"],
        "time_precision": row["time_precision"],
        "actor1": _actor_ref(row["actor1_id"], row.get("actor1")),
        "actor2": _actor_ref(row["actor2_id"], row.get("actor2")),
        "location": {
            "name": row["location_name"],
            "geonameid": row["geonameid"],
            "lat": row["lat"],
            "lon": row["lon"],
            "country": row["country"],
            "admin1": row["admin1"],
            "geo_precision": row["geo_precision"],
            "border": row["border"],
            "border_km": row["border_km"],
        },
        "fatalities": row["fatalities"],
        "confidence": row["confidence"],
        "sources": row.get("sources", 0),
        "marking": MARKINGS[rank] if rank is not None else None,
        "created_at": _iso(row["created_at"]),
        "updated_at": _iso(row["updated_at"]),
    }


def _actor_ref(actor_id: int | None, name: str | None) -> dict[str, Any] | None:
    return None if actor_id is None else {"id": actor_id, "name": name}


def _iso(value: datetime | str | None) -> str | None:
    if isinstance(value, str):
        return value.replace(" ", "T", 1)
    return value.isoformat() if value else None


# -- the map and the timeline -----------------------------------------------------------------------


def event_points(connection: Connection, query: EventQuery, ctx: ReadContext | None = None) -> dict[str, Any]:
    """Every located event of the query (up to its limit, most recent first) in a compact form for the map.

    Each point is [id, lat, lon, type index, fatalities, date, confidence]; `types` names the indexes.
    With a reader: events it sees whole from SQL, events it sees in part composed from what it may see.
    """
    c = events.c
    conditions = [*event_conditions(query, connection.dialect.name), c.lat.is_not(None), c.lon.is_not(None)]
    full = _views().fully_visible(ctx) if _views().restricted(ctx) else []
    stmt = (
        select(c.id, c.lat, c.lon, c.event_type, c.fatalities, c.date, c.confidence)
        .where(*conditions, *full)
        .order_by(c.date.desc(), c.id.desc())
        .limit(query.limit + 1)
    )
    rows: list[Any] = list(connection.execute(stmt).all())
    if _views().restricted(ctx):
        partial = [
            _Point(**{k: v[k] for k in _Point._fields})
            for v in _views().partly_visible_rows(ctx, event_conditions(query, connection.dialect.name), query)
            if v["lat"] is not None and v["lon"] is not None
        ]
        rows = sorted([*rows, *partial], key=lambda r: (r.date or "", r.id), reverse=True)
    truncated = len(rows) > query.limit
    types: dict[str, int] = {}
    points = [
        [r.id, r.lat, r.lon, types.setdefault(r.event_type, len(types)), r.fatalities, r.date, r.confidence]
        for r in rows[: query.limit]
    ]
    return {"types": list(types), "points": points, "truncated": truncated}


class _Point(NamedTuple):
    id: str
    lat: float
    lon: float
    event_type: str
    fatalities: int | None
    date: str | None
    confidence: float


def event_timeline(
    connection: Connection, query: EventQuery, bucket: str, ctx: ReadContext | None = None
) -> dict[str, Any]:
    """Events per day, week (starting Monday) or month, by event type; undated events are counted apart."""
    c = events.c
    conditions = event_conditions(query, connection.dialect.name)
    restricted = _views().restricted(ctx)
    full = _views().fully_visible(ctx) if restricted else []
    stmt = select(c.date, c.event_type, func.count()).where(*conditions, *full)
    grouped = list(connection.execute(stmt.group_by(c.date, c.event_type)))
    if restricted:
        grouped += [(v["date"], v["event_type"], 1) for v in _views().partly_visible_rows(ctx, conditions, query)]
    counts: Counter[tuple[str, str]] = Counter()
    undated = 0
    for day, event_type, count in grouped:
        if day is None:
            undated += count
            continue
        counts[(_bucket(day, bucket), event_type)] += count
    buckets: dict[str, dict[str, int]] = {}
    for (start, event_type), count in sorted(counts.items()):
        buckets.setdefault(start, {})[event_type] = count
    return {
        "bucket": bucket,
        "buckets": [{"start": start, "counts": by_type} for start, by_type in buckets.items()],
        "undated": undated,
    }


def _bucket(day: str, bucket: str) -> str:
    if bucket == "day":
        return day
    if bucket == "month":
        return day[:7] + "-01"
    start = date.fromisoformat(day)
    return (start - timedelta(days=start.weekday())).isoformat()


# -- one event -----------------------------------------------------------------------------------------


def event_detail(connection: Connection, event_id: str, ctx: ReadContext | None = None) -> dict[str, Any]:
    """An event with every source: each report, its text and the span of the sentence that supports it.

    With a reader: only if it may see the event (else the same 404 as a missing one), as it sees it, with
    the sources it may see."""
    if ctx is not None:
        stmt = _views().with_access(event_select(with_sources=False).where(events.c.id == event_id), ctx)
        found = [dict(r._mapping) for r in connection.execute(stmt)]
        rows = _finish(connection, found, ctx)
        if not rows:
            raise NotFoundError(f"no event {event_id!r}")
        item = event_item(rows[0])
        visible_reports = rows[0]["report_ids"]
    else:
        row = connection.execute(event_select().where(events.c.id == event_id)).first()
        if row is None:
            raise NotFoundError(f"no event {event_id!r}")
        item = event_item(dict(row._mapping))
        visible_reports = None
    stmt = (
        select(
            event_mentions.c.id,
            event_mentions.c.report_id,
            event_mentions.c.sentence,
            event_mentions.c.start,
            event_mentions.c.end,
            event_mentions.c.mention,
            reports.c.title,
            reports.c.kind,
            reports.c.text,
            reports.c.url,
            reports.c.published,
            reports.c.ingested_at,
            reports.c.agency,
            reports.c.marking,
            sources.c.name.label("source"),
            sources.c.reliability,
        )
        .join(reports, reports.c.id == event_mentions.c.report_id)
        .outerjoin(sources, sources.c.id == reports.c.source_id)
        .where(event_mentions.c.event_id == event_id)
        .order_by(func.coalesce(reports.c.published, reports.c.ingested_at), event_mentions.c.id)
    )
    if visible_reports is not None:
        stmt = stmt.where(event_mentions.c.report_id.in_(visible_reports))
    item["mentions"] = [_mention(dict(m._mapping)) for m in connection.execute(stmt)]
    visible_keys = {m["id"] for m in item["mentions"]} if visible_reports is not None else None
    reasons = _merge_reasons(connection, event_id, visible_keys)
    for mention in item["mentions"]:
        mention["merge_reason"] = mention["merge_reason"] or reasons.get(mention["id"])
    item["quantities"] = _quantities(item["mentions"])
    item["merge_reasons"] = [m["merge_reason"] for m in item["mentions"] if m.get("merge_reason")]
    return item


def _mention(row: dict[str, Any]) -> dict[str, Any]:
    mention = row["mention"] or {}
    return {
        "id": row["id"],
        "report": {
            "id": row["report_id"],
            "title": row["title"],
            "kind": row["kind"],
            "source": row["source"],
            "reliability": row["reliability"],
            "url": row["url"],
            "published": _iso(row["published"]),
            "ingested_at": _iso(row["ingested_at"]),
            "agency": row["agency"],
            "marking": row["marking"],
            "text": row["text"],
        },
        "sentence": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "event_type": mention.get("event_type"),
        "sub_event_type": mention.get("sub_event_type"),
        "date": mention.get("date"),
        "fatalities": mention.get("fatalities"),
        "quantities": mention.get("quantities", []),
        "assoc_actors": [a.get("name") for a in mention.get("assoc_actors", []) if isinstance(a, dict)],
        "modality": mention.get("modality"),
        "confidence": mention.get("confidence"),
        "merge_reason": mention.get("merge_reason"),
    }


def _merge_reasons(connection: Connection, event_id: str, visible: set[str] | None = None) -> dict[str, str]:
    """Why each mention is in this event, in words, from fusion's stored decisions (`events show --why`).

    With `visible` (a reader's visible mentions), a match against a hidden mention is told without its
    features: they would say what the hidden report states."""
    rows = connection.execute(
        select(
            fusion_decisions.c.mention_key,
            fusion_decisions.c.reason,
            fusion_decisions.c.score,
            fusion_decisions.c.explanation,
        )
        .where(fusion_decisions.c.event_id == event_id)
        .order_by(fusion_decisions.c.id)
    )
    reasons: dict[str, str] = {}
    for key, reason, score, explanation in rows:
        text = reason.replace("-", " ")
        best = (explanation or {}).get("best") or {}
        features = (explanation or {}).get("features") or best.get("features") or []
        against = best.get("against")
        if visible is not None and against is not None and against not in visible:
            features = []
        if score is not None and features:
            strongest = sorted(features, key=lambda f: -abs(f.get("contribution") or 0))[:4]
            parts = ", ".join(f"{f['name']} {f['contribution']:+.2f}" for f in strongest)
            text += f": score {score:.2f} ({parts})"
        reasons[key] = text
    return reasons


def _quantities(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, int, str], dict[str, Any]] = {}
    for mention in mentions:
        for quantity in mention["quantities"]:
            key = (quantity.get("kind", ""), quantity.get("value", 0), quantity.get("qualifier", "exact"))
            seen.setdefault(key, quantity)
    return list(seen.values())


def event_facets(connection: Connection, ctx: ReadContext | None = None) -> dict[str, Any]:
    """What the filters can offer: countries and borders that occur, and the range of dates (with a reader:
    of the events it may see, as it sees them)."""
    c = events.c
    restricted = _views().restricted(ctx)
    full = _views().fully_visible(ctx) if restricted else []
    countries = set(connection.execute(select(c.country).where(c.country.is_not(None), *full).distinct()).scalars())
    borders = set(connection.execute(select(c.border).where(c.border.is_not(None), *full).distinct()).scalars())
    dates = [d for d in connection.execute(select(func.min(c.date), func.max(c.date)).where(*full)).one() if d]
    if restricted:
        for view in _views().partly_visible_rows(ctx, []):
            countries.update([view["country"]] if view["country"] else [])
            borders.update([view["border"]] if view["border"] else [])
            dates.extend([view["date"]] if view["date"] else [])
    date_range = [min(dates), max(dates)] if dates else [None, None]
    return {"countries": sorted(countries), "borders": sorted(borders), "date_range": date_range}
