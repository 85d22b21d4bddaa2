"""Reads as a reader sees them: every list, get and count of reports and events goes through here.

An event exists for a reader when at least one of its mentions comes from a report the reader may see.
When some of its mentions come from reports the reader may not see, its fields are composed again from
the visible mentions only (`_compose.py`), its sources are the visible reports only, and its marking is
the most restrictive marking among them. Ids the reader may not see raise the same `NotFoundError` as ids
that do not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select
from sqlalchemy.orm import aliased

from ..errors import NotFoundError
from ..model import EventMention, Marking
from ._access import AccessClasses, Reader, event_visible_clause, report_visible_clause
from ._compose import Composer, view_matches
from ._queries import EventQuery, ReportQuery
from ._schema import (
    actors,
    event_mentions,
    events,
    extractions,
    report_access,
    report_links,
    reports,
    sources,
)

__all__ = [
    "AuditObject",
    "ReadContext",
    "annotate_events",
    "count",
    "event_filters",
    "event_select",
    "finish_event",
    "get_event",
    "get_report",
    "iter_event_pages",
    "list_events",
    "list_reports",
    "mentions_of",
]

_IN_CHUNK = 500
_RESTRICTED = (Marking.AMBER, Marking.AMBER_STRICT, Marking.RED)


@dataclass(frozen=True)
class AuditObject:
    """One item of restricted material a read returned."""

    kind: str
    object_id: str
    marking: Marking
    agency: str | None = None


@dataclass
class ReadContext:
    connection: Connection
    reader: Reader
    classes: AccessClasses
    composer: Composer

    def __post_init__(self) -> None:
        self.visible = self.classes.visible_ids(self.connection, self.reader)
        self.audit: list[AuditObject] = []

    def sees(self, class_id: int | None) -> bool:
        if self.visible is None:
            return True
        return class_id is not None and class_id in self._visible_set

    @property
    def _visible_set(self) -> set[int]:
        cached = getattr(self, "_vset", None)
        if cached is None:
            cached = set(self.visible or ())
            self._vset = cached
        return cached

    def note(self, kind: str, object_id: str, marking: Marking, agency: str | None = None) -> None:
        if marking in _RESTRICTED:
            self.audit.append(AuditObject(kind, object_id, marking, agency))


# -- events -----------------------------------------------------------------------------------------


def event_select() -> Select[Any]:
    actor1, actor2 = aliased(actors), aliased(actors)
    return (
        select(events, actor1.c.name.label("actor1"), actor2.c.name.label("actor2"))
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
    )


def event_filters(stmt: Select[Any], query: EventQuery) -> Select[Any]:
    if query.since:
        stmt = stmt.where(events.c.date >= query.since.isoformat())
    if query.until:
        stmt = stmt.where(events.c.date <= query.until.isoformat())
    if query.country:
        stmt = stmt.where(events.c.country == query.country.upper())
    if query.event_type:
        wanted = query.event_type.casefold()
        stmt = stmt.where(or_(func.lower(events.c.event_type) == wanted, func.lower(events.c.sub_event_type) == wanted))
    if query.border:
        stmt = stmt.where(events.c.border == query.border.upper())
    if query.max_border_km is not None:
        stmt = stmt.where(events.c.border_km <= query.max_border_km)
    return stmt


def list_events(ctx: ReadContext, query: EventQuery) -> list[dict[str, Any]]:
    """One page of the events the reader may see that match the query, most recent first.

    A partially visible event whose composed view no longer matches the query is left out of the page, so
    a page may hold fewer than `limit` events while later pages still have some.
    """
    stmt = (
        event_filters(event_select(), query)
        .where(event_visible_clause(ctx.visible))
        .order_by(events.c.date.desc().nulls_last(), events.c.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    rows = annotate_events(ctx, [dict(r._mapping) for r in ctx.connection.execute(stmt)])
    return [finish_event(ctx, row) for row in rows if not row["_partial"] or view_matches(query, row)]


def iter_event_pages(ctx: ReadContext, query: EventQuery, chunk: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """Every event of a query (limit and offset ignored), page by page, for exports."""
    offset = 0
    base = (
        event_filters(event_select(), query)
        .where(event_visible_clause(ctx.visible))
        .order_by(events.c.date.desc().nulls_last(), events.c.id)
    )
    while True:
        raw = [dict(r._mapping) for r in ctx.connection.execute(base.limit(chunk).offset(offset))]
        rows = annotate_events(ctx, raw)
        yield [finish_event(ctx, row) for row in rows if not row["_partial"] or view_matches(query, row)]
        if len(raw) < chunk:
            return
        offset += chunk


def mentions_of(ctx: ReadContext, event_ids: list[str]) -> dict[str, set[str]]:
    """For these events: each visible report and the ids of its mentions in them."""
    out: dict[str, set[str]] = {}
    mention_id = event_mentions.c.mention["id"].as_string()
    stmt = select(event_mentions.c.report_id, mention_id).where(
        report_visible_clause(ctx.visible, event_mentions.c.report_id)
    )
    for chunk in _chunks(event_ids):
        for report_id, mid in ctx.connection.execute(stmt.where(event_mentions.c.event_id.in_(chunk))):
            out.setdefault(report_id, set()).add(mid)
    return out


def annotate_events(ctx: ReadContext, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each event row its visible sources and marking, and compose partially visible ones again.

    Rows must be events the reader may see (the query had `event_visible_clause`). Each row gains
    `sources` (number of visible reports), `report_ids` and `marking`, plus `_partial` and `_visible` for
    the caller only: `finish_event` removes them (they say that something is hidden) and notes the
    restricted material for the audit log.
    """
    if not rows:
        return rows
    mentions = _mention_access({r["id"] for r in rows}, ctx)
    partial: dict[str, list[str]] = {}
    for row in rows:
        visible = [m for m in mentions.get(row["id"], []) if ctx.sees(m.class_id)]
        hidden = len(mentions.get(row["id"], [])) - len(visible)
        report_ids = sorted({m.report_id for m in visible})
        marking = max((m.marking for m in visible), key=lambda k: k.rank, default=Marking.RED)
        row.update(sources=len(report_ids), report_ids=report_ids, marking=marking.value)
        row.update(_partial=hidden > 0, _visible=visible)
        if hidden:
            partial[row["id"]] = [m.mention_id for m in visible]
            row["created_at"] = min(m.ingested_at for m in visible)
            row["updated_at"] = max(m.ingested_at for m in visible)
    if partial:
        _compose_partial(ctx, rows, partial)
    return rows


