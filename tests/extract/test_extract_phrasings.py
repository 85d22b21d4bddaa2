"""Phrasings of events, tolls and initiators beyond the plain 'X attacked Y, killing N' (synthetic sentences about
invented incidents: situation-report shorthand, nominal triggers, detention, crossings, mourning communiqués)."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import fatalities_of, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A landmine claimed the lives of three shepherds near the border.", 3),
        ("The raid left nine people dead.", 9),
        ("Seven bodies were recovered from the wadi on Monday.", 7),
        ("The bodies of two herders were found near the well.", 2),
        ("Trois gendarmes ont péri dans l'embuscade.", 3),
        ("Post reports 2 hostile KIA, 1 WIA.", 2),
        ("The ministry announced the neutralisation of five terrorists.", 5),
        ("The army reported the elimination of two terrorists in the forest.", 2),
        ("Ten villagers were killed and three others died later in hospital.", 13),
        ("A gendarme fell in the line of duty during the clash.", 1),
        ("The ministry mourns Sergeant Karim Belhadj, who fell on Monday near the border.", 1),
        ("The ministry mourns three soldiers of the 4th battalion who fell on Monday.", 3),
    ],
)
def test_toll_phrasings(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rockets fell on the airport overnight.",
        "The town fell to the rebels in 2012.",
        "Troops seized sixteen rifles and two vehicles.",
        "Four men were held in custody after the raid.",
    ],
)
def test_no_toll_where_none_is_told(text: str) -> None:
    assert fatalities_of(find_quantities(text)) is None


def _events(extractor, text: str, published: str = "2025-06-14") -> list:
    return extractor(report(text, published=published)).events


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Six suspected smugglers were held in Ben Guerdane, Tunisia, on Monday after a police raid.", "Arrests"),
        ("Two fuel traffickers held near Tebessa, Algeria, on Tuesday were handed to the prosecutor.", "Arrests"),
        ("The talks ended on Tuesday with the signing of a memorandum on border security.", "Agreement"),
        ("The Dehiba crossing between Tunisia and Libya reopened to traffic on Friday after a closure.", "Other"),
        ("The Nigerien army inaugurated a base in Assamaka, Niger, on Monday.", "Headquarters or base established"),
        ("Gunmen emptied a pharmacy in Gao, Mali, on Friday night.", "Looting/property destruction"),
        (
            "Soldiers found a cave containing five rifles and ammunition on Jebel Chaambi, Tunisia, on Sunday.",
            "Disrupted weapons use",
        ),
        ("1420Z: patrol engaged armed smugglers 9 km N of post, Algeria. 1 hostile KIA.", "Armed clash"),
    ],
)
def test_event_phrasings(extractor, text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in _events(extractor, text)] == [sub_event_type]


def test_a_meeting_held_is_no_arrest(extractor) -> None:
    assert _events(extractor, "A meeting of the border commission was held in Tunis on Monday.") == []


def test_who_the_fire_came_from_initiates(extractor) -> None:
    (event,) = _events(
        extractor, "A Malian army convoy came under fire from JNIM fighters near Niono, Mali, on Sunday."
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name.startswith("JNIM")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali (2021-)"


def test_the_passive_agent_initiates(extractor) -> None:
    text = "Two gendarmes were killed when their post was attacked by Islamic State Sahel fighters near Tillia, Niger."
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Islamic State (Sahel)"
    assert event.fatalities == 2


def test_unnamed_dead_of_a_state_force_are_its_adversaries(extractor) -> None:
    text = (
        "Nigerien soldiers repelled an attack on their camp in Bosso, Niger, on Friday, killing nine of them. "
        "Two soldiers were killed in the fighting."
    )
    (event,) = _events(extractor, text)
    assert event.fatalities == 11


def test_the_date_next_to_a_verb_of_telling_dates_the_telling(extractor) -> None:
    text = "The army said on Thursday it had killed four militants near Menaka, Mali, on Tuesday."
    (event,) = _events(extractor, text, published="2025-06-13")
    assert event.date == "2025-06-10"


def test_a_death_told_in_a_mourning_notice_is_an_event(extractor) -> None:
    text = (
        "The defence ministry mourns Sergeant Karim Belhadj, who fell on Monday when his vehicle hit a mine in Tunisia."
    )
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 1
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


def test_fighting_between_two_unnamed_sides_names_them(extractor) -> None:
    (event,) = _events(
        extractor, "Fighting broke out between rival militias in Zawiya, Libya, on Monday, killing four."
    )
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Libya)"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2", "fatalities"),
    [
        (
            "Islamic State Sahel fighters were repelled by the Nigerien army at Tillia, Niger, on Monday; seven "
            "attackers died.",
            "Islamic State (Sahel)",
            "Military Forces of Niger (2023-)",
            7,
        ),
        (
            "The jihadists opened fire on the soldiers, who responded, killing three of the assailants, near Menaka, "
            "Mali.",
            "Unidentified Armed Group (Mali)",
            "Military Forces of Mali (2021-)",
            3,
        ),
        (
            "The attack in Mali left 12 soldiers dead and 8 wounded.",
            "Unidentified Armed Group (Mali)",
            "Military Forces of Mali (2021-)",
            12,
        ),
        (
            "Villagers were attacked by gunmen near Ouallam, Niger, on Friday; four were killed.",
            "Unidentified Armed Group (Niger)",
            "Civilians (Niger)",
            4,
        ),
        (
            "JNIM said its fighters had attacked a FAMa camp near Niono, Mali, on Sunday.",
            "JNIM: Group for Support of Islam and Muslims",
            "Military Forces of Mali (2021-)",
            0,
        ),
        (
            "The assault, claimed by JNIM, cost the lives of seven soldiers in Burkina Faso.",
            "JNIM: Group for Support of Islam and Muslims",
            "Military Forces of Burkina Faso (2022-)",
            7,
        ),
        (
            "Militants killed 5 soldiers in Mali on Monday. Two more died later in hospital.",
            "Unidentified Armed Group (Mali)",
            "Military Forces of Mali (2021-)",
            7,
        ),
    ],
)
def test_initiator_target_and_toll(extractor, text: str, actor1: str, actor2: str, fatalities: int) -> None:
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == actor1
    assert event.actor2 is not None and event.actor2.name == actor2
    assert event.fatalities == fatalities


def test_a_later_toll_update_is_the_events_toll(extractor) -> None:
    text = (
        "Gunmen attacked the village of Tondikiwindi in Niger on Sunday. Residents said 14 people were killed. "
        "The next day, the toll rose to 19."
    )
    (event,) = _events(extractor, text)
    assert event.fatalities == 19


def test_protesters_fired_on_by_forces_are_actor1(extractor) -> None:
    (event,) = _events(
        extractor, "Security forces fired on protesters in Zinder, Niger, on Friday, killing three of them."
    )
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor1.name, event.actor2.name) == ("Protesters (Niger)", "Military Forces of Niger (2023-)")
    assert event.fatalities == 3


def test_a_french_communique_count(extractor) -> None:
    text = "Les forces armées maliennes ont neutralisé une dizaine de terroristes près de Niono, au Mali."
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 10)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "fatalities"),
    [
        (
            "Militants attacked an army post in Tessit, Mali, on Sunday. Eleven soldiers were killed, the army said. "
            "The assailants lost about 20 men, according to the army.",
            "Armed clash",
            "Unidentified Armed Group (Mali)",
            31,
        ),
        (
            "An IED blast killed three soldiers near Boni, Mali, on Monday. A fourth soldier succumbed to his "
            "injuries on Tuesday.",
            "Remote explosive/landmine/IED",
            "Unidentified Armed Group (Mali)",
            4,
        ),
        (
            "A convoy of traders was attacked near Menaka, Mali, on Friday. The attackers killed nine traders and "
            "wounded six others. Two of the wounded died later.",
            "Attack",
            "Unidentified Armed Group (Mali)",
            11,
        ),
        (
            "The Malian army lost four men in the ambush near Boni, Mali.",
            "Armed clash",
            "Unidentified Armed Group (Mali)",
            4,
        ),
    ],
)
def test_tolls_told_across_sentences(extractor, text: str, sub_event_type: str, actor1: str, fatalities: int) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities) == (sub_event_type, fatalities)
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize(
    ("text", "actor1", "fatalities"),
    [
        (
            "It was the Islamic State Sahel Province that carried out Thursday's attack on the Tillia camp in Niger, "
            "killing 9 soldiers, the group said.",
            "Islamic State (Sahel)",
            9,
        ),
        (
            "A gendarmerie patrol ran into an ambush near Diapaga, Burkina Faso, on Monday; three gendarmes were "
            "killed.",
            "Unidentified Armed Group (Burkina Faso)",
            3,
        ),
        (
            "Algerian border guards exchanged fire with smugglers near Bordj Badji Mokhtar, Algeria, on Sunday, "
            "killing one of them.",
            "Military Forces of Algeria (2019-)",
            1,
        ),
    ],
)
def test_cleft_ran_into_and_one_of_them(extractor, text: str, actor1: str, fatalities: int) -> None:
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == actor1
    assert event.fatalities == fatalities


def test_a_recent_event_told_only_in_passing_is_the_reports_event(extractor) -> None:
    text = (
        "Units at the Ras Jedir border post were placed on alert after last Sunday's shooting on the Libyan side "
        "of the crossing, which left two dead."
    )
    (event,) = _events(extractor, text, published="2025-06-12")
    assert (event.sub_event_type, event.date, event.fatalities) == ("Armed clash", "2025-06-08", 2)


def test_an_old_event_told_in_passing_stays_background(extractor) -> None:
    text = "Residents still remember the attack on the market in March 2019, which left 30 dead."
    assert _events(extractor, text, published="2025-06-12") == []


def test_a_claim_for_a_days_attack_dates_the_attack(extractor) -> None:
    text = (
        "AQIM claimed responsibility on Wednesday for Sunday's ambush near Sbiba, Tunisia, that killed two members "
        "of the National Guard."
    )
    (event,) = _events(extractor, text, published="2025-03-13")
    assert (event.date, event.fatalities) == ("2025-03-09", 2)
    assert event.actor1 is not None and event.actor1.name.startswith("AQIM")


@pytest.mark.parametrize(
    ("dateline", "army"),
    [
        ("Tunis, 24 July 2025", "Military Forces of Tunisia (2019-)"),
        ("Algiers, 24 July 2025", "Military Forces of Algeria (2019-)"),
    ],
)
def test_a_ministry_of_national_defence_is_the_state_of_its_dateline(extractor, dateline: str, army: str) -> None:
    """Algeria's and Tunisia's ministries are both 'the Ministry of National Defence': the name alone says no state."""
    text = (
        f"{dateline} — The Ministry of National Defence announces that army units clashed on Wednesday with a "
        "group of terrorist elements near the border. Two terrorists were killed. [SYNTHETIC]"
    )
    parties = {
        a.name for e in _events(extractor, text, "2025-07-24") for a in (e.actor1, e.actor2, *e.assoc_actors) if a
    }
    assert army in parties
    assert not parties & {"Military Forces of Algeria (2019-)", "Military Forces of Tunisia (2019-)"} - {army}


def test_fighters_belonging_to_a_so_called_group_are_that_group(extractor) -> None:
    text = (
        "Army units clashed on Wednesday near Kasserine, Tunisia, with a group of terrorist elements belonging to "
        'the so-called "Okba Ibn Nafaa" organisation. [SYNTHETIC]'
    )
    (event,) = _events(extractor, text, "2025-07-24")
    assert event.actor2 is not None and event.actor2.name == "Okba Ibn Nafaa Brigade"


def test_a_group_of_the_so_called_x_in_a_region_is_headed_by_its_noun(nlp) -> None:
    """'in the Sahel' hangs from 'a group', above the actor's words: the actor's noun heads its phrase, not the
    preposition (whose role would be none, leaving the attack to whoever else the report names)."""
    from borderwatch.extract._parse_tree import token_at

    text = (
        'The ministry said "a group of terrorists of the so-called Islamic State in the Sahel" had attacked the market.'
    )
    doc = nlp(text)
    head = token_at(doc, text.index("terrorists"), text.index("Sahel") + len("Sahel"))
    assert head is not None and head.text == "terrorists"
