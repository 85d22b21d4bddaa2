"""Watch zones in the store, and the check of every newly stored or updated event against them.

`watch_events` runs inside the transaction that stores the events: it finds the zones that hold each
event through a spatial index (an STR-tree over the zone polygons, rebuilt only when zones change),
keeps `zone_events` up to date, raises at most one alert per event and zone (a unique key), checks
activity spikes, queues webhook deliveries and appends to the change log the live stream reads.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import aliased

from ..errors import NotFoundError
from ..zones import WatchedEvent, ZoneIndex, ZoneRules, ZoneSpec, is_spike, spike_window, to_geojson
from ._fusion_bulk import bulk_insert
from ._schema import actors, alerts, change_log, events, meta, webhook_deliveries, webhooks, zone_events, zones
from ._write import insert_ignoring_conflicts

__all__ = [
    "ZoneCache",
    "create_zone",
    "delete_zone",
    "list_zone_rows",
    "log_changes",
    "update_zone",
    "watch_events",
    "zone_activity",
    "zone_row",
]

_VERSION_KEY = "zones_version"
_CHUNK = 500


@dataclass(frozen=True)
class _ZoneInfo:
    id: int
    name: str
    rules: ZoneRules
    marking: str


class ZoneCache:
    """The active zones' index, reloaded when another writer (any process) has changed the zones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._index = ZoneIndex([])
        self._zones: dict[int, _ZoneInfo] = {}

    def get(self, connection: Connection) -> tuple[ZoneIndex, dict[int, _ZoneInfo]]:
        version = connection.execute(select(meta.c.value).where(meta.c.key == _VERSION_KEY)).scalar()
        with self._lock:
            if version != self._version or version is None:
                rows = connection.execute(
                    select(zones.c.id, zones.c.name, zones.c.rules, zones.c.marking, zones.c.geometry).where(
                        zones.c.active.is_(True)
                    )
                ).all()
                self._index = ZoneIndex([(r.id, shape(r.geometry)) for r in rows])
                self._zones = {
                    r.id: _ZoneInfo(r.id, r.name, ZoneRules.model_validate(r.rules), r.marking) for r in rows
                }
                self._version = version
            return self._index, self._zones


# -- zones -------------------------------------------------------------------------------------------


def create_zone(connection: Connection, spec: ZoneSpec, geometry: BaseGeometry, now: datetime, agency: str) -> int:
    values = _zone_values(spec, geometry, now)
    stmt = insert(zones).values(created_at=now, agency=agency, **values).returning(zones.c.id)
    zone_id = int(connection.execute(stmt).scalar_one())
    _fill_members(connection, zone_id, geometry)
    _bump_version(connection)
    return zone_id


def update_zone(connection: Connection, zone_id: int, spec: ZoneSpec, geometry: BaseGeometry, now: datetime) -> None:
    zone_row(connection, zone_id)
    connection.execute(update(zones).where(zones.c.id == zone_id).values(**_zone_values(spec, geometry, now)))
    connection.execute(delete(zone_events).where(zone_events.c.zone_id == zone_id))
    _fill_members(connection, zone_id, geometry)
    _bump_version(connection)


def delete_zone(connection: Connection, zone_id: int) -> None:
    zone_row(connection, zone_id)
    connection.execute(delete(zones).where(zones.c.id == zone_id))
    _bump_version(connection)


def _zone_values(spec: ZoneSpec, geometry: BaseGeometry, now: datetime) -> dict[str, Any]:
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    return {
        "name": spec.name,
        "kind": spec.kind,
        "border": spec.border.upper() if spec.border else None,
        "km": spec.km if spec.border else None,
        "geometry": to_geojson(geometry),
        "min_lon": min_lon,
        "min_lat": min_lat,
        "max_lon": max_lon,
        "max_lat": max_lat,
        "rules": spec.rules.model_dump(mode="json"),
        "marking": spec.marking.value,
        "sharing_groups": sorted(set(spec.sharing_groups)),
        "active": spec.active,
        "updated_at": now,
    }


