"""A province named like its main town ("the Kasserine governorate", "the Ménaka region"): a report placed only in
the province whose sentence speaks of the province does not state the town, so it does not agree with a report of a
happening in the town as if it named it. All synthetic: invented incidents, real places."""

from __future__ import annotations

from ._make import decide, features, mention

BLAST = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence"}
IN_TOWN = mention(
    **BLAST,
    day="2026-02-02",
    place="Kasserine",
    fatalities=2,
    sentence="SYNTHETIC. A homemade bomb struck a military vehicle near Kasserine, killing two soldiers.",
)


def place_of(decision_features: list[tuple[str, float]]) -> float:
    return next(value for name, value in decision_features if name == "place")


def test_an_undated_blast_in_the_province_of_the_towns_name_is_not_the_towns() -> None:
    in_region = mention(
        **BLAST,
        day=None,
        place="Kasserine",
        geo_precision=3,
        sentence="SYNTHETIC. A roadside bomb hit an army vehicle in the Kasserine governorate, wounding soldiers.",
    )
    decision = decide(features(in_region, "r1", "2026-02-05"), features(IN_TOWN, "r0", "2026-02-03"))
    assert decision.best is not None
    assert place_of([(f.name, f.value) for f in decision.best.features]) < 0.6  # the province, not the town
    assert decision.event_id is None


def test_an_undated_blast_naming_the_town_its_geocoder_placed_in_the_province_still_joins() -> None:
    at_town = mention(
        **BLAST,
        day=None,
        place="Kasserine",
        geo_precision=3,
        fatalities=2,
        sentence="SYNTHETIC. Two soldiers died when a bomb hit their vehicle outside Kasserine.",
    )
    decision = decide(features(at_town, "r1", "2026-02-05"), features(IN_TOWN, "r0", "2026-02-03"))
    assert decision.event_id == "E0"


def test_a_sentence_naming_its_own_province_does_not_name_the_town_of_that_name() -> None:
    # Same day, one kind: a mine near Sbiba "in the Kasserine governorate" and one near the town of Kasserine,
    # about 45 km apart; neither report names the other's place.
    near_sbiba = mention(
        **BLAST,
        day="2026-02-02",
        place="Sbiba",
        geo_precision=2,
        sentence="SYNTHETIC. A mine wounded two soldiers near Sbiba, in the Kasserine governorate.",
    )
    near_town = mention(
        **BLAST,
        day="2026-02-02",
        place="Kasserine",
        geo_precision=2,
        sentence="SYNTHETIC. A shepherd was killed by a mine outside Kasserine.",
    )
    decision = decide(features(near_sbiba, "r1", "2026-02-03"), features(near_town, "r0", "2026-02-03"))
    assert decision.event_id is None
