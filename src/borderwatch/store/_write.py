"""The write path: reports with their near-duplicate bands and links, extractions, events and evidence.

Everything here runs inside the caller's transaction, so a batch is stored whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from ..model import ExtractResult, Report
from ._access import AccessClass, class_id_for
from ._batches import in_chunks
from ._exchange import Provenance, next_instants, stix_report_id
from ._fusion import FusionSession
from ._fusion_bulk import bulk_insert
from ._schema import (
    exchange_index,
    extractions,
    places,
    report_access,
    report_bands,
    report_links,
    reports,
    sources,
)

__all__ = [
    "NewReport",
    "insert_ignoring_conflicts",
    "report_fields",
    "write_batch",
    "write_extractions",
    "write_places",
]


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


def write_batch(
    connection: Connection, items: Sequence[NewReport], source_ids: dict[str, int], fusion: FusionSession
) -> list[bool]:
    """Store a batch of reports with one statement per table (a batch is written at every ingest and every
    sync page: a statement per report and table would cost more than fusion), each with its access class
    and its place in the exchange index. For each item, whether it was new."""
    now = datetime.now(UTC).replace(tzinfo=None)
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        first.setdefault(item.report.content_hash, index)
    rows = [_report_row(connection, items[i].report, source_ids, items[i].signature, now) for i in first.values()]
    inserted: set[str] = set()
    if rows:
        statement = insert_ignoring_conflicts(connection, reports, ["content_hash"]).returning(reports.c.id)
        inserted = set(connection.execute(statement, rows).scalars())
    firsts = set(first.values())
    new = [index in firsts and items[index].report.id in inserted for index in range(len(items))]
    fresh = [item for item, is_new in zip(items, new, strict=True) if is_new]
    _write_near_duplicates(connection, fresh)
    _write_sharing(connection, fresh)
    extracted = [i for i in fresh if i.extraction is not None]
    if extracted:
        results = [(i.report.id, i.extraction) for i in extracted if i.extraction is not None]
        write_extractions(connection, results, now)
        write_places(connection, [p for i in extracted for p in i.extraction.places])  # type: ignore[union-attr]
    for item in extracted:
        result = item.extraction
        assert result is not None
        report = item.report
        fusion.fuse_report(report.id, report.published, result.events, fallback=now, text=report.text)
    return new


def _report_row(
    connection: Connection, report: Report, source_ids: dict[str, int], signature: bytes | None, now: datetime
) -> dict[str, Any]:
    return {
        "id": report.id,
        "content_hash": report.content_hash,
        "kind": report.kind.value,
        "text": report.text,
        "raw": report.raw,
        "source_id": _source_id(connection, report, source_ids),
        "ingested_at": now,
        "minhash": signature,
        **report_fields(report),
    }


def report_fields(report: Report) -> dict[str, Any]:
    """The columns of a report that a new version of it (received from a peer) may change."""
    return {
        "title": report.title,
        "url": report.url,
        "origin": report.origin,
        "published": _naive_utc(report.published),
        "agency": report.agency,
        "marking": report.marking.value,
        "sharing_groups": list(report.sharing_groups),
        "post_id": report.post_id,
        "lat": report.position.lat if report.position else None,
        "lon": report.position.lon if report.position else None,
        "category": report.category,
    }


def _write_near_duplicates(connection: Connection, fresh: Sequence[NewReport]) -> None:
    bands = [{"key": k, "report_id": i.report.id} for i in fresh for k in i.band_keys]
    if bands:
        connection.execute(report_bands.insert(), bands)
    links = [
        {"report_id": i.report.id, "other_id": other, "kind": "near_duplicate", "similarity": similarity}
        for i in fresh
        for other, similarity in i.near_duplicates
    ]
    if links:
        statement = insert_ignoring_conflicts(connection, report_links, ["report_id", "other_id", "kind"])
        connection.execute(statement, links)


def write_extractions(connection: Connection, results: Sequence[tuple[str, ExtractResult]], now: datetime) -> None:
    """Store reports' extractions (report id, result) in one statement, each result as JSON text (pydantic's own
    serializer) rather than as dicts: a batch's extractions as nested dicts and lists were some hundred objects
    a report that the garbage collector tracked, promoted and walked in its full collections before the
    statement freed them; a string is none of its business."""
    rows = [
        {"report_id": report_id, "extracted_at": now, "result": result.model_dump_json()}
        for report_id, result in results
    ]
    bulk_insert(connection, extractions, rows, json_text=("result",))


def write_places(connection: Connection, found: Sequence[Any]) -> None:
    rows: dict[str, dict[str, Any]] = {}
    for place in found:
        if place.geonameid is not None and place.name:
            row = {k: getattr(place, k) for k in ("name", "lat", "lon", "country", "admin1", "feature_code")}
            rows.setdefault(str(place.geonameid), {**row, "geonameid": str(place.geonameid)})
    if rows:
        connection.execute(insert_ignoring_conflicts(connection, places, ["geonameid"]), list(rows.values()))


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


def _write_sharing(connection: Connection, todo: Sequence[NewReport]) -> None:
    """Each new report's access class (who may see it) and exchange index row (what peers are sent)."""
    if not todo:
        return
    # A batch's reports mostly share their sharing attributes: the class (a model, its key a SHA-256 of its JSON)
    # is made once per distinct attributes, which are what the key is made of (sets: their order is no part of it).
    class_ids: dict[tuple[Any, ...], int] = {}
    access_rows = []
    for item in todo:
        provenance = item.provenance or Provenance()
        report = item.report
        attributes = (
            report.agency,
            report.marking,
            frozenset(report.sharing_groups),
            report.post_id,
            frozenset(provenance.recipients),
            provenance.foreign,
        )
        class_id = class_ids.get(attributes)
        if class_id is None:
            access = AccessClass.of_report(report, provenance.recipients, provenance.foreign)
            class_id = class_ids[attributes] = class_id_for(connection, access)
        access_rows.append({"report_id": report.id, "class_id": class_id})
    # Straight through the driver (`bulk_insert`): SQLAlchemy's executemany built and processed each row's
    # parameters in Python, a report's two rows here cost as much as SQLite's own work on them.
    bulk_insert(connection, report_access, access_rows)
    ids = [i.report.id for i in todo]
    tombstones: set[str] = set()
    for chunk in in_chunks(ids):
        tombstones.update(
            connection.execute(
                select(exchange_index.c.report_id).where(exchange_index.c.report_id.in_(chunk))
            ).scalars()
        )
    for chunk in in_chunks(sorted(tombstones)):  # withdrawn reports that come back
        connection.execute(exchange_index.delete().where(exchange_index.c.report_id.in_(chunk)))
    instants = next_instants(connection, len(todo))
    rows = []
    for item, added in zip(todo, instants, strict=True):
        provenance = item.provenance or Provenance()
        rows.append(
            {
                "report_id": item.report.id,
                "stix_id": stix_report_id(item.report.id),
                "created": provenance.created or added,
                "modified": provenance.modified or added,
                "date_added": added,
                "withdrawn": False,
                "origin_peer": provenance.peer,
                "origin_installation": provenance.installation,
            }
        )
    bulk_insert(connection, exchange_index, rows)
