"""A three-letter word written as a name, tagged a place, is no great city it is only another name of ('Jas
gunmen': Jas is among the other names of Jos, Nigeria, and of Iasi, Romania); the great city's own name, or an
abbreviation in capitals, still is. Every sentence is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


def _found(geoparser, text: str, names: list[str]) -> dict[str, int | str | None]:
    entities = sorted(span(text, name, "GPE") for name in names)
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


@pytest.mark.parametrize(
    ("text", "others"),
    [
        ("Jas gunmen killed 12 villagers in Bokkos, Plateau State, Nigeria, on Sunday.", ["Bokkos", "Nigeria"]),
        ("Jas fighters stormed a village in Borno State overnight.", ["Borno State"]),
        ("Jas militants were blamed for the raid, Nigerian officials said.", []),
    ],
)
def test_a_word_is_no_great_city_by_another_of_its_names(geoparser, text, others) -> None:
    assert "Jas" not in _found(geoparser, text, ["Jas", *others])


def test_a_great_city_s_own_short_name_is_kept(geoparser) -> None:
    text = "Jos was tense on Monday after clashes in Plateau State."
    assert _found(geoparser, text, ["Jos", "Plateau State"])["Jos"] == 2335953
