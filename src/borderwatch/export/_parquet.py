"""Parquet (pyarrow): the JSON lines fields as typed columns, written in row groups of a fixed size."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from ._fields import EVENT_FIELDS, plain_event

__all__ = ["ParquetExporter"]

_ROW_GROUP = 50_000


class ParquetExporter:
    name = "borderwatch.parquet.v1"
    suffix = ".parquet"
    media_type = "application/vnd.apache.parquet"
    seekable_output = True

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        import pyarrow as pa  # imported late: only this format needs it
        import pyarrow.parquet as pq

        schema = _schema(pa)
        count = 0
        with pq.ParquetWriter(out, schema, compression="zstd") as writer:
            columns: dict[str, list[Any]] = {name: [] for name in EVENT_FIELDS}
            for row in rows:
                for name, value in plain_event(row).items():
                    columns[name].append(value)
                count += 1
                if count % _ROW_GROUP == 0:
                    writer.write_table(pa.Table.from_pydict(columns, schema=schema))
                    columns = {name: [] for name in EVENT_FIELDS}
            if columns["id"] or count == 0:
                writer.write_table(pa.Table.from_pydict(columns, schema=schema))
        return count


def _schema(pa: Any) -> Any:
    text, integer, real = pa.string(), pa.int32(), pa.float64()
    types = {
        "time_precision": integer,
        "actor1_type": integer,
        "actor2_type": integer,
        "latitude": real,
        "longitude": real,
        "geo_precision": integer,
        "border_km": real,
        "fatalities": integer,
        "confidence": real,
        "reports": integer,
        "independent_sources": integer,
        "tags": pa.list_(text),
        "assoc_actors": pa.list_(text),
        "sources": pa.list_(text),
    }
    return pa.schema([(name, types.get(name, text)) for name in EVENT_FIELDS])
