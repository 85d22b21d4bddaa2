"""Border distances against places whose distance to a border is known."""

import pytest
from shapely.geometry import Point

from borderwatch.errors import InputError
from borderwatch.geo import border_pair


@pytest.mark.parametrize(
    ("lat", "lon", "pair", "max_km"),
    [
        (33.153, 11.562, "LBY-TUN", 10),  # Ras Ajdir crossing, on the border (Natural Earth 1:50m: a few km)
        (31.990, 10.685, "LBY-TUN", 8),  # Dehiba-Wazin crossing
        (30.133, 9.500, "DZA-LBY", 15),  # Ghadames, by the tripoint
        (19.572, 5.768, "DZA-NER", 20),  # In Guezzam, border town facing Assamaka
        (35.404, 8.124, "DZA-TUN", 40),  # Tebessa, the wilaya seat nearest Tunisia
    ],
)
def test_places_on_or_near_a_border(geoparser, lat, lon, pair, max_km) -> None:
    found, km = geoparser.nearest_border(lat, lon)
    assert found == pair
    assert 0 <= km <= max_km


def test_far_from_every_border(geoparser) -> None:
    # Tamanrasset lies in the middle of the Hoggar, some 300 km from Niger and further from anything else.
    pair, km = geoparser.nearest_border(22.785, 5.523)
    assert pair == "DZA-NER"
    assert 250 < km < 400
    # Algiers: nearer the sea than any border; Morocco and Tunisia are both hundreds of km away.
    _, km_algiers = geoparser.nearest_border(36.753, 3.059)
    assert km_algiers > 300


def test_distances_grow_away_from_the_border(geoparser) -> None:
    # Along the road from Ben Gardane inland: the border with Libya gets further.
    near = geoparser.nearest_border(33.138, 11.220)
    far = geoparser.nearest_border(32.930, 10.452)  # Tataouine
    assert near[0] == far[0] == "LBY-TUN"
    assert near[1] < far[1]


def test_border_pair_is_alphabetical() -> None:
    assert border_pair("tun", "DZA") == "DZA-TUN"
    assert border_pair("LBY", "DZA") == "DZA-LBY"


def test_border_strip_holds_the_border_and_not_the_interior(geoparser) -> None:
    zone = geoparser.border_strip("TUN-DZA", 30)
    assert zone.contains(Point(8.30, 35.30))  # a few km off the DZA-TUN border near Bouchebka
    assert not zone.contains(Point(3.059, 36.753))  # Algiers
    assert not zone.contains(Point(10.18, 36.80))  # Tunis
    wider = geoparser.border_strip("DZA-TUN", 60)
    assert wider.area > zone.area * 1.5


def test_border_strip_rejects_bad_input(geoparser) -> None:
    with pytest.raises(InputError):
        geoparser.border_strip("DZA-FRA", 30)  # no land border
    with pytest.raises(InputError):
        geoparser.border_strip("Algeria", 30)
    with pytest.raises(InputError):
        geoparser.border_strip("DZA-TUN", -5)


def test_nearest_border_rejects_impossible_coordinates(geoparser) -> None:
    with pytest.raises(InputError):
        geoparser.nearest_border(123.0, 5.0)


def test_a_known_position_is_located_with_country_and_border(geoparser) -> None:
    # Bordj Badji Mokhtar itself, a few km from the Malian border.
    location = geoparser.locate_point(21.33, 0.95, "post DZ-TEST-01")
    assert (location.name, location.country, location.geo_precision, location.border) == (
        "post DZ-TEST-01",
        "DZ",
        1,
        "DZA-MLI",
    )
    assert location.border_km is not None and location.border_km < 40
