"""Who did it, round actors31 (issue 3): the preposition each blaming verb lays a deed with ('attributed the attack
on the post to JNIM': the 'on' names the target), who blames being no side ('authorities blamed Boko Haram for the
raid'), a unit struck in a report's shorthand ('Police unit attacked at checkpoint', 'Poste de police attaqué à
Tahoua'), a French subject that imputes the attack, and unidentified perpetrators named as 'unknown men' or by a
communiqué's 'GAT', and a country whose foreign ministry tells of its people abroad ('Egypt's foreign ministry
said'), which is not where the event is. Synthetic sentences about invented incidents in real places."""

from __future__ import annotations

from typing import ClassVar

import pytest
from extract_helpers import FakeLocator, report

from borderwatch.extract import Extractor

pytestmark = pytest.mark.slow


def _main_event(extractor, text: str) -> tuple[str, str | None, str | None]:
    (result,) = extractor.pipe([report(text, "2027-03-02")])
    event = result.events[0]
    return (
        event.event_type,
        event.actor1.name if event.actor1 else None,
        event.actor2.name if event.actor2 else None,
    )


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Sources attributed the attack on the gendarmerie post at Seytenga to JNIM militants; three gendarmes "
            "were killed.",
            "JNIM",
        ),
        ("Officials attributed Friday's raid on a police station in Tahoua to JNIM fighters.", "JNIM"),
        ("The attack on a police station in Tahoua, which killed two officers, was attributed to JNIM.", "JNIM"),
        (
            "Sources attributed the ambush of an army convoy near Tessit to the Islamic State Sahel Province. Five "
            "soldiers died.",
            "Islamic State",
        ),
    ],
)
def test_the_on_of_an_attributed_attack_names_its_target(extractor, text: str, doer: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith(doer)
    assert actor2 is not None and actor2.startswith(("Military Forces", "Police Forces"))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Authorities blamed Boko Haram for the raid on an army base near Diffa on Friday that killed seven "
            "soldiers.",
            "Boko Haram",
        ),
        ("The governor blamed JNIM for Friday's ambush of a gendarmerie patrol near Dori.", "JNIM"),
    ],
)
def test_who_blames_a_group_for_an_attack_is_no_side_of_it(extractor, text: str, doer: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith(doer)
    assert actor2 is not None and actor2.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        "FIELD REPORT - 01 Mar. Police unit attacked at checkpoint, Kasserine governorate. 1 officer wounded. "
        "Attackers fled toward Jebel Chambi.",
        "Army patrol attacked on Friday near Tessit; two soldiers wounded.",
        "Gendarmerie post attacked at dawn near Dori; one gendarme killed.",
    ],
)
def test_a_unit_attacked_at_a_place_or_on_a_day_in_shorthand_was_struck(extractor, text: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith(("Military Forces", "Police Forces"))


def test_a_unit_that_attacked_a_camp_still_attacked(extractor) -> None:
    # guard: an object after the verb makes the unit its subject
    _, actor1, actor2 = _main_event(extractor, "The army patrol attacked a jihadist camp near Tessit on Friday.")
    assert actor1 is not None and actor1.startswith("Military Forces")
    assert actor2 is not None and actor2.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    "text",
    [
        "Poste de police attaqué à Tahoua dans la nuit de vendredi ; deux policiers tués par des hommes armés.",
        "Patrouille de la gendarmerie prise en embuscade près de Seytenga ; deux gendarmes tués.",
        "POSITION DE L'ARMÉE ATTAQUÉE PRÈS DE TESSIT. Trois soldats tués, assaillants non identifiés.",
    ],
)
def test_a_french_unit_struck_in_shorthand_is_the_target(extractor, text: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith(("Military Forces", "Police Forces"))


def test_a_french_force_in_the_present_tense_attacks(extractor) -> None:
    # guard: without its accent, "attaque" after the force is its verb, not a participle it underwent
    text = "L'armée attaque les positions terroristes près de Tessit, tuant dix jihadistes."
    _, actor1, _ = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith("Military Forces")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Les autorités ont imputé l'attaque contre le poste de Seytenga au JNIM ; trois gendarmes ont été tués.",
            "JNIM",
        ),
        (
            "Le gouverneur a attribué l'embuscade contre une patrouille de l'armée près de Djibo à l'EIGS.",
            "Islamic State",
        ),
    ],
)
def test_a_french_imputation_lays_the_attack_on_the_group(extractor, text: str, doer: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith(doer)
    assert actor2 is not None and actor2.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        "Field report: On 01 Mar, Garde Nationale patrol fired upon near Sbiba by unknown individuals. No casualties.",
        "Unknown men opened fire on a gendarmerie post near Kantchari overnight, wounding two gendarmes.",
        "Unidentified men shot dead a trader in Kidal on Friday.",
        "Des individus non identifiés ont enlevé un commerçant à Ménaka vendredi.",
    ],
)
def test_unknown_men_who_strike_are_an_unidentified_armed_group(extractor, text: str) -> None:
    _, actor1, _ = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    "text",
    [
        "FDS units killed four GAT elements near Arbinda on Friday during a sweep.",
        "Les FDS ont neutralisé cinq GAT près de Djibo lors d'une opération de ratissage.",
    ],
)
def test_a_communiques_gat_are_unidentified_armed_men(extractor, text: str) -> None:
    event_type, actor1, actor2 = _main_event(extractor, text)
    assert event_type == "Battles"
    assert actor1 is not None and actor1.startswith("Military Forces")
    assert actor2 is not None and actor2.startswith("Unidentified Armed Group")


