"""An event on a road named after the town it leads to ('sur la route de Djibo', "sur l'axe Dori", 'on the road to
Djibo') is near that town, not in it (ACLED geo_precision 2), as one on 'the Djibo road' is (data/location_words.json);
an event in the town stays precision 1. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence


def _location(geoparser, text: str, name: str):
    places = geoparser.find_places(text, [span(text, name, "GPE")])
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Un engin explosif a frappé un camion de vivres sur la route de Djibo lundi.", "Djibo"),
        ("Des hommes armés ont intercepté deux cars sur la route d'Ayorou mardi soir.", "Ayorou"),
        ("A supply convoy hit a landmine on the road to Djibo on Monday.", "Djibo"),
    ],
)
def test_an_event_on_the_road_to_a_town_is_near_it(geoparser, text, name) -> None:
    location = _location(geoparser, text, name)
    assert location is not None and location.name == name and location.geo_precision == 2


def test_an_event_in_the_town_stays_in_it(geoparser) -> None:
    text = "Un engin explosif a frappé un camion de vivres à Djibo lundi."
    location = _location(geoparser, text, "Djibo")
    assert location is not None and location.name == "Djibo" and location.geo_precision == 1
