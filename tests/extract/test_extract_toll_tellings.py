"""Tolls as communiqués, wires and field reports tell them (SYNTHETIC reports about invented incidents; real places):
a day of a month is no count of the dead, one of a side's men lost, a named victim, the other side's dead told with
its verb left out, and the losses of the side that lost them, not of the side it killed."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._quantities import find_quantities


def _toll(extractor, text: str) -> int:
    events = extractor(report(text, published="2026-05-06")).events
    assert events, text
    return events[0].fatalities


def _deaths(text: str) -> list[int]:
    return [q.value for q in find_quantities(text) if q.kind == "fatalities"]


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("On 3 May 2026 gunmen killed a village chief near Koro.", [1]),
        ("Le 3 mai 2026 des hommes armés ont tué un chef de village.", [1]),
        ("On May 3, 2026 gunmen killed a trader.", [1]),
        ("On June 12th gunmen killed two herders.", [2]),
        ("On 3 May 2026 14 people were killed when gunmen attacked a market.", [14]),
        ("The 3 May 2026 ambush killed 11 soldiers.", [11]),
        # the date between the verb and its count still lets the count reach its verb
        ("Des individus armés ont tué le 3 mai 2026 quatre commerçants.", [4]),
        ("Gunmen killed on 3 May 2026 four traders.", [4]),
        # a count is still a count beside a month: "3 may" is no date, nor "In May 3 soldiers"
        ("At least 3 may have died in the attack.", [3]),
        ("In May 3 soldiers were killed near Djibo.", [3]),
    ],
)  # fmt: skip
def test_a_day_of_a_month_is_no_count_of_the_dead(text: str, deaths: list[int]) -> None:
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("The army lost one man.", [1]),
        ("Elle a perdu un homme.", [1]),
        ("We regret the loss of one of our soldiers.", [1]),
        ("Nous déplorons la perte d'un de nos soldats.", [1]),
        ("The attack claimed the life of a soldier.", [1]),
        ("L'attaque a coûté la vie à un soldat.", [1]),
        ("One of our men paid the ultimate price.", [1]),
        ("Un de nos soldats est tombé.", [1]),
        ("The General Staff deplores the death of Corporal Issa Tapsoba.", [1]),
        ("L'état-major déplore la mort du caporal Issa Tapsoba.", [1]),
        ("Le sergent Issa Tapsoba est tombé au champ d'honneur.", [1]),
        ("Friendly losses: one killed, two wounded.", [1]),
        # no one dead: a thing lost, a motive told, no one killed
        ("The army lost one vehicle.", []),
        ("The army lost one of its vehicles.", []),
        ("Protesters denounced the death of a man in police custody.", []),
        ("No one was killed.", []),
    ],
)  # fmt: skip
def test_one_of_a_sides_men_lost_is_one_death(text: str, deaths: list[int]) -> None:
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("On 1 May 2026 unidentified gunmen killed Moussa Ag Ahmed, a trader, in Menaka.", 1),
        ("Moussa Ag Ahmed, a trader, was killed by gunmen in Menaka on 1 May 2026.", 1),
        ("On 2 May 2026 gunmen killed Moussa Traoré and Ali Diallo near Koro.", 2),
        ("On 2 May 2026 gunmen killed two traders near Koro.", 2),
    ],
)  # fmt: skip
def test_each_person_a_killing_verb_names_is_one_death(extractor, text: str, toll: int) -> None:
    assert _toll(extractor, text) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("L'armée a enregistré 4 morts, le JNIM 11, lors des combats du 3 mai 2026 près de Boulkessi.", 15),
        ("Le 3 mai 2026, des terroristes ont attaqué le poste de Téra. Les assaillants ont perdu 14 hommes et "
         "l'armée 3.", 17),
        ("On 3 May 2026 militants attacked the army post at Tera. The army lost five soldiers and the militants "
         "twelve.", 17),
        ("On 3 May 2026 militants attacked the army post at Tera. The army lost five soldiers, the militants 12.", 17),
    ],
)  # fmt: skip
def test_the_other_sides_dead_told_with_the_verb_left_out_add_up(extractor, text: str, toll: int) -> None:
    assert _toll(extractor, text) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("On 3 May 2026 an army convoy was ambushed near Menaka. The soldiers killed 9 assailants but lost 3 of their "
         "own.", 12),
        ("Le 3 mai 2026 une patrouille est tombée dans une embuscade près de Ménaka. Les militaires ont neutralisé 9 "
         "assaillants mais ont perdu 3 des leurs.", 12),
        ("On 5 May 2026 our units repelled a terrorist attack on the Kelbo post. One of our men paid the ultimate "
         "price.", 1),
        ("Le 5 mai 2026, nos unités ont repoussé une attaque terroriste contre le poste de Kelbo. Un de nos soldats "
         "est tombé.", 1),
        ("On 5 May 2026 our units repelled a terrorist attack on the Kelbo post. A soldier lost his life.", 1),
        ("On 5 May 2026 our units repelled an attack on the Kelbo post. Two of our men paid the ultimate price and "
         "nine assailants were neutralised.", 11),
    ],
)  # fmt: skip
def test_a_sides_losses_are_the_side_that_lost_them(extractor, text: str, toll: int) -> None:
    assert _toll(extractor, text) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("On 3 May 2026 an army patrol was ambushed near Tessit. Four soldiers were killed. On the attackers' side, "
         "the toll was eight dead.", 12),
        ("On 3 May 2026 soldiers and militants fought near Djibo. The militants left behind 16 dead. The army lost "
         "four men.", 20),
        ("Le 3 mai 2026, l'armée a repoussé une attaque à Djibo. Les assaillants ont laissé sur le terrain 16 morts. "
         "Trois soldats ont été tués.", 19),
        # bodies "d'assaillants" found in the clause after a semicolon are the other side's dead
        ("Trois soldats sont tombés en martyrs lors de l'attaque du poste de Tessit le 3 mai 2026 ; onze corps "
         "d'assaillants ont été retrouvés.", 14),
        # a toll the attack left behind is everyone's, not the attackers' own: the soldiers may be among them
        ("On 3 May 2026 gunmen stormed the village of Koro, leaving behind 16 dead. Two soldiers were also killed.",
         16),
    ],
)  # fmt: skip
def test_the_dead_a_side_left_or_its_side_told_before_the_toll_are_its_own(extractor, text: str, toll: int) -> None:
    assert _toll(extractor, text) == toll
