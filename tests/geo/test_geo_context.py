"""Reading places in their context: the document's region, routes, makes and models, languages, demonyms and
names the entity model mislabels (synthetic reports: invented incidents in real places)."""

import re

import pytest
from geo_helpers import km_between, span

from borderwatch.model import Evidence

GAO = (16.272, -0.045)
KIDAL = (18.441, 1.407)
MENAKA = (15.918, 2.402)


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def _all(text: str, words: str, label: str) -> list[tuple[int, int, str]]:
    found, start = [], text.find(words)
    while start >= 0:
        found.append((start, start + len(words), label))
        start = text.find(words, start + 1)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Synthetic: the patrol stopped two Toyota pickups carrying fuel near Djanet.",
        "Synthetic: checkpoint 7 km N of Djanet: 3 Toyota 4x4 vehicles turned back.",
        "Synthetic: smugglers in a Toyota Hilux fled towards the border near Djanet.",
    ],
)
def test_makes_of_vehicles_are_not_places(geoparser, text) -> None:
    entities = [span(text, "Toyota", "ORG")]
    places = geoparser.find_places(text, entities)
    assert [p.country for p in places] == ["DZ"]
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.country == "DZ" and location.name == "Djanet"


def test_a_make_named_as_a_place_still_is_one(geoparser) -> None:
    text = "Synthetic: a delegation arrived in Toyota, Japan, on Monday."
    places = geoparser.find_places(text, [span(text, "Toyota", "GPE"), span(text, "Japan", "GPE")])
    assert [(p.text, p.country) for p in places] == [("Toyota", "JP"), ("Japan", "JP")]


def test_a_language_is_not_a_country(geoparser) -> None:
    text = "Synthetic communiqué of the General Staff (translated from French). A convoy was hit near Gao."
    places = geoparser.find_places(text, [span(text, "French", "NORP"), span(text, "Gao", "PERSON")])
    assert [p.text for p in places] == ["Gao"]
    location = geoparser.locate_event(text, _evidence(text, "A convoy was hit near Gao."), places)
    assert location is not None and location.country == "ML" and location.geo_precision == 2


def test_a_river_is_not_the_country_named_like_it(geoparser) -> None:
    text = "Synthetic: the convoy drove on the road along the Niger river when the device exploded."
    assert geoparser.find_places(text, [span(text, "Niger", "FAC")]) == []


def test_routes_make_places_of_mislabelled_names(geoparser) -> None:
    text = (
        "Synthetic: convoy hit on the Gao–Ansongo axis. A logistics convoy travelling from Gao to Ansongo "
        "struck an explosive device about 35 km south of Gao."
    )
    entities = _all(text, "Gao", "PERSON") + _all(text, "Ansongo", "PERSON")
    places = geoparser.find_places(text, entities)
    assert [p.text for p in places] == ["Gao", "Ansongo", "Gao", "Ansongo", "Gao"]
    assert all(p.country == "ML" for p in places)
    title = "Synthetic: convoy hit on the Gao–Ansongo axis."
    location = geoparser.locate_event(text, _evidence(text, title), places)
    assert location is not None and km_between(location, *GAO) < 25 and location.geo_precision == 2


def test_a_three_letter_town_presented_as_a_place(geoparser) -> None:
    text = "Synthetic: funerals were held in Gao on Friday for the soldiers."
    places = geoparser.find_places(text, [span(text, "Gao", "PERSON")])
    assert len(places) == 1 and km_between(places[0], *GAO) < 25
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.geo_precision == 1
    # Capitalised at a sentence start and after 'Near', with no label at all.
    text = "Near Gao, gunmen attacked a convoy."
    assert [p.text for p in geoparser.find_places(text, [])] == ["Gao"]


def test_short_words_that_are_not_presented_as_places_are_not(geoparser) -> None:
    text = "Synthetic: a BA spokesperson said lorries queued near Ben Guerdane. Eta said nothing."
    places = geoparser.find_places(text, [span(text, "BA", "ORG"), span(text, "Eta", "PERSON")])
    assert [p.text for p in places if p.name is not None] in ([], ["Ben Guerdane"])
    assert all(p.text not in ("BA", "Ben", "Eta") for p in places)


