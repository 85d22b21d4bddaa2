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
