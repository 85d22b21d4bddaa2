"""Matching events to zones through a spatial index, and spike detection against a zone's own baseline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ._model import SpikeRule

__all__ = ["SpikeWindow", "ZoneIndex", "is_spike", "spike_window"]


class ZoneIndex:
    """Zone polygons in an STR-tree: a point is tested only against the zones whose box holds it."""

    def __init__(self, zones: Sequence[tuple[int, BaseGeometry]]) -> None:
        self._ids = [zone_id for zone_id, _ in zones]
        self._shapes = [geometry for _, geometry in zones]
        for geometry in self._shapes:
            shapely.prepare(geometry)
        self._tree = shapely.STRtree(self._shapes)

    def __len__(self) -> int:
        return len(self._ids)

    def containing(self, lon: float, lat: float) -> list[int]:
        """Ids of the zones that hold the point (on the edge counts as inside)."""
        if not self._ids:
            return []
        hits = self._tree.query(Point(lon, lat), predicate="intersects")
        return sorted(self._ids[int(i)] for i in hits)


@dataclass(frozen=True)
class SpikeWindow:
    """The dates a spike check counts: the recent window [start, end] and the baseline before it."""

    baseline_start: date
    start: date
    end: date


def spike_window(rule: SpikeRule, day: date) -> SpikeWindow:
    start = day - timedelta(days=rule.days - 1)
    return SpikeWindow(baseline_start=start - timedelta(days=rule.baseline_days), start=start, end=day)


def is_spike(rule: SpikeRule, recent: int, baseline: int) -> tuple[bool, float]:
    """Whether `recent` events in the window is a spike over `baseline` events in the baseline period.

    Returns the verdict and the number of events the baseline rate predicts for the window.
    """
    expected = baseline * rule.days / rule.baseline_days
    return recent >= rule.min_events and recent >= rule.factor * expected, expected
