"""Mutual support: when population reads several names of one report as great namesakes scattered over the world, each
in a country no other name of the report lies in and far from all of them, and their namesakes lie together, the
report is about that one place (geo/_support). A name the report otherwise supports keeps its reading. Every sentence
is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

# London, St. Thomas and Delhi of Ontario (a few tens of km apart), against England, the Virgin Islands and India.
_ONTARIO = {"London": 6058560, "St. Thomas": 6158357, "Delhi": 5937522}


def _found(geoparser, text: str, names: tuple[str, ...]) -> dict[str, int | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, [span(text, n, "GPE") for n in names])}


@pytest.mark.parametrize(
    "text",
    [
        "Police in London said a fire destroyed a barn near St. Thomas; crews from Delhi attended.",
        "La police de London a signalé un incendie près de St. Thomas; des pompiers de Delhi sont intervenus.",
        "Flooding closed roads between Delhi, St. Thomas and London on Monday, the province said.",
        "Un camion s'est renversé entre Delhi et St. Thomas; la police de London enquête.",
    ],
)
def test_scattered_great_namesakes_give_way_to_namesakes_that_lie_together(geoparser, text: str) -> None:
    assert _found(geoparser, text, ("London", "St. Thomas", "Delhi")) == _ONTARIO


def test_great_cities_that_lie_apart_keep_their_reading(geoparser) -> None:
    # London and Paris are England's and France's, though Ontario has both: neither is far from the other.
    text = "Officials in London, Delhi and Paris condemned the attack on the embassy."
    found = _found(geoparser, text, ("London", "Delhi", "Paris"))
    assert found == {"London": 2643743, "Delhi": 1273294, "Paris": 2988507}


def test_cities_of_one_country_keep_their_reading(geoparser) -> None:
    text = "Fans travelled from Manchester, Leeds and Birmingham for the match."
    found = _found(geoparser, text, ("Manchester", "Leeds", "Birmingham"))
    assert found == {"Manchester": 2643123, "Leeds": 2644688, "Birmingham": 2655603}


def test_a_report_about_the_great_namesake_s_country_keeps_it(geoparser) -> None:
    # St. Thomas and Delhi of Ontario lie together, but Britain, named in the report, speaks for London.
    text = "A London bank fined in Britain had branches in St. Thomas and Delhi."
    found = _found(geoparser, text, ("London", "Britain", "St. Thomas", "Delhi"))
    assert found["London"] == 2643743
