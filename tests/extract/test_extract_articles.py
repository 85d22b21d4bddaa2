"""Full articles: headlines, datelines, background and habits, roles, tolls (invented reports; needs spaCy)."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow

AMBUSH = (
    "Soldiers killed in ambush near Boni\n"
    "BONI, Mali, Nov 14 (Synthetic Wire) — Militants ambushed an army supply convoy on the road between Boni and "
    "Hombori on Tuesday, killing at least six soldiers, the army said in a statement on Wednesday.\n"
    "The statement said 15 assailants were neutralised during the fighting.\n"
    "JNIM claimed the ambush on Thursday, saying its fighters had seized weapons.\n"
    "Boni has been under a blockade by jihadist groups since 2022, and convoys are frequently targeted.\n"
    "Kidnappings of traders for ransom have become common in the area.\n"
    "The army took control of the town of Douentza in late 2023 and has since relied on drones."
)


def codes(result):
    return [(e.sub_event_type, e.date, e.fatalities, e.actor1.name if e.actor1 else None) for e in result.events]


def test_one_ambush_however_many_sentences_tell_it(extractor) -> None:
    result = extractor(report(AMBUSH, published="2024-11-14"))
    # The headline, the toll, the claim (dated Thursday) join the ambush; the dateline dates nothing; the
    # blockade, the habit and the history are no events.
    assert codes(result) == [("Armed clash", "2024-11-12", 21, "JNIM: Group for Support of Islam and Muslims")]
    assert result.events[0].evidence.sentence.startswith("BONI, Mali")


def test_background_kept_with_its_modality_on_request(modal_extractor) -> None:
    result = modal_extractor(report(AMBUSH, published="2024-11-14"))
    modalities = {e.modality for e in result.events}
    assert {"generic", "background"} <= modalities


def test_toll_updated_in_a_later_sentence(extractor) -> None:
    text = (
        "A soldier was killed and two others were wounded by a landmine on Mount Salloum on Tuesday, the ministry "
        "said.\n"
        "A spokesman said on Wednesday that one of the wounded soldiers had died overnight, bringing the toll to two."
    )
    assert codes(extractor(report(text, published="2024-06-05"))) == [
        ("Remote explosive/landmine/IED", "2024-06-04", 2, "Unidentified Armed Group")
    ]


def test_conflicting_estimates_take_the_lower(extractor) -> None:
    text = (
        "On 16 February 2025, IS Sahel militants attacked a FAMa patrol near Anderamboukane, Mali. The army reported "
        "4 soldiers killed and 'at least 5' assailants killed; local sources reported at least 15 dead in total."
    )
    (event,) = extractor(report(text, published="2025-02-18")).events
    assert event.fatalities == 9


def test_security_forces_answering_an_attack_are_not_its_initiator(extractor) -> None:
    text = "Nigerien forces killed 15 terrorists who had attacked a convoy near Tillaberi, Niger, on Sunday."
    (event,) = extractor(report(text, published="2024-12-11")).events
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Niger)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Niger (2023-)"


def test_passive_perpetrator_and_victims(extractor) -> None:
    text = "On 14 January 2025, 5 civilians were killed by suspected IS Sahel militants in Tillia, Niger."
    (event,) = extractor(report(text, published="2025-01-16")).events
    assert (event.sub_event_type, event.fatalities) == ("Attack", 5)
    assert event.actor1 is not None and event.actor1.name == "Islamic State (Sahel)"


def test_blame_names_the_force_that_struck(extractor) -> None:
    text = (
        "Three people were killed on Monday when a drone struck a group at a well near Kidal, Mali.\n"
        "A rebel spokesman said the victims were herders and blamed the Malian army."
    )
    (event,) = extractor(report(text, published="2025-03-11")).events
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali (2021-)"


def test_a_protest_broken_up_in_the_next_sentence(extractor) -> None:
    text = (
        "On 18 February 2025, residents of Kolokani, Mali, took to the streets to protest against power cuts. "
        "Police dispersed them with tear gas."
    )
    (event,) = extractor(report(text, published="2025-02-20")).events
    assert event.sub_event_type == "Protest with intervention"


def test_list_items_of_a_communique_are_events_of_their_own(extractor) -> None:
    text = (
        "Algiers, 21 January 2025 — Results of the week from 14 to 20 January 2025:\n"
        "- Detachments arrested three support elements for terrorist groups in Tlemcen.\n"
        "- Detachments arrested 38 gold prospectors near In Guezzam and seized nine vehicles.\n"
        "- Border guards foiled attempts to smuggle 6,850 litres of fuel near Souk Ahras."
    )
    assert [e.sub_event_type for e in extractor(report(text)).events] == ["Arrests", "Arrests", "Other"]


def test_a_seizure_and_its_arrests_are_one_operation(extractor) -> None:
    text = (
        "Checkpoint 7 km SW of In Guezzam: seized 1 lorry loaded with 3,200 L diesel heading to Niger. "
        "3 drivers arrested."
    )
    assert len(extractor(report(text, published="2025-08-19")).events) == 1
