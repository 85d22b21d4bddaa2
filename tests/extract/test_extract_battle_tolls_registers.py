"""Battle tolls as communiqués, weekly summaries and both sides' claims tell them (SYNTHETIC reports about invented
incidents; real places): the toll is every side's dead summed, the most conservative figure where figures compete."""

from __future__ import annotations

import pytest
from extract_helpers import report


def _tolls(extractor, text: str) -> list[int | None]:
    return [event.fatalities for event in extractor(report(text, published="2025-05-20")).events]


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # a ministry communiqué: the enemy neutralised, then the soldiers who fell, in a "bilan"
        ("Communiqué du ministère de la Défense. Le 12 mai 2025, une unité des forces armées a été attaquée par un "
         "groupe terroriste près de Boulkessi. La riposte vigoureuse de nos hommes a permis de neutraliser une "
         "vingtaine d'assaillants. Bilan: 20 terroristes neutralisés, 4 soldats tombés au champ d'honneur.", [24]),
        ("Le 12 mai 2025, des éléments armés ont attaqué le poste militaire de Tillaberi. Bilan provisoire : 7 "
         "militaires tués et 11 blessés côté ami ; côté ennemi, 15 assaillants neutralisés.", [22]),
        # an army statement that counts the enemy, and a later sentence its own dead
        ("On 12 May 2025, the army repelled an attack by militants on its base near Djibo. The army said 30 "
         "attackers were neutralised. Six soldiers fell in the fighting, the statement added.", [36]),
        ("On 12 May 2025, soldiers repelled an attack near Djibo. Thirteen assailants were neutralized. Two of our "
         "men made the supreme sacrifice.", [15]),
        ("Le 12 mai 2025, l'armée a repoussé une attaque terroriste près de Tillaberi. Bilan : 11 terroristes "
         "neutralisés. Trois de nos soldats ont perdu la vie.", [14]),
        ("Le 12 mai 2025, l'armée a repoussé une attaque contre son camp de Tillaberi. Côté assaillants, 25 "
         "terroristes ont été neutralisés. De notre côté, nous déplorons 3 morts et 8 blessés.", [28]),
        ("The Ministry of Defence said in a statement that on 12 May 2025 its forces came under attack near "
         "Tillaberi. Toll: 17 terrorists neutralised; on our side, 5 soldiers killed and 6 wounded.", [22]),
        # both sides' claims: each side's own losses are the conservative figures, summed
        ("On 12 May 2025, soldiers clashed with JNIM fighters near Boulkessi. The army said it killed 18 militants, "
         "while JNIM claimed to have killed 40 soldiers. Local sources said 9 soldiers died.", [27]),
        ("On 12 May 2025, militants attacked an army post near Boulkessi. Security sources said 10 soldiers were "
         "killed. The army said it had neutralised 15 militants during the counter-attack.", [25]),
        # a weekly summary: one incident a paragraph, each with its toll
        ("Weekly summary. On 3 May 2025, militants attacked a gendarmerie post near Tillaberi, killing 5 gendarmes. "
         "On 5 May 2025, soldiers clashed with bandits near Djibo; 12 bandits and 2 soldiers were killed. "
         "On 7 May 2025, gunmen killed 3 civilians in a village near Boulkessi.", [5, 14, 3]),
        ("Summary: clashes near Djibo (12 May 2025) between soldiers and militants: 4 soldiers and 9 militants "
         "killed. Clashes near Tillaberi (14 May 2025) between the army and bandits: 6 bandits killed.", [13, 6]),
        # each side's dead told apart
        ("On 12 May 2025, troops fought armed men near Djibo. The army lost eight soldiers, and eleven assailants "
         "were killed.", [19]),
        ("Le 12 mai 2025, des affrontements ont opposé l'armée à des hommes armés près de Djibo. Le bilan fait état "
         "de 6 soldats et 9 assaillants tués.", [15]),
        ("On 12 May 2025, the army engaged terrorists near Djibo. The fighting left 3 soldiers dead. On the enemy "
         "side, 21 terrorists were killed.", [24]),
        ("Le 12 mai 2025, des terroristes ont attaqué une position de l'armée à Tillaberi. Le bilan est de 9 morts "
         "parmi les militaires et d'une trentaine chez les assaillants.", [39]),
        ("On 12 May 2025, militants attacked an army position near Djibo. The attackers lost 14 men; the army lost "
         "3.", [17]),
    ],
)  # fmt: skip
def test_a_battle_toll_sums_every_side_in_each_register(extractor, text: str, tolls: list[int]) -> None:
    assert _tolls(extractor, text) == tolls


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("On 6 May 2025, soldiers and militants exchanged fire near Tillaberi. Fatalities: 3 soldiers, 7 militants.",
         10),
        ("Weekly summary. On 6 May 2025, soldiers and militants exchanged fire near Tillaberi; toll: 3 soldiers, "
         "7 militants.", 10),
        ("Le 6 mai 2025, des soldats et des terroristes ont échangé des tirs près de Tillaberi. Bilan : 2 soldats, "
         "5 terroristes et un civil.", 8),
    ],
)  # fmt: skip
def test_a_toll_label_before_a_list_counts_every_group(extractor, text: str, toll: int) -> None:
    assert _tolls(extractor, text) == [toll]


