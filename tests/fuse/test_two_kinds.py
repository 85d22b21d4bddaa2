"""One happening told as two kinds: gunmen storm a village and carry men off, one report coding the abduction and
another the attack the villagers fought off. A clash and an abduction are compared (at a cost), not vetoed, and join
on one day and place; a day apart they remain a follow-up. All synthetic: invented incidents, real places."""

from __future__ import annotations

from borderwatch.model import EventMention

from ._make import decide, features, mention

ABDUCTION = mention(
    sub="Abduction/forced disappearance",
    etype="Violence against civilians",
    day="2026-07-18",
    place="Ouallam",
    geo_precision=2,
    sentence="SYNTHETIC. Gunmen stormed a village near Ouallam on Saturday and abducted nine men, residents said.",
)


def clash(day: str) -> EventMention:
    return mention(
        sub="Armed clash",
        etype="Battles",
        day=day,
        place="Ouallam",
        geo_precision=2,
        sentence="SYNTHETIC. Armed men attacked a village near Ouallam; villagers fought back and nine men are "
        "missing, a local official said.",
    )


def test_the_attack_and_the_abduction_of_one_village_on_one_day_join() -> None:
    decision = decide(features(clash("2026-07-18"), "r1", "2026-07-19"), features(ABDUCTION, "r0", "2026-07-18"))
    assert decision.event_id == "E0"


def test_a_clash_the_day_after_an_abduction_is_a_follow_up() -> None:
    decision = decide(features(clash("2026-07-19"), "r1", "2026-07-20"), features(ABDUCTION, "r0", "2026-07-18"))
    assert decision.event_id is None
