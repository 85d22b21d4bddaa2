"""A region that covers part of the countries it votes for ('the Sahel' is not southern Chad; Lake Chad's basin is
not central Nigeria): its vote goes to their places inside it (data/region_countries.json `extents`), and a place
inside it lies by it as by a town of the report. Every report sentence here is SYNTHETIC: invented incidents in
real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

# (text, names tagged, the name, the place it must be): Léré, Mali (bw:ml-lere, in the Sahel) over Léré in southern
# Chad and Lere in central Nigeria, the larger towns, by 'the Sahel' alone, worded differently.
SAHEL = [
    ("Armed men raided Léré in the Sahel on Sunday.", ["Léré", "Sahel"]),
    ("Violence in the Sahel spread as gunmen torched the market of Léré.", ["Sahel", "Léré"]),
    ("Insecurity across the Sahel: herders were killed near Léré overnight.", ["Sahel", "Léré"]),
    ("Dans le Sahel, des hommes armés ont incendié le marché de Léré dimanche.", ["Sahel", "Léré"]),
]


@pytest.mark.parametrize(("text", "names"), SAHEL, ids=[str(i) for i in range(len(SAHEL))])
def test_the_sahel_votes_for_its_own_lere(geoparser, text: str, names: list[str]) -> None:
    found = {p.text: p for p in geoparser.find_places(text, [span(text, n, "GPE") for n in names])}
    assert found["Léré"].geonameid == "bw:ml-lere"


def test_the_sahel_still_votes_for_its_countries_places_inside_it(geoparser) -> None:
    """'Solhan' of a report about the Sahel is Solhan, Burkina Faso, not Solhan, Turkey (region_countries.json)."""
    text = "Gunmen killed villagers in Solhan, a gold-mining town of the Sahel."
    found = {p.text: p for p in geoparser.find_places(text, [span(text, "Solhan", "GPE"), span(text, "Sahel", "LOC")])}
    assert found["Solhan"].country == "BF"


def test_a_region_outside_the_table_of_extents_votes_for_its_countries_whole(geoparser) -> None:
    from borderwatch.geo._regions import region_extent

    maghreb = next(c for c in geoparser.candidates("Maghreb") if c.country is None)
    sahel = next(c for c in geoparser.candidates("Sahel") if c.country is None)
    assert region_extent(maghreb) is None
    south, north, west, east = region_extent(sahel)
    assert south < north and west < east
