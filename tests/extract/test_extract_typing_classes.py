"""Which events a report states and of which type, round types26 (issue 3): air strikes after the ground fight,
territory taken with a day between the verb and its object, a field report's town "under own control", the French
sacking of a post by a crowd, French condemnations of a killing and the day of a reaction. Synthetic sentences about
invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _events(extractor, text: str, published: str = "2027-08-05") -> list[tuple[str, str | None]]:
    (result,) = extractor.pipe([report(text, published)])
    return [(e.sub_event_type, e.date) for e in result.events]


def _types(extractor, text: str, published: str = "2027-08-05") -> list[str]:
    return [sub for sub, _ in _events(extractor, text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked the army post at Sebba on Monday. The soldiers repelled them, killing four. A "
        "helicopter later struck the fleeing attackers, killing six more.",
        "Des jihadistes ont attaqué lundi le camp militaire de Sebba. Les soldats ont repoussé l'assaut. Un drone de "
        "l'armée a ensuite frappé les assaillants en fuite à l'est de la ville, tuant sept d'entre eux.",
        "Armed Forces General Staff: on 2 August 2027, terrorists attacked the Ténenkou post. Our units repelled the "
        "attack, neutralising six assailants. Air support later engaged the retreating terrorists near Diafarabé, "
        "destroying three motorcycles.",
    ],
)
def test_a_strike_after_the_ground_fight_is_its_own_event(extractor, text: str) -> None:
    # a strike on the attackers as they left is another engagement (Explosions), not the defenders' air support
    assert sorted(_types(extractor, text)) == ["Air/drone strike", "Armed clash"]


def test_air_support_during_the_fight_stays_the_battle(extractor) -> None:
    # guard: the defenders' air support during the assault is part of the battle ACLED codes (no "later", no "fleeing")
    text = (
        "Jihadists stormed an army base in Nassoumbou on Monday; the soldiers fought back with air support, the army "
        "said. Helicopters struck the attackers' pickups. Thirty assailants were killed."
    )
    assert _types(extractor, text) == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French territory taken with a day or an adverb between the verb and its object
        (
            "Des combattants de l'État islamique se sont emparés lundi de la localité de Tin-Hama, selon des "
            "habitants.",
            ["Non-state actor overtakes territory"],
        ),
        (
            "Des rebelles ont pris dimanche le contrôle de la ville d'Anéfis après le départ de l'armée.",
            ["Non-state actor overtakes territory"],
        ),
        # a field report's town back "under own control" is regained
        (
            "03 AUG 2027, 0700Z: own units re-entered Ber after 3-day operation; town under own control 1400Z.",
            ["Government regains territory"],
        ),
        # a French crowd sacking a police post riots, it does not fight an armed clash
        (
            "Ministère de l'Intérieur : le 3 août 2027, des dizaines de jeunes ont pris d'assaut le poste de police "
            "de Sbeïtla, saccageant les bureaux.",
            ["Violent demonstration"],
        ),
        # a French condemnation of an assassination tells the killing
        (
            "Le Premier ministre a condamné avec fermeté l'assassinat de trois enseignants dimanche à Djibo par des "
            "hommes armés.",
            ["Attack"],
        ),
        # a device found and destroyed, told noun first or with the place between, is disrupted weapons use
        (
            "Sappers detonated a roadside bomb found on the track between Tessit and Ansongo on Monday.",
            ["Disrupted weapons use"],
        ),
        (
            "Un engin explosif improvisé a été découvert puis détruit lundi par les soldats près d'Ansongo.",
            ["Disrupted weapons use"],
        ),
        (
            "Communiqué du ministère de la Défense nationale : le 3 août 2027, un détachement de l'ANP a découvert et "
            "détruit près de Djanet trois mines de confection artisanale.",
            ["Disrupted weapons use"],
        ),
        # a summary's item after its label's colon is told, not a relative clause of the label's noun
        (
            "Daily summary, Tahoua region, 3 August 2027: armed men abducted three traders near Tillia; a patrol hit a "
            "mine near Abala.",
            ["Abduction/forced disappearance", "Remote explosive/landmine/IED"],
        ),
    ],
)
def test_typing_class(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The African Union condemned on Wednesday the killing of five traders in an ambush near Mopti on Monday.",
        "Amnesty International on Wednesday denounced the execution of three herders by gunmen near Djibo on Monday.",
        "L'ONU a fermement condamné mercredi le massacre de sept villageois perpétré lundi près de Bankass par des "
        "hommes armés.",
    ],
)
def test_a_reactions_day_dates_the_reaction_not_the_killing(extractor, text: str) -> None:
    # published Thursday 5 August 2027: the killing was on Monday the 2nd, the reaction on Wednesday the 4th
    assert [date for _, date in _events(extractor, text)] == ["2027-08-02"]


@pytest.mark.parametrize(
    "text",
    [
        # "The kidnappers ..." points back to the abduction: the driver they killed is its toll, not a second event
        "Gunmen abducted a bus driver and two passengers near Tessit on Monday. The kidnappers shot dead the driver "
        "when he tried to flee, a relative said.",
        # what the doers did next ("released one of them the next day") is no abduction of its own
        "Armed men kidnapped four nurses near Inékar on Monday. The abductors freed one of them, an elderly woman, "
        "the following day.",
    ],
)
def test_an_abduction_told_again_by_its_doers_is_one_event(extractor, text: str) -> None:
    assert _types(extractor, text) == ["Abduction/forced disappearance"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd burning a civilian's home with no protest told is mob violence ...
        ("A mob torched the house of a herder accused of cattle theft in Dosso on Sunday.", ["Mob violence"]),
        (
            "Une foule en colère a incendié dimanche la boutique d'un commerçant accusé de vol à Dosso.",
            ["Mob violence"],
        ),
        # guard: a crowd burning a police station riots (a violent demonstration)
        ("Angry youths set fire to the police station in Siliana on Sunday.", ["Violent demonstration"]),
    ],
)
def test_a_crowd_burning_property(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # French strikes a force "mène contre" a gathering, with the day between, are air strikes
        "L'armée a mené mardi des frappes contre un campement de terroristes près de Nampala, neutralisant huit "
        "d'entre eux.",
        # a named attack helicopter that "engaged" a column is an air strike, not a ground clash
        "02 AUG 2027, 2130Z: Mi-24 engaged hostile column vic Anderamboukane; 4 EN KIA, 1 veh destroyed.",
    ],
)
def test_strikes_told_by_their_means(extractor, text: str) -> None:
    assert _types(extractor, text) == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        # the attacked side answered ("returned fire"), with no dead and no day of its own: one clash
        "Gunmen attacked a gold mining site guarded by soldiers near Intahaka on Monday, killing three miners and a "
        "soldier; the troops returned fire.",
        "Gunmen opened fire on traders at the cattle market of Tin-Hama on Monday, killing four of them; soldiers "
        "posted nearby returned fire.",
    ],
)
def test_an_attack_whose_targets_fought_back_is_one_clash(extractor, text: str) -> None:
    assert _types(extractor, text) == ["Armed clash"]


def test_soldiers_who_fought_back_and_killed_are_a_second_event(extractor) -> None:
    # guard: other hands that killed ("Soldiers fought back, killing 20") stay a clash of their own
    text = "Jihadists killed 12 villagers in Seytenga on Monday. Soldiers fought back, killing 20 of the attackers."
    assert sorted(_types(extractor, text)) == ["Armed clash", "Attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # live fire on "a crowd of" protesters is excessive force, not a clash
        (
            "Gendarmes opened fire on a crowd of youths protesting against power cuts in Agadez on Monday, wounding "
            "three.",
            ["Excessive force against protesters"],
        ),
        # French people who "ont marché dans le calme lundi" protested
        (
            "Des centaines de personnes ont marché dans le calme mardi à Mopti pour réclamer la réouverture des "
            "écoles.",
            ["Peaceful protest"],
        ),
    ],
)
def test_protest_class(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French suicide bombers in the plural, who "se sont fait exploser"
        (
            "Deux kamikazes se sont fait exploser mardi devant la caserne de Diffa, tuant quatre soldats.",
            ["Suicide bomb"],
        ),
        # a vehicle "loaded with explosives" is a bomb, not gunmen attacking civilians
        (
            "A pick-up loaded with explosives blew apart at the gate of the army camp in Ménaka on Tuesday; two "
            "sentries were wounded.",
            ["Remote explosive/landmine/IED"],
        ),
    ],
)
def test_bombs_told_by_their_carriers(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # field shorthand: indirect fire (IDF) on a camp is shelling; small-arms fire (SAF) on a checkpoint a clash
        ("02 AUG 2027, 0300Z: IDF on camp Aguelhok, 3 rounds, no casualties.", ["Shelling/artillery/missile attack"]),
        ("02 AUG 2027, 2200Z: RPG and SAF vs checkpoint S of Ansongo. FF 2 WIA.", ["Armed clash"]),
    ],
)
def test_field_shorthand_of_fire(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


def test_the_third_such_attack_is_this_happening(extractor) -> None:
    # "the third such attack this month" counts this happening among others, it is no generic statement
    text = "A roadside bomb killed three gendarmes near Sebba on Tuesday, the second such attack on the road this week."
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"]


def test_a_post_seized_is_territory_taken(extractor) -> None:
    text = (
        "On 4 August 2027, IS Sahel fighters seized the army post of Tidermène, which the troops had left the day "
        "before."
    )
    assert _types(extractor, text) == ["Non-state actor overtakes territory"]
