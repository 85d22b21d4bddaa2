"""The store: one module owns the database (SQLAlchemy 2 + Alembic; SQLite in WAL mode by default).

Public entry point: `Store`. Pipeline stages never open a database; they hand model objects to the store.
Every read takes a `Reader` and returns only what that reader may see (`_access.py`, `_views.py`).
"""

from ._access import LOCAL_ADMIN, AccessClass, Reader, Role, class_visible
from ._accounts import SCOPES, LoginThrottled, Session, TokenInfo, User, parse_principal, scopes_of
from ._audit import AuditQuery, acting_as, current_actor, set_actor
from ._bound import BoundStore
from ._compose import Composer, compose_mentions
from ._exchange import STIX_NAMESPACE, ExchangeItem, Incoming, Provenance, stix_report_id
from ._peers import Collection, Peer
from ._queries import EVENT_SORTS, ActorQuery, AlertQuery, EventFilter, EventQuery, PlaceQuery, ReportQuery
from ._reextract import ExtractionSelection
from ._report_views import report_for_reader
from ._store import Store
from ._views import AuditObject
from ._write import NewReport

__all__ = [
    "EVENT_SORTS",
    "LOCAL_ADMIN",
    "SCOPES",
    "STIX_NAMESPACE",
    "AccessClass",
    "ActorQuery",
    "AlertQuery",
    "AuditObject",
    "AuditQuery",
    "BoundStore",
    "Collection",
    "Composer",
    "EventFilter",
    "EventQuery",
    "ExchangeItem",
    "ExtractionSelection",
    "Incoming",
    "LoginThrottled",
    "NewReport",
    "Peer",
    "PlaceQuery",
    "Provenance",
    "Reader",
    "ReportQuery",
    "Role",
    "Session",
    "Store",
    "TokenInfo",
    "User",
    "acting_as",
    "class_visible",
    "compose_mentions",
    "current_actor",
    "parse_principal",
    "report_for_reader",
    "scopes_of",
    "set_actor",
    "stix_report_id",
]
