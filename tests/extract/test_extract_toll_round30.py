"""Fatalities told in ways the patterns did not read (issue 3). SYNTHETIC reports about invented incidents and invented
people: a headline's or a summary's present tense ('Des jihadistes tuent six civils'), the dead named one by one by
rank and name ('le sergent X et le caporal Y ont été tués'), and a communiqué that mourns a soldier 'killed in
action' in a sentence of its own. Guards that must not count are kept beside them."""

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
        # French headlines and summaries in the present
        ("Des jihadistes tuent six civils près de Ménaka.", [6]),
        ("Un kamikaze tue huit soldats à Gao.", [8]),
        ("Les FAMa neutralisent douze terroristes dans le Gourma.", [12]),
        ("Des hommes armés abattent trois bergers à Tillabéri.", [3]),
        ("L'armée abat cinq assaillants près de Ménaka.", [5]),
        ("Des bandits exécutent quatre villageois.", [4]),
        # English headlines in the present
        ("Army neutralises twelve terrorists near Menaka.", [12]),
        ("Gunmen shoot dead two herders near Djibo.", [2]),
        ("Jihadists massacre nine villagers.", [9]),
    ],
)
def test_a_killing_verb_in_the_present_counts_its_dead(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tue 12 May: patrol hit an IED, no casualties.",  # a day's abbreviation, not the French verb
        "Les soldats neutralisent deux engins explosifs.",  # things, not people
        "Army neutralises two IEDs near Menaka.",
    ],
)
def test_a_present_verb_over_things_or_a_day_counts_no_dead(text: str) -> None:
    assert _deaths(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Le sergent Moussa Traoré et le caporal Ali Diallo ont été tués.", [2]),
        ("L'adjudant Issa Koné et le soldat Amadou Sow ont trouvé la mort.", [2]),
        (
            "Le capitaine Ali Ag Moussa, le sergent Idris Bello et le soldat Ousmane Sy sont tombés au champ "
            "d'honneur.",
            [3],
        ),
        ("Sergeant Musa Bello and Corporal Ali Idris were killed.", [2]),
        ("Captain Ali Ag Moussa, Sergeant Idris Bello and Private John Doe died in the ambush.", [3]),
    ],
)
def test_the_dead_named_by_rank_count_one_each(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sergeant Musa Bello and Corporal Ali Idris were wounded.",
        "Le sergent Moussa Traoré et le caporal Ali Diallo ont été blessés.",
        "Sergeant Musa Bello and Corporal Ali Idris led the patrol.",
    ],
)
def test_ranked_names_not_killed_count_no_dead(text: str) -> None:
    assert _deaths(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # field report: the names in a sentence after the ambush
        (
            "Militants ambushed a patrol near Menaka on Tuesday. Sergeant Musa Bello and Corporal Ali Idris were "
            "killed.",
            [2],
        ),
        # wire: the ranked dead added to the militiamen killed before them
        (
            "Militants ambushed a patrol near Menaka on Tuesday, killing two militiamen. Sergeant Musa Bello and "
            "Corporal Ali Idris were also killed.",
            [4],
        ),
        # French communiqué
        (
            "Des terroristes ont attaqué mardi un poste de l'armée près de Ménaka. Le sergent Moussa Traoré et le "
            "caporal Ali Diallo ont été tués.",
            [2],
        ),
        (
            "Des terroristes ont tendu une embuscade à une patrouille près de Ménaka mardi. L'adjudant Issa Koné et le "
            "soldat Amadou Sow ont trouvé la mort.",
            [2],
        ),
        # French summary headline in the present
        ("Des jihadistes tuent six civils près de Ménaka.", [6]),
        ("Des hommes armés tuent trois bergers à Tillabéri.", [3]),
    ],
)
def test_the_event_takes_its_named_or_present_tense_dead(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Militants attacked an army post near Menaka on Tuesday. We mourn one soldier killed in action.", [1]),
        (
            "Militants attacked an army post near Menaka on Tuesday. The army mourns two gendarmes killed in the "
            "attack.",
            [2],
        ),
        (
            "Gunmen attacked a checkpoint near Djibo on Sunday. The ministry mourns three policemen killed at their "
            "post.",
            [3],
        ),
    ],
)
def test_the_dead_mourned_with_a_participle_are_the_attacks_toll(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


def test_dead_mourned_from_another_day_stay_in_the_background(extractor) -> None:
    text = (
        "Residents protested on Monday in Gao. They denounced the army, which they accused of abuses, and mourned "
        "three herders killed last month."
    )
    assert _tolls(extractor, text) == [0]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Militants attacked an army post near Menaka on Tuesday. The toll is one soldier dead.", [1]),
        ("Militants attacked an army post near Menaka on Tuesday. The provisional toll is two soldiers dead.", [2]),
        ("Gunmen attacked the village of Tin-Akoff on Saturday. The death toll is five civilians killed.", [5]),
    ],
)
def test_a_toll_told_with_a_present_copula_is_the_attacks(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


def test_a_periods_toll_with_a_present_copula_stays_apart(extractor) -> None:
    text = "Gunmen attacked the village of Tin-Akoff on Saturday. The toll since January is 120 dead."
    assert _tolls(extractor, text) == [0]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Unfortunately four of our soldiers fell.", [4]),
        ("Four soldiers fell.", [4]),
        ("Two of them fell.", []),  # shells fall too: a count that names no person
        ("Three rockets fell.", []),
        ("Prices fell.", []),
    ],
)
def test_a_person_counted_who_fell_ends_the_clause_dead(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected


def test_a_communique_adds_its_own_fallen_to_the_enemy_neutralised(extractor) -> None:
    text = (
        "Jihadists attacked an army base near Menaka on Tuesday. Our forces repelled the attack, neutralising nine "
        "terrorists. Unfortunately four of our soldiers fell."
    )
    assert _tolls(extractor, text) == [13]


@pytest.mark.parametrize(
    "text,expected",
    [
        # communiqués: a side's one loss in a sentence of its own
        (
            "Des terroristes ont attaqué mardi un poste de l'armée près de Ménaka. Nous déplorons la perte d'un de nos "
            "soldats.",
            [1],
        ),
        (
            "Des terroristes ont attaqué mardi un poste de l'armée près de Ménaka. Nous déplorons la perte d'un "
            "soldat.",
            [1],
        ),
        (
            "Des terroristes ont attaqué mardi un poste de l'armée près de Ménaka. L'armée déplore le décès d'un de "
            "ses gendarmes.",
            [1],
        ),
        # wire: a reported loss
        ("Militants attacked an army post near Menaka on Tuesday. The army said it lost one soldier.", [1]),
        ("Militants attacked an army post near Menaka on Tuesday. The army lost a soldier in the attack.", [1]),
    ],
)
def test_a_sides_single_loss_told_apart_is_the_attacks_toll(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    ["La perte d'un véhicule a été signalée.", "The team lost a member of staff.", "Prices fell."],
)
def test_losses_of_things_are_no_event(extractor, text: str) -> None:
    assert _tolls(extractor, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Jihadists attacked a military base in Djibo on Saturday. Air strikes on Sunday hit the fleeing columns. "
            "At least 30 soldiers were killed.",
            [30, 0],
        ),
        (
            "Des jihadistes ont attaqué samedi la base militaire de Djibo. Des frappes aériennes ont visé dimanche les "
            "colonnes en fuite. Au moins trente soldats ont été tués.",
            [30, 0],
        ),
        (
            "Militants stormed an army post near Menaka on Tuesday. A drone strike later hit their vehicles. Twelve "
            "soldiers died in the assault.",
            [12, 0],
        ),
        # the strike's own targets are its toll
        (
            "Jihadists attacked a military base in Djibo on Saturday. Air strikes on Sunday hit the fleeing columns. "
            "Nine militants were killed.",
            [0, 9],
        ),
    ],
)
def test_the_soldiers_dead_are_the_ground_fights_not_their_air_strikes(extractor, text: str, expected) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Deux soldats ont payé de leur vie.", [2]),
        ("Un soldat a payé de sa vie.", [1]),
        ("Le sergent Ali Maïga a payé de sa vie.", [1]),
        ("Quatre villageois ont été retrouvés sans vie.", [4]),
        ("Des hommes armés ont exécuté sommairement quatre hommes.", [4]),
        ("Les assaillants ont abattu froidement deux bergers.", [2]),
        ("Les habitants ont payé leur eau.", []),
    ],
)
def test_french_tellings_of_death(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected


def test_a_french_list_of_the_killed_names_its_last_by_a_definite_article() -> None:
    text = (
        "Des hommes armés ont attaqué lundi le village de Sona, tuant un enseignant, deux cultivateurs et le fils du "
        "chef."
    )
    assert sum(_deaths(text)) == 4


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Des jihadistes ont attaqué mardi le poste de Tessit. Deux soldats ont payé de leur vie, tandis que cinq "
            "assaillants ont été neutralisés.",
            [7],
        ),
        ("Des hommes armés ont attaqué lundi le village de Sona. Quatre villageois ont été retrouvés sans vie.", [4]),
        ("Des hommes armés ont attaqué lundi le village de Sona et exécuté sommairement quatre hommes.", [4]),
    ],
)
def test_the_event_takes_its_dead_told_in_french(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Weekly summary (synthetic). - 4 March, Boni (Mali): jihadists attacked a FAMa post; 3 soldiers killed. "
            "- 6 March, Djibo (Burkina Faso): gunmen killed 5 civilians.",
            [3, 5],
        ),
        (
            "Résumé hebdomadaire (synthétique). - 4 mars, Boni (Mali) : attaque jihadiste contre un poste des FAMa ; "
            "3 soldats tués. - 6 mars, Djibo (Burkina Faso) : des hommes armés ont tué 5 civils.",
            [3, 5],
        ),
        (
            "Weekly summary (synthetic). • 4 March, Boni: jihadists attacked a FAMa post, killing 3 soldiers. "
            "• 6 March, Djibo: gunmen killed 5 civilians.",
            [3, 5],
        ),
    ],
)
def test_a_summarys_bulleted_items_keep_their_own_tolls(extractor, text: str, expected: list[int]) -> None:
    assert _tolls(extractor, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Clashes between JNIM and FAMa near Boni killed three on each side.", [6]),
        ("Les combats ont tué trois de chaque côté.", [6]),
        ("Clashes killed three fighters on each side.", [6]),
        ("Three fighters were killed on each side.", [6]),
    ],
)
def test_a_count_told_of_each_side_is_doubled_once(text: str, expected: list[int]) -> None:
    assert _deaths(text) == expected
