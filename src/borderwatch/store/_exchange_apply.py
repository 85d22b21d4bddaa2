"""What received versions do to the store: new reports, new versions of them, or their withdrawal.

Received reports go through the same write path and the same fusion as ingested ones: their events
join the events already stored (a Tunisian report of an attack an Algerian agency reported is one
event with both sources). A new version replaces the report's row, access class and mentions; a
withdrawal removes the report and what was derived from it. Events left without mentions disappear,
the others are derived again from the mentions they keep.

A page of versions is applied with a fixed number of statements per table (lookups by `IN`, writes by
executemany), not with statements per report: a peer that re-marks or withdraws thousands of reports
sends pages of them, and a statement per item would cost more than everything else on the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select

from ..fuse import Decision
from ..model import ExtractResult
from ._access import AccessClass, class_id_for
from ._batches import in_chunks
from ._exchange import Incoming, touch_reports
from ._fusion import FusionSession
from ._fusion_events import EventRefresher
from ._import_fusion import SenderGrouping, fuse_grouped
from ._schema import extractions, report_access, report_bands, report_links, reports
from ._write import report_fields, write_extractions, write_places

__all__ = ["apply_versions", "delete_report_rows", "fuse_received", "replace_extractions"]


def apply_versions(
    connection: Connection,
    updates: Sequence[Incoming],
    withdrawals: Sequence[Incoming],
    *,
    recipients: Sequence[str],
    foreign: bool,
    fusion: FusionSession,
    grouping: SenderGrouping | None = None,
) -> set[str]:
    """Apply new versions of stored reports and withdrawals of them (each report once, already decided by
    `decide`; `foreign`: received from a peer, not read from a bundle); returns the events their old
    mentions left. New mentions go to `fusion`, which the caller flushes with the rest of its transaction."""
    if not updates and not withdrawals:
        return set()
    gone = [item.report_id for item in withdrawals]
    changed = [item.report_id for item in updates]
    # Old mentions leave their events first, for both kinds, with one refresh of the events they leave.
    touched = fusion.refresher.remove_report_mentions([*gone, *changed])
    for chunk in in_chunks([*gone, *changed]):
        connection.execute(extractions.delete().where(extractions.c.report_id.in_(chunk)))
    _delete_reports(connection, gone)
    if updates:
        _update_reports(connection, updates, tuple(recipients), foreign, fusion, grouping or SenderGrouping())
    changed = [*withdrawals, *updates]  # new places in the exchange index, with their peer's times
    touch_reports(
        connection, [i.report_id for i in changed], [i.modified for i in changed], [i.withdrawn for i in changed]
    )
    return touched


def _delete_reports(connection: Connection, report_ids: list[str]) -> None:
    """The rows of withdrawn reports (their exchange rows stay, as tombstones; access rows go by cascade)."""
    for chunk in in_chunks(report_ids):
        connection.execute(report_links.delete().where(report_links.c.report_id.in_(chunk)))
        connection.execute(report_links.delete().where(report_links.c.other_id.in_(chunk)))
        connection.execute(report_bands.delete().where(report_bands.c.report_id.in_(chunk)))
        connection.execute(reports.delete().where(reports.c.id.in_(chunk)))


def _update_reports(
    connection: Connection,
    updates: Sequence[Incoming],
    recipients: tuple[str, ...],
    foreign: bool,
    fusion: FusionSession,
    grouping: SenderGrouping,
) -> None:
    """New rows, access classes and extractions of received reports; their new mentions go to fusion."""
    rows = []
    for item in updates:
        assert item.report is not None
        rows.append({"b_id": item.report_id, **report_fields(item.report)})
    columns = {name: bindparam(name) for name in rows[0] if name != "b_id"}
    connection.execute(reports.update().where(reports.c.id == bindparam("b_id")).values(columns), rows)
    ids = [item.report_id for item in updates]
    classes = [
        class_id_for(connection, AccessClass.of_report(item.report, recipients, foreign))  # type: ignore[arg-type]
        for item in updates
    ]
    for chunk in in_chunks(ids):
        connection.execute(report_access.delete().where(report_access.c.report_id.in_(chunk)))
    connection.execute(
        report_access.insert(), [{"report_id": rid, "class_id": cid} for rid, cid in zip(ids, classes, strict=True)]
    )
    received = [(i.report_id, i.extraction) for i in updates if i.extraction is not None]
    grouping.groups.clear()
    for item in updates:
        grouping.add(item.report_id, item.groups)
    _fuse_extractions(connection, received, fusion, grouping)


def _fuse_extractions(
    connection: Connection,
    results: Sequence[tuple[str, ExtractResult]],
    fusion: FusionSession,
    grouping: SenderGrouping | None = None,
) -> list[Decision]:
    """Store the reports' extractions (their old ones are gone) and hand their mentions to fusion; also
    their resolved places, as ingest files them. `grouping`: the sender's event groups of received mentions;
    a group's mentions after its first join that one's event (`_import_fusion`)."""
    if not results:
        return []
    write_extractions(connection, results, fusion.now)
    write_places(connection, [place for _, result in results for place in result.places])
    stored = _stored_reports(connection, [report_id for report_id, _ in results])
    # Mention by mention in the order of their days (undated ones at their report's), not report by report:
    # fusion's index is ordered by day, and the reports of a page (a peer's, in the order they were added
    # there) tell of days years apart; mentions fused in day order read neighbouring index pages and find
    # their candidates' features still cached. Each mention is matched alone either way.
    told = []
    for report_id, result in results:
        row = stored[report_id]
        anchor = (row.published or row.ingested_at).date().isoformat()
        told += [(mention.date or anchor, report_id, index, mention) for index, mention in enumerate(result.events)]
    told.sort(key=lambda entry: entry[:3])
    decisions: list[Decision] = []
    grouping = grouping or SenderGrouping()
    joined = grouping.joined(connection)  # sender's group -> the event here its first mention is in
    for _, report_id, _, mention in told:
        row = stored[report_id]
        group = grouping.groups.get((report_id, mention.id))
        decisions += fuse_grouped(
            fusion,
            report_id,
            row.published,
            mention,
            group,
            joined,
            grouping.leads,
            fallback=row.ingested_at,
            text=row.text,
        )
    return decisions


def fuse_received(
    connection: Connection,
    results: Sequence[tuple[str, ExtractResult]],
    fusion: FusionSession,
    grouping: SenderGrouping | None = None,
) -> None:
    """Store the extractions of reports just written (`write_batch`, without them) and fuse their mentions in
    the order of their days, using the sender's grouping (see `_fuse_extractions`)."""
    _fuse_extractions(connection, results, fusion, grouping)


