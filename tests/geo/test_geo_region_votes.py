"""A region that names no country but covers several ('the Sahel', 'the Maghreb', 'Lake Chad';
data/region_countries.json) says what countries a report is about, as a town of each would: a village of the report
is read in them before a likelier namesake far away. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo._regions import countries_voted_for
from borderwatch.geo._store import PlaceRecord


def _found(geoparser, text: str, names: tuple[str, ...]) -> dict[str, object]:
    places = geoparser.find_places(text, [span(text, n, "GPE") for n in names])
    return {p.text: (p.country, p.geonameid) for p in places}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Armed men burned granaries in Solhan on Friday. Raids on gold sites have spread across the Sahel.", "Solhan",
         "BF"),
        ("Herders were robbed near Abala overnight. Aid groups working in the Sahel suspended their convoys.", "Abala",
         "NE"),
        ("Des hommes armés ont incendié des greniers à Solhan vendredi, la pire attaque au Sahel depuis des mois.",
         "Solhan", "BF"),
    ],
)  # fmt: skip
def test_a_village_of_a_report_about_the_sahel_is_read_in_the_sahel(geoparser, text: str, name: str, country: str):
    found = _found(geoparser, text, (name, "Sahel"))
    assert found[name][0] == country


def test_a_report_that_names_a_town_abroad_keeps_it(geoparser) -> None:
    text = "Farmers in Solhan, in Bingöl province, lost their harvest to hail, unlike the drought-hit Sahel."
    found = _found(geoparser, text, ("Solhan", "Bingöl", "Sahel"))
    assert found["Solhan"][0] == "TR"


def test_a_region_votes_for_the_countries_it_covers_and_a_sea_for_none() -> None:
    def region(geonameid: str) -> PlaceRecord:
        return PlaceRecord(0, geonameid, geonameid, 0.0, 0.0, None, None, None, "L", "RGN", 0, "borderwatch")

    assert set(countries_voted_for(region("bw:sahel"))) >= {"ML", "BF", "NE"}
    assert countries_voted_for(region("bw:mediterranean")) == ()
    town = PlaceRecord(0, 1, "Gao", 16.27, -0.04, "ML", None, None, "P", "PPL", 86633, "geonames")
    assert countries_voted_for(town) == ("ML",)
