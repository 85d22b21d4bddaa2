"""Sealed end-to-end probes of Maghreb and Sahel reports (data/sealed_place_probes.json, SYNTHETIC): villages and
rural communes, mountains, wadis, border posts, namesakes of places elsewhere, places in a list, a short town named
before a larger place, French and English. The model's entities, then `Geoparser.find_places`, then the event's
location over the whole sentence.

A probe's place is right when the place found at its name is the gold place; for a name no installed source holds
('unresolved'), when it stays unresolved or lies within 25 km of the given position in the given country (a later
supplement entry). Country and precision are those of the event's location. The set is measured, not tuned on:
the floors are its first scores, so that a change that loses a probe shows; its single misses are not read.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo_helpers import place_is_right, probe_places

from borderwatch.geo import Geoparser

_PROBES = json.loads((Path(__file__).parent / "data" / "sealed_place_probes.json").read_text(encoding="utf-8"))[
    "probes"
]
# First scores of the set (geo19, before any change of that round): place, country, precision.
_FLOORS = {"place": 36, "country": 36, "precision": 24}


def score(geoparser: Geoparser, entity_model, probe: dict) -> dict[str, bool]:
    found, location = probe_places(geoparser, entity_model, probe)
    right = {"place": place_is_right(found, probe)}
    # An unheld place leaves the event's country and precision to chance: they are judged only for held ones.
    held = probe["gold"] != "unresolved"
    right["country"] = held and location is not None and location.country == probe["country"]
    right["precision"] = held and location is not None and location.geo_precision == probe.get("precision")
    return right


def test_the_sealed_probes_score_at_least_their_floors(geoparser, entity_model) -> None:
    scores = [score(geoparser, entity_model, probe) for probe in _PROBES]
    totals = {measure: sum(s[measure] for s in scores) for measure in _FLOORS}
    held = sum(p["gold"] != "unresolved" for p in _PROBES)
    report = f"place {totals['place']}/{len(_PROBES)}, country {totals['country']}/{held}, precision " + (
        f"{totals['precision']}/{held}"
    )
    print(report)
    assert len(_PROBES) >= 40
    assert all(totals[measure] >= floor for measure, floor in _FLOORS.items()), report
