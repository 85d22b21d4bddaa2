"""The composition root: wires the stages together for the CLI, the API and batch jobs.

Stages never import each other backwards; this module is where they meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .extract import Extractor
from .model import ExtractResult, Report
from .settings import Settings

__all__ = ["extract_reports", "make_extractor"]


def make_extractor(settings: Settings) -> Extractor:
    """The extractor with every stage it needs (places come with the geo stage)."""
    from .geo import Geoparser

    return Extractor(spacy_model=settings.spacy_model, locator=Geoparser(settings.gazetteer))


def extract_reports(reports: Iterable[Report], settings: Settings) -> Iterator[ExtractResult]:
    """Extract every report, in input order, without storing anything."""
    yield from make_extractor(settings).pipe(reports)
