"""Keeping fused events true to their mentions: re-deriving fields and corroboration, removing mentions.

Every change to an event's mentions (a new mention, a deleted or re-extracted report, an analyst's
split or merge, a source's new reliability) ends in `refresh_event`, which derives the event's fields
from what is stored now by the `Fuser`'s rules, or deletes the event when no mention is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from ..fuse import Corroboration, FusedFields, Fuser, ReportSource, SourcedMention
from ..model import Actor, EventMention
from ._schema import (
    actors,
    event_fusion,
    event_mentions,
    events,
    fusion_decisions,
    fusion_mentions,
    report_links,
    reports,
    sources,
)

__all__ = ["DEFAULT_AGENCY", "actor_id", "independence_key", "refresh_event", "remove_report_mentions"]

DEFAULT_AGENCY = "local"  # reports ingested for no agency in particular: their outlet is the source


def refresh_event(connection: Connection, fuser: Fuser, event_id: str, now: datetime) -> bool:
    """Derive the event's fields and confidence from its stored mentions; False when it had none and is gone."""
    rows = connection.execute(
        select(event_mentions.c.id, event_mentions.c.report_id, event_mentions.c.mention)
        .join(fusion_mentions, fusion_mentions.c.key == event_mentions.c.id)
        .where(event_mentions.c.event_id == event_id)
        .order_by(fusion_mentions.c.seq)
    ).all()
    if not rows:
        connection.execute(delete(fusion_decisions).where(fusion_decisions.c.event_id == event_id))
        connection.execute(delete(events).where(events.c.id == event_id))
        return False
    mentions = [SourcedMention(key, report_id, EventMention.model_validate(m)) for key, report_id, m in rows]
    fields = fuser.derive(mentions)
    corroboration, names = _corroboration(connection, fuser, mentions)
    values = {**_event_values(connection, fields, now), "confidence": corroboration.confidence}
    connection.execute(update(events).where(events.c.id == event_id).values(**values))
    summary = {
        "provenance": fields.provenance,
        "assoc_actors": [a.model_dump(mode="json") for a in fields.assoc_actors],
        "notes": fields.notes,
        "source_names": "; ".join(names),
        "reports": corroboration.reports,
        "independent_sources": corroboration.independent_sources,
        "source_groups": corroboration.groups,
        "reliability": corroboration.reliability,
    }
    done = connection.execute(update(event_fusion).where(event_fusion.c.event_id == event_id).values(**summary))
    if done.rowcount == 0:
        connection.execute(event_fusion.insert().values(event_id=event_id, **summary))
    return True


def remove_report_mentions(connection: Connection, fuser: Fuser, report_ids: Iterable[str], now: datetime) -> set[str]:
    """Take the reports' mentions out of their events and refresh those; returns the events that changed."""
    ids = list(report_ids)
    if not ids:
        return set()
    touched = set(
        connection.execute(
            select(event_mentions.c.event_id).where(event_mentions.c.report_id.in_(ids)).distinct()
        ).scalars()
    )
    keys = select(event_mentions.c.id).where(event_mentions.c.report_id.in_(ids))
    connection.execute(delete(fusion_decisions).where(fusion_decisions.c.mention_key.in_(keys)))
    connection.execute(delete(fusion_mentions).where(fusion_mentions.c.report_id.in_(ids)))
    connection.execute(delete(event_mentions).where(event_mentions.c.report_id.in_(ids)))
    for event_id in sorted(touched):
        refresh_event(connection, fuser, event_id, now)
    return touched


def actor_id(connection: Connection, actor: Actor | None) -> int | None:
    if actor is None:
        return None
    found = connection.execute(select(actors.c.id).where(actors.c.name == actor.name)).scalar()
    if found is not None:
        return int(found)
    row = {"name": actor.name, "type": int(actor.type) if actor.type else None, "country": actor.country}
    return int(connection.execute(actors.insert().values(**row)).inserted_primary_key[0])


def _event_values(connection: Connection, fields: FusedFields, now: datetime) -> dict[str, Any]:
    location = fields.location
    return {
        "event_type": fields.event_type.value,
        "sub_event_type": fields.sub_event_type,
        "tags": fields.tags,
        "date": fields.date,
        "time_precision": fields.time_precision,
        "actor1_id": actor_id(connection, fields.actor1),
        "actor2_id": actor_id(connection, fields.actor2),
        "location_name": location.name if location else None,
        "geonameid": str(location.geonameid) if location and location.geonameid is not None else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "country": location.country.upper() if location and location.country else None,
        "admin1": location.admin1 if location else None,
        "geo_precision": location.geo_precision if location else None,
        "border": location.border if location else None,
        "border_km": location.border_km if location else None,
        "fatalities": fields.fatalities,
        "updated_at": now,
    }


def _corroboration(
    connection: Connection, fuser: Fuser, mentions: list[SourcedMention]
) -> tuple[Corroboration, list[str]]:
    report_ids = sorted({m.report_id for m in mentions})
    rows = connection.execute(
        select(reports.c.id, reports.c.agency, sources.c.name, sources.c.reliability)
        .outerjoin(sources, sources.c.id == reports.c.source_id)
        .where(reports.c.id.in_(report_ids))
    ).all()
    info = {r.id: r for r in rows}
    confidence: dict[str, float] = {}
    for m in mentions:
        confidence[m.report_id] = max(confidence.get(m.report_id, 0.0), m.mention.confidence)
    report_sources = [
        ReportSource(
            report_id=rid,
            independence_key=independence_key(rid, info[rid].agency, info[rid].name) if rid in info else rid,
            reliability=info[rid].reliability if rid in info else None,
            confidence=confidence[rid],
            source_name=info[rid].name if rid in info else None,
        )
        for rid in report_ids
    ]
    links: list[tuple[str, str]] = []
    if len(report_ids) > 1:
        links = [
            (a, b)
            for a, b in connection.execute(
                select(report_links.c.report_id, report_links.c.other_id).where(
                    report_links.c.report_id.in_(report_ids), report_links.c.other_id.in_(report_ids)
                )
            )
        ]
    names = sorted({s.source_name for s in report_sources if s.source_name})
    return fuser.corroborate(report_sources, links), names


def independence_key(report_id: str, agency: str | None, source_name: str | None) -> str:
    """Reports with one key are one source: their agency, or their outlet when filed for no agency."""
    if agency and agency != DEFAULT_AGENCY:
        return f"agency:{agency}"
    if source_name:
        return f"source:{source_name}"
    return f"report:{report_id}"
