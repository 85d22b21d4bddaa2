"""Victims the vocabulary does not know, bodies found, the attackers' dead told apart (SYNTHETIC sentences about
invented incidents and people, real places)."""

from __future__ import annotations

import pytest
from extract_helpers import report


def _only_event(extractor, text: str, published: str = "2025-06-14"):
    (event,) = extractor(report(text, published=published)).events
    return event


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen killed a ferryman, his two stepsons and a blacksmith near Tahoua, Niger, on Sunday.", 4),
        ("Jihadists executed a marabout and his three disciples near Douentza, Mali, on Tuesday.", 4),
        ("Militants killed a pharmacist and three farmhands in a village near Menaka, Mali, on Friday.", 4),
        ("Trois bergers et un forgeron ont été tués dimanche par des hommes armés près de Tillabéri, au Niger.", 4),
    ],
)
def test_people_killed_by_an_armed_group_are_civilians(extractor, text: str, fatalities: int) -> None:
    event = _only_event(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Attack", fatalities)
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


def test_people_of_a_force_killed_stay_a_battle(extractor) -> None:
    event = _only_event(extractor, "Militants killed a sergeant and two soldiers near Menaka, Mali, on Friday.")
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 3)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Residents found the bodies of four herders near Tillia, Niger, on Thursday; they had been shot.", 4),
        ("Soldiers discovered the bodies of three men executed by jihadists near Boni, Mali, on Saturday.", 3),
        ("Les corps de quatre villageois ont été retrouvés mardi près de Ménaka, au Mali.", 4),
    ],
)
def test_who_finds_the_bodies_did_not_kill(extractor, text: str, fatalities: int) -> None:
    event = _only_event(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Attack", fatalities)
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


def test_a_french_ambush_and_the_attackers_dead_told_after(extractor) -> None:
    text = (
        "Une embuscade contre une patrouille de l'armée malienne a fait cinq morts lundi près de Tessit, au Mali. "
        "Huit assaillants ont été neutralisés, selon l'armée."
    )
    event = _only_event(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 13)
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali (2021-)"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen attacked a bus near Kaya, Burkina Faso, on Friday, wounding nine passengers and killing one.", 1),
        ("A roadside bomb wounded four soldiers near Kasserine, Tunisia, on Monday.", 0),
        ("Au moins sept personnes ont été tuées samedi par des hommes armés près de Gao, au Mali.", 7),
    ],
)
def test_wounded_are_not_dead(extractor, text: str, fatalities: int) -> None:
    assert _only_event(extractor, text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen stormed a gold mining site near Kidal, Mali, on Monday and took away 12 miners.",
         "Abduction/forced disappearance"),
        ("Residents of Kidal, Mali, burned tyres and attacked a police station on Sunday after a youth was shot.",
         "Violent demonstration"),
        ("Villagers beat to death a suspected thief in the market of Gao, Mali, on Friday.", "Mob violence"),
        ("Des hommes armés ont incendié l'école et pillé le dispensaire de Tin-Akoff, au Burkina Faso, mardi.",
         "Looting/property destruction"),
        ("Une frappe de drone a tué six personnes samedi près de Ménaka, au Mali.", "Air/drone strike"),
    ],
)  # fmt: skip
def test_sub_types_in_other_words(extractor, text: str, sub_event_type: str) -> None:
    assert _only_event(extractor, text).sub_event_type == sub_event_type


def test_its_forces_are_the_speakers_own(extractor) -> None:
    text = (
        "The Libyan National Army said on Monday that its forces had clashed with Chadian rebels near Umm al-Aranib "
        "in Libya, killing seven of them."
    )
    event = _only_event(extractor, text, published="2025-06-17")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Libya (2014-) Libyan National Army"
    assert event.fatalities == 7


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities", "actor2"),
    [
        ("Des hommes armés ont attaqué le village de Sebba, au Burkina Faso, dimanche. Le bilan est de douze morts, "
         "dont quatre enfants.", "Attack", 12, "Civilians (Burkina Faso)"),
        ("Des jihadistes ont attaqué un poste militaire près de Tessit, au Mali, lundi.", "Armed clash", 0,
         "Military Forces of Mali (2021-)"),
        ("Une attaque contre le camp militaire de Boni, au Mali, a fait trois morts lundi.", "Armed clash", 3,
         "Military Forces of Mali (2021-)"),
    ],
)  # fmt: skip
def test_french_word_order(extractor, text: str, sub_event_type: str, fatalities: int, actor2: str) -> None:
    event = _only_event(extractor, text)
    assert (event.sub_event_type, event.fatalities) == (sub_event_type, fatalities)
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name == actor2


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a market near Tahoua, Niger, on Friday. The toll stands at 7 dead: four traders and three "
        "herders.",
        "Gunmen killed seven villagers near Banibangou, Niger, on Monday. Among the dead were a teacher and two "
        "children.",
        "Gunmen attacked a village near Mangaize, Niger, on Monday. The village chief was among the 7 dead.",
    ],
)
def test_the_dead_are_no_mob(extractor, text: str) -> None:
    event = _only_event(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 7)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Suspected jihadists hacked two farmers to death in their fields near Koro, Mali, on Tuesday.", "Attack"),
        ("Gunmen seized two Italian tourists from their hotel in Agadez, Niger, on Thursday night.",
         "Abduction/forced disappearance"),
        ("Une dizaine de civils ont été tués jeudi dans l'attaque d'un village près de Tillabéri, au Niger.", "Attack"),
        ("Des assaillants non identifiés ont tiré sur un bus près de Kaya, au Burkina Faso, lundi, tuant trois "
         "passagers.", "Attack"),
        ("Les militaires ont ouvert le feu sur des manifestants à Niamey, au Niger, vendredi, faisant deux morts.",
         "Excessive force against protesters"),
    ],
)  # fmt: skip
def test_victims_and_targets_say_the_sub_type(extractor, text: str, sub_event_type: str) -> None:
    assert _only_event(extractor, text).sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("JNIM attacked a base near Nara, Mali, on Sunday. The army said six soldiers were killed; JNIM said it "
         "killed 40.", 6),
        ("Des terroristes ont attaqué un poste de l'armée près de Tera, au Niger, dimanche. Cinq militaires ont péri "
         "et une dizaine d'assaillants ont été neutralisés.", 15),
    ],
)  # fmt: skip
def test_each_side_and_each_source(extractor, text: str, fatalities: int) -> None:
    assert _only_event(extractor, text).fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("POST 9, 15 JUN 2025: patrol ambushed 6 km E of post, Niger. Friendly: 1 KIA, 3 WIA. Enemy: 4 KIA.", 5),
        ("On 10 June 2025, militants attacked a gendarmerie post in Kaya, Burkina Faso. Losses: 3 gendarmes dead. "
         "The attackers left 9 bodies behind.", 12),
        ("Bilan : trois militaires tués, six blessés et une dizaine de terroristes neutralisés lors de l'attaque du "
         "poste de Tessit, au Mali, le 12 juin 2025.", 13),
        ("On 8 June 2025, the army conducted air strikes near Boulkessi, Mali, neutralising several dozen "
         "terrorists.", 12),
    ],
)  # fmt: skip
def test_communique_and_field_report_tolls(extractor, text: str, fatalities: int) -> None:
    assert _only_event(extractor, text).fatalities == fatalities


def test_a_road_toll_is_no_attack(extractor) -> None:
    text = "The state's holiday road toll has risen to eight, following the death of a man in Cairns on Sunday."
    assert extractor(report(text, published="2025-06-14")).events == []
