"""The statement's-day exception to two dates a day or more apart (a toll, a claim or a funeral dated on its
report's own day) holds only with evidence beyond type and area, as for an undated side: the happening's own day
is then unknown, and an area's second happening of one kind two days later is as likely. All synthetic: invented
incidents at real places."""

from __future__ import annotations

from ._make import FUSER, decide, features, mention

MINE = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence", "geo_precision": 2}


def test_a_toll_on_its_statement_day_at_a_nearby_town_is_not_an_earlier_blast() -> None:
    # Kasserine and Sbeitla, 27 km apart, each named alone: two blasts of one kind two days apart, the later told
    # by a risen toll on its report's day, similar wording, a toll close but not equal and no group named.
    first = mention(
        **MINE,
        place="Kasserine",
        day="2025-12-20",
        actor2="Military Forces of Tunisia (2021-)",
        fatalities=2,
        sentence="SYNTHETIC. Two soldiers were killed when an army vehicle struck a roadside bomb near Kasserine.",
    )
    later = mention(
        **MINE,
        place="Sbeitla",
        day="2025-12-22",
        actor2="Military Forces of Tunisia (2021-)",
        fatalities=3,
        sentence="SYNTHETIC. The toll of the roadside bomb that struck an army vehicle near Sbeitla has risen to "
        "three soldiers killed.",
    )
    decision = decide(features(later, "r1", "2025-12-22"), features(first, "r0", "2025-12-21"))
    assert decision.event_id is None
    date = next(f for f in decision.best.features if f.name == "date")
    assert date.value == FUSER.config.date.reported_late_unsupported
    assert "nothing but type and area" in date.detail


def test_a_toll_on_its_statement_day_with_the_same_toll_at_the_same_town_still_joins() -> None:
    first = mention(
        **MINE,
        place="Kasserine",
        day="2025-12-20",
        fatalities=3,
        sentence="SYNTHETIC. Three soldiers were killed when an army vehicle struck a roadside bomb near Kasserine.",
    )
    later = mention(
        **MINE,
        place="Kasserine",
        day="2025-12-22",
        fatalities=3,
        sentence="SYNTHETIC. The toll of the roadside bomb that struck an army vehicle near Kasserine has risen to "
        "three soldiers killed.",
    )
    decision = decide(features(later, "r1", "2025-12-22"), features(first, "r0", "2025-12-21"))
    assert decision.event_id == "E0"


def test_a_french_claim_dated_by_its_communique_joins_the_attack_it_names() -> None:
    # "revendiquée" (the participle agreeing with "l'attaque") is the claim as much as "a revendiqué": the claim's
    # day, two days after the attack, is its communiqué's, not the attack's.
    attack = mention(
        sub="Armed clash",
        etype="Battles",
        place="Ouallam",
        geo_precision=1,
        day="2026-06-30",
        fatalities=2,
        sentence="SYNTHETIC. Gunmen attacked the gendarmerie post of Ouallam on Tuesday, killing two gendarmes.",
    )
    claim = mention(
        sub="Armed clash",
        etype="Battles",
        place="Ouallam",
        geo_precision=1,
        day="2026-07-02",
        sentence="SYNTHETIC. L'attaque du poste de gendarmerie de Ouallam a été revendiquée par un groupe armé dans un "
        "communiqué diffusé jeudi.",
    )
    decision = decide(features(claim, "r1", "2026-07-02"), features(attack, "r0", "2026-07-01"))
    assert decision.event_id == "E0"
    date = next(f for f in decision.best.features if f.name == "date")
    assert date.value == FUSER.config.date.reported_late


def test_a_seizure_announced_as_two_days_earlier_joins_the_seizure_at_its_town() -> None:
    # The extractor dates "said on Wednesday they had seized ... two days earlier" on the statement's day.
    seizure = {"sub": "Other", "etype": "Strategic developments", "place": "Ben Guerdane", "geo_precision": 2}
    first = mention(
        **seizure,
        day="2026-07-06",
        sentence="SYNTHETIC. Customs officers seized 3,000 litres of smuggled fuel near Ben Guerdane on Monday.",
    )
    announced = mention(
        **seizure,
        day="2026-07-08",
        sentence="SYNTHETIC. Tunisian customs said on Wednesday they had seized 3,000 litres of fuel near Ben Guerdane "
        "two days earlier.",
    )
    decision = decide(features(announced, "r1", "2026-07-08"), features(first, "r0", "2026-07-07"))
    assert decision.event_id == "E0"
