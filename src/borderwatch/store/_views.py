"""Reads as a reader sees them: every list, get and count of reports and events goes through here.

An event exists for a reader when at least one of its mentions comes from a report the reader may see.
When some of its mentions come from reports the reader may not see, its fields are composed again from
the visible mentions only (`_compose.py`), its sources are the visible reports only, and its marking is
the most restrictive marking among them. Ids the reader may not see raise the same `NotFoundError` as ids
that do not exist.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Result,
    Select,
    String,
    bindparam,
    cast,
    func,
    select,
)
from sqlalchemy.orm import aliased

from ..errors import NotFoundError
from ..model import Marking
from ._access import (
    AccessClass,
    AccessClasses,
    Reader,
    event_hidden_clause,
    event_visible_clause,
    report_visible_clause,
)
from ._api_queries import event_conditions
from ._batches import in_chunks
from ._compose import Composer, view_matcher
from ._composed_views import RECORD, UNIT, MentionAccess, compose_partial, mention_access, parse_mentions
from ._queries import EventFilter, EventQuery
from ._schema import (
    actors,
    event_mentions,
    events,
    report_access,
    reports,
)

__all__ = [
    "AuditObject",
    "ReadContext",
    "ViewCache",
    "annotate_events",
    "event_filters",
    "event_select",
    "finish_event",
    "fully_visible",
    "get_event",
    "iter_event_pages",
    "list_events",
    "mentions_of",
    "partly_visible_rows",
    "reader_rows",
    "restricted",
    "row_dicts",
    "with_access",
]

_RESTRICTED = (Marking.AMBER, Marking.AMBER_STRICT, Marking.RED)
_RESTRICTED_VALUES = {m.value for m in _RESTRICTED}
_RANK = {m: i for i, m in enumerate(Marking)}


@dataclass(frozen=True)
class AuditObject:
    """One item of restricted material a read returned."""

    kind: str
    object_id: str
    marking: Marking
    agency: str | None = None


class ViewCache:
    """The last composed views of partly visible events (bounded; shared by a store's reads)."""

    def __init__(self, size: int = 20_000) -> None:
        self._views: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        with self._lock:
            found = self._views.get(key)
            if found is not None:
                self._views.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], view: dict[str, Any]) -> None:
        with self._lock:
            self._views[key] = view
            if len(self._views) > self._size:
                self._views.popitem(last=False)


@dataclass
class ReadContext:
    connection: Connection
    reader: Reader
    classes: AccessClasses
    composer: Composer
    views: ViewCache = field(default_factory=ViewCache)

    def __post_init__(self) -> None:
        # One look at the classes per read: a class added later is found by `class_of` when a row names it.
        self.class_map = self.classes.refresh(self.connection)
        self.visible = self.classes.visible_ids(self.connection, self.reader, self.class_map)
        # A reader who may see every class there is (an agency's analyst on its own installation) needs no
        # visibility test in SQL; `annotate_events` still leaves out mentions of reports without a class.
        self.every_class = self.visible is not None and len(self.visible) == self.classes.count()
        self.audit: list[AuditObject] = []

    def page_clause(self) -> ColumnElement[bool]:
        """The visibility test of a page of events (none needed when the reader sees every class)."""
        return event_visible_clause(None if self.every_class else self.visible)

    def class_of(self, class_id: int) -> AccessClass | None:
        found = self.class_map.get(class_id)
        if found is None:
            found = self.classes.get(self.connection, class_id)
        return found

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


def mentions_column(dialect: str = "sqlite") -> Any:
    """Each event's mentions as one string "mention-id US report-id US class-id RS ...": the access data
    of a page comes with the page, in the same statement (`annotate_events` reads it)."""
    item = (
        event_mentions.c.id
        + UNIT
        + event_mentions.c.report_id
        + UNIT
        + func.coalesce(cast(report_access.c.class_id, String), "")
    )
    joined = func.string_agg(item, RECORD) if dialect == "postgresql" else func.group_concat(item, RECORD)
    return (
        select(joined)
        .select_from(event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id))
        .where(event_mentions.c.event_id == events.c.id)
        .scalar_subquery()
        .label("_mentions")
    )


