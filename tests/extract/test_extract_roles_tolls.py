"""Roles in French reports, the arrests/abductions line, tolls and the country that names generic actors (SYNTHETIC
sentences about invented incidents)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from extract_helpers import FakeLocator, report

from borderwatch.extract import Extractor
from borderwatch.extract._quantities import fatalities_of, find_quantities
from borderwatch.extract._roles_fr import is_french


def _only_event(extractor, text: str, published: str = "2025-06-14"):
    (event,) = extractor(report(text, published=published)).events
    return event


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("Trois civils ont été enlevés par des hommes armés près de Diffa, au Niger, lundi.", True),
        ("Des soldats ont tué six terroristes lors d'un accrochage près de Boni.", True),
        ("Gunmen killed four civilians in a village near Tera on Sunday.", False),
        ("The attack on the village of Dan Na was claimed by the group.", False),
    ],
)
def test_french_sentences_are_told_apart(text: str, french: bool) -> None:
    assert is_french(text) is french


def test_the_french_passive_agent_initiates(extractor) -> None:
    event = _only_event(
        extractor,
        "Des dizaines de civils ont été tués samedi lors de l'attaque d'un marché par des hommes armés près de Gao, "
        "au Mali.",
    )
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Mali)"
    assert event.fatalities == 12  # "des dizaines" = 12, as ACLED codes "dozens"


def test_falling_into_an_ambush_makes_the_patrol_the_target(extractor) -> None:
    event = _only_event(
        extractor,
        "Une patrouille de l'armée burkinabè est tombée dans une embuscade tendue par des terroristes près de "
        "Djibo, au Burkina Faso, dimanche. Quatre soldats ont été tués.",
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Burkina Faso (2022-)"
    assert event.fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        "SYNTHETIC. At least three people were killed when fighting broke out on Tuesday between a brigade of the "
        "Libyan National Army and a local armed group in Sebha, Libya.",
        "SYNTHETIC. Three people were killed on Tuesday in clashes between rival militias in Zawiya, Libya.",
    ],
)
def test_the_people_killed_in_a_battle_are_not_its_other_side(extractor, text: str) -> None:
    event = _only_event(extractor, text)
    assert event.sub_event_type == "Armed clash" and event.fatalities == 3
    assert event.actor2 is not None and event.actor2.name == "Unidentified Armed Group (Libya)"


def test_coming_under_fire_in_french_is_an_attack(extractor) -> None:
    event = _only_event(
        extractor,
        "Un convoi de la gendarmerie malienne a essuyé des tirs de djihadistes près de Kayes, au Mali, mercredi.",
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dix terroristes ont été neutralisés par l'armée.", 10),
        ("Deux gendarmes ont été abattus et trois blessés.", 2),
        ("A 23-year-old man died of gunshot wounds on Monday night.", 1),
        ("The driver died later in hospital.", 1),
        # communiqués: a date between the verb and its count, and the fallen "with honour"
        ("Detachments neutralised on 8 June 2025 two terrorists near Tamanrasset.", 2),
        ("Les unités ont neutralisé, le 8 juin 2025, deux terroristes.", 2),
        ("On our side, 3 soldiers fell with honour.", 3),
        ("Côté ami, 3 soldats tombés au champ d'honneur.", 3),
        ("Fuel prices fell with the reopening of the crossing.", None),
    ],
)
def test_more_tolls(text: str, expected: int | None) -> None:
    assert fatalities_of(find_quantities(text)) == expected


def test_a_communiques_own_losses_told_apart_count_in_the_toll(extractor) -> None:
    event = _only_event(
        extractor,
        "SYNTHETIC. On 7 June 2025, the armed forces of Mali repelled a terrorist attack on the post of Boni. The "
        "enemy suffered heavy losses: 14 terrorists were neutralised. On our side, 3 soldiers fell with honour.",
    )
    assert event.sub_event_type == "Armed clash" and event.fatalities == 17


def test_police_arresting_members_of_a_cell_is_an_arrest(extractor) -> None:
    event = _only_event(
        extractor,
        "Moroccan police arrested seven people suspected of belonging to a terrorist cell planning attacks in "
        "Rabat, Morocco, on Tuesday.",
    )
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Morocco (1999-)"


def test_gunmen_detaining_villagers_is_an_abduction(extractor) -> None:
    event = _only_event(extractor, "Gunmen detained five villagers near Tillia, Niger, on Thursday.")
    assert event.sub_event_type == "Abduction/forced disappearance"


class _NamesakeLocator(FakeLocator):
    """Resolves 'Inata' to a namesake on another continent, as a fuzzy gazetteer match can."""

    GAZETTEER: ClassVar[dict[str, tuple[str, float, float]]] = {"Inata": ("JP", 36.4, 140.5)}


def test_the_country_the_sentence_names_outranks_a_namesake_abroad() -> None:
    extractor = Extractor(locator=_NamesakeLocator())
    text = "Jihadists killed four gendarmes in an attack on a post in Inata, northern Burkina Faso, on Sunday."
    (event,) = extractor(report(text, published="2025-11-18")).events
    assert event.location is not None and event.location.country == "JP"  # the locator's answer is kept as given
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Burkina Faso (2022-)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim competes with the count it follows: the most conservative figure
        ("Militants raided an army camp near Anefis, Mali, on Monday. The army said 4 soldiers were killed, "
         "while the militants claimed to have killed 25.", 4),
        ("Gunmen killed at least 9 people at a market near Tera, Niger, on Friday, residents said, though a "
         "hospital official put the toll at 17.", 9),
        ("The raid on the army post in Tessit, Mali, on Sunday killed 6 soldiers, officials said; the group "
         "claimed it had killed 35 soldiers.", 6),
        # other sides and later deaths still add up
        ("Soldiers killed 11 militants while repelling an attack on their base near Kidal, Mali, on Monday, but "
         "three soldiers also died.", 14),
        ("Gunmen killed four villagers near Bankass, Mali, on Sunday. Two more died of their wounds on Monday.", 6),
    ],
)  # fmt: skip
def test_competing_figures_give_the_conservative_toll(extractor, text: str, expected: int) -> None:
    assert _only_event(extractor, text).fatalities == expected


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Une attaque de jihadistes contre le camp militaire de Tessit, au Mali, a fait trois morts lundi.",
         "Unidentified Armed Group (Mali)"),
        ("Les militaires ont riposté à une attaque de terroristes contre leur poste près de Kantchari, au Burkina "
         "Faso, mardi.", "Unidentified Armed Group (Burkina Faso)"),
        ("Des soldats nigériens ont tué quatre terroristes lors d'un accrochage près de Banibangou, au Niger, jeudi.",
         "Military Forces of Niger (2023-)"),
        # the parser takes "IS" for a verb; the words "ambushed by" still say who did it
        ("A gendarmerie patrol was ambushed by IS Sahel fighters near Tillia, Niger, on Monday.",
         "Islamic State (Sahel)"),
    ],
)  # fmt: skip
def test_who_initiated(extractor, text: str, actor1: str) -> None:
    event = _only_event(extractor, text)
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.name == actor1


def test_a_party_after_an_unrelated_by_is_no_initiator(extractor) -> None:
    text = "Militants attacked a convoy escorted by gendarmes near Kantchari, Burkina Faso, on Monday."
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Burkina Faso)"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Residents of Touggourt, Algeria, blocked the main road and set fire to the town hall on Monday to protest "
         "against power cuts.", "Violent demonstration"),
        ("Gunmen set fire to the town hall of Koro, Mali, on Monday.", "Looting/property destruction"),
        ("Dozens of soldiers were killed when jihadists overran an army post near Diapaga, Burkina Faso, on Monday.",
         "Armed clash"),
        ("Militants seized the town of Boni, Mali, on Monday after soldiers withdrew.",
         "Non-state actor overtakes territory"),
    ],
)  # fmt: skip
def test_sub_types_of_burning_and_overrunning(extractor, text: str, sub_event_type: str) -> None:
    assert _only_event(extractor, text).sub_event_type == sub_event_type


def test_the_tunisian_coast_guard_is_the_national_guard(extractor) -> None:
    event = _only_event(extractor, "Tunisian coast guards detained 25 migrants off Mahdia, Tunisia, on Friday.")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Tunisia (2019-)"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1"),
    [
        ("Jihadists arrested and whipped three men accused of smoking in Léré, Mali, on Monday.",
         "Abduction/forced disappearance", "Unidentified Armed Group (Mali)"),
        ("Des hommes armés ont kidnappé trois commerçants sur la route de Kidal, au Mali, lundi.",
         "Abduction/forced disappearance", "Unidentified Armed Group (Mali)"),
        ("Police in Zinder, Niger, arrested the kidnappers of a trader on Monday.",
         "Arrests", "Police Forces of Niger (2023-)"),
        ("Six smugglers arrested near Tebessa, Algeria, on Monday.", "Arrests", "Police Forces of Algeria (2019-)"),
    ],
)  # fmt: skip
def test_arrests_and_abductions(extractor, text: str, sub_event_type: str, actor1: str) -> None:
    event = _only_event(extractor, text)
    assert event.sub_event_type == sub_event_type
    assert event.actor1 is not None and event.actor1.name == actor1


def test_the_group_that_speaks_later_is_the_unnamed_attacker(extractor) -> None:
    text = (
        "Mali's army said on Friday it had repelled an assault by militants on its camp near Nampala, Mali, on "
        "Wednesday, killing 11 of them.\n"
        "JNIM said in a statement that its fighters had been attacked by the army."
    )
    events = extractor(report(text, published="2025-09-13")).events
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    (event,) = events
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali (2021-)"
    assert event.actor1 is not None and event.actor1.name == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Villagers beat to death two suspected cattle thieves near Ségou.", 2),
        ("A mob beat three men to death in the market.", 3),
    ],
)
def test_mob_killings_count(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


def test_allies_of_the_forces_die_on_their_side(extractor) -> None:
    text = (
        "Burkina Faso's army said on Tuesday it had killed about 25 terrorists after repelling an attack on its base "
        "in Sebba, Burkina Faso, on Sunday.\n"
        "Six soldiers and four VDP auxiliaries died in the fighting, a security source said."
    )
    event = _only_event(extractor, text, published="2025-05-14")
    assert event.fatalities == 35
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Burkina Faso (2022-)"


def test_the_police_rioters_clash_with_are_the_other_side(extractor) -> None:
    text = "Hundreds of dockers clashed with police in Nouadhibou, Mauritania, on Friday, throwing stones."
    event = _only_event(extractor, text)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 is not None and event.actor1.name == "Rioters (Mauritania)"
    assert event.actor2 is not None and event.actor2.name == "Police Forces of Mauritania (2019-)"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [  # SYNTHETIC reports: an event's own toll beside running totals, other sources and the injured
        (
            "Militants attacked an army post near Tera on Monday, killing 5 soldiers. The attack brings to 120 "
            "the number of soldiers killed in the region since January.",
            5,
        ),
        (
            "Gunmen killed 4 villagers near Kaya on Sunday. The toll of civilians killed in the province since "
            "January now stands at 300.",
            4,
        ),
        ("An improvised explosive device killed a soldier and injured four others near Inata on Tuesday.", 1),
        (
            "Gunmen killed at least seven villagers near Bankass on Sunday, according to residents; the army said "
            "four died.",
            4,
        ),
        ("Gunmen killed three aid workers, their local guide and driver near Agadez on Monday.", 5),
        ("A National Guard patrol shot dead a suspected smuggler near Ben Guerdane on Monday night.", 1),
        ("Gunmen killed an engineer and his interpreter near Arlit on Sunday.", 2),
        ("Militants killed two guards and their commander near Kidal on Sunday.", 3),
    ],
)
def test_the_event_s_own_toll_is_coded(extractor, text: str, fatalities: int) -> None:
    events = extractor(report(text, "2025-03-05")).events
    assert [e.fatalities for e in events] == [fatalities]


def test_a_period_s_statistics_are_no_event(extractor) -> None:
    text = (  # SYNTHETIC
        "Soldiers killed three terrorists near Jijel on Monday. According to the ministry's figures, 27 terrorists "
        "were killed and 40 arrested in 2024."
    )
    events = extractor(report(text, "2025-03-05")).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 3)]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [  # SYNTHETIC
        (
            "An army vehicle hit a mine planted by the Okba Ibn Nafaa Brigade on Mount Semmama on Tuesday.",
            "Okba Ibn Nafaa Brigade",
            "Military Forces of Tunisia (2019-)",
        ),
        (  # no country named, no place known: the army fighting a Malian rebel group is Mali's
            "Fighting broke out between the army and FLA rebels near Anefis on Tuesday.",
            "Military Forces of Mali (2021-)",
            "FLA: Azawad Liberation Front",
        ),
    ],
)
def test_roles_where_the_text_leaves_them_implied(extractor, text: str, actor1: str, actor2: str) -> None:
    (event,) = extractor(report(text, "2025-03-05")).events
    assert (event.actor1 and event.actor1.name, event.actor2 and event.actor2.name) == (actor1, actor2)
