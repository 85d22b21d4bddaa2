"""A report's title that names the place and day of the body's event, round types29 (issue 3): over a body that
names no place, the title's place ("near Djibo", "in Kantchari", "à Kantchari") is where the event was and its day
("Sunday's attack", "l'attaque de dimanche") dates it. Synthetic reports about invented incidents, real places."""

from __future__ import annotations

import pytest
from extract_helpers import report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def located():
    from borderwatch.extract import Extractor
    from borderwatch.geo import Geoparser
    from borderwatch.settings import Settings

    return Extractor(locator=Geoparser(Settings.load().gazetteer))


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        (
            "Five soldiers killed in Sunday's attack near Djibo",
            "Five soldiers were killed when gunmen attacked their patrol, the army said.",
            "Djibo",
        ),
        (
            "Gunmen kill three gendarmes in Kantchari",
            "Gunmen attacked a gendarmerie post on Sunday, killing three gendarmes, security sources said.",
            "Kantchari",
        ),
        (
            "Trois gendarmes tués dans l'attaque de dimanche à Kantchari",
            "Des hommes armés ont attaqué une brigade de gendarmerie, tuant trois gendarmes, selon des sources "
            "sécuritaires.",
            "Kantchari",
        ),
    ],
)
def test_the_titles_place_and_day_are_those_of_a_body_that_names_none(
    located, title: str, text: str, place: str
) -> None:
    (event,) = located(report(text, "2027-08-05", title=title)).events
    assert event.location is not None and event.location.name == place
    assert event.location.country == "BF"
    assert event.date == "2027-08-01"


def test_a_title_naming_another_place_than_the_bodys_lends_none(located) -> None:
    # guard: the body names its own place; the title's is another happening's
    text = "Jihadists attacked an army post in Djibo on Sunday, killing four soldiers."
    (event,) = located(report(text, "2027-08-05", title="Attack on Kantchari post")).events
    assert event.location is not None and event.location.name == "Djibo"
