"""Who may see which report: the reader, TLP 2.0 semantics, and the one visibility predicate.

Every report belongs to an *access class*: its originating agency, marking, sharing groups, filing post,
explicit recipients and whether it came from another installation. There are few classes (hundreds) and
many reports, so a reader's visibility is decided once per class in Python by `class_visible` — the only
place where TLP is interpreted — and every query filters reports by `class_id IN (visible classes)`.

TLP 2.0 inside one installation (the installation is the community):

- CLEAR: every reader.
- GREEN: every reader when the report names no group or recipient; otherwise its audience.
- AMBER, AMBER+STRICT: the originating agency and its audience (agencies or users named in its groups or
  recipients). The difference between the two is for onward sharing: AMBER+STRICT never leaves the
  receiving agency, so it is never forwarded and leaves this installation only under an explicit rule.
- RED: the originating agency and users named individually (a group's `user` members, or recipients).

A report received from a peer (`foreign`) is seen through the recipients the peer was configured with; its
sharing groups are names from another installation and grant nothing here. A field post reads only the
reports of its own post. A peer's account reads nothing through this predicate: what a peer receives is
decided by its rules (`share.PeerRule`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Connection, and_, bindparam, exists, false, or_, select, update

from ..errors import AccessDeniedError
from ..model import Marking, Report
from ._partial_views import store_views
from ._schema import access_classes, event_classes, event_mentions, events, report_access, reports

__all__ = [
    "LOCAL_ADMIN",
    "AccessClass",
    "AccessClasses",
    "Reader",
    "Role",
    "class_visible",
    "event_access_class",
    "event_hidden_clause",
    "event_visible_clause",
    "may_file",
    "recompute_event_access",
    "report_visible_clause",
    "set_report_class",
]

LOCAL_ADMIN = "local-admin"


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    POST = "post"
    PEER = "peer"


class Reader(BaseModel):
    """Who reads: every store read takes one. Built per request from a token or session, or by the CLI."""

    model_config = ConfigDict(frozen=True)

    agency: str
    user: str | None = None
    role: Role = Role.ANALYST
    groups: frozenset[str] = Field(default=frozenset(), description="groups naming the reader's agency or user")
    named_groups: frozenset[str] = Field(default=frozenset(), description="groups naming the user individually")
    post_id: str | None = Field(default=None, description="the post a field-post account files for")
    all_seeing: bool = Field(default=False, description="the local administrator of a single-agency install")
    interface: str = Field(default="cli", description="cli, api, dashboard, taxii, sync: for the audit log")

    @classmethod
    def local_admin(cls, agency: str = "local", interface: str = "cli") -> Reader:
        """The operator at the machine: sees everything, and is audited like anyone else."""
        return cls(agency=agency, user=LOCAL_ADMIN, role=Role.ADMIN, all_seeing=True, interface=interface)

    @property
    def actor(self) -> str:
        return self.user or f"agency:{self.agency}"

    def via(self, interface: str) -> Reader:
        return self.model_copy(update={"interface": interface})


class AccessClass(BaseModel):
    """The sharing attributes of a report, without the report."""

    model_config = ConfigDict(frozen=True)

    id: int = 0
    agency: str
    marking: Marking
    groups: tuple[str, ...] = ()
    post_id: str | None = None
    recipients: tuple[str, ...] = Field(default=(), description="'agency:ID' or 'user:ID' principals")
    foreign: bool = False

    @classmethod
    def of_report(cls, report: Report, recipients: Sequence[str] = (), foreign: bool = False) -> AccessClass:
        """The class of a report: its own sharing attributes, and who receives it when it came from a peer."""
        return cls(
            agency=report.agency,
            marking=report.marking,
            groups=tuple(report.sharing_groups),
            post_id=report.post_id,
            recipients=tuple(recipients),
            foreign=foreign,
        )

    @property
    def key(self) -> str:
        body = {
            "agency": self.agency,
            "marking": self.marking.value,
            "groups": sorted(set(self.groups)),
            "post": self.post_id,
            "recipients": sorted(set(self.recipients)),
            "foreign": self.foreign,
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def class_visible(reader: Reader, access: AccessClass) -> bool:
    """May this reader see reports of this class? The one place where TLP 2.0 is interpreted."""
    if reader.all_seeing:
        return True
    if reader.role is Role.PEER:
        return False
    if reader.role is Role.POST:
        own = access.agency == reader.agency and access.post_id == reader.post_id and not access.foreign
        return reader.post_id is not None and own
    if access.agency == reader.agency and not access.foreign:
        return True
    marking = access.marking
    if marking is Marking.CLEAR:
        return True
    groups = set() if access.foreign else set(access.groups)
    named_user = reader.user is not None and (
        f"user:{reader.user}" in access.recipients or bool(groups & reader.named_groups)
    )
    if marking is Marking.RED:
        return named_user
    in_audience = named_user or f"agency:{reader.agency}" in access.recipients or bool(groups & reader.groups)
    if marking is Marking.GREEN:
        return in_audience or (not access.groups and not access.recipients)
    return in_audience  # AMBER and AMBER+STRICT


def may_file(writer: Reader, report: Report) -> None:
    """A writer files reports only in its own agency's name; a field post only for its own post."""
    if writer.all_seeing:
        return
    if writer.role is Role.PEER:
        raise AccessDeniedError(f"{writer.actor}: a peer's account sends reports through TAXII only")
    if report.agency != writer.agency:
        raise AccessDeniedError(f"{writer.actor} may not file reports for agency {report.agency!r}")
    if writer.role is Role.POST and (writer.post_id is None or report.post_id != writer.post_id):
        raise AccessDeniedError(f"{writer.actor} files reports for post {writer.post_id!r} only")


