"""Names that extraction's actor registry knows as a group's or a force's ('FAMa', 'Wagner') are not read as the
small towns far away that bear them (Fama, Brazil), even after a locative word ('at the FAMa camp'); a town named
like a group near the report's other places stays a place. Every sentence is SYNTHETIC: invented incidents in real
places."""

from __future__ import annotations

from geo_helpers import span

from borderwatch.geo._actor_names import actor_names


def _found(geoparser, text: str, entities: list[tuple]) -> dict[str, int | str | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


def test_the_actor_names_are_read_from_the_actor_registry() -> None:
    assert {"fama", "jnim", "wagner"} <= actor_names()


def test_a_force_s_acronym_before_a_noun_is_no_town_abroad(geoparser) -> None:
    text = "During the night, gunmen fired rockets at the FAMa camp in Kidal. Three soldiers were hurt."
    found = _found(geoparser, text, [span(text, "Three", "CARDINAL")])
    assert "FAMa" not in found
    assert found["Kidal"] == 2455290


def test_a_group_the_model_tags_an_organisation_is_no_place_far_away(geoparser) -> None:
    text = "Foreign instructors were seen near Niono and at the Wagner base in Sévaré on Monday."
    entities = [span(text, "Niono", "GPE"), span(text, "Wagner", "ORG"), span(text, "Sévaré", "GPE")]
    assert "Wagner" not in _found(geoparser, text, entities)


def test_a_town_named_like_an_actor_near_the_report_s_places_stays_a_place(geoparser) -> None:
    text = "Floods cut the road between Karama and Darwin, the Northern Territory police said."
    entities = [span(text, "Karama", "GPE"), span(text, "Darwin", "PERSON"), span(text, "Northern Territory", "LOC")]
    assert _found(geoparser, text, entities)["Karama"] == 9972979  # Karama, Northern Territory


def test_a_town_named_like_a_force_s_acronym_stays_a_place_in_its_country(geoparser) -> None:
    text = "A fire destroyed two houses in Fama, Minas Gerais, on Sunday."
    entities = [span(text, "Fama", "GPE"), span(text, "Minas Gerais", "GPE")]
    assert _found(geoparser, text, entities)["Fama"] is not None


def test_two_actors_namesakes_do_not_vouch_for_each_other(geoparser) -> None:
    text = "On 30 November, Wagner forces and FAMa soldiers killed 8 civilians in the village of Kassela (Segou), Mali."
    entities = [span(text, "Wagner", "ORG"), span(text, "Kassela", "GPE"), span(text, "Segou", "GPE")]
    entities.append(span(text, "Mali", "GPE"))
    found = _found(geoparser, text, entities)
    assert "FAMa" not in found and "Wagner" not in found
    assert found["Mali"] is not None


def test_a_force_s_acronym_written_as_such_is_no_town_in_a_report_naming_no_other_place(geoparser) -> None:
    text = "Terrorists fired rockets at the FAMa camp overnight, wounding three soldiers."
    assert "FAMa" not in _found(geoparser, text, [span(text, "three", "CARDINAL")])
