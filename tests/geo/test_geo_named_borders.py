"""'<country or demonym> border' names a border, not the country: an event placed by nothing finer lies on that
border (geo_precision 2, border distance 0), on the side of the country the report is in, which is not necessarily
the demonym's (geo/_named_borders.py). Every report sentence here is SYNTHETIC: invented incidents in real places."""

from __future__ import annotations

import pytest
from geo_helpers import span

from borderwatch.model import Evidence

# (text, the names the entity model tags, the report's country, the border pair), worded differently, English and
# French, the border named by a demonym or a country's name, the report's country by a country, a province or the
# nationality of its forces.
CASES = [
    ("Synthetic: Burkinabe soldiers clashed with gunmen near the Malian border on Monday.",
     ["Burkinabe", "Malian"], "BF", "BFA-MLI"),
    ("Synthetic: gunmen attacked a patrol in the Tillabéri region near the Malian border.",
     ["Tillabéri", "Malian"], "NE", "MLI-NER"),
    ("Synthetic: smugglers were arrested in Algeria near the Niger border on Tuesday.",
     ["Algeria", "Niger"], "DZ", "DZA-NER"),
    ("Synthetic: des hommes armés ont attaqué un convoi près de la frontière nigérienne, dans la région de Ménaka.",
     ["nigérienne", "Ménaka"], "ML", "MLI-NER"),
    ("Synthetic: Tunisia reinforced its patrols along the Algerian frontier this week.",
     ["Tunisia", "Algerian"], "TN", "DZA-TUN"),
]  # fmt: skip


def _locate(geoparser, text: str, names: list[str]):
    places = geoparser.find_places(text, [span(text, n, "GPE") for n in names])
    return geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)


@pytest.mark.parametrize(("text", "names", "country", "pair"), CASES, ids=[c[3] + "-" + c[2] for c in CASES])
def test_an_event_by_a_named_border_lies_on_it(geoparser, text: str, names: list[str], country: str, pair: str) -> None:
    location = _locate(geoparser, text, names)
    assert location is not None
    assert (location.country, location.border, location.geo_precision) == (country, pair, 2), location
    assert location.border_km == 0.0
    # The point is on the border itself: the nearest border to it is the one named.
    assert geoparser.nearest_border(location.lat, location.lon) == (pair, pytest.approx(0.0, abs=1.0))


def test_a_named_border_with_nothing_else_keeps_the_country(geoparser) -> None:
    """Which side? Nothing says: the demonym's country, at country level, as before."""
    location = _locate(geoparser, "Synthetic: clashes broke out near the Malian border on Monday.", ["Malian"])
    assert location is not None and (location.country, location.geo_precision) == ("ML", 3)


def test_a_demonym_that_names_no_border_is_not_one(geoparser) -> None:
    text = "Synthetic: Burkinabe soldiers met Malian officers in Burkina Faso on Monday."
    location = _locate(geoparser, text, ["Burkinabe", "Malian", "Burkina Faso"])
    assert location is not None and location.geo_precision == 3 and location.border_km is None


def test_a_town_of_the_sentence_is_still_the_place(geoparser) -> None:
    text = "Synthetic: gunmen attacked Djibo, near the Malian border, on Monday."
    location = _locate(geoparser, text, ["Djibo", "Malian"])
    assert location is not None and location.name == "Djibo" and location.geo_precision == 1
