"""Analysts' hands on fusion: split an event, merge events, re-run fusion over the store, explain an event.

Splits and merges are kept as links between mention keys (`fusion_links`) that every later fusion
run respects: a re-run, a re-extracted report, or a new report never undoes them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, or_, select, update
from sqlalchemy.orm import aliased

from ..errors import InputError, NotFoundError
from ..fuse import Decision, Fuser
from ..model import ExtractResult
from ._fusion import FusionSession, load_links
from ._schema import (
    actors,
    event_fusion,
    event_mentions,
    events,
    extractions,
    fusion_decisions,
    fusion_links,
    fusion_mentions,
    reports,
    sources,
)

__all__ = ["event_detail", "merge_events", "refuse_all", "split_event"]

_FLUSH_EVERY = 200  # reports fused between writes when fusing the whole store again


def split_event(
    connection: Connection, fuser: Fuser, event_id: str, moved: Sequence[str], by: str, now: datetime
) -> str:
    """Move the given mentions (keys, or report ids meaning all their mentions) out into a new event."""
    keys = _event_keys(connection, event_id)
    chosen = sorted({k for k, report_id in keys.items() if k in moved or report_id in moved})
    unknown = sorted(set(moved) - set(chosen) - {keys[k] for k in chosen})
    if unknown:
        raise InputError(f"event {event_id} has no mention or report {', '.join(unknown)}")
    if not chosen or len(chosen) == len(keys):
        raise InputError(f"a split must leave mentions in both parts (event {event_id} has {len(keys)})")
    staying = sorted(set(keys) - set(chosen))
    session = FusionSession(connection, fuser, now)
    # Named as a rebuild would name it: after its first mention and that mention's report day.
    day = connection.execute(select(fusion_mentions.c.anchor).where(fusion_mentions.c.key == chosen[0])).scalar_one()
    new_id = session.new_event_id(chosen[0], day)
    row = connection.execute(select(events).where(events.c.id == event_id)).one()._mapping
    connection.execute(events.insert().values({**row, "id": new_id, "created_at": now, "updated_at": now}))
    summary = connection.execute(select(event_fusion).where(event_fusion.c.event_id == event_id)).one()._mapping
    connection.execute(event_fusion.insert().values({**summary, "event_id": new_id}))
    for table, column in ((event_mentions, event_mentions.c.id), (fusion_mentions, fusion_mentions.c.key)):
        connection.execute(update(table).where(column.in_(chosen)).values(event_id=new_id))
    _unlink(connection, chosen, staying, "must")
    _link(connection, [(a, b) for a in chosen for b in staying], "cannot", by, now)
    _link(connection, list(itertools.pairwise(chosen)), "must", by, now)
    for key in chosen:
        session.record(Decision(mention=key, event_id=new_id, reason="analyst-split"), new_id, by)
    session.flush()
    session.refresher.refresh_many([event_id, new_id])
    return new_id


def merge_events(
    connection: Connection, fuser: Fuser, target: str, others: Sequence[str], by: str, now: datetime
) -> None:
    """Move every mention of `others` into `target`; the others disappear."""
    keys = list(_event_keys(connection, target))
    moved: list[str] = []
    for other in others:
        if other == target:
            raise InputError(f"cannot merge event {target} into itself")
        moved += list(_event_keys(connection, other))
    for table in (event_mentions, fusion_mentions):
        connection.execute(update(table).where(table.c.event_id.in_(list(others))).values(event_id=target))
    connection.execute(
        update(fusion_decisions).where(fusion_decisions.c.event_id.in_(list(others))).values(event_id=target)
    )
    every = sorted(keys + moved)
    _unlink(connection, every, every, "cannot")
    _link(connection, list(itertools.pairwise(every)), "must", by, now)
    session = FusionSession(connection, fuser, now)
    for key in moved:
        session.record(Decision(mention=key, event_id=target, reason="analyst-merge"), target, by)
    session.flush()
    session.refresher.refresh_many([*others, target])  # the others have no mention left: removed


def refuse_all(connection: Connection, fuser: Fuser, now: datetime) -> dict[str, int]:
    """Fuse every stored extraction again from scratch, in publication order, keeping analysts' decisions."""
    connection.execute(delete(fusion_decisions).where(fusion_decisions.c.reason.in_(["matched", "new", "ambiguous"])))
    connection.execute(delete(fusion_mentions))
    connection.execute(delete(event_mentions))
    connection.execute(delete(event_fusion))
    connection.execute(delete(events))
    session = FusionSession(connection, fuser, now, load_links(connection))
    when = func.coalesce(reports.c.published, reports.c.ingested_at)
    rows = connection.execute(
        select(reports, extractions.c.result)
        .join(extractions, extractions.c.report_id == reports.c.id)
        .order_by(when, reports.c.ingested_at, reports.c.id)
    ).all()
    mentions = 0
    for number, row in enumerate(rows, 1):
        result = ExtractResult.model_validate(row.result)
        mentions += len(
            session.fuse_report(row.id, row.published, result.events, fallback=row.ingested_at, text=row.text)
        )
        if number % _FLUSH_EVERY == 0:
            session.flush()
    session.flush()
    total = connection.execute(select(func.count()).select_from(events)).scalar_one()
    return {"reports": len(rows), "mentions": mentions, "events": int(total)}


