"""Who is actor1, one class of miss at a time (SYNTHETIC sentences about invented incidents): a place resolved to a
namesake in a country the registry does not know, the unit a shorthand passive struck, unnamed "armed elements"."""

from __future__ import annotations

from typing import ClassVar

import pytest
from extract_helpers import FakeLocator, report

from borderwatch.extract import Extractor


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


class _NamesakeAbroad(FakeLocator):
    """A gazetteer that knows a Sahel hamlet's name only as a village in Serbia."""

    GAZETTEER: ClassVar[dict[str, tuple[str, float, float]]] = {"Tabankort": ("RS", 44.9, 20.4)}


@pytest.fixture
def namesake_extractor(extractor) -> Extractor:
    located = Extractor.__new__(Extractor)
    located.__dict__.update(extractor.__dict__)
    located._locator = _NamesakeAbroad()
    return located


def test_a_namesake_in_an_unknown_country_does_not_unname_the_attackers(namesake_extractor) -> None:
    text = "Two Malian soldiers were killed on Monday when gunmen attacked their post at Tabankort, a source said."
    (event,) = namesake_extractor(report(text, published="2025-04-09")).events
    assert _name(event.actor1) == "Unidentified Armed Group (Mali)"
    assert _name(event.actor2) == "Military Forces of Mali (2021-)"
