"""Towns of the Maghreb and the Sahel under the spellings the region's press uses (French, English, Arabic-derived
and Arabic chat), each in a sentence that gives some country context: a demonym, a neighbour, a border. Several
spellings are no name the index holds and are found only through transliteration skeletons, among large
namesakes elsewhere ('Salloum': Salem, India; 'Wargla': Algiers): the report's countries and the likeness of the
spelling must rank the right town first. Every sentence is SYNTHETIC: invented incidents in real places."""

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


@pytest.mark.parametrize(("text", "context", "spelling", "geonameid", "name"), PROBES, ids=[p[2] for p in PROBES])
def test_a_town_resolves_under_the_region_s_spellings_in_its_country_context(
    geoparser, text, context, spelling, geonameid, name
) -> None:
    places = geoparser.resolve(text, [span(text, w) for w in [*context, spelling]])
    place = places[-1]
    assert place is not None, f"{spelling!r} unresolved"
    assert (str(place.geonameid), place.name) == (str(geonameid), name), f"{spelling!r} resolved to {place}"


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
