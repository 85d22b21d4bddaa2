"""A small town the report's other places rule out (neither in one of their countries nor next to the main ones;
read loosely, or over 1,000 km from all of them) is a place the gazetteer does not hold: kept unresolved rather
than placed abroad. Every sentence is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span


def _found(geoparser, text: str, entities: list[tuple]) -> dict[str, int | str | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


def test_an_exact_namesake_far_abroad_stays_unresolved_in_a_report_about_mali(geoparser) -> None:
    # Tabi, a village of the Douentza cercle the gazetteer does not hold, is no Tabi of Angola.
    text = "Les forces armées ont repoussé une attaque à Tabi, dans le cercle de Douentza, selon l'état-major."
    found = _found(geoparser, text, [span(text, "Tabi", "GPE"), span(text, "Douentza", "GPE")])
    assert found == {"Tabi": None, "Douentza": 2458334}
    # Bondo (Koro cercle) is in no installed source; its namesakes are in Kenya, Congo and Italy.
    text = "Les forces armées ont repoussé une attaque à Bondo, non loin de Bankass, selon l'état-major."
    found = _found(geoparser, text, [span(text, "Bondo", "GPE"), span(text, "Bankass", "GPE")])
    assert found == {"Bondo": None, "Bankass": 2460401}


def test_a_loose_look_alike_abroad_stays_unresolved(geoparser) -> None:
    text = "Aid workers reported that Sévaré airport was closed after a mortar attack on Mopti."
    found = _found(geoparser, text, [span(text, "Sévaré airport", "FAC"), span(text, "Mopti", "GPE")])
    assert found == {"Sévaré airport": None, "Mopti": 2453348}


def test_a_report_that_names_no_country_rules_no_namesake_out(geoparser) -> None:
    text = "Les forces armées ont repoussé une attaque à Bondo mardi."
    assert _found(geoparser, text, [span(text, "Bondo", "GPE")])["Bondo"] is not None


def test_a_town_next_door_to_the_report_s_country_is_kept(geoparser) -> None:
    text = "Burkinabe volunteers fled from Djibo to Téra after the attack on Dori."
    entities = [span(text, "Djibo", "GPE"), span(text, "Téra", "GPE"), span(text, "Dori", "GPE")]
    assert _found(geoparser, text, entities)["Téra"] == 2438855


def test_a_large_city_abroad_is_kept(geoparser) -> None:
    text = "The trader from Djibo was later seen in Kano, far from Dori and Kaya."
    entities = [span(text, w, "GPE") for w in ("Djibo", "Kano", "Dori", "Kaya")]
    found = _found(geoparser, text, entities)
    assert found["Kano"] is not None and found["Djibo"] == 2361177


def test_a_remote_namesake_as_sure_as_the_report_s_other_places_stays_unresolved(geoparser) -> None:
    # Bani (Séno) is in no installed source; Baní, Dominican Republic, is an exact namesake.
    text = "Gunmen killed 12 villagers in an overnight raid on Bani (Séno, Sahel), Burkina Faso."
    entities = [span(text, "Bani", "GPE"), span(text, "Burkina Faso", "GPE")]
    found = _found(geoparser, text, entities)
    assert found["Bani"] is None
    assert found["Burkina Faso"] is not None


def test_a_large_city_read_loosely_abroad_stays_unresolved(geoparser) -> None:
    text = "Gunmen killed three civilians in a Dogon village, in Mali, on Sunday."
    found = _found(geoparser, text, [span(text, "Dogon", "GPE"), span(text, "Mali", "GPE")])
    # no spelling of Yangon (by its other name 'Dagon'), however large: unresolved, or no place at all
    assert found.get("Dogon") is None
    assert found["Mali"] is not None


def test_a_large_city_by_another_of_its_names_abroad_stays_unresolved(geoparser) -> None:
    text = "Des hommes armés ont tué trois civils près de Boni, au Burkina Faso, vendredi."
    found = _found(geoparser, text, [span(text, "Boni", "GPE"), span(text, "Burkina Faso", "GPE")])
    assert found["Boni"] is None  # another name of Bonn: only a world city is known abroad by one


def test_a_world_city_by_another_of_its_names_is_kept(geoparser) -> None:
    text = "Un convoi parti de Gao pour Le Caire a été attaqué, selon l'armée du Mali."
    entities = [span(text, w, "GPE") for w in ("Gao", "Le Caire", "Mali")]
    assert _found(geoparser, text, entities)["Le Caire"] == 360630


def test_the_caller_s_country_rules_out_an_exact_namesake_of_the_only_place(geoparser) -> None:
    # the report's country known from outside the text (a title 'Mali: ...', the issuing ministry)
    text = "Les forces armées ont repoussé une attaque à Tabi mardi."
    found = {p.text: p.geonameid for p in geoparser.find_places(text, [span(text, "Tabi", "GPE")], "ML")}
    assert found == {"Tabi": None}


def test_the_caller_s_country_chooses_its_own_namesake_of_the_only_place(geoparser) -> None:
    # Léré, Mali (regional supplement) rather than Lere, Nigeria, the larger one.
    text = "Les forces armées ont repoussé une attaque à Léré mardi."
    found = {p.text: p.geonameid for p in geoparser.find_places(text, [span(text, "Léré", "GPE")], "ML")}
    assert found == {"Léré": "bw:ml-lere"}


@pytest.mark.parametrize(
    ("text", "others"),
    [
        (
            "Malian troops said they repelled an attack in Léré, near the border with Mauritania.",
            [("Malian", "NORP"), ("Mauritania", "GPE")],
        ),
        (
            "A Malian army patrol was ambushed outside Léré, not far from Mauritania, on Friday.",
            [("Malian", "NORP"), ("Mauritania", "GPE")],
        ),
        (
            "Léré, close to the Mauritanian border, was attacked overnight, Mali's army said.",
            [("Mauritanian", "NORP"), ("Mali", "GPE")],
        ),
    ],
)
def test_a_namesake_abroad_gives_way_to_the_report_s_own_namesake(geoparser, text, others) -> None:
    entities = [span(text, "Léré", "GPE")] + [span(text, word, label) for word, label in others]
    assert _found(geoparser, text, entities)["Léré"] == "bw:ml-lere"
