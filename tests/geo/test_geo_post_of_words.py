"""A name written after the word for a military or security post and 'of' / 'de' ('the gendarmerie post of Téra',
'le camp militaire de Djibo') is the place of the post, as 'the town of' and 'le poste de gendarmerie de' already
present a name (data/recognition.json `locatives.place_nouns`). Every report is SYNTHETIC: invented incidents in
real places."""

from __future__ import annotations

import pytest

from borderwatch.model import Evidence


def _location(geoparser, text: str):
    places = geoparser.find_places(text, [])
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Gunmen attacked the gendarmerie post of Téra on Sunday night, killing two gendarmes.", "Téra", "NE"),
        ("Two soldiers died when militants shelled the army base of Tessit at dawn.", "Tessit", "ML"),
        ("Insurgents besieged the police post of Djibo for three hours on Friday.", "Djibo", "BF"),
        ("Des hommes armés ont attaqué le camp militaire de Djibo dimanche soir.", "Djibo", "BF"),
        ("Un drone a frappé la garnison de Tessit, selon l'état-major.", "Tessit", "ML"),
    ],
)
def test_a_name_after_the_word_for_a_post_and_of_is_the_post_s_place(geoparser, text, place, country) -> None:
    location = _location(geoparser, text)
    assert location is not None and location.name == place and location.country == country


def test_a_post_held_by_a_person_is_no_place(geoparser) -> None:
    text = "The minister left the post of Defence after the attack, the presidency said on Sunday."
    places = geoparser.find_places(text, [])
    assert [p.name for p in places if p.lat is not None] == []
