"""Recognition: what counts as a place mention beyond the entity model's GPE/LOC (synthetic texts)."""

import re

from geo_helpers import span

import borderwatch.geo as geo


def _texts(places) -> list[str]:
    return [p.text for p in places]


def test_demonym_adjectives_point_to_their_country(geoparser) -> None:
    text = "Synthetic: Algerian and Libyan officers inspected the post."
    places = geoparser.find_places(text, [span(text, "Algerian", "NORP"), span(text, "Libyan", "NORP")])
    assert [(p.text, p.country, p.feature_code) for p in places] == [
        ("Algerian", "DZ", "PCLI"),
        ("Libyan", "LY", "PCLI"),
    ]


def test_untagged_place_after_a_locative_word_is_found(geoparser) -> None:
    text = "Synthetic: a water tanker broke down outside Remada on the way to the border post."
    places = geoparser.find_places(text, [])
    assert _texts(places) == ["Remada"] and places[0].country == "TN"


def test_person_names_that_are_also_towns_are_not_places(geoparser) -> None:
    text = "Synthetic: spokesman Tyler Paterson said Vladimir would attend."
    entities = [span(text, "Tyler Paterson", "PERSON"), span(text, "Vladimir", "PERSON")]
    assert geoparser.find_places(text, entities) == []


def test_calendar_words_and_sentence_openers_are_not_places(geoparser) -> None:
    text = "Synthetic: On Saturday the report was filed. March was quiet. Florence Nightingale Hospital staff helped."
    assert geoparser.find_places(text, [span(text, "Saturday", "DATE")]) == []


def test_postal_codes_count_only_after_a_comma(geoparser) -> None:
    text = "Synthetic: In Ashland, KY, a La Plata firm opened."
    places = geoparser.find_places(text, [span(text, "Ashland", "GPE")])
    assert "KY" in _texts(places) and "In" not in _texts(places) and "La" not in _texts(places)


def test_dateline_in_capitals_is_a_place(geoparser) -> None:
    text = "TUNIS — Synthetic: the ministry announced new border measures."
    assert _texts(geoparser.find_places(text, [])) == ["TUNIS"]


def test_short_dateline_place_in_capitals_is_a_place(geoparser) -> None:
    # SYNTHETIC. Three capitals are mostly an acronym, but not as a dateline's place, found alone or given as the
    # extractor gives a dateline's places (GPE spans).
    for text in (
        "GAO, Mali, Jan. 15 (Wire) — Synthetic: gunmen attacked a checkpoint near the market.",
        "Synthetic headline\nGAO (Wire) - gunmen attacked a checkpoint near the market.",
        "GAO — Synthetic: gunmen attacked a checkpoint near the market.",
    ):
        places = geoparser.find_places(text, [])
        assert [(p.text, p.country) for p in places][:1] == [("GAO", "ML")], text
    text = "GAO, Mali, Jan. 15 — Synthetic: gunmen attacked a checkpoint."
    entities = [span(text, "GAO", "GPE"), span(text, "Mali", "GPE")]
    assert [(p.name, p.country) for p in geoparser.find_places(text, entities)] == [("Gao", "ML"), ("Mali", "ML")]
    text = "KEF, Tunisia, Jan. 15 — Synthetic: a patrol was attacked."
    entities = [span(text, "KEF", "GPE"), span(text, "Tunisia", "GPE")]
    assert [p.name for p in geoparser.find_places(text, entities)] == ["El Kef", "Tunisia"]


def test_a_small_town_s_dateline_is_that_town_wherever_the_report_names_it(geoparser) -> None:
    text = (
        "Synthetic headline\nREMADA — Smugglers were arrested on Monday, the guard in Tataouine said. The Remada "
        "market stayed open.\nRemada traders said prices rose."
    )
    places = geoparser.find_places(text, [span(text, "Tataouine", "GPE")])
    assert [(p.text, p.country) for p in places] == [
        ("REMADA", "TN"), ("Tataouine", "TN"), ("Remada", "TN"), ("Remada", "TN")]  # fmt: skip