def event_detail(connection: Connection, event_id: str) -> dict[str, Any]:
    """The event with its fields' provenance, its sources and sentences, and every fusion decision about it."""
    actor1, actor2 = aliased(actors), aliased(actors)
    row = connection.execute(
        select(events, actor1.c.name.label("actor1"), actor2.c.name.label("actor2"), event_fusion)
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
        .outerjoin(event_fusion, event_fusion.c.event_id == events.c.id)
        .where(events.c.id == event_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no event {event_id!r}")
    detail = dict(row._mapping)
    detail["mentions"] = [
        dict(m._mapping)
        for m in connection.execute(
            select(
                event_mentions.c.id,
                event_mentions.c.report_id,
                event_mentions.c.sentence,
                event_mentions.c.start,
                event_mentions.c.end,
                reports.c.published,
                reports.c.agency,
                sources.c.name.label("source"),
                sources.c.reliability,
            )
            .join(reports, reports.c.id == event_mentions.c.report_id)
            .outerjoin(sources, sources.c.id == reports.c.source_id)
            .join(fusion_mentions, fusion_mentions.c.key == event_mentions.c.id)
            .where(event_mentions.c.event_id == event_id)
            .order_by(fusion_mentions.c.seq)
        )
    ]
    detail["decisions"] = [
        dict(d._mapping)
        for d in connection.execute(
            select(fusion_decisions).where(fusion_decisions.c.event_id == event_id).order_by(fusion_decisions.c.id)
        )
    ]
    return detail


def _event_keys(connection: Connection, event_id: str) -> dict[str, str]:
    rows = connection.execute(
        select(event_mentions.c.id, event_mentions.c.report_id).where(event_mentions.c.event_id == event_id)
    ).all()
    if not rows:
        raise NotFoundError(f"no event {event_id!r}")
    return dict(rows)


def _link(connection: Connection, pairs: list[tuple[str, str]], kind: str, by: str, now: datetime) -> None:
    for a, b in pairs:
        low, high = sorted((a, b))
        exists = connection.execute(
            select(fusion_links.c.kind).where(
                fusion_links.c.mention_a == low, fusion_links.c.mention_b == high, fusion_links.c.kind == kind
            )
        ).first()
        if exists is None:
            values = {"mention_a": low, "mention_b": high, "kind": kind, "decided_at": now, "decided_by": by}
            connection.execute(fusion_links.insert().values(**values))


def _unlink(connection: Connection, left: list[str], right: list[str], kind: str) -> None:
    """Drop links of `kind` between the two sets: a new decision replaces an older contrary one."""
    a, b = fusion_links.c.mention_a, fusion_links.c.mention_b
    connection.execute(
        delete(fusion_links).where(
            fusion_links.c.kind == kind,
            or_(a.in_(left) & b.in_(right), a.in_(right) & b.in_(left)),
        )
    )
