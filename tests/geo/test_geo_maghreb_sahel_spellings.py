"""Towns of the Maghreb and the Sahel under the spellings the region's press uses (French, English, Arabic-derived
and Arabic chat), each in a sentence that gives some country context: a demonym, a neighbour, a border. Several
spellings are no name the index holds and are found only through transliteration skeletons, among large
namesakes elsewhere ('Salloum': Salem, India; 'Wargla': Algiers): the report's countries and the likeness of the
spelling must rank the right town first. Every sentence is SYNTHETIC: invented incidents in real places (their
GeoNames ids and names are GeoNames' own, or our supplement's 'bw:' ids)."""

import pytest
from geo_helpers import span

from borderwatch.model import Evidence

PROBES = [
    # (sentence, words giving its country context, the spelling, the expected place's GeoNames id, its main name)
    ("Algerian gendarmes arrested four smugglers near Tamenghest, close to the border with Niger.",
     ["Algerian", "Niger"], "Tamenghest", 2478216, "Tamanghasset"),
    ("Algerian customs seized fuel at Wargla on its way to Tunisia.",
     ["Algerian", "Tunisia"], "Wargla", 2485801, "Ouargla"),
    ("Algerian soldiers found a weapons cache south of Tbessa, near the Tunisian border.",
     ["Algerian", "Tunisian"], "Tbessa", 2477461, "Tébessa"),
    ("Algerian police stopped migrants from Niger at Ghardaia bus station.",
     ["Algerian", "Niger"], "Ghardaia", 2496049, "Ghardaïa"),
    ("A convoy bound for Mali was stopped at Bashar by the Algerian army.",
     ["Mali", "Algerian"], "Bashar", 2505530, "Béchar"),
    ("Algerian troops reinforced the posts around Tinduf after an incident on the Moroccan side.",
     ["Algerian", "Moroccan"], "Tinduf", 2476301, "Tindouf"),
    ("Algerian soldiers seized arms near 3in Salah on the road to Tamanrasset.",
     ["Algerian", "Tamanrasset"], "3in Salah", 6930641, "In Salah"),
    ("Tunisian guards intercepted a car near Madanin heading for the Libyan border.",
     ["Tunisian", "Libyan"], "Madanin", 2469473, "Medenine"),
    ("Tunisian national guards arrested three men in Tatawin, near the border with Libya.",
     ["Tunisian", "Libya"], "Tatawin", 2464701, "Tataouine"),
    ("Clashes with militants were reported near Qasrine, on Tunisia's border with Algeria.",
     ["Tunisia", "Algeria"], "Qasrine", 2473457, "Kasserine"),
    ("Tunisian customs in Qafsa seized cigarettes smuggled from Algeria.",
     ["Tunisian", "Algeria"], "Qafsa", 2468353, "Gafsa"),
    ("Tunisian guards stopped a car near Bin Qirdan, a few kilometres from the Libyan border.",
     ["Tunisian", "Libyan"], "Bin Qirdan", 2472431, "Ben Gardane"),
    ("Libyan border guards in Ghadamis reported armed men crossing from Algeria.",
     ["Libyan", "Algeria"], "Ghadamis", 2217440, "Ghadames"),
    ("Migrants from Niger were held in a warehouse in Sebha, in southern Libya.",
     ["Niger", "Libya"], "Sebha", 2212775, "Sabha"),
    ("A boat carrying migrants left Zouara for Italy, Libyan coast guards said.",
     ["Italy", "Libyan"], "Zouara", 2208425, "Zuwarah"),
    ("Smugglers travelling from Niger reached Mourzouk in southern Libya.",
     ["Niger", "Libya"], "Mourzouk", 2214603, "Murzuk"),
    ("Libyan authorities closed the road from Oubari to the Algerian border.",
     ["Libyan", "Algerian"], "Oubari", 2219235, "Ubari"),
    ("Egyptian police seized hashish in Mersa Matrouh, on the road to Libya.",
     ["Egyptian", "Libya"], "Mersa Matrouh", 352733, "Marsá Maţrūḩ"),
    ("Egyptian police found the lorry near Marsa Matrouh, 200 km from the Libyan border.",
     ["Egyptian", "Libyan"], "Marsa Matrouh", 352733, "Marsá Maţrūḩ"),
    ("Egyptian border guards seized rifles in a lorry arriving from Libya at the Salloum land port on Monday.",
     ["Egyptian", "Libya"], "Salloum", 359867, "As Sallūm"),
    ("Sudanese refugees arrived in Assouan, Egyptian officials said.",
     ["Sudanese", "Egyptian"], "Assouan", 359792, "Aswān"),
    ("Egyptian troops patrolled El Arich after an attack in northern Sinai.",
     ["Egyptian", "Sinai"], "El Arich", 361546, "Arīsh"),
    ("Malian soldiers were ambushed near Tombouctou, close to the Mauritanian border.",
     ["Malian", "Mauritanian"], "Tombouctou", 2449067, "Timbuktu"),
    ("A convoy of the Malian army left Menaka for the Niger border.",
     ["Malian", "Niger"], "Menaka", 2453514, "Ménaka"),
    ("Fighting was reported around Segu in central Mali.",
     ["Mali"], "Segu", 2451478, "Ségou"),
    ("Nigerien police intercepted migrants in Agades bound for Libya.",
     ["Nigerien", "Libya"], "Agades", 2448085, "Agadez"),
    ("Niger's army reinforced its posts around Tillabery near the border with Mali.",
     ["Niger", "Mali"], "Tillabery", 2438678, "Tillabéri"),
    ("Refugees from Nigeria reached Difa, in south-eastern Niger.",
     ["Nigeria", "Niger"], "Difa", 2445704, "Diffa"),
    ("Chadian troops arrived in Abeshr from the Sudanese border.",
     ["Chadian", "Sudanese"], "Abeshr", 245785, "Abéché"),
    ("A Chadian patrol was attacked north of Faya Larjo, near the Libyan border.",
     ["Chadian", "Libyan"], "Faya Larjo", 2432678, "Faya-Largeau"),
    ("Mauritanian coast guards stopped a migrant boat off Nwadhibu, headed for the Canary Islands.",
     ["Mauritanian", "Canary Islands"], "Nwadhibu", 2377457, "Nouadhibou"),
    ("Refugees from Mali crowded the camp near Bassikunu, in eastern Mauritania.",
     ["Mali", "Mauritania"], "Bassikunu", 2381152, "Basseknou"),
    ("Mauritanian gendarmes arrested gold miners near Zouerate close to the Algerian border.",
     ["Mauritanian", "Algerian"], "Zouerate", 2375558, "Zouérat"),
    # Only a neighbour of the report's country, near its other place: the town lies across the border.
    ("Nigerien soldiers chased the convoy from Assamaka towards Tamanghest at dawn.",
     ["Nigerien", "Assamaka"], "Tamanghest", 2478216, "Tamanghasset"),
    ("Nigerien soldiers chased the convoy from Assamaka towards Kidel at dawn.",
     ["Nigerien", "Assamaka"], "Kidel", 2455290, "Kidal"),
]  # fmt: skip

