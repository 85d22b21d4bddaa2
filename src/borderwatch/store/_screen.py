"""The `Store` methods of the centre's screen: API reads, zones, alerts, webhooks, the change log.

A mixin of `Store` (which owns the engine); each method is one transaction around a function of
`_api_queries`, `_directory`, `_zones` or `_alerts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from shapely.geometry.base import BaseGeometry
from sqlalchemy import Engine, select

from ..errors import AccessDeniedError, AuthError, NotFoundError
from ..zones import ZoneSpec
from . import _alerts, _bulk, _screen_access, _zones
from ._access import Reader, Role
from ._audit import current_actor, record
from ._queries import ActorQuery, AlertQuery, EventQuery, PlaceQuery
from ._schema import event_mentions
from ._zone_access import check_zone_change, visible_zone_ids, visible_zone_rows

__all__ = ["ScreenMixin", "utc_now"]


def _q(query: Any) -> dict[str, Any]:
    return {k: str(v) for k, v in query.model_dump(exclude_defaults=True).items()}


def utc_now() -> datetime:
    """Naive UTC, as the store keeps times."""
    return datetime.now(UTC).replace(tzinfo=None)


class ScreenMixin:
    _engine: Engine
    _zone_cache: _zones.ZoneCache
    _read: Any  # Store._read: a read as a reader, audited
    accounts: Any  # Store.accounts: users, for the webhooks' owners

    # -- after writes ------------------------------------------------------------------------------

    def _watch_reports(self, connection: Any, report_ids: Sequence[str]) -> list[int]:
        """In the writing transaction: check the events these reports created or updated against the zones."""
        if not report_ids:
            return []
        changed: list[str] = []
        for i in range(0, len(report_ids), 500):
            chunk = list(report_ids[i : i + 500])
            stmt = select(event_mentions.c.event_id).where(event_mentions.c.report_id.in_(chunk)).distinct()
            changed += list(connection.execute(stmt).scalars())
        return _zones.watch_events(connection, changed, self._zone_cache, utc_now())

    def events_changed(self, event_ids: Sequence[str]) -> list[int]:
        """Tell the store that these events were created or changed outside `add_reports` (a merge, a split,
        a correction): they are checked against the zones and announced on the live stream. Returns the
        ids of the alerts raised."""
        with self._engine.begin() as connection:
            return _zones.watch_events(connection, list(event_ids), self._zone_cache, utc_now())

    def bulk_insert_events(self, rows: Sequence[dict[str, Any]], report_id: str) -> None:
        """Insert already-coded events in one transaction (see `_bulk`); `report_id` must be stored."""
        with self._engine.begin() as connection:
            _bulk.bulk_insert_events(connection, rows, report_id, utc_now())

    # -- events: every read takes the reader (`Store._read`: restricted to what it may see, audited) ----------

    def search_events(self, query: EventQuery, *, reader: Reader) -> tuple[list[dict[str, Any]], str | None]:
        return self._read(reader, _screen_access.search_events, query, what="search events", detail=_q(query))

    def event_points(self, query: EventQuery, *, reader: Reader) -> dict[str, Any]:
        return self._read(reader, _screen_access.event_points, query, what="map points", detail=_q(query))

    def event_timeline(self, query: EventQuery, bucket: str = "day", *, reader: Reader) -> dict[str, Any]:
        return self._read(reader, _screen_access.event_timeline, query, bucket, what="timeline")

    def event_facets(self, *, reader: Reader) -> dict[str, Any]:
        return self._read(reader, _screen_access.event_facets, what="facets")

    def get_event(self, event_id: str, *, reader: Reader) -> dict[str, Any]:
        """An event as the reader sees it with its visible sources; hidden and missing ids look the same."""
        return self._read(reader, _screen_access.event_detail, event_id, what=f"get event {event_id}")

    def events_by_id(self, event_ids: Sequence[str], *, reader: Reader) -> list[dict[str, Any]]:
        if not event_ids:
            return []
        found = self._read(reader, _screen_access.events_by_ids, list(event_ids), what="events by id")
        return list(found.values())

    def report_events(self, report_id: str, *, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _screen_access.report_events_of, report_id, what=f"events of report {report_id}")

    # -- actors and places -------------------------------------------------------------------------

    def list_actors(self, query: ActorQuery, *, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _screen_access.actor_list, query, what="list actors")

    def get_actor(self, actor_id: int, *, reader: Reader) -> dict[str, Any]:
        return self._read(reader, _screen_access.actor, actor_id, what=f"get actor {actor_id}")

    def list_places(self, query: PlaceQuery, *, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _screen_access.places_list, query, what="list places")

    def get_place(self, geonameid: str, *, reader: Reader) -> dict[str, Any]:
        return self._read(reader, _screen_access.place, geonameid, what=f"get place {geonameid}")

    # -- zones -------------------------------------------------------------------------------------

    def create_zone(self, spec: ZoneSpec, geometry: BaseGeometry) -> dict[str, Any]:
        """A new zone of the acting reader's agency (`acting_as`), returned as that reader sees it."""
        actor = current_actor()
        if actor.role not in (Role.ADMIN, Role.ANALYST):
            raise AccessDeniedError(f"{actor.actor} may not draw watch zones")
        with self._engine.begin() as connection:
            zone_id = _zones.create_zone(connection, spec, geometry, utc_now(), actor.agency)
            record(connection, actor, "write", f"create zone {zone_id}")
        return self.get_zone(zone_id, reader=actor)

    def update_zone(self, zone_id: int, spec: ZoneSpec, geometry: BaseGeometry) -> dict[str, Any]:
        actor = current_actor()
        with self._engine.begin() as connection:
            check_zone_change(connection, actor, zone_id)
            _zones.update_zone(connection, zone_id, spec, geometry, utc_now())
            record(connection, actor, "write", f"update zone {zone_id}")
        return self.get_zone(zone_id, reader=actor)

    def delete_zone(self, zone_id: int) -> None:
        actor = current_actor()
        with self._engine.begin() as connection:
            check_zone_change(connection, actor, zone_id)
            _zones.delete_zone(connection, zone_id)
            record(connection, actor, "write", f"delete zone {zone_id}")

    def get_zone(self, zone_id: int, *, reader: Reader) -> dict[str, Any]:
        """One zone the reader may see ("no zone N" otherwise), with its counts as the reader sees them."""
        return self._read(reader, visible_zone_rows, zone_id, what=f"get zone {zone_id}")[0]

    def list_zones(self, *, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, visible_zone_rows, what="list zones")

    def zone_activity(
        self, zone_id: int, days: int = 90, until: date | None = None, *, reader: Reader
    ) -> dict[str, Any]:
        return self._read(reader, _screen_access.activity, zone_id, days, until, what=f"zone {zone_id} activity")

    # -- alerts and webhooks -----------------------------------------------------------------------

    def list_alerts(self, query: AlertQuery, *, reader: Reader) -> tuple[list[dict[str, Any]], int | None]:
        return self._read(reader, _screen_access.alerts_page, query, what="list alerts")

    def get_alerts(self, alert_ids: Sequence[int], *, reader: Reader) -> list[dict[str, Any]]:
        return self._read(reader, _screen_access.alerts_by_id, list(alert_ids), what="get alerts")

    def acknowledge_alert(self, alert_id: int, by: str | None = None, *, reader: Reader) -> dict[str, Any]:
        """Acknowledge an alert the reader may see (others look missing)."""
        if not self.get_alerts([alert_id], reader=reader):
            raise NotFoundError(f"no alert {alert_id}")
        with self._engine.begin() as connection:
            found = _alerts.acknowledge_alert(connection, alert_id, by, utc_now())
            record(connection, reader, "write", f"acknowledge alert {alert_id}")
        return self.get_alerts([alert_id], reader=reader)[0] if found else found

    # Webhooks belong to the acting reader's agency (`acting_as`): only it lists, reads or deletes them.

    def add_webhook(self, url: str, secret: str, zone_id: int | None = None) -> dict[str, Any]:
        """A webhook of the acting user: it receives the alerts that user may see, told as that user sees them."""
        actor = current_actor()
        with self._engine.begin() as connection:
            seen = visible_zone_ids(connection, actor)
            if zone_id is not None and seen is not None and zone_id not in seen:
                raise NotFoundError(f"no zone {zone_id}")
            found = _alerts.add_webhook(connection, url, secret, zone_id, utc_now(), actor)
            record(connection, actor, "admin", f"add webhook {found['id']}", {"url": url})
            return found

    def list_webhooks(self) -> list[dict[str, Any]]:
        with self._engine.connect() as connection:
            return _alerts.list_webhooks(connection, current_actor())

    def delete_webhook(self, webhook_id: int) -> None:
        with self._engine.begin() as connection:
            _alerts.delete_webhook(connection, current_actor(), webhook_id)
            record(connection, current_actor(), "admin", f"delete webhook {webhook_id}")

    def webhook_deliveries(self, webhook_id: int, limit: int = 100) -> list[dict[str, Any]]:
        with self._engine.connect() as connection:
            return _alerts.list_deliveries(connection, current_actor(), webhook_id, limit)

    def claim_deliveries(self, limit: int = 20, lease_s: float = 60.0) -> list[_alerts.DeliveryJob]:
        """Due deliveries, each alert told as the webhook's owner sees it; one the owner may not see (or whose
        owner is gone or disabled) is withheld, never sent."""
        with self._engine.begin() as connection:
            jobs = _alerts.claim_deliveries(connection, utc_now(), limit, lease_s)
        sendable, withheld = [], []
        for job in jobs:
            seen = self._owners_view(job["owner"], job["alert"]["id"]) if job["owner"] else [job["alert"]]
            if seen:
                sendable.append(_alerts.DeliveryJob({**job, "alert": seen[0]}))
            else:
                withheld.append(job["id"])
        if withheld:
            with self._engine.begin() as connection:
                _alerts.withhold_deliveries(connection, withheld)
        return sendable

    def _owners_view(self, owner: str, alert_id: int) -> list[dict[str, Any]]:
        try:
            reader = self.accounts.reader_for(owner, interface="webhook")
        except (AuthError, NotFoundError):
            return []
        return self.get_alerts([alert_id], reader=reader)  # type: ignore[no-any-return]

    def record_delivery_attempt(
        self, delivery_id: int, ok: bool, status_code: int | None, error: str | None, ms: float, retry_in: float | None
    ) -> None:
        with self._engine.begin() as connection:
            _alerts.record_attempt(connection, delivery_id, ok, status_code, error, ms, utc_now(), retry_in)

    def next_delivery_due(self) -> datetime | None:
        with self._engine.connect() as connection:
            return _alerts.next_due(connection)

    # -- the change log ----------------------------------------------------------------------------

    def changes_after(self, seq: int, limit: int = 500) -> list[tuple[int, str, str]]:
        with self._engine.connect() as connection:
            return _alerts.changes_after(connection, seq, limit)

    def last_change(self) -> int:
        with self._engine.connect() as connection:
            return _alerts.last_change(connection)