class _AbroadLocator(FakeLocator):
    """A gazetteer that places Libyan towns in Libya."""

    GAZETTEER: ClassVar[dict[str, tuple[str, float, float]]] = {
        "Kufra": ("LY", 24.2, 23.3),
        "Zuwara": ("LY", 32.9, 12.1),
        "Sebha": ("LY", 27.0, 14.4),
    }


@pytest.fixture
def abroad_extractor(extractor) -> Extractor:
    located = Extractor.__new__(Extractor)
    located.__dict__.update(extractor.__dict__)
    located._locator = _AbroadLocator()
    return located


@pytest.mark.parametrize(
    "text",
    [
        "A Libyan armed group abducted four Egyptian workers near Kufra on Friday, Egypt's foreign ministry said.",
        "Gunmen kidnapped two Tunisian truck drivers near Zuwara on Friday, Tunisia's foreign ministry said.",
        "Gunmen killed three Chadian traders near Sebha on Saturday, Chad's embassy in Tripoli said.",
    ],
)
def test_a_country_whose_ministry_speaks_for_its_people_abroad_is_not_where(abroad_extractor, text: str) -> None:
    _, actor1, _ = _main_event(abroad_extractor, text)
    assert actor1 == "Unidentified Armed Group (Libya)"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "An army unit came under attack from JNIM fighters near Djibo on Friday; the soldiers killed 12 of the "
            "assailants.",
            "JNIM",
        ),
        (
            "A gendarmerie patrol came under fire from IS Sahel militants near Tera on Friday, and the gendarmes "
            "killed four of them.",
            "Islamic State",
        ),
        ("Soldiers came under attack by JNIM fighters near Boni on Friday and killed ten of them.", "JNIM"),
    ],
)
def test_who_a_force_came_under_attack_from_started_the_fight(extractor, text: str, doer: str) -> None:
    _, actor1, actor2 = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith(doer)
    assert actor2 is not None and actor2.startswith("Military Forces")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "03/01/2027: Assailants opened fire on a police patrol in Tahoua, Niger. Two officers were killed. No "
            "group claimed responsibility; however, sources attributed the incident to the Islamic State - Sahel "
            "Province.",
            "Islamic State",
        ),
        (
            "Gunmen killed three traders near Menaka on Friday. Local officials attributed the incident to IS Sahel.",
            "Islamic State",
        ),
        (
            "Two soldiers were killed near Tera on Friday. The assailants fled. Sources attributed the deadly "
            "incident to JNIM.",
            "JNIM",
        ),
    ],
)
def test_an_incident_attributed_to_a_group_is_its_deed(extractor, text: str, doer: str) -> None:
    _, actor1, _ = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith(doer)


def test_a_trend_attributed_to_groups_names_no_doer(extractor) -> None:
    # guard: what analysts attribute a rise in violence to is no claim of this attack
    text = (
        "Gunmen killed three traders near Menaka on Friday. Analysts attributed the rise in violence to competition "
        "between JNIM and IS Sahel."
    )
    _, actor1, _ = _main_event(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
