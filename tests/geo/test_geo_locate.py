"""Event locations the ACLED way (synthetic reports)."""

from borderwatch.model import Evidence


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def _entities(text: str, *words_labels: tuple[str, str]) -> list[tuple[int, int, str]]:
    found = []
    for words, label in words_labels:
        start = text.index(words)
        found.append((start, start + len(words), label))
    return found


def test_town_of_the_sentence_is_precision_1_with_its_border(geoparser) -> None:
    text = "Synthetic: customs officers in Ben Gardane seized 300 jerrycans of fuel on Friday."
    places = geoparser.find_places(text, _entities(text, ("Ben Gardane", "GPE")))
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.name == "Ben Gardane"
    assert location.geo_precision == 1
    assert location.border == "LBY-TUN" and 0 < location.border_km < 60


def test_near_a_town_is_precision_2(geoparser) -> None:
    text = "Synthetic: an army unit clashed with smugglers near Debdeb overnight."
    places = geoparser.find_places(text, _entities(text, ("Debdeb", "GPE")))
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.geo_precision == 2
    assert location.border == "DZA-LBY"


def test_only_the_country_known_is_precision_3_with_no_border_distance(geoparser) -> None:
    text = "Synthetic: Tunisia reinforced its patrols in the interior this month."
    places = geoparser.find_places(text, _entities(text, ("Tunisia", "GPE")))
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.geo_precision == 3
    assert location.country == "TN" and location.border_km is None


def test_a_country_and_the_border_it_names_is_that_border(geoparser) -> None:
    """'on the Libyan border' names the border: the event lies on it, on Tunisia's side (test_geo_named_borders)."""
    text = "Synthetic: Tunisia reinforced its patrols on the Libyan border this month."
    places = geoparser.find_places(text, _entities(text, ("Tunisia", "GPE"), ("Libyan", "NORP")))
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.geo_precision == 2
    assert location.country == "TN"
    assert location.border == "LBY-TUN" and location.border_km == 0.0


def test_place_from_the_previous_sentence(geoparser) -> None:
    text = "Synthetic: the patrol left Tamanrasset at dawn. Two vehicles were intercepted later that day."
    places = geoparser.find_places(text, _entities(text, ("Tamanrasset", "GPE")))
    location = geoparser.locate_event(text, _evidence(text, "Two vehicles were intercepted later that day."), places)
    assert location is not None and location.name in ("Tamanghasset", "Tamanrasset")
    assert location.geo_precision == 2


def test_no_place_no_location(geoparser) -> None:
    text = "Synthetic: officials met to discuss cooperation."
    assert geoparser.locate_event(text, _evidence(text, text), []) is None


def test_the_town_the_sentence_puts_the_event_in_not_the_nearby_crossing(geoparser) -> None:
    """'in the southern Tunisian town of X' places the event; 'the closure of the nearby Y crossing' only says where
    the crossing is."""
    text = (
        "Synthetic: youths threw stones at police in the southern Tunisian town of Ben Gardane on Wednesday, in anger "
        "at the closure of the nearby Ras Ajdir border crossing."
    )
    entities = _entities(text, ("Ben Gardane", "GPE"), ("Ras Ajdir", "GPE"))
    location = geoparser.locate_event(text, _evidence(text, text), geoparser.find_places(text, entities))
    assert location is not None and location.name == "Ben Gardane" and location.geo_precision == 1


def test_marching_through_the_centre_of_a_town_places_the_march_there(geoparser) -> None:
    text = (
        "Synthetic: traders marched through the centre of Ben Gardane on Monday to demand the reopening of the "
        "Ras Ajdir crossing."
    )
    places = geoparser.find_places(text, [])  # the model tagged neither: both are found from the gazetteer
    assert [p.text for p in places if p.lat is not None][:1] == ["Ben Gardane"]
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.name == "Ben Gardane" and location.geo_precision == 1


def test_the_side_of_the_border_a_sentence_names_picks_the_twin_town(geoparser) -> None:
    """Twin towns facing each other across a border, in a report that is mostly about one side: 'on the Malian side'
    says which one."""
    for side, country in (("Malian", "ML"), ("Algerian", "DZ")):
        sentence = (
            f"Synthetic: a drone struck a group gathered at a well near Tinzaouatène, on the {side} side of the "
            "border with Algeria."
        )
        text = sentence + " Algerian officials in Tamanrasset said the border post was on alert."
        words = (("Tinzaouatène", "GPE"), (side, "NORP"), ("Algeria", "GPE"), ("Tamanrasset", "GPE"))
        places = geoparser.find_places(text, _entities(text, *words))
        location = geoparser.locate_event(text, _evidence(text, sentence), places)
        assert location is not None and location.country == country
