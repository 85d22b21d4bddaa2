"""Fusion's own reads (an event's provenance, exports, sources) as a reader sees them.

The all-seeing reader gets fusion's rows as stored. Anyone else gets events through `_views`: only events
with a visible mention, fields of partly visible events composed from the visible mentions alone, and of
fusion's summary only what the visible reports say (their sources, their number); what came from hidden
reports (notes, associated actors, merge decisions about hidden mentions) is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from . import _views
from ._access import report_visible_clause
from ._api_queries import event_detail as screen_event_detail
from ._fusion_analyst import event_detail
from ._queries import EventFilter
from ._schema import actors, event_fusion, reports, sources

__all__ = ["visible_event_rows", "visible_provenance", "visible_sources"]

_SUMMARY = ("assoc_actors", "notes", "source_names", "reports", "independent_sources", "reliability")


def visible_provenance(ctx: _views.ReadContext, event_id: str) -> dict[str, Any]:
    """`events show`: the event with its sources and fusion decisions, as the reader may see them."""
    if ctx.visible is None:
        return event_detail(ctx.connection, event_id)
    seen = screen_event_detail(ctx.connection, event_id, ctx)  # NotFoundError when hidden, like missing
    detail = event_detail(ctx.connection, event_id)
    visible = {m["id"] for m in seen["mentions"]}
    if {m["id"] for m in detail["mentions"]} <= visible:
        return detail
    for name in ("event_type", "sub_event_type", "date", "time_precision", "fatalities", "confidence"):
        detail[name] = seen[name]
    detail["tags"] = seen["tags"]
    detail["actor1"] = (seen["actor1"] or {}).get("name")
    detail["actor2"] = (seen["actor2"] or {}).get("name")
    location = seen["location"]
    detail.update({k: location[k] for k in ("geonameid", "lat", "lon", "country", "admin1", "geo_precision")})
    detail.update(location_name=location["name"], border=location["border"], border_km=location["border_km"])
    detail["mentions"] = [m for m in detail["mentions"] if m["id"] in visible]
    detail["decisions"] = [_visible_decision(d, visible) for d in detail["decisions"] if d["mention_key"] in visible]
    names = sorted({m["source"] for m in detail["mentions"] if m["source"]})
    detail.update(
        source_groups=[[r] for r in sorted({m["report_id"] for m in detail["mentions"]})],
        provenance={},
        assoc_actors=[],
        notes="",
        source_names="; ".join(names),
        reliability=None,
        reports=seen["sources"],
        independent_sources=seen["sources"],
    )
    return detail


def _visible_decision(decision: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    """A decision about a visible mention; its explanation only when it compared with a visible one (the
    features' details quote the other mention's place, actors and numbers)."""
    explanation = decision.get("explanation") or {}
    against = (explanation.get("best") or {}).get("against")
    if against is not None and against not in visible:
        return {**decision, "explanation": None}
    return decision


def visible_event_rows(ctx: _views.ReadContext, query: EventFilter) -> Iterator[dict[str, Any]]:
    """Export rows (the shape of `_export.stream_events`) of the events the reader may see, page by page."""
    for page in _views.iter_event_pages(ctx, query):  # type: ignore[arg-type]
        if not page:
            continue
        ids = [row["id"] for row in page]
        summaries = {
            r.event_id: dict(r._mapping)
            for r in ctx.connection.execute(select(event_fusion).where(event_fusion.c.event_id.in_(ids)))
        }
        actor_ids = {row[k] for row in page for k in ("actor1_id", "actor2_id") if row.get(k) is not None}
        types = dict(
            ctx.connection.execute(select(actors.c.id, actors.c.type).where(actors.c.id.in_(sorted(actor_ids)))).all()
        )
        for row in page:
            yield _export_row(ctx, row, summaries.get(row["id"]), types)


def _export_row(
    ctx: _views.ReadContext, row: dict[str, Any], summary: dict[str, Any] | None, types: dict[int, Any]
) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k not in ("report_ids", "sources", "marking")}
    item["actor1_type"] = types.get(row.get("actor1_id"))
    item["actor2_type"] = types.get(row.get("actor2_id"))
    whole = summary is not None and summary["reports"] == row["sources"]
    if whole:
        item.update({k: summary[k] for k in _SUMMARY})  # type: ignore[index]
    else:
        names = ctx.connection.execute(
            select(sources.c.name)
            .join(reports, reports.c.source_id == sources.c.id)
            .where(reports.c.id.in_(row["report_ids"]))
            .distinct()
        ).scalars()
        item.update(
            assoc_actors=[],
            notes="",
            source_names="; ".join(sorted(names)),
            reliability=None,
            reports=row["sources"],
            independent_sources=row["sources"],
        )
    return item


def visible_sources(ctx: _views.ReadContext) -> list[dict[str, Any]]:
    """Sources with at least one report the reader may see."""
    stmt = select(sources).order_by(sources.c.name)
    if ctx.visible is not None:
        has_visible = (
            select(reports.c.id)
            .where(reports.c.source_id == sources.c.id, report_visible_clause(ctx.visible, reports.c.id))
            .exists()
        )
        stmt = stmt.where(has_visible)
    return [dict(r._mapping) for r in ctx.connection.execute(stmt)]
