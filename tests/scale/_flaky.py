"""Extractors for the Ray tests, shipped to the workers by value (the tests folder is not on their path)."""

from __future__ import annotations

import os
import time
from typing import Any

from borderwatch.model import ExtractResult, Report, ReportRef
from borderwatch.settings import Settings

FAIL_MARK = "SYNTHETIC-FAIL"  # the extractor raises on a report that holds it
CRASH_MARK = "SYNTHETIC-CRASH"  # the worker process dies on a report that holds it


class Flaky:
    """An extractor, except on the marked reports."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def _check(self, report: Report) -> None:
        if FAIL_MARK in report.text:
            raise ValueError("synthetic failure")
        if CRASH_MARK in report.text:
            os._exit(3)

    def pipe(self, reports: list[Report]) -> Any:
        for report in reports:
            self._check(report)
        return self.inner.pipe(reports)

    def __call__(self, report: Report) -> ExtractResult:
        self._check(report)
        return self.inner(report)  # type: ignore[no-any-return]


class Echo:
    """No NLP: each report's result names it, after `delay` seconds per batch (for order and backpressure)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def pipe(self, reports: list[Report]) -> list[ExtractResult]:
        time.sleep(self.delay * (1 + hash(reports[0].id) % 3))  # batches finish out of order
        return [self(r) for r in reports]

    def __call__(self, report: Report) -> ExtractResult:
        return ExtractResult(report=ReportRef(id=report.id))


def echo_extractor(_settings: Settings) -> Echo:
    return Echo(0.05)


def flaky_extractor(_settings: Settings) -> Flaky:
    """No NLP (a worker restarted after a crash is up in a moment), failures on the marked reports."""
    return Flaky(Echo(0))
