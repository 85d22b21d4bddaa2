"""A crackdown on a protest told two ways: one report codes the protesters shot by the police (Protests: Excessive
force against protesters), another, which names no protest, the civilians killed by the police (Violence against
civilians: Attack). The two families are related only distantly: they join on a shared figure, name, state force or
wording, and a town's protest and an attack on civilians there the same day stay two. Added in round 29
(fusionq29). All SYNTHETIC: invented incidents at real places."""

from __future__ import annotations

from datetime import date

from borderwatch.fuse import Candidate, Decision, Fuser, MentionFeatures
from borderwatch.model import EventMention

from ._make import mention

FUSER = Fuser()
FORCE = {"etype": "Protests", "sub": "Excessive force against protesters"}
PEACEFUL = {"etype": "Protests", "sub": "Peaceful protest"}
ATTACK = {"etype": "Violence against civilians", "sub": "Attack"}
POLICE = "Police Forces of Tunisia (2021-)"


def features(m: EventMention, report: str) -> MentionFeatures:
    return FUSER.features(m, f"{report}-{m.id}", report, date(2025, 7, 20))


def decide(new: EventMention, old: EventMention) -> Decision:
    return FUSER.decide(features(new, "r1"), [Candidate("E0", [features(old, "r0")])])


def test_protesters_shot_and_civilians_killed_by_the_police_with_one_toll_are_one_event() -> None:
    shot = mention(
        **FORCE,
        place="Ben Guerdane",
        day="2025-07-19",
        fatalities=2,
        actor1=POLICE,
        sentence="SYNTHETIC. Police fired live rounds at protesters in Ben Guerdane, killing two young men.",
    )
    killed = mention(
        **ATTACK,
        place="Ben Guerdane",
        day="2025-07-19",
        fatalities=2,
        sentence="SYNTHETIC. Deux jeunes hommes ont été tués samedi à Ben Guerdane par des tirs de la police.",
    )
    assert decide(killed, shot).event_id == "E0"


def test_a_march_broken_up_and_a_man_shot_dead_by_the_same_force_are_one_event() -> None:
    # No toll in the first report: the state force both name tells the one story.
    dispersed = mention(
        **FORCE,
        place="Kasserine",
        day="2025-07-19",
        actor1=POLICE,
        sentence="SYNTHETIC. Riot police broke up a march of unemployed graduates in Kasserine with live fire.",
    )
    shot = mention(
        **ATTACK,
        place="Kasserine",
        day="2025-07-19",
        actor1=POLICE,
        fatalities=1,
        sentence="SYNTHETIC. A young man was shot dead by police officers in Kasserine on Saturday.",
    )
    assert decide(shot, dispersed).event_id == "E0"


def test_a_peaceful_sit_in_and_gunmen_killing_a_shepherd_in_one_town_are_two_events() -> None:
    sit_in = mention(
        **PEACEFUL,
        place="Sbeitla",
        day="2025-07-19",
        sentence="SYNTHETIC. Farmers held a sit-in outside the governor's office in Sbeitla over water cuts.",
    )
    killing = mention(
        **ATTACK,
        place="Sbeitla",
        day="2025-07-19",
        fatalities=1,
        sentence="SYNTHETIC. Unidentified gunmen killed a shepherd on the outskirts of Sbeitla on Saturday.",
    )
    decision = decide(killing, sit_in)
    assert decision.event_id is None
    assert decision.best is not None and "distantly related kinds" in (decision.best.vetoed or "")


def test_the_two_families_are_compared_but_only_distantly() -> None:
    config = FUSER.config
    assert "civilians" in config.compatible_families("protest")
    value = config.compatibility_of("protest", "civilians")
    assert value is not None and value <= config.type.distant_families