def test_a_label_list_that_a_verb_ends_is_the_verbs(extractor) -> None:
    # the wounded after the label live: only the dead group counts
    text = "On 6 May 2025, soldiers and militants exchanged fire near Tillaberi. Toll: 3 soldiers killed, 7 wounded."
    assert _tolls(extractor, text) == [3]


@pytest.mark.parametrize(
    "text",
    [
        "Le 12 mai 2025, l'armée a repoussé une attaque terroriste près de Tillaberi. Deux militaires sont tombés au "
        "combat.",
        "Le 12 mai 2025, l'armée a repoussé une attaque terroriste près de Tillaberi. Nous déplorons 2 militaires "
        "tombés au combat.",
    ],
)
def test_soldiers_fallen_in_combat_are_dead(extractor, text: str) -> None:
    assert _tolls(extractor, text) == [2]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Weekly roundup. Boulkessi, 6 May 2025: militants and soldiers fought for three hours; 9 militants and 1 "
         "soldier died.", 10),
        ("On 6 May 2025, militants and soldiers fought near Boulkessi. 9 militants and 1 soldier were killed.", 10),
        ("On 6 May 2025, militants and soldiers fought near Boulkessi. 1 soldier and 4 militants were killed.", 5),
    ],
)  # fmt: skip
def test_one_person_counted_in_digits_in_a_list_of_the_dead_is_one_more(extractor, text: str, toll: int) -> None:
    assert _tolls(extractor, text) == [toll]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Communiqué. Le 12 mai 2025, les FAMa ont riposté à une attaque près de Boulkessi. Le bilan fait état de 4 "
         "soldats tombés, 7 blessés et 21 terroristes neutralisés.", 25),
        ("Press release. On 12 May 2025, an army unit came under attack near Boulkessi. The provisional toll is 5 "
         "soldiers killed and 4 wounded on our side and about fifteen terrorists neutralised.", 20),
    ],
)  # fmt: skip
def test_the_wounded_inside_a_list_of_the_dead_are_not_dead(extractor, text: str, toll: int) -> None:
    # a killing verb at the list's end does not make the wounded counted before it dead, nor hide the counts after them
    assert _tolls(extractor, text) == [toll]


def test_wounded_soldiers_who_died_are_dead(extractor) -> None:
    text = "On 12 May 2025, militants attacked an army post near Djibo. Two wounded soldiers later died in hospital."
    assert _tolls(extractor, text) == [2]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Communiqué. Le 12 mai 2025, une position de l'armée a été attaquée par des terroristes près de Boulkessi. "
         "Les assaillants ont été repoussés, laissant sur le terrain 12 corps. Nous déplorons malheureusement la "
         "perte de 5 de nos hommes.", 17),
        ("Statement. On 12 May 2025, terrorists attacked an army position near Djibo. The assailants were repelled, "
         "leaving behind 9 bodies. We mourn the loss of 3 of our men.", 12),
    ],
)  # fmt: skip
def test_the_bodies_a_side_left_behind_are_its_own_dead(extractor, text: str, toll: int) -> None:
    # not a toll of everyone that the communiqué's own dead would be part of
    assert _tolls(extractor, text) == [toll]
