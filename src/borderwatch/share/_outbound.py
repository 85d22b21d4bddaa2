"""What one peer receives after a point of the exchange index: shared by the TAXII server and the push.

Pages follow the exchange index in `date_added` order. A report version goes out when the peer's rules
let it through; a report the peer had (per the delivery log) that no longer passes — withdrawn,
re-marked, its events moved out of the zone — goes out as a withdrawal. Nothing else is sent: a peer
never learns of a report it never could see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import Marking
from ..store import AuditObject, Peer, Store
from ._rules import parse_rules, select_for_peer
from ._stix_map import report_objects, withdrawal_object
from ._stix_objects import borderwatch_identity, extension_definitions, marking_definition, marking_of

__all__ = ["OutboundPage", "outbound_page"]

_RESTRICTED = {Marking.AMBER, Marking.AMBER_STRICT, Marking.RED}


@dataclass
class OutboundPage:
    objects: list[dict[str, Any]] = field(default_factory=list)
    added: dict[str, datetime] = field(default_factory=dict)  # object id -> date_added of its report version
    sent: list[tuple[str, datetime, bool]] = field(default_factory=list)  # (report id, modified, withdrawn)
    audit: list[AuditObject] = field(default_factory=list)
    first: datetime | None = None
    last: datetime | None = None
    more: bool = False

    def with_definitions(self) -> list[dict[str, Any]]:
        """The page's objects preceded by the marking and extension definitions they use."""
        if not self.objects:
            return []
        markings = {m for m in (marking_of(o) for o in self.objects) if m is not None} | {Marking.CLEAR}
        head = [marking_definition(m) for m in sorted(markings, key=lambda m: m.rank)]
        return [*head, borderwatch_identity(), *extension_definitions(), *self.objects]


def outbound_page(store: Store, peer: Peer, after: datetime | None, limit: int, scan: int = 5000) -> OutboundPage:
    """Up to about `limit` objects for `peer` after `after` (a report's objects are never split).

    At most `scan` entries of the index are read for one page, so that a peer whose rules let little
    through gets short (even empty) pages with `more` set rather than one request that reads everything.
    """
    rules = parse_rules(peer.rules)
    installation = store.exchange.installation
    page = OutboundPage()
    seen: set[str] = set()
    scanned = 0
    while True:
        if scanned >= scan:
            page.more = True
            return page
        # A report makes about 7 objects: read about what the room left holds, since a version read but not
        # sent is read again for the next page (its report loaded and parsed twice).
        batch = max(20, min((limit - len(page.objects)) // 7, 500))
        items = store.exchange.changes(after, batch)
        scanned += len(items)
        if not items:
            return page
        delivered = store.exchange.delivered(peer.id, [i.report_id for i in items])
        for item in items:
            if len(page.objects) >= limit:
                page.more = True
                return page
            after = item.date_added
            page.first = page.first or item.date_added
            page.last = item.date_added
            chosen = select_for_peer(rules, item, peer.id)
            if chosen is None:
                # Any peer that ever had the report gets the withdrawal, again each time it asks from an earlier
                # point: a withdrawal served but lost on the way must not be lost for good.
                if item.report_id in delivered:
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
            if item.report.marking in _RESTRICTED:
                page.audit.append(AuditObject("report", item.report_id, item.report.marking, item.report.agency))
        if len(items) < batch:
            return page
