"""A name written with the kind of its division ('the Ouargla wilaya', 'the wilaya de Tamanrasset', 'the cercle de
Niono', 'Region of Peel') is read as that name, and as the division rather than the town of the name.

Every report text here is synthetic: invented incidents in real places, written for these tests.
"""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo._division_names import division_s_name, names_a_division


def _at(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_the_kind_written_after_the_name_makes_it_the_division_and_only_there(geoparser) -> None:
    text = (
        "Synthetic report: a convoy of pickups was seen in the Ouargla wilaya on Monday. In Ouargla itself, shops "
        "stayed open, and Algeria denied any incursion."
    )
    wilaya, town, country = geoparser.resolve(
        text, [_at(text, "Ouargla"), _at(text, "Ouargla", 1), span(text, "Algeria")]
    )
    assert (wilaya.country, wilaya.feature_code) == ("DZ", "ADM1")
    assert (town.country, town.feature_code[:3]) == ("DZ", "PPL")
    assert country.feature_code == "PCLI"


@pytest.mark.parametrize(
    ("words", "country", "context", "country_name"),
    [
        ("the wilaya de Tamanrasset", "DZ", "Troops of Algeria said the border with Niger stayed closed.", "Algeria"),
        # The index holds no Tunisian delegation (second-level division): the town is the place.
        ("the délégation de Dhehiba", "TN", "The National Guard of Tunisia said smugglers came from Libya.", "Tunisia"),
        ("the Region of Gao", "ML", "Soldiers of Mali said the road to Niger stayed open.", "Mali"),
    ],
)
def test_the_kind_written_before_the_name_with_of_or_de(
    geoparser, words: str, country: str, context: str, country_name: str
) -> None:
    text = f"Synthetic report: herders fled {words} after an invented clash on Sunday. {context}"
    name = words.removeprefix("the ")
    place = geoparser.resolve(text, [span(text, name), span(text, country_name)])[0]
    assert place is not None and place.country == country
    # A division the index holds is the place, not its seat.
    assert place.feature_code == ("ADM1" if country != "TN" else "PPL")


def test_a_ministry_or_an_organisation_is_no_division() -> None:
    assert division_s_name("department of state") is None
    assert division_s_name("wilaya de tamanrasset") == "tamanrasset"
    assert division_s_name("guma local government area") == "guma"
    text = "Synthetic: the Department of Defense said the Islamic State lost ground."
    assert not names_a_division(text, *span(text, "Department of Defense"))


def test_read_as_a_division_it_is_no_town_abroad(geoparser) -> None:
    # Apa is also a town of Romania and of Turkey; the index holds no Nigerian local government area of the name.
    text = (
        "Synthetic report: gunmen attacked farmers in Apa LGA of Benue State on Sunday, the Nigerian police said. "
        "Residents of Otukpo and Makurdi said the roads were closed."
    )
    place = geoparser.resolve(text, [span(text, "Apa LGA"), span(text, "Benue State"), span(text, "Otukpo"),
                                     span(text, "Makurdi")])[0]  # fmt: skip
    assert place is None or place.country == "NG"


@pytest.mark.parametrize(
    ("text", "village", "name", "label", "country"),
    [
        ("Gunmen killed four civilians in Tabatol, Ansongo cercle, on Sunday.", "Tabatol", "Ansongo", "PERSON", "ML"),
        ("Gunmen killed six villagers in Kourakou, Torodi department, on Sunday.", "Kourakou", "Torodi", None, "NE"),
        ("Gunmen killed six villagers in Kourakou, Tillabéri region, on Sunday.", "Kourakou", "Tillabéri", "ORG", "NE"),
        (
            "Gunmen killed three civilians in Tabatol village (Ansongo circle) on Monday.",
            "Tabatol",
            "Ansongo",
            None,
            "ML",
        ),
    ],
)
def test_the_kind_written_after_a_name_presents_it_as_a_place(geoparser, text, village, name, label, country) -> None:
    # a village's location line: the model tags its division as a person, an organisation or nothing
    entities = [span(text, village, "ORG" if village == "Tabatol" else "GPE")]
    entities += [span(text, name, label)] if label else []
    found = {p.text: p.country for p in geoparser.find_places(text, entities)}
    assert found.get(name) == country
