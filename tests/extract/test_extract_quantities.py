"""Quantities by ACLED's rules: conservative figures, vague words, distinct groups added (synthetic sentences)."""

from __future__ import annotations

import pytest

from borderwatch.extract._quantities import fatalities_of, find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 12 May 2023, militants attacked a military post. 4 soldiers were killed.", 4),
        ("Gunmen killed two soldiers and three civilians.", 5),
        ("7 militants and 2 soldiers killed.", 9),
        ("A suicide bomber detonated his belt, killing 2 soldiers and himself.", 3),
        ("Dozens of people were killed in the raid.", 12),
        ("Tens of fighters died.", 10),
        ("Hundreds were killed, residents said; hundreds of people died.", 100),
        ("The army said it neutralised at least 30 terrorists.", 30),
        ("Gunmen killed between 10 and 15 people.", 10),
        ("15 civilians, including women and children, were killed.", 15),
        ("An angry mob lynched a man accused of theft.", 1),
        ("A soldier was killed when an IED exploded.", 1),
        ("Two suicide bombers blew themselves up at the gate.", 2),
        ("15 soldiers were killed and 20 others wounded.", 15),
        ("The death toll rose to 40 on Sunday.", 40),
        ("Four Malian soldiers and four Burkinabe soldiers were killed.", 8),
        ("7 soldiers and 2 Russian instructors were killed.", 9),
        ("Gunmen killed a village chief and his son near Ouallam.", 2),
        ("A suicide bomber blew himself up at a mosque, killing 6 worshippers and himself.", 7),
        ("At least seven Islamic State Sahel fighters were killed in a drone strike.", 7),
        ("The death toll from the attack by gunmen on the village at the weekend has risen to 22.", 22),
        ("The army reported 4 soldiers killed and 'at least 5' assailants killed.", 9),
        # lists of victims whose nouns the vocabulary does not know: what a killing verb takes is living
        ("Gunmen killed a ferryman, his two stepsons and a blacksmith near Tahoua.", 4),
        ("Militants executed a marabout and his three disciples near Douentza.", 4),
        ("Armed men shot dead the headmaster, two pupils and a cook at a school.", 4),
        ("Gunmen killed a midwife, a tanner and two goldsmiths on Friday.", 4),
        ("Gunmen killed the village chief, his wife and three schoolchildren.", 5),
        ("Jihadists killed three farmhands and a cook.", 4),
        ("The assailants wounded nine passengers and killing one.", 1),
        ("Trois bergers et un forgeron ont été tués dimanche par des hommes armés.", 4),
        ("Trois civils, dont une femme et son bébé, ont été tués samedi.", 3),
        # what follows a toll is not always more dead
        ("The raid killed at least six soldiers, the army said in a statement on Wednesday.", 6),
        ("Gunmen killed 4 across the region.", 4),
        ("Sixteen people, 10 soldiers and six civilians, were killed in the attack.", 16),
        ("Three soldiers and an interpreter were killed in the ambush.", 4),
        ("Three civilians, including a woman and her baby, were killed.", 3),
        ("The army killed 15 terrorists in the strikes. Local sources said at least 8 of the dead were civilians.", 15),
    ],
)  # fmt: skip
def test_fatalities(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen wounded five people.",
        "Police arrested 25 protesters.",
        "The army deployed 300 troops.",
        "The 5+5 Dialogue met in Algiers.",
        "Many people were worried.",
    ],
)
def test_no_fatalities_where_none_are_stated(text: str) -> None:
    assert fatalities_of(find_quantities(text)) is None


@pytest.mark.parametrize(
    ("text", "kind", "value", "qualifier"),
    [
        ("The ministry has deployed more than 20 monitoring centers on the border.", "posts", 20, "at_least"),
        ("Police arrested 25 protesters.", "arrests", 25, "exact"),
        ("Troops seized 12 Kalashnikov rifles.", "weapons", 12, "exact"),
        ("Customs seized three vehicles loaded with fuel.", "vehicles", 3, "exact"),
        ("A terrorist group consisting of 11 terrorists hid in the mountains.", "fighters", 11, "exact"),
        ("Gunmen kidnapped 8 women near the village.", "hostages", 8, "exact"),
        ("The blast wounded about 30 people.", "injured", 30, "about"),
    ],
)
def test_quantity_kinds(text: str, kind: str, value: int, qualifier: str) -> None:
    found = [(q.kind, q.value, q.qualifier) for q in find_quantities(text)]
    assert (kind, value, qualifier) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year is no count of the dead, and the count after it is still read
        ("On 12 June 2026 our forces neutralised five terrorists near Ménaka.", 5),
        ("Le 12 juin 2026, nos forces ont neutralisé cinq terroristes près de Ménaka.", 5),
        ("In 2025 our units killed four assailants near Tessit.", 4),
        ("SITREP 14/03/2026 2 FF KIA.", 2),
        ("The 2021 attack killed five soldiers.", 5),
        ("Des hommes armés ont tué le 12 mai 2024 cinq soldats près de Tessit.", 5),
        # a count of that size, followed by whom it counts, stays a count
        ("At least 2000 people were killed in 2019.", 2000),
    ],
)
def test_a_year_is_no_toll(text: str, expected: int) -> None:
    assert fatalities_of(find_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "hostages"),
    [
        ("Customs officers seized 3 000 litres of fuel near Ben Guerdane.", None),
        ("Customs officers seized 3,000 litres of fuel near Ben Guerdane.", None),
        ("Gunmen seized 12 villagers near Tillia.", 12),
        ("Gunmen took 12 hostages near Tillia.", 12),
        ("Gunmen kidnapped 12 near Tillia.", 12),
    ],
)
def test_goods_seized_are_no_hostages(text: str, hostages: int | None) -> None:
    found = [q.value for q in find_quantities(text) if q.kind == "hostages"]
    assert found == ([hostages] if hostages else [])


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("twenty-one", 21),
        ("dozens", 12),
        ("a dozen", 12),
        ("hundreds", 100),
        ("many", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value
