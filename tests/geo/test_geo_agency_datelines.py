"""A dateline in mixed case with its agency ('Niamey (ANP) -', 'Ouagadougou, 12 mars (AIB) —') is read as the one
in capitals is: its place is a place however the entity model tagged it (the report's context, where a sentence
names no place of its own), and not the event's place when the sentence names another. A group's name with its
acronym opening a line ('Boko Haram (ISWAP) -') stays no place. Every report is SYNTHETIC: invented incidents in
real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence


def _location(geoparser, text: str, names: list[tuple[str, str]]):
    places = geoparser.find_places(text, sorted(span(text, words, label) for words, label in names))
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        ("Niamey (ANP) - Des hommes armés ont tué trois bergers dimanche soir.", [("Niamey", "PERSON")], "Niamey"),
        ("Ouagadougou (AIB) - Des individus armés ont incendié deux camions mardi.", [], "Ouagadougou"),
        ("Ouagadougou, 12 mars (AIB) — Des individus armés ont incendié une école.", [], "Ouagadougou"),
    ],
)
def test_the_place_of_a_dateline_with_its_agency_is_read(geoparser, text, names, place) -> None:
    location = _location(geoparser, text, names)
    assert location is not None and location.name == place


def test_a_dateline_with_its_agency_is_not_the_place_of_an_event_the_sentence_places(geoparser) -> None:
    text = "Niamey (ANP) - Des assaillants ont attaqué Tillia lundi, tuant quatre gardes nationaux."
    location = _location(geoparser, text, [("Niamey", "GPE"), ("Tillia", "GPE")])
    assert location is not None and location.name == "Tillia" and location.geo_precision == 1


def test_a_group_s_name_with_its_acronym_is_no_dateline(geoparser) -> None:
    text = "Boko Haram (ISWAP) - Des combattants ont revendiqué une attaque contre des pêcheurs."
    assert [p for p in geoparser.find_places(text, []) if p.lat is not None] == []