def test_acronyms_opening_a_line_are_not_datelines(geoparser) -> None:
    text = "GAO, NSA and FBI officials met on Monday. Synthetic.\nGAO auditors said the NSA report was late."
    assert geoparser.find_places(text, []) == []


def test_name_before_a_town_s_police_council_or_mayor_is_the_town(geoparser) -> None:
    # SYNTHETIC. The model leaves the town untagged or inside an organisation's name; its police, fire service or
    # mayor present it as a place.
    text = "Synthetic: smugglers crashed near Kasserine. Sbeitla police said two men fled towards Feriana."
    entities = [span(text, "Kasserine", "GPE"), span(text, "Feriana", "GPE")]
    assert [(p.text, p.country) for p in geoparser.find_places(text, entities)] == [
        ("Kasserine", "TN"), ("Sbeitla", "TN"), ("Feriana", "TN")]  # fmt: skip
    text = "Synthetic: smugglers crashed near Kasserine. The Sbeitla Fire Department said two men were hurt."
    entities = [span(text, "Kasserine", "GPE"), span(text, "The Sbeitla Fire Department", "ORG")]
    assert [(p.text, p.country) for p in geoparser.find_places(text, entities)] == [
        ("Kasserine", "TN"), ("Sbeitla", "TN")]  # fmt: skip


def test_kinds_of_police_and_councils_are_not_places(geoparser) -> None:
    text = "Synthetic: the Security Council met while Federal Police and Border Police officers guarded Kasserine."
    entities = [span(text, w, "ORG") for w in ("the Security Council", "Federal Police", "Border Police")]
    entities.append(span(text, "Kasserine", "GPE"))
    assert _texts(geoparser.find_places(text, entities)) == ["Kasserine"]


def test_a_name_quoted_as_a_speaker_or_with_kin_is_a_person_throughout(geoparser) -> None:
    # SYNTHETIC. The model tags a girl named like a country as a place in every mention.
    text = (
        'Synthetic: Georgia began skating in Kasserine. "I love it," said Georgia. Georgia\'s father drove her to '
        "Sbeitla, where Georgia trains."
    )
    entities = [(m.start(), m.end(), "GPE") for m in re.finditer("Georgia|Kasserine|Sbeitla", text)]
    assert _texts(geoparser.find_places(text, entities)) == ["Kasserine", "Sbeitla"]
    text = "Synthetic: John Doe of Kasserine is survived by his wife, Nina, and his girlfriend Olivia."
    entities = [(m.start(), m.end(), "GPE") for m in re.finditer("Kasserine|Nina|Olivia", text)]
    assert _texts(geoparser.find_places(text, entities)) == ["Kasserine"]


def test_places_that_speak_in_the_reporter_s_words_stay_places(geoparser) -> None:
    text = (
        'Synthetic: Georgia closed its border. "We are ready," said Tbilisi Mayor Jane Doe, according to Georgia\'s '
        "attorney general. Georgia said troops flew to Batumi."
    )
    entities = [(m.start(), m.end(), "GPE") for m in re.finditer("Georgia|Batumi", text)]
    places = geoparser.find_places(text, entities)
    assert [p.text for p in places if p.text == "Georgia"] == ["Georgia"] * 3


def test_degrees_and_kinds_of_firms_after_a_name_are_not_states(geoparser) -> None:
    # SYNTHETIC. 'M.D.' and 'P.A.' read as Maryland and Pennsylvania after a comma, as 'Ky.' does after a town.
    text = "Synthetic: Jane Roe, M.D., joined Roe & Doe, P.A. in Ashland, Ky., last year."
    entities = [span(text, "Jane Roe", "PERSON"), span(text, "M.D", "GPE"), span(text, "Roe & Doe", "ORG")]
    entities += [span(text, "P.A", "GPE"), span(text, "Ashland", "GPE"), span(text, "Ky.", "GPE")]
    assert _texts(geoparser.find_places(text, entities)) == ["Ashland", "Ky"]
    text = "COLUMBIA, Ky. (Wire) - Synthetic: a barn burned."
    entities = [span(text, "COLUMBIA", "ORG"), span(text, "Ky.", "GPE")]
    assert [p.name for p in geoparser.find_places(text, entities)][-1:] == ["Kentucky"]


