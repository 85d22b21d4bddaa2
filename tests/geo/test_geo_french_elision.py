"""A span of the entity model that opens with French elided 'de' ("le camp de réfugiés d'Abala") is the name after
it: looked up whole, "d'Abala" was read loosely as Dabola, Guinea. Names that begin with an elided article in
capitals ("L'Ariana") keep it. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Des hommes armés ont attaqué le camp de réfugiés d'Abala, au Niger, dimanche.", [("d'Abala", "GPE")]),
        ("Le camp de déplacés d'Abala a été pillé dans la nuit, selon les autorités du Niger.", [("d'Abala", "FAC")]),
    ],
)
def test_a_span_opening_with_elided_de_is_the_name_after_it(geoparser, text, entities) -> None:
    places = geoparser.find_places(text, [span(text, words, label) for words, label in entities])
    assert ("Abala", "NE") in [(p.text, p.country) for p in places]


def test_the_elided_span_is_no_loose_reading_abroad(geoparser) -> None:
    text = "Des hommes armés ont attaqué le camp de réfugiés d'Abala dimanche."
    places = geoparser.find_places(text, [span(text, "d'Abala", "FAC")])
    assert "GN" not in [p.country for p in places] and all(p.text == "Abala" for p in places)


def test_an_elided_article_in_capitals_stays_part_of_the_name(geoparser) -> None:
    text = "Des manifestants ont bloqué une route à L'Ariana, près de Tunis, mardi."
    places = geoparser.find_places(text, [span(text, "L'Ariana", "GPE"), span(text, "Tunis", "GPE")])
    assert ("L'Ariana", "TN") in [(p.text, p.country) for p in places]
