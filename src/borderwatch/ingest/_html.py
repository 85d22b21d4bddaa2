"""HTML pages: main text, title and publication date (trafilatura, htmldate)."""

from __future__ import annotations

from datetime import datetime

import trafilatura

from ..errors import InputError
from ..model import Report, ReportKind, Source, normalise_text

__all__ = ["html_report", "html_to_text"]


def html_report(html: str, raw: bytes, origin: str, published: datetime | None, url: str | None = None) -> Report:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = normalise_text(document.text) if document is not None and document.text else ""
    if not text:
        text = html_to_text(html)
    if not text:
        raise InputError(f"{origin}: HTML page without readable text")
    when = published or (_parse_date(document.date) if document is not None else None)
    return Report(
        id="",
        kind=ReportKind.HTML,
        text=text,
        title=(document.title if document is not None else None) or None,
        published=when,
        url=url or (document.url if document is not None else None),
        source=Source(name=document.sitename) if document is not None and document.sitename else None,
        origin=origin,
        raw=raw,
    )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs kept as lines."""
    if "<" not in fragment:
        return normalise_text(fragment)
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return normalise_text(fragment)
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in normalise_text(root.text_content()).split("\n") if line.strip())


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
