"""A town written right after a verb or noun of attack is the place attacked ('gunmen attacked Kaya', 'the attack on
Gaya's market', 'ont attaqué Dori'), however the entity model tagged it, when it is a town of the centre's region;
a person attacked elsewhere ('attacked Clinton') stays no place. Every report here is SYNTHETIC: invented
incidents in real places, written for these tests."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.geo import Geoparser

# (text, name, the model's label or None for an untagged name, country, lat, lon)
_ATTACKED = [
    (
        "Gunmen attacked Kaya on Friday, killing seven civilians, the governor said.",
        "Kaya",
        "PERSON",
        "BF",
        13.09,
        -1.08,
    ),
    ("Gunmen attacked Tin-Akoff on Tuesday, killing four villagers.", "Tin-Akoff", "ORG", "BF", 14.97, -0.16),
    ("Suspected jihadists stormed Arbinda overnight and burned the clinic.", "Arbinda", "PERSON", "BF", 14.23, -0.87),
    ("Armed men attacked Say on Tuesday, wounding a gendarme.", "Say", None, "NE", 13.10, 2.37),
    ("Des éléments armés ont attaqué Bol mardi soir, tuant un pêcheur.", "Bol", None, "TD", 13.47, 14.71),
    ("Des terroristes ont attaqué Dori dans la nuit de vendredi.", "Dori", None, "BF", 14.03, -0.03),
]


def _found_at(geoparser: Geoparser, text: str, name: str, label: str | None, also: tuple = ()) -> list:
    """The places found at `name`, tagged `label` (None: untagged), with the model's other spans `also`."""
    start, end = span(text, name)
    entities = sorted([(start, end, label), *also] if label else list(also))
    return [p for p in geoparser.find_places(text, entities) if p.start < end and start < p.end]


@pytest.mark.parametrize(("text", "name", "label", "country", "lat", "lon"), _ATTACKED)
def test_a_regional_town_after_an_attack_word_is_the_place_attacked(
    geoparser: Geoparser, text: str, name: str, label: str | None, country: str, lat: float, lon: float
) -> None:
    found = _found_at(geoparser, text, name, label)
    assert found, f"{name}: no place"
    assert found[0].country == country and abs(found[0].lat - lat) < 0.3 and abs(found[0].lon - lon) < 0.3, found


def test_the_attacked_town_s_namesake_at_home_wins_over_a_larger_one_abroad(geoparser: Geoparser) -> None:
    # Gaya, India outranks Gaya, Niger on population; attacked, a 'person' named so is the Sahel's town.
    found = _found_at(geoparser, "An attack on Gaya's market left three traders dead on Friday.", "Gaya", "PERSON")
    assert found and found[0].country == "NE", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Critics attacked Clinton on Friday over the trade deal.", "Clinton"),
        ("Rivals attacked Obama in a speech on Tuesday.", "Obama"),
    ],
)
def test_a_person_attacked_far_from_the_region_stays_no_place(geoparser: Geoparser, text: str, name: str) -> None:
    assert not _found_at(geoparser, text, name, "PERSON")


@pytest.mark.parametrize(
    ("text", "name", "label", "lat", "lon"),
    [
        # Bonn outranks the Malian village through another of its names; Nara, Japan through its city's.
        ("Des hommes armés ont attaqué Boni dans la nuit de lundi, tuant deux civils.", "Boni", "PERSON", 15.08, -2.22),
        ("Gunmen attacked Nara on Sunday and burned the prefecture.", "Nara", "GPE", 15.17, -7.29),
    ],
)
def test_an_attacked_name_that_the_region_holds_in_one_country_is_that_town(
    geoparser: Geoparser, text: str, name: str, label: str, lat: float, lon: float
) -> None:
    # The model also tags 'Gunmen' as a place (as it does): an unknown place that the report seems to name.
    found = _found_at(geoparser, text, name, label, (span(text, "Gunmen", "GPE"),) if "Gunmen" in text else ())
    assert found and found[0].country == "ML" and abs(found[0].lat - lat) < 0.3 and abs(found[0].lon - lon) < 0.3, found


def test_an_attacked_name_the_region_holds_in_two_countries_is_not_guessed(geoparser: Geoparser) -> None:
    # Léré is a town of Mali and of Chad: without a country to go by, neither (nor Lere, Nigeria).
    text = "Des hommes armés ont attaqué Léré mercredi, tuant trois gardes."
    assert [p for p in _found_at(geoparser, text, "Léré", "ORG") if p.lat is not None] == []