class AccessClasses:
    """The access classes of one database, cached (classes are never changed, only added)."""

    def __init__(self) -> None:
        self._by_id: dict[int, AccessClass] = {}
        self._lock = threading.Lock()
        self._visible: dict[tuple[Reader, int], list[int]] = {}

    def refresh(self, connection: Connection) -> dict[int, AccessClass]:
        with self._lock:
            last = max(self._by_id, default=0)
            rows = connection.execute(select(access_classes).where(access_classes.c.id > last))
            for row in rows:
                self._by_id[row.id] = _class_of(row)
            return dict(self._by_id)

    def visible_ids(
        self, connection: Connection, reader: Reader, classes: dict[int, AccessClass] | None = None
    ) -> list[int] | None:
        """The classes this reader may see; None for the all-seeing local administrator. `classes`: what
        `refresh` has just returned, when the caller has it."""
        if reader.all_seeing:
            return None
        if classes is None:
            classes = self.refresh(connection)
        key = (reader.model_copy(update={"interface": ""}), len(classes))
        found = self._visible.get(key)
        if found is None:  # classes are only ever added: the same reader and count give the same answer
            found = sorted(i for i, c in classes.items() if class_visible(reader, c))
            if len(self._visible) > 1000:
                self._visible.clear()
            self._visible[key] = found
        return found

    def count(self) -> int:
        return len(self._by_id)

    def get(self, connection: Connection, class_id: int | None) -> AccessClass | None:
        if class_id is None:
            return None
        if class_id not in self._by_id:
            self.refresh(connection)
        return self._by_id.get(class_id)


def _class_of(row: object) -> AccessClass:
    return AccessClass(
        id=row.id,  # type: ignore[attr-defined]
        agency=row.agency,  # type: ignore[attr-defined]
        marking=Marking(row.marking),  # type: ignore[attr-defined]
        groups=tuple(row.groups),  # type: ignore[attr-defined]
        post_id=row.post_id,  # type: ignore[attr-defined]
        recipients=tuple(row.recipients),  # type: ignore[attr-defined]
        foreign=bool(row.foreign),  # type: ignore[attr-defined]
    )


def transaction_cache(connection: Connection, name: str) -> dict[Any, Any]:
    """A dict that lives as long as the connection's current transaction (ids made in a transaction that
    is rolled back must not be reused)."""
    transaction = connection.get_transaction()
    entry = connection.info.get(name)
    if entry is None or entry[0] is not transaction:
        entry = (transaction, {})
        connection.info[name] = entry
    return entry[1]  # type: ignore[no-any-return]


def class_id_for(connection: Connection, access: AccessClass) -> int:
    """The id of this class, created on first use."""
    key = access.key
    cache = transaction_cache(connection, "borderwatch.classes")
    if key in cache:
        return int(cache[key])
    found = connection.execute(select(access_classes.c.id).where(access_classes.c.key == key)).scalar()
    if found is not None:
        cache[key] = int(found)
        return int(found)
    values = {
        "key": key,
        "agency": access.agency,
        "marking": access.marking.value,
        "groups": sorted(set(access.groups)),
        "post_id": access.post_id,
        "recipients": sorted(set(access.recipients)),
        "foreign": access.foreign,
    }
    cache[key] = int(connection.execute(access_classes.insert().values(**values)).inserted_primary_key[0])
    return int(cache[key])


