"""Alerts, webhooks and their delivery log, and the change log that the live stream reads."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from ..errors import InputError, NotFoundError
from ._access import Reader
from ._queries import AlertQuery
from ._schema import alerts, change_log, webhook_attempts, webhook_deliveries, webhooks, zones

__all__ = [
    "DeliveryJob",
    "acknowledge_alert",
    "add_webhook",
    "alert_items",
    "changes_after",
    "claim_deliveries",
    "delete_webhook",
    "last_change",
    "list_alerts",
    "list_deliveries",
    "list_webhooks",
    "next_due",
    "record_attempt",
    "withhold_deliveries",
]


def _alert_select() -> Any:
    return select(alerts, zones.c.name.label("zone_name"), zones.c.marking.label("zone_marking")).join(
        zones, zones.c.id == alerts.c.zone_id
    )


def _alert_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "zone": {"id": row["zone_id"], "name": row["zone_name"]},
        "kind": row["kind"],
        "event_id": row["event_id"],
        "reason": row["reason"],
        "details": row["details"],
        "marking": row["zone_marking"],
        "created_at": row["created_at"].isoformat(),
        "acknowledged_at": row["acknowledged_at"].isoformat() if row["acknowledged_at"] else None,
        "acknowledged_by": row["acknowledged_by"],
    }


def list_alerts(connection: Connection, query: AlertQuery) -> tuple[list[dict[str, Any]], int | None]:
    """Alerts newest first, and the `before_id` of the next page (None at the end)."""
    stmt = _alert_select().order_by(alerts.c.id.desc()).limit(query.limit + 1)
    if query.zone_id is not None:
        stmt = stmt.where(alerts.c.zone_id == query.zone_id)
    if query.acknowledged is not None:
        stmt = stmt.where(
            alerts.c.acknowledged_at.is_not(None) if query.acknowledged else alerts.c.acknowledged_at.is_(None)
        )
    if query.kind:
        stmt = stmt.where(alerts.c.kind == query.kind)
    if query.before_id:
        stmt = stmt.where(alerts.c.id < query.before_id)
    rows = [_alert_item(dict(r._mapping)) for r in connection.execute(stmt)]
    if len(rows) > query.limit:
        return rows[: query.limit], rows[query.limit - 1]["id"]
    return rows, None


def alert_items(connection: Connection, alert_ids: list[int]) -> list[dict[str, Any]]:
    if not alert_ids:
        return []
    rows = connection.execute(_alert_select().where(alerts.c.id.in_(alert_ids)).order_by(alerts.c.id))
    return [_alert_item(dict(r._mapping)) for r in rows]


def acknowledge_alert(connection: Connection, alert_id: int, by: str | None, now: datetime) -> dict[str, Any]:
    found = alert_items(connection, [alert_id])
    if not found:
        raise NotFoundError(f"no alert {alert_id}")
    if found[0]["acknowledged_at"] is None:
        connection.execute(
            update(alerts).where(alerts.c.id == alert_id).values(acknowledged_at=now, acknowledged_by=by)
        )
        connection.execute(insert(change_log).values(kind="alert", item_id=str(alert_id), at=now))
    return alert_items(connection, [alert_id])[0]


# -- webhooks ----------------------------------------------------------------------------------------------


def add_webhook(
    connection: Connection, url: str, secret: str, zone_id: int | None, now: datetime, owner: Reader
) -> dict[str, Any]:
    if not url.startswith(("http://", "https://")):
        raise InputError(f"url {url!r}: a webhook must be an http:// or https:// URL")
    if len(secret) < 16:
        raise InputError("secret: use at least 16 characters to sign webhook bodies")
    if zone_id is not None and connection.execute(select(zones.c.id).where(zones.c.id == zone_id)).first() is None:
        raise NotFoundError(f"no zone {zone_id}")
    values = {"url": url, "secret": secret, "zone_id": zone_id, "active": True, "created_at": now,
              "owner": None if owner.all_seeing else owner.user, "agency": owner.agency}  # fmt: skip
    webhook_id = connection.execute(insert(webhooks).values(**values).returning(webhooks.c.id)).scalar_one()
    return list_webhooks(connection, owner, int(webhook_id))[0]


def list_webhooks(connection: Connection, reader: Reader, webhook_id: int | None = None) -> list[dict[str, Any]]:
    """The webhooks of the reader's agency (every one for the operator at the machine), never their secret,
    with their delivery counts by status. Another agency's webhook is "no webhook N"."""
    w = webhooks.c
    stmt = select(w.id, w.url, w.zone_id, w.owner, w.agency, w.active, w.created_at)
    if webhook_id is not None:
        stmt = stmt.where(w.id == webhook_id)
    if not reader.all_seeing:
        stmt = stmt.where(w.agency == reader.agency)
    items = []
    for row in connection.execute(stmt.order_by(webhooks.c.id)):
        counts = connection.execute(
            select(webhook_deliveries.c.status, func.count())
            .where(webhook_deliveries.c.webhook_id == row.id)
            .group_by(webhook_deliveries.c.status)
        )
        items.append({**row._asdict(), "created_at": row.created_at.isoformat(), "deliveries": dict(counts.all())})
    if webhook_id is not None and not items:
        raise NotFoundError(f"no webhook {webhook_id}")
    return items