def event_select(dialect: str = "sqlite") -> Select[Any]:
    actor1, actor2 = aliased(actors), aliased(actors)
    return (
        select(events, actor1.c.name.label("actor1"), actor2.c.name.label("actor2"), mentions_column(dialect))
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
    )


def event_filters(stmt: Select[Any], query: EventQuery, dialect: str = "sqlite") -> Select[Any]:
    """The query's filters (the API's `event_conditions`), on the stored (fused) fields."""
    return stmt.where(*event_conditions(query, dialect))


def list_events(ctx: ReadContext, query: EventQuery) -> list[dict[str, Any]]:
    """One page of the events the reader may see that match the query, most recent first.

    A partially visible event whose composed view no longer matches the query is left out of the page, so
    a page may hold fewer than `limit` events while later pages still have some.
    """
    stmt = _PAGES.statement(ctx, query)
    bounds = {"page_limit": query.limit, "page_offset": query.offset}
    rows = annotate_events(ctx, row_dicts(ctx.connection.execute(stmt, bounds)))
    keep = _keeper(query)
    return [finish_event(ctx, row) for row in rows if keep(row)]


_ORDER = (events.c.date.desc().nulls_last(), events.c.id)


def row_dicts(result: Result[Any]) -> list[dict[str, Any]]:
    """The rows of a result as dicts (without a `RowMapping` per row: a tenth of a page's time)."""
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def page_select(conditions: list[Any], dialect: str) -> Select[Any]:
    """Events meeting `conditions`, most recent first, one page (parameters `page_limit`, `page_offset`),
    with their actors' names and mentions.

    The page's ids are chosen first and the columns and mentions read for those ids only: in the filtering
    query itself, the mentions subquery would run for every candidate event before the sort.
    """
    page = (
        select(events.c.id)
        .where(*conditions)
        .order_by(*_ORDER)
        .limit(bindparam("page_limit", type_=Integer))
        .offset(bindparam("page_offset", type_=Integer))
        .subquery("page")
    )
    actor1, actor2 = aliased(actors), aliased(actors)
    return (
        select(events, actor1.c.name.label("actor1"), actor2.c.name.label("actor2"), mentions_column(dialect))
        .select_from(page.join(events, events.c.id == page.c.id))
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
        .order_by(*_ORDER)
    )


