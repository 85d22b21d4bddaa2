"""Happenings dated by a bare year before the report's are recalled history, round types30 (issue 3): their deaths
are not the report's event's, and they are no event of their own. A year of the report's own, a full date, or a
clause naming a day keep the happening. Synthetic sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import sub_types_and_tolls

pytestmark = pytest.mark.slow


def _events(extractor, text: str, published: str = "2027-08-05") -> list[tuple[str, int | None]]:
    return sub_types_and_tolls(extractor, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two soldiers were killed on Monday near Djibo. The 2019 attack on the same camp killed 24.",
            [("Armed clash", 2)],
        ),
        (
            "Two civilians were killed by a landmine near Tessalit on Monday. A similar blast in 2021 killed five "
            "herders on the same road.",
            [("Remote explosive/landmine/IED", 2)],
        ),
        (
            "Des hommes armés ont tué trois villageois près de Tillabéri lundi. En 2019, des jihadistes avaient "
            "attaqué le camp d'Inates, tuant 71 soldats.",
            [("Attack", 3)],
        ),
        (
            "Des hommes armés ont tué trois villageois près de Tillabéri lundi. Le camp d'Inates avait été attaqué "
            "en 2019 par des jihadistes, qui avaient tué 71 soldats.",
            [("Attack", 3)],
        ),
        (
            "Des hommes armés ont attaqué un poste de police à Kasserine lundi, tuant un agent. Comme en 2021, des "
            "terroristes avaient tué deux gendarmes dans la région.",
            [("Armed clash", 1)],
        ),
        (
            "Des soldats ont affronté des jihadistes près de Gao lundi, tuant quatre d'entre eux. L'attaque de 2019 "
            "contre le camp de Gao avait fait 30 morts parmi les soldats.",
            [("Armed clash", 4)],
        ),
        (
            "Des soldats ont affronté des jihadistes près de Gao lundi. En 2020, des affrontements similaires avaient "
            "fait 12 morts.",
            [("Armed clash", 0)],
        ),
    ],
)
def test_a_happening_of_a_bare_earlier_year_is_no_part_of_the_report(extractor, text, expected) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "dead"),
    [
        # the report's own year: "the 2019 attack" is the news of a report of 2019
        ("The 2019 attack on the Inates camp killed 71 soldiers, the army said.", "2019-12-12", 71),
        ("En 2019, des jihadistes ont attaqué le camp d'Inates, tuant 71 soldats.", "2019-12-12", 71),
        # a full date is a day, no bare year
        ("The attack of 5 March 2025 on the Boulkessi camp killed 12 soldiers, the army said.", "2027-08-05", 12),
        # a year of another thing than the happening: its place's past, an agreement
        (
            "Des jihadistes ont attaqué le camp d'Inates, déjà visé en 2019, tuant six soldats, a indiqué l'armée.",
            "2027-08-05",
            6,
        ),
        (
            "Rebels attacked an army post near Kidal in breach of the 2015 peace agreement, killing two soldiers.",
            "2027-08-05",
            2,
        ),
        ("Gunmen killed two soldiers on Monday near the site of the 2019 attack in Inates.", "2027-08-05", 2),
    ],
)
def test_a_year_that_dates_no_earlier_happening_keeps_the_event(extractor, text, published, dead) -> None:
    events = _events(extractor, text, published)
    assert len(events) == 1
    assert events[0][1] == dead
