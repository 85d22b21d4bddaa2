"""The store: one module owns the database (SQLAlchemy 2 + Alembic; SQLite in WAL mode by default).

Public entry point: `Store`. Pipeline stages never open a database; they hand model objects to the store.
"""

from ._queries import EVENT_SORTS, ActorQuery, AlertQuery, EventFilter, EventQuery, PlaceQuery, ReportQuery
from ._store import Store
from ._write import NewReport

__all__ = [
    "EVENT_SORTS",
    "ActorQuery",
    "AlertQuery",
    "EventFilter",
    "EventQuery",
    "NewReport",
    "PlaceQuery",
    "ReportQuery",
    "Store",
]
