"""Structured field reports from monitoring posts: JSON objects, lists of them, or JSON lines."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import FieldReportError, InputError
from ..model import FieldPosition, Marking, Report, ReportKind, Source, normalise_text

__all__ = ["FieldReportIn", "field_reports"]


class FieldCategory(StrEnum):
    SIGHTING = "sighting"
    INCIDENT = "incident"
    SEIZURE = "seizure"
    PATROL = "patrol"
    OTHER = "other"


class FieldReportIn(BaseModel):
    """What a monitoring post files. Unknown fields are refused so that typos are caught."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    post_id: str = Field(min_length=1, max_length=64)
    time: datetime
    position: FieldPosition
    category: FieldCategory
    text: str = Field(min_length=1)
    marking: Marking | None = None
    agency: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    title: str | None = None
    sharing_groups: list[str] = Field(default_factory=list)
    source: str | None = None

    @field_validator("marking", mode="before")
    @classmethod
    def _marking(cls, value: Any) -> Any:
        return Marking.parse(value) if isinstance(value, str) else value

    def to_report(self, origin: str, raw: bytes) -> Report:
        when = self.time if self.time.tzinfo else self.time.replace(tzinfo=UTC)
        text = normalise_text(self.text)
        # Two posts may file the same words ("nothing to report"): the post and time are part of identity.
        identity = f"{self.post_id}\n{when.isoformat()}\n{' '.join(text.split()).casefold()}"
        report = Report(
            id="",
            kind=ReportKind.FIELD,
            text=text,
            title=self.title,
            published=when,
            source=Source(name=self.source or f"post {self.post_id}"),
            origin=origin,
            sharing_groups=tuple(self.sharing_groups),
            raw=raw,
            content_hash=hashlib.sha256(identity.encode("utf-8")).hexdigest(),
            post_id=self.post_id,
            position=self.position,
            category=self.category.value,
        )
        if self.marking is not None:
            report.marking = self.marking
        if self.agency is not None:
            report.agency = self.agency
        return report


def field_reports(text: str, origin: str) -> Iterator[Report | FieldReportError]:
    """Each valid object as a Report; each bad one as an error naming its line and field."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}: malformed JSON (line {exc.lineno}: {exc.msg})") from None
        for index, item in enumerate(items, 1):
            yield _one(item, f"{origin} item {index}")
        return
    if stripped.startswith("{") and "\n{" not in stripped:
        try:
            yield _one(json.loads(text), origin)
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}: malformed JSON (line {exc.lineno}: {exc.msg})") from None
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin} line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield FieldReportError(f"{where}: malformed JSON ({exc.msg})")
            continue
        yield _one(item, where)


def _one(item: Any, where: str) -> Report | FieldReportError:
    if not isinstance(item, dict):
        return FieldReportError(f"{where}: expected a JSON object, got {type(item).__name__}")
    try:
        parsed = FieldReportIn.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "report"
        return FieldReportError(f"{where}: field {field!r}: {first['msg']}")
    raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return parsed.to_report(where, raw)
