"""One Ray extraction session for a command: the runtime, the index check, the actors, and their end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..settings import Settings
from ._runtime import LOCAL, RayRuntime
from ._workers import ExtractorFactory, RayExtraction, default_extractor

__all__ = ["ray_extraction"]


@contextmanager
def ray_extraction(
    settings: Settings, address: str | None = None, *, factory: ExtractorFactory = default_extractor
) -> Iterator[RayExtraction]:
    """Extraction on Ray for the life of the block: `address` (default: the `ray_address` setting, else a
    private local runtime) started or joined, actors loaded, all stopped at the end.

    The gazetteer index is checked (and built if need be) here, on the driver, and the workers are told its
    absolute path: on a cluster that path must be readable on every node (a shared folder, or the same
    `make setup` on each node with BORDERWATCH_GAZETTEER naming the same file).
    """
    from ..pipeline import gazetteer_index

    runtime = RayRuntime(address or settings.ray_address or LOCAL)  # a bad address fails before any work
    index = gazetteer_index(settings).resolve()
    worker_settings = settings.model_copy(update={"gazetteer": str(index)})
    with runtime:
        backend = RayExtraction(
            runtime,
            worker_settings,
            actors=settings.ray_actors,
            batch_size=settings.ray_batch_size,
            in_flight=settings.ray_in_flight,
            factory=factory,
        )
        try:
            yield backend
        finally:
            backend.close()
