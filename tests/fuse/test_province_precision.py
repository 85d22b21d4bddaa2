"""A town that bears its province's name, read by a sentence that names only the province ("dans le gouvernorat de
Kasserine", "the Kasserine governorate"): the geocoder's town stands for the province, and the mention is known
only to its province, not placed at the town. All synthetic: invented incidents, real places."""

from __future__ import annotations

from ._make import decide, features, mention

CLASH = {"sub": "Armed clash", "etype": "Battles", "day": "2026-06-06", "fatalities": 2}


def test_a_town_named_only_as_its_province_is_the_province() -> None:
    for sentence in (
        "SYNTHETIC. Deux assaillants ont été tués samedi lors d'un accrochage dans le gouvernorat de Kasserine.",
        "SYNTHETIC. Two gunmen were killed in a clash with soldiers in the Kasserine governorate on Saturday.",
    ):
        placed = features(mention(**CLASH, place="Kasserine", geo_precision=2, sentence=sentence), "r1", "2026-06-07")
        assert placed.geo_precision == 3, sentence


def test_a_town_named_as_itself_stays_the_town() -> None:
    for sentence in (
        "SYNTHETIC. Two gunmen were killed in a clash with soldiers in Kasserine on Saturday.",
        "SYNTHETIC. Two gunmen were killed in a clash in Kasserine, in the Kasserine governorate, on Saturday.",
    ):
        placed = features(mention(**CLASH, place="Kasserine", geo_precision=2, sentence=sentence), "r1", "2026-06-07")
        assert placed.geo_precision == 2, sentence


def test_a_town_of_another_name_in_a_named_province_stays_the_town() -> None:
    sentence = "SYNTHETIC. Two gunmen were killed in a clash near Sbiba, in the Kasserine governorate, on Saturday."
    placed = features(mention(**CLASH, place="Sbiba", geo_precision=2, sentence=sentence), "r1", "2026-06-07")
    assert placed.geo_precision == 2


def test_the_clash_told_by_its_province_joins_the_report_naming_its_town() -> None:
    near_sbiba = mention(
        **CLASH,
        place="Sbiba",
        geo_precision=2,
        sentence="SYNTHETIC. Soldiers killed two gunmen in a clash near Sbiba on Saturday, the ministry said.",
    )
    in_province = mention(
        **CLASH,
        place="Kasserine",
        geo_precision=2,
        sentence="SYNTHETIC. Deux terroristes ont été abattus samedi lors d'un accrochage dans le gouvernorat de "
        "Kasserine.",
    )
    decision = decide(features(in_province, "r1", "2026-06-07"), features(near_sbiba, "r0", "2026-06-06"))
    assert decision.event_id == "E0"
