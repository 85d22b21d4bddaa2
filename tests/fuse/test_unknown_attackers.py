"""Unidentified attackers and the suspects a state force arrested afterwards at the same place: the attack names no
one, the arresting force took no part in it, and the two are two happenings; while one attack told twice, and a
fight in which a force took prisoners, stay one. All synthetic: invented incidents, real places and organisations as
actors only."""

from __future__ import annotations

from types import SimpleNamespace

from borderwatch.fuse import Fuser
from borderwatch.fuse._score_actors import ActorRules
from borderwatch.model import Quantity
from borderwatch.store._fusion_index import feature_row, features_from_row

from ._make import decide, features, mention

GUNMEN_NE = "Unidentified Armed Group (Niger)"
GUNMEN_TN = "Unidentified Armed Group (Tunisia)"
NE_ARMY = "Military Forces of Niger (2023-)"
NE_POLICE = "Police Forces of Niger (2023-)"
NE_GENDARMES = "Gendarmerie of Niger (2023-)"
TN_POLICE = "Police Forces of Tunisia (2019-)"
TN_GUARD = "National Guard of Tunisia (2019-)"
JNIM = "JNIM: Group for Support of Islam and Muslims"
ARRESTS = {"sub": "Arrests", "etype": "Strategic developments"}
CLASH = {"sub": "Armed clash", "etype": "Battles"}
ABDUCTION = {"sub": "Abduction/forced disappearance", "etype": "Violence against civilians"}


def _arrests(count: int, **kwargs: object):  # type: ignore[no-untyped-def]
    return mention("e2", **ARRESTS, quantities=[Quantity(kind="arrests", value=count)], **kwargs)  # type: ignore[arg-type]


def _after(decision) -> bool:  # type: ignore[no-untyped-def]
    best = decision.best
    return decision.event_id is None and best is not None and "arrests after a happening" in (best.vetoed or "")


def test_suspects_arrested_after_an_attack_by_unnamed_gunmen_are_another_happening() -> None:
    """Gunmen strike a post, a market, a village; a state force that was not there arrests suspects at the same town
    the same day. Each pair shares town, day and often wording and figures; the arrests are the follow-up."""
    cases = [
        (
            mention(
                **CLASH,
                place="Ouallam",
                actor1=GUNMEN_NE,
                actor2=NE_ARMY,
                fatalities=3,
                sentence="SYNTHETIC. Gunmen attacked the army post at Ouallam on Sunday, killing three soldiers.",
            ),
            _arrests(
                6,
                place="Ouallam",
                actor1=NE_POLICE,
                sentence="SYNTHETIC. Police arrested six suspects at Ouallam on Sunday after the attack on the army "
                "post that killed three soldiers.",
            ),
        ),
        (
            mention(
                **CLASH,
                place="Kasserine",
                actor1=GUNMEN_TN,
                actor2=TN_GUARD,
                sentence="SYNTHETIC. Des hommes armés ont attaqué dimanche un poste de la garde nationale à Kasserine.",
            ),
            _arrests(
                4,
                place="Kasserine",
                actor1=TN_POLICE,
                sentence="SYNTHETIC. La police a interpellé dimanche à Kasserine quatre suspects après l'attaque du "
                "poste de la garde nationale.",
            ),
        ),
        (
            mention(
                **ABDUCTION,
                place="Ayorou",
                actor1=GUNMEN_NE,
                actor2="Civilians (Niger)",
                sentence="SYNTHETIC. Armed men abducted two traders at the Ayorou livestock market on Sunday.",
            ),
            _arrests(
                3,
                place="Ayorou",
                actor1=NE_GENDARMES,
                sentence="SYNTHETIC. Gendarmes arrested three suspects at the Ayorou market on Sunday after two "
                "traders were abducted.",
            ),
        ),
        (
            mention(
                **ABDUCTION,
                place="Ayorou",
                actor1=None,
                actor2="Civilians (Niger)",
                sentence="SYNTHETIC. Deux commerçants ont été enlevés dimanche dans un village près d'Ayorou.",
            ),
            _arrests(
                2,
                place="Ayorou",
                actor1=NE_ARMY,
                sentence="SYNTHETIC. L'armée a arrêté dimanche deux suspects dans le village près d'Ayorou où deux "
                "commerçants avaient été enlevés.",
            ),
        ),
    ]
    for attack, arrests in cases:
        for new, old in ((arrests, attack), (attack, arrests)):
            decision = decide(features(new, "r2", "2025-04-07"), features(old, "r1", "2025-04-07"))
            assert _after(decision), new.evidence.sentence


def test_a_force_that_fought_the_gunmen_and_took_prisoners_is_one_happening() -> None:
    """The army fought unnamed gunmen and captured some: a side of the fight in both reports, no follow-up."""
    fight = mention(
        **CLASH,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2=GUNMEN_NE,
        fatalities=2,
        sentence="SYNTHETIC. Soldiers clashed with gunmen near Ouallam on Sunday, killing two and capturing five.",
    )
    captured = _arrests(
        5,
        place="Ouallam",
        actor1=NE_ARMY,
        actor2=GUNMEN_NE,
        sentence="SYNTHETIC. L'armée a capturé dimanche cinq assaillants lors d'un accrochage près de Ouallam.",
    )
    decision = decide(features(captured, "r2", "2025-04-07"), features(fight, "r1", "2025-04-07"))
    assert not _after(decision)
    assert decision.event_id == "E0"


def test_one_attack_told_as_gunmen_and_as_the_group_stays_one() -> None:
    """Roles are compared across kinds only: one report's unnamed gunmen and another's named group are one attack."""
    gunmen = mention(
        **CLASH,
        place="Seytenga",
        actor1="Unidentified Armed Group (Burkina Faso)",
        actor2="Military Forces of Burkina Faso (2022-)",
        fatalities=4,
        sentence="SYNTHETIC. Gunmen attacked a military post at Seytenga on Sunday, killing four soldiers.",
    )
    named = mention(
        **CLASH,
        place="Seytenga",
        actor1=JNIM,
        actor2="Military Forces of Burkina Faso (2022-)",
        fatalities=4,
        sentence="SYNTHETIC. Des combattants du JNIM ont attaqué dimanche un poste militaire à Seytenga, tuant quatre "
        "soldats.",
    )
    decision = decide(features(named, "r2", "2025-04-07"), features(gunmen, "r1", "2025-04-07"))
    assert decision.event_id == "E0"


def test_the_rule_reads_only_what_the_stored_row_keeps() -> None:
    """Decoded from the store's row, the arrests still name the force that acted and the attack no one."""
    fuser = Fuser()
    arrests = features(
        _arrests(6, place="Ouallam", actor1=NE_POLICE, sentence="SYNTHETIC. Police arrested six suspects at Ouallam."),
        "r2",
        "2025-04-07",
    )
    attack = features(
        mention(**ABDUCTION, place="Ouallam", actor1=GUNMEN_NE, actor2="Civilians (Niger)"), "r1", "2025-04-07"
    )
    rows = [feature_row(fuser, f, "E1", fuser.keys(f)) for f in (arrests, attack)]
    stored_arrests, stored_attack = (features_from_row(SimpleNamespace(**row)) for row in rows)
    assert ActorRules(fuser.config).held_after(stored_arrests, stored_attack) == "police forces of niger"
