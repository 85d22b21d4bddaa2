"""The city of a wire dateline in capitals with its agency and no country after it ('WASHINGTON (Reuters) —', 'PARIS,
March 3 (AFP) -') is the one of its own country, whatever the report goes on about: by the agencies' style only cities
known the world over stand alone. A dateline that writes its country ('GAO, Mali (AP) —') is read with it, and a
local agency's dateline in mixed case ('Niamey (ANP) -') with the report. Every report is SYNTHETIC: invented
incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo._line_heads import names_a_wire_dateline_city

_WASHINGTON, _LONDON, _PARIS = 4140963, 2643743, 2988507


def _found(geoparser, text: str, names: tuple[str, ...]) -> dict[str, int | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, [span(text, n, "GPE") for n in names])}


@pytest.mark.parametrize(
    ("text", "names", "gold"),
    [
        ("WASHINGTON (Reuters) - The British ambassador met officials in London and Manchester on Friday.",
         ("WASHINGTON", "London", "Manchester"), _WASHINGTON),
        ("WASHINGTON, March 3 (Reuters) - British officials in London and Leeds said the talks had failed.",
         ("WASHINGTON", "London", "Leeds"), _WASHINGTON),
        ("LONDON (Reuters) - Police in Ontario and Toronto arrested two men.", ("LONDON", "Ontario", "Toronto"),
         _LONDON),
        ("PARIS (AFP) - A Texas company and a Dallas bank were fined on Monday.", ("PARIS", "Texas", "Dallas"), _PARIS),
    ],
)  # fmt: skip
def test_a_wire_dateline_city_is_the_one_of_its_own_country(geoparser, text, names, gold) -> None:
    assert _found(geoparser, text, names)[names[0]] == gold


def test_only_a_city_alone_in_capitals_before_its_agency_is_a_wire_dateline_city() -> None:
    cases = [
        ("WASHINGTON (Reuters) — Talks ended.", "WASHINGTON", True),
        ("PARIS, 12 mars (AFP) - Talks ended.", "PARIS", True),
        ("GAO, Mali (AP) — Gunmen attacked a convoy.", "GAO", False),
        ("Niamey (ANP) - Talks ended.", "Niamey", False),
        ("WASHINGTON — Talks ended.", "WASHINGTON", False),
    ]
    for text, city, expected in cases:
        assert names_a_wire_dateline_city(text, 0, len(city)) is expected, text
