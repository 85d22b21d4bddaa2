"""Reading events for export: every field an exporter needs, streamed in constant memory.

A million events are read in one statement on the driver's own cursor, in partitions: SQLAlchemy's
row objects and type processing cost more than the exporters themselves, so the few typed columns
(JSON lists, times) are converted here, once, as the exporters need them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine, select
from sqlalchemy.orm import aliased

from ._engine import MMAP_BYTES
from ._event_filter import event_conditions
from ._queries import EventFilter
from ._schema import actors, event_fusion, events

__all__ = ["stream_events"]

_PARTITION = 5000  # rows fetched from the driver at a time
_JSON = ("tags", "assoc_actors")
_TIMES = ("created_at", "updated_at")


def _statement(query: EventFilter, dialect: str) -> Any:
    actor1, actor2 = aliased(actors), aliased(actors)
    return (
        select(
            events,
            actor1.c.name.label("actor1"),
            actor1.c.type.label("actor1_type"),
            actor2.c.name.label("actor2"),
            actor2.c.type.label("actor2_type"),
            event_fusion.c.assoc_actors,
            event_fusion.c.notes,
            event_fusion.c.source_names,
            event_fusion.c.reports,
            event_fusion.c.independent_sources,
            event_fusion.c.reliability,
        )
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
        .outerjoin(event_fusion, event_fusion.c.event_id == events.c.id)
        .where(*event_conditions(query, dialect))
        .order_by(events.c.date, events.c.id)
    )


def stream_events(engine: Engine, query: EventFilter) -> Iterator[dict[str, Any]]:
    """Every event the filter selects, oldest first, with actor names and types and the fusion summary.

    The connection stays open while the caller consumes the iterator; rows are fetched in partitions,
    so memory does not grow with the number of events. Rows are dicts of the columns' names; JSON
    columns as lists, times as `datetime`.
    """
    with engine.connect() as connection:
        dialect = connection.dialect
        statement = _statement(query, dialect.name)
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        names = list(statement.selected_columns.keys())
        if dialect.positional:
            params: Any = [compiled.params[name] for name in compiled.positiontup or ()]
        else:
            params = compiled.params
        cursor = connection.connection.cursor()
        sqlite = dialect.name == "sqlite"
        if sqlite:
            # A whole-store scan through the memory map would count every page of the file in the process's
            # memory; through SQLite's page cache (bounded) it does not.
            cursor.execute("PRAGMA mmap_size=0")
        try:
            cursor.arraysize = _PARTITION
            cursor.execute(str(compiled), params)
            convert = _converters(names)
            while rows := cursor.fetchmany(_PARTITION):
                for row in rows:
                    item = dict(zip(names, row, strict=True))
                    for name, how in convert:
                        item[name] = how(item[name])
                    yield item
        finally:
            cursor.close()
            if sqlite:
                restore = connection.connection.cursor()
                restore.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
                restore.close()


def _converters(names: list[str]) -> list[tuple[str, Any]]:
    return [(n, _json) for n in names if n in _JSON] + [(n, _time) for n in names if n in _TIMES]


def _json(value: Any) -> Any:
    if isinstance(value, str | bytes):
        return orjson.loads(value)
    return value  # a driver that decodes JSON itself (PostgreSQL)


def _time(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value)  # SQLite keeps "YYYY-MM-DD HH:MM:SS.ffffff"
    return value
