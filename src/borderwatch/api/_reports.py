"""/api/reports: post a text report, an HTML page or a field report and get its events back; list; read."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..ingest import Failure, FieldReportIn, ReadOptions, read_bytes
from ..model import Marking, Report, ReportKind, Source, normalise_text
from ..pipeline import ingest
from ..store import ReportQuery, report_for_reader
from ._errors import validated
from ._schemas import ErrorOut, ReportDetail, ReportOut, ReportPosted
from ._state import AppState, get_state

__all__ = ["TextReportIn", "router"]

router = APIRouter(prefix="/api/reports", tags=["reports"])
State = Annotated[AppState, Depends(get_state)]


class TextReportIn(BaseModel):
    """A text report given as JSON (or give the raw text with Content-Type text/plain)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: datetime | None = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    marking: Marking | None = None
    agency: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    sharing_groups: list[str] = Field(default_factory=list)

    @field_validator("marking", mode="before")
    @classmethod
    def _marking(cls, value: Any) -> Any:
        return Marking.parse(value) if isinstance(value, str) else value


class HtmlReportIn(BaseModel):
    """A web page given as JSON (or give the page with Content-Type text/html)."""

    model_config = ConfigDict(extra="forbid")

    html: str = Field(min_length=1, max_length=20_000_000)
    url: str | None = Field(default=None, max_length=2000)
    marking: Marking | None = None
    agency: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")

    @field_validator("marking", mode="before")
    @classmethod
    def _marking(cls, value: Any) -> Any:
        return Marking.parse(value) if isinstance(value, str) else value


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/TextReportIn"},
                        {"$ref": "#/components/schemas/HtmlReportIn"},
                        {"$ref": "#/components/schemas/FieldReportIn"},
                    ]
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "",
    status_code=201,
    response_model=ReportPosted,
    responses={200: {"model": ReportPosted, "description": "already stored"}, 422: {"model": ErrorOut}},
    openapi_extra=_BODY_DOC,
)
async def post_report(request: Request, state: State) -> JSONResponse:
    """Store a report, extract its events (checking them against the watch zones) and return them.

    JSON bodies: `{"text", ...}` a text report, `{"html", ...}` a web page, `{"post_id", "time", "position",
    "category", "text", ...}` a field report. Raw `text/plain` or `text/html` bodies work too.
    """
    body = await request.body()
    content_type = request.headers.get("content-type", "")
    stored, detail = await run_in_threadpool(_store_report, state, content_type, body)
    return JSONResponse({"report": detail, "stored": stored}, status_code=201 if stored else 200)


def _store_report(state: AppState, content_type: str, body: bytes) -> tuple[bool, dict[str, Any]]:
    report = _report_from(content_type, body, state)
    with state.extract_lock:
        summary = ingest([report], state.store, state.settings, extractor=state.extractor())
    if summary.failures:
        raise InputError(f"body: {summary.failures[0].reason}")
    state.written()
    return summary.stored == 1, _report_detail(state, report.id)


def _report_from(content_type: str, body: bytes, state: AppState) -> Report:
    report = _parse_report(content_type, body, state)
    # Filed in the caller's name: its agency unless the body names one (the store refuses another agency's),
    # and a field post's account files for its own post.
    reader = getattr(state.store, "reader", None)
    if reader is not None and reader.post_id and report.post_id is None:
        report.post_id = reader.post_id
    return report


def _parse_report(content_type: str, body: bytes, state: AppState) -> Report:
    reader = getattr(state.store, "reader", None)
    agency = reader.agency if reader is not None and not reader.all_seeing else state.settings.agency
    options = ReadOptions(agency=agency, marking=state.settings.marking,
                          max_bytes=int(state.settings.max_file_mb * 1_000_000))  # fmt: skip
    kind = content_type.split(";")[0].strip().lower()
    if not body.strip():
        raise InputError("body: empty; send a report")
    if kind == "application/json":
        return _json_report(body, options)
    if kind in ("text/plain", "text/html", ""):
        return _one(read_bytes(body, "posted.html" if kind == "text/html" else "posted.txt", options))
    raise InputError(f"content-type: {kind!r} is not accepted (application/json, text/plain or text/html)")


def _json_report(body: bytes, options: ReadOptions) -> Report:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"body: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError("body: expected a JSON object")
    if "post_id" in data:
        validated(FieldReportIn, "body", **data)
        return _one(read_bytes(body, "posted.json", options))
    if "html" in data:
        page: HtmlReportIn = validated(HtmlReportIn, "body", **data)
        report = _one(read_bytes(page.html.encode("utf-8"), "posted.html", options))
        report.url = page.url or report.url
        report.marking = page.marking or report.marking
        report.agency = page.agency or report.agency
        return report
    item: TextReportIn = validated(TextReportIn, "body", **data)
    text = normalise_text(item.text)
    if not text:
        raise InputError("text: empty after removing control characters and white space")
    return Report(
        kind=ReportKind.TEXT,
        text=text,
        raw=item.text.encode("utf-8"),
        title=item.title,
        published=item.published,
        source=Source(name=item.source) if item.source else None,
        url=item.url,
        origin="api",
        agency=item.agency or options.agency,
        marking=item.marking or options.marking,
        sharing_groups=tuple(item.sharing_groups),
    )


def _one(items: Any) -> Report:
    found = list(items)
    for item in found:
        if isinstance(item, Failure):
            raise InputError(f"body: {item.reason}")
    if len(found) != 1:
        raise InputError(f"body: expected one report, found {len(found)}")
    report: Report = found[0]
    return report


def _report_detail(state: AppState, report_id: str) -> dict[str, Any]:
    row = report_for_reader(state.store.get_report(report_id))
    for key in ("published", "ingested_at"):
        if isinstance(row.get(key), datetime):
            row[key] = row[key].isoformat()
    row["events"] = state.store.report_events(report_id)
    return row


@router.get("", response_model=list[ReportOut], responses={422: {"model": ErrorOut}})
def list_reports(
    state: State,
    since: Annotated[date | None, Query(description="published on or after")] = None,
    until: Annotated[date | None, Query(description="published on or before")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    kind: Annotated[str | None, Query(pattern=r"^(text|html|feed-entry|field)$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Reports, most recently published first."""
    query = validated(
        ReportQuery,
        since=datetime.combine(since, datetime.min.time()) if since else None,
        until=datetime.combine(until, datetime.max.time()) if until else None,
        country=country,
        kind=kind,
        limit=limit,
        offset=offset,
    )
    return state.store.list_reports(query)


@router.get("/{report_id}", response_model=ReportDetail, responses={404: {"model": ErrorOut}})
def get_report(state: State, report_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """A report: its text, metadata and marking, near-duplicates, and the events it supports with their spans."""
    return _report_detail(state, report_id)
