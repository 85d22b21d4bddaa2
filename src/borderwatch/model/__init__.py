"""The domain model: plain pydantic types shared by every stage. Depends on nothing of ours."""

from ._event import (
    EVENT_TYPES,
    Actor,
    ActorType,
    Event,
    EventMention,
    EventType,
    Evidence,
    ExtractResult,
    Location,
    Place,
    Quantity,
    ReportRef,
)
from ._report import FieldPosition, Report, ReportKind, Source, content_hash, normalise_text
from ._sharing import Agency, Marking

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "ActorType",
    "Agency",
    "Event",
    "EventMention",
    "EventType",
    "Evidence",
    "ExtractResult",
    "FieldPosition",
    "Location",
    "Marking",
    "Place",
    "Quantity",
    "Report",
    "ReportKind",
    "ReportRef",
    "Source",
    "content_hash",
    "normalise_text",
]