class _PageStatements:
    """Built page statements by dialect, filters and visible classes: building one (and its cache key)
    costs as much as running a small page."""

    def __init__(self, size: int = 256) -> None:
        self._built: OrderedDict[tuple[Any, ...], Select[Any]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def statement(self, ctx: ReadContext, query: EventQuery) -> Select[Any]:
        dialect = ctx.connection.dialect.name
        visible = None if ctx.every_class or ctx.visible is None else tuple(ctx.visible)
        key = (dialect, visible, *(getattr(query, name) for name in _FILTER_FIELDS))
        with self._lock:
            found = self._built.get(key)
            if found is not None:
                self._built.move_to_end(key)
                return found
        built = page_select([*event_conditions(query, dialect), ctx.page_clause()], dialect)
        with self._lock:
            self._built[key] = built
            if len(self._built) > self._size:
                self._built.popitem(last=False)
        return built


_FILTER_FIELDS = tuple(EventFilter.model_fields)
_PAGES = _PageStatements()


def _keeper(query: Any) -> Callable[[dict[str, Any]], bool]:
    """Which rows of `annotate_events` to keep: those found visible (a row with only reports without a
    class is seen by nobody but the all-seeing reader), and, of events seen in part, those whose composed
    view still matches the query."""
    matches = view_matcher(query) if query is not None else None

    def keep(row: dict[str, Any]) -> bool:
        if not row["_visible"]:
            return False
        return not row["_partial"] or matches is None or matches(row)

    return keep


# -- for the other readers of events (the API's pages, map, timeline, directory, zones, alerts) --------


def restricted(ctx: ReadContext | None) -> bool:
    """Whether reads through `ctx` must be restricted (False: no context given, or the all-seeing reader)."""
    return ctx is not None and ctx.visible is not None


def with_access(stmt: Select[Any], ctx: ReadContext) -> Select[Any]:
    """An event select with the reader's visibility and each event's mentions for `annotate_events`."""
    return stmt.where(ctx.page_clause()).add_columns(mentions_column(ctx.connection.dialect.name))


def reader_rows(ctx: ReadContext, rows: list[dict[str, Any]], query: Any = None) -> list[dict[str, Any]]:
    """Rows of `with_access` as the reader sees them: sources, marking (also as `marking_rank`), events seen
    in part composed from their visible mentions and left out when they no longer match `query`."""
    annotated = annotate_events(ctx, rows)
    keep = _keeper(query)
    out = []
    for row in annotated:
        if not keep(row):
            continue
        finish_event(ctx, row)
        row["marking_rank"] = _RANK[Marking(row["marking"])]
        out.append(row)
    return out


def fully_visible(ctx: ReadContext) -> list[ColumnElement[bool]]:
    """Conditions for aggregates in SQL: events every report of which the reader may see (none: all-seeing)."""
    if ctx.visible is None:
        return []
    return [event_visible_clause(ctx.visible), ~event_hidden_clause(ctx.visible)]


def partly_visible_rows(ctx: ReadContext, conditions: list[Any], query: Any = None) -> list[dict[str, Any]]:
    """Events the reader sees in part, composed from their visible mentions (for aggregates in Python)."""
    if ctx.visible is None:
        return []
    stmt = event_select(ctx.connection.dialect.name).where(
        *conditions, event_visible_clause(ctx.visible), event_hidden_clause(ctx.visible)
    )
    return reader_rows(ctx, row_dicts(ctx.connection.execute(stmt)), query)


def iter_event_pages(ctx: ReadContext, query: EventQuery, chunk: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """Every event of a query (limit and offset ignored), page by page, for exports."""
    offset = 0
    stmt = _PAGES.statement(ctx, query)
    keep = _keeper(query)
    while True:
        bounds = {"page_limit": chunk, "page_offset": offset}
        raw = row_dicts(ctx.connection.execute(stmt, bounds))
        rows = annotate_events(ctx, raw)
        yield [finish_event(ctx, row) for row in rows if keep(row)]
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
    for chunk in in_chunks(event_ids):
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
    if all("_mentions" in r for r in rows):
        mentions = {r["id"]: parse_mentions(ctx, r["id"], r.pop("_mentions")) for r in rows}
    else:
        mentions = mention_access({r["id"] for r in rows}, ctx)
    everything = ctx.visible is None
    seen = ctx._visible_set
    partial: dict[str, list[MentionAccess]] = {}
    for row in rows:
        found = mentions.get(row["id"], [])
        visible = found if everything else [m for m in found if m.class_id in seen]
        if len(visible) == 1:  # most events: one mention, one report
            only = visible[0]
            report_ids, marking = [only.report_id], only.marking
        elif visible:
            report_ids = sorted({m.report_id for m in visible})
            marking = max((m.marking for m in visible), key=_RANK.__getitem__)
        else:
            report_ids, marking = [], Marking.RED
        row["sources"], row["report_ids"], row["marking"] = len(report_ids), report_ids, marking.value
        row["_partial"], row["_visible"] = len(visible) < len(found), visible
        if visible and len(visible) < len(found):
            partial[row["id"]] = visible
    if partial:
        compose_partial(ctx, rows, partial)
    return rows


def finish_event(ctx: ReadContext, row: dict[str, Any]) -> dict[str, Any]:
    """Drop the private keys of `annotate_events` and note what the reader receives."""
    del row["_partial"]
    visible: list[MentionAccess] = row.pop("_visible")
    # The restricted material is the reports: an event read is logged as the reports it was read from.
    if row["marking"] in _RESTRICTED_VALUES:
        for m in visible:
            if m.marking in _RESTRICTED:
                ctx.note("report", m.report_id, m.marking, m.agency)
    return row


def get_event(ctx: ReadContext, event_id: str) -> dict[str, Any]:
    """One event with its visible sources and their evidence; hidden and missing ids look the same."""
    row = ctx.connection.execute(
        event_select(ctx.connection.dialect.name).where(events.c.id == event_id, event_visible_clause(ctx.visible))
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
