"""A village (precision 1) and the area of a nearby town (precision 2, "near Dori") in one province: a report that
does not know the village names the town near it. With a shared toll, group or name the two are one happening; with
type, day and area alone they stay two happenings at two points. All synthetic: invented incidents, real places."""

from __future__ import annotations

from borderwatch.model import EventMention

from ._make import decide, features, mention

POST_ATTACK = {
    "sub": "Armed clash",
    "etype": "Battles",
    "day": "2026-06-20",
    "actor2": "Military Forces of Burkina Faso",
}
AT_VILLAGE = mention(
    **POST_ATTACK,
    place="Seytenga",
    geo_precision=1,
    fatalities=3,
    sentence="SYNTHETIC. Gunmen attacked a gendarmerie post at Seytenga on Saturday, killing three gendarmes.",
)


def near_town(fatalities: int) -> EventMention:
    return mention(
        **POST_ATTACK,
        place="Dori",
        geo_precision=2,
        fatalities=fatalities,
        sentence=f"SYNTHETIC. {fatalities} gendarmes ont été tués samedi dans l'attaque d'un poste près de Dori.",
    )


def test_the_village_told_by_its_nearby_town_with_the_same_toll_joins() -> None:
    decision = decide(features(near_town(3), "r1", "2026-06-21"), features(AT_VILLAGE, "r0", "2026-06-20"))
    assert decision.event_id == "E0"


def test_the_village_and_the_towns_area_with_nothing_but_type_and_day_stay_apart() -> None:
    decision = decide(features(near_town(7), "r1", "2026-06-21"), features(AT_VILLAGE, "r0", "2026-06-20"))
    assert decision.event_id is None
    assert decision.best is not None and decision.best.vetoed is not None
    assert decision.best.vetoed.startswith("place")


def test_one_group_at_the_village_and_near_the_town_with_other_tolls_stays_apart() -> None:
    # One group raids two places of its area on one day: the group it shares says nothing of which place.
    group = {**POST_ATTACK, "actor1": "Islamic State (Sahel)"}
    at_village = mention(
        **group,
        place="Seytenga",
        geo_precision=1,
        fatalities=3,
        sentence="SYNTHETIC. IS Sahel fighters attacked a gendarmerie post at Seytenga on Saturday, killing three.",
    )
    near_dori = mention(
        **group,
        place="Dori",
        geo_precision=2,
        fatalities=6,
        sentence="SYNTHETIC. Des combattants de l'EI Sahel ont tué six gendarmes samedi près de Dori.",
    )
    decision = decide(features(near_dori, "r1", "2026-06-21"), features(at_village, "r0", "2026-06-20"))
    assert decision.event_id is None