def test_one_sense_per_name_when_the_text_often_presents_it_as_a_place(geoparser) -> None:
    text = (
        "Synthetic: Gao residents mourn. Funerals were held in Gao on Friday. The road south of Gao is "
        "mined. Gao traders closed their shops."
    )
    places = geoparser.find_places(text, _all(text, "Gao", "PERSON"))
    assert len(places) == 4 and all(km_between(p, *GAO) < 25 for p in places)


def test_a_person_named_once_after_a_locative_word_stays_a_person(geoparser) -> None:
    text = (
        "Synthetic: the chief of staff Kelly spoke first. Kelly said the talks were useful. Kelly added that "
        "the envoy had stayed in Kelly for a day. Kelly then left."
    )
    places = geoparser.find_places(text, _all(text, "Kelly", "PERSON"))
    assert len(places) <= 1


def test_a_demonym_in_a_compound_never_locates_the_event(geoparser) -> None:
    text = (
        "Synthetic: drone strike near Kidal kills four. The Malian army took control of Kidal in late 2023 "
        "and has since relied heavily on Turkish-made drones."
    )
    entities = [*_all(text, "Kidal", "NORP"), span(text, "Malian", "NORP"), span(text, "Turkish", "NORP")]
    places = geoparser.find_places(text, entities)
    sentence = "The Malian army took control of Kidal in late 2023 and has since relied heavily on Turkish-made drones."
    location = geoparser.locate_event(text, _evidence(text, sentence), places)
    assert location is not None and km_between(location, *KIDAL) < 25 and location.geo_precision == 1


def test_a_demonym_gives_the_country_only_when_nothing_better_is_there(geoparser) -> None:
    text = "Synthetic: gunmen attacked Tessit on Monday. Turkish-made drones were seen. Malian soldiers died."
    entities = [span(text, "Tessit", "GPE"), span(text, "Turkish", "NORP"), span(text, "Malian", "NORP")]
    places = geoparser.find_places(text, entities)
    location = geoparser.locate_event(text, _evidence(text, "Turkish-made drones were seen."), places)
    assert location is not None and location.country == "ML" and location.geo_precision == 2
    text = "Synthetic: Malian soldiers died in an ambush on Monday."
    places = geoparser.find_places(text, [span(text, "Malian", "NORP")])
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and (location.country, location.geo_precision) == ("ML", 3)


def test_a_far_namesake_of_a_qualified_name_is_not_taken(geoparser) -> None:
    # 'Sahel Province' transliterated could read as 'Sulu Province' (Philippines): the report is about Mali.
    text = "Synthetic: near Menaka, where fighters of the Islamic State Sahel Province operate, a patrol was hit."
    places = geoparser.find_places(text, [span(text, "Menaka", "GPE"), span(text, "Sahel Province", "GPE")])
    assert next(p.country for p in places if p.name is not None) == "ML"
    assert all(p.country != "PH" for p in places)
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and km_between(location, *MENAKA) < 25


def test_a_well_known_place_far_from_the_report_needs_the_text_to_present_it(geoparser) -> None:
    # Untagged and far from Mali: a surname, not Hamilton (Canada); a town the text puts the event in is kept.
    text = "Synthetic: the convoy drove from Gao to Menaka on Monday; Hamilton said the road was calm."
    assert [p.text for p in geoparser.find_places(text, [])] == ["Gao", "Menaka"]
    text = "Synthetic: the convoy drove from Gao to Menaka on Monday; a delegation flew in from Hamilton, Canada."
    assert "Hamilton" in [p.text for p in geoparser.find_places(text, [])]


def test_a_road_named_after_a_town_is_near_it(geoparser) -> None:
    text = "Synthetic: migrants blocked the Arlit road in front of the transit centre."
    places = geoparser.find_places(text, [span(text, "Arlit", "PERSON")])
    location = geoparser.locate_event(text, _evidence(text, text), places)
    assert location is not None and location.name == "Arlit" and location.geo_precision == 2