# Towns of the border strips of Algeria, Tunisia, Libya, Niger, Mali, Mauritania and Chad under spellings other
# than the one GeoNames gives (English, French, Hausa, Arabic-derived). Names of fewer than three consonants
# ('Tahoua', 'Dehiba', 'Aouzou', 'Ayorou') have no useful consonant skeleton and are filed under their vowel shape;
# a small town must not be crowded out by the world's large places that share its vowel shape ('Dhiba').
BORDER_STRIP_PROBES = [
    ("Nigerien soldiers were ambushed near Tawa, close to the border with Mali.",
     ["Nigerien", "Mali"], "Tawa", 2439376, "Tahoua"),  # Hausa; also three small towns elsewhere, exactly
    ("Nigerien soldiers were ambushed near Taoua, close to the border with Mali.",
     ["Nigerien", "Mali"], "Taoua", 2439376, "Tahoua"),
    ("Nigerien soldiers were ambushed near Tahwah, close to the border with Mali.",
     ["Nigerien", "Mali"], "Tahwah", 2439376, "Tahoua"),
    ("Nigerien police stopped a truck from Libya at Dirku on Sunday.",
     ["Nigerien", "Libya"], "Dirku", "bw:ne-dirkou", "Dirkou"),
    ("Malian refugees arrived in Ayourou, in western Niger.",
     ["Malian", "Niger"], "Ayourou", 2447416, "Ayorou"),
    ("Niger's army reinforced Wallam after an attack from the Malian side.",
     ["Niger", "Malian"], "Wallam", 2440371, "Ouallam"),
    ("Nigerien gendarmes stopped migrants bound for Libya at Arlitt.",
     ["Nigerien", "Libya"], "Arlitt", 2447513, "Arlit"),
    ("Algerian soldiers found a cache near Janet, close to the Libyan border.",
     ["Algerian", "Libyan"], "Janet", 2500275, "Djanet"),
    ("Algerian gendarmes arrested smugglers in Ilizi, near the border with Libya.",
     ["Algerian", "Libya"], "Ilizi", 2493456, "Illizi"),
    ("Algerian customs seized fuel at Dabdab on the road to Ghadames in Libya.",
     ["Algerian", "Libya"], "Dabdab", "bw:dz-debdeb", "Debdeb"),
    ("Algerian border guards stopped a car at Suq Ahras heading for Tunisia.",
     ["Algerian", "Tunisia"], "Suq Ahras", 2479215, "Souk Ahras"),
    ("Algerian troops searched the hills around Bir al-Atir, near the Tunisian border.",
     ["Algerian", "Tunisian"], "Bir al-Atir", 2503878, "Bir el Ater"),
    ("Tunisian guards closed the crossing at Dhehiba after clashes on the Libyan side.",
     ["Tunisian", "Libyan"], "Dhehiba", 2474031, "Dehiba"),
    ("Tunisian guards closed the crossing at Dhiba after clashes on the Libyan side.",
     ["Tunisian", "Libyan"], "Dhiba", 2474031, "Dehiba"),
    ("Tunisian soldiers patrolled Rmada, a garrison town near the Libyan border.",
     ["Tunisian", "Libyan"], "Rmada", 2467783, "Remada"),
    ("Tunisian soldiers patrolled Ghardimaw, near the Algerian border.",
     ["Tunisian", "Algerian"], "Ghardimaw", 2471003, "Ghardimaou"),
    ("Tunisian guards arrested smugglers near Saqiyat Sidi Yusuf on the Algerian border.",
     ["Tunisian", "Algerian"], "Saqiyat Sidi Yusuf", 2467239, "Sakiet Sidi Youssef"),
    ("A Tunisian patrol was attacked near Firyanah, close to Algeria.",
     ["Tunisian", "Algeria"], "Firyanah", 2471059, "Feriana"),
    ("Tunisian customs seized fuel smuggled from Algeria at Hazwa.",
     ["Tunisian", "Algeria"], "Hazwa", "bw:tn-hazoua", "Hazoua"),
    ("Tunisian police in Tawzar arrested men who had crossed from Algeria.",
     ["Tunisian", "Algeria"], "Tawzar", 2464648, "Tozeur"),
    ("Libyan guards in Nalout reported armed men crossing from Tunisia.",
     ["Libyan", "Tunisia"], "Nalout", 2214433, "Nālūt"),
    ("Libyan guards reopened the road through Ouazen to Tunisia.",
     ["Libyan", "Tunisia"], "Ouazen", 2208848, "Wāzin"),
    ("Smugglers from Niger reached Rhat in south-western Libya.",
     ["Niger", "Libya"], "Rhat", 2217351, "Ghat"),
    ("Sudanese fighters were seen near Koufra in south-eastern Libya.",
     ["Sudanese", "Libya"], "Koufra", "bw:ly-kufra", "Kufra"),
    ("Libyan forces stopped a convoy at Jaghboub, near the Egyptian border.",
     ["Libyan", "Egyptian"], "Jaghboub", 88967, "Al Jaghbūb"),
    ("Migrants from Niger were held at El Gatroun in southern Libya.",
     ["Niger", "Libya"], "El Gatroun", 2219739, "Al Qaţrūn"),
    ("Malian soldiers left Tesalit for the Algerian border.",
     ["Malian", "Algerian"], "Tesalit", 2449893, "Tessalit"),
    ("Mauritanian troops in Aioun el Atrouss were sent to the Malian border.",
     ["Mauritanian", "Malian"], "Aioun el Atrouss", 2381291, "Ayoun El Atrous"),
    ("Mauritanian soldiers stopped a convoy near Bir Moghrein, close to Algeria.",
     ["Mauritanian", "Algeria"], "Bir Moghrein", 2380975, "Bîr Mogreïn"),
    ("Chadian troops reinforced Auzu near the Libyan border.",
     ["Chadian", "Libyan"], "Auzu", 2436628, "Aouzou"),
    ("Chadian troops reinforced Zuwar near the Libyan border.",
     ["Chadian", "Libyan"], "Zuwar", 2424015, "Zouar"),
    ("Sudanese refugees crossed into Chad at Adre on Monday.",
     ["Sudanese", "Chad"], "Adre", 245669, "Adré"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "context", "spelling", "geonameid", "name"), PROBES, ids=[p[2] for p in PROBES])
