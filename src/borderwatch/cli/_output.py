"""Files the commands write: the folder checked before any work, the file replaced whole at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import InputError

__all__ = ["check_output", "whole_file"]


def check_output(output: Path | None) -> None:
    """Refuse `-o` in a folder that does not exist before reading anything."""
    if output is not None and output.parent and not output.parent.is_dir():
        raise InputError(f"-o {output}: folder {output.parent} does not exist")


@contextmanager
def whole_file(output: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """A handle on `output`.partial, renamed to `output` once written: a reader never sees half a file."""
    partial = output.with_name(output.name + ".partial")
    with partial.open(mode, encoding="utf-8" if "b" not in mode else None) as handle:
        yield handle
    partial.replace(output)
