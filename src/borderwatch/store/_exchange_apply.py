"""What a received version does to the store: a new report, a new version of one, or its withdrawal.

Received reports go through the same write path and the same fusion as ingested ones: their events
join the events already stored (a Tunisian report of an attack an Algerian agency reported is one
event with both sources). A new version replaces the report's row, access class and mentions; a
withdrawal removes the report and what was derived from it. Events left without mentions disappear,
the others are derived again from the mentions they keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from ..fuse import Decision
from ..model import ExtractResult, Report
from ._access import AccessClass, set_report_class
from ._exchange import Incoming, Provenance, decide, touch_report
from ._fusion import FusionSession
from ._fusion_events import EventRefresher
from ._schema import exchange_index, extractions, report_bands, report_links, reports
from ._write import NewReport, report_fields, write_batch

__all__ = ["apply_incoming", "delete_report_rows", "replace_extraction"]


def apply_incoming(
    connection: Connection,
    item: Incoming,
    *,
    peer: str | None,
    recipients: Sequence[str],
    installation: str,
    fusion: FusionSession,
    touched: set[str],
) -> str:
    """Apply one received version; returns what happened (created, updated, withdrawn, unchanged, ignored).

    New mentions go to `fusion` (flushed by the caller with the rest of its transaction); the events that
    lost mentions are added to `touched`."""
    row = connection.execute(select(exchange_index).where(exchange_index.c.report_id == item.report_id)).first()
    decision = decide(item, row, peer, installation)
    if decision == "withdraw":
        touched.update(delete_report_rows(connection, item.report_id, fusion.refresher))
        touch_report(connection, item.report_id, withdrawn=True, modified=item.modified)
        return "withdrawn"
    if decision not in ("create", "update"):
        return decision
    assert item.report is not None
    provenance = Provenance(peer, item.installation, item.created, item.modified, tuple(recipients))
    if decision == "update":
        touched.update(_update_report(connection, item.report, item.extraction, provenance, fusion))
        return "updated"
    new = NewReport(report=item.report, extraction=item.extraction, provenance=provenance)
    stored = write_batch(connection, [new], {}, fusion)[0]
    return "created" if stored else "ignored: the same content is stored"


def _update_report(
    connection: Connection,
    report: Report,
    extraction: ExtractResult | None,
    provenance: Provenance,
    fusion: FusionSession,
) -> set[str]:
    values = report_fields(report)
    connection.execute(reports.update().where(reports.c.id == report.id).values(**values))
    set_report_class(connection, report.id, AccessClass.of_report(report, provenance.recipients, provenance.foreign))
    touched, _ = replace_extraction(connection, report.id, extraction, fusion)
    touch_report(connection, report.id, modified=provenance.modified)
    return touched


def replace_extraction(
    connection: Connection, report_id: str, extraction: ExtractResult | None, fusion: FusionSession
) -> tuple[set[str], list[Decision]]:
    """A report's mentions leave their events and the new extraction's are fused (the caller flushes);
    returns the events the old mentions left and fusion's decisions about the new ones."""
    touched = fusion.refresher.remove_report_mentions([report_id])
    connection.execute(extractions.delete().where(extractions.c.report_id == report_id))
    if extraction is None:
        return touched, []
    connection.execute(
        extractions.insert(),
        {"report_id": report_id, "extracted_at": fusion.now, "result": extraction.model_dump(mode="json")},
    )
    row: Any = connection.execute(
        select(reports.c.published, reports.c.ingested_at, reports.c.text).where(reports.c.id == report_id)
    ).one()
    decisions = fusion.fuse_report(report_id, row.published, extraction.events, fallback=row.ingested_at, text=row.text)
    return touched, decisions


def delete_report_rows(connection: Connection, report_id: str, refresher: EventRefresher) -> set[str]:
    """Delete a report and what was derived from it (its exchange row stays, for the tombstone); returns the
    events it touched (derived again from their other mentions, or gone when it was their only source)."""
    touched = refresher.remove_report_mentions([report_id])
    for table in (report_links, report_bands, extractions):
        connection.execute(table.delete().where(table.c.report_id == report_id))
    connection.execute(report_links.delete().where(report_links.c.other_id == report_id))
    connection.execute(reports.delete().where(reports.c.id == report_id))  # its access row goes with it
    return touched
