"""End-to-end probes of French-language and English Sahel reports (data/sahel_probes.json, SYNTHETIC): the model's
entities, then `Geoparser.find_places`; a probe is right when the place found at its name is the gold place, or,
for a name the gazetteer holds nowhere in the region, when no place found there is resolved (unresolved rather
than wrong)."""

from __future__ import annotations

import json
from pathlib import Path

from borderwatch.geo import Geoparser

_PROBES = json.loads((Path(__file__).parent / "data" / "sahel_probes.json").read_text(encoding="utf-8"))["probes"]
# Probes right after French locative words and the namesake check: a floor, so that a change that loses one shows.
_FLOOR = 31


def probe_is_right(geoparser: Geoparser, entity_model, probe: dict) -> bool:
    text, name, gold = probe["text"], probe["name"], probe["gold"]
    start = text.index(name)
    end = start + len(name)
    entities = [(e.start_char, e.end_char, e.label_) for e in entity_model(text).ents]
    found = [p for p in geoparser.find_places(text, entities) if p.start < end and start < p.end]
    if gold == "unresolved":
        return all(p.lat is None for p in found)
    return any(p.geonameid == gold for p in found)


def test_the_sahel_probes_score_at_least_the_floor(geoparser, entity_model) -> None:
    right = [probe_is_right(geoparser, entity_model, probe) for probe in _PROBES]
    assert len(_PROBES) >= 30
    assert sum(right) >= _FLOOR, f"{sum(right)}/{len(_PROBES)} probes right"