def delete_webhook(connection: Connection, reader: Reader, webhook_id: int) -> None:
    list_webhooks(connection, reader, webhook_id)
    connection.execute(delete(webhooks).where(webhooks.c.id == webhook_id))


def list_deliveries(connection: Connection, reader: Reader, webhook_id: int, limit: int = 100) -> list[dict[str, Any]]:
    """The delivery log of a webhook: each delivery, newest first, with every attempt."""
    list_webhooks(connection, reader, webhook_id)
    d = webhook_deliveries.c
    rows = connection.execute(
        select(d.id, d.alert_id, d.status, d.attempts, d.next_attempt_at, d.created_at, d.delivered_at)
        .where(d.webhook_id == webhook_id)
        .order_by(d.id.desc())
        .limit(limit)
    ).all()
    attempts: dict[int, list[dict[str, Any]]] = {}
    if rows:
        a = webhook_attempts.c
        stmt = select(a.delivery_id, a.attempt, a.at, a.status_code, a.error, a.ms).where(
            a.delivery_id.in_([r.id for r in rows])
        )
        for att in connection.execute(stmt.order_by(a.delivery_id, a.attempt)):
            item = {"attempt": att.attempt, "at": att.at.isoformat(), "status_code": att.status_code,
                    "error": att.error, "ms": att.ms}  # fmt: skip
            attempts.setdefault(att.delivery_id, []).append(item)
    return [
        {
            **{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r._asdict().items()},
            "log": attempts.get(r.id, []),
        }
        for r in rows
    ]


class DeliveryJob(dict[str, Any]):
    """A claimed delivery: id, attempts, url, secret, owner (the webhook's user, None for the operator),
    alert (the alert's API shape, as the store holds it: `Store.claim_deliveries` retells it as the owner
    sees it)."""


def claim_deliveries(connection: Connection, now: datetime, limit: int, lease_s: float) -> list[DeliveryJob]:
    """Pending deliveries that are due, leased to this worker so that a second worker skips them."""
    d = webhook_deliveries.c
    due = connection.execute(
        select(d.id)
        .where(d.status == "pending", d.next_attempt_at <= now, or_(d.lease_until.is_(None), d.lease_until < now))
        .order_by(d.next_attempt_at, d.id)
        .limit(limit)
    ).scalars()
    jobs: list[DeliveryJob] = []
    for delivery_id in list(due):
        claimed = connection.execute(
            update(webhook_deliveries)
            .where(d.id == delivery_id, or_(d.lease_until.is_(None), d.lease_until < now))
            .values(lease_until=now + timedelta(seconds=lease_s))
        )
        if claimed.rowcount != 1:
            continue
        row = connection.execute(
            select(d.id, d.attempts, d.alert_id, webhooks.c.url, webhooks.c.secret, webhooks.c.owner)
            .join(webhooks, webhooks.c.id == d.webhook_id)
            .where(d.id == delivery_id)
        ).one()
        alert = alert_items(connection, [row.alert_id])
        jobs.append(DeliveryJob(id=row.id, attempts=row.attempts, url=row.url, secret=row.secret, owner=row.owner,
                                alert=alert[0]))  # fmt: skip
    return jobs


def record_attempt(
    connection: Connection,
    delivery_id: int,
    ok: bool,
    status_code: int | None,
    error: str | None,
    ms: float,
    now: datetime,
    retry_in: float | None,
) -> None:
    """Log one try; a delivery is done on success, retried after `retry_in` seconds, or failed when None."""
    d = webhook_deliveries.c
    attempts = connection.execute(select(d.attempts).where(d.id == delivery_id)).scalar_one() + 1
    connection.execute(
        insert(webhook_attempts).values(
            delivery_id=delivery_id, attempt=attempts, at=now, status_code=status_code, error=error, ms=ms
        )
    )
    values: dict[str, Any] = {"attempts": attempts, "lease_until": None}
    if ok:
        values.update(status="delivered", delivered_at=now, next_attempt_at=None)
    elif retry_in is None:
        values.update(status="failed", next_attempt_at=None)
    else:
        values.update(next_attempt_at=now + timedelta(seconds=retry_in))
    connection.execute(update(webhook_deliveries).where(d.id == delivery_id).values(**values))


def withhold_deliveries(connection: Connection, delivery_ids: list[int]) -> None:
    """The webhooks' owners may not see these alerts (or are gone): they are never sent."""
    d = webhook_deliveries.c
    connection.execute(
        update(webhook_deliveries)
        .where(d.id.in_(delivery_ids))
        .values(status="withheld", next_attempt_at=None, lease_until=None)
    )


def next_due(connection: Connection) -> datetime | None:
    d = webhook_deliveries.c
    return connection.execute(select(func.min(d.next_attempt_at)).where(d.status == "pending")).scalar()


# -- the change log ---------------------------------------------------------------------------------------


def changes_after(connection: Connection, seq: int, limit: int) -> list[tuple[int, str, str]]:
    """(seq, kind, item id) of the changes after `seq`, oldest first."""
    stmt = (
        select(change_log.c.seq, change_log.c.kind, change_log.c.item_id)
        .where(change_log.c.seq > seq)
        .order_by(change_log.c.seq)
        .limit(limit)
    )
    return [tuple(r) for r in connection.execute(stmt)]  # type: ignore[misc]


def last_change(connection: Connection) -> int:
    return int(connection.execute(select(func.coalesce(func.max(change_log.c.seq), 0))).scalar_one())
