"""Two kinds of happening at one town on one day: a peaceful march by day and a riot at night, an assault on a camp
and the air strike on the column withdrawing from it. A pair of different families joins only on what tells one
story beyond type, day and place (a figure, another name, an actor or wording in common), and not when the two name
different things struck or seized, unless a figure or a name says they are one. The true joins of one happening
told as two kinds still join. All synthetic: invented incidents, real places."""

from __future__ import annotations

import pytest

from borderwatch.model import EventMention

from ._make import decide, features, mention

JNIM = "JNIM: Group for Support of Islam and Muslims"
ARMY = "Military Forces of Burkina Faso (2022-)"


def protest(sentence: str) -> EventMention:
    return mention(
        sub="Peaceful protest",
        etype="Protests",
        day="2025-11-04",
        place="Kasserine",
        actor1="Protesters (Tunisia)",
        sentence=sentence,
    )


def riot(sentence: str, *, actor2: str | None = None) -> EventMention:
    return mention(
        sub="Violent demonstration",
        etype="Riots",
        day="2025-11-04",
        place="Kasserine",
        actor1="Rioters (Tunisia)",
        actor2=actor2,
        sentence=sentence,
    )


@pytest.mark.parametrize(
    ("march", "night"),
    [
        (
            "SYNTHETIC. Hundreds of residents marched peacefully through the town on Tuesday to demand jobs.",
            "SYNTHETIC. Youths burned tyres and threw stones in the Ezzouhour district on Tuesday night.",
        ),
        (
            "SYNTHETIC. Des centaines d'habitants ont manifesté dans le calme mardi pour réclamer des emplois.",
            "SYNTHETIC. Mardi soir, des jeunes ont incendié des pneus et jeté des pierres dans le quartier.",
        ),
        (
            "SYNTHETIC. Unemployed graduates held a sit-in outside the governorate building on Tuesday.",
            "SYNTHETIC. Overnight, groups of young men blocked roads with burning barricades.",
        ),
    ],
)
def test_a_march_and_a_night_riot_sharing_only_the_towns_day_are_two(march: str, night: str) -> None:
    decision = decide(features(riot(night), "r1", "2025-11-05"), features(protest(march), "r0", "2025-11-05"))
    assert decision.event_id is None
    assert decision.best is not None and "two kinds sharing only" in (decision.best.vetoed or "")


def test_a_march_that_turned_into_a_riot_told_as_both_joins() -> None:
    # one happening: the wording (the march, the tear gas, the police) is what the two reports share
    march = protest("SYNTHETIC. Police fired tear gas at hundreds of residents who marched on Tuesday to demand jobs.")
    turned = riot(
        "SYNTHETIC. Hundreds of residents marching to demand jobs threw stones and police fired tear gas on Tuesday.",
        actor2="Police Forces of Tunisia (2019-)",
    )
    decision = decide(features(turned, "r1", "2025-11-05"), features(march, "r0", "2025-11-05"))
    assert decision.event_id == "E0"


def assault(sentence: str, fatalities: int | None = None) -> EventMention:
    return mention(
        sub="Armed clash",
        etype="Battles",
        day="2025-07-06",
        place="Dori",
        actor1=JNIM,
        actor2=ARMY,
        fatalities=fatalities,
        sentence=sentence,
    )


def strike(sentence: str, fatalities: int | None = None) -> EventMention:
    return mention(
        sub="Air/drone strike",
        etype="Explosions/Remote violence",
        day="2025-07-06",
        place="Dori",
        actor1=ARMY,
        actor2=JNIM,
        fatalities=fatalities,
        sentence=sentence,
    )


@pytest.mark.parametrize(
    ("ground", "air"),
    [
        (
            "SYNTHETIC. JNIM fighters assaulted the army camp at Dori on Sunday; soldiers repelled them.",
            "SYNTHETIC. On Sunday evening aircraft struck a column of JNIM fighters withdrawing from Dori.",
        ),
        (
            "SYNTHETIC. Des combattants du JNIM ont attaqué dimanche la caserne de Dori.",
            "SYNTHETIC. Dimanche soir, un drone a frappé une colonne du JNIM qui se repliait vers le nord.",
        ),
        (
            "SYNTHETIC. Militants stormed the gendarmerie post in Dori on Sunday before dawn.",
            "SYNTHETIC. A drone hit a JNIM convoy of motorbikes on the road out of Dori on Sunday.",
        ),
    ],
)
def test_an_assault_on_a_post_and_the_strike_on_the_withdrawing_column_are_two(ground: str, air: str) -> None:
    decision = decide(features(strike(air), "r1", "2025-07-07"), features(assault(ground), "r0", "2025-07-07"))
    assert decision.event_id is None


