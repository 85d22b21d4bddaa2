"""Villages the geocoder does not know: a report naming one is placed at its province ("in Seno province") or at
the nearby town it also names ("a hamlet north of Ménaka"). Another report of the happening names only the nearby
town; another happening of the area names another village. All synthetic: invented incidents, real places."""

from __future__ import annotations

from typing import Any

from borderwatch.model import EventMention, Location

from ._make import decide, features, mention

ATTACK = {"sub": "Attack", "etype": "Violence against civilians", "day": "2026-08-31"}
ABDUCTION = {"sub": "Abduction/forced disappearance", "etype": "Violence against civilians", "day": "2026-09-02"}
# Real places, approximate coordinates; the province's point is its centre.
PLACES: dict[str, dict[str, Any]] = {
    "Seno": {"geonameid": "synthetic-seno", "lat": 13.995, "lon": -0.099, "country": "BF", "admin1": "Sahel"},
    "Dori": {"geonameid": "synthetic-dori", "lat": 14.035, "lon": -0.035, "country": "BF", "admin1": "Sahel"},
    "Ménaka": {"geonameid": "synthetic-menaka", "lat": 15.920, "lon": 2.396, "country": "ML", "admin1": "Ménaka"},
}


def _at(place: str, geo_precision: int, sentence: str, **fields: Any) -> EventMention:
    located = mention(**fields, place=None, sentence=sentence)
    return located.model_copy(update={"location": Location(name=place, geo_precision=geo_precision, **PLACES[place])})


def _village_of_seno(fatalities: int = 6) -> EventMention:
    sentence = "SYNTHETIC. Gunmen killed six civilians on Monday in the village of Tonkoukou-Peulh, in Seno province."
    return _at("Seno", 3, sentence, **ATTACK, fatalities=fatalities)


def test_an_unknown_village_of_a_province_joins_the_report_naming_its_nearby_town() -> None:
    near_dori = _at("Dori", 2, "SYNTHETIC. Six civilians were shot dead on Monday by armed men near Dori.", **ATTACK)
    near_dori = near_dori.model_copy(update={"fatalities": 6})
    decision = decide(features(near_dori, "r1", "2026-09-01"), features(_village_of_seno(), "r0", "2026-09-01"))
    assert decision.event_id == "E0"


def test_without_a_toll_in_common_the_unknown_village_stays_another_place() -> None:
    near_dori = _at("Dori", 2, "SYNTHETIC. Two traders were shot dead on Monday by armed men near Dori.", **ATTACK)
    near_dori = near_dori.model_copy(update={"fatalities": 2})
    decision = decide(features(near_dori, "r1", "2026-09-01"), features(_village_of_seno(), "r0", "2026-09-01"))
    assert decision.event_id is None


def test_two_unknown_villages_of_one_province_stay_apart() -> None:
    other_village = _at(
        "Seno",
        3,
        "SYNTHETIC. Armed men killed two traders on Monday at Wendou-Mbororo, in Seno province.",
        **ATTACK,
        fatalities=2,
    )
    decision = decide(features(other_village, "r1", "2026-09-01"), features(_village_of_seno(), "r0", "2026-09-01"))
    assert decision.event_id is None


def test_two_hamlets_placed_at_one_town_stay_apart() -> None:
    north = _at(
        "Ménaka",
        2,
        "SYNTHETIC. Suspected jihadists abducted four teachers on Wednesday in Kel-Essouk, a hamlet north of Ménaka.",
        **ABDUCTION,
    )
    south = _at(
        "Ménaka",
        2,
        "SYNTHETIC. Des hommes armés ont enlevé quatre éleveurs mercredi à Inkadogotan, au sud de Ménaka.",
        **ABDUCTION,
    )
    decision = decide(features(south, "r1", "2026-09-03"), features(north, "r0", "2026-09-03"))
    assert decision.event_id is None
