"""A division kind that few countries use, written with a name ('le cercle de Koro', 'the Koro circle', 'le
département d'Abala', 'la commune rurale d'Abala'), says which countries the place lies in
(data/division_kind_countries.json); and a name right after a French elided preposition ("d'Inékar") is read as a
capitalised name. Every sentence is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo._division_names import division_kind_countries


def _found(geoparser, text: str, entities: list[tuple]) -> dict[str, int | str | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Trois villages du cercle de Koro ont été attaqués dans la nuit.", ("de Koro", "PERSON")),
        ("Trois villages du cercle de Koro ont été attaqués dans la nuit.", ("Koro", "GPE")),
        ("Gunmen torched two villages in the Koro circle on Sunday.", ("Koro", "GPE")),
    ],
)
def test_a_cercle_is_in_mali(geoparser, text, entity) -> None:
    # Koro, Mali rather than Coro, Venezuela, ten times larger, that the same spelling key reaches.
    assert _found(geoparser, text, [span(text, *entity)])["Koro"] == 2454674


@pytest.mark.parametrize(
    "text",
    [
        "Une attaque a visé le département de Abala dimanche.",
        "Une attaque a visé le département d'Abala dimanche.",
        "Des éleveurs ont été tués dans la commune rurale d'Abala.",
    ],
)
def test_a_departement_or_rural_commune_is_not_in_ethiopia(geoparser, text) -> None:
    # Abala, Niger rather than Abala, Ethiopia, the larger one.
    entities = [span(text, "Abala", "GPE")]
    assert _found(geoparser, text, entities)["Abala"] == 2448246


def test_the_kind_s_countries_are_read_before_and_after_the_name() -> None:
    text = "Le cercle de Niono et la délégation de Dhehiba, la wilaya d'Illizi, Guma LGA."
    assert division_kind_countries(text, *span(text, "Niono")) == {"ML"}
    assert division_kind_countries(text, *span(text, "Dhehiba")) == {"TN"}
    assert division_kind_countries(text, *span(text, "Illizi")) == {"DZ", "MR"}
    assert division_kind_countries(text, *span(text, "Guma")) == {"NG"}
    assert division_kind_countries("The region of Kidal.", 14, 19) == frozenset()


@pytest.mark.parametrize(
    ("text", "name", "gold"),
    [
        ("Les habitants de la commune rurale d'Inékar ont fui vers Ménaka.", "Inékar", 2596483),
        ("Le convoi qui venait d'Agadez a été intercepté au nord d'Arlit.", "Arlit", 2447513),
    ],
)
def test_a_name_after_an_elided_french_word_is_read(geoparser, text, name, gold) -> None:
    # The model's entities are left out: the name is found in the text itself.
    assert _found(geoparser, text, [])[name] == gold