def _stored_reports(connection: Connection, report_ids: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for chunk in in_chunks(report_ids):
        stmt = select(reports.c.id, reports.c.published, reports.c.ingested_at, reports.c.text)
        found.update({row.id: row for row in connection.execute(stmt.where(reports.c.id.in_(chunk)))})
    return found


def replace_extractions(
    connection: Connection, results: Sequence[tuple[str, ExtractResult | None]], fusion: FusionSession
) -> tuple[set[str], list[Decision]]:
    """Reports' mentions leave their events and their new extractions' are fused (the caller flushes; None:
    the report keeps no extraction); returns the events the old mentions left and fusion's decisions.
    Every old mention leaves before any new one is fused, so that no new mention joins an event that the
    removal of another report of the batch is about to empty."""
    report_ids = [report_id for report_id, _ in results]
    touched = fusion.refresher.remove_report_mentions(report_ids)
    for chunk in in_chunks(report_ids):
        connection.execute(extractions.delete().where(extractions.c.report_id.in_(chunk)))
    kept = [(report_id, result) for report_id, result in results if result is not None]
    return touched, _fuse_extractions(connection, kept, fusion)


def delete_report_rows(connection: Connection, report_id: str, refresher: EventRefresher) -> set[str]:
    """Delete one report and what was derived from it (its exchange row stays, for the tombstone); returns
    the events it touched (derived again from their other mentions, or gone when it was their only source)."""
    touched = refresher.remove_report_mentions([report_id])
    connection.execute(extractions.delete().where(extractions.c.report_id == report_id))
    _delete_reports(connection, [report_id])
    return touched
