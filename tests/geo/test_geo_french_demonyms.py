"""French demonyms in lower case ('les soldats maliens', "l'armée nigérienne", 'la frontière algérienne') say
which country a report is about, as the English ones do, although the entity model does not tag them: a small
town then gets its namesake in that country, not a larger one abroad. Every sentence is SYNTHETIC: invented
incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


def _found(geoparser, text: str, names: list[tuple[str, str]]) -> dict[str, int | str | None]:
    entities = sorted(span(text, words, label) for words, label in names)
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Les forces armées maliennes ont repoussé une attaque à Léré.", [("Léré", "GPE")]),
        (
            "L'armée malienne a repoussé une attaque contre Léré dimanche.",
            [("L'armée malienne", "PERSON"), ("Léré", "ORG")],
        ),
        ("Des soldats maliens ont été blessés lors d'une embuscade à Léré.", [("Léré", "GPE")]),
    ],
)
def test_a_french_demonym_gives_the_small_town_its_country(geoparser, text, names) -> None:
    assert _found(geoparser, text, names)["Léré"] == "bw:ml-lere"  # not Lere, Nigeria


@pytest.mark.parametrize(
    ("text", "demonym", "country"),
    [
        ("Un convoi a été attaqué, selon l'armée nigérienne.", "nigérienne", 2440476),
        ("Les douaniers ont renforcé les contrôles à la frontière algérienne.", "algérienne", 2589581),
        ("Des pêcheurs sénégalais ont été arrêtés au large.", "sénégalais", 2245662),
    ],
)
def test_a_french_demonym_in_lower_case_is_found(geoparser, text, demonym, country) -> None:
    assert _found(geoparser, text, [])[demonym] == country


def test_a_lower_case_word_that_is_no_demonym_is_not_found(geoparser) -> None:
    text = "Les familles ont fui vers le sud après les tirs."
    assert _found(geoparser, text, []) == {}
