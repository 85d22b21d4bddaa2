"""Plain-text reports, with an optional mail-style header and a headline.

A text export often starts with metadata lines ("Published: 2025-01-15", "Source: ...") and a
blank line; those become the report's metadata. Then the first short line is the headline when
it looks like one.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..errors import InputError
from ..model import Marking, Report, ReportKind, Source, normalise_text

__all__ = ["text_report"]

_MAX_TITLE = 200
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z-]{1,20}):[ \t]*(.*)$")
_HEADER_KEYS = {"title", "published", "date", "source", "url", "agency", "marking", "groups"}


def text_report(text: str, raw: bytes, origin: str, published: datetime | None) -> Report:
    text = normalise_text(text)
    header, text = _split_header(text)
    first, _, rest = text.partition("\n")
    first = first.strip()
    # A headline: short, more text after it, and not a sentence that runs on.
    is_title = 0 < len(first) <= _MAX_TITLE and rest.strip() != "" and not first.endswith((".", ",", ";", ":"))
    report = Report(
        kind=ReportKind.TEXT,
        text=text,
        title=header.get("title") or (first if is_title else None),
        published=_date(header, origin) or published,
        source=Source(name=header["source"]) if header.get("source") else None,
        url=header.get("url"),
        origin=origin,
        raw=raw,
    )
    if header.get("agency"):
        report.agency = header["agency"]
    if header.get("marking"):
        try:
            report.marking = Marking.parse(header["marking"])
        except ValueError as exc:
            raise InputError(f"{origin}: header Marking: {exc}") from None
    if header.get("groups"):
        report.sharing_groups = tuple(g.strip() for g in header["groups"].split(",") if g.strip())
    return report


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """The leading `Key: value` lines (known keys only, ended by a blank line) and the text after them."""
    head, sep, body = text.partition("\n\n")
    if not sep:
        return {}, text
    header: dict[str, str] = {}
    for line in head.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if not match or match.group(1).lower() not in _HEADER_KEYS:
            return {}, text
        header[match.group(1).lower()] = match.group(2).strip()
    return header, body.strip()


def _date(header: dict[str, str], origin: str) -> datetime | None:
    value = header.get("published") or header.get("date")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{origin}: header Published {value!r}: expected an ISO 8601 date") from None
