"""Bulk loading of already-coded events (generated benchmark data, imports of coded datasets).

The normal write path stores reports and fuses their mentions one by one; this one inserts rows
that are already events, each with one mention in a given report, in large executemany batches.
Zones are not checked (call `Store.events_changed` for rows that should raise alerts).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert

from ._access import recompute_event_access
from ._schema import event_mentions, events

__all__ = ["EVENT_COLUMNS", "bulk_insert_events"]

EVENT_COLUMNS = tuple(c.name for c in events.columns)


def bulk_insert_events(connection: Connection, rows: Sequence[dict[str, Any]], report_id: str, now: datetime) -> None:
    """Insert event rows (the `events` table's columns; times default to now), each cited by `report_id`."""
    full = [{**dict.fromkeys(EVENT_COLUMNS), "tags": [], "created_at": now, "updated_at": now, **r} for r in rows]
    connection.execute(insert(events), full)
    connection.execute(insert(event_mentions), list(_mentions(full, report_id)))
    recompute_event_access(connection, [r["id"] for r in full])


def _mentions(rows: Iterable[dict[str, Any]], report_id: str) -> Iterable[dict[str, Any]]:
    for row in rows:
        sentence = f"{row['sub_event_type']} at {row.get('location_name') or 'an unknown place'}."
        yield {"id": row["id"], "event_id": row["id"], "report_id": report_id, "sentence": sentence, "start": 0,
               "end": len(sentence), "mention": {}}  # fmt: skip
