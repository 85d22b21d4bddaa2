"""The exporters' registry: versioned names ("borderwatch.acled-csv.v1") with short aliases ("acled-csv").

An exporter turns a stream of event rows (dicts, as `Store.stream_events` yields them) into bytes on a
binary stream, one row at a time, so that an export of any size runs in constant memory. New formats
(STIX, issue 7) register here: `register_exporter("borderwatch.stix.v1", StixExporter, alias="stix")`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, BinaryIO, Protocol

from ..errors import InputError

__all__ = ["Exporter", "exporter_names", "get_exporter", "register_exporter"]


class Exporter(Protocol):
    name: str
    suffix: str
    media_type: str
    seekable_output: bool  # True when the format needs a real file (not standard output)

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        """Write every row; return how many were written."""
        ...


_FACTORIES: dict[str, Callable[[], Exporter]] = {}
_ALIASES: dict[str, str] = {}


def register_exporter(name: str, factory: Callable[[], Exporter], alias: str | None = None) -> None:
    """Make an exporter available under its versioned name (and a short alias for the command line)."""
    _FACTORIES[name] = factory
    if alias:
        _ALIASES[alias] = name


def get_exporter(name: str) -> Exporter:
    _builtins()
    full = _ALIASES.get(name, name)
    if full not in _FACTORIES:
        raise InputError(f"unknown export format {name!r} (expected one of {', '.join(exporter_names())})")
    return _FACTORIES[full]()


def exporter_names() -> list[str]:
    """The short names of the registered formats, sorted."""
    _builtins()
    return sorted(_ALIASES)


def _builtins() -> None:
    """Register the formats that come with borderwatch (on first use, not at import)."""
    if "borderwatch.jsonl.v1" in _FACTORIES:
        return
    from ._acled import AcledCsvExporter
    from ._geojson import GeoJsonExporter
    from ._jsonl import JsonLinesExporter
    from ._parquet import ParquetExporter

    register_exporter("borderwatch.acled-csv.v1", AcledCsvExporter, alias="acled-csv")
    register_exporter("borderwatch.geojson.v1", GeoJsonExporter, alias="geojson")
    register_exporter("borderwatch.jsonl.v1", JsonLinesExporter, alias="jsonl")
    register_exporter("borderwatch.parquet.v1", ParquetExporter, alias="parquet")