def finish_event(ctx: ReadContext, row: dict[str, Any]) -> dict[str, Any]:
    """Drop the private keys of `annotate_events` and note what the reader receives."""
    row.pop("_partial", None)
    visible: list[_MentionAccess] = row.pop("_visible", [])
    ctx.note("event", row["id"], Marking(row["marking"]))
    for m in {m.report_id: m for m in visible}.values():
        ctx.note("report", m.report_id, m.marking, m.agency)
    return row


@dataclass(frozen=True)
class _MentionAccess:
    event_id: str
    mention_id: str
    report_id: str
    class_id: int | None
    marking: Marking
    agency: str
    ingested_at: Any


def _mention_access(event_ids: Iterable[str], ctx: ReadContext) -> dict[str, list[_MentionAccess]]:
    out: dict[str, list[_MentionAccess]] = {}
    stmt = select(
        event_mentions.c.event_id,
        event_mentions.c.id,
        event_mentions.c.report_id,
        report_access.c.class_id,
        reports.c.marking,
        reports.c.agency,
        reports.c.ingested_at,
    ).select_from(
        event_mentions.join(reports, reports.c.id == event_mentions.c.report_id).outerjoin(
            report_access, report_access.c.report_id == event_mentions.c.report_id
        )
    )
    for chunk in _chunks(sorted(event_ids)):
        for row in ctx.connection.execute(stmt.where(event_mentions.c.event_id.in_(chunk))):
            item = _MentionAccess(row[0], row[1], row[2], row[3], Marking(row[4]), row[5], row[6])
            out.setdefault(item.event_id, []).append(item)
    return out


def _compose_partial(ctx: ReadContext, rows: list[dict[str, Any]], partial: dict[str, list[str]]) -> None:
    wanted = [mid for ids in partial.values() for mid in ids]
    loaded: dict[str, tuple[str, EventMention]] = {}
    stmt = select(event_mentions.c.id, event_mentions.c.report_id, event_mentions.c.mention)
    for chunk in _chunks(wanted):
        for mention_id, report_id, mention in ctx.connection.execute(stmt.where(event_mentions.c.id.in_(chunk))):
            loaded[mention_id] = (report_id, EventMention.model_validate(mention))
    names: set[str] = set()
    for row in rows:
        if row["id"] in partial:
            row.update(ctx.composer([loaded[mid] for mid in partial[row["id"]] if mid in loaded]))
            names.update(n for n in (row["actor1"], row["actor2"]) if n)
    ids = _actor_ids(ctx.connection, names)
    for row in rows:
        if row["id"] in partial:
            row["actor1_id"] = ids.get(row["actor1"]) if row["actor1"] else None
            row["actor2_id"] = ids.get(row["actor2"]) if row["actor2"] else None


