"""Turning raw items into reports: sniff the format, parse it, apply the batch's defaults."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..errors import BorderwatchError, InputError
from ..model import Marking, Report
from ._decode import decode_text, looks_binary
from ._feed import feed_reports
from ._field import field_reports
from ._html import html_report
from ._sources import iter_raw
from ._text import text_report

__all__ = ["Failure", "ReadOptions", "read_bytes", "read_paths"]

_FIELD_SUFFIXES = (".json", ".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEED_SUFFIXES = (".xml", ".rss", ".atom")


@dataclass(frozen=True)
class Failure:
    """An item that could not be read, and why (one line)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class ReadOptions:
    agency: str = "local"
    marking: Marking = Marking.AMBER
    sharing_groups: tuple[str, ...] = ()
    published: datetime | None = None
    max_bytes: int = 20_000_000


def read_paths(paths: Sequence[str], options: ReadOptions) -> Iterator[Report | Failure]:
    """Every report in these files, folders and archives ("-" is standard input), lazily, in order."""
    for item in iter_raw(paths, options.max_bytes):
        if isinstance(item, InputError):
            yield Failure(*_split(item))
            continue
        yield from read_bytes(item[1], item[0], options)


def read_bytes(data: bytes, origin: str, options: ReadOptions, *, feed: bool = False) -> Iterator[Report | Failure]:
    """The reports in one item of content (a feed or a JSON-lines file holds several).

    With `feed`, the content must be an RSS or Atom feed (an HTML page is then an error, not a report).
    """
    try:
        for report in feed_reports(data, origin) if feed else _parse(data, origin, options):
            if isinstance(report, BorderwatchError):
                yield Failure(*_split(report))
            else:
                yield _finish(report, options)
    except BorderwatchError as exc:
        yield Failure(*_split(exc))


def _parse(data: bytes, origin: str, options: ReadOptions) -> Iterator[Report | BorderwatchError]:
    lower = origin.lower()
    if looks_binary(data):
        raise InputError(f"{origin}: binary file, not a report")
    text = decode_text(data, origin)
    head = text[:2048].lstrip().lower()
    if (
        lower.endswith(_FEED_SUFFIXES)
        or (head.startswith("<?xml") and _is_feed(head))
        or head.startswith(("<rss", "<feed"))
    ):
        yield from feed_reports(data, origin)
    elif lower.endswith(_HTML_SUFFIXES) or head.startswith(("<!doctype html", "<html")):
        yield html_report(text, data, origin, options.published)
    elif lower.endswith(_FIELD_SUFFIXES):
        yield from field_reports(text, origin)
    else:
        yield text_report(text, data, origin, options.published)


def _is_feed(head: str) -> bool:
    if head.startswith("<?xml"):
        return "<rss" in head or "<feed" in head or "<rdf:rdf" in head
    return head.startswith(("<rss", "<feed"))


def _finish(report: Report, options: ReadOptions) -> Report:
    """Defaults of the batch for what the item did not say."""
    fields = report.model_fields_set
    if "agency" not in fields:
        report.agency = options.agency
    if "marking" not in fields:
        report.marking = options.marking
    if "sharing_groups" not in fields and options.sharing_groups:
        report.sharing_groups = options.sharing_groups
    if report.published is None and options.published is not None:
        report.published = options.published
    return report


def _split(error: BorderwatchError) -> tuple[str, str]:
    origin, _, reason = error.message.partition(": ")
    return (origin, reason) if reason else ("", error.message)
