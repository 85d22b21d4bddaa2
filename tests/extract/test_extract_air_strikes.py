"""Which strikes are air/drone strikes, round types30b (issue 3): the aircraft that made a strike, read from the parse
(the striking verb's subject or 'by' agent, the strike noun's modifier or 'by'/'from' object), types it when no
fixed phrase does; so does what it was made with or from ('with drones', 'from an aircraft', 'from the
air'). Synthetic sentences about invented incidents in real places."""

from __future__ import annotations

import pytest
from extract_helpers import sub_types_and_tolls

from borderwatch.extract._air_strikes import aircraft_strikes

pytestmark = pytest.mark.slow


def _events(extractor, text: str, published: str = "2027-06-10") -> list[tuple[str, int | None]]:
    return sub_types_and_tolls(extractor, text, published)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # wire: the aircraft is the verb's subject
        ("Villagers in Tillaberi said a military plane bombed a market on Thursday, killing five civilians.", 5),
        ("Residents reported that warplanes bombarded the outskirts of Murzuq overnight; two civilians died.", 2),
        # communiqué: passive, the aircraft in the 'by' agent
        ("The outpost near Boulkessi was bombed by a military plane on Sunday; three soldiers died.", 3),
        # summary: the aircraft names the strike
        ("A helicopter strike killed eight militants near Djibo on Monday, the army said.", 8),
        ("An attack from a drone killed two smugglers near Ubari on Thursday.", 2),
    ],
)
def test_a_strike_an_aircraft_made_is_an_air_strike(extractor, text: str, dead: int) -> None:
    assert _events(extractor, text) == [("Air/drone strike", dead)]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # guards: the aircraft is the target, or not the one striking, or 'fighters' are people
        ("Militants fired on an army helicopter near Menaka on Sunday; no one was hurt.", "Armed clash"),
        (
            "Helicopters evacuated the wounded after jihadists attacked a checkpoint near Boulkessi on Friday, "
            "killing two soldiers.",
            "Armed clash",
        ),
        ("Gunmen attacked a village near Djibo on Monday, killing six civilians.", "Attack"),
        ("Soldiers shot down a drone near Boulkessi on Monday.", "Disrupted weapons use"),
    ],
)
def test_an_aircraft_struck_at_or_standing_by_makes_no_air_strike(extractor, text: str, sub_type: str) -> None:
    assert [sub for sub, _ in _events(extractor, text)] == [sub_type]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the aircraft as the instrument or the source of the strike
        ("The army said it struck the camp near Tillaberi with drones on Friday, killing 13 fighters.", 13),
        ("Two civilians were killed near Murzuq on Tuesday by a missile launched from an aircraft.", 2),
        ("Security forces used helicopters to strike militant hideouts near Menaka on Wednesday, killing 6.", 6),
        ("A drone-strike killed four smugglers near Ubari on Monday.", 4),
        # whatever flew it, a strike from the air (English and French)
        ("The convoy was hit from the air near Djibo on Monday; nine militants were killed.", 9),
        ("Le convoi a été frappé depuis les airs près de Ménaka lundi; neuf terroristes ont été tués.", 9),
    ],
)
def test_a_strike_made_with_or_from_an_aircraft_is_an_air_strike(extractor, text: str, dead: int) -> None:
    assert _events(extractor, text) == [("Air/drone strike", dead)]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # field notes: a bare "strikes on ..." beside the aircraft seen or heard
        (
            "Field report, Djibo: drone overhead from 0600, two strikes on a compound east of town at 0640. "
            "Six dead per locals.",
            6,
        ),
        ("Observation: strikes on the market at Ubari, 2 blasts heard, aircraft seen before. 3 dead.", 3),
        ("Relevé terrain: frappe sur un campement au nord de Ménaka vers 06h00, drone entendu; quatre morts.", 4),
    ],
)
def test_a_strike_on_a_target_beside_an_aircraft_is_an_air_strike(extractor, text: str, dead: int) -> None:
    assert _events(extractor, text) == [("Air/drone strike", dead)]


@pytest.mark.parametrize(
    "text",
    [
        "Workers' strike on the port of Zarzis on Monday over unpaid wages.",
        "The union called a strike against the new customs rules in Ben Guerdane on Monday.",
    ],
)
def test_a_strike_with_no_aircraft_is_no_air_strike(extractor, text: str) -> None:
    assert "Air/drone strike" not in [sub for sub, _ in _events(extractor, text)]


def test_the_cue_covers_the_striking_word(extractor) -> None:
    text = "Warplanes pounded a camp near Tillaberi."
    doc = extractor.nlp(text)
    assert [text[h.start : h.end] for h in aircraft_strikes(doc, [])] == ["pounded"]
