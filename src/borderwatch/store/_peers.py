"""Peers, TAXII collections and their rights, deliveries, sync cursors; `Exchange`, the share stage's door.

A peer is another installation. It calls us with the tokens of a local account of role `peer` (same id
as the peer); we call it with the token stored in `peers.token` (a literal or `$env:NAME`). What it may
read is decided by its rules (JSON, interpreted by `share.PeerRule`); where it may write, by collection
rights. Deliveries remember which version of which report went to which peer, so that withdrawals reach
exactly the peers that had a report.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from ..errors import AccessDeniedError, InputError, NotFoundError
from ..model import Agency, Marking
from . import _exchange as ex
from ._access import AccessClass, AccessClasses, Reader, Role, set_report_class
from ._audit import current_actor, record
from ._batches import in_chunks
from ._exchange_apply import apply_versions, delete_report_rows, fuse_received
from ._fusion import FusionSession
from ._fusion_events import EventRefresher
from ._import_fusion import SenderGrouping
from ._reextract import changeable_report
from ._schema import (
    agencies,
    collection_rights,
    event_mentions,
    events,
    exchange_index,
    meta,
    peer_deliveries,
    peers,
    report_access,
    reports,
    taxii_collections,
    taxii_status,
    users,
)
from ._views import AuditObject
from ._write import NewReport, insert_ignoring_conflicts, write_batch

__all__ = ["DEFAULT_COLLECTIONS", "Collection", "Exchange", "Peer"]

# alias: (title, kind). "shared" serves what each reading peer's rules allow; "inbox" takes pushes.
DEFAULT_COLLECTIONS = {
    "shared": ("Shared events", "outbound"),
    "inbox": ("Inbox from peers", "inbound"),
}


@dataclass(frozen=True)
class Peer:
    id: str
    title: str | None
    url: str | None
    token: str | None
    user_id: str
    agency: str
    recipients: tuple[str, ...]
    rules: list[dict[str, Any]]
    read_collection: str | None
    write_collection: str | None
    pull_after: str | None
    push_after: datetime | None
    last_sync_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class Collection:
    id: str
    alias: str
    title: str
    description: str | None
    kind: str
    can_read: bool = False
    can_write: bool = False


class Exchange:
    """Everything the share stage needs from the database for STIX, TAXII and sync."""

    def __init__(self, engine: Engine, classes: AccessClasses, store: Any) -> None:
        self._engine = engine
        self._classes = classes
        self._store = store  # for its fuser and its zones (events changed by a version are watched)
        self._installation: str | None = None

    @property
    def installation(self) -> str:
        """This installation's id (a UUID made on first use): reports we send carry it."""
        if self._installation is None:
            with self._engine.begin() as c:
                c.execute(
                    insert_ignoring_conflicts(c, meta, ["key"]), {"key": "installation", "value": str(uuid.uuid4())}
                )
                self._installation = c.execute(select(meta.c.value).where(meta.c.key == "installation")).scalar_one()
        return self._installation

    # -- versions -------------------------------------------------------------------------------

    def changes(self, after: datetime | None, limit: int, *, with_extractions: bool = True) -> list[ex.ExchangeItem]:
        with self._engine.connect() as c, ex.unmapped(c):
            return ex.changes(c, after, limit, with_extractions=with_extractions)

    def held(self, stix_ids: Sequence[str], peer: Peer) -> dict[str, datetime]:
        """Which of these STIX report ids we hold from `peer`, and at which version: a pull reads a peer's
        manifest and fetches only the versions newer than these."""
        with self._engine.connect() as c, ex.unmapped(c):
            return ex.held_versions(c, stix_ids, peer.id)

    def advance_pull(self, peer_id: str, pull_after: str) -> None:
        """Move the pull cursor past a stretch of the peer's collection that holds nothing new for us."""
        with self._engine.begin() as c:
            c.execute(peers.update().where(peers.c.id == peer_id).values(pull_after=pull_after))

    def items_for(
        self, connection: Connection, report_ids: Sequence[str], reader: Reader, *, with_extractions: bool = True
    ) -> list[ex.ExchangeItem]:
        """The current versions of these reports, those the reader may not see left out."""
        visible = self._classes.visible_ids(connection, reader)
        stmt = select(exchange_index).where(exchange_index.c.report_id.in_(list(report_ids)))
        if visible is not None:
            stmt = stmt.join(report_access, report_access.c.report_id == exchange_index.c.report_id).where(
                report_access.c.class_id.in_(visible)
            )
        items = [
            ex.ExchangeItem(
                r.report_id,
                r.date_added,
                r.created,
                r.modified,
                bool(r.withdrawn),
                r.origin_peer,
                r.origin_installation,
            )
            for r in connection.execute(stmt.order_by(exchange_index.c.report_id))
        ]
        ex.load_reports(connection, [i for i in items if not i.withdrawn], with_extractions=with_extractions)
        return [i for i in items if not i.withdrawn]

    def settled(self, versions: Sequence[ex.Incoming], peer: Peer) -> dict[str, str]:
        """Of these received versions (headers only), those that would change nothing, with why (as `apply`
        would say): a sync maps and applies only the others, and a re-sync costs the transport and this
        lookup."""
        installation = self.installation
        with self._engine.connect() as c, ex.unmapped(c):
            rows = ex.exchange_rows(c, [v.report_id for v in versions])
        found = {v.report_id: ex.settled(v, rows.get(v.report_id), peer.id, installation) for v in versions}
        return {report_id: verdict for report_id, verdict in found.items() if verdict is not None}

    def apply(
        self,
        items: Sequence[ex.Incoming],
        *,
        peer: Peer | None,
        actor: Reader,
        recipients: Sequence[str] = (),
        pull_after: str | None = None,
        leads: dict[str, str] | None = None,
    ) -> list[str]:
        """Apply received versions in one transaction, with the pull cursor when given (resumable).

        Versions from a bundle file (no peer) are received from "bundle" and seen by `recipients`. `leads`
        (the sender's group -> the key of its first mention received) is the caller's, kept from page to
        page of a pull and filled here, so that a sender's event met again is not matched again.
        """
        origin = peer.id if peer else "bundle"
        recipients = tuple(recipients if peer is None else peer.recipients)
        latest = {item.report_id: item for item in items}  # a page lists each report once; keep the last
        outcomes: dict[str, str] = {}
        objects: list[AuditObject] = []
        installation = self.installation  # before the transaction: it may write its own
        store = self._store
        with self._engine.begin() as c, ex.unmapped(c):
            for agency in {i.report.agency for i in latest.values() if i.report is not None and i.report.agency}:
                _ensure_agency(c, agency)
            rows = ex.exchange_rows(c, list(latest))
            decisions = {rid: ex.decide(item, rows.get(rid), origin, installation) for rid, item in latest.items()}
            creates = [latest[rid] for rid, d in decisions.items() if d == "create"]
            new = [
                NewReport(
                    report=i.report,  # type: ignore[arg-type]
                    provenance=ex.Provenance(origin, i.installation, i.created, i.modified, recipients),
                )
                for i in creates
            ]
            now = ex.now_utc()
            # Received reports are fused with what is stored, as ingested ones are, but their extractions are
            # written and fused after the reports, all the page's mentions in the order of their days.
            fusion = FusionSession(c, store.fuser, now, cache=store._fusion_cache)
            received = []
            grouping = SenderGrouping(leads=leads if leads is not None else {})  # the sender's event groups
            for item, stored in zip(creates, write_batch(c, new, {}, fusion), strict=True):
                outcomes[item.report_id] = "created" if stored else "ignored: the same content is stored"
                if stored and item.extraction is not None:
                    received.append((item.report_id, item.extraction))
                    grouping.add(item.report_id, item.groups)
            fuse_received(c, received, fusion, grouping)
            updates = [latest[rid] for rid, d in decisions.items() if d == "update"]
            withdrawals = [latest[rid] for rid, d in decisions.items() if d == "withdraw"]
            touched = apply_versions(
                c,
                updates,
                withdrawals,
                recipients=recipients,
                foreign=peer is not None,
                fusion=fusion,
                grouping=grouping,
            )
            outcomes.update({i.report_id: "updated" for i in updates} | {i.report_id: "withdrawn" for i in withdrawals})
            for rid, decision in decisions.items():
                if rid not in outcomes:
                    outcomes[rid] = decision
                item = latest[rid]
                if outcomes[rid] in ("created", "updated") and item.report is not None:
                    objects.append(AuditObject("report", rid, item.report.marking, item.report.agency))
                elif outcomes[rid] == "withdrawn":
                    objects.append(AuditObject("report", rid, Marking.CLEAR))
            touched.update(fusion.flush())
            # Received events are watched like ingested ones: zones, alerts and the live stream see them.
            store._changed(c, touched, now)
            if peer is not None and pull_after is not None:
                c.execute(peers.update().where(peers.c.id == peer.id).values(pull_after=pull_after))
            if objects:
                source = f"peer {peer.id}" if peer else "a bundle"
                record(c, actor, "import", f"receive {len(objects)} report version(s) from {source}", objects=objects)
        return [outcomes[item.report_id] for item in items]

    def set_marking(self, report_id: str, marking: Marking, groups: Sequence[str] | None = None) -> int:
        """Re-mark one of our reports: a new version for the peers that may (still) have it. Its events are
        derived again (who may see them changed) and seen as updated; returns how many."""
        actor = current_actor()
        now = ex.now_utc()
        with self._engine.begin() as c:
            row = changeable_report(c, self._classes, report_id, actor)
            new_groups = list(groups) if groups is not None else list(row.sharing_groups)
            c.execute(
                reports.update()
                .where(reports.c.id == report_id)
                .values(marking=marking.value, sharing_groups=new_groups)
            )
            access = self._classes.get(
                c, c.execute(select(report_access.c.class_id).where(report_access.c.report_id == report_id)).scalar()
            )
            recipients = access.recipients if access else ()
            set_report_class(
                c,
                report_id,
                AccessClass(
                    agency=row.agency,
                    marking=marking,
                    groups=tuple(new_groups),
                    post_id=row.post_id,
                    recipients=recipients,
                ),
            )
            ex.touch_report(c, report_id)
            stmt = select(event_mentions.c.event_id).where(event_mentions.c.report_id == report_id).distinct()
            touched = sorted(c.execute(stmt).scalars())
            EventRefresher(c, self._store.fuser, now).refresh_many(touched)
            self._store._changed(c, touched, now)
            objects = [AuditObject("report", report_id, marking, row.agency)]
            record(c, actor, "write", f"mark report {report_id} {marking.value}", {"groups": new_groups}, objects)
        return len(touched)

    def withdraw(self, report_id: str) -> dict[str, int]:
        """Delete one of our reports; peers that had it receive the withdrawal. Its events are derived again
        from their other sources, or disappear when it was their only one."""
        actor = current_actor()
        now = ex.now_utc()
        with self._engine.begin() as c:
            row = changeable_report(c, self._classes, report_id, actor)
            touched = delete_report_rows(c, report_id, EventRefresher(c, self._store.fuser, now))
            ex.touch_report(c, report_id, withdrawn=True)
            remaining = set(c.execute(select(events.c.id).where(events.c.id.in_(sorted(touched)))).scalars())
            self._store._changed(c, touched, now)
            objects = [AuditObject("report", report_id, Marking(row.marking), row.agency)]
            record(c, actor, "write", f"withdraw report {report_id}", objects=objects)
        return {"events_changed": len(remaining), "events_removed": len(touched) - len(remaining)}

    # -- peers ----------------------------------------------------------------------------------

    def add_peer(
        self,
        peer_id: str,
        agency: str,
        *,
        title: str | None = None,
        url: str | None = None,
        token: str | None = None,
        recipients: Sequence[str] = (),
    ) -> Peer:
        actor = current_actor()
        if not actor.all_seeing:
            raise AccessDeniedError("only the local administrator may add peers")
        Agency(id=peer_id, name="check")
        with self._engine.begin() as c:
            if c.execute(select(peers.c.id).where(peers.c.id == peer_id)).scalar():
                raise InputError(f"peer {peer_id!r} already exists")
            if c.execute(select(users.c.id).where(users.c.id == peer_id)).scalar():
                raise InputError(f"a user {peer_id!r} exists: a peer's account has the peer's id")
            _ensure_agency(c, agency)
            now = ex.now_utc()
            c.execute(
                users.insert().values(
                    id=peer_id, agency=agency, role=Role.PEER.value, name=title, disabled=False, created_at=now
                )
            )
            c.execute(
                peers.insert().values(
                    id=peer_id,
                    title=title,
                    url=url,
                    token=token,
                    user_id=peer_id,
                    recipients=list(recipients),
                    rules=[],
                    created_at=now,
                )
            )
            for collection in _ensure_collections(c):
                kind = collection.kind
                c.execute(
                    collection_rights.insert().values(
                        collection_id=collection.id,
                        peer_id=peer_id,
                        can_read=kind == "outbound",
                        can_write=kind == "inbound",
                    )
                )
            record(
                c, actor, "admin", f"add peer {peer_id}", {"url": url, "agency": agency, "recipients": list(recipients)}
            )
        return self.peer(peer_id)

    def peer(self, peer_id: str) -> Peer:
        with self._engine.connect() as c:
            row = c.execute(
                select(peers, users.c.agency).join(users, users.c.id == peers.c.user_id).where(peers.c.id == peer_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no peer {peer_id!r}")
        return _peer(row)

    def list_peers(self) -> list[Peer]:
        with self._engine.connect() as c:
            rows = c.execute(
                select(peers, users.c.agency).join(users, users.c.id == peers.c.user_id).order_by(peers.c.id)
            )
            return [_peer(r) for r in rows]

    def update_peer(self, peer_id: str, **values: Any) -> None:
        """Rules, remote collections, token, url, recipients, or the sync state (cursors, last error)."""
        allowed = {
            "rules",
            "read_collection",
            "write_collection",
            "token",
            "url",
            "recipients",
            "title",
            "pull_after",
            "push_after",
            "last_sync_at",
            "last_error",
        }
        if not set(values) <= allowed:
            raise ValueError(f"cannot set {sorted(set(values) - allowed)} of a peer")
        self.peer(peer_id)
        actor = current_actor()
        with self._engine.begin() as c:
            c.execute(peers.update().where(peers.c.id == peer_id).values(**values))
            if set(values) & {"rules", "token", "url", "recipients"}:
                shown = {k: v for k, v in values.items() if k != "token"}
                record(c, actor, "admin", f"change peer {peer_id}", {k: str(v) for k, v in shown.items()})

    def remove_peer(self, peer_id: str) -> None:
        self.peer(peer_id)
        actor = current_actor()
        with self._engine.begin() as c:
            c.execute(peers.delete().where(peers.c.id == peer_id))
            c.execute(users.update().where(users.c.id == peer_id).values(disabled=True))
            record(c, actor, "admin", f"remove peer {peer_id}")

    def peer_of_user(self, user_id: str) -> Peer:
        with self._engine.connect() as c:
            found = c.execute(select(peers.c.id).where(peers.c.user_id == user_id)).scalar()
        if found is None:
            raise NotFoundError(f"no peer with account {user_id!r}")
        return self.peer(found)

    # -- collections ----------------------------------------------------------------------------

    def collections(self, peer_id: str | None = None) -> list[Collection]:
        """Every collection, or those a peer may read or write, with that peer's rights."""
        with self._engine.begin() as c:
            found = _ensure_collections(c)
            if peer_id is None:
                return found
            rights = {
                r.collection_id: r
                for r in c.execute(select(collection_rights).where(collection_rights.c.peer_id == peer_id))
            }
        out = []
        for col in found:
            right = rights.get(col.id)
            if right is not None and (right.can_read or right.can_write):
                out.append(
                    Collection(
                        col.id,
                        col.alias,
                        col.title,
                        col.description,
                        col.kind,
                        bool(right.can_read),
                        bool(right.can_write),
                    )
                )
        return out

    def set_rights(self, peer_id: str, alias: str, *, read: bool, write: bool) -> None:
        actor = current_actor()
        if not actor.all_seeing:
            raise AccessDeniedError("only the local administrator may change collection rights")
        col = next((c for c in self.collections() if c.alias == alias or c.id == alias), None)
        if col is None:
            raise NotFoundError(f"no collection {alias!r}")
        if write and col.kind != "inbound":
            raise InputError(f"collection {col.alias} serves our reports; peers write to an inbound collection")
        self.peer(peer_id)
        with self._engine.begin() as c:
            c.execute(
                collection_rights.delete().where(
                    collection_rights.c.collection_id == col.id, collection_rights.c.peer_id == peer_id
                )
            )
            c.execute(
                collection_rights.insert().values(collection_id=col.id, peer_id=peer_id, can_read=read, can_write=write)
            )
            record(c, actor, "admin", f"rights of {peer_id} on {col.alias}", {"read": read, "write": write})

    # -- deliveries and statuses ----------------------------------------------------------------

    def delivered(self, peer_id: str, report_ids: Sequence[str]) -> dict[str, tuple[datetime, bool]]:
        out: dict[str, tuple[datetime, bool]] = {}
        with self._engine.connect() as c:
            for chunk in in_chunks(list(report_ids)):
                rows = c.execute(
                    select(peer_deliveries).where(
                        peer_deliveries.c.peer_id == peer_id, peer_deliveries.c.report_id.in_(chunk)
                    )
                )
                out.update({r.report_id: (r.modified, bool(r.withdrawn)) for r in rows})
        return out

    def record_deliveries(
        self,
        peer_id: str,
        sent: Sequence[tuple[str, datetime, bool]],
        actor: Reader,
        objects: Sequence[AuditObject],
        push_after: datetime | None = None,
    ) -> None:
        """Which versions went to a peer (and the push cursor, in the same transaction)."""
        with self._engine.begin() as c:
            for chunk in in_chunks([r for r, _, _ in sent]):
                c.execute(
                    peer_deliveries.delete().where(
                        peer_deliveries.c.peer_id == peer_id, peer_deliveries.c.report_id.in_(chunk)
                    )
                )
            if sent:
                c.execute(
                    peer_deliveries.insert(),
                    [{"peer_id": peer_id, "report_id": r, "modified": m, "withdrawn": w} for r, m, w in sent],
                )
            if push_after is not None:
                c.execute(peers.update().where(peers.c.id == peer_id).values(push_after=push_after))
            if objects:
                record(c, actor, "read", f"send {len(sent)} report version(s) to peer {peer_id}", objects=objects)

    def find_stix(self, stix_id: str) -> datetime | None:
        """date_added of the report version with this STIX id, None if there is none."""
        with self._engine.connect() as c:
            found: datetime | None = c.execute(
                select(exchange_index.c.date_added).where(exchange_index.c.stix_id == stix_id)
            ).scalar()
        return found

    def save_status(self, status: dict[str, Any]) -> None:
        with self._engine.begin() as c:
            c.execute(taxii_status.insert().values(**status))

    def status(self, status_id: str, peer_id: str) -> dict[str, Any]:
        with self._engine.connect() as c:
            row = c.execute(
                select(taxii_status).where(taxii_status.c.id == status_id, taxii_status.c.peer_id == peer_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no status {status_id!r}")
        return dict(row._mapping)


def _ensure_agency(c: Connection, agency_id: str) -> None:
    c.execute(insert_ignoring_conflicts(c, agencies, ["id"]), {"id": agency_id, "name": agency_id})


def _ensure_collections(c: Connection) -> list[Collection]:
    rows = {r.alias: r for r in c.execute(select(taxii_collections))}
    for alias, (title, kind) in DEFAULT_COLLECTIONS.items():
        if alias not in rows:
            c.execute(taxii_collections.insert().values(id=str(uuid.uuid4()), alias=alias, title=title, kind=kind))
    rows = {r.alias: r for r in c.execute(select(taxii_collections).order_by(taxii_collections.c.alias))}
    return [Collection(r.id, r.alias, r.title, r.description, r.kind) for r in rows.values()]


def _peer(row: Any) -> Peer:
    return Peer(
        id=row.id,
        title=row.title,
        url=row.url,
        token=row.token,
        user_id=row.user_id,
        agency=row.agency,
        recipients=tuple(row.recipients),
        rules=list(row.rules),
        read_collection=row.read_collection,
        write_collection=row.write_collection,
        pull_after=row.pull_after,
        push_after=row.push_after,
        last_sync_at=row.last_sync_at,
        last_error=row.last_error,
    )
