"""A report that names no other place, for no caller's country, is about the product's region (the Maghreb and the
Sahel, data/thinly_held_countries.json): a name no place bears, read through a looser spelling, is read as the
region's place before a likelier look-alike abroad, and a name a small town abroad bears too is the region's place
('Abala' alone is Abala, Niger, not Abala, Ethiopia). A report whose other places say where it is keeps them as its
context, and a city known abroad keeps its reading. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

_DEHIBA = 2474031  # Dehiba, Tataouine, Tunisia (not Diéhiba, Côte d'Ivoire)


def _found(geoparser, text: str, names: tuple[str, ...]) -> dict[str, int | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, [span(text, n, "GPE") for n in names])}


@pytest.mark.parametrize(
    "text",
    [
        "Smugglers were arrested near Dhehiba on Monday.",
        "Border guards seized two trucks of fuel at Dhehiba overnight.",
        "Des contrebandiers ont été arrêtés près de Dhehiba lundi.",
        "Deux camions de carburant ont été saisis à Dhehiba dans la nuit.",
    ],
)
def test_a_loose_spelling_alone_is_read_as_the_region_s_place(geoparser, text: str) -> None:
    assert _found(geoparser, text, ("Dhehiba",))["Dhehiba"] == _DEHIBA


def test_a_report_about_another_country_keeps_its_own_context(geoparser) -> None:
    text = "Farmers near Dhehiba, in the west of Côte d'Ivoire, lost their cocoa crop to the floods."
    found = _found(geoparser, text, ("Dhehiba", "Côte d'Ivoire"))
    assert found["Dhehiba"] != _DEHIBA


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Herders were robbed near Abala overnight.", "Abala", "NE"),
        ("Armed men burned granaries in Solhan on Friday.", "Solhan", "BF"),
        ("Des éleveurs ont été dépouillés près d'Abala dans la nuit.", "Abala", "NE"),
    ],
)
def test_a_namesake_alone_is_read_as_the_region_s_place(geoparser, text: str, name: str, country: str) -> None:
    places = geoparser.find_places(text, [span(text, name, "GPE")])
    assert [p.country for p in places if p.text == name] == [country]


def test_a_city_known_abroad_alone_keeps_its_reading(geoparser) -> None:
    text = "Police in Washington arrested a man on Friday."
    places = geoparser.find_places(text, [span(text, "Washington", "GPE")])
    assert [p.country for p in places] == ["US"]
