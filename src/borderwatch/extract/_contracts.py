"""What the extraction stage needs from the places stage, as a structural protocol.

Extraction does not import `borderwatch.geo` (stages depend only forward along
the walk); the composition root (`borderwatch.pipeline`) hands it an object that
fits `PlaceLocator`, normally a `borderwatch.geo.Geoparser`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from ..model import Evidence, Location, Place

__all__ = ["EntitySpan", "PlaceLocator"]


class EntitySpan(NamedTuple):
    """A named-entity span from the NLP pass: character offsets into the report text and a spaCy label."""

    start: int
    end: int
    label: str


class PlaceLocator(Protocol):
    def find_places(self, text: str, entities: Sequence[EntitySpan], country_hint: str | None = None) -> list[Place]:
        """Recognise and resolve every place mention in `text` (entities are hints, not the only source)."""
        ...

    def locate_event(self, text: str, evidence: Evidence, places: Sequence[Place]) -> Location | None:
        """The event's location per ACLED rules: its own sentence first, then context; with border and precision."""
        ...

    def locate_point(self, lat: float, lon: float, name: str | None = None) -> Location:
        """A known position (a field report's) as a location, with its country and nearest border."""
        ...
