"""JSON lines: one event object a line, every export field."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from ._fields import plain_event

__all__ = ["JsonLinesExporter", "write_buffered"]

_FLUSH_LINES = 2000


class JsonLinesExporter:
    name = "borderwatch.jsonl.v1"
    suffix = ".jsonl"
    media_type = "application/x-ndjson"
    seekable_output = False

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        lines = (json.dumps(plain_event(row), ensure_ascii=False) + "\n" for row in rows)
        return write_buffered(lines, out)


def write_buffered(lines: Iterable[str], out: BinaryIO) -> int:
    """Write text lines as UTF-8 in blocks (one write per block, not per line); return how many."""
    count = 0
    block: list[str] = []
    for line in lines:
        block.append(line)
        count += 1
        if len(block) >= _FLUSH_LINES:
            out.write("".join(block).encode("utf-8"))
            block.clear()
    if block:
        out.write("".join(block).encode("utf-8"))
    return count
