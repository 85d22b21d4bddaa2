"""Which events a report states and of which type, round types29 (issue 3): an interception or arrest whose people
opened fire, in a fight that killed, is one armed clash. Synthetic sentences about invented incidents in real
places."""

from __future__ import annotations

import pytest
from extract_helpers import report, sub_types_and_tolls

pytestmark = pytest.mark.slow


def _events(extractor, text: str, published: str = "2027-08-05") -> list[tuple[str, int | None]]:
    return sub_types_and_tolls(extractor, text, published)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Customs officers intercepted a convoy of smugglers near Ben Guerdane on Tuesday. The smugglers opened "
            "fire and one of them was killed in the exchange.",
            1,
        ),
        (
            "Gendarmes arrested four traffickers near Djanet on Monday. The traffickers fired on the patrol and two "
            "gendarmes were killed.",
            2,
        ),
        (
            "Des douaniers ont intercepté mardi des contrebandiers près de Ben Guerdane. Les contrebandiers ont ouvert "
            "le feu sur les douaniers et l'un d'eux a été tué.",
            1,
        ),
        (
            "Soldiers detained two smugglers near Remada on Sunday. They opened fire on the soldiers, and one "
            "smuggler was shot dead.",
            1,
        ),
    ],
)
def test_an_arrest_whose_people_fought_back_and_died_is_one_clash(extractor, text: str, dead: int) -> None:
    assert _events(extractor, text) == [("Armed clash", dead)]


def test_resistance_to_an_arrest_without_deaths_stays_the_arrest(extractor) -> None:
    # guard: with no one killed the arrest is the happening, the fire its people opened part of it
    text = "Police arrested three suspects in Gao on Monday. The suspects had opened fire on the officers."
    assert [sub for sub, _ in _events(extractor, text)] == ["Arrests"]


def _dated(extractor, text: str) -> list[tuple[str, str | None]]:
    (result,) = extractor.pipe([report(text, "2027-08-05")])
    return [(e.sub_event_type, e.date) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "The governor visited Arbinda on Tuesday, where jihadists had killed eleven villagers last year.",
        "Militants attacked the Djibo camp two years ago, killing ten soldiers, the army recalled on Tuesday.",
        "On Tuesday the minister went to Solhan, where gunmen killed dozens of residents two years ago.",
        "Gunmen killed four herders near Djibo on Monday. The governor, visiting Arbinda on Tuesday, recalled that "
        "jihadists had attacked the town the previous year.",
    ],
)
def test_a_happening_a_year_or_more_before_takes_no_day_of_the_sentence(extractor, text: str) -> None:
    # the recalled attack is no recent event told in passing: it is not coded with the visit's or telling's day
    assert all(date != "2027-08-03" for _, date in _dated(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: the story's own days in reported speech, and a recent attack told in passing, keep their day
        ("The army said on Tuesday that gunmen had killed eleven villagers near Arbinda last week.", "2027-07-29"),
        ("Gunmen killed eleven villagers near Arbinda last night, the army said on Tuesday.", "2027-08-04"),
        ("Residents on Tuesday buried the villagers killed in Sunday's attack on Arbinda.", "2027-08-01"),
    ],
)
def test_recent_happenings_keep_their_own_day(extractor, text: str, expected: str) -> None:
    assert [date for _, date in _dated(extractor, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French headlines and summaries told in the present tense
        ("Des hommes armés attaquent le poste de Kantchari; les gendarmes ripostent.", ["Armed clash"]),
        ("Des terroristes attaquent un convoi près de Djibo, deux soldats tués.", ["Armed clash"]),
        ("Des jihadistes tuent six civils à Djibo.", ["Attack"]),
        ("Des hommes armés enlèvent cinq civils près de Djibo.", ["Abduction/forced disappearance"]),
        ("Des bandits pillent et incendient le marché de Tillabéri.", ["Looting/property destruction"]),
        # guards: a jacket taken off, a lawsuit, a habit, deaths on the roads
        ("Le ministre enlève son veston avant de parler aux habitants de Djibo.", []),
        ("Les autorités attaquent en justice un journaliste à Niamey.", []),
        ("Les éleveurs pillent rarement les champs, a affirmé le maire de Tillabéri.", []),
        ("Les accidents de la route tuent des centaines de personnes chaque année au Niger.", []),
    ],
)
def test_french_present_tense_headlines(extractor, text: str, expected: list[str]) -> None:
    assert [sub for sub, _ in _events(extractor, text)] == expected
