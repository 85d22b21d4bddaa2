"""A name written between 'the' and the word for a military or security post ('the Tessit post', 'the Djibo
military camp') is the place of the post, whether the entity model left it untagged or took it for an
organisation (data/recognition.json `post_words`); a post on a social network ('a Facebook post') is not. Every
report is SYNTHETIC: invented incidents in real places."""

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
        ("Militants attacked the Tessit post before dawn on Sunday, killing two soldiers.", [], "Tessit", "ML"),
        ("Gunmen shelled the Djibo military camp for an hour on Friday night.", [], "Djibo", "BF"),
        ("Insurgents overran the Tessit army base after a two-day siege.", [("Tessit", "ORG")], "Tessit", "ML"),
        ("Two gendarmes were wounded when the Djibo gendarmerie post came under fire.", [], "Djibo", "BF"),
    ],
)
def test_a_name_before_the_word_for_a_post_is_the_post_s_place(geoparser, text, names, place, country) -> None:
    location = _location(geoparser, text, names)
    assert location is not None and location.name == place and location.country == country
    assert location.geo_precision == 1


def test_a_social_network_post_is_no_place(geoparser) -> None:
    places = geoparser.find_places("A Facebook post claimed that gunmen had attacked a convoy on Sunday.", [])
    assert [p.name for p in places if p.lat is not None] == []
