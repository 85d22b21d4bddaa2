"""What one peer receives after a point of the exchange index: shared by the TAXII server and the push.

Pages follow the exchange index in `date_added` order. A report version goes out when the peer's rules
let it through; a report the peer had (per the delivery log) that no longer passes — withdrawn,
re-marked, its events moved out of the zone — goes out as a withdrawal. Nothing else is sent: a peer
never learns of a report it never could see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import EventMention, Marking
from ..store import AuditObject, ExchangeItem, Peer, Store
from ..store._survivors import collector_paused
from ._rules import PeerRule, parse_rules, reads_mentions, select_for_peer
from ._stix_map import report_objects, withdrawal_object
from ._stix_objects import (
    borderwatch_identity,
    extension_definitions,
    marking_definition,
    marking_of,
    stable_id,
    stix_time,
)

__all__ = ["OutboundPage", "ReportManifest", "outbound_page", "outbound_reports"]

_RESTRICTED = {Marking.AMBER, Marking.AMBER_STRICT, Marking.RED}


@dataclass
class _Window:
    """Where a page or manifest starts and ends in the index, and whether more follows."""

    first: datetime | None = None
    last: datetime | None = None
    more: bool = False


@dataclass
class OutboundPage(_Window):
    objects: list[dict[str, Any]] = field(default_factory=list)
    added: dict[str, datetime] = field(default_factory=dict)  # object id -> date_added of its report version
    sent: list[tuple[str, datetime, bool]] = field(default_factory=list)  # (report id, modified, withdrawn)
    audit: list[AuditObject] = field(default_factory=list)
    # The markings the objects carry, noted as reports are added (a page holds thousands of objects, each of
    # which carries its report's marking or CLEAR); None: read from the objects.
    markings: set[Marking] | None = None

    def with_definitions(self) -> list[dict[str, Any]]:
        """The page's objects preceded by the marking and extension definitions they use."""
        if not self.objects:
            return []
        markings = self.markings
        if markings is None:
            markings = {m for m in (marking_of(o) for o in self.objects) if m is not None}
        markings = markings | {Marking.CLEAR}
        head = [marking_definition(m) for m in sorted(markings, key=lambda m: m.rank)]
        return [*head, borderwatch_identity(), *extension_definitions(), *self.objects]


@dataclass
class ReportManifest(_Window):
    """The report versions a peer would receive after a point, as TAXII manifest records (no STIX mapping)."""

    records: list[dict[str, Any]] = field(default_factory=list)


def outbound_reports(store: Store, peer: Peer, after: datetime | None, limit: int, scan: int = 5000) -> ReportManifest:
    """Up to `limit` manifest records of the report versions (and withdrawals) `outbound_page` would send
    `peer` after `after`, in the same order and with the same ids and versions, without building their
    objects: a client tells from them which versions it lacks and fetches only those. Extractions are read
    only when a rule selects events (a zone, event types); otherwise the report's row decides."""
    with collector_paused():  # a manifest page is garbage once sent, as a page of objects
        return _report_manifest(store, peer, after, limit, scan)


def _report_manifest(store: Store, peer: Peer, after: datetime | None, limit: int, scan: int) -> ReportManifest:
    rules = parse_rules(peer.rules)
    manifest = ReportManifest()
    offered = _offered(
        store,
        peer,
        rules,
        manifest,
        after,
        scan,
        batch=lambda: 500,
        full=lambda: len(manifest.records) >= limit,
        with_extractions=reads_mentions(rules),
    )
    for item, chosen, had in offered:
        if chosen is None and not had:
            continue
        manifest.records.append(
            {
                "id": stable_id("report", item.report_id),
                "date_added": stix_time(item.date_added),
                "version": stix_time(item.modified),
                "media_type": "application/stix+json;version=2.1",
            }
        )
    return manifest


def outbound_page(store: Store, peer: Peer, after: datetime | None, limit: int, scan: int = 5000) -> OutboundPage:
    """Up to about `limit` objects for `peer` after `after` (a report's objects are never split).

    At most `scan` entries of the index are read for one page, so that a peer whose rules let little
    through gets short (even empty) pages with `more` set rather than one request that reads everything.
    """
    with collector_paused():  # the page, its reports and their objects die together once it is sent
        return _outbound_page(store, peer, after, limit, scan)


def _outbound_page(store: Store, peer: Peer, after: datetime | None, limit: int, scan: int) -> OutboundPage:
    installation = store.exchange.installation
    markings: set[Marking] = set()  # withdrawals and agencies are CLEAR, a report's other objects its marking
    page = OutboundPage(markings=markings)
    seen: set[str] = set()
    offered = _offered(
        store,
        peer,
        parse_rules(peer.rules),
        page,
        after,
        scan,
        # A report makes about 7 objects: read about what the room left holds, since a version read but not
        # sent is read again for the next page (its report loaded and parsed twice).
        batch=lambda: max(20, min((limit - len(page.objects)) // 7, 500)),
        full=lambda: len(page.objects) >= limit,
    )
    for item, chosen, had in offered:
        if chosen is None:
            # Any peer that ever had the report gets the withdrawal, again each time it asks from an earlier
            # point: a withdrawal served but lost on the way must not be lost for good.
            if had:
                withdrawal = withdrawal_object(item.report_id, item.created, item.modified)
                page.objects.append(withdrawal)
                page.added[withdrawal["id"]] = item.date_added
                page.sent.append((item.report_id, item.modified, True))
            continue
        for obj in report_objects(item, chosen, installation):
            if obj["id"] not in seen or obj["type"] == "report":
                seen.add(obj["id"])
                page.objects.append(obj)
                page.added[obj["id"]] = item.date_added
        page.sent.append((item.report_id, item.modified, False))
        assert item.report is not None
        markings.add(item.report.marking)
        if item.report.marking in _RESTRICTED:
            page.audit.append(AuditObject("report", item.report_id, item.report.marking, item.report.agency))
    return page


def _offered(
    store: Store,
    peer: Peer,
    rules: Sequence[PeerRule],
    window: _Window,
    after: datetime | None,
    scan: int,
    *,
    batch: Callable[[], int],
    full: Callable[[], bool],
    with_extractions: bool = True,
) -> Iterator[tuple[ExchangeItem, list[EventMention] | None, bool]]:
    """The index's entries after `after`, in order, each with the events `rules` let through to the peer (None:
    nothing goes) and whether the peer had the report (it then gets the withdrawal): the one choice that pages
    and manifests share. Read `batch()` entries at a time; stop once `full()` or after `scan` entries, setting
    `window.more`. `window.first` and `.last` follow the entries yielded."""
    scanned = 0
    while True:
        if scanned >= scan:
            window.more = True
            return
        size = batch()
        items = store.exchange.changes(after, size, with_extractions=with_extractions)
        scanned += len(items)
        if not items:
            return
        delivered = store.exchange.delivered(peer.id, [i.report_id for i in items])
        for item in items:
            if full():
                window.more = True
                return
            after = item.date_added
            window.first = window.first or item.date_added
            window.last = item.date_added
            yield item, select_for_peer(rules, item, peer.id), item.report_id in delivered
        if len(items) < size:
            return
