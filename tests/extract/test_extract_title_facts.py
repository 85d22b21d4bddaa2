"""Facts told only in a report's title (issue 3): a title the text does not repeat lends its toll to the body's event,
never codes an event of its own and never outweighs the body's own count (SYNTHETIC reports about invented
incidents, real place names)."""

from __future__ import annotations

import pytest
from extract_helpers import report

from borderwatch.extract._layout import mark_layout
from borderwatch.extract._segment import split_sentences
from borderwatch.extract._title_facts import title_sentence

_PUBLISHED = "2025-09-10"


def _events(extractor, text: str, title: str | None):
    return extractor(report(text, published=_PUBLISHED, title=title)).events


@pytest.mark.parametrize(
    ("title", "text", "dead"),
    [
        # English wire: the toll only in the title
        (
            "Six gendarmes killed in ambush near Ouallam",
            "OUALLAM, Niger, Sept 9 (Synthetic Wire) — Unidentified gunmen ambushed a gendarmerie patrol near "
            "Ouallam on Monday, the interior ministry said. Reinforcements were sent to the area.",
            6,
        ),
        # French communiqué: the toll only in the title
        (
            "Quatre militaires tués dans l'attaque du poste de Mentao",
            "Communiqué de l'état-major : le poste militaire de Mentao a été attaqué lundi par des individus armés "
            "non identifiés. Les assaillants ont été repoussés et un ratissage est en cours.",
            4,
        ),
        # English communiqué: the toll only in the title
        (
            "Three soldiers killed in attack on Anderamboukane camp",
            "Ministry of Defence communiqué: on 8 September, terrorist elements attacked the military camp of "
            "Anderamboukane. The unit repelled the assault and a sweep is under way.",
            3,
        ),
        # English wire: the body counts its dead without a number
        (
            "Eleven soldiers killed in attack on Diapaga post",
            "DIAPAGA, Burkina Faso, Sept 9 (Synthetic Wire) — Gunmen on motorbikes attacked the army post at "
            "Diapaga on Monday, the army said. The attack left several dead among the troops, a local official said.",
            11,
        ),
        # French wire: the body counts its dead without a number
        (
            "Sept civils tués dans une attaque contre le marché d'Ansongo",
            "Des hommes armés ont attaqué le marché d'Ansongo lundi, faisant plusieurs morts parmi les civils, "
            "selon des sources locales.",
            7,
        ),
    ],
)
def test_a_toll_told_only_in_the_title_is_the_events(extractor, title: str, text: str, dead: int) -> None:
    (event,) = _events(extractor, text, title)
    assert event.fatalities == dead
    assert event.evidence.sentence in text  # the body's sentence proves it, not the title


def test_the_bodys_own_count_outweighs_the_titles(extractor) -> None:
    text = "Gunmen attacked a village near Kaya on Sunday, killing five civilians, a local official said."
    (event,) = _events(extractor, text, "Fourteen killed in Kaya attack")
    assert event.fatalities == 5


@pytest.mark.parametrize(
    "title",
    [
        "Nine soldiers killed in attack on Inata camp",  # another place: an earlier attack the story follows up
        "Neuf soldats tués à Tongo Tongo",
    ],
)
def test_a_title_about_another_happening_lends_nothing(extractor, title: str) -> None:
    text = (
        "Unidentified gunmen attacked a police checkpoint near Gorom-Gorom on Monday, the regional governor said. "
        "The assailants fled towards the border."
    )
    (event,) = _events(extractor, text, title)
    assert event.fatalities == 0


def test_a_title_never_makes_an_event_of_its_own(extractor) -> None:
    assert (
        _events(
            extractor,
            "The weather in the region remained hot this week, officials said.",
            "Five smugglers killed near Ghat",
        )
        == []
    )
    text = "Gunmen attacked a patrol near Tera on Sunday. The army said the assailants fled."
    assert len(_events(extractor, text, "Two soldiers killed in Tera ambush")) == len(_events(extractor, text, None))


@pytest.mark.parametrize(
    ("title", "text", "read"),
    [
        ("Soldiers killed near Boni", "Gunmen killed two soldiers near Boni.", True),
        ("Soldiers killed near Boni", "Soldiers killed near Boni\n\nGunmen killed two soldiers near Boni.", False),
        ("Soldiers killed near Boni", "Attack near Boni\n\nGunmen killed two soldiers near Boni.", False),
        (None, "Gunmen killed two soldiers near Boni.", False),
    ],
)
def test_the_title_is_read_only_when_the_text_does_not_repeat_it(title, text: str, read: bool) -> None:
    sentence = title_sentence(title, mark_layout(split_sentences(text), title))
    assert (sentence is not None) == read
    if sentence is not None:
        assert sentence.headline and sentence.index < 0


def test_the_titles_day_dates_an_event_the_body_dates_only_by_its_telling(extractor) -> None:
    text = (
        "Des hommes armés ont attaqué le poste militaire de Bankilaré, tuant trois gardes, a indiqué mercredi le "
        "ministère de l'Intérieur."
    )
    (event,) = _events(extractor, text, "Attaque du poste de Bankilaré lundi : trois gardes tués")
    assert event.date == "2025-09-08"  # the Monday before publication, not the Wednesday it was told


def test_a_title_dated_otherwise_than_the_body_lends_no_toll(extractor) -> None:
    text = "Unidentified gunmen attacked the army post at Kiffa on Monday, the defence ministry said."
    (event,) = _events(extractor, text, "Four soldiers killed in attack on Kiffa post on 12 April")
    assert (event.fatalities, event.date) == (0, "2025-09-08")
