"""A report placed at a town of its own that names another happening's place after it, as a reference ("an attack
on the post at Kasserine, two days after the raid on Sbiba"), tells of another happening: the claim's day does not
excuse the two days between them, and the place it cites is no place both tell of. All synthetic: invented
incidents, real places."""

from __future__ import annotations

from ._make import decide, features, mention

RAID = mention(
    day="2026-03-10",
    place=None,
    actor1="JNIM: Group for Support of Islam and Muslims",
    fatalities=4,
    sentence="SYNTHETIC. JNIM fighters attacked the gendarmerie post at Sbiba on Tuesday, killing four gendarmes.",
)


def test_a_claim_of_an_attack_elsewhere_citing_the_first_is_another_happening() -> None:
    claim = mention(
        day="2026-03-12",
        place="Kasserine",
        actor1="JNIM: Group for Support of Islam and Muslims",
        fatalities=6,
        sentence="SYNTHETIC. JNIM claimed an attack on the army post at Kasserine on Thursday, two days after its "
        "raid on Sbiba, saying it killed six soldiers.",
    )
    decision = decide(features(claim, "r1", "2026-03-12"), features(RAID, "r0", "2026-03-11"))
    # Two days apart, not a statement's day: dates known to the day that far apart are two happenings.
    assert decision.best is not None and "2 days apart, both known to the day" in (decision.best.vetoed or "")
    assert decision.event_id is None


def test_a_claim_of_the_same_attack_on_its_statement_day_still_joins() -> None:
    claim = mention(
        day="2026-03-12",
        place=None,
        actor1="JNIM: Group for Support of Islam and Muslims",
        fatalities=4,
        sentence="SYNTHETIC. JNIM claimed on Thursday the attack on the gendarmerie post at Sbiba, saying it killed "
        "four gendarmes.",
    )
    decision = decide(features(claim, "r1", "2026-03-12"), features(RAID, "r0", "2026-03-11"))
    assert decision.event_id == "E0"
