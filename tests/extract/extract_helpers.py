"""Helpers for the extraction tests: synthetic reports and a fake PlaceLocator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from borderwatch.model import Evidence, Location, Place, Report


def report(text: str, published: str | None = None, title: str | None = None, rid: str = "r1") -> Report:
    """A synthetic report (invented incident, real place names)."""
    when = dt.datetime.fromisoformat(published) if published else None
    return Report(id=rid, text=text, published=when, title=title)


def sub_types_and_tolls(extractor, text: str, published: str) -> list[tuple[str, int | None]]:
    """The (sub-event type, fatalities) of each event the extractor finds in a one-report text."""
    (result,) = extractor.pipe([report(text, published)])
    return [(e.sub_event_type, e.fatalities) for e in result.events]


class FakeLocator:
    """A PlaceLocator standing in for the geo stage: a fixed little gazetteer, first place of the sentence wins."""

    GAZETTEER: ClassVar[dict[str, tuple[str, float, float]]] = {
        "Boulkessi": ("ML", 15.1, -1.6),
        "Tillaberi": ("NE", 14.2, 1.45),
        "Kasserine": ("TN", 35.17, 8.83),
        "Djibo": ("BF", 14.1, -1.63),
    }

    def __init__(self) -> None:
        self.calls: list[str] = []

    def find_places(self, text: str, entities: Sequence, country_hint: str | None = None) -> list[Place]:
        places = []
        for name, (country, lat, lon) in self.GAZETTEER.items():
            start = text.find(name)
            if start >= 0:
                places.append(
                    Place(text=name, start=start, end=start + len(name), name=name, lat=lat, lon=lon, country=country)
                )
        return places

    def locate_event(self, text: str, evidence: Evidence, places: Sequence[Place]) -> Location | None:
        self.calls.append(evidence.sentence)
        inside = sorted((p for p in places if evidence.start <= p.start < evidence.end), key=lambda p: p.start)
        if not inside:
            return None
        place = inside[0]
        return Location(name=place.name, lat=place.lat, lon=place.lon, country=place.country, geo_precision=1)

    def locate_point(self, lat: float, lon: float, name: str | None = None) -> Location:
        return Location(name=name, lat=lat, lon=lon, country="DZ", geo_precision=1, border="DZA-MLI", border_km=5.0)
