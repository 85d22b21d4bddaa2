"""Large synthetic stores for the sharing benchmarks, written without fusion.

The access-cost and sync benchmarks need stores of 100,000 reports whose event structure they control
(one event per mention, some events joined across agencies on purpose). Fusing them would take longer
than the measurement and decide that structure for them, so these reports go through the store's own
write path (`write_batch`: reports, access classes, exchange index) with a stand-in for the fusion
session that writes one event per mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from borderwatch.model import EventMention
from borderwatch.store import NewReport, Store
from borderwatch.store._access import recompute_event_access
from borderwatch.store._schema import actors, event_mentions, events
from borderwatch.store._write import insert_ignoring_conflicts, write_batch

__all__ = ["write_unfused"]


class _OneEventPerMention:
    def __init__(self, now: datetime) -> None:
        self.now = now
        self.mentions: list[tuple[str, EventMention]] = []

    def fuse_report(self, report_id: str, published: Any, mentions: Sequence[EventMention], **_: Any) -> list[Any]:
        self.mentions += [(report_id, m) for m in mentions]
        return []

    def flush(self, connection: Any) -> None:
        names = {a.name: a for _, m in self.mentions for a in (m.actor1, m.actor2) if a is not None}
        if names:
            rows = [
                {"name": a.name, "type": int(a.type) if a.type else None, "country": a.country} for a in names.values()
            ]
            connection.execute(insert_ignoring_conflicts(connection, actors, ["name"]), rows)
        ids = dict(connection.execute(select(actors.c.name, actors.c.id)).all())
        event_rows, mention_rows = [], []
        for report_id, m in self.mentions:
            event_id = f"{report_id[:16]}-{m.id}"
            where = m.location
            event_rows.append(
                {
                    "id": event_id,
                    "event_type": m.event_type.value,
                    "sub_event_type": m.sub_event_type,
                    "tags": m.tags,
                    "date": m.date,
                    "time_precision": m.time_precision,
                    "actor1_id": ids.get(m.actor1.name) if m.actor1 else None,
                    "actor2_id": ids.get(m.actor2.name) if m.actor2 else None,
                    "location_name": where.name if where else None,
                    "geonameid": None,
                    "lat": where.lat if where else None,
                    "lon": where.lon if where else None,
                    "country": where.country if where else None,
                    "admin1": where.admin1 if where else None,
                    "geo_precision": where.geo_precision if where else None,
                    "border": where.border if where else None,
                    "border_km": where.border_km if where else None,
                    "fatalities": m.fatalities,
                    "confidence": m.confidence,
                    "created_at": self.now,
                    "updated_at": self.now,
                }
            )
            mention_rows.append(
                {
                    "id": event_id,
                    "event_id": event_id,
                    "report_id": report_id,
                    "sentence": m.evidence.sentence,
                    "start": m.evidence.start,
                    "end": m.evidence.end,
                    "mention": m.model_dump(mode="json"),
                }
            )
        if event_rows:
            connection.execute(events.insert(), event_rows)
            connection.execute(event_mentions.insert(), mention_rows)
            recompute_event_access(connection, [r["id"] for r in event_rows])


def write_unfused(store: Store, batch: list[NewReport]) -> None:
    """Store a batch in one transaction, one event per mention."""
    now = datetime.now()
    with store._engine.begin() as connection:
        session = _OneEventPerMention(now)
        write_batch(connection, batch, {}, session)  # type: ignore[arg-type]
        session.flush(connection)