def test_different_targets_of_two_kinds_join_on_an_equal_toll() -> None:
    # one happening: the strike on the column fleeing the camp is what the army's account calls the fighting
    ground = assault("SYNTHETIC. JNIM fighters attacked the army camp at Dori on Sunday; 14 assailants died.", 14)
    air = strike("SYNTHETIC. Aircraft struck a column of JNIM fighters at Dori on Sunday, killing 14.", 14)
    decision = decide(features(air, "r1", "2025-07-07"), features(ground, "r0", "2025-07-07"))
    assert decision.event_id == "E0"


@pytest.mark.parametrize(
    ("witness", "army"),
    [
        (
            "SYNTHETIC. A witness said an aircraft attacked the wedding in Seytenga on Saturday.",
            "SYNTHETIC. A military drone struck a wedding gathering in Seytenga on Saturday, a local leader said.",
        ),
        (
            "SYNTHETIC. Selon un témoin, un avion a attaqué la fête de mariage à Seytenga samedi.",
            "SYNTHETIC. Un drone de l'armée a frappé samedi une fête de mariage à Seytenga.",
        ),
    ],
)
def test_a_strike_told_as_an_attack_by_a_witness_joins(witness: str, army: str) -> None:
    told = mention(
        sub="Attack",
        etype="Violence against civilians",
        day="2025-08-16",
        place="Seytenga",
        actor1=ARMY,
        actor2="Civilians (Burkina Faso)",
        sentence=witness,
    )
    struck = mention(
        sub="Air/drone strike",
        etype="Explosions/Remote violence",
        day="2025-08-16",
        place="Seytenga",
        actor1=ARMY,
        actor2="Civilians (Burkina Faso)",
        sentence=army,
    )
    decision = decide(features(told, "r1", "2025-08-17"), features(struck, "r0", "2025-08-17"))
    assert decision.event_id == "E0"


def test_an_attack_told_as_a_clash_with_a_shared_toll_joins() -> None:
    attack = mention(
        sub="Attack",
        etype="Violence against civilians",
        day="2025-04-06",
        place="Ouallam",
        fatalities=7,
        sentence="SYNTHETIC. Gunmen attacked the livestock market in Ouallam on Sunday, killing seven traders.",
    )
    clash = mention(
        sub="Armed clash",
        etype="Battles",
        day="2025-04-06",
        place="Ouallam",
        actor1="Military Forces of Niger (2023-)",
        fatalities=7,
        sentence="SYNTHETIC. Soldiers fought gunmen at the Ouallam market on Sunday; seven people died.",
    )
    decision = decide(features(clash, "r1", "2025-04-07"), features(attack, "r0", "2025-04-07"))
    assert decision.event_id == "E0"


@pytest.mark.parametrize(
    ("fight", "seizure"),
    [
        (
            "SYNTHETIC. Border guards clashed with smugglers near Ben Guerdane on Friday and seized two rifles.",
            "SYNTHETIC. Border guards seized 3,000 litres of fuel near Ben Guerdane on Friday.",
        ),
        (
            "SYNTHETIC. La garde nationale a échangé des tirs vendredi avec des contrebandiers et saisi des fusils.",
            "SYNTHETIC. La garde nationale a saisi vendredi 5 000 litres de carburant de contrebande.",
        ),
    ],
)
def test_a_border_clash_and_a_fuel_seizure_of_one_force_are_two(fight: str, seizure: str) -> None:
    guard = "Police Forces of Tunisia (2019-)"
    clash = mention(
        sub="Armed clash", etype="Battles", day="2025-10-03", place="Ben Guerdane", actor1=guard, sentence=fight
    )
    seized = mention(
        sub="Other",
        etype="Strategic developments",
        day="2025-10-03",
        place="Ben Guerdane",
        actor1=guard,
        sentence=seizure,
    )
    decision = decide(features(seized, "r1", "2025-10-04"), features(clash, "r0", "2025-10-04"))
    assert decision.event_id is None
