"""The actor registry: aliases in three languages, acronyms, ACLED names with periods, generic actors."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.extract._registry import load_registry

AQIM = "AQIM: Al Qaeda in the Islamic Maghreb"


def named(text: str) -> list[str]:
    registry = load_registry()
    return [registry.actor_for(m, None, None).name for m in registry.find(text) if m.named]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Qaeda in Islamic Maghreb claimed it.",
        "AQIM claimed it.",
        "al-Qaïda au Maghreb islamique a revendiqué l'attaque.",
        "Tanzim al-Qaida fi Bilad al-Maghrib al-Islami claimed it.",
        "Al Qaeda in the Islamic Maghreb claimed it.",
    ],
)
def test_aliases_resolve_to_one_actor(text: str) -> None:
    assert named(text) == [AQIM]


def test_acronyms_are_case_sensitive() -> None:
    assert named("The CMA signed the accord.") == ["CMA: Coordination of Azawad Movements"]
    assert named("The cma of the farm was far from the ant hill.") == []


@pytest.mark.parametrize(
    ("text", "date", "name", "country"),
    [
        ("Malian soldiers", dt.date(2022, 5, 1), "Military Forces of Mali (2021-)", "ML"),
        ("Malian soldiers", dt.date(2016, 5, 1), "Military Forces of Mali (2013-2020)", "ML"),
        ("the FAMa", None, "Military Forces of Mali (2021-)", "ML"),
        ("Tunisian police", dt.date(2021, 1, 1), "Police Forces of Tunisia (2019-)", "TN"),
        ("the army of Niger", dt.date(2023, 8, 1), "Military Forces of Niger (2023-)", "NE"),
        ("Algeria's army", None, "Military Forces of Algeria (2019-)", "DZ"),
        ("the Armée nationale populaire", None, "Military Forces of Algeria (2019-)", "DZ"),
    ],
)
def test_state_forces_are_named_by_period(text: str, date: dt.date | None, name: str, country: str) -> None:
    registry = load_registry()
    mention = registry.find(text)[0]
    actor = registry.actor_for(mention, date, None)
    assert (actor.name, actor.type, actor.country) == (name, 1, country)


@pytest.mark.parametrize(
    ("word", "country", "name", "type_"),
    [
        ("gunmen", "LY", "Unidentified Armed Group (Libya)", 3),
        ("villagers", "NE", "Civilians (Niger)", 7),
        ("protesters", "DZ", "Protesters (Algeria)", 6),
        ("rioters", "TN", "Rioters (Tunisia)", 5),
    ],
)
def test_generic_actors_take_the_event_country(word: str, country: str, name: str, type_: int) -> None:
    registry = load_registry()
    mention = registry.find(f"The {word} left.")[0]
    actor = registry.actor_for(mention, None, country)
    assert (actor.name, actor.type, actor.country) == (name, type_, country)


def test_shared_alias_is_resolved_by_country() -> None:
    registry = load_registry()
    mention = registry.find("Ansar al-Sharia fighters")[0]
    assert registry.actor_for(mention, None, "LY").name == "Ansar al Sharia (Libya)"
    assert registry.actor_for(mention, None, "TN").name == "Ansar al Sharia (Tunisia)"


def test_components_are_coded_as_their_umbrella_after_it_formed() -> None:
    registry = load_registry()
    mention = registry.find("Katiba Macina fighters")[0]
    assert registry.actor_for(mention, dt.date(2015, 1, 1), None).name == "Katiba Macina"
    assert registry.actor_for(mention, dt.date(2019, 1, 1), None).name == "JNIM: Group for Support of Islam and Muslims"


def test_generic_word_next_to_a_name_is_that_group() -> None:
    registry = load_registry()
    mentions = registry.find("JNIM militants and jihadists of the Islamic State in the Greater Sahara clashed")
    assert [registry.actor_for(m, None, None).name for m in mentions] == [
        "JNIM: Group for Support of Islam and Muslims",
        "Islamic State (Sahel)",
    ]


def test_unknown_organisations_become_new_actors_with_a_guessed_type() -> None:
    registry = load_registry()
    text = "The Azawad Salvation Brigade attacked"
    mention = registry.org_mention(text, 4, 28)
    assert mention is not None
    actor = registry.actor_for(mention, None, "ML")
    assert (actor.name, actor.type) == ("Azawad Salvation Brigade", 2)


def test_misspelt_organisation_is_matched_fuzzily() -> None:
    registry = load_registry()
    text = "Al Qaida in the Islamik Maghreb"
    mention = registry.org_mention(text, 0, len(text))
    assert mention is not None and registry.actor_for(mention, None, None).name == AQIM


def test_a_name_with_nothing_of_an_organisation_is_no_actor() -> None:
    registry = load_registry()
    assert registry.org_mention("the Bourj Baji Mukhtar", 0, 22) is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Fighting along the Niger river near Gao (synthetic).", []),
        ("Boats were seized in the inner delta du Niger (synthetic).", []),
        ("Herders crossed the Niger Delta region (synthetic).", []),
        ("Niger troops crossed into Mali (synthetic).", ["NE", "ML"]),
        ("Algerian state television reported the clash (synthetic).", ["DZ"]),
        ("The Niger-Mali border was closed (synthetic).", ["NE", "ML"]),
    ],
)
def test_a_feature_named_after_a_country_is_not_the_country(text: str, codes: list[str]) -> None:
    assert [code for _, _, code in load_registry().countries_in(text)] == codes


@pytest.mark.parametrize(
    ("text", "name"),
    [  # SYNTHETIC sentences
        ("Fighters of the Patriotic Liberation Front attacked the post.", "FPL: Patriotic Liberation Front"),
        ("Le Front patriotique de libération a revendiqué l'attaque.", "FPL: Patriotic Liberation Front"),
        ("The FPL claimed the sabotage.", "FPL: Patriotic Liberation Front"),
        (
            "The CCMSR said its men held the gold field.",
            "CCMSR: Military Command Council for the Salvation of the Republic",
        ),
        (
            "The Polisario Front fired shells.",
            "POLISARIO: Popular Front for the Liberation of Saguia el Hamra and Rio de Oro",
        ),
        ("Lakurawa militants stole cattle.", "Lakurawa"),
    ],
)
def test_active_sahel_and_maghreb_groups_are_in_the_registry(text: str, name: str) -> None:
    assert named(text) == [name]
