"""Reading events for export: every field an exporter needs, streamed in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import aliased

from ._event_filter import event_conditions
from ._queries import EventFilter
from ._schema import actors, event_fusion, events

__all__ = ["stream_events"]

_PARTITION = 5000  # rows fetched from the driver at a time


def stream_events(engine: Engine, query: EventFilter) -> Iterator[dict[str, Any]]:
    """Every event the filter selects, oldest first, with actor names and types and the fusion summary.

    The connection stays open while the caller consumes the iterator; rows are fetched in partitions,
    so memory does not grow with the number of events.
    """
    actor1, actor2 = aliased(actors), aliased(actors)
    stmt = (
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
        .where(*event_conditions(query))
        .order_by(events.c.date, events.c.id)
    )
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=_PARTITION).execute(stmt)
        for partition in result.partitions():
            for row in partition:
                yield row._asdict()
