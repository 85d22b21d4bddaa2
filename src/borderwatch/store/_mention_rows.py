"""What composing a view reads back from the store: a stored mention parsed, and the ids of named actors.

Shared by the views composed at read time (`_composed_views.py`) and those stored when events are written
(`_partial_views.py`), so that both parse and name alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from ..model import EventMention
from ._batches import in_chunks
from ._schema import actors

__all__ = ["actor_ids", "parse_mention"]


def parse_mention(value: Any) -> EventMention:
    """A stored mention: JSON text on SQLite (pydantic reads it faster than json + validation), already
    parsed by the driver on PostgreSQL. Raises pydantic's ValidationError for a row without a mention."""
    if isinstance(value, str | bytes):
        return EventMention.model_validate_json(value)
    return EventMention.model_validate(value)


def actor_ids(connection: Connection, names: Iterable[str]) -> dict[str, int]:
    """The id of each of these actor names the store knows."""
    found: dict[str, int] = {}
    for chunk in in_chunks(sorted(set(names))):
        found.update(connection.execute(select(actors.c.name, actors.c.id).where(actors.c.name.in_(chunk))).all())
    return found
