"""The report's country as the caller knows it (`country_hint`: its title, its forces' names) is one of the report's
countries from the start of acceptance: a name the entity model took for an organisation, whose namesake abroad
population ranks first ('Léré': Lere, Nigeria), is judged as the namesake at home the resolver found in that
country (Léré, Mali), and placed there. Without a country to go by it stays unplaced. Every report is SYNTHETIC:
invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué Léré dimanche, tuant trois bergers.",
        "Des hommes armés ont incendié le marché de bétail, Léré ayant refusé de payer la zakat.",
    ],
)
def test_an_organisation_s_span_is_judged_as_its_namesake_in_the_hinted_country(geoparser, text) -> None:
    places = geoparser.find_places(text, [span(text, "Léré", "ORG")], "ML")
    assert [(p.text, p.geonameid) for p in places] == [("Léré", "bw:ml-lere")]


def test_without_a_hinted_country_the_organisation_s_span_is_no_place(geoparser) -> None:
    text = "Des hommes armés ont attaqué Léré dimanche, tuant trois bergers."
    assert [p for p in geoparser.find_places(text, [span(text, "Léré", "ORG")]) if p.lat is not None] == []


def test_a_namesake_abroad_in_the_hinted_country_stays_there(geoparser) -> None:
    text = "Des hommes armés ont attaqué Léré dimanche, tuant trois bergers."
    places = geoparser.find_places(text, [span(text, "Léré", "ORG")], "NG")
    assert [p.country for p in places if p.lat is not None] in ([], ["NG"])
