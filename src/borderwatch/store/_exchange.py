"""The exchange index: what changed, in commit order, for TAXII's `added_after` and for peers.

Every stored report has one row: when its current version was added here (`date_added`, strictly
increasing, assigned under a row lock so that commit order and date order agree and a client that pages
by `added_after` never misses a late commit), its STIX `created`/`modified` times, where it came from,
and whether it was withdrawn (the row then stays as a tombstone).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Text, bindparam, select, type_coerce

from ..model import ExtractResult, FieldPosition, Marking, Report, ReportKind, Source
from ._batches import in_chunks
from ._schema import (
    access_classes,
    agencies,
    event_mentions,
    exchange_index,
    extractions,
    report_access,
    reports,
    share_clocks,
    sources,
)

__all__ = [
    "STIX_NAMESPACE",
    "ExchangeItem",
    "Incoming",
    "Provenance",
    "changes",
    "decide",
    "exchange_rows",
    "held_versions",
    "load_reports",
    "next_instants",
    "now_utc",
    "settled",
    "stix_id",
    "stix_report_id",
    "touch_report",
    "touch_reports",
    "unmapped",
]

# STIX ids are UUIDv5 in this namespace, from our own stable ids: the same report has the same STIX id
# in every installation.
STIX_NAMESPACE = uuid.UUID("5d1f4c2e-8a3b-5c6d-9e7f-0a1b2c3d4e5f")
_NAMESPACE_SHA1 = hashlib.sha1(STIX_NAMESPACE.bytes)  # copied for each id: the namespace is hashed once
# The UUID variant (RFC 4122: bits 10) in the high bits of the ninth byte, as its first hex digit: 8 to b.
_VARIANT = {d: format(int(d, 16) & 0x3 | 0x8, "x") for d in "0123456789abcdef"}
_TICK = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1)
_SYNC_CACHE_KIB = 16_384  # SQLite's page cache while a page is applied or read for a peer


@dataclass
class Provenance:
    """Where a report written now comes from, when it did not come from this installation's ingest."""

    peer: str | None = None
    installation: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    recipients: Sequence[str] = field(default_factory=tuple)

    @property
    def foreign(self) -> bool:
        return self.peer is not None