def _fill_members(connection: Connection, zone_id: int, geometry: BaseGeometry) -> None:
    """Record which stored events lie in a new or changed zone (no alerts for the past)."""
    index = ZoneIndex([(zone_id, geometry)])
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    c = events.c
    rows = connection.execute(
        select(c.id, c.lat, c.lon, c.date).where(c.lat.between(min_lat, max_lat), c.lon.between(min_lon, max_lon))
    )
    batch: list[dict[str, Any]] = []
    for row in rows:
        if index.containing(row.lon, row.lat):
            batch.append({"zone_id": zone_id, "event_id": row.id, "date": row.date})
    for i in range(0, len(batch), _CHUNK):
        connection.execute(insert(zone_events), batch[i : i + _CHUNK])


def _bump_version(connection: Connection) -> None:
    version = uuid.uuid4().hex
    done = connection.execute(update(meta).where(meta.c.key == _VERSION_KEY).values(value=version))
    if done.rowcount == 0:
        connection.execute(insert(meta).values(key=_VERSION_KEY, value=version))


def zone_row(connection: Connection, zone_id: int) -> dict[str, Any]:
    rows = list_zone_rows(connection, zone_id)
    if not rows:
        raise NotFoundError(f"no zone {zone_id}")
    return rows[0]


def list_zone_rows(connection: Connection, zone_id: int | None = None) -> list[dict[str, Any]]:
    """Zones with the number of events inside and of open alerts."""
    inside = select(func.count()).where(zone_events.c.zone_id == zones.c.id).scalar_subquery()
    open_alerts = (
        select(func.count()).where(alerts.c.zone_id == zones.c.id, alerts.c.acknowledged_at.is_(None)).scalar_subquery()
    )
    stmt = select(zones, inside.label("events"), open_alerts.label("open_alerts")).order_by(zones.c.id)
    if zone_id is not None:
        stmt = stmt.where(zones.c.id == zone_id)
    return [_zone_item(dict(r._mapping)) for r in connection.execute(stmt)]


def _zone_item(row: dict[str, Any]) -> dict[str, Any]:
    bbox = [row.pop("min_lon"), row.pop("min_lat"), row.pop("max_lon"), row.pop("max_lat")]
    return {
        **row,
        "bbox": bbox,
        "created_at": row["created_at"].isoformat(),
        "updated_at": row["updated_at"].isoformat(),
    }


def zone_activity(connection: Connection, zone_id: int, days: int, until: date | None = None) -> dict[str, Any]:
    """Events inside a zone per day over the last `days` days up to `until` (default: latest event inside)."""
    zone_row(connection, zone_id)
    if until is None:
        latest = connection.execute(select(func.max(zone_events.c.date)).where(zone_events.c.zone_id == zone_id))
        last = latest.scalar()
        until = date.fromisoformat(last) if last else date.today()
    start = until - timedelta(days=days - 1)
    stmt = (
        select(zone_events.c.date, func.count())
        .where(zone_events.c.zone_id == zone_id, zone_events.c.date.between(start.isoformat(), until.isoformat()))
        .group_by(zone_events.c.date)
    )
    counts = dict(connection.execute(stmt).all())
    series = [{"date": d.isoformat(), "events": counts.get(d.isoformat(), 0)} for d in _days(start, until)]
    return {"zone_id": zone_id, "from": start.isoformat(), "to": until.isoformat(), "days": series}


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


# -- the check as events are stored -----------------------------------------------------------------------


def log_changes(connection: Connection, kind: str, item_ids: Sequence[str], now: datetime) -> None:
    # Straight through the driver (`bulk_insert`): a sync page logs thousands of events, and SQLAlchemy's
    # executemany processed each row's parameters in Python at several times SQLite's own cost.
    bulk_insert(connection, change_log, [{"kind": kind, "item_id": i, "at": now} for i in item_ids])


