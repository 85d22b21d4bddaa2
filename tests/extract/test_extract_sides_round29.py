"""Who is actor1 when a fight is told from the struck side, round types29 (issue 3): the passive "engaged by" a
group written as an abbreviation or a named group ("engaged by UAG", "engaged by JNIM fighters"), and a headline's
shorthand "FDS repelled attack on ..." that the parser misreads. Synthetic sentences about invented incidents in
real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _sides(extractor, text: str, published: str = "2027-08-05") -> list[tuple[str, str | None, str | None]]:
    (result,) = extractor.pipe([report(text, published)])
    return [
        (e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
        for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "attacker", "struck"),
    [
        (
            "A FAMa patrol was engaged by UAG near Boulkessi on Monday, the army said. Two soldiers were killed.",
            "Unidentified Armed Group",
            "Military Forces of Mali",
        ),
        (
            "An army convoy was engaged by JNIM fighters near Boulkessi on Monday; three soldiers were wounded.",
            "JNIM",
            "Military Forces of",
        ),
        ("FAMa patrol engaged by UAG near Boulkessi, 2 KIA.", "Unidentified Armed Group", "Military Forces of Mali"),
        (
            "Une patrouille des FAMa a été accrochée par des éléments de l'EIGS près de Boulkessi lundi.",
            "Islamic State (Sahel)",
            "Military Forces of Mali",
        ),
    ],
)
def test_engaged_by_a_group_makes_the_group_actor1(extractor, text: str, attacker: str, struck: str) -> None:
    ((sub, actor1, actor2),) = _sides(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith(attacker)
    assert actor2 is not None and actor2.startswith(struck)


@pytest.mark.parametrize(
    "text",
    [
        "The firm was engaged by the ministry to build a road near Djibo on Monday.",
        "Lawyers engaged by the families of the victims filed a complaint in Bamako on Monday.",
    ],
)
def test_engaged_by_no_armed_group_is_no_fight(extractor, text: str) -> None:
    # guard: hired or retained by someone who is no armed group is not a fight
    assert _sides(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "FDS repelled attack on Kantchari gendarmerie post, five assailants killed.",
        "Army repels attack on Djibo camp, ten terrorists neutralised.",
        "Army repels jihadist assault on Djibo camp; ten terrorists neutralised.",
        "Soldiers repulsed assault on Boulkessi post overnight; four attackers killed.",
    ],
)
def test_the_force_that_repelled_a_headline_attack_is_actor2(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _sides(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces of")


def test_attackers_driven_off_in_shorthand_stay_actor1(extractor) -> None:
    # guard: "attackers repelled" (the passive without its auxiliary) names who attacked
    text = "Attackers repelled after a two-hour fight at the Djibo post, one soldier wounded."
    ((_, actor1, _),) = _sides(extractor, text)
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    "text",
    [
        "Our units foiled a terrorist attack on the Boulkessi post on Monday, neutralising five assailants.",
        "Soldiers thwarted an ambush near Djibo on Monday, killing six attackers.",
        "Gendarmes foiled an assault on their post in Kantchari on Sunday night, killing three gunmen.",
    ],
)
def test_the_force_that_foiled_an_attack_answered_it(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _sides(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces of")


@pytest.mark.parametrize(
    ("text", "force"),
    [
        # guards: a plot or a smuggling attempt foiled with no fight: the force did it
        ("Police foiled a plot to bomb a church in Niamey on Monday, arresting four suspects.", "Police Forces of"),
        (
            "Customs officers thwarted a smuggling attempt near Ben Guerdane on Monday, seizing 2,000 litres of fuel.",
            "Police Forces of",
        ),
    ],
)
def test_a_plot_foiled_without_a_fight_is_the_forces_act(extractor, text: str, force: str) -> None:
    ((_, actor1, _),) = _sides(extractor, text)
    assert actor1 is not None and actor1.startswith(force)


@pytest.mark.parametrize(
    "text",
    [
        # French headlines: the present tense of repelling, and the participle "accrochée par" with no auxiliary
        "Les FDS repoussent une attaque contre le poste de gendarmerie de Kantchari, cinq assaillants neutralisés.",
        "L'armée repousse une attaque jihadiste contre le camp de Djibo, dix terroristes neutralisés.",
        "Une patrouille des FAMa accrochée par des terroristes près de Boulkessi, deux soldats tués.",
    ],
)
def test_french_headlines_keep_the_attackers_first(extractor, text: str) -> None:
    ((sub, actor1, actor2),) = _sides(extractor, text)
    assert sub == "Armed clash"
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Military Forces of")


def test_a_french_force_that_engages_the_group_started_it(extractor) -> None:
    # guard: "les FAMa accrochent des terroristes", active: the force engaged them
    text = "Les FAMa accrochent des terroristes près de Boulkessi, six assaillants neutralisés."
    ((_, actor1, _),) = _sides(extractor, text)
    assert actor1 is not None and actor1.startswith("Military Forces of Mali")