@contextmanager
def unmapped(connection: Connection) -> Iterator[None]:
    """SQLite reads through a small page cache rather than its memory map while inside: a sync touches
    pages all over the file, and every mapped page it touched, like every page of a large cache, would
    count in the process's memory (the operating system still caches the file for us)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.cursor()
    mapped = raw.execute("PRAGMA mmap_size").fetchone()[0]
    cached = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute("PRAGMA mmap_size=0")
    raw.execute(f"PRAGMA cache_size=-{_SYNC_CACHE_KIB}")
    raw.close()
    try:
        yield
    finally:
        restore = connection.connection.cursor()
        restore.execute(f"PRAGMA mmap_size={int(mapped)}")
        restore.execute(f"PRAGMA cache_size={int(cached)}")
        restore.close()


def stix_id(kind: str, name: str) -> str:
    """`kind--` and the UUIDv5 of `name` in our namespace (as `uuid.uuid5`, without its object overhead): the
    SHA-1 of namespace and name, its version nibble set to 5 and its variant bits to 10 in the hex text itself
    (a server computes a few per report it sends, on every page)."""
    digest = _NAMESPACE_SHA1.copy()
    digest.update(name.encode())
    h = digest.hexdigest()
    return f"{kind}--{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def stix_report_id(report_id: str) -> str:
    return stix_id("report", f"report|{report_id}")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def next_instants(connection: Connection, count: int) -> list[datetime]:
    """`count` new `date_added` values, later than every earlier one, under the exchange clock's lock.

    The clock's row is locked by the first call in a transaction and held until it ends, so that the
    order of `date_added` is the order of commits.
    """
    from ._access import transaction_cache
    from ._write import insert_ignoring_conflicts  # the write path imports this module

    cache = transaction_cache(connection, "borderwatch.exchange_clock")
    if "last" not in cache:
        connection.execute(
            insert_ignoring_conflicts(connection, share_clocks, ["name"]),
            {"name": "exchange", "at": _EPOCH, "hash": ""},
        )
        connection.execute(share_clocks.update().where(share_clocks.c.name == "exchange").values(hash=""))
        cache["last"] = connection.execute(
            select(share_clocks.c.at).where(share_clocks.c.name == "exchange")
        ).scalar_one()
    start = max(now_utc(), cache["last"] + _TICK)
    instants = [start + i * _TICK for i in range(count)]
    cache["last"] = instants[-1]
    connection.execute(share_clocks.update().where(share_clocks.c.name == "exchange").values(at=instants[-1]))
    return instants


def touch_report(
    connection: Connection, report_id: str, *, withdrawn: bool = False, modified: datetime | None = None
) -> None:
    """A new version of a report (re-marked, re-extracted or withdrawn): peers see it after their cursor."""
    added = next_instants(connection, 1)[0]
    connection.execute(
        exchange_index.update()
        .where(exchange_index.c.report_id == report_id)
        .values(modified=modified or added, date_added=added, withdrawn=withdrawn)
    )


def touch_reports(
    connection: Connection,
    report_ids: Sequence[str],
    modified: Sequence[datetime | None] | None = None,
    withdrawn: Sequence[bool] | None = None,
) -> None:
    """New versions of many reports, in the order given, in one statement: each takes the next place in the
    exchange index; `modified` and `withdrawn` are a peer's values for them (default: modified now, not
    withdrawn, as for a re-extraction here)."""
    if not report_ids:
        return
    instants = next_instants(connection, len(report_ids))
    connection.execute(
        exchange_index.update()
        .where(exchange_index.c.report_id == bindparam("b_id"))
        .values(modified=bindparam("b_modified"), date_added=bindparam("b_added"), withdrawn=bindparam("b_gone")),
        [
            {
                "b_id": report_id,
                "b_modified": modified[i] if modified is not None else added,
                "b_added": added,
                "b_gone": withdrawn[i] if withdrawn is not None else False,
            }
            for i, (report_id, added) in enumerate(zip(report_ids, instants, strict=True))
        ],
    )


# -- what peers receive: the current version of each report, in date_added order ----------------------


@dataclass
class ExchangeItem:
    """One report's current version (or its tombstone) as the exchange index lists it."""

    report_id: str
    date_added: datetime
    created: datetime
    modified: datetime
    withdrawn: bool
    origin_peer: str | None
    origin_installation: str | None
    report: Report | None = None
    extraction: ExtractResult | None = None
    agency_name: str | None = None
    agency_country: str | None = None
    recipients: tuple[str, ...] = ()
    # The event each mention of the extraction is part of here (mention id -> event id), loaded with the
    # extraction: a peer receives this installation's grouping and need not match the rest of an event again.
    event_of: dict[str, str] = field(default_factory=dict)


def changes(
    connection: Connection, after: datetime | None, limit: int, *, with_extractions: bool = True
) -> list[ExchangeItem]:
    """The next `limit` entries of the exchange index after `after`, with their reports (and extractions)
    loaded."""
    stmt = select(exchange_index).order_by(exchange_index.c.date_added).limit(limit)
    if after is not None:
        stmt = stmt.where(exchange_index.c.date_added > after)
    items = [
        ExchangeItem(
            report_id=r.report_id,
            date_added=r.date_added,
            created=r.created,
            modified=r.modified,
            withdrawn=bool(r.withdrawn),
            origin_peer=r.origin_peer,
            origin_installation=r.origin_installation,
        )
        for r in connection.execute(stmt)
    ]
    load_reports(connection, [i for i in items if not i.withdrawn], with_extractions=with_extractions)
    return items


def load_reports(connection: Connection, items: list[ExchangeItem], *, with_extractions: bool = True) -> None:
    by_id = {i.report_id: i for i in items}
    for chunk in in_chunks(list(by_id)):
        stmt = (
            select(
                reports,
                sources.c.name.label("source_name"),
                sources.c.url.label("source_url"),
                sources.c.reliability,
                agencies.c.name.label("agency_name"),
                agencies.c.country.label("agency_country"),
                access_classes.c.recipients,
            )
            .outerjoin(sources, sources.c.id == reports.c.source_id)
            .outerjoin(agencies, agencies.c.id == reports.c.agency)
            .outerjoin(report_access, report_access.c.report_id == reports.c.id)
            .outerjoin(access_classes, access_classes.c.id == report_access.c.class_id)
            .where(reports.c.id.in_(chunk))
        )
        for row in connection.execute(stmt):
            item = by_id[row.id]
            item.report = _report_of(row)
            item.agency_name, item.agency_country = row.agency_name, row.agency_country
            item.recipients = tuple(row.recipients or ())
        if not with_extractions:
            continue
        # The JSON as text where the driver gives it so: pydantic parses and checks it in one pass.
        result = type_coerce(extractions.c.result, Text)
        rows = connection.execute(select(extractions.c.report_id, result).where(extractions.c.report_id.in_(chunk)))
        for report_id, text in rows:
            by_id[report_id].extraction = (
                ExtractResult.model_validate_json(text)
                if isinstance(text, str | bytes)
                else ExtractResult.model_validate(text)
            )
        grouped = select(event_mentions.c.report_id, event_mentions.c.id, event_mentions.c.event_id)
        for report_id, key, event_id in connection.execute(grouped.where(event_mentions.c.report_id.in_(chunk))):
            # A mention's key is its report's id cut to 16 characters, a dash, and the mention's id.
            by_id[report_id].event_of[key[len(report_id[:16]) + 1 :]] = event_id
    for item in items:
        if item.report is None:  # deleted without a tombstone: treat as withdrawn
            item.withdrawn = True


