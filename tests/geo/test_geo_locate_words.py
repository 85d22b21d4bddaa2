"""Event locations the ACLED way: French words and 'between' that put an event near a town (precision 2), a
district written with its kind (precision 2), and the report's dateline, which is not where the event is when the
sentence names a place. Every report is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence


def _location(geoparser, text: str, names: list[tuple[str, str]]):
    places = geoparser.find_places(text, sorted(span(text, words, label) for words, label in names))
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Un convoi est tombé dans une embuscade près de Douentza mardi soir.", "Douentza", "Douentza"),
        ("Des tirs ont été entendus non loin de Bankass dans la nuit.", "Bankass", "Bankass"),
        ("Un engin explosif a visé un véhicule au nord de Ménaka.", "Ménaka", "Ménaka"),
        ("Des tirs ont été entendus à 15 km au nord de Ménaka dans la nuit.", "Ménaka", "Ménaka"),
        ("Des éleveurs ont été attaqués aux environs d'Ansongo.", "Ansongo", "Ansongo"),
    ],
)
def test_french_words_put_the_event_near_the_town(geoparser, text, name, place) -> None:
    location = _location(geoparser, text, [(name, "GPE")])
    assert location is not None and location.name == place and location.geo_precision == 2


def test_between_two_towns_is_near_the_first(geoparser) -> None:
    text = "A bus hit a landmine between Douentza and Bankass on Saturday."
    location = _location(geoparser, text, [("Douentza", "GPE"), ("Bankass", "GPE")])
    assert location is not None and location.name == "Douentza" and location.geo_precision == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Des affrontements ont eu lieu dans le cercle de Bankass, selon des sources locales.", "Bankass"),
        ("Une attaque a visé le département de Téra, au Niger.", "Téra"),
        ("Fighting spread across the Ansongo cercle over the weekend.", "Ansongo"),
    ],
)
def test_a_district_written_with_its_kind_is_precision_2(geoparser, text, name) -> None:
    location = _location(geoparser, text, [(name, "GPE")])
    assert location is not None and location.name.startswith(name[:4]) and location.geo_precision == 2


@pytest.mark.parametrize(
    ("text", "names", "town"),
    [
        (
            "The first joint patrol set off on Wednesday from Sakiet Sidi Youssef, in the governorate of El Kef.",
            [("Sakiet Sidi Youssef", "GPE"), ("El Kef", "GPE")],
            "Sakiet Sidi Youssef",
        ),
        (
            "Des hommes armés ont attaqué Boni, dans le cercle de Douentza, dimanche soir.",
            [("Boni", "GPE"), ("Douentza", "GPE")],
            "Boni",
        ),
    ],
)
def test_a_town_named_before_its_district_is_the_event_s_place(geoparser, text, names, town) -> None:
    # the district written with its kind is the town's address, not a second, truer place of the event
    location = _location(geoparser, text, names)
    assert location is not None and location.name == town and location.geo_precision == 1


def test_a_town_itself_stays_precision_1(geoparser) -> None:
    text = "Des hommes armés ont attaqué le marché de Tillia dans la nuit de lundi."
    location = _location(geoparser, text, [("Tillia", "GPE")])
    assert location is not None and location.name == "Tillia" and location.geo_precision == 1


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        (
            "BAMAKO - Gunmen attacked the market of Douentza on Sunday.",
            [("BAMAKO", "GPE"), ("Douentza", "GPE")],
            "Douentza",
        ),
        (
            "NIAMEY (Reuters) - Gunmen raided a market in Ayorou on Friday.",
            [("NIAMEY", "GPE"), ("Ayorou", "GPE")],
            "Ayorou",
        ),
        ("GAO, Mali (AP) — A car bomb exploded at the market on Sunday.", [("GAO", "GPE"), ("Mali", "GPE")], "Gao"),
    ],
)
def test_the_dateline_is_not_the_event_s_place_when_the_sentence_names_one(geoparser, text, names, place) -> None:
    location = _location(geoparser, text, names)
    assert location is not None and location.name == place


@pytest.mark.parametrize(
    "text",
    [
        "Militants seized control of Tessit on Sunday after fighting with the army.",
        "Les jihadistes ont pris le contrôle de Tessit dimanche.",
    ],
)
def test_the_town_whose_control_changed_hands_is_read_though_untagged(geoparser, text) -> None:
    # 'control of X' and 'le contrôle de X' are locative words: the entity model often leaves X untagged
    location = _location(geoparser, text, [])
    assert location is not None and location.name == "Tessit" and location.geo_precision == 1
