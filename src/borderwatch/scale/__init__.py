"""Scale-out: batch extraction on a Ray cluster, or on a private Ray runtime on this machine.

`RayRuntime` starts (or joins) Ray; `RayExtraction` is an extraction backend for `pipeline.ingest` and
`pipeline.extract_reports` that runs the same extractor on Ray actors, while the driver alone writes to
the store. Nothing here imports Ray until a runtime is started.
"""

from ._runtime import LOCAL, RayRuntime, import_ray, is_address
from ._session import ray_extraction
from ._workers import ExtractorFactory, RayExtraction, default_extractor

__all__ = [
    "LOCAL",
    "ExtractorFactory",
    "RayExtraction",
    "RayRuntime",
    "default_extractor",
    "import_ray",
    "is_address",
    "ray_extraction",
]
