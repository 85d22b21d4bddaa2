"""Fatalities a report hedges or corrects (issue 3). SYNTHETIC reports about invented incidents and invented people:
a count the report marks probable beside a confirmed one is not added to it ('8 militants confirmed killed and up to
15 more probably killed', 'quatre autres vraisemblablement tués'), a field report's 'EKIA: 6' is a count, and a toll
the report corrects downward in a later sentence replaces the first figure ('later revised the toll down to 12',
'a ramené le bilan à 11 morts'). Guards: a hedged count alone is still the toll, a toll that rose keeps rising."""

from __future__ import annotations

import pytest
from extract_helpers import report


def _tolls(extractor, text: str) -> list[int]:
    return [e.fatalities for e in extractor(report(text, published="2026-05-13")).events]


@pytest.mark.parametrize(
    "text,expected",
    [
        # wire: the probable dead beside the confirmed
        (
            "Soldiers clashed with militants near Menaka on Sunday; 8 militants were confirmed killed and up to 15 "
            "more were probably killed, the army said.",
            8,
        ),
        ("Soldiers killed five assailants near Djibo on Monday; another seven were likely killed, officials said.", 5),
        # field report: confirmed and probable EKIA, in words after the figure or inside its phrase
        ("SITREP 14 MAY: patrol engaged armed group near Tessit. 12 EKIA confirmed, 5 EKIA probable. No FF lost.", 12),
        ("FIELD REPORT: contact with armed group near In Delimane. EKIA: 6 confirmed, 10 probable. FF: 1 WIA.", 6),
        # French communiqué
        (
            "Les FAMa ont repoussé une attaque terroriste à Boulkessi. Six assaillants ont été neutralisés, quatre "
            "autres ont été vraisemblablement tués.",
            6,
        ),
    ],
)
def test_a_hedged_count_beside_a_confirmed_one_is_not_added(extractor, text: str, expected: int) -> None:
    assert max(_tolls(extractor, text)) == expected


def test_a_hedged_count_alone_is_still_the_toll(extractor) -> None:
    assert _tolls(extractor, "Gunmen attacked a post near Djibo on Monday; nine soldiers were probably killed.") == [9]


@pytest.mark.parametrize(
    "text,expected",
    [
        # wire
        (
            "Gunmen attacked the village of Koro on Tuesday, killing 30 people, a local official said. The governor "
            "later revised the toll down to 12 dead.",
            [12],
        ),
        ("Gunmen killed 25 civilians in Koro on Tuesday. Officials later lowered the toll to 11 dead.", [11]),
        ("Gunmen killed 25 civilians in Koro on Tuesday. The toll was later revised downward to 11.", [11]),
        # French press and a field report's update line
        (
            "Des hommes armés ont tué 25 civils à Koro mardi, selon des sources locales. Le gouverneur a ensuite "
            "ramené le bilan à 11 morts.",
            [11],
        ),
        ("Des hommes armés ont tué 25 civils à Koro mardi. Le bilan a été revu à la baisse à 11 morts.", [11]),
        (
            "Une embuscade a fait 9 morts parmi les soldats près de Ménaka. Mise à jour : le bilan est finalement "
            "de 6 morts.",
            [6],
        ),
    ],
)
def test_a_toll_corrected_down_later_replaces_the_first(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Des hommes armés ont tué 25 civils à Koro mardi. Le bilan a été porté à 31 morts.", [31]),
        ("Four civilians were killed in the attack on Koro on Tuesday. The toll later rose to eleven.", [11]),
    ],
)
def test_a_toll_that_rose_still_rises(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "DAILY SUMMARY 14 MAY\n1. Menaka region: armed men killed 6 herders near Inekar.\n"
            "2. Gao region: 3 soldiers killed by an IED on the Gao-Ansongo road.\n"
            "3. Tillaberi: 12 terrorists neutralised by the army near Ayorou.",
            [6, 3, 12],
        ),
        (
            "SYNTHÈSE DU 14 MAI\n1. Région de Ménaka : des hommes armés ont tué 6 bergers près d'Inekar.\n2. Région de "
            "Gao : un engin explosif a tué 3 soldats sur l'axe Gao-Ansongo.",
            [6, 3],
        ),
    ],
)
def test_a_numbered_summary_keeps_each_items_toll(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Sergeant Ali Kone and Corporal Paul Zongo were killed when militants attacked their patrol near Djibo on "
            "Monday. Two soldiers died in the attack, the army said.",
            [2],
        ),
        (
            "Le sergent Ali Koné et le caporal Paul Zongo ont été tués lors de l'attaque de leur patrouille près de "
            "Djibo lundi. Deux soldats sont morts dans l'attaque, selon l'armée.",
            [2],
        ),
        (
            "Communiqué : le sergent-chef Issa Sawadogo, le caporal Idrissa Sow et le soldat Jean Ouédraogo sont "
            "tombés lors de l'attaque du poste de Seytenga. Trois militaires ont perdu la vie.",
            [3],
        ),
    ],
)
def test_men_named_by_rank_are_the_soldiers_counted_again(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected
