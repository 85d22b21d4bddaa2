"""Civilian and state targets, round targets27 (issue 3): civilian places whose names hold a state unit's word ('a
refugee camp', 'an aid convoy'), forest guards (state forces) and self-defence groups (communal militias). Synthetic
sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


def _events(extractor, text: str) -> list[tuple[str, int | None]]:
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    return [(e.sub_event_type, e.actor2.type.value if e.actor2 else None) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a refugee camp near Djibo on Monday, killing four people.",
        "Armed men attacked the refugee camp at Goudoubo on Tuesday, killing three residents.",
        "Jihadists attacked a camp for displaced people near Djibo on Monday.",
        "Gunmen ambushed a humanitarian convoy near Djibo on Monday, killing two drivers.",
        "Militants attacked an aid convoy near Tillaberi on Sunday, killing three.",
        "Des hommes armés ont attaqué un camp de réfugiés près de Djibo lundi, tuant quatre personnes.",
        "Des jihadistes ont attaqué le camp de déplacés de Djibo dimanche, tuant trois personnes.",
        "Des hommes armés ont attaqué un convoi humanitaire près de Tillaberi lundi, tuant deux chauffeurs.",
    ],
)
def test_a_civilian_place_holding_a_units_word_is_civilian(extractor, text: str) -> None:
    # the longest target phrase wins: the state's 'camp' or 'convoy' inside 'refugee camp' or 'aid convoy' made it a
    # battle with a force (the old code gave an Armed clash)
    assert _events(extractor, text) == [("Attack", 7)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a military camp near Djibo on Monday, killing four soldiers.",
        "Des hommes armés ont attaqué un convoi militaire près de Tillaberi lundi.",
    ],
)
def test_a_units_own_place_stays_a_state_target(extractor, text: str) -> None:
    # guard: a military camp or convoy is still a force's
    assert [t for t, _ in _events(extractor, text)] == ["Armed clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed three forest guards near Tillaberi on Monday.",
        "Suspected jihadists attacked forest rangers near Tillaberi on Monday, killing two.",
        "Des hommes armés ont tué trois gardes forestiers près de Tillaberi lundi.",
        "Des jihadistes ont attaqué des agents des eaux et forêts près de Djibo lundi, tuant deux d'entre eux.",
    ],
)
def test_forest_guards_are_state_forces(extractor, text: str) -> None:
    # forest guards are an armed corps of the state, coded as its police like customs officers (the old code read
    # them as civilians and gave an attack on civilians)
    assert _events(extractor, text) == [("Armed clash", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists killed four members of a self-defence group near Djibo on Monday.",
        "Des jihadistes ont tué quatre membres d'un groupe d'autodéfense près de Djibo lundi.",
        "Des hommes armés ont attaqué un groupe d'autodéfense à Djibo lundi, tuant trois de ses membres.",
    ],
)
def test_a_self_defence_group_is_a_communal_militia(extractor, text: str) -> None:
    # guard (already right on this round's base): a self-defence group is a communal militia, not civilians
    assert _events(extractor, text) == [("Armed clash", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists killed two Burkinabe forest guards near Fada N'Gourma on Monday.",
        "Des hommes armés ont tué deux gardes forestiers burkinabè près de Fada N'Gourma lundi.",
    ],
)
def test_a_countrys_forest_guards_are_its_police(extractor, text: str) -> None:
    # the country adjective names the force's country, as for customs officers
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    assert [e.actor2.name if e.actor2 else None for e in result.events] == ["Police Forces of Burkina Faso (2022-)"]


def test_soldiers_guarding_a_refugee_camp_are_still_the_target(extractor) -> None:
    # guard: the civilian camp's name does not hide the soldiers the attack struck
    text = "Gunmen attacked soldiers guarding a refugee camp near Djibo on Monday, killing two soldiers."
    assert [t for t, _ in _events(extractor, text)] == ["Armed clash"]
