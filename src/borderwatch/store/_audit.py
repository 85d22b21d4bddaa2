"""The audit log: every write, every read of AMBER or RED material, logins and administration.

Append-only: this module has no update or delete, and each entry carries the SHA-256 of the previous
entry and of itself, so an edited or removed row breaks the chain (`AuditLog.verify`). The chain is
extended under a row lock on the `audit` clock, so concurrent writers never fork it.

Writes are attributed to the reader of the current context (`acting_as`): the API's authentication sets
it per request; the CLI leaves the default, the local administrator.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import queue
import threading
import time
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from ..model import Marking
from ._access import Reader
from ._schema import audit_log, audit_objects, share_clocks
from ._views import AuditObject
from ._write import insert_ignoring_conflicts

__all__ = ["AuditLog", "AuditQuery", "acting_as", "current_actor", "record", "set_actor"]

_GENESIS = "0" * 64
log = logging.getLogger("borderwatch.audit")
_current: ContextVar[Reader | None] = ContextVar("borderwatch_actor", default=None)


def current_actor() -> Reader:
    """Who is writing now: set by `acting_as`, else the local administrator at the command line."""
    return _current.get() or Reader.local_admin()


def set_actor(reader: Reader) -> None:
    """Make `reader` the actor of the current context (an async request handler's authentication)."""
    _current.set(reader)


@contextlib.contextmanager
def acting_as(reader: Reader) -> Iterator[Reader]:
    token = _current.set(reader)
    try:
        yield reader
    finally:
        _current.reset(token)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _digest(prev: str, entry: dict[str, Any], objects: Sequence[AuditObject]) -> str:
    body = {
        **{k: v.isoformat() if isinstance(v, datetime) else v for k, v in entry.items()},
        "objects": sorted([o.kind, o.object_id, o.marking.value, o.agency] for o in objects),
    }
    return hashlib.sha256((prev + json.dumps(body, sort_keys=True, default=str)).encode()).hexdigest()


def record(
    connection: Connection,
    actor: Reader,
    action: str,
    what: str,
    detail: dict[str, Any] | None = None,
    objects: Sequence[AuditObject] = (),
    at: datetime | None = None,
) -> int:
    """Append one entry inside the caller's transaction (the write and its record commit together);
    `at` is when it happened (default now)."""
    unique = list({(o.kind, o.object_id): o for o in objects}.values())
    connection.execute(
        insert_ignoring_conflicts(connection, share_clocks, ["name"]),
        {"name": "audit", "at": _now(), "hash": _GENESIS},
    )
    now = _now()
    # The UPDATE takes the row lock (and SQLite's write lock) before the chain's head is read.
    connection.execute(share_clocks.update().where(share_clocks.c.name == "audit").values(at=now))
    prev = connection.execute(select(share_clocks.c.hash).where(share_clocks.c.name == "audit")).scalar_one()
    entry = {
        "at": at or now,
        "actor": actor.actor,
        "agency": actor.agency,
        "role": actor.role.value,
        "interface": actor.interface,
        "action": action,
        "what": what,
        "detail": detail or {},
    }
    digest = _digest(prev, entry, unique)
    entry_id = connection.execute(audit_log.insert().values(**entry, prev_hash=prev, hash=digest)).inserted_primary_key[
        0
    ]
    if unique:
        connection.execute(
            audit_objects.insert(),
            [
                {
                    "entry_id": entry_id,
                    "kind": o.kind,
                    "object_id": o.object_id,
                    "marking": o.marking.value,
                    "agency": o.agency,
                }
                for o in unique
            ],
        )
    connection.execute(share_clocks.update().where(share_clocks.c.name == "audit").values(hash=digest))
    return int(entry_id)


@dataclass(frozen=True)
class AuditQuery:
    since: datetime | None = None
    until: datetime | None = None
    actor: str | None = None
    agency: str | None = None
    action: str | None = None
    interface: str | None = None
    object_id: str | None = None
    object_agency: str | None = None
    marking: Marking | None = None
    limit: int = 100


class AuditLog:
    """Reading and verifying the log; entries are appended with `record` by the store's own operations.

    Writes are recorded in their own transaction. Reads are recorded by a background thread, in batches,
    within moments (`flush` waits for it; closing the store flushes): a read then does not wait for a
    write, and many readers do not queue on SQLite's single writer.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pending: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._start = threading.Lock()

    def record_soon(
        self, actor: Reader, action: str, what: str, detail: dict[str, Any] | None, objects: Sequence[AuditObject]
    ) -> None:
        """Append an entry from the background thread (reads)."""
        with self._start:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(target=self._drain, name="borderwatch-audit", daemon=True)
                self._writer.start()
        self._pending.put((actor, action, what, detail, list(objects), _now()))

    def flush(self) -> None:
        """Wait until every entry handed to `record_soon` is written."""
        if self._writer is not None and self._writer.is_alive():
            self._pending.join()

    def close(self) -> None:
        if self._writer is not None and self._writer.is_alive():
            self._pending.put(None)
            self._writer.join(30)

    def _drain(self) -> None:
        while True:
            batch = [self._pending.get()]
            while len(batch) < 200:
                try:
                    batch.append(self._pending.get_nowait())
                except queue.Empty:
                    break
            entries = [b for b in batch if b is not None]
            try:
                if entries:
                    with self._engine.begin() as connection:
                        for entry in entries:
                            record(connection, *entry)
            except Exception:  # the database is locked or gone: keep the entries for the next batch
                log.exception("audit log: could not write %d entries; retrying", len(entries))
                for entry in entries:
                    self._pending.put(entry)
                time.sleep(0.5)
            finally:
                for _ in batch:
                    self._pending.task_done()
            if None in batch:
                return

    def record(
        self,
        actor: Reader,
        action: str,
        what: str,
        detail: dict[str, Any] | None = None,
        objects: Sequence[AuditObject] = (),
    ) -> int:
        with self._engine.begin() as connection:
            return record(connection, actor, action, what, detail, objects)

    def entries(self, query: AuditQuery) -> list[dict[str, Any]]:
        """Newest first, each with the objects it names."""
        self.flush()
        stmt = select(audit_log).order_by(audit_log.c.id.desc()).limit(query.limit)
        conditions = {
            "actor": audit_log.c.actor,
            "agency": audit_log.c.agency,
            "action": audit_log.c.action,
            "interface": audit_log.c.interface,
        }
        for name, column in conditions.items():
            if getattr(query, name):
                stmt = stmt.where(column == getattr(query, name))
        if query.since:
            stmt = stmt.where(audit_log.c.at >= query.since)
        if query.until:
            stmt = stmt.where(audit_log.c.at < query.until)
        if query.object_id or query.marking or query.object_agency:
            named = select(audit_objects.c.entry_id)
            if query.object_id:
                named = named.where(audit_objects.c.object_id == query.object_id)
            if query.object_agency:
                named = named.where(audit_objects.c.agency == query.object_agency)
            if query.marking:
                named = named.where(audit_objects.c.marking == query.marking.value)
            stmt = stmt.where(audit_log.c.id.in_(named))
        with self._engine.connect() as connection:
            rows = [dict(r._mapping) for r in connection.execute(stmt)]
            ids = [r["id"] for r in rows]
            objects: dict[int, list[dict[str, Any]]] = {}
            if ids:
                for o in connection.execute(select(audit_objects).where(audit_objects.c.entry_id.in_(ids))):
                    objects.setdefault(o.entry_id, []).append(
                        {"kind": o.kind, "id": o.object_id, "marking": o.marking, "agency": o.agency}
                    )
        for row in rows:
            row["objects"] = objects.get(row["id"], [])
        return rows

    def verify(self) -> tuple[int, int | None]:
        """(entries checked, id of the first entry that breaks the chain or None)."""
        self.flush()
        prev = _GENESIS
        checked = 0
        with self._engine.connect() as connection:
            objects: dict[int, list[AuditObject]] = {}
            for o in connection.execute(select(audit_objects)):
                objects.setdefault(o.entry_id, []).append(
                    AuditObject(o.kind, o.object_id, Marking(o.marking), o.agency)
                )
            for row in connection.execute(select(audit_log).order_by(audit_log.c.id)):
                entry = {
                    k: getattr(row, k)
                    for k in ("at", "actor", "agency", "role", "interface", "action", "what", "detail")
                }
                if row.prev_hash != prev or _digest(prev, entry, objects.get(row.id, [])) != row.hash:
                    return checked, int(row.id)
                prev = row.hash
                checked += 1
            head = connection.execute(select(share_clocks.c.hash).where(share_clocks.c.name == "audit")).scalar()
        if head is not None and head != prev:
            return checked, -1  # the newest entries were removed
        return checked, None
