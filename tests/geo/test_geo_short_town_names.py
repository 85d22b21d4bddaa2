"""Three-letter towns the entity model tags as places (GPE/LOC) are places without a locative word before them
('Gunmen attacked Gao', 'Gao was shelled') when written as a name and known exactly in the report's country; an
acronym ('the UN', 'AU', 'G5', 'GAO' in capitals) or an organisation's name stays no town. Every sentence is
SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

_GAO = 2457163  # Gao, Mali


def _found(geoparser, text: str, entities: list[tuple]) -> dict[str, int | str | None]:
    return {p.text: p.geonameid for p in geoparser.find_places(text, entities)}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked Gao on Tuesday night, residents of Mali's north said.",
        "Mali's army said the attack on Gao left two guards wounded.",
        "Gao was shelled overnight, a Malian official said on Wednesday.",
    ],
)
def test_a_short_town_tagged_a_place_without_a_locative_is_a_place(geoparser, text: str) -> None:
    entities = [span(text, "Gao", "GPE")]
    assert _found(geoparser, text, entities).get("Gao") == _GAO


def test_a_short_town_tagged_an_organisation_stays_no_place(geoparser) -> None:
    text = "Gao said on Tuesday that the budget would be cut, according to Mali's press."
    assert "Gao" not in _found(geoparser, text, [span(text, "Gao", "ORG")])


def test_a_short_town_in_capitals_stays_a_code(geoparser) -> None:
    text = "GAO auditors said the Mali programme had overrun its budget."
    assert "GAO" not in _found(geoparser, text, [span(text, "GAO", "GPE")])


@pytest.mark.parametrize("acronym", ["UN", "AU", "G5"])
def test_an_acronym_tagged_a_place_is_no_town(geoparser, acronym: str) -> None:
    text = f"The {acronym} condemned the raid near Menaka, Mali, on Monday."
    found = _found(geoparser, text, [span(text, acronym, "GPE"), span(text, "Menaka", "GPE")])
    assert acronym not in found


def test_a_short_town_of_the_regional_supplement_without_a_locative_is_a_place(geoparser) -> None:
    text = "Fighters stormed Ber at dawn, Timbuktu officials said."
    entities = [span(text, "Ber", "GPE"), span(text, "Timbuktu", "GPE")]
    assert _found(geoparser, text, entities).get("Ber") == "bw:ml-ber"
