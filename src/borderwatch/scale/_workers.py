"""Extraction on Ray actors: each loads the extractor once, takes batches of reports, returns their results.

The driver keeps a bounded number of batches in flight (so a large archive is read only as fast as the
actors extract it) and hands the results back in input order; it alone writes to the store.
"""

from __future__ import annotations

import math
import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest import Failure
from ..model import ExtractResult, Report
from ..settings import Settings
from ._runtime import RayRuntime

__all__ = ["ExtractorFactory", "RayExtraction", "default_extractor"]

ExtractorFactory = Callable[[Settings], Any]  # Settings -> an object with `pipe(reports)` and `__call__(report)`


def default_extractor(settings: Settings) -> Any:
    """The product's extractor, one process (an actor is the unit of parallelism), on an index checked by the
    driver: a worker never rebuilds the gazetteer, it opens the file it is told to."""
    from ..pipeline import make_extractor

    index = Path(settings.gazetteer or "")
    if not index.is_file():
        raise ConfigError(f"gazetteer index {index} is not readable on Ray node {socket.gethostname()}")
    return make_extractor(settings, n_process=1, check_index=False)


class _ExtractWorker:
    """One Ray actor: the spaCy model and the gazetteer loaded once, batches extracted one after another."""

    def __init__(self, settings: Settings, factory: ExtractorFactory) -> None:
        self._extractor = factory(settings)

    def ready(self) -> tuple[str, int]:
        """Where this actor runs: host name and process id (for logs, and for benchmarks that read its CPU time)."""
        return socket.gethostname(), os.getpid()

    def extract(self, reports: list[Report]) -> list[ExtractResult | str]:
        """Each report's result, or why it failed: a report that fails never takes its batch with it."""
        try:
            return list(self._extractor.pipe(reports))
        except Exception:
            return [self._one(report) for report in reports]

    def _one(self, report: Report) -> ExtractResult | str:
        try:
            return self._extractor(report)  # type: ignore[no-any-return]
        except Exception as exc:
            return f"extraction failed ({type(exc).__name__}): {exc}"


class RayExtraction:
    """An extraction backend (`pipeline.ExtractionBackend`) that runs on the actors of a Ray runtime.

    `actors` 0 means one per CPU the runtime offers; each batch holds at most `batch_size` reports, and at
    most `in_flight` batches per actor wait or run at any time. An actor that dies (a crash, the node lost)
    is restarted by Ray, which runs its queued batches again once; a batch that fails again is tried one
    report at a time, and a report that still brings a worker down is reported as failed, by name.
    """

    def __init__(
        self,
        runtime: RayRuntime,
        settings: Settings,
        *,
        actors: int = 0,
        batch_size: int = 16,
        in_flight: int = 2,
        factory: ExtractorFactory = default_extractor,
    ) -> None:
        ray = runtime.ray
        self._ray = ray
        self.batch_size = max(1, batch_size)
        self.in_flight = max(1, in_flight)
        count = actors or runtime.cpus()
        remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=1)(_ExtractWorker)
        # The settings go by value (a few hundred bytes): an actor restarted after a crash needs them again.
        self._actors = [remote.remote(settings, factory) for _ in range(count)]
        self.workers = self._wait_ready()  # (host, pid) of each actor
        self._pending = [0] * count

    def _wait_ready(self) -> list[tuple[str, int]]:
        """Load the model on every actor before the first batch, so a node that cannot (no model, no index)
        stops the run with its reason rather than failing every report."""
        try:
            return list(self._ray.get([actor.ready.remote() for actor in self._actors]))
        except self._ray.exceptions.RayError as exc:
            self.close()
            raise ConfigError(f"a Ray extraction worker could not start: {_cause(exc)}") from None

    @property
    def actors(self) -> int:
        return len(self._actors)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []

    # --- the backend --------------------------------------------------------------------------------------------
    def extract(self, reports: Iterable[Report]) -> Iterator[ExtractResult | Failure]:
        """Every report's result or failure, in input order, with bounded batches in flight."""
        size = self.batch_size
        if isinstance(reports, Sequence):  # a known count: small enough batches that every actor gets some
            size = max(1, min(size, math.ceil(len(reports) / len(self._actors))))
        stream = iter(reports)
        batches = iter(lambda: list(islice(stream, size)), [])
        window: deque[tuple[list[Report], Any, int]] = deque()
        limit = self.in_flight * len(self._actors)
        for batch in batches:
            if len(window) >= limit:
                yield from self._collect(*window.popleft())
            window.append(self._submit(batch))
        while window:
            yield from self._collect(*window.popleft())

    def _submit(self, batch: list[Report]) -> tuple[list[Report], Any, int]:
        slot = min(range(len(self._actors)), key=self._pending.__getitem__)
        self._pending[slot] += 1
        return batch, self._actors[slot].extract.remote(batch), slot

    def _collect(self, batch: list[Report], ref: Any, slot: int) -> Iterator[ExtractResult | Failure]:
        try:
            results = self._ray.get(ref)
        except self._ray.exceptions.RayError as exc:  # the actor died, or a bug escaped the worker's guard
            results = self._one_by_one(batch, slot, f"extraction worker failed: {_cause(exc)}")
        finally:
            self._pending[slot] -= 1
        for report, result in zip(batch, results, strict=True):
            yield Failure(_name(report), result) if isinstance(result, str) else result

    def _one_by_one(self, batch: list[Report], slot: int, reason: str) -> list[ExtractResult | str]:
        """The batch's reports again, each alone, and those that fail again once more, one after another: only a
        report that brings a worker down each time is lost (Ray restarts the worker every time)."""
        refs = [self._actors[(slot + i) % len(self._actors)].extract.remote([r]) for i, r in enumerate(batch)]
        results = [self._get_one(ref, reason) for ref in refs]
        for i, result in enumerate(results):
            if result is reason:  # alone on its worker this time: a crash can only be its own
                results[i] = self._get_one(self._actors[slot].extract.remote([batch[i]]), reason)
        return results

    def _get_one(self, ref: Any, reason: str) -> ExtractResult | str:
        try:
            return self._ray.get(ref)[0]  # type: ignore[no-any-return]
        except self._ray.exceptions.RayError:
            return reason


def _name(report: Report) -> str:
    return report.origin or report.id


def _cause(exc: BaseException) -> str:
    """The first line of what went wrong in the worker, without Ray's traceback around it."""
    cause = getattr(exc, "cause", None)
    if cause is not None and not isinstance(cause, type(exc)):
        exc = cause
    text = str(getattr(exc, "message", None) or exc).strip()
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith(" ")]
    return (lines[-1] if lines else type(exc).__name__)[:300]
