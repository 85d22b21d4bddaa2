"""Where report bytes come from: files, folders (recursive), zip archives and standard input.

Yields (origin, bytes) pairs lazily, or an InputError for an item that cannot be read, so that
one bad file never stops a batch.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError

__all__ = ["RawItem", "count_items", "iter_raw"]

RawItem = tuple[str, bytes]


def iter_raw(paths: Sequence[str], max_bytes: int) -> Iterator[RawItem | InputError]:
    for name in paths:
        if name == "-":
            yield _limited("<stdin>", sys.stdin.buffer.read(max_bytes + 1), max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from _file(file, max_bytes)
        elif path.is_file():
            yield from _file(path, max_bytes)
        else:
            yield InputError(f"{name}: no such file or folder")


def count_items(paths: Sequence[str]) -> int | None:
    """How many files a run will read (archives count their members); None when unknown (stdin)."""
    total = 0
    for name in paths:
        path = Path(name)
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            if name == "-":
                return None
            total += _zip_size(file) if file.suffix.lower() == ".zip" else 1
    return total


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, skipping hidden files and folders."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


def _file(path: Path, max_bytes: int) -> Iterator[RawItem | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(f"{origin}: file of {size / 1e6:.1f} MB is over the limit of {max_bytes / 1e6:.1f} MB")
            return
        if path.suffix.lower() == ".zip":
            yield from _archive(path, max_bytes)
            return
        yield _limited(origin, path.read_bytes(), max_bytes)
    except OSError as exc:
        yield InputError(f"{origin}: cannot read ({exc.strerror or exc})")


def _archive(path: Path, max_bytes: int) -> Iterator[RawItem | InputError]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield InputError(f"{path}: not a valid zip archive")
        return
    with archive:
        for member in sorted(archive.infolist(), key=lambda m: m.filename):
            name = member.filename
            if member.is_dir() or any(part.startswith(".") or part == "__MACOSX" for part in name.split("/")):
                continue
            origin = f"{path}!{name}"
            if member.file_size > max_bytes:
                yield InputError(f"{origin}: member of {member.file_size / 1e6:.1f} MB is over the size limit")
                continue
            try:
                with archive.open(member) as handle:
                    yield _limited(origin, handle.read(max_bytes + 1), max_bytes)
            except (zipfile.BadZipFile, RuntimeError, OSError) as exc:
                yield InputError(f"{origin}: cannot read from the archive ({exc})")


def _zip_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(1 for m in archive.infolist() if not m.is_dir())
    except (zipfile.BadZipFile, OSError):
        return 1


def _limited(origin: str, data: bytes, max_bytes: int) -> RawItem | InputError:
    if len(data) > max_bytes:
        return InputError(f"{origin}: over the size limit of {max_bytes / 1e6:.1f} MB")
    if not data.strip():
        return InputError(f"{origin}: empty")
    return origin, data
