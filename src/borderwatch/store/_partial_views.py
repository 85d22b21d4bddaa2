"""Stored views of events seen in part, written when events are derived and read instead of composing.

A reader who may see only some of an event's reports sees the event composed from the visible mentions
alone (`_compose.py`). Which mentions a reader sees depends only on which of the event's access classes the
reader may see, so an event whose reports have k classes has at most 2^k - 2 such views, whoever reads.
`store_views` composes them when the event is written (for events of up to `MAX_CLASSES` classes) and
`stored_views` finds them at read time by the set of visible mentions. It also lists each such event's
classes in `event_classes`, which the reader's check of a mixed event reads (`_access.event_visible_clause`).

A view is a function of its mentions (and of their reports' ingestion times and the actors' ids), never of
who reads it, so a class that changes later leaves every stored view right; at worst a reader's set has no
stored view and is composed at read time, as before. The database's triggers (`_access_triggers.py`)
delete an event's views whenever one of its mentions is written, moved or deleted, or one of its reports'
times changes, so a write path that does not call `store_views` leaves fewer views, never a stale one.
Views are those of `compose_mentions`: a store given another composer composes at read time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import combinations
from typing import Any, NamedTuple

import orjson
from pydantic import ValidationError
from sqlalchemy import Connection, Text, delete, select, type_coerce

from ..model import EventMention
from ._access_triggers import GUARDED_DIALECTS
from ._batches import in_chunks
from ._compose import Composer, compose_mentions
from ._fusion_bulk import bulk_insert
from ._mention_rows import actor_ids, parse_mention
from ._schema import event_classes, event_mentions, event_views, events, report_access, reports

__all__ = ["MAX_CLASSES", "mentions_key", "store_views", "stored_views", "views_apply"]

MAX_CLASSES = 3  # an event of more classes (2^k - 2 views) is composed at read time
_TIMES = ("created_at", "updated_at")


class _Stored(NamedTuple):
    mention_id: str
    report_id: str
    class_id: int | None
    mention: EventMention
    ingested_at: datetime


def mentions_key(mention_ids: Iterable[str]) -> str:
    """The key of a view: its mentions' ids, in order, hashed (an event may have many mentions)."""
    return hashlib.sha256("\x1f".join(sorted(mention_ids)).encode()).hexdigest()


def views_apply(connection: Connection, composer: Composer) -> bool:
    """Whether stored views serve reads here: a database whose triggers keep them, the default composer."""
    return composer is compose_mentions and connection.dialect.name in GUARDED_DIALECTS


def store_views(connection: Connection, event_ids: Sequence[str]) -> None:
    """Compose and store the views of these events that readers may see in part, and list the classes of
    each event whose reports have several (`event_classes`); what was stored for them before is deleted.

    Call after the events' mentions are written: writing a mention deletes its event's views and classes."""
    if connection.dialect.name not in GUARDED_DIALECTS:
        return
    ids = sorted(set(event_ids))
    mention_text = type_coerce(event_mentions.c.mention, Text)
    mixed = select(events.c.id).where(events.c.access_class.is_(None))
    stmt = (
        select(
            event_mentions.c.event_id,
            event_mentions.c.id,
            event_mentions.c.report_id,
            report_access.c.class_id,
            mention_text,
            reports.c.ingested_at,
        )
        .select_from(
            event_mentions.join(reports, reports.c.id == event_mentions.c.report_id).outerjoin(
                report_access, report_access.c.report_id == event_mentions.c.report_id
            )
        )
        .order_by(event_mentions.c.event_id, event_mentions.c.id)
    )
    for chunk in in_chunks(ids):
        connection.execute(delete(event_views).where(event_views.c.event_id.in_(chunk)))
        connection.execute(delete(event_classes).where(event_classes.c.event_id.in_(chunk)))
        by_event: dict[str, list[_Stored]] = {}
        unreadable: set[str] = set()
        classes: set[tuple[str, int]] = set()
        rows = connection.execute(stmt.where(event_mentions.c.event_id.in_(mixed.where(events.c.id.in_(chunk)))))
        for event_id, mention_id, report_id, class_id, text, ingested in rows:
            if class_id is not None:
                classes.add((event_id, class_id))
            try:
                parsed = parse_mention(text)
            except ValidationError:  # a bulk-loaded row without its mention: composed at read time
                unreadable.add(event_id)
                continue
            by_event.setdefault(event_id, []).append(_Stored(mention_id, report_id, class_id, parsed, ingested))
        views = [v for e, ms in by_event.items() if e not in unreadable for v in _views_of(e, ms)]
        _give_actor_ids(connection, views)
        bulk_insert(connection, event_views, views)
        bulk_insert(connection, event_classes, [{"event_id": e, "class_id": k} for e, k in sorted(classes)])


def _views_of(event_id: str, mentions: list[_Stored]) -> Iterable[dict[str, Any]]:
    """The event's view for each combination of its classes that leaves some of its mentions out."""
    classes = sorted({m.class_id for m in mentions if m.class_id is not None})
    if len(classes) > MAX_CLASSES:
        return
    seen: set[str] = set()
    for size in range(1, len(classes) + 1):
        for chosen in combinations(classes, size):
            visible = [m for m in mentions if m.class_id in chosen]
            key = mentions_key(m.mention_id for m in visible)
            if len(visible) == len(mentions) or key in seen:
                continue  # seen whole (no view needed), or the same mentions as another combination
            seen.add(key)
            view = compose_mentions([(m.report_id, m.mention) for m in visible])
            view["created_at"] = min(m.ingested_at for m in visible).isoformat()
            view["updated_at"] = max(m.ingested_at for m in visible).isoformat()
            yield {"event_id": event_id, "mentions_key": key, "view": view}


def _give_actor_ids(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Each view's actors' ids, as reads compose them. A view naming an actor the store does not know yet is
    not kept (the actor's id, added later, would be missing from it)."""
    ids = actor_ids(connection, (n for r in rows for n in (r["view"]["actor1"], r["view"]["actor2"]) if n))
    kept = []
    for row in rows:
        view = row["view"]
        if any(view[k] and view[k] not in ids for k in ("actor1", "actor2")):
            continue
        view["actor1_id"] = ids[view["actor1"]] if view["actor1"] else None
        view["actor2_id"] = ids[view["actor2"]] if view["actor2"] else None
        kept.append(row)
    rows[:] = kept


def stored_views(connection: Connection, wanted: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The stored views of these events (event id -> the key of its visible mentions), by event id."""
    found: dict[str, dict[str, Any]] = {}
    # Only the wanted views are parsed (as text, by orjson: most of the cost is parsing). The keys are not
    # bound as a second IN list: SQLite would look up every pair of the two lists.
    stmt = select(event_views.c.event_id, event_views.c.mentions_key, type_coerce(event_views.c.view, Text))
    for chunk in in_chunks(sorted(wanted)):
        for event_id, key, text in connection.execute(stmt.where(event_views.c.event_id.in_(chunk))):
            if wanted[event_id] == key:
                view = orjson.loads(text) if isinstance(text, str | bytes) else text
                for name in _TIMES:
                    view[name] = datetime.fromisoformat(view[name])
                found[event_id] = view
    return found
