"""Which events a report states and of which type (issue 3): happenings a sentence recalls as background (the attack
suspects are held for, what happened days before), named posts of a field line, vigilante groups, what foiling an
attempt did. Synthetic sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _types(extractor, text: str, published: str = "2027-08-05") -> list[str]:
    (result,) = extractor.pipe([report(text, published)])
    return [e.sub_event_type for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "Les forces de sécurité ont arrêté mardi trois suspects dans le cadre de l'enquête sur l'attaque de dimanche "
        "qui a tué six soldats près de Kasserine.",
        "La garde nationale a interpellé mercredi deux hommes soupçonnés d'être impliqués dans l'embuscade qui a coûté "
        "la vie à quatre militaires.",
        "La police a interpellé lundi deux hommes en lien avec l'attentat qui a tué cinq personnes à Kasserine "
        "dimanche.",
        "La gendarmerie a arrêté jeudi à Djibo quatre individus soupçonnés d'avoir participé à l'attaque du poste de "
        "Mentao.",
    ],
)
def test_the_attack_french_suspects_are_held_for_is_background(extractor, text: str) -> None:
    # as in English ('arrested ... in connection with the attack that killed'): the arrest is the news, the attack
    # the suspects are held for an earlier happening (the old code coded the attack and lost the arrest)
    assert _types(extractor, text) == ["Arrests"]


def test_an_attack_told_before_its_arrests_stays_an_event(extractor) -> None:
    # guard: the attack told as this report's news in its own sentence keeps its event beside the arrests
    text = (
        "Des jihadistes ont attaqué lundi le poste de Mentao, tuant neuf soldats. La gendarmerie a arrêté jeudi "
        "quatre suspects en lien avec l'attaque."
    )
    assert sorted(_types(extractor, text)) == ["Armed clash", "Arrests"]


@pytest.mark.parametrize(
    "text",
    [
        "04 AUG: Post Boulkessi attacked 0200Z; Post Mondoro attacked 0330Z. 3 KIA FF.",
        "0200Z Post Boulkessi attacked by JNIM. 0330Z Post Mondoro attacked, 2 KIA FF.",
    ],
)
def test_two_named_posts_attacked_in_one_field_line_are_two_events(extractor, text: str) -> None:
    # each line item names its post ('Post Mondoro'), a place the parse does not tag: two posts, two attacks
    assert _types(extractor, text) == ["Armed clash", "Armed clash"]


def test_one_named_post_and_where_its_attackers_went_is_one_event(extractor) -> None:
    # guard: the attackers' retreat toward another town is no second post attacked
    text = "04 AUG: Post Boulkessi attacked 0200Z; attackers withdrew N toward Mondoro 0330Z. 3 KIA FF."
    assert _types(extractor, text) == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organised vigilante group (a militia) attacked by armed men is a clash, not a crowd's violence
        (
            "Suspected jihadists killed three members of a vigilante group in Djibo on Monday.",
            ["Armed clash"],
        ),
        ("Jihadists killed three members of a vigilante group in Djibo on Monday.", ["Armed clash"]),
        # guards: vigilantes lynching a suspect, a vigilante mob, are mob violence
        ("Vigilantes lynched a suspected thief in Djibo on Monday.", ["Mob violence"]),
        ("A vigilante mob killed two suspected cattle thieves in Djibo on Monday.", ["Mob violence"]),
    ],
)
def test_a_vigilante_group_is_no_mob(extractor, text: str, expected: list[str]) -> None:
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "dead"),
    [
        # a happening told "two days", "three days", "hours" after another is another day's: its dead and its parties
        # are not this event's ('a day after' was read so; the plural spans were not)
        (
            "Gunmen killed seven civilians in Sebba on Monday, two days after militants ambushed a convoy near Boni, "
            "killing five soldiers.",
            "Attack",
            7,
        ),
        (
            "Troops killed twelve militants near Boni on Tuesday, three days after the militants ambushed a convoy "
            "there, killing five soldiers.",
            "Armed clash",
            12,
        ),
        (
            "Gunmen attacked the village of Sebba on Monday, killing seven civilians, only hours after jihadists had "
            "killed five soldiers near Boni.",
            "Attack",
            7,
        ),
    ],
)
def test_a_happening_days_before_is_background(extractor, text: str, expected: str, dead: int) -> None:
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == [(expected, dead)]


def test_the_troops_answering_days_later_are_the_doers(extractor) -> None:
    # the troops who killed are actor1, not the militants of the ambush told as background
    text = (
        "Troops killed twelve militants near Boni on Tuesday, three days after the militants ambushed a convoy there, "
        "killing five soldiers."
    )
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    (event,) = result.events
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces")


@pytest.mark.parametrize(
    "text",
    [
        # the participle after the comma tells what the foiling did, not what the attempt intended
        "Army units foiled an attempt by terrorists to cross the border near In Guezzam on Monday, killing three and "
        "arresting two.",
        "Troops thwarted an attempt by militants to storm the Boni post on Monday, killing four of them.",
    ],
)
def test_what_foiling_an_attempt_did_happened(extractor, text: str) -> None:
    assert _types(extractor, text) == ["Armed clash"]


def test_an_intended_result_stays_intended(extractor) -> None:
    # guard: no foiling verb above, the participle goes with the plan
    text = "The militants planned to attack the post, killing as many soldiers as possible, the suspect told police."
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    assert all((e.fatalities or 0) == 0 for e in result.events)
