"""An attack and the arrests that followed it: the roles of the actors (who acted, who was acted upon) tell the two
apart when they share a town, a day, a figure or a name. All synthetic: invented incidents, real places and
organisations as actors only."""

from __future__ import annotations

from types import SimpleNamespace

from borderwatch.fuse import Fuser
from borderwatch.model import Quantity
from borderwatch.store._fusion_index import feature_row, features_from_row

from ._make import decide, features, mention

JNIM = "JNIM: Group for Support of Islam and Muslims"
BF_ARMY = "Military Forces of Burkina Faso (2022-)"
TN_POLICE = "Police Forces of Tunisia (2019-)"
NE_ARMY = "Military Forces of Niger (2023-)"
ARRESTS = {"sub": "Arrests", "etype": "Strategic developments"}
CLASH = {"sub": "Armed clash", "etype": "Battles"}


def _arrests(count: int, **kwargs: object):
    return mention("e2", **ARRESTS, quantities=[Quantity(kind="arrests", value=count)], **kwargs)  # type: ignore[arg-type]


def _vetoed_by_roles(decision) -> bool:  # type: ignore[no-untyped-def]
    return decision.best is not None and (decision.best.vetoed or "").startswith("actors:")


def test_the_attackers_arrested_are_not_their_attack() -> None:
    """The arrested are the attack's actor1, arrested by the force it struck, the same day at the same town: a
    shared toll and the group's name do not make the arrests the attack."""
    cases = [
        (
            "SYNTHETIC. JNIM militants ambushed a gendarmerie patrol near Seytenga on Wednesday, killing two "
            "gendarmes.",
            "SYNTHETIC. Soldiers arrested four JNIM militants at Seytenga on Wednesday over the ambush that killed two "
            "gendarmes.",
        ),
        (
            "SYNTHETIC. Des combattants du JNIM ont attaqué mercredi le poste de Seytenga, tuant deux gendarmes.",
            "SYNTHETIC. L'armée a interpellé mercredi à Seytenga quatre membres du JNIM soupçonnés d'avoir tué deux "
            "gendarmes.",
        ),
    ]
    for attack_sentence, arrest_sentence in cases:
        attack = mention(**CLASH, place="Seytenga", actor1=JNIM, actor2=BF_ARMY, fatalities=2, sentence=attack_sentence)
        arrests = _arrests(4, place="Seytenga", actor1=BF_ARMY, actor2=JNIM, fatalities=2, sentence=arrest_sentence)
        decision = decide(features(arrests, "r2", "2025-04-07"), features(attack, "r1", "2025-04-07"))
        assert decision.event_id is None and _vetoed_by_roles(decision), arrest_sentence


def test_the_attacked_force_arresting_is_not_the_attack() -> None:
    """The arresting force is the force the attack struck (its actor2); the arrested are not named (the
    extractor codes suspects as no actor)."""
    cases = [
        (
            "SYNTHETIC. Gunmen shot dead two National Guard officers at a checkpoint in Ben Guerdane on Monday.",
            "SYNTHETIC. Police arrested three suspects in Ben Guerdane on Monday after the killing of two guardsmen "
            "at a checkpoint.",
        ),
        (
            "SYNTHETIC. Deux agents de la garde nationale ont été tués lundi à un barrage de Ben Guerdane.",
            "SYNTHETIC. La garde nationale a arrêté lundi à Ben Guerdane trois suspects après la mort de deux agents "
            "à un barrage.",
        ),
    ]
    for attack_sentence, arrest_sentence in cases:
        attack = mention(
            **CLASH,
            place="Ben Guerdane",
            actor1="Unidentified Armed Group (Tunisia)",
            actor2=TN_POLICE,
            fatalities=2,
            sentence=attack_sentence,
        )
        arrests = _arrests(3, place="Ben Guerdane", actor1=TN_POLICE, fatalities=2, sentence=arrest_sentence)
        decision = decide(features(arrests, "r2", "2025-04-07"), features(attack, "r1", "2025-04-07"))
        assert decision.event_id is None and _vetoed_by_roles(decision), arrest_sentence


