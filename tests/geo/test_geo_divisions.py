"""A division named among its own towns (SYNTHETIC report texts: invented incidents in real places)."""

import pytest


@pytest.mark.parametrize(
    ("text", "division"),
    [
        (
            "SYNTHETIC: HELENA, Mont. - A grass fire near Shelby burned 2,000 acres on Tuesday, Montana officials"
            " said. Crews from Great Falls and Havre joined the fight, and Montana's governor asked for help.",
            "Montana",
        ),
        (
            "SYNTHETIC: BALTIMORE - Flooding closed roads near Annapolis and Columbia on Monday, Maryland officials"
            " said, and Maryland's governor declared an emergency.",
            "Maryland",
        ),
    ],
)
def test_a_division_named_among_its_towns_is_not_a_small_town_named_after_it(geoparser, text, division) -> None:
    """'Montana City' bears 'Montana' as another name and lies among the report's places: what the report says
    about the area speaks for the state as much as for the town, so the state's name stays the state."""
    entities, start = [], text.find(division)
    while start >= 0:
        entities.append((start, start + len(division), "GPE"))
        start = text.find(division, start + 1)
    places = [p for p in geoparser.find_places(text, entities) if p.text == division]
    assert len(places) == 2 and all(p.feature_code == "ADM1" and p.country == "US" for p in places)