def test_common_nouns_that_are_also_towns_are_places_only_where_presented(geoparser) -> None:
    text = "Synthetic: Congress approved the aid to Tucson, the senator said."
    entities = [span(text, "Congress", "ORG"), span(text, "Tucson", "GPE")]
    assert _texts(geoparser.find_places(text, entities)) == ["Tucson"]
    text = "Synthetic: the team later flew to Congress, Arizona."
    entities = [span(text, "Congress", "GPE"), span(text, "Arizona", "GPE")]
    assert _texts(geoparser.find_places(text, entities)) == ["Congress", "Arizona"]


def test_unknown_place_names_are_kept_unresolved_only_when_presented_as_places(geoparser) -> None:
    text = "Synthetic: herders fled to Qwxzvbnm, while Zrzavy Company denied it."
    entities = [span(text, "Qwxzvbnm", "GPE"), span(text, "Zrzavy", "GPE")]
    places = geoparser.find_places(text, entities)
    assert [(p.text, p.name) for p in places] == [("Qwxzvbnm", None)]


def test_public_names_are_sorted() -> None:
    assert geo.__all__ == sorted(geo.__all__)
    for name in geo.__all__:
        assert hasattr(geo, name)


def test_place_name_split_by_the_entity_model_is_read_whole(geoparser) -> None:
    # The small model reads "Sakiet" as NORP and "Sidi Youssef" as a person.
    text = "Synthetic: smugglers were intercepted near Sakiet Sidi Youssef overnight."
    entities = [span(text, "Sakiet", "NORP"), span(text, "Sidi Youssef", "PERSON")]
    places = geoparser.find_places(text, entities)
    assert [(p.text, p.country) for p in places] == [("Sakiet Sidi Youssef", "TN")]


def test_a_place_span_holding_a_place_and_its_container_is_read_as_both(geoparser) -> None:
    # The model tags 'Tin Essako, Mali' as one GPE: the whole names no place.
    text = "Synthetic: gunmen attacked Tin Essako, Mali on Monday; the crossing at Ras Ajdir, Tunisia, closed."
    entities = [span(text, "Tin Essako, Mali", "GPE"), span(text, "Ras Ajdir, Tunisia", "GPE")]
    places = geoparser.find_places(text, entities)
    assert [(p.text, p.country) for p in places] == [
        ("Tin Essako", "ML"), ("Mali", "ML"), ("Ras Ajdir", "TN"), ("Tunisia", "TN")]  # fmt: skip


def test_a_place_span_with_kind_words_around_a_known_name_is_that_name(geoparser) -> None:
    # SYNTHETIC. The model tags 'West Virginia State' of the State Police: whole, it matched 'Virginia' loosely.
    text = "Synthetic: West Virginia State Police Lt. John Doe said a truck overturned near Ain Ghazzam."
    entities = [span(text, "West Virginia State", "GPE"), span(text, "Ain Ghazzam", "GPE")]
    places = geoparser.find_places(text, entities)
    assert [(p.text, p.name, p.feature_code) for p in places][:1] == [("West Virginia", "West Virginia", "ADM1")]
    assert places[1].text == "Ain Ghazzam" and places[1].country == "DZ"


def test_organisation_named_like_a_town_of_the_document_is_that_town(geoparser) -> None:
    # The model tags the town as an organisation; the report is about Tunisia, where Sbeitla lies.
    text = "Synthetic: gendarmes in Kasserine arrested two men. Sbeitla officials said the road was reopened."
    entities = [span(text, "Kasserine", "GPE"), span(text, "Sbeitla", "ORG")]
    assert [(p.text, p.country) for p in geoparser.find_places(text, entities)] == [
        ("Kasserine", "TN"),
        ("Sbeitla", "TN"),
    ]
    # The same name as a person's stays a person.
    text = "Synthetic: gendarmes in Kasserine arrested two men, said Sbeitla."
    entities = [span(text, "Kasserine", "GPE"), span(text, "Sbeitla", "PERSON")]
    assert [p.text for p in geoparser.find_places(text, entities)] == ["Kasserine"]


