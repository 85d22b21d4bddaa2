"""Helpers of the places tests."""

from __future__ import annotations

from borderwatch.geo import haversine_km


def km_between(place, lat: float, lon: float) -> float:
    assert place is not None and place.lat is not None, f"not resolved: {place}"
    return haversine_km(place.lat, place.lon, lat, lon)


def span(text: str, words: str, label: str | None = None) -> tuple:
    """The (start, end[, label]) of the first occurrence of `words` in `text`."""
    start = text.index(words)
    return (start, start + len(words)) if label is None else (start, start + len(words), label)
