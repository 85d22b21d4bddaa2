"""Helpers of the places tests."""

from __future__ import annotations

import json
from pathlib import Path

from borderwatch.geo import Geoparser, haversine_km
from borderwatch.model import Evidence, Location, Place


def km_between(place, lat: float, lon: float) -> float:
    assert place is not None and place.lat is not None, f"not resolved: {place}"
    return haversine_km(place.lat, place.lon, lat, lon)


def span(text: str, words: str, label: str | None = None) -> tuple:
    """The (start, end[, label]) of the first occurrence of `words` in `text`."""
    start = text.index(words)
    return (start, start + len(words)) if label is None else (start, start + len(words), label)


def probe_places(geoparser: Geoparser, entity_model, probe: dict) -> tuple[list[Place], Location | None]:
    """An end-to-end probe ({"text", "name", ...}): the places found at its name (the model's entities, then
    `find_places`) and the event's location over the whole text."""
    text, name = probe["text"], probe["name"]
    start = text.index(name)
    end = start + len(name)
    entities = [(e.start_char, e.end_char, e.label_) for e in entity_model(text).ents]
    places = geoparser.find_places(text, entities)
    location = geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)
    return [p for p in places if p.start < end and start < p.end], location


def place_is_right(found: list[Place], probe: dict, unheld_km: float = 25.0) -> bool:
    """The gold place is among `found`; for a name no installed source holds ('unresolved'), every place found is
    unresolved or lies within `unheld_km` of the given position in the given country (a later supplement entry)."""
    if probe["gold"] != "unresolved":
        return any(p.geonameid == probe["gold"] for p in found)
    return all(
        p.lat is None
        or (p.country == probe["country"] and haversine_km(p.lat, p.lon, probe["lat"], probe["lon"]) <= unheld_km)
        for p in found
    )


def load_probes(file_name: str) -> list[dict]:
    """The probes of a set in tests/geo/data ({"probes": [...]})."""
    path = Path(__file__).parent / "data" / file_name
    return json.loads(path.read_text(encoding="utf-8"))["probes"]


def country_probe_totals(geoparser: Geoparser, entity_model, probes: list[dict]) -> dict[str, int]:
    """How many probes have their place among those found at the name, the event's country and its precision (the
    sealed village and context sets, where every probe's country and precision are judged)."""
    totals = {"place": 0, "country": 0, "precision": 0}
    for probe in probes:
        found, location = probe_places(geoparser, entity_model, probe)
        totals["place"] += place_is_right(found, probe)
        totals["country"] += location is not None and location.country == probe["country"]
        totals["precision"] += location is not None and location.geo_precision == probe["precision"]
    return totals