def test_place_span_of_the_model_grows_to_the_longer_known_name(geoparser) -> None:
    # The model reads "Jebel" as a place and "Semmama" as a person: the gazetteer knows "Jebel Semmama".
    text = "Synthetic: a cell was tracked in Jebel Semmama last week."
    entities = [span(text, "Jebel", "GPE"), span(text, "Semmama", "PERSON")]
    places = geoparser.find_places(text, entities)
    assert [(p.text, p.name, p.country) for p in places] == [("Jebel Semmama", "Mount Semmama", "TN")]


def test_another_name_of_a_town_in_untagged_words_needs_the_text_to_present_it(geoparser) -> None:
    """'Julia' is an old name of Plovdiv: a first name the model left untagged is not the city."""
    text = "SYNTHETIC: after the ceremony, Julia and her brother left for the coast."
    assert geoparser.find_places(text, []) == []
    text = "SYNTHETIC: the convoy reached Bombay after a week on the road."
    assert [(p.text, p.name) for p in geoparser.find_places(text, [])] == [("Bombay", "Mumbai")]


def test_a_word_in_lower_case_is_a_place_only_where_written_as_one(geoparser) -> None:
    text = "SYNTHETIC: the smugglers were high on tina when police stopped them near Gafsa."
    places = geoparser.find_places(text, [span(text, "tina", "GPE"), span(text, "Gafsa", "GPE")])
    assert _texts(places) == ["Gafsa"]
    text = "SYNTHETIC: two smugglers were arrested near texas on Monday."
    assert [p.name for p in geoparser.find_places(text, [span(text, "texas", "GPE")])] == ["Texas"]


def test_a_small_town_far_from_the_report_s_places_needs_the_text_to_present_it(geoparser) -> None:
    """The model tags a first name as a place: a village of that name on another continent is not enough."""
    tours = "SYNTHETIC: the soldier, who served two tours in Helmand and Kandahar, "
    for ending, expected in (("leaves his girlfriend Olivia.", []), ("was born in Olivia.", ["Olivia"])):
        text = tours + ending
        entities = [span(text, "Helmand", "GPE"), span(text, "Kandahar", "GPE"), span(text, "Olivia", "GPE")]
        assert _texts(geoparser.find_places(text, entities)) == ["Helmand", "Kandahar", *expected]


def _nth(text: str, words: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words), label


def test_a_one_word_person_that_is_a_town_beside_the_report_s_places_is_that_town(geoparser) -> None:
    text = "SYNTHETIC: Kasserine police closed the road as Sbeitla residents protested on Friday."
    entities = [_nth(text, "Kasserine", "GPE"), _nth(text, "Sbeitla", "PERSON")]
    assert [(p.text, p.country) for p in geoparser.find_places(text, entities)] == [
        ("Kasserine", "TN"),
        ("Sbeitla", "TN"),
    ]
    # The word is a person's name where the report writes it as part of one; a town far away is not a neighbour.
    text = "SYNTHETIC: Kasserine police said Ali Sbeitla was arrested on Friday; Sbeitla denied the charge."
    entities = [_nth(text, "Kasserine", "GPE"), _nth(text, "Ali Sbeitla", "PERSON"), _nth(text, "Sbeitla", "PERSON", 1)]
    assert _texts(geoparser.find_places(text, entities)) == ["Kasserine"]
    text = "SYNTHETIC: Tunis police said Tyler was arrested on Friday."
    assert _texts(geoparser.find_places(text, [_nth(text, "Tunis", "GPE"), _nth(text, "Tyler", "PERSON")])) == ["Tunis"]


