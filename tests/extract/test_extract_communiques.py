"""Agency communiqués and event notes (SYNTHETIC reports about invented incidents): a toll's later update, the
sub-type an ACLED-style label states, and the force a first-person communiqué speaks for."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._event_notes import stated_sub_type
from borderwatch.extract._ontology import load_ontology


def _only_event(extractor, text: str, published: str = "2025-05-20"):
    (event,) = extractor(report(text, published=published)).events
    return event


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a source's later figure updates the toll
        ("On 14 May 2025, militants ambushed a Malian army convoy near Hombori. Three soldiers were killed. "
         "Officials later put the toll at 8.", 8),
        ("On 14 May 2025, gunmen shot dead two herders near Tahoua. The toll was later raised to 5.", 5),
        # a claim stays a competing figure, however late: the lowest is coded
        ("On 14 May 2025, militants ambushed a Malian army convoy near Hombori, killing three soldiers. "
         "The group later claimed to have killed 25.", 3),
    ],
)  # fmt: skip
def test_a_later_toll_updates_and_a_claim_competes(extractor, text: str, toll: int) -> None:
    assert _only_event(extractor, text).fatalities == toll


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("On 3 May 2025, villagers near Sikasso seized a man accused of stealing goats and beat him to death. "
         "Riots (mob violence).", "Mob violence"),
        ("Riots (mob violence). On 3 May 2025, a crowd in Mopti lynched a man accused of theft.", "Mob violence"),
        ("On 3 May 2025, students threw stones at shops and burned tyres in Sidi Bouzid. "
         "Riots (violent demonstration).", "Violent demonstration"),
        # the note's other sentence of the riot is the same happening, not a second riot of the default sub-type
        ("3 May 2025. Riots (mob violence). Mopti, Mali. Rioters set fire to a police post in the Komoguel "
         "neighbourhood of Mopti and blocked roads with burning tyres. Security forces fired tear gas to disperse "
         "the crowd. No fatalities reported during the riot; 2 police officers injured.", "Mob violence"),
    ],
)  # fmt: skip
def test_an_acled_label_states_the_sub_type_of_the_event_it_describes(extractor, text: str, sub_type: str) -> None:
    event = _only_event(extractor, text)
    assert event.sub_event_type == sub_type
    assert "(" not in event.evidence.sentence  # the descriptive sentence is the evidence, not the label


def test_a_label_alone_codes_its_own_sentence(extractor) -> None:
    assert _only_event(extractor, "Riots (mob violence).").sub_event_type == "Mob violence"


def test_words_in_brackets_that_name_no_sub_type_are_no_label() -> None:
    ontology = load_ontology()
    assert stated_sub_type("Battles (armed clash).", ontology) == "Armed clash"
    assert stated_sub_type("Protests (armed clash).", ontology) is None  # the type disagrees with the sub-type
    assert stated_sub_type("Gunmen attacked Tessit (Gao region).", ontology) is None


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("Ministry of National Defence communiqué: On 12 May 2025, during a combing operation near Illizi, our units "
         "neutralised two terrorists and recovered a machine gun.",
         "Military Forces of Algeria (2019-)", "Unidentified Armed Group (Algeria)"),
        ("Communiqué de l'état-major général des armées : le 12 mai 2025, nos unités ont neutralisé quatre terroristes "
         "près de Ménaka, au Mali.",
         "Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)"),
        # an interior ministry's units are its police (Tunisia's National Guard), even in a clash
        ("Tunisian Ministry of the Interior statement: On 12 May 2025, our units clashed with an armed group in the "
         "mountains near Kasserine, killing two of its members.",
         "Police Forces of Tunisia (2019-)", None),
    ],
)  # fmt: skip
def test_a_communiques_first_person_units_are_its_speaker(extractor, text: str, actor1: str, actor2) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.name == actor1
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


def test_our_forces_in_a_later_sentence_are_still_the_speaker(extractor) -> None:
    text = (
        "Ministry of National Defence communiqué:\n"
        "On 12 May 2025, a patrol of the National People's Army intercepted a convoy of smugglers near In Guezzam.\n"
        "On 13 May 2025, near Tindouf, our forces killed three terrorists in an exchange of fire."
    )
    events = extractor(report(text, published="2025-05-14")).events
    clash = next(e for e in events if e.event_type == "Battles")
    assert clash.actor1 is not None and clash.actor1.name == "Military Forces of Algeria (2019-)"


def test_a_report_naming_no_country_is_the_country_of_the_forces_it_names(extractor) -> None:
    text = (
        "Ministry of National Defence communiqué:\n"
        "On 6 May 2025, a detachment of the National People's Army arrested two smugglers near Bordj Omar Driss.\n"
        "On 7 May 2025, gunmen killed two herders near Hassi Bel Guebbour."
    )
    events = extractor(report(text, published="2025-05-08")).events
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.actor1 is not None and attack.actor1.name == "Unidentified Armed Group (Algeria)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # Mali's National Guard is a branch of its armed forces (under the defence ministry): military
        ("Le 9 mai 2025, la Garde nationale a arrêté trois suspects près de Nioro, au Mali.",
         "Military Forces of Mali (2021-)"),
        # Tunisia's is under its interior ministry: police, as the general convention has it
        ("On 9 May 2025, the National Guard arrested three suspected smugglers near Remada, Tunisia.",
         "Police Forces of Tunisia (2019-)"),
    ],
)  # fmt: skip
def test_a_national_guard_is_coded_by_its_countrys_convention(extractor, text: str, actor1: str) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.name == actor1


def test_the_speakers_post_is_the_target(extractor) -> None:
    event = _only_event(
        extractor,
        "Tunisian Ministry of the Interior statement: On 16 May 2025, an armed group opened fire on our post near "
        "Sbeitla.",
    )
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Tunisia)"
    assert event.actor2 is not None and event.actor2.name == "Police Forces of Tunisia (2019-)"


def test_a_dates_year_is_no_count_of_the_dead(extractor) -> None:
    event = _only_event(
        extractor, "Two terrorists were neutralised on 16 May 2025 near In Guezzam by a detachment of the ANP."
    )
    assert event.fatalities == 2


def test_a_force_named_without_a_country_in_a_communique_is_the_speakers_countrys(extractor) -> None:
    event = _only_event(
        extractor,
        "MDN communiqué: On 16 May 2025, border guards arrested three Moroccan nationals smuggling cannabis near "
        "Maghnia.",
    )
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Algeria (2019-)"


@pytest.mark.parametrize(
    "text",
    [
        "On 17 May 2025, a patrol came under small-arms fire from unknown assailants near In Khalil.",
        "On 17 May 2025, a Tunisian army unit came under heavy machine-gun fire near Kasserine.",
    ],
)
def test_coming_under_any_kind_of_fire_is_a_clash(extractor, text: str) -> None:
    assert _only_event(extractor, text).sub_event_type == "Armed clash"


def test_a_field_reports_reaction_force_that_engages_and_detains_fights_a_clash(extractor) -> None:
    text = (
        "0520Z 18 MAY 2025. Post KILO-2 reports three armed men on motorbikes crossing the border 2 km N of the post. "
        "The quick reaction force engaged them; 1 hostile KIA, 1 detained."
    )
    event = _only_event(extractor, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of")


@pytest.mark.parametrize(
    "text",
    [
        "Communiqué de l'état-major : le 18 mai 2025, nos positions à Titao ont été attaquées par des individus "
        "armés ; la riposte vigoureuse de nos forces a permis de neutraliser une dizaine d'assaillants.",
        "Le 18 mai 2025, le poste de l'armée à Titao a été attaqué par des hommes armés ; la riposte des soldats a "
        "permis de neutraliser six assaillants.",
    ],
)
def test_french_attackers_initiate_and_the_responders_are_the_target(extractor, text: str) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of")
