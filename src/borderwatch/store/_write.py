"""The write path: reports with their near-duplicate bands and links, extractions, events and evidence.

Everything here runs inside the caller's transaction, so a batch is stored whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from ..model import Actor, EventMention, ExtractResult, Report
from ._access import record_report_access
from ._exchange import Provenance, record_exchange
from ._schema import (
    actors,
    event_mentions,
    events,
    extractions,
    places,
    report_bands,
    report_links,
    reports,
    sources,
)

__all__ = ["NewReport", "insert_ignoring_conflicts", "write_report"]


@dataclass
class NewReport:
    """A report to store, with what ingest worked out about it."""

    report: Report
    signature: bytes | None = None
    band_keys: list[int] = field(default_factory=list)
    near_duplicates: list[tuple[str, float]] = field(default_factory=list)
    extraction: ExtractResult | None = None
    provenance: Provenance | None = None  # set for reports received from another installation


def insert_ignoring_conflicts(connection: Connection, table: Table, keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING in the connection's dialect."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=keys)


def write_report(connection: Connection, item: NewReport, source_ids: dict[str, int]) -> bool:
    """Store one report; False when a report with the same content is already there."""
    report = item.report
    now = datetime.now(UTC).replace(tzinfo=None)
    values = {
        "id": report.id,
        "content_hash": report.content_hash,
        "kind": report.kind.value,
        "title": report.title,
        "text": report.text,
        "raw": report.raw,
        "source_id": _source_id(connection, report, source_ids),
        "url": report.url,
        "origin": report.origin,
        "published": _naive_utc(report.published),
        "ingested_at": now,
        "agency": report.agency,
        "marking": report.marking.value,
        "sharing_groups": list(report.sharing_groups),
        "post_id": report.post_id,
        "lat": report.position.lat if report.position else None,
        "lon": report.position.lon if report.position else None,
        "category": report.category,
        "minhash": item.signature,
    }
    inserted = connection.execute(insert_ignoring_conflicts(connection, reports, ["content_hash"]), values)
    if inserted.rowcount == 0:
        return False
    # Sharing: every report gets its access class and its place in the exchange index with it.
    provenance = item.provenance
    record_report_access(
        connection, report, provenance.recipients if provenance else (), bool(provenance and provenance.foreign)
    )
    record_exchange(connection, report.id, provenance)
    if item.band_keys:
        connection.execute(report_bands.insert(), [{"key": k, "report_id": report.id} for k in item.band_keys])
    for other_id, similarity in item.near_duplicates:
        link = {"report_id": report.id, "other_id": other_id, "kind": "near_duplicate", "similarity": similarity}
        connection.execute(insert_ignoring_conflicts(connection, report_links, ["report_id", "other_id", "kind"]), link)
    if item.extraction is not None:
        write_extraction(connection, report.id, item.extraction, now)
    return True


def write_extraction(connection: Connection, report_id: str, result: ExtractResult, now: datetime) -> None:
    """The extraction result as it came, plus one event row per event mention (fusion may merge them)."""
    connection.execute(
        extractions.insert(),
        {"report_id": report_id, "extracted_at": now, "result": result.model_dump(mode="json")},
    )
    for place in result.places:
        if place.geonameid is not None and place.name:
            row = {k: getattr(place, k) for k in ("name", "lat", "lon", "country", "admin1", "feature_code")}
            row["geonameid"] = str(place.geonameid)
            connection.execute(insert_ignoring_conflicts(connection, places, ["geonameid"]), row)
    for mention in result.events:
        _write_event(connection, report_id, mention, now)


def _write_event(connection: Connection, report_id: str, mention: EventMention, now: datetime) -> None:
    event_id = f"{report_id[:16]}-{mention.id}"
    location = mention.location
    # An event of that id may exist already: a fused event that keeps this report's mention when the
    # report comes again in a new version (re-marked or re-extracted at a peer); the mention joins it.
    connection.execute(
        insert_ignoring_conflicts(connection, events, ["id"]),
        {
            "id": event_id,
            "event_type": mention.event_type.value,
            "sub_event_type": mention.sub_event_type,
            "tags": mention.tags,
            "date": mention.date,
            "time_precision": mention.time_precision,
            "actor1_id": _actor_id(connection, mention.actor1),
            "actor2_id": _actor_id(connection, mention.actor2),
            "location_name": location.name if location else None,
            "geonameid": str(location.geonameid) if location and location.geonameid is not None else None,
            "lat": location.lat if location else None,
            "lon": location.lon if location else None,
            "country": location.country if location else None,
            "admin1": location.admin1 if location else None,
            "geo_precision": location.geo_precision if location else None,
            "border": location.border if location else None,
            "border_km": location.border_km if location else None,
            "fatalities": mention.fatalities,
            "confidence": mention.confidence,
            "created_at": now,
            "updated_at": now,
        },
    )
    connection.execute(
        event_mentions.insert(),
        {
            "id": event_id,
            "event_id": event_id,
            "report_id": report_id,
            "sentence": mention.evidence.sentence,
            "start": mention.evidence.start,
            "end": mention.evidence.end,
            "mention": mention.model_dump(mode="json"),
        },
    )


def _actor_id(connection: Connection, actor: Actor | None) -> int | None:
    if actor is None:
        return None
    row = {"name": actor.name, "type": int(actor.type) if actor.type else None, "country": actor.country}
    connection.execute(insert_ignoring_conflicts(connection, actors, ["name"]), row)
    return connection.execute(select(actors.c.id).where(actors.c.name == actor.name)).scalar_one()


def _source_id(connection: Connection, report: Report, cache: dict[str, int]) -> int | None:
    if report.source is None:
        return None
    name = report.source.name
    if name not in cache:
        row = {"name": name, "url": report.source.url, "reliability": report.source.reliability}
        connection.execute(insert_ignoring_conflicts(connection, sources, ["name"]), row)
        cache[name] = connection.execute(select(sources.c.id).where(sources.c.name == name)).scalar_one()
    return cache[name]


def _naive_utc(value: datetime | None) -> datetime | None:
    """Stored as naive UTC: SQLite has no time zones."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)
