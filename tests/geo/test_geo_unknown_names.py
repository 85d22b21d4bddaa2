"""A span the gazetteer does not know (no place bears the name; its reading is a look-alike abroad found through a
looser spelling) says nothing of what a report is about: the entity model's 'Gunmen' tagged as a place, read as
Kunming, must not move the report's other names ('Léré' to Tarma, China; 'Nara' to Japan). Every report sentence
here is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

# (text, the unknown word the entity model tags as a place, the place the report names), worded differently.
CASES = [
    ("Gunmen attacked Nara on Sunday, killing three soldiers.", "Gunmen", "Nara"),
    ("Militants attacked Nara on Sunday, killing three soldiers.", "Militants", "Nara"),
    ("Attackers stormed Nara before dawn and burned the market.", "Attackers", "Nara"),
    ("Gunmen raided Léré overnight, residents said.", "Gunmen", "Léré"),
    ("Militants looted shops in Léré and fled on motorbikes.", "Militants", "Léré"),
]


def _reading(geoparser, text: str, names: list[str], town: str) -> tuple:
    places = geoparser.find_places(text, [span(text, n, "GPE") for n in names])
    found = [p for p in places if p.text == town]
    assert found, f"{town} not found in {text!r}"
    return found[0].geonameid, found[0].confidence


@pytest.mark.parametrize(("text", "unknown", "town"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_an_unknown_span_does_not_move_the_report_s_places(geoparser, text: str, unknown: str, town: str) -> None:
    assert _reading(geoparser, text, [unknown, town], town) == _reading(geoparser, text, [town], town)


def test_the_unknown_span_itself_is_not_a_place(geoparser) -> None:
    text = "Gunmen attacked Nara on Sunday, killing three soldiers."
    places = geoparser.find_places(text, [span(text, "Gunmen", "GPE"), span(text, "Nara", "GPE")])
    assert all(p.lat is None for p in places if p.text == "Gunmen")


def test_a_transliterated_name_of_the_region_still_votes(geoparser) -> None:
    """'Bourj Baji Mukhtar' is no name the gazetteer holds either, but its reading lies in the region whose names
    reports transliterate: it still says the report is about Algeria ('Tin Zaouatine' beside it is Algeria's)."""
    text = "Smugglers crossed from Bourj Baji Mukhtar towards Tinzaouaten on Monday."
    entities = [span(text, "Bourj Baji Mukhtar", "GPE"), span(text, "Tinzaouaten", "GPE")]
    found = {p.text: p for p in geoparser.find_places(text, entities)}
    assert found["Bourj Baji Mukhtar"].country == "DZ"
