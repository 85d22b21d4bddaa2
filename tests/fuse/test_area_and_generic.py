"""Joins and near misses of issue 5 around area and actor: a report naming only the province (wilaya, region) and
one naming the town in it; a generic actor ("gunmen", "des individus armés") and the group; and two villages of one
province attacked on one day, kept apart. All synthetic: invented incidents, real places and organisations as
actors only."""

from __future__ import annotations

from ._make import decide, features, mention

CLASH = {"sub": "Armed clash", "etype": "Battles", "day": "2026-03-05"}
ATTACK = {"sub": "Attack", "etype": "Violence against civilians", "day": "2026-05-03"}
DZ_ARMY = "Military Forces of Algeria (2019-)"


def test_a_report_naming_only_the_province_joins_the_one_naming_its_town() -> None:
    town = features(
        mention(
            **CLASH,
            place="Bir el Ater",
            geo_precision=2,
            actor1=DZ_ARMY,
            fatalities=2,
            sentence="SYNTHETIC. A detachment of the army killed two terrorists near Bir el Ater on Thursday.",
        ),
        "r1",
        "2026-03-06",
    )
    for sentence in (
        "SYNTHETIC. Deux terroristes ont été abattus jeudi par un détachement de l'ANP dans la wilaya de Tebessa.",
        "SYNTHETIC. Two terrorists were killed by soldiers in Tebessa province on Thursday, the ministry said.",
    ):
        # The geocoder places the province's name at its town; the sentence names it as the province.
        province = features(
            mention("e2", **CLASH, place="Tebessa", geo_precision=2, actor1=DZ_ARMY, fatalities=2, sentence=sentence),
            "r2",
            "2026-03-06",
        )
        assert province.geo_precision == 3, sentence
        assert decide(province, town).event_id == "E0", sentence


def test_a_generic_actor_joins_the_named_group() -> None:
    group = features(
        mention(
            "e1",
            **CLASH,
            place="Ayorou",
            actor1="Islamic State (Sahel)",
            actor2="Military Forces of Niger (2023-)",
            fatalities=2,
            sentence="SYNTHETIC. Islamic State Sahel fighters stormed an army post in Ayorou on Thursday, killing two.",
        ),
        "r1",
        "2026-03-06",
    )
    for sentence in (
        "SYNTHETIC. Des individus armés ont attaqué jeudi un poste de l'armée à Ayorou, tuant deux soldats.",
        "SYNTHETIC. Gunmen on motorbikes raided the Ayorou army post on Thursday; two soldiers died.",
    ):
        generic = mention(
            "e2",
            **CLASH,
            place="Ayorou",
            actor1="Unidentified Armed Group (Niger)",
            actor2="Military Forces of Niger (2023-)",
            fatalities=2,
            sentence=sentence,
        )
        assert decide(features(generic, "r2", "2026-03-06"), group).event_id == "E0", sentence


def test_two_villages_of_one_province_attacked_on_one_day_are_two() -> None:
    """Ayorou and Inates, about 55 km apart in the Tillabéri region, each attacked by gunmen on one Sunday."""
    for first_sentence, second_sentence in (
        (
            "SYNTHETIC. Gunmen killed four civilians in the village of Inates on Sunday, residents said.",
            "SYNTHETIC. Des hommes armés ont tué dimanche trois villageois à Ayorou, selon des habitants.",
        ),
        (
            "SYNTHETIC. Des assaillants ont tué quatre civils dimanche à Inatès.",
            "SYNTHETIC. Three people were shot dead by armed men at Ayorou on Sunday.",
        ),
    ):
        first = mention(
            **ATTACK, place="Inates", actor1="Unidentified Armed Group (Niger)", fatalities=4, sentence=first_sentence
        )
        second = mention(
            "e2",
            **ATTACK,
            place="Ayorou",
            actor1="Unidentified Armed Group (Niger)",
            fatalities=3,
            sentence=second_sentence,
        )
        decision = decide(features(second, "r2", "2026-05-04"), features(first, "r1", "2026-05-04"))
        assert decision.event_id is None, second_sentence


BF_ARMY = "Military Forces of Burkina Faso (2022-)"
# (the province a report names alone, its sentence; a report naming a village the geocoder cannot place)
AREA_AND_VILLAGE = [
    (
        "Kompienga",
        "SYNTHETIC. Cinq assaillants ont été neutralisés mardi lors d'un accrochage avec l'armée dans la province de "
        "la Kompienga.",
        "SYNTHETIC. Soldiers clashed with armed men at Pama on Tuesday, killing {} of them, the army said.",
    ),
    (
        "Soum",
        "SYNTHETIC. In Soum province, five militants were killed by the army on Tuesday, security sources said.",
        "SYNTHETIC. L'armée a tué {} jihadistes mardi lors d'un ratissage à Koutougou, selon l'état-major.",
    ),
]


def _area_and_village(province: str, area_sentence: str, village_sentence: str, village_toll: int):
    area = mention("e1", **CLASH, place=province, geo_precision=2, actor1=BF_ARMY, fatalities=5, sentence=area_sentence)
    words = {5: "five", 3: "three"} if village_sentence.count("killing") else {5: "cinq", 3: "trois"}
    village = mention(
        "e2",
        **CLASH,
        place=None,
        actor1=BF_ARMY,
        fatalities=village_toll,
        sentence=village_sentence.format(words[village_toll]),
    )
    return features(village, "r2", "2026-03-06"), features(area, "r1", "2026-03-06")


def test_a_village_the_geocoder_cannot_place_joins_a_report_naming_only_its_area_on_a_shared_toll() -> None:
    for province, area_sentence, village_sentence in AREA_AND_VILLAGE:
        village, area = _area_and_village(province, area_sentence, village_sentence, 5)
        assert area.vague, province
        assert decide(village, area).event_id == "E0", province


def test_without_a_toll_or_name_in_common_the_village_is_somewhere_else_of_the_area() -> None:
    for province, area_sentence, village_sentence in AREA_AND_VILLAGE:
        village, area = _area_and_village(province, area_sentence, village_sentence, 3)
        assert decide(village, area).event_id is None, province