def test_a_town_resolves_under_the_region_s_spellings_in_its_country_context(
    geoparser, text, context, spelling, geonameid, name
) -> None:
    _assert_resolves(geoparser, text, context, spelling, geonameid, name)


def _assert_resolves(geoparser, text: str, context: list[str], spelling: str, geonameid, name: str) -> None:
    places = geoparser.resolve(text, [span(text, w) for w in [*context, spelling]])
    place = places[-1]
    assert place is not None, f"{spelling!r} unresolved"
    assert (str(place.geonameid), place.name) == (str(geonameid), name), f"{spelling!r} resolved to {place}"


@pytest.mark.parametrize(
    ("text", "context", "spelling", "geonameid", "name"), BORDER_STRIP_PROBES, ids=[p[2] for p in BORDER_STRIP_PROBES]
)
def test_a_border_strip_town_resolves_under_its_other_spellings(
    geoparser, text, context, spelling, geonameid, name
) -> None:
    _assert_resolves(geoparser, text, context, spelling, geonameid, name)


def test_a_tagged_name_known_only_by_its_vowel_shape_is_a_place_where_the_text_presents_it_as_one(geoparser) -> None:
    text = "Synthetic: Nigerien gendarmes stopped a lorry near Taoua on Sunday."
    entities = [(*span(text, "Nigerien"), "NORP"), (*span(text, "Taoua"), "GPE")]
    places = {p.text: p for p in geoparser.find_places(text, entities)}
    assert "Taoua" in places and str(places["Taoua"].geonameid) == "2439376"


