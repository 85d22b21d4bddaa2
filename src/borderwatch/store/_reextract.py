"""Extraction again over stored reports (`borderwatch reports extract`): which reports an actor may have
extracted again, and their new results stored, one transaction per batch.

Reports stored with `ingest --no-extract` have no extraction yet; after an upgrade of the vocabularies, the
actor registry, the gazetteer or the model, every report may be extracted again. The installation that owns
a report owns its extraction: a report received from a peer keeps what its origin sent (the peer's next
version replaces it), so only this installation's reports are extracted here, and each one whose result
changed becomes a new version for the peers that may have it. A result equal to the stored one changes
nothing: running the command twice is idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, func, select

from ..errors import AccessDeniedError, NotFoundError
from ..model import ExtractResult, Marking
from ._access import AccessClasses, Reader, Role, class_visible
from ._batches import in_chunks
from ._exchange import touch_reports
from ._exchange_apply import replace_extractions
from ._fusion import FusionSession
from ._schema import exchange_index, extractions, report_access, reports
from ._views import AuditObject

__all__ = [
    "ExtractionSelection",
    "changeable_report",
    "changeable_reports",
    "extraction_queue",
    "store_extractions",
]

_CHANGERS = (Role.ADMIN, Role.ANALYST, Role.POST)


@dataclass(frozen=True)
class ExtractionSelection:
    """Which stored reports to extract: the ones named, else those with no extraction yet (`everything`:
    all of them), published (else ingested) in [since, until), as `reports --since/--until` lists them."""

    report_ids: tuple[str, ...] = ()
    everything: bool = False
    since: datetime | None = None
    until: datetime | None = None


# What deciding who may change a report needs: not its text.
_CHANGEABLE = (
    select(
        reports.c.id,
        reports.c.agency,
        reports.c.post_id,
        reports.c.marking,
        reports.c.sharing_groups,
        exchange_index.c.origin_peer,
        report_access.c.class_id,
    )
    .outerjoin(exchange_index, exchange_index.c.report_id == reports.c.id)
    .outerjoin(report_access, report_access.c.report_id == reports.c.id)
)


def changeable_report(connection: Connection, classes: AccessClasses, report_id: str, actor: Reader) -> Any:
    """A report this actor may change: one of its agency's (a post: of its post), not a peer's; its row.
    A report the actor may not see is reported missing, like one that is."""
    return changeable_reports(connection, classes, [report_id], actor)[report_id]


def changeable_reports(
    connection: Connection, classes: AccessClasses, report_ids: Sequence[str], actor: Reader
) -> dict[str, Any]:
    """`changeable_report` for many reports, read by `IN`: the first one refused raises."""
    rows: dict[str, Any] = {}
    for chunk in in_chunks(list(report_ids)):
        rows.update((row.id, row) for row in connection.execute(_CHANGEABLE.where(reports.c.id.in_(chunk))))
    for report_id in report_ids:
        row = rows.get(report_id)
        refusal = _refusal(connection, classes, actor, row) if row is not None else None
        if row is None or refusal is not None:
            raise refusal or NotFoundError(f"no report {report_id!r}")
    return rows


def _refusal(connection: Connection, classes: AccessClasses, actor: Reader, row: Any) -> Exception | None:
    """Why this actor may not change the report of this row (None: it may)."""
    if actor.all_seeing:
        return None if row.origin_peer is None else _from_peer(row)
    access = classes.get(connection, row.class_id)
    if access is None or not class_visible(actor, access):
        return NotFoundError(f"no report {row.id!r}")  # hidden looks like missing
    if row.origin_peer is not None:
        return _from_peer(row)
    own = row.agency == actor.agency and actor.role in _CHANGERS
    if actor.role is Role.POST:
        own = own and row.post_id == actor.post_id
    return None if own else AccessDeniedError(f"{actor.actor} may not change report {row.id}")


def _from_peer(row: Any) -> AccessDeniedError:
    return AccessDeniedError(f"report {row.id} came from peer {row.origin_peer}: only it may change it")


def extraction_queue(
    connection: Connection, classes: AccessClasses, actor: Reader, selection: ExtractionSelection
) -> list[str]:
    """The ids of the reports to extract, oldest first; a named report the actor may not change is an error."""
    if selection.report_ids:
        named = list(dict.fromkeys(selection.report_ids))
        changeable_reports(connection, classes, named, actor)
        return named
    if not actor.all_seeing and actor.role not in _CHANGERS:
        raise AccessDeniedError(f"{actor.actor} may not extract reports")
    stmt = _CHANGEABLE.where(exchange_index.c.origin_peer.is_(None))
    if not actor.all_seeing:  # narrows the rows `_refusal` decides on
        stmt = stmt.where(reports.c.agency == actor.agency)
    if not selection.everything:
        stmt = stmt.where(~exists().where(extractions.c.report_id == reports.c.id))
    when = func.coalesce(reports.c.published, reports.c.ingested_at)
    if selection.since is not None:
        stmt = stmt.where(when >= selection.since)
    if selection.until is not None:
        stmt = stmt.where(when < selection.until)
    rows = connection.execute(stmt.order_by(when, reports.c.id)).all()
    return [row.id for row in rows if _refusal(connection, classes, actor, row) is None]


def store_extractions(
    connection: Connection,
    classes: AccessClasses,
    fusion: FusionSession,
    actor: Reader,
    results: Sequence[ExtractResult],
) -> tuple[set[str], dict[str, int], list[AuditObject]]:
    """Replace the stored extractions of these reports by `results` (the caller flushes `fusion`): returns the
    events their old mentions left, counts, and the reports changed (for the audit log)."""
    by_id = {result.report.id: result for result in results}
    rows = changeable_reports(connection, classes, list(by_id), actor)
    stored: dict[str, Any] = {}
    for chunk in in_chunks(list(by_id)):
        stmt = select(extractions.c.report_id, extractions.c.result).where(extractions.c.report_id.in_(chunk))
        stored.update((row.report_id, row.result) for row in connection.execute(stmt))
    changed = [(rid, result) for rid, result in by_id.items() if stored.get(rid) != result.model_dump(mode="json")]
    touched, decisions = replace_extractions(connection, changed, fusion)
    touch_reports(connection, [report_id for report_id, _ in changed])
    counts = {
        "reports": len(by_id),
        "changed": len(changed),
        "mentions": len(decisions),
        "merged": sum(d.event_id is not None for d in decisions),
    }
    objects = [AuditObject("report", rid, Marking(rows[rid].marking), rows[rid].agency) for rid, _ in changed]
    return touched, counts, objects
