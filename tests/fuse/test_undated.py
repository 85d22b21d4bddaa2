"""A report that gives no day: its window holds the other's day, and in a busy region another happening of one
type, so type and area alone do not count as a date that agrees. All synthetic: invented incidents, real places."""

from __future__ import annotations

from ._make import date_value, decide, features, mention

ATTACK = {"sub": "Attack", "etype": "Violence against civilians"}


DATED = mention(
    **ATTACK, day="2026-01-15", place="Ayorou", fatalities=1, sentence="SYNTHETIC. Gunmen shot dead a trader at Ayorou."
)


def test_an_undated_killing_known_only_to_the_region_leans_to_another_happening() -> None:
    undated = mention(
        **ATTACK,
        day=None,
        place="Ayorou",
        geo_precision=3,
        fatalities=2,
        sentence="SYNTHETIC. Gunmen killed two farmers in a village of the region, an association said.",
    )
    decision = decide(features(undated, "r1", "2026-01-19"), features(DATED, "r0", "2026-01-16"))
    assert date_value(decision) < 0  # type and area in common, nothing more: no day is not a day that agrees


def test_an_undated_follow_up_sharing_the_town_and_toll_joins_the_event() -> None:
    follow_up = mention(
        **ATTACK,
        day=None,
        place="Ayorou",
        fatalities=1,
        sentence="SYNTHETIC. Residents of Ayorou buried the trader killed in the attack by gunmen.",
    )
    decision = decide(features(follow_up, "r1", "2026-01-18"), features(DATED, "r0", "2026-01-16"))
    assert date_value(decision) == 0.0
    assert decision.event_id == "E0"


def test_an_undated_report_naming_the_town_its_geocoder_missed_counts_as_one_town() -> None:
    dated = mention(
        sub="Other",
        etype="Strategic developments",
        day="2026-01-26",
        place="Ben Guerdane",
        sentence="SYNTHETIC. Customs officers seized 3,000 litres of fuel at Ben Guerdane.",
    )
    undated = mention(
        sub="Other",
        etype="Strategic developments",
        day=None,
        place=None,
        sentence="SYNTHETIC. Les douaniers de Ben Guerdane ont saisi du carburant de contrebande.",
    )
    decision = decide(features(undated, "r1", "2026-01-29"), features(dated, "r0", "2026-01-27"))
    assert date_value(decision) == 0.0  # the town is stated, only its geocoding failed: positive evidence


def test_an_undated_attack_at_a_town_does_not_take_in_an_air_strike_there() -> None:
    # A claim of the attack on the Ayorou post gives no day; the army's air strike near Ayorou the next day is
    # another happening of another kind: one town is no evidence across two kinds.
    claim = mention(
        day=None,
        place="Ayorou",
        actor1="Islamic State (Sahel)",
        actor2="Military Forces of Niger (2021-)",
        fatalities=5,
        sentence="SYNTHETIC. The group claimed the attack on the army post at Ayorou, saying it killed five soldiers.",
    )
    strike = mention(
        sub="Air/drone strike",
        etype="Explosions/Remote violence",
        day="2026-03-03",
        place="Ayorou",
        actor1="Military Forces of Niger (2021-)",
        fatalities=15,
        sentence="SYNTHETIC. The army said its aircraft struck a column of fighters near Ayorou, killing fifteen.",
    )
    decision = decide(features(strike, "r1", "2026-03-04"), features(claim, "r0", "2026-03-03"))
    assert date_value(decision) < 0
    assert decision.event_id is None
