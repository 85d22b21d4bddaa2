"""Headlines and datelines: where a sentence stands in its report (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.extract._habitual import is_history
from borderwatch.extract._layout import dateline_date, dateline_places, mark_layout
from borderwatch.extract._segment import split_sentences


def layout(text: str, title: str | None = None):
    return mark_layout(split_sentences(text), title)


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("BONI, Mali, Nov 14 (Synthetic Wire) — Militants ambushed a convoy.", "BONI, Mali, Nov 14 (Synthetic Wire) —"),
        ("N'DJAMENA, May 8 (Synthetic Wire) — The army said it won.", "N'DJAMENA, May 8 (Synthetic Wire) —"),
        ("Tunis, 2 September 2025 — Army units were deployed.", "Tunis, 2 September 2025 —"),
        ("Bamako, 13 May 2025. The Director of Information.", "Bamako, 13 May 2025."),
        ("On 12 May 2023, JNIM militants attacked a post.", ""),
        ("Tuesday, April 9 — nothing happened.", ""),
        ("25 August 2025. Riots (mob violence).", ""),
        # a communiqué's label is who speaks, parsed as blanks like a dateline
        ("Ministry of Defence communiqué: on 9 June a unit arrested four men.", "Ministry of Defence communiqué: "),
        ("Déclaration du ministère : deux gardes ont été tués.", "Déclaration du ministère : "),
        ("Gunmen attacked the post, the army said in a statement: two soldiers died.", ""),
    ],
)
def test_datelines_are_found_at_a_sentence_start(opening: str, dateline: str) -> None:
    first = layout(opening)[0]
    assert first.text[: first.lead] == dateline


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("BONI, Mali, Nov 14 (Synthetic Wire) — Militants ambushed a convoy.", ["BONI", "Mali"]),
        ("Title line\n\nBordj Badji Mokhtar, 3 March 2025 — Guards arrested two smugglers.", ["Bordj Badji Mokhtar"]),
        ("On 12 May 2023, JNIM militants attacked a post in Boni, Mali.", []),
    ],
)
def test_the_places_a_dateline_names_are_given_for_the_geoparser(text: str, places: list[str]) -> None:
    # SYNTHETIC: the parse sees a dateline as blanks, so these spans are all that names its places.
    assert [text[start:end] for start, end in dateline_places(layout(text))] == places


def test_headline_is_a_short_first_line_without_full_stop() -> None:
    sentences = layout("Gunmen kill 11 at market in Niger\nNIAMEY, Feb 26 (Wire) — Gunmen attacked a market.")
    assert [s.headline for s in sentences] == [True, False]
    assert not layout("Gunmen attacked a market.\nThe army arrived later.")[0].headline
    assert not layout("One line only, no body")[0].headline


def test_the_title_repeated_as_first_line_is_the_headline() -> None:
    sentences = layout("Niger: toll rises to 14.\nThe toll rose to 14.", title="Niger: toll rises to 14.")
    assert sentences[0].headline


def test_a_dateline_with_its_year_stands_in_for_the_publication_date() -> None:
    assert dateline_date(layout("Algiers, 21 January 2025 — Communiqué\nUnits arrested three men.")) == dt.date(
        2025, 1, 21
    )
    assert dateline_date(layout("BONI, Mali, Nov 14 (Wire) — Militants ambushed a convoy.")) is None


@pytest.mark.parametrize(
    ("date", "precision", "reference", "history"),
    [
        ("2023-12-01", 3, "2025-03-04", True),  # "in late 2023", told in a 2025 story
        ("2025-01-01", 3, "2025-04-09", False),  # "during the January meeting": a recent happening, still coded
        ("2025-03-01", 1, "2025-03-04", False),
    ],
)
def test_history_is_a_date_long_before_the_reports_events(date, precision, reference, history) -> None:
    assert is_history(dt.date.fromisoformat(date), precision, dt.date.fromisoformat(reference)) is history
