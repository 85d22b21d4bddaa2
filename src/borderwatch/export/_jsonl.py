"""JSON lines: one event object a line, every export field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson

from ._fields import plain_event

__all__ = ["JsonLinesExporter", "write_buffered"]

_FLUSH_LINES = 2000


class JsonLinesExporter:
    name = "borderwatch.jsonl.v1"
    suffix = ".jsonl"
    media_type = "application/x-ndjson"
    seekable_output = False

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        option = orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS
        return write_buffered((orjson.dumps(plain_event(row), option=option) for row in rows), out)


def write_buffered(lines: Iterable[bytes], out: BinaryIO) -> int:
    """Write encoded lines in blocks (one write per block, not per line); return how many."""
    count = 0
    block: list[bytes] = []
    for line in lines:
        block.append(line)
        count += 1
        if len(block) >= _FLUSH_LINES:
            out.write(b"".join(block))
            block.clear()
    if block:
        out.write(b"".join(block))
    return count
