"""The country of a report's provinces and capital, for generic actors when no country is named (SYNTHETIC text)."""

from __future__ import annotations

import datetime as dt

import pytest

from borderwatch.extract._place_hints import place_country
from borderwatch.model import Report


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Hundreds marched in Tunis on Tuesday.", "TN"),
        ("Gunmen struck a village in the Tillaberi region.", "NE"),  # unaccented spelling of Tillabéri
        ("A mine exploded near Kasserine; the blast was heard in Kasserine town.", "TN"),
        ("Residents of Ségou and Mopti fled.", "ML"),
        ("Rockets fell on the airport of Gao.", "ML"),
        ("Traders in Sfax and in Tahoua were arrested.", None),  # two countries, one name each: no hint
        ("Militants in the Sahel and the Centre-Nord struck again.", None),  # generic division names
        ("The centre of the town was quiet.", None),
        ("Boats on the Niger carried rice.", None),  # a country's name is no province (Nigeria's Niger State)
    ],
)
def test_provinces_and_capitals_name_one_country(text: str, country: str | None) -> None:
    assert place_country(text) == country


def test_generic_attackers_take_the_country_of_the_province_named(extractor) -> None:
    report = Report(
        id="syn-hint",
        text="Gunmen killed two herders near a well in the Tahoua region on Monday, a local official said.",
        published=dt.datetime(2025, 3, 5),
    )
    (event,) = extractor(report).events
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Niger)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Niger)"


def test_a_named_country_outranks_the_provinces(extractor) -> None:
    report = Report(
        id="syn-hint-2",
        text="Unknown gunmen fired on a customs post in Mali near the border with Tahoua on Sunday.",
        published=dt.datetime(2025, 3, 5),
    )
    (event,) = extractor(report).events
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"


def test_the_title_s_country_outranks_an_exact_namesake_abroad_of_the_only_town() -> None:
    # Léré (Mali) is also Lere (Nigeria): the title names Mali, the text no country, so the town stays unresolved
    # and the generic actors take the report's country rather than the namesake's.
    from borderwatch.extract import Extractor
    from borderwatch.geo import Geoparser
    from borderwatch.settings import Settings

    extractor = Extractor(locator=Geoparser(Settings.load().gazetteer))
    report = Report(
        id="syn-hint-3",
        title="Mali: gunmen raid a market",
        text="Unidentified gunmen attacked the market of Léré on Monday, killing three traders.",
        published=dt.datetime(2026, 3, 5),
    )
    (event,) = extractor(report).events
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Mali)"
    assert event.location is None or event.location.country == "ML"
