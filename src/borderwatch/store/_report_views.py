"""Reads of reports as a reader sees them: lists, one report with its extraction and near-duplicates, counts.

A report the reader may not see raises the same `NotFoundError` as one that does not exist.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..errors import NotFoundError
from ..model import Marking
from ._access import event_visible_clause, report_visible_clause
from ._queries import ReportQuery
from ._schema import event_mentions, events, extractions, report_links, reports, sources
from ._views import ReadContext

__all__ = ["count", "get_report", "list_reports", "report_for_reader"]

# Kept for ingest's bookkeeping (duplicate detection, the bytes as received) and extraction's raw result, which
# the report's events present: what `get_report` reads but a reader is not shown.
_BOOKKEEPING = frozenset({"raw", "minhash", "content_hash", "source_id", "extraction"})


def report_for_reader(report: dict[str, Any]) -> dict[str, Any]:
    """A report read by `get_report` as the API and `reports show` present it: bookkeeping left out, sharing
    groups a list."""
    shown = {key: value for key, value in report.items() if key not in _BOOKKEEPING}
    shown["sharing_groups"] = list(shown.get("sharing_groups") or [])
    return shown


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