def test_a_name_among_sibling_divisions_is_a_division(geoparser) -> None:
    # 'Delaware' is also a town in Ohio, near Kentucky's towns; named beside the state of Kentucky it is the state.
    text = "Synthetic: an invented company with offices in Louisville, Kentucky, and in Delaware."
    _, kentucky, delaware = geoparser.resolve(text, [span(text, n) for n in ("Louisville", "Kentucky", "Delaware")])
    assert (kentucky.feature_code, delaware.feature_code, delaware.country) == ("ADM1", "ADM1", "US")
    assert km_between(delaware, 39.0, -75.5) < 100


def test_a_division_named_far_away_in_the_report_is_no_sibling(geoparser) -> None:
    # SYNTHETIC. 'New York' alone is the city; Texas, named paragraphs later, does not make it the state.
    text = (
        "Synthetic: the invented singer Jane Roe grew up in New York and moved to London at twenty. "
        + "She recorded an album, toured for two years and wrote songs about the sea and the road. " * 3
        + "Her next tour opens in Texas."
    )
    new_york, _ = geoparser.resolve(text, [span(text, "New York"), span(text, "Texas")])
    assert new_york.feature_code.startswith("PPL") and km_between(new_york, 40.71, -74.01) < 25


def test_a_place_read_inside_a_longer_name_gets_no_vote_from_its_own_name(geoparser) -> None:
    # SYNTHETIC. The plain 'Paris' mentions read Paris, France until 'Paris, Texas' settles them: the hospital
    # named after the town must not take that first reading as the document's context.
    text = (
        "Synthetic: John Doe of Paris entered eternal rest at Paris Regional Medical Center. He is survived by a son "
        "of Paris, Texas."
    )
    entities = [(m.start(), m.end(), "GPE") for m in re.finditer(r"Paris(?! Regional)|Texas", text)]
    entities.append((*span(text, "Paris Regional Medical Center"), "ORG"))
    places = geoparser.find_places(text, entities)
    assert {p.country for p in places} == {"US"} and len(places) == 4


def test_wilaya_seats_named_together_stay_towns(geoparser) -> None:
    text = "Synthetic: a convoy left Tamanrasset for Illizi and Adrar."
    places = geoparser.resolve(text, [span(text, n) for n in ("Tamanrasset", "Illizi", "Adrar")])
    assert [p.feature_code for p in places] == ["PPL", "PPL", "PPL"]
    assert km_between(places[2], 27.874, -0.294) < 25


def test_a_constituent_country_outweighs_a_village_of_its_name(geoparser) -> None:
    text = "Synthetic: the ferry carrying the invented crew sailed from Ireland to Wales."
    _, wales = geoparser.resolve(text, [span(text, "Ireland"), span(text, "Wales")])
    assert wales.feature_code == "ADM1" and wales.country == "GB"
    assert km_between(wales, 52.3, -3.7) < 100


def test_korea_alone_is_south_korea(geoparser) -> None:
    text = "Synthetic: exports from Korea rose last month, an invented trade body said."
    [korea] = geoparser.resolve(text, [span(text, "Korea")])
    assert korea.country == "KR"


def test_airports_are_places_by_the_names_people_write(geoparser) -> None:
    text = "Synthetic: an invented flight from London Heathrow was diverted to Mitiga after shelling near Tripoli."
    names = ("London Heathrow", "Mitiga", "Tripoli")
    heathrow, mitiga, tripoli = geoparser.resolve(text, [span(text, n) for n in names])
    assert (heathrow.feature_code, heathrow.country) == ("AIRP", "GB") and km_between(heathrow, 51.47, -0.46) < 10
    assert (mitiga.feature_code, mitiga.country) == ("AIRP", "LY") and km_between(mitiga, 32.894, 13.276) < 10
    assert tripoli.feature_code != "AIRP" and tripoli.country == "LY"


def test_an_airport_is_one_by_its_short_name_where_its_city_is_named(geoparser) -> None:
    text = "Synthetic: flights at Heathrow were halted; London police spoke of an invented drone."
    heathrow, london = geoparser.resolve(text, [span(text, "Heathrow"), span(text, "London")])
    assert (heathrow.feature_code, heathrow.country) == ("AIRP", "GB") and london.country == "GB"


