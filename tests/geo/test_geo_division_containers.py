"""A division written after a place with its kind ('Bourasso, dans la province de la Kossi', 'in the province of
Kossi', 'Ouallam (département de Tillabéri') is the place's container, as 'A, B' is; a loose or other-name reading
of the place outside that division is the namesake the text rules out ('Bourasso', a village the gazetteer lacks,
was Boulsa in another province by Boulsa's other name 'Burusa'): the event keeps the division. A span of the model
made only of an article and a kind word ('la province') names no place and does not hide the container. A place
found under its own name stays where it is. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence


def _found(geoparser, text: str, names: list[tuple[str, str]]):
    places = geoparser.find_places(text, sorted(span(text, words, label) for words, label in names))
    return places, geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Des hommes armés ont attaqué Bourasso, dans la province de la Kossi, dimanche.",
            [("Bourasso", "GPE"), ("la province", "GPE"), ("de la Kossi", "PERSON")],
        ),
        (
            "Gunmen looted granaries in Bourasso, in the province of Kossi, on Sunday.",
            [("Bourasso", "GPE"), ("Kossi", "GPE")],
        ),
    ],
)
def test_a_loose_reading_outside_the_written_division_is_ruled_out(geoparser, text, names) -> None:
    places, location = _found(geoparser, text, names)
    assert [p.name for p in places if p.text == "Bourasso" and p.lat is not None] == []
    assert location is not None and location.name == "Kossi" and location.geo_precision == 2


def test_an_article_and_a_kind_word_name_no_place(geoparser) -> None:
    text = "Des hommes armés ont attaqué Bourasso, dans la province de la Kossi, dimanche."
    places, _ = _found(geoparser, text, [("Bourasso", "GPE"), ("la province", "GPE"), ("de la Kossi", "PERSON")])
    assert "la province" not in [p.text for p in places]


def test_a_place_under_its_own_name_stays_in_its_division(geoparser) -> None:
    text = "Des hommes armés ont attaqué Boni, dans le cercle de Douentza, dimanche."
    _, location = _found(geoparser, text, [("Boni", "GPE"), ("Douentza", "GPE")])
    assert location is not None and location.name == "Boni" and location.country == "ML"
