"""French locative words (data/recognition.json `locatives`): the capitalised name after them is presented as a
place, as after 'in' or 'north of'; and a span of the English entity model that swallowed them ('nord de Ménaka'
PERSON, 'a eu lieu près de Tombouctou' PERSON) is read as the name alone. Every sentence is SYNTHETIC: invented
incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo._locatives import is_locative, is_strongly_locative


@pytest.mark.parametrize(
    "before",
    ["près de ", "à ", "au nord de ", "dans la région de ", "le poste de gendarmerie de ", "la commune rurale de ",
     "sur la route d'", "non loin de ", "à l'est de ", "la localité de "],
)  # fmt: skip
def test_a_french_locative_presents_the_name_after_it_as_a_place(before: str) -> None:
    text = f"Des hommes armés ont attaqué {before}Boulsa mardi."
    assert is_strongly_locative(text, text.index("Boulsa"))


def test_a_french_word_that_also_introduces_people_is_a_weak_locative() -> None:
    text = "Des affrontements entre Djibo et Arbinda."
    assert is_locative(text, text.index("Djibo")) and not is_strongly_locative(text, text.index("Djibo"))


@pytest.mark.parametrize(
    ("text", "model_span", "label", "name", "geonameid"),
    [
        ("Un engin explosif a visé un véhicule au nord de Ménaka, tuant deux passagers.", "nord de Ménaka", "PERSON",
         "Ménaka", 2453514),
        ("Trois commerçants ont été enlevés sur la route de Ayorou par des inconnus.", "de Ayorou", "PERSON", "Ayorou",
         2447416),
        ("Le village de Bankilaré a accueilli des déplacés.", "Le village de Bankilaré", "ORG", "Bankilaré", 2447078),
        ("Des assaillants ont incendié le marché de Sebba jeudi.", "de Sebba jeudi", "PERSON", "Sebba", 2355803),
        # Sentence words in lower case before the locative ones, which the model took in too.
        ("Une embuscade a eu lieu près de Tombouctou.", "a eu lieu près de Tombouctou", "PERSON", "Tombouctou",
         2449067),
        ("Des tirs ont eu lieu à proximité de Ménaka hier.", "ont eu lieu à proximité de Ménaka", "PERSON", "Ménaka",
         2453514),
    ],
)  # fmt: skip
def test_a_model_span_holding_french_locative_words_is_the_place_after_them(
    geoparser, text: str, model_span: str, label: str, name: str, geonameid: int
) -> None:
    places = geoparser.find_places(text, [span(text, model_span, label)])
    assert [(p.text, p.geonameid) for p in places] == [(name, geonameid)]


@pytest.mark.parametrize(
    ("text", "tagged", "name", "geonameid"),
    [
        ("Residents of Pama in eastern Burkina Faso reported gunfire overnight.", "Burkina Faso", "Pama", 2356738),
        ("Les habitants de Tillia ont fui vers le chef-lieu après les tirs de la nuit.", None, "Tillia", 2438675),
    ],
)  # fmt: skip
def test_the_residents_of_a_name_present_it_as_a_place(
    geoparser, text: str, tagged: str | None, name: str, geonameid: int
) -> None:
    entities = [span(text, tagged, "GPE")] if tagged else []
    assert (name, geonameid) in [(p.text, p.geonameid) for p in geoparser.find_places(text, entities)]
