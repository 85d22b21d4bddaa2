"""Watch zones as a reader sees them: which zones, with which counts, and who may change them.

A zone is shared like a report. The agency that drew it, its TLP 2.0 marking and its sharing groups make
an access class, and `class_visible` (the one place TLP is read) decides. A zone the reader may not see
does not exist for it: not listed, "no zone N" when named, and its alerts are not shown. A zone's counts
(events inside, open alerts) count only what the reader sees: events it sees whole (as `zone_activity`
does: membership was worked out from the full, fused location) and alerts on events it sees at all, plus
activity spikes when it sees every report (a spike counts them all).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from ..errors import AccessDeniedError, NotFoundError
from ..model import Marking
from . import _zones
from ._access import AccessClass, Reader, Role, class_visible, event_visible_clause
from ._schema import alerts, events, zone_events, zones
from ._views import ReadContext, fully_visible, restricted

__all__ = ["check_zone_change", "visible_zone_ids", "visible_zone_rows", "zone_visible"]


def zone_visible(reader: Reader, zone: dict[str, Any]) -> bool:
    """May this reader see this zone (a row of `zones`, or a listed zone)?"""
    access = AccessClass(
        agency=zone["agency"], marking=Marking(zone["marking"]), groups=tuple(zone.get("sharing_groups") or ())
    )
    return class_visible(reader, access)


def visible_zone_ids(connection: Connection, reader: Reader) -> set[int] | None:
    """The zones this reader may see; None for the all-seeing local administrator."""
    if reader.all_seeing:
        return None
    rows = connection.execute(select(zones.c.id, zones.c.agency, zones.c.marking, zones.c.sharing_groups))
    return {r.id for r in rows if zone_visible(reader, dict(r._mapping))}


def visible_zone_rows(ctx: ReadContext, zone_id: int | None = None) -> list[dict[str, Any]]:
    """`list_zone_rows` for this reader: the zones it may see, counted as it sees them."""
    rows = [r for r in _zones.list_zone_rows(ctx.connection, zone_id) if zone_visible(ctx.reader, r)]
    if zone_id is not None and not rows:
        raise NotFoundError(f"no zone {zone_id}")
    if restricted(ctx):
        for row in rows:
            row["events"] = _events_inside(ctx, row["id"])
            row["open_alerts"] = _open_alerts(ctx, row["id"])
    return rows


def check_zone_change(connection: Connection, reader: Reader, zone_id: int) -> None:
    """A zone is changed or deleted by its own agency's analysts and administrators (or the operator at the
    machine); one the reader may not see is "no zone N", as if it did not exist."""
    row = _zones.zone_row(connection, zone_id)
    if reader.all_seeing:
        return
    if not zone_visible(reader, row):
        raise NotFoundError(f"no zone {zone_id}")
    if row["agency"] != reader.agency or reader.role not in (Role.ADMIN, Role.ANALYST):
        raise AccessDeniedError(f"{reader.actor} may not change zone {zone_id} of agency {row['agency']!r}")


def _events_inside(ctx: ReadContext, zone_id: int) -> int:
    stmt = (
        select(func.count())
        .select_from(zone_events.join(events, events.c.id == zone_events.c.event_id))
        .where(zone_events.c.zone_id == zone_id, *fully_visible(ctx))
    )
    return int(ctx.connection.execute(stmt).scalar_one())


def _open_alerts(ctx: ReadContext, zone_id: int) -> int:
    open_here = (alerts.c.zone_id == zone_id, alerts.c.acknowledged_at.is_(None))
    on_events = (
        select(func.count())
        .select_from(alerts.join(events, events.c.id == alerts.c.event_id))
        .where(*open_here, alerts.c.kind == "event", event_visible_clause(ctx.visible))
    )
    count = int(ctx.connection.execute(on_events).scalar_one())
    if ctx.every_class:
        unattached = or_(alerts.c.kind == "spike", alerts.c.event_id.is_(None))
        spikes = select(func.count()).where(*open_here, unattached)
        count += int(ctx.connection.execute(spikes).scalar_one())
    return count