def test_arrests_dated_only_to_their_week_are_not_the_attack_either() -> None:
    attack = mention(
        **CLASH,
        place="Ouallam",
        actor1=JNIM,
        actor2=NE_ARMY,
        fatalities=3,
        sentence="SYNTHETIC. JNIM fighters attacked the army post at Ouallam on Sunday, killing three soldiers.",
    )
    arrests = _arrests(
        5,
        place="Ouallam",
        precision=2,
        actor1=NE_ARMY,
        actor2=JNIM,
        fatalities=3,
        sentence="SYNTHETIC. This week the army detained five JNIM members at Ouallam for the attack on its post.",
    )
    decision = decide(features(arrests, "r2", "2025-04-09"), features(attack, "r1", "2025-04-07"))
    assert decision.event_id is None and _vetoed_by_roles(decision)


def test_a_force_that_fought_a_group_and_arrested_its_men_acts_in_both() -> None:
    """The clash in which the army took prisoners, told by one report as the fight and by another as the arrests:
    the army acts in both, the group is acted upon in both, and the roles say nothing against one happening."""
    fight = mention(
        **CLASH,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2=JNIM,
        fatalities=4,
        sentence="SYNTHETIC. The army raided a JNIM hideout near Ouallam on Sunday, killing four militants and "
        "capturing six.",
    )
    arrests = _arrests(
        6,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2=JNIM,
        fatalities=4,
        sentence="SYNTHETIC. Six JNIM militants were captured by the army near Ouallam on Sunday in a raid that "
        "killed four.",
    )
    decision = decide(features(arrests, "r2", "2025-04-07"), features(fight, "r1", "2025-04-07"))
    assert not _vetoed_by_roles(decision)
    assert decision.event_id == "E0"


def test_reports_of_one_clash_may_name_its_sides_either_way_round() -> None:
    """Roles are compared across kinds only: two reports of one clash, one naming the army first, the other the
    group, are one happening."""
    army_first = mention(
        **CLASH,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2=JNIM,
        fatalities=4,
        sentence="SYNTHETIC. Soldiers fought JNIM fighters near Ouallam on Sunday; four militants were killed.",
    )
    group_first = mention(
        **CLASH,
        place="Ouallam",
        actor1=JNIM,
        actor2=NE_ARMY,
        fatalities=4,
        sentence="SYNTHETIC. Des combattants du JNIM ont affronté l'armée dimanche près de Ouallam ; quatre tués.",
    )
    assert decide(features(group_first, "r2", "2025-04-07"), features(army_first, "r1", "2025-04-07")).event_id
    assert decide(features(army_first, "r2", "2025-04-07"), features(group_first, "r1", "2025-04-07")).event_id


def test_the_roles_are_read_from_actor1_and_actor2_and_survive_the_stored_row() -> None:
    fuser = Fuser()
    stored = features(
        _arrests(4, place="Seytenga", actor1=BF_ARMY, actor2=JNIM, sentence="SYNTHETIC. Soldiers arrested four."),
        "r1",
        "2025-04-07",
    )
    assert stored.acting == "military forces of burkina faso"
    assert stored.acted_on == "jnim: group for support of islam and muslims"
    row = feature_row(fuser, stored, "E1", fuser.keys(stored))
    decoded = features_from_row(SimpleNamespace(**row))
    assert (decoded.acting, decoded.acted_on, decoded.named, decoded.state) == (
        stored.acting,
        stored.acted_on,
        stored.named,
        stored.state,
    )
    # A row stored before roles were kept lists the names alone: no role, and the names as they were.
    row.update(named_actors=stored.named[0], state_actors=stored.state[0])
    old = features_from_row(SimpleNamespace(**row))
    assert (old.acting, old.acted_on, old.named, old.state) == ("", "", stored.named, stored.state)


def test_a_generic_actor_has_no_role_to_compare() -> None:
    arrests = _arrests(
        2,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2="Unidentified Armed Group (Niger)",
        sentence="SYNTHETIC. Two gunmen were arrested at Ouallam.",
    )
    placed = features(arrests, "r1", "2025-04-07")
    assert placed.acting == "military forces of niger" and placed.acted_on == ""