def watch_events(connection: Connection, event_ids: Sequence[str], cache: ZoneCache, now: datetime) -> list[int]:
    """Check newly stored or updated events against the zones; the ids of the alerts raised."""
    event_ids = list(dict.fromkeys(event_ids))
    log_changes(connection, "event", event_ids, now)
    index, infos = cache.get(connection)
    raised: list[int] = []
    if not infos:
        # No active zone: no event is in one, and membership rows of inactive zones are left alone anyway, so
        # the events and their memberships need not be read (a sync page would read thousands for nothing).
        return raised
    for i in range(0, len(event_ids), _CHUNK):
        chunk = event_ids[i : i + _CHUNK]
        watched = _watched_events(connection, chunk)
        members = _current_members(connection, chunk)
        spikes: set[tuple[int, str]] = set()
        for event in watched:
            inside = [z for z in index.containing(event.lon, event.lat) if z in infos] if event.lat is not None else []
            _sync_members(connection, event, inside, members.get(event.id, {}), infos)
            for zone_id in inside:
                rules = infos[zone_id].rules
                if rules.alert_events and rules.matches(event):
                    raised += _raise(connection, infos[zone_id], "event", event.id, event, _event_reason(event), now)
                if rules.spike and event.date and rules.matches(event):
                    spikes.add((zone_id, event.date))
        for zone_id, day in sorted(spikes):
            raised += _check_spike(connection, infos[zone_id], date.fromisoformat(day), now)
    log_changes(connection, "alert", [str(a) for a in raised], now)
    return raised


def _watched_events(connection: Connection, event_ids: list[str]) -> list[WatchedEvent]:
    actor1, actor2 = aliased(actors), aliased(actors)
    c = events.c
    stmt = (
        select(c.id, c.lat, c.lon, c.date, c.event_type, c.sub_event_type, c.tags, c.confidence)
        .add_columns(actor1.c.name.label("a1"), actor2.c.name.label("a2"))
        .outerjoin(actor1, actor1.c.id == c.actor1_id)
        .outerjoin(actor2, actor2.c.id == c.actor2_id)
        .where(c.id.in_(event_ids))
    )
    return [
        WatchedEvent(
            id=r.id,
            lat=r.lat,
            lon=r.lon,
            date=r.date,
            event_type=r.event_type,
            sub_event_type=r.sub_event_type,
            tags=tuple(r.tags or ()),
            actors=tuple(a for a in (r.a1, r.a2) if a),
            confidence=r.confidence,
        )
        for r in connection.execute(stmt)
    ]


def _current_members(connection: Connection, event_ids: list[str]) -> dict[str, dict[int, str | None]]:
    found: dict[str, dict[int, str | None]] = {}
    stmt = select(zone_events.c.event_id, zone_events.c.zone_id, zone_events.c.date).where(
        zone_events.c.event_id.in_(event_ids)
    )
    for event_id, zone_id, day in connection.execute(stmt):
        found.setdefault(event_id, {})[zone_id] = day
    return found


def _sync_members(
    connection: Connection,
    event: WatchedEvent,
    inside: list[int],
    current: dict[int, str | None],
    active: dict[int, _ZoneInfo],
) -> None:
    """Make `zone_events` say which active zones hold the event now (an update may have moved it)."""
    gone = [z for z in current if z in active and z not in inside]
    if gone:
        connection.execute(
            delete(zone_events).where(zone_events.c.event_id == event.id, zone_events.c.zone_id.in_(gone))
        )
    for zone_id in inside:
        if zone_id not in current:
            connection.execute(insert(zone_events).values(zone_id=zone_id, event_id=event.id, date=event.date))
        elif current[zone_id] != event.date:
            connection.execute(
                update(zone_events)
                .where(zone_events.c.zone_id == zone_id, zone_events.c.event_id == event.id)
                .values(date=event.date)
            )


