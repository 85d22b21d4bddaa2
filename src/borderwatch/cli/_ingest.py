"""`borderwatch ingest`: files, folders, archives, stdin and feeds into the store."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import InputError
from ..ingest import Failure, ReadOptions, count_items, fetch_feed, read_bytes, read_paths
from ..model import Report
from ..pipeline import ExtractionBackend, IngestSummary, ingest
from ..settings import Settings
from ..store import Store
from ._context import app_state
from ._extract import parse_date

__all__ = ["RayAddress", "RayOption", "extraction_backend", "ingest_cli", "print_failures", "progress_bar"]

RayOption = Annotated[
    bool, typer.Option("--ray", help="extract on Ray: the ray_address setting's cluster, else a local runtime")
]
RayAddress = Annotated[
    str | None,
    typer.Option(help="extract on this Ray runtime (implies --ray): local, auto, ray://HOST:PORT or HOST:PORT"),
]

_err = Console(stderr=True, soft_wrap=True)


def ingest_cli(
    paths: Annotated[list[str] | None, typer.Argument(help="files, folders, .zip archives, or - for stdin")] = None,
    feed: Annotated[list[str] | None, typer.Option(help="RSS/Atom feed URL or file (repeatable)")] = None,
    every: Annotated[str | None, typer.Option(help="poll the feeds every interval, e.g. 15m, 1h")] = None,
    agency: Annotated[str | None, typer.Option(help="originating agency of reports that name none")] = None,
    marking: Annotated[str | None, typer.Option(help="TLP 2.0 marking of reports that carry none")] = None,
    group: Annotated[list[str] | None, typer.Option(help="sharing group (repeatable)")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD of files without one")] = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="store reports without running extraction")] = False,
    max_file_mb: Annotated[float | None, typer.Option(help="largest file accepted, in MB")] = None,
    ray: RayOption = False,
    ray_address: RayAddress = None,
) -> None:
    """Store reports (idempotent: the same content twice is one report) and extract their events."""
    if not paths and not feed:
        raise InputError("give files, folders or archives to ingest, or --feed URL_OR_FILE")
    interval = _parse_interval(every) if every else None
    settings = app_state.settings(agency=agency, marking=marking, max_file_mb=max_file_mb)
    options = ReadOptions(
        agency=settings.agency,
        marking=settings.marking,
        sharing_groups=tuple(group or ()),
        published=parse_date(published),
        max_bytes=int(settings.max_file_mb * 1_000_000),
    )
    use_ray = (ray or ray_address is not None) and not no_extract
    with extraction_backend(settings, ray_address, use_ray) as backend, Store.open(settings) as store:
        failed = False
        if paths:
            failed |= _run(read_paths(paths, options), count_items(paths), store, settings, not no_extract, backend)
        while feed:
            failed |= _run(_feeds(feed, options), None, store, settings, not no_extract, backend)
            if interval is None:
                break
            _err.print(f"next poll in {every} (Ctrl-C to stop)")
            time.sleep(interval)
    if failed:
        raise typer.Exit(1)


def extraction_backend(
    settings: Settings, address: str | None, use_ray: bool
) -> AbstractContextManager[ExtractionBackend | None]:
    """Ray actors for the run's extraction when asked for (Ray is imported only then), else this process."""
    if not use_ray:
        return nullcontext()
    from ..scale import ray_extraction

    _err.print("starting Ray extraction workers...", highlight=False)
    return ray_extraction(settings, address)


def _run(
    items: Iterator[Report | Failure],
    total: int | None,
    store: Store,
    settings: Settings,
    extract: bool,
    backend: ExtractionBackend | None = None,
) -> bool:
    with progress_bar("ingesting") as progress:
        task = progress.add_task("ingest", total=total)
        summary = ingest(
            items, store, settings, extract=extract, on_item=lambda _i: progress.advance(task), extractor=backend
        )
    _print_summary(summary)
    return bool(summary.failures)


def _print_summary(summary: IngestSummary) -> None:
    line = f"stored {summary.stored} new report(s), {summary.events} event(s)"
    if summary.duplicates:
        line += f"; {summary.duplicates} already stored"
    if summary.near_duplicates:
        line += f"; {summary.near_duplicates} linked as near-duplicates"
    _err.print(line, highlight=False)
    print_failures(summary.failures, "item(s)")


def progress_bar(label: str) -> Progress:
    """A progress bar on stderr for a long job over counted items, gone when the job ends."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    return Progress(*columns, console=_err, transient=True)


def print_failures(failures: list[Failure], what: str) -> None:
    """The items that failed, one line each (origin: reason), on stderr."""
    if failures:
        _err.print(f"{len(failures)} {what} failed:", style="bold red", highlight=False)
        for failure in failures:
            _err.print(f"  {failure.origin}: {failure.reason}", markup=False, highlight=False)


_etags: dict[str, tuple[str | None, str | None]] = {}


def _feeds(sources: list[str], options: ReadOptions) -> Iterator[Report | Failure]:
    for source in sources:
        if re.match(r"^https?://", source):
            try:
                etag, modified = _etags.get(source, (None, None))
                data, headers = fetch_feed(source, etag, modified)
            except Exception as exc:  # FeedError and the unforeseen: a failed feed never stops the others
                yield Failure(source, str(getattr(exc, "message", exc)))
                continue
            _etags[source] = (headers.get("etag"), headers.get("last-modified"))
            if data is None:
                continue
            yield from read_bytes(data, source, options, feed=True)
        elif Path(source).is_file():
            yield from read_bytes(Path(source).read_bytes(), source, options, feed=True)
        else:
            yield Failure(source, "no such feed file, and not an http(s) URL")


def _parse_interval(value: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not match:
        raise InputError(f"--every {value!r}: expected a duration like 30s, 15m, 1h")
    seconds = float(match.group(1)) * {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    if seconds < 10:
        raise InputError(f"--every {value!r}: poll at most every 10 seconds")
    return seconds
