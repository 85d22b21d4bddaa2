"""Who did it, round types30 (issue 3): a pronoun that stands for the sentence's subject ("five militants were
killed when they attacked a post"), a French attack named by its doers' adjective ("une attaque terroriste"), a
communiqué's French toll line read as French, and another day's happening told as the subject of an "after" clause
("two weeks after a clash between the army and militants left 10 dead"). Synthetic sentences about invented
incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._roles_fr import is_french

pytestmark = pytest.mark.slow


def _events(extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    return [
        (e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
        for e in result.events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Five JNIM militants were killed on Saturday when they attacked an army position in Tessit, the army said.",
        "Two JNIM fighters were wounded on Friday after they attacked a police checkpoint near Gao.",
    ],
)
def test_a_pronoun_subject_of_the_attack_is_the_party_the_sentence_is_about(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _events(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("JNIM")
    assert actor2 is not None and actor2.startswith(("Military Forces", "Police Forces"))


def test_a_pronoun_that_underwent_the_attack_stays_its_target(extractor) -> None:
    text = "Three soldiers were killed on Sunday when they were ambushed by gunmen near Djibo."
    ((_, actor1, actor2),) = _events(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        "COMMUNIQUÉ DE L'ÉTAT-MAJOR GÉNÉRAL DES ARMÉES. Le 3 août 2027, le poste de Tessit a fait l'objet d'une "
        "attaque terroriste. Bilan : côté ami, deux militaires tombés au champ d'honneur ; côté ennemi, quinze "
        "terroristes neutralisés.",
        "Le camp militaire de Boulkessi a été la cible d'une attaque jihadiste dimanche. Bilan : six militaires "
        "tombés, dix assaillants neutralisés.",
        "Le poste de Tessit a subi une attaque jihadiste dimanche. Les FAMa ont riposté. Bilan provisoire : 12 "
        "terroristes neutralisés, 3 militaires tués.",
    ],
)
def test_a_french_attack_named_by_its_doers_adjective_is_theirs(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _events(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces")


def test_an_attack_of_the_army_on_a_base_named_by_an_adjective_stays_the_armys(extractor) -> None:
    # guard: the adjective after the struck base names whose the base is, not who attacked
    text = (
        "Une attaque de l'armée contre une base terroriste près de Tessit a fait dix morts parmi les jihadistes lundi."
    )
    ((_, actor1, _),) = _events(extractor, text)
    assert actor1 is not None and actor1.startswith("Military Forces")


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("Bilan provisoire : 12 terroristes neutralisés, 3 militaires tués.", True),
        ("côté ennemi, quinze terroristes neutralisés.", True),
        ("Bilan : six militaires tombés, dix assaillants blessés.", True),
        ("Two soldiers were killed near Léré.", False),
        ("Toll: 12 terrorists neutralised near Tillabéri.", False),
        ("1 x FF KIA. 4 x EKIA.", False),
    ],
)
def test_a_communique_toll_line_is_french_by_its_participles(text: str, french: bool) -> None:
    assert is_french(text) is french


def test_another_days_happening_as_the_subject_of_an_after_clause_is_no_event(extractor) -> None:
    text = (
        "Armed men attacked a gold mine near Tamou on Monday, killing four miners. The attack comes two weeks after "
        "a clash between the army and militants in the same area left 10 dead."
    )
    assert [sub for sub, _, _ in _events(extractor, text)] == ["Attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a village near Bankass on Monday, killing 12 civilians. Dozo hunters fought the attackers, "
        "killing two of them.",
        "Unidentified gunmen killed four herders near Menaka on Sunday. The MSA said its fighters had engaged the "
        "attackers near the village.",
    ],
)
def test_a_named_group_that_fights_the_unnamed_attackers_is_not_their_name(extractor, text: str) -> None:
    (first, *_) = _events(extractor, text)
    assert first[0] == "Attack"
    assert first[1] is not None and first[1].startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Gunmen killed nine villagers in Tillia on Monday. Local sources attributed the attack to IS Sahel.",
            "Islamic",
        ),
        (
            "Gunmen killed nine villagers in Tillia on Monday. JNIM said its fighters had carried out the attack.",
            "JNIM",
        ),
    ],
)
def test_a_named_group_the_text_lays_the_attack_on_still_names_the_gunmen(extractor, text: str, group: str) -> None:
    # guard: the group blamed for the killing, or speaking of its own, is who the gunmen were
    ((_, actor1, _),) = _events(extractor, text)
    assert actor1 is not None and actor1.startswith(group)


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out on Monday between the army and IS Sahel militants near Menaka. The militants ambushed a "
        "patrol, the army said, and reinforcements were sent.",
        "Des affrontements ont opposé lundi des militaires à des hommes armés près de Tessit. Les assaillants ont "
        "attaqué une patrouille de l'armée.",
    ],
)
def test_a_clash_told_as_mutual_is_started_by_the_side_a_later_sentence_says_attacked(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _events(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        # the later sentence has the troops attack: they started it
        "Soldiers clashed with militants near Gao on Monday. Troops attacked the militants' camp at dawn, killing six.",
        # the soldiers are only counted among the dead of the attack: no word of who started it
        "Burkinabe troops fought JNIM militants near Djibo on Monday. Two soldiers were killed in the attack on their "
        "position, the army said.",
    ],
)
def test_a_clash_with_no_later_attacker_keeps_its_lead(extractor, text: str) -> None:
    ((_, actor1, _),) = _events(extractor, text)
    assert actor1 is not None and actor1.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists attacked the town of Djibo on Monday, killing four soldiers and two civilians.",
        "Jihadists attacked the town of Djibo on Monday, killing four soldiers and two civilians, before looting "
        "shops.",
        "Jihadists attacked the town of Djibo on Monday, killing two civilians and four soldiers.",
    ],
)
def test_a_battles_other_side_is_the_force_struck_not_the_civilians_beside_it(extractor, text: str) -> None:
    ((sub, actor1, actor2), *_) = _events(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces")


def test_civilians_struck_stay_the_other_side_of_an_attack(extractor) -> None:
    ((sub, _, actor2),) = _events(extractor, "Gunmen killed five villagers near Djibo on Monday.")
    assert sub == "Attack"
    assert actor2 is not None and actor2.startswith("Civilians")
