"""Reports: what comes in, before anything is extracted from it."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from ._sharing import Marking

__all__ = ["FieldPosition", "Report", "ReportKind", "Source", "content_hash", "normalise_text"]


class ReportKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    FEED_ENTRY = "feed-entry"
    FIELD = "field"


class Source(BaseModel):
    """Where a report was published or who filed it (an outlet, a feed, a monitoring post)."""

    model_config = ConfigDict(frozen=True)

    name: str
    url: str | None = None
    reliability: str | None = Field(
        default=None, pattern=r"^[A-F]$", description="Admiralty scale A (reliable) to F (cannot be judged)"
    )


class FieldPosition(BaseModel):
    model_config = ConfigDict(frozen=True)

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Report(BaseModel):
    """One report as ingested: its text, its metadata and its sharing marking.

    `text` is the normalised text that extraction reads and that every character
    offset refers to; `raw` is the content exactly as it arrived.
    """

    id: str = Field(default="", description="stable id: from the content hash unless the caller gives one")
    kind: ReportKind = ReportKind.TEXT
    text: str
    title: str | None = None
    published: datetime | None = None
    source: Source | None = None
    url: str | None = None
    origin: str | None = Field(default=None, description="path, feed URL or archive member it came from")
    agency: str = Field(default="local", description="id of the originating agency")
    marking: Marking = Marking.AMBER
    sharing_groups: tuple[str, ...] = ()
    raw: bytes | None = Field(default=None, repr=False)
    content_hash: str = ""
    # Field reports from monitoring posts carry these.
    post_id: str | None = None
    position: FieldPosition | None = None
    category: str | None = None
    # Not stored with the report: the pipeline fills it from the store's agencies before extraction, so that a
    # post's own forces and a ministry's "our units" are its state's, wherever the post stands.
    agency_country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 of the originating agency, if known"
    )

    def model_post_init(self, _context: object) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if not self.id:
            self.id = self.content_hash[:24]


def normalise_text(text: str) -> str:
    """NFC, unified line ends, no NUL or other control characters, trimmed lines at the ends.

    Offsets in extraction output refer to this form, so it must be stable.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def content_hash(text: str) -> str:
    """Hash of the text with white space folded, so that re-wrapped copies are one report."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
