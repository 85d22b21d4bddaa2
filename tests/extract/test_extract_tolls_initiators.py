"""Tolls and initiators as Maghreb and Sahel news write them (SYNTHETIC sentences about invented incidents, real
places): deaths by beating and lynching, French singular deaths, drone attacks on the state's own forces, caches of
rockets, and a pursuit that becomes a second clash."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import fatalities_of, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A suspected cattle thief was beaten to death by residents of the town.", 1),
        ("Three migrants were beaten to death by their smugglers.", 3),
        ("Two men were lynched by a mob after the market closed.", 2),
        ("Un soldat a été tué lundi lors de l'attaque.", 1),
        ("Un voleur présumé a été battu à mort par une foule en colère.", 1),
        ("Une femme a trouvé la mort dans l'explosion.", 1),
        ("Des habitants ont lynché un voleur présumé.", 1),
        ("Deux voleurs présumés ont été lynchés par la foule.", 2),
        ("Un civil a été mortellement blessé par balle.", 1),
    ],
)
def test_deaths_by_hand_and_french_singulars(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Un drone a été abattu près de la frontière.",
        "Les soldats ont abattu un drone de surveillance.",
        "Un véhicule a été détruit par les assaillants.",
    ],
)
def test_machines_shot_down_are_no_dead(text: str) -> None:
    assert fatalities_of(find_quantities(text)) is None


def _events(extractor, text: str, published: str = "2026-09-16") -> list:
    return extractor(report(text, published=published)).events


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities", "actor1"),
    [
        (
            "An angry crowd beat a suspected kidnapper to death in Agadez, Niger, on Sunday.",
            "Mob violence",
            1,
            "Rioters (Niger)",
        ),
        (
            "Deux voleurs présumés ont été lynchés par la foule à Niono, au Mali, samedi.",
            "Mob violence",
            2,
            "Rioters (Mali)",
        ),
        (
            "Un commerçant a été battu à mort par des militaires à Djibo, Burkina Faso, mardi, selon sa famille.",
            "Attack",
            1,
            "Military Forces of Burkina Faso (2022-)",
        ),
        (
            "Un berger a été abattu par des hommes armés près de Ménaka, au Mali, dimanche.",
            "Attack",
            1,
            "Unidentified Armed Group (Mali)",
        ),
    ],
)
def test_killings_by_hand(extractor, text: str, sub_event_type: str, fatalities: int, actor1: str) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities, event.actor1.name) == (sub_event_type, fatalities, actor1)


@pytest.mark.parametrize(
    "text",
    [
        "The military camp at Ber, Mali, came under drone attack on Tuesday; no casualties were reported.",
        "A gendarmerie post in Boulsa, Burkina Faso, came under a drone attack overnight, killing one gendarme.",
    ],
)
def test_a_drone_attack_on_state_forces_is_by_an_unnamed_armed_group(extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of")


def test_an_unattributed_drone_strike_on_civilians_stays_the_states(extractor) -> None:
    text = "Drones struck a convoy of vehicles near Tinzaouatene, Mali, on Friday, killing seven people."
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali (2021-)"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers destroyed a cache of rockets near Gao, Mali, on Monday.",
        "The army found and destroyed a stockpile of mortar shells in a hideout near Djanet, Algeria, on Tuesday.",
        "Sappers neutralised two rockets ready to be fired at the camp near Kidal, Mali, on Friday.",
    ],
)
def test_caches_of_rockets_are_disrupted_weapons_use(extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Disrupted weapons use"


def test_rockets_fired_are_still_shelling(extractor) -> None:
    (event,) = _events(extractor, "Militants fired rockets at the army camp in Tessalit, Mali, on Sunday.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_pursuit_that_kills_is_a_second_clash(extractor) -> None:
    text = (
        "Gunmen attacked a gendarmerie post in Kantchari, Burkina Faso, on Sunday, killing three gendarmes. "
        "Our units pursued them and killed 11 assailants near the border."
    )
    events = _events(extractor, text)
    assert [(e.fatalities, e.actor1.name if e.actor1 else None) for e in events] == [
        (3, "Unidentified Armed Group (Burkina Faso)"),
        (11, "Military Forces of Burkina Faso (2022-)"),
    ]


def test_a_pursuit_that_kills_no_one_stays_the_same_clash(extractor) -> None:
    text = (
        "Gunmen attacked a gendarmerie post in Kantchari, Burkina Faso, on Sunday, killing three gendarmes. "
        "Our units pursued them towards the border and destroyed two of their motorbikes."
    )
    events = _events(extractor, text)
    assert len(events) == 1 and events[0].fatalities == 3


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities", "actor1"),
    [
        (
            "L'attaque d'un convoi militaire près de Gao, au Mali, mardi, a fait huit morts, selon un bilan officiel.",
            "Armed clash",
            8,
            "Unidentified Armed Group (Mali)",
        ),
        (
            "L'attaque du village de Solhan, au Burkina Faso, a fait 20 morts dimanche.",
            "Attack",
            20,
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Le bilan de l'embuscade de dimanche près de Tera, au Niger, s'élève à neuf soldats tués.",
            "Armed clash",
            9,
            "Unidentified Armed Group (Niger)",
        ),
        (
            "Gunmen killed seven people in Tillia, Niger, on Monday. The toll later rose to eleven, officials said.",
            "Attack",
            11,
            "Unidentified Armed Group (Niger)",
        ),
        (
            "JNIM said in a claim that its fighters attacked the camp at Boulkessi, Mali, on Monday, killing dozens "
            "of soldiers. The army reported four dead.",
            "Armed clash",
            4,
            "JNIM: Group for Support of Islam and Muslims",
        ),
    ],
)
def test_tolls_told_by_their_sources(extractor, text: str, sub_event_type: str, fatalities: int, actor1: str) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities, event.actor1.name) == (sub_event_type, fatalities, actor1)


def test_lives_claimed_are_deaths() -> None:
    assert fatalities_of(find_quantities("Fighting near Kidal on Sunday claimed at least 8 lives.")) == 8


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities", "actor1"),
    [
        (
            "A gendarmerie post in Dori, Burkina Faso, was the target of an attack by armed men on Sunday; no "
            "casualties were reported.",
            "Armed clash",
            0,
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Tunisian National Guard units clashed with a group of smugglers near Ben Guerdane, Tunisia, on Sunday; "
            "one smuggler was killed.",
            "Armed clash",
            1,
            "Police Forces of Tunisia (2019-)",
        ),
        (
            "Des terroristes ont attaqué un poste de gendarmerie à Kantchari, au Burkina Faso, dimanche ; deux "
            "gendarmes ont été tués et les assaillants ont laissé cinq corps sur le terrain.",
            "Armed clash",
            7,
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Des assaillants ont attaqué le village de Gorom, au Burkina Faso, lundi, tuant six civils.",
            "Attack",
            6,
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Police officers beat a detainee to death in a police station in Bizerte, Tunisia, on Friday, his lawyer "
            "said.",
            "Attack",
            1,
            "Police Forces of Tunisia (2019-)",
        ),
    ],
)
def test_initiators_and_their_dead(extractor, text: str, sub_event_type: str, fatalities: int, actor1: str) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities, event.actor1.name) == (sub_event_type, fatalities, actor1)


def test_the_same_dead_told_twice_without_a_side_count_once(extractor) -> None:
    text = (
        "A suspected smuggler was shot dead by National Guard officers near Ben Guerdane, Tunisia, on Monday after "
        "his group opened fire on a patrol. One man was killed and two others were arrested, the ministry said."
    )
    events = _events(extractor, text)
    assert [e.fatalities for e in events] == [1]


def test_lost_lives_are_no_victims_of_their_own() -> None:
    text = "Four soldiers lost their lives and 15 terrorists were neutralised in the attack."
    assert fatalities_of(find_quantities(text)) == 19


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants released a video showing the beheading of British engineer John Roe, abducted in May.", 1),
        ("The group claimed the killing of AQIM emir Abu Doe in Mali.", 1),
        ("Protesters denounced the killing of Islamic State fighters.", None),
    ],
)
def test_the_killing_of_a_named_person_is_one_death(text: str, expected: int | None) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five soldiers and an unknown number of attackers were killed in the assault.", 5),
        ("Cinq soldats et un nombre indéterminé d'assaillants ont été tués.", 5),
        ("Armed men kidnapped four aid workers on Monday; one of them was later found dead.", 1),
    ],
)
def test_groups_told_but_not_counted(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


def test_another_days_dead_told_in_a_clause_are_not_the_events(extractor) -> None:
    text = (
        "Security forces killed 10 militants in Tillaberi, Niger, on Monday, a day after the militants killed "
        "eight villagers."
    )
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 10)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        (
            "Gunmen attacked the village of Koumbri, Burkina Faso, on Saturday. Among the dead were four children "
            "and two women, a local official said.",
            6,
        ),
        (
            "Jihadists stormed an army post near Tera, Niger, on Sunday. The dead included nine soldiers and a "
            "civilian driver.",
            10,
        ),
        (
            "Jihadists attacked an army post near Tera, Niger, on Sunday, killing 12 soldiers. The dead included two "
            "officers.",
            12,
        ),
        (
            "Des hommes armés ont attaqué un village près de Djibo, Burkina Faso, dimanche. Parmi les morts figurent "
            "trois enfants et une femme.",
            4,
        ),
    ],
)
def test_who_the_dead_were_is_the_toll_only_when_nothing_else_counts_them(
    extractor, text: str, fatalities: int
) -> None:
    (event,) = _events(extractor, text)
    assert event.fatalities == fatalities


def test_who_tells_a_toll_is_not_one_more_dead() -> None:
    text = "A drone struck an army position near Kidal on Tuesday, killing two soldiers, a local official said."
    assert fatalities_of(find_quantities(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Kamikaze drones targeted the army camp in Djibo, Burkina Faso, on Sunday; no casualties were reported.",
        "Une position de l'armée malienne a été visée par une attaque de drone kamikaze près de Kidal, au Mali, lundi.",
    ],
)
def test_kamikaze_drones_are_drone_strikes_not_suicide_bombs(extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers detained a shepherd at a checkpoint and beat him to death.", 1),
        ("Gunmen abducted the mayor on Monday and killed him.", 1),
        ("Des hommes armés ont enlevé un commerçant samedi et l'ont abattu.", 1),
        ("Gunmen shot dead two drivers and then beat him to death.", 2),
    ],
)
def test_a_pronoun_killed_is_one_death_where_nothing_else_is_counted(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


def test_a_detainee_beaten_to_death_by_soldiers_is_an_attack_on_a_civilian(extractor) -> None:
    text = "Soldiers detained a shepherd at a checkpoint near Kaya, Burkina Faso, on Friday and beat him to death."
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 1)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Burkina Faso (2022-)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A terrorist element was eliminated during the operation.", 1),
        ("The dangerous terrorist Abu Doe was neutralised near the border.", 1),
        ("Le terroriste Abou Doe a été abattu lors de l'opération.", 1),
        ("Un militaire est tombé en martyr lors de l'accrochage.", 1),
        ("Un soldat est décédé des suites de ses blessures.", 1),
        ("Un soldat est tombé dans une embuscade.", None),
        ("Le drone a été abattu près du camp.", None),
    ],
)
def test_communique_singulars(text: str, expected: int | None) -> None:
    assert fatalities_of(find_quantities(text)) == expected