def test_a_county_tagged_as_a_person_is_still_a_named_area(geoparser) -> None:
    # SYNTHETIC. The small model often tags a one-word county as a person; counties and departments are
    # second-level divisions, named areas as much as provinces.
    text = (
        "Synthetic: the final race is on 30 September at the Westmoor circuit, Kent. A fire near Aberporth, Ceredigion."
    )
    entities = [span(text, "Kent", "PERSON"), span(text, "Aberporth", "GPE")]
    found = {p.text: p for p in geoparser.find_places(text, entities)}
    assert "Kent" in found and (found["Kent"].country, found["Kent"].feature_code) == ("GB", "ADM2")
    assert "Ceredigion" in found and found["Ceredigion"].country == "GB"


def test_a_month_inside_a_date_is_no_town(geoparser) -> None:
    # SYNTHETIC. "March" is also a town in England.
    text = "Synthetic: a dealer brought 14 drawings to the Paris office in March. He had kept them for years."
    entities = [span(text, "Paris", "GPE"), span(text, "March", "DATE")]
    found = {p.text for p in geoparser.find_places(text, entities)}
    assert "March" not in found
    assert "Paris" in found


def test_a_place_the_model_tags_as_a_date_is_still_a_place(geoparser) -> None:
    text = "Synthetic: the crime continues regularly in Lille, police in Paris said."  # SYNTHETIC
    found = {p.text for p in geoparser.find_places(text, [span(text, "Lille", "DATE"), span(text, "Paris", "GPE")])}
    assert "Lille" in found


def test_a_quantifier_opening_a_sentence_is_no_district(geoparser) -> None:
    # SYNTHETIC. 'Most' is also a district of Czechia, 'Many' a village in France.
    text = "Synthetic: the strike closed Prague airport.\nMost of the crews stayed home. Many flights were cancelled."
    found = {p.text for p in geoparser.find_places(text, [span(text, "Prague", "GPE")])}
    assert found == {"Prague"}


def test_a_location_line_places_its_items_however_small_and_wherever_they_open_a_sentence(geoparser) -> None:
    # SYNTHETIC event-note register: the line after the label is only a town, what contains it and a country.
    for text, town, country in (
        ("9 May 2025. Protests (peaceful protest). Nefta, Tozeur, Tunisia. Residents marched.", "Nefta", "TN"),
        ("Synthetic note\nTessalit, Kidal region, Mali\nGunmen stopped two lorries.", "Tessalit", "ML"),
        ("Synthetic. Abala, Niger. A convoy was ambushed.", "Abala", "NE"),
    ):
        places = geoparser.find_places(text, [])
        assert (places[0].name, places[0].country) == (town, country), text
    # Not a location line: the list does not end with a country, or is part of a longer sentence's subject.
    text = "Synthetic. Nefta, Tozeur and Douz. Residents marched."
    assert "Nefta" not in [p.name for p in geoparser.find_places(text, [])]


def test_a_division_named_like_its_seat_leaves_the_name_to_the_seat(geoparser) -> None:
    # SYNTHETIC: 'Gao, Gao region, Mali' names the town, then the region holding it; the other Gaos are the town.
    text = "Synthetic note\n25 August 2025. Riots. Gao, Gao region, Mali. Residents of Gao burnt tyres near Gao market."
    places = [(p.text, p.feature_code) for p in geoparser.find_places(text, []) if p.text == "Gao"]
    codes = [code for _, code in places]
    assert codes.count("ADM1") == 1 and len(codes) == 4, places
    assert codes[1] == "ADM1"  # the one written as the container


def test_a_text_s_capitalised_runs_read_again_are_the_same_and_each_caller_s_own_list() -> None:
    """The extractor reads a report's places twice; the second reading of its capitalised runs is the first's,
    and a caller that changes its list changes nothing the next reads. SYNTHETIC sentence."""
    from borderwatch.geo._capitalised_runs import text_proposals

    text = "SYNTHETIC. Invented smugglers were stopped near Bordj El Houas, then driven to Djanet."
    first = text_proposals(text)
    assert any(text[s:e] == "Djanet" for s, e, _ in first)
    assert text_proposals(text) == first
    first.clear()
    assert text_proposals(text) != first