def _report_of(row: Any) -> Report:
    source = Source(name=row.source_name, url=row.source_url, reliability=row.reliability) if row.source_name else None
    position = FieldPosition(lat=row.lat, lon=row.lon) if row.lat is not None and row.lon is not None else None
    return Report(
        id=row.id,
        kind=ReportKind(row.kind),
        text=row.text,
        title=row.title,
        published=row.published,
        source=source,
        url=row.url,
        origin=row.origin,
        agency=row.agency,
        marking=Marking(row.marking),
        sharing_groups=tuple(row.sharing_groups),
        raw=row.raw,
        content_hash=row.content_hash,
        post_id=row.post_id,
        position=position,
        category=row.category,
    )


# -- what peers send: new versions and withdrawals, applied idempotently ----------------------------


@dataclass
class Incoming:
    """A version of a report received from another installation (or read from a bundle)."""

    report_id: str
    created: datetime
    modified: datetime
    withdrawn: bool = False
    report: Report | None = None
    extraction: ExtractResult | None = None
    installation: str | None = None
    # The sender's grouping of the mentions (mention id -> an opaque token of the sender's event): mentions of
    # a page that share a token are one event at the sender, matched here once.
    groups: dict[str, str] = field(default_factory=dict)


def decide(item: Incoming, row: Any, peer: str | None, installation: str) -> str:
    """What a received version does: create, update, withdraw, or why it changes nothing.

    Our own reports are never overwritten from outside, a report received from one peer is updated or
    withdrawn only by that peer, and a version not newer than the stored one changes nothing, so applying
    the same page twice (a sync resumed after a cut) is harmless.
    """
    verdict = settled(item, row, peer, installation)
    if verdict is not None:
        return verdict
    if item.withdrawn:
        return "withdraw"
    if item.report is None:
        raise ValueError("an incoming version without its report")
    return "update" if row is not None and not row.withdrawn else "create"


def settled(item: Incoming, row: Any, peer: str | None, installation: str) -> str | None:
    """Why a received version changes nothing here, or None when it does (see `decide`). Needs only the
    version's header (id, `modified`, withdrawn, installation), so a sync can tell before it maps a page."""
    if item.installation == installation:
        return "ignored: our own report"
    present = row is not None and not row.withdrawn
    if present and row.origin_peer is None:
        return "ignored: a report of this installation"
    if present and row.origin_peer != peer:
        return f"ignored: received from {row.origin_peer}"
    if present and item.modified <= row.modified:
        return "unchanged"
    if item.withdrawn and not present:
        return "unchanged"
    return None


def held_versions(connection: Connection, stix_ids: Sequence[str], peer: str) -> dict[str, datetime]:
    """Of these STIX report ids, the version (`modified`) of each one held here as received from `peer`,
    withdrawn ones included (a tombstone holds the withdrawal's version)."""
    found: dict[str, datetime] = {}
    stmt = select(exchange_index.c.stix_id, exchange_index.c.modified).where(exchange_index.c.origin_peer == peer)
    for chunk in in_chunks(list(stix_ids)):
        rows = connection.execute(stmt.where(exchange_index.c.stix_id.in_(chunk)))
        found.update((row[0], row[1]) for row in rows)
    return found


def exchange_rows(connection: Connection, report_ids: Sequence[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for chunk in in_chunks(list(report_ids)):
        for row in connection.execute(select(exchange_index).where(exchange_index.c.report_id.in_(chunk))):
            found[row.report_id] = row
    return found