def _event_reason(event: WatchedEvent) -> str:
    when = f" on {event.date}" if event.date else ""
    who = f" ({', '.join(event.actors)})" if event.actors else ""
    return f"{event.sub_event_type or event.event_type}{when}{who}"


def _raise(
    connection: Connection,
    zone: _ZoneInfo,
    kind: str,
    key: str,
    event: WatchedEvent | None,
    what: str,
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> list[int]:
    """Insert the alert unless the zone already has one with this key; its id, or nothing."""
    details: dict[str, Any] = {"zone": zone.name, "rules": zone.rules.describe(), **(extra or {})}
    if event is not None:
        details["event"] = {
            "id": event.id,
            "date": event.date,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "lat": event.lat,
            "lon": event.lon,
            "confidence": event.confidence,
            "actors": list(event.actors),
        }
    values = {
        "zone_id": zone.id,
        "kind": kind,
        "key": key,
        "event_id": event.id if event is not None and kind == "event" else None,
        "reason": f"{what} in zone {zone.name!r}",
        "details": details,
        "created_at": now,
    }
    stmt = insert_ignoring_conflicts(connection, alerts, ["zone_id", "key"]).returning(alerts.c.id)
    alert_id = connection.execute(stmt, values).scalar()
    if alert_id is None:
        return []
    _queue_deliveries(connection, int(alert_id), zone.id, now)
    return [int(alert_id)]


def _check_spike(connection: Connection, zone: _ZoneInfo, day: date, now: datetime) -> list[int]:
    rule = zone.rules.spike
    assert rule is not None
    window = spike_window(rule, day)
    if _recent_spike(connection, zone.id, day, rule.days):
        return []
    recent = baseline = 0
    for event in _zone_events_between(connection, zone.id, window.baseline_start, window.end):
        if not zone.rules.matches(event) or event.date is None:
            continue
        if event.date >= window.start.isoformat():
            recent += 1
        else:
            baseline += 1
    spiking, expected = is_spike(rule, recent, baseline)
    if not spiking:
        return []
    what = f"activity spike: {recent} events in the {rule.days} days to {day} (baseline predicts {expected:.1f})"
    extra = {"window": {"from": window.start.isoformat(), "to": day.isoformat()}, "recent": recent,
             "baseline": baseline, "expected": round(expected, 2)}  # fmt: skip
    return _raise(connection, zone, "spike", f"spike:{day.isoformat()}", None, what, now, extra)


def _recent_spike(connection: Connection, zone_id: int, day: date, days: int) -> bool:
    """Whether a spike alert of this zone covers an overlapping window (one alert per spike, not per day)."""
    keys = connection.execute(select(alerts.c.key).where(alerts.c.zone_id == zone_id, alerts.c.kind == "spike"))
    for (key,) in keys:
        other = date.fromisoformat(key.removeprefix("spike:"))
        if abs((other - day).days) < days:
            return True
    return False


def _zone_events_between(connection: Connection, zone_id: int, start: date, end: date) -> list[WatchedEvent]:
    ids = connection.execute(
        select(zone_events.c.event_id).where(
            zone_events.c.zone_id == zone_id, zone_events.c.date.between(start.isoformat(), end.isoformat())
        )
    ).scalars()
    found: list[WatchedEvent] = []
    id_list = list(ids)
    for i in range(0, len(id_list), _CHUNK):
        found += _watched_events(connection, id_list[i : i + _CHUNK])
    return found


def _queue_deliveries(connection: Connection, alert_id: int, zone_id: int, now: datetime) -> None:
    hooks = connection.execute(
        select(webhooks.c.id).where(
            webhooks.c.active.is_(True), (webhooks.c.zone_id.is_(None)) | (webhooks.c.zone_id == zone_id)
        )
    ).scalars()
    rows = [
        {"alert_id": alert_id, "webhook_id": h, "status": "pending", "attempts": 0, "next_attempt_at": now,
         "created_at": now}
        for h in hooks
    ]  # fmt: skip
    if rows:
        connection.execute(insert(webhook_deliveries), rows)
