"""A name opening a line before a colon ('Djibo: two soldiers were killed ...') is the place the line is about, as
field notes and digests write it, whether the entity model left it untagged or took it for an organisation; a
person's name there is a speaker's ('Traoré: ...'). Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence


def _location(geoparser, text: str, names: list[tuple[str, str]]):
    places = geoparser.find_places(text, sorted(span(text, words, label) for words, label in names))
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "names", "place", "country"),
    [
        ("Djibo: two soldiers were killed when their vehicle struck a mine on Tuesday.", [], "Djibo", "BF"),
        ("Tillia: gunmen on motorbikes stole about forty camels overnight.", [("Tillia", "ORG")], "Tillia", "NE"),
        ("Weekly notes\nTitao: a volunteer was shot dead at a checkpoint on Monday.", [], "Titao", "BF"),
    ],
)
def test_a_name_heading_a_line_is_the_line_s_place(geoparser, text, names, place, country) -> None:
    location = _location(geoparser, text, names)
    assert location is not None and location.name == place and location.country == country


def test_a_person_s_name_before_a_colon_is_a_speaker(geoparser) -> None:
    text = "Djibo: we heard shooting all night, said a trader."
    places = geoparser.find_places(text, [span(text, "Djibo", "PERSON")])
    assert [p.name for p in places if p.lat is not None] == []