def test_an_airport_named_after_its_town_leaves_the_name_to_the_town(geoparser) -> None:
    text = "Synthetic: the invented patrol returned to In Salah at dawn."
    [in_salah] = geoparser.resolve(text, [span(text, "In Salah")])
    assert in_salah.feature_code != "AIRP" and km_between(in_salah, 27.197, 2.483) < 25


def test_a_town_named_like_its_province_is_the_town_even_without_a_population(geoparser) -> None:
    # GeoNames gives Djanet town no population; the wilaya's centre lies some 55 km from it.
    text = "Synthetic: an invented convoy reached Djanet at dawn."
    [djanet] = geoparser.resolve(text, [span(text, "Djanet")])
    assert djanet.feature_code != "ADM1" and km_between(djanet, 24.554, 9.485) < 25


def test_a_city_that_bears_its_state_name_as_another_name_is_the_city(geoparser) -> None:
    text = "Synthetic: an invented fire closed a warehouse in New York on Monday."
    [new_york] = geoparser.resolve(text, [span(text, "New York")])
    assert km_between(new_york, 40.71, -74.01) < 25


def test_a_state_is_placed_at_its_centre_not_at_its_largest_city(geoparser) -> None:
    text = "Synthetic: invented storms hit Vermont, New Hampshire and New York this week."
    *_, state = geoparser.resolve(text, [span(text, n) for n in ("Vermont", "New Hampshire", "New York")])
    assert state.feature_code == "ADM1" and km_between(state, 43.0, -75.5) < 100


def test_a_capital_that_bears_another_province_name_is_no_seat_of_it(geoparser) -> None:
    # Mexico City is also called 'Mexico', like the State of Mexico beside it, but it is no town of that state.
    text = "Synthetic: invented exports from Mexico rose last month."
    [mexico] = geoparser.resolve(text, [span(text, "Mexico")])
    assert mexico.feature_code == "PCLI"


def test_a_list_of_towns_is_no_town_and_its_container(geoparser) -> None:
    text = "Synthetic: after stops in Washington, New York and Boston, the invented delegation flew home."
    names = ("Washington", "New York", "Boston")
    washington, new_york, _ = geoparser.resolve(text, [span(text, n) for n in names])
    assert km_between(washington, 38.895, -77.036) < 25 and km_between(new_york, 40.71, -74.01) < 25


def test_a_state_written_after_its_town_is_the_state(geoparser) -> None:
    text = "Synthetic: an invented bakery in Tacoma, Washington sold out of cookies."
    tacoma, washington = geoparser.resolve(text, [span(text, "Tacoma"), span(text, "Washington")])
    assert km_between(tacoma, 47.25, -122.44) < 25
    assert washington.feature_code == "ADM1" and km_between(washington, 47.4, -120.5) < 100


def test_a_town_written_after_a_town_does_not_pull_it_abroad(geoparser) -> None:
    text = "Synthetic: PARIS, Mo. -- an invented county fair opened in Missouri on Friday."
    paris, mo, _ = geoparser.resolve(text, [span(text, n) for n in ("PARIS", "Mo.", "Missouri")])
    assert mo.feature_code == "ADM1" and mo.country == "US" and paris.country == "US"


@pytest.mark.parametrize(
    ("text", "words", "where"),
    [
        ("Synthetic: the Kremlin denied the invented report on Tuesday.", "Kremlin", (55.752, 37.618)),
        ("Synthetic: a White House spokesman in Washington declined to comment.", "White House", (38.898, -77.037)),
    ],
)
def test_seats_of_government_named_for_their_governments_are_placed(geoparser, text, words, where) -> None:
    names = [words] + [n for n in ("Washington",) if n in text]
    place, *_ = geoparser.resolve(text, [span(text, n) for n in names])
    assert km_between(place, *where) < 10


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Synthetic: gunmen raided an invented post near Inata, northern Burkina Faso, on Sunday.", "Inata", "BF"),
        ("Synthetic: an invented convoy was ambushed near Boni, in central Mali.", "Boni", "ML"),
    ],
)
def test_a_town_its_country_is_written_after_is_never_a_namesake_abroad(geoparser, text, town, country) -> None:
    # Neither village is in the installed gazetteer; fuzzy namesakes (Nata in Botswana, Bonn) are: the text says
    # which country the place is in, so no place is better than one in another country.
    place, holder = geoparser.resolve(
        text, [span(text, town), span(text, {"BF": "Burkina Faso", "ML": "Mali"}[country])]
    )
    assert holder.country == country
    assert place is None or place.country == country


