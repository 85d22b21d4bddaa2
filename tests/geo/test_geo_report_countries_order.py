"""The countries a short town's acceptance asks for are the whole report's, not only those of the places named
before it: the same sentence with its places in another order finds the same places. Every sentence is SYNTHETIC:
invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


def _found(geoparser, text: str, names: list[str]) -> dict[str, int | str | None]:
    entities = sorted(span(text, name, "GPE") for name in names)
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


@pytest.mark.parametrize(
    ("text", "names", "town", "gold"),
    [
        (
            "Oyo was calm after the clashes, police in Ibadan, Nigeria, said.",
            ["Oyo", "Ibadan", "Nigeria"],
            "Oyo",
            2325200,
        ),
        (
            "Police in Ibadan, Nigeria, said Oyo was calm after the clashes.",
            ["Oyo", "Ibadan", "Nigeria"],
            "Oyo",
            2325200,
        ),
        (
            "Ede was quiet on Monday, a day after clashes in Osogbo, Nigeria.",
            ["Ede", "Osogbo", "Nigeria"],
            "Ede",
            2344053,
        ),
        (
            "A day after clashes in Osogbo, Nigeria, Ede was quiet on Monday.",
            ["Ede", "Osogbo", "Nigeria"],
            "Ede",
            2344053,
        ),
    ],
)
def test_a_short_town_named_first_gets_the_report_s_countries(geoparser, text, names, town, gold) -> None:
    assert _found(geoparser, text, names).get(town) == gold


def test_a_short_town_with_no_country_around_it_is_still_left_out(geoparser) -> None:
    text = "Ede was quiet on Monday, a day after the clashes, police said."
    assert "Ede" not in _found(geoparser, text, ["Ede"])
