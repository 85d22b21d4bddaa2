"""How agency communiqués, French-language press and post reports tell events and tolls (SYNTHETIC sentences about
invented incidents and invented people: drones brought down, roads blocked in protest, per-side and listed tolls,
joint operations of a national army and a foreign force)."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import fatalities_of, find_quantities


def _events(extractor, text: str, published: str = "2025-05-06") -> list:
    return extractor(report(text, published=published)).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one side's dead, then the other side's told by the side alone
        ("L'assaut a fait quatre morts parmi les gendarmes et une douzaine côté assaillants.", 16),
        ("Bilan : 2 morts dans les rangs de l'armée et 6 du côté des terroristes.", 8),
        ("Plusieurs dizaines d'entre eux ont péri dans la frappe.", 12),
        ("Trois d'entre eux ont été tués.", 3),
        ("Un berger et un commerçant y ont perdu la vie.", 2),
        ("Une quarantaine de terroristes ont été neutralisés.", 40),
        ("Des miliciens ont exécuté six villageois à Dioura.", 6),
        # a communiqué's list after a colon: each item one person, unless it counts more
        ("Troops killed the following terrorists near Batna on Friday: 'Abou Said', 'Abou Anas' and 'Abou Omar'.", 3),
        ("The following soldiers lost their lives: Corporal Idi Sanda, a driver and three privates.", 5),
        ("Les militaires suivants sont morts : le sergent Maiga et le caporal Coulibaly.", 2),
    ],
)
def test_communique_and_french_tolls(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cinq soldats ont été blessés parmi les renforts.",  # the wounded by side are no dead
        "The following units took part: the 4th battalion, the gendarmerie and the customs.",
    ],
)
def test_no_toll_from_sides_or_lists_without_deaths(text: str) -> None:
    assert not fatalities_of(find_quantities(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, an army unit shot down an armed reconnaissance drone near Tessalit, Mali.",
        "A drone that had entered Algerian airspace was brought down on Saturday near Timiaouine, Algeria.",
        "5 MAY 2025, 0210Z: UAV engaged by air defence and downed 4 km N of post, Niger.",
        "Un drone armé a été abattu samedi par l'armée près de Tessalit, au Mali.",
    ],
)
def test_a_drone_brought_down_is_disrupted_weapons_use(extractor, text: str) -> None:
    assert [e.sub_event_type for e in _events(extractor, text)] == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    "text",
    [
        "Villagers blocked the road between Douentza and Boni on Monday to protest against the curfew, Mali.",
        "Des jeunes ont bloqué lundi l'axe Gao-Bourem pour protester contre les coupures d'eau, au Mali.",
    ],
)
def test_a_road_blocked_in_protest_is_a_protest(extractor, text: str) -> None:
    events = _events(extractor, text)
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Peaceful protest", "Protesters (Mali)")
    ]


def test_a_road_blocked_for_no_protest_is_no_event(extractor) -> None:
    assert _events(extractor, "Heavy rain blocked the road between Gao and Ansongo on Monday.") == []


def test_killing_and_arrests_of_one_operation_are_a_clash(extractor) -> None:
    text = "On 2 May 2025, army units neutralised a terrorist near Jijel, Algeria, and arrested three accomplices."
    events = _events(extractor, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Russian Africa Corps troops and Malian soldiers killed nine herders near Dioura, Mali, on Sunday.",
        "Wagner fighters and Malian troops killed nine herders near Dioura, Mali, on Sunday.",
        "Des mercenaires de Wagner et des soldats maliens ont exécuté neuf éleveurs près de Dioura, au Mali, dimanche.",
    ],
)
def test_a_joint_operation_is_the_national_forces(extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali (2021-)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Mali)"
    assert event.fatalities == 9


def test_a_french_weekday_heading_a_sentence_dates_it(extractor) -> None:
    text = "Dimanche, des hommes armés ont attaqué le village de Sona, au Mali, tuant quatre civils."
    (event,) = _events(extractor, text)
    assert (event.date, event.fatalities) == ("2025-05-04", 4)


def test_an_acronym_read_as_is_does_not_make_the_attack_passive(extractor) -> None:
    text = "Suspected IS Sahel fighters raided the hamlet of Dakoro, Niger, on Sunday, killing three herders."
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Islamic State (Sahel)"


def test_a_short_french_toll_sentence_is_read_as_french(extractor) -> None:
    text = (
        "Une patrouille de l'armée a été la cible d'une attaque lundi près de Léré, au Mali. Deux soldats ont été tués."
    )
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali (2021-)"
    assert event.fatalities == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bilan : 4 assaillants abattus, 1 soldat tué, 3 militaires tombés.", 8),
        ("Trois soldats sont tombés dans une embuscade.", None),  # fell into an ambush: no death told
    ],
)
def test_fallen_soldiers_of_a_toll(text: str, expected: int | None) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot dead the imam of Tondikiwindi and two of his brothers on Friday.", 3),
        ("L'embuscade a coûté la vie à sept gendarmes.", 7),
        ("La riposte des FAMa a permis de neutraliser une quinzaine d'assaillants.", 15),
    ],
)
def test_more_communique_and_french_tolls(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


def test_a_nominal_french_arrest_is_an_arrest(extractor) -> None:
    text = "La Garde nationale annonce l'arrestation de trois contrebandiers présumés à Tataouine, en Tunisie, mardi."
    assert [e.sub_event_type for e in _events(extractor, text)] == ["Arrests"]


def test_the_dead_a_french_attack_cost_are_its_target(extractor) -> None:
    text = (
        "L'attaque de jeudi contre le poste militaire de Solenzo, au Burkina Faso, a coûté la vie à neuf soldats. "
        "Une quinzaine d'assaillants ont été tués."
    )
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert event.fatalities == 24


def test_a_bomber_counted_among_the_dead_is_not_added_again(extractor) -> None:
    text = "A suicide bomber blew himself up at a market in Ansongo, Mali, on Friday, killing five including himself."
    (event,) = _events(extractor, text)
    assert event.fatalities == 5


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerien army suffered an ambush near Makalondi, Niger, on Friday in which five soldiers were killed.",
        "Gendarmes at a checkpoint near Kantchari, Burkina Faso, were targeted on Friday by gunmen; two were killed.",
    ],
)
def test_forces_that_suffer_an_attack_are_its_target(extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of")


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1"),
    [
        (
            "Daily report, post Tamanrasset-South, Algeria, 3 MAY 2025: patrol found and destroyed 2 IEDs on track 4.",
            "Disrupted weapons use",
            "Military Forces of Algeria (2019-)",
        ),
        (
            "Incident report, Kidal, Mali, 3 MAY 2025: crowd of approx. 200 gathered at the camp gate demanding the "
            "release of a detained driver; dispersed with tear gas.",
            "Protest with intervention",
            "Protesters (Mali)",
        ),
    ],
)
def test_post_shorthand(extractor, text: str, sub_event_type: str, actor1: str) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.actor1.name if event.actor1 else None) == (sub_event_type, actor1)


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre de la Défense a démenti mardi toute attaque contre le camp de Tessit, au Mali.",
        "L'armée nigérienne dément avoir perdu le contrôle de la localité de Tiloa, au Niger.",
        "Le groupe a menacé jeudi d'attaquer les convois de camions sur l'axe Gao-Ansongo, au Mali.",
        "Les autorités tchadiennes envisagent de fermer la frontière avec la Libye.",
        "Aucun combat n'a eu lieu à Léré, au Mali, selon des habitants.",
    ],
)
def test_french_denials_threats_and_plans_are_no_events(extractor, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities"),
    [
        ("Une frappe de drone a tué mardi quatre bergers près de Tessalit, au Mali.", "Air/drone strike", 4),
        ("La Garde nationale a intercepté jeudi 12 migrants près de Tozeur, en Tunisie.", "Arrests", 0),
        (
            "Des manifestants ont incendié mardi la mairie de Maradi, au Niger, pour protester contre la mort d'un "
            "commerçant.",
            "Violent demonstration",
            0,
        ),
    ],
)
def test_french_press_phrasings(extractor, text: str, sub_event_type: str, fatalities: int) -> None:
    (event,) = _events(extractor, text)
    assert (event.sub_event_type, event.fatalities) == (sub_event_type, fatalities)


def test_fighting_crime_is_no_fight(extractor) -> None:
    text = (
        "In the framework of fighting organised crime, border guards intercepted on 2 May 2025 a vehicle near "
        "Tebessa, Algeria, and seized three hunting rifles and 400 cartridges."
    )
    assert [e.sub_event_type for e in _events(extractor, text)] == ["Disrupted weapons use"]


def test_a_checkpoint_seizure_is_the_military_s(extractor) -> None:
    text = "Checkpoint 5 km N of Djanet, Algeria, 3 MAY 2025: seized 1 pickup loaded with 900 litres of smuggled fuel."
    (event,) = _events(extractor, text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Algeria (2019-)"