def test_a_tagged_name_known_only_by_its_vowel_shape_is_no_place_on_its_own(geoparser) -> None:
    # The entity model takes a person's short name for a place; its vowel shape reaches towns, the text no place.
    text = "Synthetic: Nigerien officials said Tawah welcomed the delegation on Sunday."
    entities = [(*span(text, "Nigerien"), "NORP"), (*span(text, "Tawah"), "GPE")]
    assert "Tawah" not in {p.text for p in geoparser.find_places(text, entities)}


def test_a_vowel_shape_in_a_neighbouring_country_is_not_the_report_s_town(geoparser) -> None:
    # 'Gossi' (Mali) is not in the index; its vowel shape reaches Gousi, a village of Burkina Faso next door.
    text = "Synthetic: a roadside bomb killed three Malian soldiers near Gossi on Tuesday, the army said."
    places = geoparser.resolve(text, [span(text, "Malian"), span(text, "Gossi")])
    assert places[1] is None or places[1].country == "ML"


def test_an_acronym_is_no_loose_spelling_of_a_town(geoparser) -> None:
    # 'FIFA' has the vowel shape of Fife; 'at' presents it as a place, but a short word in capitals is an acronym.
    text = "Synthetic: investigators looked into corruption at FIFA, officials in London said."
    entities = [(*span(text, "FIFA"), "ORG"), (*span(text, "London"), "GPE")]
    assert "FIFA" not in {p.text for p in geoparser.find_places(text, entities)}


