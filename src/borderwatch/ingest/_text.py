"""Plain-text reports: the first short line is the headline when it looks like one."""

from __future__ import annotations

from datetime import datetime

from ..model import Report, ReportKind, normalise_text

__all__ = ["text_report"]

_MAX_TITLE = 200


def text_report(text: str, raw: bytes, origin: str, published: datetime | None) -> Report:
    text = normalise_text(text)
    first, _, rest = text.partition("\n")
    first = first.strip()
    # A headline: short, more text after it, and not a sentence that runs on.
    is_title = 0 < len(first) <= _MAX_TITLE and rest.strip() != "" and not first.endswith((".", ",", ";", ":"))
    return Report(
        id="",
        kind=ReportKind.TEXT,
        text=text,
        title=first if is_title else None,
        published=published,
        origin=origin,
        raw=raw,
    )
