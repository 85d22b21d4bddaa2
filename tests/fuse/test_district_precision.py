"""A town that a sentence names only as the district bearing its name ("a village in the Ouallam department", "le
cercle de Douentza"): the geocoder's town stands for the district, and the mention is known only to its area, not
placed at the town (a village of the department lies 80 km or more from it). All synthetic: invented incidents, real
places."""

from __future__ import annotations

from typing import Any

from borderwatch.model import EventMention, Location

from ._make import decide, features, mention

ATTACK = {"sub": "Attack", "etype": "Violence against civilians", "day": "2026-08-07", "fatalities": 11}
# Real places, approximate coordinates (GeoNames ids left out: the test compares by position and name).
TOWNS: dict[str, dict[str, Any]] = {
    "Tongo Tongo": {"lat": 15.05, "lon": 1.84, "country": "NE", "admin1": "Tillaberi"},
    "Ouallam": {"lat": 14.316, "lon": 2.086, "country": "NE", "admin1": "Tillaberi"},
    "Thala": {"lat": 35.572, "lon": 8.671, "country": "TN", "admin1": "Kasserine"},
    "Sebba": {"lat": 13.436, "lon": 0.530, "country": "BF", "admin1": "Sahel"},
    "Yagha": {"lat": 13.427, "lon": 0.616, "country": "BF", "admin1": "Sahel"},
}


def _at(place: str, geo_precision: int, sentence: str, **fields: Any) -> EventMention:
    located = mention(**{**ATTACK, **fields}, place=None, sentence=sentence)
    where = Location(name=place, geonameid=f"synthetic-{place}", geo_precision=geo_precision, **TOWNS[place])
    return located.model_copy(update={"location": where})


def test_a_town_named_only_as_its_department_is_an_area() -> None:
    for sentence in (
        "SYNTHETIC. Eleven people were killed when gunmen raided a village in the Ouallam department on Friday.",
        "SYNTHETIC. Onze villageois ont été tués vendredi dans le département de Ouallam.",
    ):
        placed = features(_at("Ouallam", 2, sentence), "r1", "2026-08-08")
        assert placed.geo_precision == 3, sentence


def test_a_town_before_its_province_in_brackets_stays_the_town() -> None:
    sentence = "SYNTHETIC. A patrol came under fire near Thala (Kasserine governorate) on Tuesday."
    placed = features(_at("Thala", 2, sentence, sub="Armed clash", etype="Battles"), "r1", "2026-08-08")
    assert placed.geo_precision == 2


def test_a_village_joins_the_report_naming_only_its_department() -> None:
    village = _at("Tongo Tongo", 1, "SYNTHETIC. Gunmen on motorbikes killed eleven villagers in Tongo Tongo on Friday.")
    department = _at(
        "Ouallam",
        2,
        "SYNTHETIC. Eleven people were killed on Friday when gunmen raided a village in the Ouallam department.",
    )
    decision = decide(features(department, "r1", "2026-08-08"), features(village, "r0", "2026-08-07"))
    assert decision.event_id == "E0"


def test_a_district_and_another_named_place_of_the_province_stay_apart() -> None:
    in_department = _at(
        "Sebba",
        2,
        "SYNTHETIC. Nine civilians were killed on Sunday by gunmen in the Sebba department of Yagha province.",
        fatalities=9,
        day="2026-08-16",
    )
    near_village = _at(
        "Yagha",
        2,
        "SYNTHETIC. Des hommes armés ont tué trois bergers dimanche près de Mansila, dans la province du Yagha.",
        fatalities=3,
        day="2026-08-16",
    )
    decision = decide(features(near_village, "r1", "2026-08-17"), features(in_department, "r0", "2026-08-17"))
    assert decision.event_id is None
