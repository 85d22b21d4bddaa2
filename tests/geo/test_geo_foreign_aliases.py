"""A Sahel village the gazetteer does not hold is read loosely, and its nearest spelling is often another name of a
small place abroad: a romanisation GeoNames writes in lower case ('saban'na' of Savannah, 'haunzuro' of Hounslow)
or a name in a minor language ('Bulkes', German, of Maglić, Serbia). Such a reading does not win a report's place
without support: lower-case romanisations are exact names only, and a small place outside the region reached
through another of its names stays unresolved unless it lies in one of the report's own countries. Exonyms and
transliterations of the region's towns still resolve. Every sentence is SYNTHETIC: invented incidents in real
places."""

from __future__ import annotations

import pytest
from geo_helpers import span

_VILLAGE_ATTACK = "Des hommes armés ont attaqué le village de {name} dimanche{where}, tuant trois civils."
_COUNTRY_PHRASE = {"ML": ", dans l'ouest du Mali", "BF": ", dans l'ouest du Burkina Faso"}


def _resolved(geoparser, text: str, name: str, others: list[str]) -> tuple:
    places = geoparser.resolve(text, [span(text, name)] + [span(text, w) for w in others])
    place = places[0]
    return None if place is None else (place.name, place.country)


@pytest.mark.parametrize("name", ["Boulkessi", "Sobane", "Koutougou"])
def test_a_bare_village_name_is_no_small_place_abroad(geoparser, name: str) -> None:
    # Boulkessi: Maglić, Serbia, by 'Bulkes'; Sobane: Savannah, US, by 'saban'na'; Koutougou: Gbétogo, Côte d'Ivoire,
    # by 'Gouetougou'. None of them is held under the village's name, so nothing is the right answer.
    assert _resolved(geoparser, name, name, []) is None


@pytest.mark.parametrize("name", ["Boulkessi", "Sobane", "Koutougou"])
def test_a_report_naming_no_country_places_no_village_abroad(geoparser, name: str) -> None:
    text = _VILLAGE_ATTACK.format(name=name, where="")
    assert _resolved(geoparser, text, name, []) is None


@pytest.mark.parametrize(("name", "country"), [("Boulkessi", "ML"), ("Sobane", "ML"), ("Koutougou", "BF")])
def test_a_report_naming_its_country_places_no_village_next_door_or_abroad(geoparser, name: str, country: str) -> None:
    text = _VILLAGE_ATTACK.format(name=name, where=_COUNTRY_PHRASE[country])
    country_name = {"ML": "Mali", "BF": "Burkina Faso"}[country]
    found = _resolved(geoparser, text, name, [country_name])
    assert found is None or found[1] == country


def test_a_village_read_loosely_is_kept_out_of_the_event_s_country(geoparser) -> None:
    text = "Gunmen attacked the village of Koutougou on Sunday, in western Burkina Faso, killing three civilians."
    entities = [span(text, "Koutougou", "GPE"), span(text, "Burkina Faso", "GPE")]
    countries = {p.text: p.country for p in geoparser.find_places(text, entities)}
    assert countries.get("Koutougou") in (None, "BF")
    assert countries["Burkina Faso"] == "BF"


def test_a_lower_case_romanisation_is_still_an_exact_name(geoparser) -> None:
    # Not a spelling of anything else, but the name itself, written as GeoNames holds it.
    assert any(r.country == "GB" and r.name == "Hounslow" for r in geoparser.candidates("haunzuro"))


def test_a_loose_alias_in_the_report_s_own_country_still_resolves(geoparser) -> None:
    # In a report about Côte d'Ivoire, near Séguéla, 'Koutougou' may well be Gbétogo by its other name.
    text = "Des hommes armés ont attaqué le village de Koutougou, près de Séguéla, en Côte d'Ivoire, dimanche."
    assert _resolved(geoparser, text, "Koutougou", ["Séguéla", "Côte d'Ivoire"]) == ("Gbétogo", "CI")


@pytest.mark.parametrize("where", ["", ", dans le nord du Mali"])
def test_boghassa_is_the_supplement_s_boughessa(geoparser, where: str) -> None:
    text = _VILLAGE_ATTACK.format(name="Boghassa", where=where)
    others = ["Mali"] if where else []
    assert _resolved(geoparser, text, "Boghassa", others) == ("Boughessa", "ML")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Tombouctou", "ML"),
        ("Agadès", "NE"),
        ("Tamanrasset", "DZ"),
        ("Tamanghasset", "DZ"),
        ("Tamenghest", "DZ"),
        ("Bordj Baji Mokhtar", "DZ"),
    ],
)
def test_exonyms_and_transliterations_of_the_region_s_towns_still_resolve(geoparser, name: str, country: str) -> None:
    found = _resolved(geoparser, name, name, [])
    assert found is not None and found[1] == country
    text = f"Des hommes armés ont attaqué un poste près de {name} dimanche, selon une source sécuritaire."
    found = _resolved(geoparser, text, name, [])
    assert found is not None and found[1] == country


@pytest.mark.parametrize(("spelling", "romanised_of"), [("Haunzouro", "Hounslow"), ("Beulugsou", "Brooks")])
def test_a_lower_case_romanisation_of_a_small_place_abroad_is_no_spelling(geoparser, spelling, romanised_of) -> None:
    # 'haunzuro' (Hounslow) and 'beulugseu' (Brooks, Canada) are GeoNames' romanisations of Japanese and Korean names:
    # a spelling close to one reaches neither place.
    assert romanised_of not in {r.name for r in geoparser.candidates(spelling)}


def test_a_lower_case_romanisation_in_the_region_is_still_a_spelling(geoparser) -> None:
    # 'faya larjw', the romanised Arabic name of Faya-Largeau (Chad), is the spelling 'Faya Larjo' is read through.
    assert "Faya-Largeau" in {r.name for r in geoparser.candidates("Faya Larjo")}
