"""Which events a report states and of which type, round types31 (issue 3): the fight that answers a one-sided act
(an attack on civilians, an abduction, an arrest, an air strike) with the very people it was about is part of that
act, unless it kills; habits told with a period adverb are no happening; a fight with gunfire is no riot. Synthetic
sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report, sub_types_and_tolls

pytestmark = pytest.mark.slow


def _events(extractor, text: str, published: str = "2027-08-05") -> list[tuple[str, int | None]]:
    return sub_types_and_tolls(extractor, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire: the troops' answer to the attack, with the attackers told before
        (
            "Suspected jihadists raided a market in Tin-Akoff on Tuesday and shot dead six traders. Troops engaged "
            "the attackers, who fled towards the border.",
            [("Attack", 6)],
        ),
        # field report
        (
            "FIELD REPORT 0412\nLOCATION: Kouri, Tillaberi region\nEVENT: Armed group attacked village, 9 civilians "
            "killed.\nDETAILS: FDS unit responded and engaged the attackers for about 30 minutes.",
            [("Attack", 9)],
        ),
        # French article
        (
            "Des hommes armés ont attaqué dimanche le village de Kouri, tuant neuf civils. Les soldats de l'armée "
            "nigérienne sont intervenus et ont affronté les assaillants, qui ont pris la fuite.",
            [("Attack", 9)],
        ),
        # ACLED-style note: a firefight that names no other side fights the attackers told
        (
            "1 Aug 2027 - Kouri, Niger: Suspected militants attacked civilians at the market of Kouri, killing nine. "
            "Security forces intervened and a firefight ensued.",
            [("Attack", 9)],
        ),
        # an abduction whose kidnappers fought off the gendarmes
        (
            "Unknown gunmen abducted a trader near Tahoua on Friday. Gendarmes who arrived on the scene exchanged "
            "fire with the kidnappers, who escaped with their hostage.",
            [("Abduction/forced disappearance", 0)],
        ),
        # French arrest operation where shots were exchanged with the suspects, no one hurt
        (
            "Les forces de sécurité ont mené mercredi une opération à Kasserine et arrêté trois suspects. Des "
            "échanges de tirs ont eu lieu avec les suspects lors de l'opération.",
            [("Arrests", 0)],
        ),
        # an air strike's ground phase: the troops fought what remained of its targets
        (
            "The army announced that on 2 August 2027 its air force struck a terrorist base near Boulkessi, "
            "destroying several vehicles. Ground units then conducted a clearing operation and exchanged fire with "
            "remaining terrorists.",
            [("Air/drone strike", 0)],
        ),
    ],
)
def test_a_fight_with_the_doers_of_a_one_sided_act_is_part_of_it(extractor, text: str, expected) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a response fight that killed fighters is an armed clash of its own, with its toll
        (
            "Suspected jihadists attacked the village of Kouri on Sunday, killing nine civilians. Soldiers engaged "
            "the attackers, and three soldiers and seven militants died in the fighting.",
            [("Attack", 9), ("Armed clash", 10)],
        ),
        (
            "On 22 May 2027, unidentified gunmen killed 3 civilians in the village of Tamou (Say, Tillaberi), Niger. "
            "Soldiers deployed from Say pursued the assailants and clashed with them the same day; 4 soldiers and 11 "
            "militants were killed.",
            [("Attack", 3), ("Armed clash", 15)],
        ),
    ],
)
def test_a_response_fight_that_kills_is_a_clash_of_its_own(extractor, text: str, expected) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army said its aircraft had destroyed a logistics base near Boulkessi on Saturday. The army and "
        "jihadists have been clashing almost daily in the area.",
        "The Malian army said its aircraft had destroyed a logistics base near Boulkessi on Saturday. Soldiers and "
        "militants exchange fire on a near-daily basis in the area.",
    ],
)
def test_fighting_told_as_a_daily_habit_is_no_event(extractor, text: str) -> None:
    assert [sub for sub, _ in _events(extractor, text)] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Les affrontements entre l'armée et les jihadistes sont quasi quotidiens dans la région de Dori.",
        "Les combats entre l'armée et les jihadistes se sont intensifiés ces dernières semaines près de Dori.",
        "Soldiers and militants exchange fire on a near-daily basis around Dori.",
        "Soldiers and jihadists have clashed almost daily around Dori.",
    ],
)
def test_fighting_told_as_daily_or_of_recent_weeks_alone_is_no_event(extractor, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Security forces intervened near Tera on Monday and exchanged fire with gunmen.",
        "On 3 August 2027, security forces intervened in Tera after reports of gunmen and a firefight ensued.",
        "Les forces de sécurité sont intervenues lundi près de Téra et ont engagé le combat.",
    ],
)
def test_an_intervention_with_gunfire_is_a_clash_not_a_riot(extractor, text: str) -> None:
    assert [sub for sub, _ in _events(extractor, text)] == ["Armed clash"]


def test_police_who_intervened_against_stone_throwers_met_a_riot(extractor) -> None:
    # guard: the crowd's fight with the police, no gunfire, stays a violent demonstration
    text = "Police intervened and clashed with stone-throwing youths in Gafsa on Monday."
    assert [sub for sub, _ in _events(extractor, text)] == ["Violent demonstration"]


def _dated(extractor, text: str) -> list[tuple[str, int | None, str | None]]:
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    return [(e.sub_event_type, e.fatalities, e.date) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        # the happening named again with its end on the next day
        "Malian soldiers clashed with jihadists near Boni on Sunday night, the army said. The fighting, which lasted "
        "until early Monday, left 14 militants dead.",
        # with its start the day before, after an attribution
        "The army said on Tuesday that its troops had killed 14 jihadists in clashes near Boni on Sunday. According "
        "to local sources, the fighting began on Saturday evening.",
        # French: the fight placed more closely after an attribution
        "Soldats maliens et jihadistes se sont affrontés dimanche près de Boni, faisant 14 morts parmi les "
        "assaillants. Selon une source sécuritaire, les combats ont eu lieu à une vingtaine de kilomètres à l'est "
        "de Boni, dans la commune de Hombori.",
    ],
)
def test_the_happening_named_again_with_its_edges_or_its_place_is_one_event(extractor, text: str) -> None:
    assert _dated(extractor, text) == [("Armed clash", 14, "2027-08-01")]


@pytest.mark.parametrize(
    "text",
    [
        # guards: the fighting resumed, or the attackers struck again, on the next day: another happening
        "Gunmen attacked a checkpoint near Boni on Sunday, killing two soldiers. The fighting resumed on Monday near "
        "Hombori, where four more soldiers were killed.",
        "Gunmen attacked a checkpoint near Boni on Sunday, killing two soldiers. The attackers struck again on "
        "Monday, killing three soldiers at a post near Hombori.",
        "Des hommes armés ont attaqué dimanche un poste près de Boni, tuant deux soldats. Les combats ont repris "
        "lundi près de Hombori, faisant quatre morts parmi les soldats.",
    ],
)
def test_fighting_that_resumed_the_next_day_is_another_clash(extractor, text: str) -> None:
    assert [(sub, date) for sub, _, date in _dated(extractor, text)] == [
        ("Armed clash", "2027-08-01"),
        ("Armed clash", "2027-08-02"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Des jihadistes ont attaqué dimanche un poste militaire à Boulkessi, tuant cinq soldats. Deux civils ont "
        "également été tués dans les échanges de tirs.",
        "L'armée a repoussé mardi une attaque contre son camp de Tessit. Un civil a été tué lors de la fusillade.",
    ],
)
def test_civilians_killed_in_the_crossfire_are_no_mob(extractor, text: str) -> None:
    assert [sub for sub, _ in _events(extractor, text)] == ["Armed clash"]


def test_a_crowd_that_beats_a_man_to_death_is_still_a_mob(extractor) -> None:
    # guard: no gunfire, a crowd of civilians kills
    text = "Des villageois en colère ont battu à mort un voleur présumé à Gao lundi."
    assert [sub for sub, _ in _events(extractor, text)] == ["Mob violence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # state forces absent from the one-sided act fought its doers, named in both, and killed: a clash of its own
        (
            "On 1 August 2027, JNIM militants attacked the village of Dallah (Boni, Douentza), killing 6 civilians "
            "and looting shops. FAMa later clashed with the militants near the village, killing 4 of them.",
            [("Attack", 6), ("Armed clash", 4)],
        ),
        (
            "Bandits attacked the village of Bouka on Monday, killing three herders. Gendarmes later fought the "
            "bandits in the bush, killing two of them.",
            [("Attack", 3), ("Armed clash", 2)],
        ),
        (
            "Suspected jihadists kidnapped five traders near Menaka on Tuesday. Soldiers later clashed with the "
            "kidnappers near In-Delimane, killing three of them.",
            [("Abduction/forced disappearance", 0), ("Armed clash", 3)],
        ),
    ],
)
def test_state_forces_that_fought_the_doers_and_killed_are_a_clash_of_their_own(extractor, text, expected) -> None:
    assert _events(extractor, text) == expected


def test_police_who_shot_the_gunman_ended_the_attack(extractor) -> None:
    # guard: no fight told, only the attacker shot: the attack's end, one event
    text = (
        "Gunmen opened fire on worshippers at a mosque in Tahoua on Friday, killing seven. Police shot one of the "
        "gunmen dead."
    )
    assert [sub for sub, _ in _events(extractor, text)] == ["Attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont tué neuf villageois à Kouri dimanche. Cette attaque intervient une semaine après des "
        "affrontements entre l'armée et le JNIM qui avaient fait 20 morts près de Djibo.",
        "Des hommes armés ont tué neuf villageois à Kouri dimanche. L'attaque survient deux jours après une "
        "embuscade contre une patrouille de l'armée près de Djibo.",
    ],
)
def test_the_happening_named_again_days_after_another_is_no_new_event(extractor, text: str) -> None:
    # the days counted are those from the background happening to this one, which stays the only event
    assert _dated(extractor, text) == [("Attack", 9, "2027-08-01")]
