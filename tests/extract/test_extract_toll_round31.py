"""Fatalities of a found event that the count lost (issue 3, round 31). SYNTHETIC reports about invented incidents and
invented people (real places only as settings): a toll told later than the first ('Officials later said the death
toll was 7', 'un bilan actualisé fait état de 7 morts'), a wounded man who dies in a later sentence ('A wounded
soldier later died in hospital', 'un autre soldat a succombé'), the dead told by a participle joined to the killing
verb ('was shot and killed'), by 'fatally wounding' / 'blessant mortellement', and by a pronoun ('he died on the
spot'). Guards that must not count, or not change the toll, are kept beside them."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import find_quantities


def _tolls(extractor, text: str) -> list[int]:
    return [e.fatalities for e in extractor(report(text, published="2026-04-09")).events]


def _deaths(text: str) -> list[int]:
    return [q.value for q in find_quantities(text) if q.kind == "fatalities"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # wire
        (
            "Gunmen attacked Sona village on 2 April, killing 11 people, residents said. The army later put the death "
            "toll at seven.",
            [7],
        ),
        (
            "Gunmen attacked Sona village on 2 April, killing 11 people. Authorities subsequently gave a toll of "
            "seven dead.",
            [7],
        ),
        ("Gunmen attacked Sona village on 2 April, killing 11 people. Officials later said the death toll was 7.", [7]),
        # terrorism-database summary
        (
            "04/02/2026: Gunmen attacked Sona village, killing 11 people. An updated toll from the governor gave 7 "
            "dead.",
            [7],
        ),
        # French press and communiqué
        (
            "Des hommes armés ont attaqué le village de Sona le 2 avril, tuant 11 personnes. Un bilan actualisé fait "
            "état de 7 morts.",
            [7],
        ),
        (
            "Des hommes armés ont attaqué le village de Sona le 2 avril, tuant 11 personnes. Le bilan a ensuite été "
            "fixé à 7 morts par le gouverneur.",
            [7],
        ),
        (
            "Des hommes armés ont attaqué le village de Sona le 2 avril, tuant 11 personnes. Les autorités ont par la "
            "suite fait état de 7 morts.",
            [7],
        ),
    ],
)
def test_a_toll_told_later_replaces_the_first(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a later word on who the dead were is no new toll
        (
            "Gunmen attacked Sona village on 2 April, killing 11 people. Officials later said seven of the dead were "
            "children.",
            [11],
        ),
        # a later claim competes: the conservative figure stands
        ("Gunmen attacked Sona village on 2 April, killing 5 people. The group later claimed to have killed 30.", [5]),
    ],
)
def test_a_later_word_that_is_no_toll_keeps_the_first(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Jihadists ambushed a convoy near Ansongo on Sunday, killing seven soldiers. A wounded soldier later died "
            "in hospital.",
            [8],
        ),
        (
            "Jihadists ambushed a convoy near Ansongo on Sunday, killing seven soldiers. Another soldier died of his "
            "wounds on Monday.",
            [8],
        ),
        (
            "Des jihadistes ont tendu une embuscade à un convoi près d'Ansongo dimanche, tuant sept soldats. Un soldat "
            "blessé a ensuite succombé à l'hôpital.",
            [8],
        ),
        (
            "Des jihadistes ont tendu une embuscade à un convoi près d'Ansongo dimanche, tuant sept soldats. Un autre "
            "soldat a succombé à ses blessures lundi.",
            [8],
        ),
        # told among the seven, and the same soldier told again: no more dead
        (
            "Jihadists ambushed a convoy near Ansongo on Sunday, killing seven soldiers, including a wounded soldier "
            "who later died in hospital.",
            [7],
        ),
        (
            "Jihadists ambushed a convoy near Ansongo on Sunday, killing seven soldiers. The soldier's body was "
            "repatriated on Monday.",
            [7],
        ),
    ],
)
def test_a_wounded_man_who_dies_later_adds_to_the_toll(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A trader was shot and killed by gunmen in Sona market on Sunday.", [1]),
        ("Three traders were shot and killed by gunmen.", [3]),
        ("Two soldiers were ambushed and killed near Djibo.", [2]),
        ("A herder was abducted and later killed by armed men.", [1]),
        ("Gunmen opened fire in the market, fatally wounding a trader.", [1]),
        ("Gunmen opened fire in the market, fatally wounding two traders.", [2]),
        ("A customs officer was fatally shot at the border post.", [1]),
        ("Des individus armés ont ouvert le feu au marché, blessant mortellement un commerçant.", [1]),
        ("Des individus armés ont ouvert le feu au marché, blessant mortellement deux commerçants.", [2]),
        ("Gunmen shot a trader in Sona market on Sunday; he died on the spot.", [1]),
        ("Des hommes armés ont tiré sur un commerçant à Sona dimanche ; il est mort sur le coup.", [1]),
        ("A protester died after police fired live rounds in Gafsa on Sunday.", [1]),
    ],
)
def test_the_dead_told_by_a_joined_participle_a_fatal_wound_or_a_pronoun(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He was shot and wounded near the market.",
        "Five soldiers were wounded and two vehicles were destroyed.",
        "Des hommes armés ont blessé un commerçant au marché de Sona.",
        "Il a été blessé par balle près du marché.",
    ],
)
def test_wounds_that_are_not_fatal_count_no_dead(text: str) -> None:
    assert _deaths(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # wire, English and French: one more of the dead joined to the count
        (
            "Five soldiers were killed in an ambush near Djibo on Sunday, as was a customs officer travelling with "
            "them.",
            [6],
        ),
        ("Cinq soldats ont été tués dans une embuscade près de Djibo dimanche, ainsi qu'un civil.", [6]),
        ("Five soldiers were killed in an ambush near Djibo on Sunday. The driver of the lead truck also died.", [6]),
        # communiqué: the list's next item by a possessive, the attacker told with an adverb
        ("Cinq soldats et leur interprète ont été tués dans une embuscade près de Djibo dimanche.", [6]),
        ("Communiqué: three gendarmes and our driver were killed when the convoy was ambushed near Djibo.", [4]),
        ("Une embuscade près de Djibo dimanche a tué cinq soldats ; un assaillant a aussi été abattu.", [6]),
        # field report: the army's loss told by the participle of losing
        (
            "L'armée a repoussé une attaque contre le camp de Boulkessi dimanche, perdant quatre soldats. Sept "
            "assaillants ont été tués.",
            [11],
        ),
    ],
)
def test_one_more_of_the_dead_told_beside_a_count_adds_to_it(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed, as was a curfew imposed on the town.",  # no person: no more dead
        "Five soldiers were killed in the ambush, as was reported by the army.",
        "Five soldiers were killed and 4 wounded on our side.",
    ],
)
def test_a_joined_phrase_that_names_no_person_adds_no_dead(text: str) -> None:
    assert _deaths(text) == [5]
