"""The regional supplement's border places (crossings, mountains, wadis, border towns) under the spellings the region's
press uses: French, English and Arabic-chat transliterations. Every sentence is SYNTHETIC: invented incidents."""

import pytest
from geo_helpers import km_between, span

IN_GUEZZAM = (19.57, 5.77)
RAS_AJDIR = (33.15, 11.56)

SPELLINGS = [
    # (a spelling, the place's main name in the index): French, English and Arabic-derived spellings.
    ("Borj Baji Mukhtar", "Bordj Badji Mokhtar"),
    ("Burj Baji Mukhtar", "Bordj Badji Mokhtar"),
    ("Ain Guezzam", "In Guezzam"),
    ("Ayn Qazzam", "In Guezzam"),
    ("Tinzaouatene", "Tin Zaouatine"),
    ("Tin Zawatin", "Tin Zaouatine"),
    ("In Aminas", "In Amenas"),
    ("Deb-Deb", "Debdeb"),
    ("Ras Jedir", "Ras Ajdir"),
    ("Ras Ejdir", "Ras Ajdir"),
    ("Djebel Chambi", "Mount Chaambi"),
    ("Jbel Chaambi", "Mount Chaambi"),
    ("Djebel Semmama", "Mount Semmama"),
    ("Adrar des Iforas", "Adrar des Ifoghas"),
    ("Passe de Salvador", "Salvador Pass"),
    ("Oued el Ajal", "Wadi al-Ajal"),
    ("Wadi el Ajal", "Wadi al-Ajal"),
    ("El Guerguerat", "Guerguerat"),
    ("Guergarat", "Guerguerat"),
    ("Zouj Bghal", "Zouj Beghal"),
    ("Aozou", "Aouzou"),
    # Arabic chat ('Arabizi'): digits for the letters Latin lacks.
    ("3in Guezzam", "In Guezzam"),
    ("3in Amenas", "In Amenas"),
    ("Ra2s Jdir", "Ras Ajdir"),
    ("3in Ben Tili", "Aïn Ben Tili"),
]


@pytest.mark.parametrize(("words", "main"), SPELLINGS)
def test_a_border_place_resolves_under_the_region_s_spellings(geoparser, words, main) -> None:
    text = f"Synthetic: a patrol intercepted two pick-up trucks near {words} at dawn on Tuesday."
    (place,) = geoparser.resolve(text, [span(text, words)])
    reference = f"Synthetic: a patrol intercepted two pick-up trucks near {main} at dawn on Tuesday."
    (expected,) = geoparser.resolve(reference, [span(reference, main)])
    assert expected is not None and expected.name == main
    assert place is not None and place.geonameid == expected.geonameid, f"{words!r} resolved to {place}"


def test_a_report_in_arabic_chat_spellings_places_its_border_posts(geoparser) -> None:
    text = (
        "Synthetic: smugglers crossed from 3in Guezzam towards Tinzaouatene, and a second convoy was stopped "
        "between Ra2s Jdir and Ben Gardane."
    )
    words = ["3in Guezzam", "Tinzaouatene", "Ra2s Jdir", "Ben Gardane"]
    places = geoparser.resolve(text, [span(text, w) for w in words])
    assert [p.country for p in places] == ["DZ", "DZ", "TN", "TN"]
    assert km_between(places[0], *IN_GUEZZAM) < 25
    assert km_between(places[2], *RAS_AJDIR) < 25
