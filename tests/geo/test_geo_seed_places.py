"""The places of the seed reports, written the ways the seeds and the region's press write them (synthetic text)."""

import pytest
from geo_helpers import km_between, span

# Known positions (town centres) of the seed places.
BORDJ_BADJI_MOKHTAR = (21.328, 0.949)
IN_GUEZZAM = (19.572, 5.768)
EL_KEF = (36.174, 8.705)
ALGIERS = (36.753, 3.059)
GHADAMES = (30.133, 9.500)

REPORT = (
    "Synthetic report. Gendarmes set up a new monitoring post in the Bourj Baji Mukhtar area on Tuesday, "
    "while a patrol out of Ain Ghazzam stopped two pick-up trucks carrying fuel. Officers from Algiers met "
    "their counterparts in El Kef, and the three delegations will meet again in theGhadames meeting hall."
)
# What the small English model makes of it: wrong labels and a glued article, as in the seeds.
ENTITIES = [
    span(REPORT, "the Bourj Baji Mukhtar", "ORG"),
    span(REPORT, "Ain Ghazzam", "PERSON"),
    span(REPORT, "Algiers", "GPE"),
    span(REPORT, "El Kef", "GPE"),
    span(REPORT, "theGhadames", "ORG"),
]


@pytest.mark.parametrize(
    ("words", "where"),
    [
        ("Bourj Baji Mukhtar", BORDJ_BADJI_MOKHTAR),
        ("Ain Ghazzam", IN_GUEZZAM),
        ("Algiers", ALGIERS),
        ("El Kef", EL_KEF),
        ("Ghadames", GHADAMES),
    ],
)
def test_find_places_recognises_and_resolves_the_seed_places(geoparser, words, where) -> None:
    places = geoparser.find_places(REPORT, ENTITIES)
    found = [p for p in places if words in p.text]
    assert found, f"{words!r} not recognised among {[p.text for p in places]}"
    assert km_between(found[0], *where) < 25


@pytest.mark.parametrize(
    ("text", "words", "where"),
    [
        ("Synthetic: the convoy reached Bordj Badji Mokhtar at dawn.", "Bordj Badji Mokhtar", BORDJ_BADJI_MOKHTAR),
        ("Synthetic: smugglers were seen near Bordj Baji Mokhtar.", "Bordj Baji Mokhtar", BORDJ_BADJI_MOKHTAR),
        ("Synthetic: a clinic opened in In Guezzam last week.", "In Guezzam", IN_GUEZZAM),
        ("Synthetic: traders from I-n-Guezzam complained.", "I-n-Guezzam", IN_GUEZZAM),
        ("Synthetic: the governor of Le Kef visited the post.", "Le Kef", EL_KEF),
        ("Synthetic: talks were held in Alger on Monday.", "Alger", ALGIERS),
        ("Synthetic: a sandstorm closed the road to Ghadamis.", "Ghadamis", GHADAMES),
        ("Synthetic: a sandstorm closed the road to Rhadames.", "Rhadames", GHADAMES),
    ],
)
def test_resolve_spelling_variants_of_the_seed_places(geoparser, text, words, where) -> None:
    (place,) = geoparser.resolve(text, [span(text, words)])
    assert km_between(place, *where) < 25


def test_resolution_uses_the_document_context(geoparser) -> None:
    # A Tunisian border story: its Kef is El Kef, not a namesake elsewhere.
    text = "Synthetic: units based in Kasserine and Jendouba moved to Kef, near the Algerian border."
    places = geoparser.resolve(text, [span(text, "Kasserine"), span(text, "Jendouba"), span(text, "Kef")])
    assert [p.country for p in places] == ["TN", "TN", "TN"]
    assert km_between(places[2], *EL_KEF) < 25


def test_administrative_hints_choose_among_namesakes(geoparser) -> None:
    text = "Synthetic: a fire destroyed a barn in Paris, Texas, and another near Paris, Kentucky."
    first = text.index("Paris")
    second = text.index("Paris", first + 1)
    spans = [(first, first + 5), span(text, "Texas"), (second, second + 5), span(text, "Kentucky")]
    paris_tx, texas, paris_ky, kentucky = geoparser.resolve(text, spans)
    assert (paris_tx.country, paris_tx.admin1) == ("US", "Texas")
    assert (paris_ky.country, paris_ky.admin1) == ("US", "Kentucky")
    assert texas.feature_code == kentucky.feature_code == "ADM1"


def test_unknown_names_stay_unresolved(geoparser) -> None:
    text = "Synthetic: the Zorblaxian Qwertyuiop Committee met."
    assert geoparser.resolve(text, [span(text, "Zorblaxian Qwertyuiop")]) == [None]


def test_every_resolution_has_a_confidence(geoparser) -> None:
    text = "Synthetic: delegations from Tunisia and Libya met in Tripoli."
    for place in geoparser.resolve(text, [span(text, "Tunisia"), span(text, "Libya"), span(text, "Tripoli")]):
        assert place is not None and 0 < place.confidence <= 1
    assert place.country == "LY"  # Tripoli, Libya: the document is about the Maghreb, not Lebanon


def test_a_town_named_like_its_province_is_the_town(geoparser) -> None:
    text = "Synthetic: migrants were stopped on the road from Agadez to Arlit."
    agadez, arlit = geoparser.resolve(text, [span(text, "Agadez"), span(text, "Arlit")])
    assert km_between(agadez, 16.973, 7.991) < 25  # the town, not the region's centroid far to the north-east
    assert arlit.country == "NE"
