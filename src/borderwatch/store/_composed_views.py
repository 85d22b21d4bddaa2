"""Partly visible events: each event's mentions with their report's access class, and the event composed
again from the mentions the reader may see (`annotate_events` in `_views.py` decides which events are).

An event read lists its mentions with their reports' class ids in one column (`mentions_column`), joined
with the control characters below; when the query did not carry that column they are read here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Text, select, type_coerce

from ..model import EventMention, Marking
from ._batches import in_chunks
from ._mention_rows import actor_ids, parse_mention
from ._partial_views import mentions_key, stored_views, views_apply
from ._schema import event_mentions, report_access, reports

if TYPE_CHECKING:
    from ._views import ReadContext

__all__ = ["RECORD", "UNIT", "MentionAccess", "compose_partial", "mention_access", "parse_mentions"]

UNIT, RECORD = "\x1f", "\x1e"


class MentionAccess(NamedTuple):
    event_id: str
    mention_id: str
    report_id: str
    class_id: int | None
    marking: Marking
    agency: str | None


def parse_mentions(ctx: ReadContext, event_id: str, joined: str | None) -> list[MentionAccess]:
    out = []
    unclassed = False
    for record in joined.split(RECORD) if joined else ():
        mention_id, report_id, class_text = record.split(UNIT)
        access = ctx.class_of(int(class_text)) if class_text else None
        if access is None:
            unclassed = True
            out.append(MentionAccess(event_id, mention_id, report_id, None, Marking.RED, None))
        else:
            out.append(MentionAccess(event_id, mention_id, report_id, access.id, access.marking, access.agency))
    if unclassed and ctx.visible is None:
        return mention_access([event_id], ctx).get(event_id, out)
    return out


def mention_access(event_ids: Iterable[str], ctx: ReadContext) -> dict[str, list[MentionAccess]]:
    """Each event's mentions with their report's class; marking and agency come from the cached classes,
    so that the reports' rows (long texts) are not read."""
    out: dict[str, list[MentionAccess]] = {}
    stmt = select(
        event_mentions.c.event_id, event_mentions.c.id, event_mentions.c.report_id, report_access.c.class_id
    ).select_from(event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id))
    unclassed: list[str] = []
    for chunk in in_chunks(sorted(event_ids)):
        for event_id, mention_id, report_id, class_id in ctx.connection.execute(
            stmt.where(event_mentions.c.event_id.in_(chunk))
        ):
            access = ctx.classes.get(ctx.connection, class_id)
            if access is None:
                unclassed.append(report_id)
            marking, agency = (access.marking, access.agency) if access else (Marking.RED, None)
            out.setdefault(event_id, []).append(
                MentionAccess(event_id, mention_id, report_id, class_id, marking, agency)
            )
    if unclassed and ctx.visible is None:  # only the all-seeing reader sees reports without a class
        found = dict(
            ctx.connection.execute(select(reports.c.id, reports.c.marking).where(reports.c.id.in_(unclassed))).all()
        )
        for mentions in out.values():
            for k, m in enumerate(mentions):
                if m.report_id in found:
                    mentions[k] = MentionAccess(
                        m.event_id, m.mention_id, m.report_id, None, Marking(found[m.report_id]), None
                    )
    return out


def compose_partial(ctx: ReadContext, rows: list[dict[str, Any]], partial: dict[str, list[MentionAccess]]) -> None:
    """Fields, times and actor ids of partly visible events, from their visible mentions.

    Composed views are kept in `ctx.views` under (event, updated_at, visible mentions): a view holds only
    what those mentions say, and whatever changes an event's mentions changes that key. Views missing there
    are taken from those the write path stored, and only the rest composed here.
    """
    pending: dict[str, list[MentionAccess]] = {}
    for row in rows:
        visible = partial.get(row["id"])
        if visible:
            cached = ctx.views.get(_view_key(row, visible))
            if cached is not None:
                row.update(cached)
            else:
                pending[row["id"]] = visible
    if pending and views_apply(ctx.connection, ctx.composer):
        _take_stored(ctx, [r for r in rows if r["id"] in pending], pending)
    if pending:
        _compose_pending(ctx, [r for r in rows if r["id"] in pending], pending)


def _take_stored(ctx: ReadContext, rows: list[dict[str, Any]], pending: dict[str, list[MentionAccess]]) -> None:
    """The views the write path stored (`_partial_views.py`); the events found leave `pending`."""
    found = stored_views(ctx.connection, {e: mentions_key(m.mention_id for m in ms) for e, ms in pending.items()})
    for row in rows:
        view = found.get(row["id"])
        if view is not None:
            ctx.views.put(_view_key(row, pending.pop(row["id"])), view)
            row.update(view)


def _view_key(row: dict[str, Any], visible: list[MentionAccess]) -> tuple[Any, ...]:
    return (row["id"], row["updated_at"], tuple(sorted(m.mention_id for m in visible)))


def _compose_pending(ctx: ReadContext, rows: list[dict[str, Any]], partial: dict[str, list[MentionAccess]]) -> None:
    keys = {row["id"]: _view_key(row, partial[row["id"]]) for row in rows}
    wanted = [m.mention_id for ms in partial.values() for m in ms]
    loaded: dict[str, tuple[str, EventMention]] = {}
    # The JSON as text where the driver gives it so: pydantic reads it faster than json + validation.
    text = type_coerce(event_mentions.c.mention, Text)
    stmt = select(event_mentions.c.id, event_mentions.c.report_id, text)
    for chunk in in_chunks(wanted):
        for mention_id, report_id, mention in ctx.connection.execute(stmt.where(event_mentions.c.id.in_(chunk))):
            loaded[mention_id] = (report_id, parse_mention(mention))
    report_ids = sorted({m.report_id for ms in partial.values() for m in ms})
    ingested: dict[str, Any] = {}
    for chunk in in_chunks(report_ids):
        stmt_times = select(reports.c.id, reports.c.ingested_at).where(reports.c.id.in_(chunk))
        ingested.update(ctx.connection.execute(stmt_times).all())
    views: dict[str, dict[str, Any]] = {}
    for row in rows:
        visible = partial[row["id"]]
        view = ctx.composer([loaded[m.mention_id] for m in visible if m.mention_id in loaded])
        view["created_at"] = min(ingested[m.report_id] for m in visible)
        view["updated_at"] = max(ingested[m.report_id] for m in visible)
        views[row["id"]] = view
    names = {n for view in views.values() for n in (view["actor1"], view["actor2"]) if n}
    ids = actor_ids(ctx.connection, names)
    for row in rows:
        view = views[row["id"]]
        view["actor1_id"] = ids.get(view["actor1"]) if view["actor1"] else None
        view["actor2_id"] = ids.get(view["actor2"]) if view["actor2"] else None
        ctx.views.put(keys[row["id"]], view)
        row.update(view)
