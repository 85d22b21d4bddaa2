"""Distantly related kinds at one town on one day: a clash and an abduction, an abduction and arrests. A town's day
often holds both as two happenings; they join only on a figure, another name, a state force or group, or wording in
common (`type.distant_families`). All synthetic: invented incidents, real places."""

from __future__ import annotations

from borderwatch.model import Quantity

from ._make import decide, features, mention

CLASH = mention(
    sub="Armed clash",
    etype="Battles",
    day="2025-08-12",
    place="Ouallam",
    actor1="Military Forces of Niger (2023-)",
    actor2="Unidentified Armed Group (Niger)",
    sentence="SYNTHETIC. Soldiers clashed with jihadist fighters near Ouallam on Tuesday, the army said.",
)


def abduction(sentence: str, *, actor1: str | None = None, quantities: list[Quantity] | None = None):
    return mention(
        sub="Abduction/forced disappearance",
        etype="Violence against civilians",
        day="2025-08-12",
        place="Ouallam",
        actor1=actor1,
        quantities=quantities,
        sentence=sentence,
    )


def test_an_abduction_sharing_only_the_towns_day_with_a_clash_is_another_happening() -> None:
    taken = abduction("SYNTHETIC. Gunmen abducted two aid workers in Ouallam on Tuesday, a humanitarian source said.")
    decision = decide(features(taken, "r1", "2025-08-13"), features(CLASH, "r0", "2025-08-13"))
    assert decision.event_id is None
    assert decision.best is not None and "distantly related kinds" in (decision.best.vetoed or "")


def test_arrests_sharing_only_the_towns_day_with_an_abduction_are_another_happening() -> None:
    taken = abduction("SYNTHETIC. Gunmen abducted two aid workers in Ouallam on Tuesday, a humanitarian source said.")
    arrests = mention(
        sub="Arrests",
        etype="Strategic developments",
        day="2025-08-12",
        place="Ouallam",
        actor1="Police Forces of Niger (2023-)",
        sentence="SYNTHETIC. Police arrested three suspected fuel smugglers in Ouallam on Tuesday.",
    )
    decision = decide(features(arrests, "r1", "2025-08-13"), features(taken, "r0", "2025-08-13"))
    assert decision.event_id is None


def test_a_clash_and_an_abduction_naming_one_state_force_still_join() -> None:
    # the soldiers fought the kidnappers off after they had taken the men: one happening told two ways
    taken = abduction(
        "SYNTHETIC. Kidnappers seized two aid workers near Ouallam on Tuesday before soldiers gave chase.",
        actor1="Military Forces of Niger (2023-)",
    )
    decision = decide(features(taken, "r1", "2025-08-13"), features(CLASH, "r0", "2025-08-13"))
    assert decision.event_id == "E0"
