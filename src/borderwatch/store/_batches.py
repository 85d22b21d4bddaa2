"""Lists of ids cut to the size one `IN (...)` query may bind: every driver limits bound parameters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["IN_CHUNK", "in_chunks"]

IN_CHUNK = 500  # under SQLite's and psycopg's limits on parameters per statement, with room for the rest

T = TypeVar("T")


def in_chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """`values` in consecutive slices of at most `size`."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
