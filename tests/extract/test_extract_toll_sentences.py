"""A toll told in its own sentence joins the event told before it (issue 3, fatalities). SYNTHETIC reports about
invented incidents: a French toll sentence opens on a number word ('Quatorze villageois ...') that the parser may tag
as a place; read as another place, the toll stayed an event of its own and the attack kept no dead. English guards
that must not change are kept beside them."""

from __future__ import annotations

import pytest
from extract_helpers import report

_ATTACK_FR = "Des hommes armés ont attaqué samedi le village de Tin-Akoff. "


def _tolls(extractor, text: str) -> list[int]:
    return [e.fatalities for e in extractor(report(text, published="2026-04-09")).events]


@pytest.mark.parametrize(
    "toll",
    [
        "Quatorze villageois sont morts.",
        "Quatorze villageois ont péri.",
        "Quatorze villageois ont trouvé la mort.",
        "Quatorze villageois ont été abattus.",
        "Quatorze corps ont été retrouvés.",
        "Quatorze personnes y ont laissé la vie.",
        "Quatorze décès ont été enregistrés.",
    ],
)
def test_a_french_toll_sentence_after_the_attack_is_its_toll(extractor, toll: str) -> None:
    assert _tolls(extractor, _ATTACK_FR + toll) == [14]


# guards of other registers: a wire's and a communiqué's toll sentence joined already and must keep joining
def test_a_french_wire_tells_the_toll_of_an_ambush_in_its_next_sentence(extractor) -> None:
    text = (
        "NIAMEY, 8 avril (synthétique) - Des jihadistes ont tendu mardi une embuscade à une patrouille de l'armée "
        "près de Tillabéri. Treize soldats ont été tués, selon une source sécuritaire."
    )
    assert _tolls(extractor, text) == [13]


def test_a_french_communique_counts_the_dead_in_a_sentence_of_its_own(extractor) -> None:
    text = (
        "Communiqué (synthétique). Des terroristes ont attaqué lundi le poste de Tassia. "
        "Dix-neuf assaillants ont été neutralisés par nos unités."
    )
    assert _tolls(extractor, text) == [19]


@pytest.mark.parametrize(
    "text,expected",
    [
        # English guards: the same tellings already joined, they must stay one event with the toll
        ("Gunmen attacked the village of Tin-Akoff on Saturday. Fourteen villagers died.", [14]),
        ("Gunmen attacked the village of Tin-Akoff on Saturday. Fourteen villagers were executed.", [14]),
        ("Gunmen attacked the village of Tin-Akoff on Saturday. Fourteen bodies were recovered.", [14]),
    ],
)
def test_english_toll_sentences_still_join_their_attack(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


def test_a_sentence_naming_another_place_stays_another_event(extractor) -> None:
    # the number word is no place, but a real place named in the next sentence still tells another happening
    text = (
        "Des hommes armés ont attaqué samedi le village de Tin-Akoff. "
        "Dimanche, des jihadistes ont tué trois bergers près de Ménaka."
    )
    assert len(_tolls(extractor, text)) == 2


@pytest.mark.parametrize(
    "toll,dead",
    [
        ("14 civils ont été exécutés.", 14),
        ("Trois des otages ont été froidement exécutés.", 3),
        ("Selon un élu local, six bergers auraient été exécutés.", 6),
    ],
)
def test_a_french_passive_execution_is_a_killing_like_the_english_one(extractor, toll: str, dead: int) -> None:
    # "14 civilians were executed" was read as killing; the French passive was no kill cue, so its sentence was no event
    assert _tolls(extractor, _ATTACK_FR + toll) == [dead]


def test_a_bare_french_execution_report_is_an_event(extractor) -> None:
    text = "Field note (synthetic): cinq commerçants ont été exécutés jeudi par des hommes armés près de Ménaka."
    assert _tolls(extractor, text) == [5]


def test_a_plan_carried_out_is_no_killing(extractor) -> None:
    assert _tolls(extractor, "Le plan de sécurisation a été exécuté samedi à Tin-Akoff, selon le gouverneur.") == []


# 'compter' is intent before an infinitive ('compte attaquer') and a count before a number or a determiner
@pytest.mark.parametrize(
    ("toll", "dead"),
    [
        ("L'armée compte trois morts dans ses rangs.", 3),
        ("Les villageois comptent quatorze morts.", 14),
    ],
)
def test_a_french_side_that_counts_its_dead_tells_a_toll(extractor, toll: str, dead: int) -> None:
    assert _tolls(extractor, _ATTACK_FR + toll) == [dead]


def test_a_french_group_that_means_to_attack_still_only_intends_it(extractor) -> None:
    text = "Des hommes armés ont attaqué samedi le village de Tin-Akoff. Ils comptent désormais attaquer Ménaka."
    assert _tolls(extractor, text) == [0]