def _actor_ids(connection: Connection, names: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(names)):
        rows = connection.execute(select(actors.c.name, actors.c.id).where(actors.c.name.in_(chunk))).tuples()
        found.update(dict(rows.all()))
    return found


def get_event(ctx: ReadContext, event_id: str) -> dict[str, Any]:
    """One event with its visible sources and their evidence; hidden and missing ids look the same."""
    row = ctx.connection.execute(
        event_select().where(events.c.id == event_id, event_visible_clause(ctx.visible))
    ).first()
    if row is None:
        raise NotFoundError(f"no event {event_id!r}")
    result = finish_event(ctx, annotate_events(ctx, [dict(row._mapping)])[0])
    evidence = ctx.connection.execute(
        select(
            event_mentions.c.report_id,
            event_mentions.c.sentence,
            event_mentions.c.start,
            event_mentions.c.end,
            reports.c.title,
            reports.c.agency,
            reports.c.marking,
        )
        .select_from(event_mentions.join(reports, reports.c.id == event_mentions.c.report_id))
        .where(event_mentions.c.event_id == event_id, event_mentions.c.report_id.in_(result["report_ids"]))
        .order_by(event_mentions.c.report_id, event_mentions.c.start)
    )
    result["evidence"] = [dict(r._mapping) for r in evidence]
    return result


# -- reports ----------------------------------------------------------------------------------------


def list_reports(ctx: ReadContext, query: ReportQuery) -> list[dict[str, Any]]:
    when = func.coalesce(reports.c.published, reports.c.ingested_at)
    stmt = (
        select(
            reports.c.id,
            reports.c.kind,
            reports.c.title,
            reports.c.published,
            reports.c.ingested_at,
            sources.c.name.label("source"),
            reports.c.agency,
            reports.c.marking,
            reports.c.sharing_groups,
            reports.c.origin,
            select(func.count())
            .select_from(event_mentions)
            .where(event_mentions.c.report_id == reports.c.id)
            .scalar_subquery()
            .label("events"),
        )
        .outerjoin(sources, sources.c.id == reports.c.source_id)
        .where(report_visible_clause(ctx.visible, reports.c.id))
        .order_by(when.desc(), reports.c.id)
        .limit(query.limit)
        .offset(query.offset)
    )
    if query.since:
        stmt = stmt.where(when >= query.since)
    if query.until:
        stmt = stmt.where(when < query.until)
    if query.kind:
        stmt = stmt.where(reports.c.kind == query.kind)
    if query.country:
        # The report's own mentions: a fused event's country may come from a report the reader may not see.
        country = event_mentions.c.mention["location"]["country"].as_string()
        in_country = select(event_mentions.c.report_id).where(country == query.country.upper())
        stmt = stmt.where(reports.c.id.in_(in_country))
    rows = [dict(r._mapping) for r in ctx.connection.execute(stmt)]
    for row in rows:
        ctx.note("report", row["id"], Marking(row["marking"]), row["agency"])
    return rows


def get_report(ctx: ReadContext, report_id: str) -> dict[str, Any]:
    row = ctx.connection.execute(
        select(reports, sources.c.name.label("source"))
        .outerjoin(sources, sources.c.id == reports.c.source_id)
        .where(reports.c.id == report_id, report_visible_clause(ctx.visible, reports.c.id))
    ).first()
    if row is None:
        raise NotFoundError(f"no report {report_id!r}")
    result = dict(row._mapping)
    links = ctx.connection.execute(
        select(report_links.c.other_id, report_links.c.similarity).where(
            report_links.c.report_id == report_id, report_visible_clause(ctx.visible, report_links.c.other_id)
        )
    )
    result["near_duplicates"] = [{"report_id": o, "similarity": s} for o, s in links]
    result["extraction"] = ctx.connection.execute(
        select(extractions.c.result).where(extractions.c.report_id == report_id)
    ).scalar()
    ctx.note("report", report_id, Marking(result["marking"]), result["agency"])
    return result


def count(ctx: ReadContext, what: str) -> int:
    """How many reports, events or event mentions the reader may see."""
    if what == "reports":
        stmt = select(func.count()).select_from(reports).where(report_visible_clause(ctx.visible, reports.c.id))
    elif what == "events":
        stmt = select(func.count()).select_from(events).where(event_visible_clause(ctx.visible))
    elif what == "event_mentions":
        stmt = (
            select(func.count())
            .select_from(event_mentions)
            .where(report_visible_clause(ctx.visible, event_mentions.c.report_id))
        )
    else:
        raise ValueError(f"cannot count {what!r}")
    return int(ctx.connection.execute(stmt).scalar_one())


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]
