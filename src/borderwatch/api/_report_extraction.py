"""POST /api/reports/extract: extract stored reports again, or the ones stored without an extraction.

What `borderwatch reports extract` does, for a client: named reports after a correction of the vocabularies
or the gazetteer, or a bounded slice of the reports stored with `ingest --no-extract` (the answer says how
many remain, so a client loops until none do). It runs as the caller: an analyst changes only their own
agency's reports, a post only its own post's, and a report from a peer keeps its origin's extraction.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.concurrency import run_in_threadpool

from ..pipeline import ExtractStoredSummary, extract_stored
from ..store import ExtractionSelection
from ._schemas import ErrorOut
from ._state import AppState, get_state

__all__ = ["router"]

router = APIRouter(prefix="/api/reports", tags=["reports"])
State = Annotated[AppState, Depends(get_state)]


class ExtractIn(BaseModel):
    """Which reports: `ids` (extracted again even if they have an extraction), or `pending`: up to `limit` of
    the caller's reports with no extraction yet, oldest first."""

    model_config = ConfigDict(extra="forbid")

    ids: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(default_factory=list, max_length=1000)
    pending: bool = False
    limit: int = Field(default=100, ge=1, le=1000)

    @model_validator(mode="after")
    def _one_selection(self) -> ExtractIn:
        if bool(self.ids) == self.pending:
            raise ValueError("give either ids or pending: true")
        return self


class ExtractFailure(BaseModel):
    origin: str = Field(description="where the report came from (file, feed entry, post) or its id")
    reason: str


class ExtractOut(BaseModel):
    reports: int = Field(description="reports extracted")
    changed: int = Field(description="of which the result differed from the stored one (their events follow)")
    mentions: int = Field(description="event mentions in the changed results")
    failures: list[ExtractFailure] = Field(description="reports whose extraction failed: they keep what they had")
    remaining: int = Field(description="with `pending`: reports still waiting for an extraction")


@router.post("/extract", response_model=ExtractOut, responses={403: {"model": ErrorOut}, 404: {"model": ErrorOut},
                                                                  422: {"model": ErrorOut}})  # fmt: skip
async def extract_reports(body: ExtractIn, state: State) -> ExtractOut:
    """Extract stored reports; a changed result updates the events built from the report and reaches peers
    as a new version. An unchanged one changes nothing. A named report the caller may not change is 403
    (one it may not see, 404), and nothing is extracted."""
    return await run_in_threadpool(_extract, state, body)


def _extract(state: AppState, body: ExtractIn) -> ExtractOut:
    remaining = 0
    if body.pending:
        queue = state.store.extraction_queue(ExtractionSelection())
        remaining = max(0, len(queue) - body.limit)
        ids = tuple(queue[: body.limit])
    else:
        ids = tuple(body.ids)
    summary = ExtractStoredSummary()
    if ids:
        with state.extract_lock:
            summary = extract_stored(state.store, state.settings, ExtractionSelection(report_ids=ids),
                                     extractor=state.extractor())  # fmt: skip
        if summary.changed:
            state.written()
    return ExtractOut(
        reports=summary.reports,
        changed=summary.changed,
        mentions=summary.mentions,
        failures=[ExtractFailure(origin=f.origin, reason=f.reason) for f in summary.failures],
        remaining=remaining,
    )
