"""Name keys: spellings of one place meet, capitalised words that name nothing are left out. All synthetic."""

from __future__ import annotations

from borderwatch.fuse import name_keys, name_keys_within, names_place, place_keys
from borderwatch.fuse._names import lead_keys, skeleton


def test_spellings_of_one_place_share_a_key() -> None:
    spellings = [
        ("In Guezzam", "Aïn Guezzam"),
        ("In Guezzam", "In-Guezzam"),
        ("Bordj Badji Mokhtar", "Bourj Baji Mukhtar"),
        ("Aguelhok", "Aguel'hoc"),
        ("Tinzaouatène", "Tinzawaten"),
        ("Tin Zaouatine", "Tinzaouatène"),
        ("Ben Guerdane", "Ben Gardane"),
        ("Kasserine", "Qasserine"),
        ("Ras Ajdir", "Ras Jedir"),
    ]
    for a, b in spellings:
        assert place_keys(a) & place_keys(b), (a, b)


def test_different_places_keep_different_keys() -> None:
    for a, b in [("Tessalit", "Aguelhok"), ("Ouallam", "Ayorou"), ("Illizi", "In Amenas"), ("Gao", "Kidal")]:
        assert not place_keys(a) & place_keys(b), (a, b)


def test_short_names_are_their_own_key() -> None:
    assert skeleton("Gao") == "gao" and skeleton("Ayorou") == "ayorou"


def test_two_consonant_names_of_four_letters_or_more_keep_their_skeleton() -> None:
    assert place_keys("Dehiba") == place_keys("Dhiba") == place_keys("Dhehiba")
    assert not place_keys("Dehiba") & place_keys("Abala")


def test_a_generic_part_joins_the_run_together_key() -> None:
    assert place_keys("In-Tahaka") & place_keys("Intahaka")
    assert name_keys("Miners at In-Tahaka said eight died.") & place_keys("Intahaka")


def test_lead_keys_are_the_names_before_the_place() -> None:
    text = "SYNTHETIC. Gunmen attacked the camp at Aguelhok, about 80 km south of Tessalit, on Sunday."
    assert lead_keys(text, 0, len(text), place_keys("Aguelhok")) == frozenset()
    assert lead_keys(text, 0, len(text), place_keys("Tessalit")) == place_keys("Aguelhok")
    assert lead_keys(text, 0, len(text), place_keys("Kidal")) == name_keys(text)  # the place is not named


def test_sentence_names_leave_out_weekdays_countries_institutions_and_acronyms() -> None:
    keys = name_keys("SYNTHETIC. On Sunday the Malian army and JNIM fought near Tessalit, in Mali's Kidal region.")
    assert keys == place_keys("Tessalit") | place_keys("Kidal")


def test_a_capital_opening_a_sentence_is_not_a_name_unless_it_heads_a_colon() -> None:
    assert name_keys("Gunmen attacked the market.") == frozenset()
    assert name_keys("Menaka: gunmen attacked the market.") == place_keys("Menaka")
    assert place_keys("Ouallam") <= name_keys("OUALLAM, Niger, April 7 (Synthetic Wire) — Gunmen attacked.")


def test_elided_articles_and_credits() -> None:
    assert name_keys("Des soldats ont arrêté vingt hommes à l'est d'In Guezzam.") == place_keys("In Guezzam")
    assert name_keys("Gunmen attacked a camp (Synthetic Wire).") == frozenset()


def test_names_of_a_text_span() -> None:
    text = "SYNTHETIC. The post of Abala was attacked. Ten soldiers were killed."
    start = text.index("Ten")
    assert name_keys_within(text, start, len(text)) == frozenset()
    assert name_keys_within(text, 0, start) == place_keys("Abala")


def test_a_place_the_report_does_not_name_is_not_trusted() -> None:
    text = "SYNTHETIC. The Islamic State Sahel Province claimed the rocket fire on Gao airport."
    assert not names_place(text, "Sulu")  # a geocoder's misreading of "Sahel Province"
    assert names_place(text, "Gao")
    assert names_place("SYNTHETIC. Jets struck a convoy west of Siwa.", "Sīwah")
    assert names_place("SYNTHETIC. Three men were arrested.", "Mali")  # a country: nothing to check


def test_a_generic_part_run_into_two_names_does_not_make_them_alike() -> None:
    from borderwatch.fuse._score_place import _keys_alike_uncached

    def alike(one: str, other: str) -> bool:
        return any(_keys_alike_uncached(a, b) for a in place_keys(one) for b in place_keys(other))

    # Two mountains of Kasserine: "jblsm" / "jblsmb" and "mntsm" / "mntslm" were alike by ratio.
    assert not alike("Jebel Semmama", "Jebel Chaambi")
    assert not alike("Mount Semmama", "Mont Salloum")
    assert not alike("Mount Chaambi", "Mount Semmama")
    # One mountain, one town, however spelt.
    assert alike("Mount Chaambi", "Mont Chambi")
    assert alike("Jebel Chaambi", "Djebel Chambi")
    assert alike("Anderamboukane", "Anderanboukane")
    assert alike("Bordj Badji Mokhtar", "Bourj Baji Mukhtar")