def test_a_short_name_the_report_s_countries_agree_with_keeps_its_exact_namesake(geoparser) -> None:
    # Synthetic: 'Tawa' is also Tahoua's Hausa name; a report about New Zealand means the suburb of Wellington.
    text = "Synthetic: a water main burst in Tawa, north of Wellington, New Zealand, on Monday."
    places = geoparser.resolve(text, [span(text, w) for w in ["Tawa", "Wellington", "New Zealand"]])
    assert places[0] is not None and places[0].country == "NZ"


def test_a_spelling_the_report_s_countries_do_not_agree_with_is_not_read_as_a_small_foreign_town(geoparser) -> None:
    # Nothing in the report points to Egypt or its neighbours: the loose spelling is not the small Egyptian town.
    text = "Synthetic: the Salloum family opened a bakery on Main Street in Springfield, Illinois, on Monday."
    places = geoparser.resolve(text, [span(text, w) for w in ["Salloum", "Springfield", "Illinois"]])
    assert [p.country for p in places[1:]] == ["US", "US"]
    assert places[0] is None or places[0].country != "EG"


CROSSINGS = [
    # (sentence, the name, the label the entity model gave it, the expected place's GeoNames id)
    ("Egyptian border guards seized rifles in a lorry arriving from Libya at the Salloum land port on Monday.",
     "Salloum", "NORP", "359867"),
    ("Algerian customs closed the Tinzaouatene border post after a shooting on the Malian side.",
     "Tinzaouatene", "PERSON", "bw:dz-tin-zaouatine"),
    ("Tunisian guards reopened the Ras Jedir crossing point on Friday after talks with Libya.",
     "Ras Jedir", "NORP", "bw:tn-ras-ajdir"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "label", "geonameid"), CROSSINGS, ids=[c[1] for c in CROSSINGS])
def test_a_name_before_the_word_for_a_border_crossing_is_a_place(geoparser, text, name, label, geonameid) -> None:
    entities = [(*span(text, name), label)]
    places = {p.text: p for p in geoparser.find_places(text, entities)}
    assert name in places, f"{name!r} not recognised: {sorted(places)}"
    assert str(places[name].geonameid) == geonameid


def test_a_group_s_name_before_other_words_stays_no_place(geoparser) -> None:
    text = "Synthetic: the Salloum clan elders met the governor on Monday to settle a land dispute."
    places = geoparser.find_places(text, [(*span(text, "Salloum"), "NORP")])
    assert "Salloum" not in {p.text for p in places}


def test_an_event_at_a_border_crossing_under_a_loose_spelling_is_placed_at_the_town(geoparser) -> None:
    text = "Egyptian border guards seized rifles in a lorry arriving from Libya at the Salloum land port on Monday."
    entities = [(*span(text, "Egyptian"), "NORP"), (*span(text, "Libya"), "GPE"), (*span(text, "Salloum"), "NORP")]
    places = geoparser.find_places(text, entities)
    location = geoparser.locate_event(text, Evidence(sentence=text, start=0, end=len(text)), places)
    # Was: Libya, at precision 3.
    assert location is not None and str(location.geonameid) == "359867" and location.geo_precision == 1
    assert location.border == "EGY-LBY"