def set_report_class(connection: Connection, report_id: str, access: AccessClass) -> int:
    """Give a report its class. The events citing it lose their `access_class` (the database's triggers
    see to it) until they are derived again, which the caller does."""
    class_id = class_id_for(connection, access)
    connection.execute(report_access.delete().where(report_access.c.report_id == report_id))
    connection.execute(report_access.insert().values(report_id=report_id, class_id=class_id))
    return class_id


def event_access_class(class_ids: Iterable[int | None]) -> int | None:
    """An event's `access_class` from the classes of its mentions' reports: the one they all share, None
    when they differ, when one has no class, or when there is no mention.

    The only rule for the column: `EventRefresher` applies it to the mentions it derives an event from,
    `recompute_event_access` to the stored rows."""
    found = set(class_ids)
    return found.pop() if len(found) == 1 else None


def recompute_event_access(connection: Connection, event_ids: Sequence[str]) -> None:
    """Set `access_class` of these events from their stored mentions, and store their views for readers who
    see them in part (for writers that insert event rows without `EventRefresher`: bulk loads of coded
    events, benchmarks)."""
    if connection.dialect.name != "sqlite":
        return  # no triggers guard the column there: it stays NULL
    stmt = select(event_mentions.c.event_id, report_access.c.class_id).select_from(
        event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id)
    )
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        classes: dict[str, list[int | None]] = {event_id: [] for event_id in chunk}
        for event_id, class_id in connection.execute(stmt.where(event_mentions.c.event_id.in_(chunk))):
            classes[event_id].append(class_id)
        rows = [{"_id": e, "_class": event_access_class(found)} for e, found in classes.items()]
        connection.execute(
            update(events).where(events.c.id == bindparam("_id")).values(access_class=bindparam("_class")),
            rows,
        )
    store_views(connection, ids)


def report_visible_clause(visible: Iterable[int] | None, report_id: ColumnElement[str]) -> ColumnElement[bool]:
    """SQL: the report with this id is visible (visible=None: everything is)."""
    if visible is None:
        return report_id.is_not(None)
    ids = list(visible)
    if not ids:
        return false()
    return exists(select(1).where(report_access.c.report_id == report_id, report_access.c.class_id.in_(ids)))


def event_visible_clause(visible: Iterable[int] | None) -> ColumnElement[bool]:
    """SQL: the event has at least one mention in a report the reader may see.

    An event whose reports all share one class (most) says so in `events.access_class`: one test of a
    column. The others (NULL) are tested against the classes listed in `event_classes`, or, where the
    write path did not list them, mention by mention."""
    if visible is None:
        return events.c.id.is_not(None)
    ids = list(visible)
    if not ids:
        return false()
    single = events.c.access_class
    by_mentions = exists(
        select(1)
        .select_from(event_mentions.join(report_access, report_access.c.report_id == event_mentions.c.report_id))
        .where(event_mentions.c.event_id == events.c.id, report_access.c.class_id.in_(ids))
    )
    # A mixed event's classes as the write path listed them (all or none, see `event_classes`). `+ 0` keeps
    # SQLite from looking up every (event, listed class) pair: one range of the event's few rows is cheaper.
    listed = exists(select(1).where(event_classes.c.event_id == events.c.id))
    by_classes = exists(
        select(1).where(event_classes.c.event_id == events.c.id, (event_classes.c.class_id + 0).in_(ids))
    )
    mixed = or_(by_classes, and_(~listed, by_mentions))
    return or_(and_(single.is_not(None), single.in_(ids)), and_(single.is_(None), mixed))


def reports_with_class() -> object:
    """reports joined with their class id (outer: a report without one is visible to nobody)."""
    return reports.outerjoin(report_access, report_access.c.report_id == reports.c.id)


def event_hidden_clause(visible: Iterable[int]) -> ColumnElement[bool]:
    """SQL: the event has a mention in a report the reader may not see (or that has no class)."""
    ids = list(visible)
    hidden = report_access.c.class_id.is_(None)
    if ids:
        hidden = or_(hidden, report_access.c.class_id.not_in(ids))
    by_mentions = exists(
        select(1)
        .select_from(event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id))
        .where(event_mentions.c.event_id == events.c.id, hidden)
    )
    single = events.c.access_class
    single_hidden = single.not_in(ids) if ids else single.is_not(None)
    return or_(and_(single.is_not(None), single_hidden), and_(single.is_(None), by_mentions))