def test_a_town_written_in_a_part_of_its_country_is_read_inside_it(geoparser) -> None:
    text = "Synthetic: an invented patrol left Tessalit, in northern Mali, at dawn."
    tessalit, mali = geoparser.resolve(text, [span(text, "Tessalit"), span(text, "Mali")])
    assert mali.feature_code == "PCLI" and tessalit.country == "ML" and km_between(tessalit, 20.20, 1.01) < 25


def test_a_name_written_with_an_office_of_its_division_is_the_division(geoparser) -> None:
    # SYNTHETIC. 'New York' alone is most often the city; 'New York Gov.' is the state's governor. The dateline of
    # the same story stays the city.
    text = "NEW YORK (AP) - Synthetic: New York Gov. Jane Roe toured a flooded warehouse on Monday."
    governor = text.index("New York Gov.")
    dateline, state = geoparser.resolve(text, [(0, 8), (governor, governor + len("New York"))])
    assert (state.country, state.feature_code) == ("US", "ADM1")
    assert dateline.feature_code.startswith("PPL")


def test_the_wali_of_a_wilaya_names_the_wilaya(geoparser) -> None:
    # SYNTHETIC. Adrar alone is the town (the wilaya's seat); 'the wali of Adrar' is the wilaya's governor.
    text = "Synthetic: the wali of Adrar inspected a border post on Sunday."
    (adrar,) = geoparser.resolve(text, [span(text, "Adrar")])
    assert (adrar.country, adrar.feature_code) == ("DZ", "ADM1")


@pytest.mark.parametrize(
    ("text", "names", "point"),
    [
        # GeoNames also calls West Point, Virginia, 'Delaware': Richmond and Norfolk lie near it, not near the state.
        (
            "Synthetic: an invented logistics firm, a Delaware company, opened depots in Richmond and Norfolk.",
            ("Delaware", "Richmond", "Norfolk"),
            (39.0, -75.5),
        ),
        (
            "Synthetic: an invented ranching cooperative in Wyoming sold cattle in Philadelphia and Baltimore.",
            ("Wyoming", "Philadelphia", "Baltimore"),
            (43.0, -107.5),
        ),
    ],
)
def test_a_state_s_name_is_the_state_not_a_town_called_after_it_near_the_report_s_places(
    geoparser, text, names, point
) -> None:
    place, *_ = geoparser.resolve(text, [span(text, n) for n in names])
    assert place.feature_code == "ADM1" and km_between(place, *point) < 250


def test_a_town_called_after_a_state_is_the_town_where_its_own_state_is_written_after_it(geoparser) -> None:
    text = "Synthetic: an invented plant in Wyoming, Michigan, closed; workers drove to Detroit."
    wyoming, _ = geoparser.resolve(text, [span(text, "Wyoming"), span(text, "Michigan")])
    assert wyoming.feature_code == "PPL" and km_between(wyoming, 42.913, -85.705) < 25


def test_a_seat_geonames_files_under_no_division_is_no_town_called_after_its_wilaya(geoparser) -> None:
    # GeoNames gives In Guezzam (a wilaya since 2019) no first-level division: it is the wilaya's seat, and the
    # report's other places speak for it as fully as before the wilaya was made.
    text = "Synthetic: an invented patrol left In Guezzam for Tamanrasset and Bordj Badji Mokhtar."
    in_guezzam, *_ = geoparser.resolve(
        text, [span(text, n) for n in ("In Guezzam", "Tamanrasset", "Bordj Badji Mokhtar")]
    )
    assert in_guezzam.feature_code == "PPL" and km_between(in_guezzam, 19.568, 5.772) < 25
    assert in_guezzam.confidence >= 0.8
