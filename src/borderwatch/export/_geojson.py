"""GeoJSON: one FeatureCollection, a Point feature per event (geometry null when the place is unknown)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import orjson

from ._fields import plain_event
from ._jsonl import write_buffered

__all__ = ["GeoJsonExporter"]


class GeoJsonExporter:
    name = "borderwatch.geojson.v1"
    suffix = ".geojson"
    media_type = "application/geo+json"
    seekable_output = False

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        out.write(b'{"type": "FeatureCollection", "features": [\n')
        count = write_buffered(self._features(rows), out)
        out.write(b"\n]}\n")
        return count

    def _features(self, rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
        separator = b""
        for row in rows:
            properties = plain_event(row)
            lat, lon = properties["latitude"], properties["longitude"]
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            feature = {"type": "Feature", "id": properties["id"], "geometry": geometry, "properties": properties}
            yield separator + orjson.dumps(feature, option=orjson.OPT_NON_STR_KEYS)
            separator = b",\n"
