"""Who files a report: a post's own forces are its agency's state's, wherever the post's position falls; a
ministry's "our units" are the state its text, its dateline or its agency names.

SYNTHETIC: invented posts (XX-*), agencies, communiqués and incidents; the places are real border areas.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from extract_helpers import FakeLocator

from borderwatch.extract import Extractor
from borderwatch.model import FieldPosition, Location, Report, ReportKind

pytestmark = pytest.mark.slow

ALGERIA_ARMY = "Military Forces of Algeria (2019-)"
MALI_ARMY = "Military Forces of Mali (2021-)"


class _AcrossTheBorder(FakeLocator):
    """The geo stage placing an Algerian post's position in Mali (a post a few km from a border often is)."""

    def locate_point(self, lat: float, lon: float, name: str | None = None) -> Location:
        return Location(name=name, lat=lat, lon=lon, country="ML", geo_precision=1, border="DZA-MLI", border_km=3.0)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(locator=_AcrossTheBorder())


def _post_report(text: str, agency_country: str | None = "DZ", kind: ReportKind = ReportKind.FIELD) -> Report:
    return Report(
        kind=kind,
        text=f"{text} [SYNTHETIC]",
        published=datetime(2025, 6, 2, 5, 40),
        post_id="XX-TST-03",
        position=FieldPosition(lat=21.1, lon=0.9),
        agency="xx-border-army",
        agency_country=agency_country,
    )


def _only_event(extractor: Extractor, report: Report):
    events = extractor(report).events
    assert len(events) == 1, [(e.sub_event_type, e.evidence.sentence) for e in events]
    return events[0]


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the post's unnamed patrol
        ("Patrol of 4 vehicles along the border strip SW of the post, 0600-1200. No contact.", ALGERIA_ARMY, None),
        ("Patrol found and destroyed 1 IED on the track 12 km S of the post.", ALGERIA_ARMY, None),
        # what the post reports done, by no one named, it did
        (
            "Checkpoint 6 km N of the post: seized 1 pickup loaded with 2,000 L of diesel and 30 sacks of flour.",
            ALGERIA_ARMY,
            None,
        ),
        # its detachment arrests; the smugglers stay where it happened
        (
            "Detachment intercepted 2 pickups coming from the south; 3 smugglers arrested, 400 L fuel seized.",
            ALGERIA_ARMY,
            "Unidentified Armed Group (Mali)",
        ),
        # "the post" is the post's forces, the target
        (
            "0430: armed men fired on the post from the south; post returned fire. 1 soldier wounded.",
            "Unidentified Armed Group (Mali)",
            ALGERIA_ARMY,
        ),
    ],
)
def test_the_posts_own_forces_are_its_agencys_state(extractor: Extractor, text: str, actor1, actor2) -> None:
    event = _only_event(extractor, _post_report(text))
    assert (_name(event.actor1), _name(event.actor2)) == (actor1, actor2)
    assert event.location is not None and event.location.country == "ML"  # where it happened is unchanged


def test_a_force_the_post_names_without_a_country_is_its_own(extractor: Extractor) -> None:
    event = _only_event(extractor, _post_report("Border guards arrested three smugglers at the post."))
    assert event.actor1 is not None and event.actor1.country == "DZ"


def test_the_other_side_stays_what_the_text_says(extractor: Extractor) -> None:
    event = _only_event(extractor, _post_report("Malian soldiers seen patrolling across the border; no contact."))
    assert _name(event.actor1) == MALI_ARMY


def test_an_agency_of_no_country_keeps_the_positions_country(extractor: Extractor) -> None:
    event = _only_event(extractor, _post_report("Patrol found and destroyed 1 IED on the track.", agency_country=None))
    assert _name(event.actor1) == MALI_ARMY
    event = _only_event(extractor, _post_report("0430: armed men fired on the post.", agency_country=None))
    assert _name(event.actor2) is None  # "the post" is no one's without a filer


def test_a_news_story_is_not_its_agencys_own_doing(extractor: Extractor) -> None:
    """The agency that files a news story is not who acts in it: only a post or a communiqué speaks for a state."""
    story = _post_report("A patrol found and destroyed an IED near Boulkessi.", kind=ReportKind.TEXT)
    event = _only_event(extractor, story.model_copy(update={"position": None, "post_id": None}))
    assert _name(event.actor1) == MALI_ARMY


def test_a_joint_operation_the_post_reports_is_its_own_forces_with_the_partner(extractor: Extractor) -> None:
    text = "Coordinated sweep with Malian army units on both sides of the border W of the post. No contact."
    event = _only_event(extractor, _post_report(text))
    assert "joint_operation" in event.tags
    assert _name(event.actor1) == ALGERIA_ARMY
    assert [a.name for a in event.assoc_actors] == [MALI_ARMY]


class _HintRecorder(_AcrossTheBorder):
    def __init__(self) -> None:
        super().__init__()
        self.hints: list[str | None] = []

    def find_places(self, text, entities, country_hint=None):
        self.hints.append(country_hint)
        return super().find_places(text, entities, country_hint)


def test_what_a_post_sees_across_the_border_is_placed_as_the_text_says() -> None:
    """The agency's country says whose the post is, not where what it saw happened: the places' country hint is
    the one the text gives ('on the Malian side'), with or without the agency's country."""
    locator = _HintRecorder()
    extractor = Extractor(locator=locator)
    text = "0850: explosion heard 8 km SW of the post, on the Malian side of the border. No movement observed."
    for country in ("DZ", None):
        extractor(_post_report(text, agency_country=country))
    assert locator.hints == ["ML", "ML"]


def _communique(text: str, agency_country: str | None) -> Report:
    return Report(
        text=f"{text} [SYNTHETIC]", published=datetime(2025, 5, 13), agency="xx-ministry", agency_country=agency_country
    )


NIGER_ARMY = "Military Forces of Niger (2023-)"
COMMUNIQUE = "Ministry of Defence communiqué: On 12 May 2025, our units neutralised two terrorists near Boulkessi."
ANNOUNCED = "The Ministry of Defence announced that on 12 May 2025 our units neutralised two terrorists near Boulkessi."


@pytest.mark.parametrize("text", [COMMUNIQUE, ANNOUNCED])
def test_a_ministry_naming_no_state_speaks_for_its_agencys(extractor: Extractor, text: str) -> None:
    event = _only_event(extractor, _communique(text, "NE"))
    assert (_name(event.actor1), _name(event.actor2)) == (NIGER_ARMY, "Unidentified Armed Group (Mali)")


@pytest.mark.parametrize("text", [COMMUNIQUE, ANNOUNCED])
def test_without_an_agency_country_the_ministrys_state_is_not_invented(extractor: Extractor, text: str) -> None:
    event = _only_event(extractor, _communique(text, None))
    assert event.actor1 is not None and event.actor1.country in (None, "ML")  # the place's, as before: not Niger


def test_the_dateline_names_the_ministrys_state_before_the_agency(extractor: Extractor) -> None:
    text = f"NIAMEY, May 13 (Synthetic Wire) — {ANNOUNCED}"
    event = _only_event(extractor, _communique(text, "DZ"))  # an Algerian cell files a wire story from Niamey
    assert _name(event.actor1) == NIGER_ARMY


def test_a_state_the_text_names_outranks_dateline_and_agency(extractor: Extractor) -> None:
    text = f"NIAMEY, May 13 (Synthetic Wire) — The Malian {ANNOUNCED[4:]}"
    event = _only_event(extractor, _communique(text, "DZ"))
    assert _name(event.actor1) == MALI_ARMY
