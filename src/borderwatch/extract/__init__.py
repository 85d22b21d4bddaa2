"""Extraction stage: Report -> ExtractResult (events, actors, dates, quantities, evidence).

Public entry point: `Extractor`, with `__call__(report)` and `pipe(reports)`.
"""

from ._contracts import EntitySpan, PlaceLocator
from ._extractor import Extractor

__all__ = ["EntitySpan", "Extractor", "PlaceLocator"]
