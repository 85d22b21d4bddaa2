"""A name written in one word, in parts or with hyphens meets one key (`compact_form`, `CandidateFinder`):
'Banibangou', 'Bani Bangou' and 'Bani-Bangou' are one place, as exactly as the name itself, and so are 'Inamenas' and
'In Amenas', 'Tinzaouatine' and 'Tin Zaouatine'. Report sentences here are SYNTHETIC: invented incidents."""

from __future__ import annotations

import pytest
from geo_helpers import probe_places, span

from borderwatch.geo import name_key
from borderwatch.geo._normalise import compact_form

# (spellings of one place, its id): each spelling resolves to it with full confidence in a neutral sentence.
SPELLINGS = [
    (["Bani Bangou", "Banibangou", "Bani-Bangou"], 2447132),
    (["In Amenas", "Inamenas", "In-Amenas"], "bw:dz-in-amenas"),
    (["Tin Zaouatine", "Tinzaouatine", "Tin-Zaouatine"], "bw:dz-tin-zaouatine"),
    (["Sabara Bangou", "Sabarabangou", "Sabara-Bangou"], "bw:ne-sabara-bangou"),
]


@pytest.mark.parametrize(("names", "place_id"), SPELLINGS, ids=[s[0][0] for s in SPELLINGS])
def test_every_spelling_in_one_word_or_in_parts_resolves_alike(geoparser, names, place_id) -> None:
    for name in names:
        text = f"Des hommes armés ont attaqué {name} hier soir."
        (place,) = geoparser.resolve(text, [span(text, name)])
        assert place is not None and place.geonameid == place_id, name
        assert place.confidence >= 0.8, name


def test_the_compact_form_drops_spaces_and_hyphens_alike() -> None:
    assert len({compact_form(name_key(n)) for n in ["Bani Bangou", "Banibangou", "Bani-Bangou", "BANI BANGOU"]}) == 1


@pytest.mark.parametrize(
    ("text", "name", "place_id"),
    [
        ("Armed men attacked a gas site near Inamenas on Monday.", "Inamenas", "bw:dz-in-amenas"),
        ("Les habitants de Banibangou ont fui vers Ouallam.", "Banibangou", 2447132),
        ("Militants struck the Tin-Zaouatine crossing at dawn.", "Tin-Zaouatine", "bw:dz-tin-zaouatine"),
    ],
)
def test_a_report_finds_the_place_however_its_name_is_joined(geoparser, entity_model, text, name, place_id) -> None:
    found, _ = probe_places(geoparser, entity_model, {"text": text, "name": name})
    assert [p.geonameid for p in found] == [place_id]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Words of one letter are no part of a name in parts ('A US' is not 'Aus').
        ("A US serviceman was wounded near the border.", "US"),
        ("He sang Handbags and Gladrags and In A Broken Dream in Indiana.", "Indiana"),
    ],
)
def test_short_words_are_not_read_as_a_name_in_parts(geoparser, entity_model, text, name) -> None:
    found, _ = probe_places(geoparser, entity_model, {"text": text, "name": name})
    assert [p.text for p in found] == [name]
