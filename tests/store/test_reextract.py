"""Extracting stored reports again (`reports extract`): which reports, who may, idempotence, failures kept apart.

SYNTHETIC: invented incidents; the extraction backend is a stand-in that codes each report from its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

import pytest

from borderwatch.errors import AccessDeniedError, NotFoundError
from borderwatch.ingest import Failure
from borderwatch.model import ExtractResult, Marking, Report, ReportRef
from borderwatch.pipeline import extract_stored
from borderwatch.settings import Settings
from borderwatch.store import (
    AuditQuery,
    EventQuery,
    ExtractionSelection,
    Incoming,
    NewReport,
    Reader,
    Role,
    Store,
    acting_as,
)
from tests.fuse._make import mention

ADMIN = Reader.local_admin()
ANALYST_A = Reader(agency="dz-a", user="ana", role=Role.ANALYST)
ANALYST_B = Reader(agency="tn-b", user="bel", role=Role.ANALYST)
# Far enough apart that no two of the reports' attacks are one event.
TOWNS = ("Ouallam", "Tessalit", "Kasserine", "Ben Guerdane", "Aguelhok")


class _Coder:
    """Codes a report whose text names a town as one armed clash there with the toll the text gives
    (`toll` overrides it, to stand for a new model); a text containing FAIL cannot be extracted."""

    def __init__(self, toll: int | None = None) -> None:
        self.toll = toll
        self.seen: list[str] = []

    def extract(self, reports: Iterable[Report]) -> Iterator[ExtractResult | Failure]:
        for report in reports:
            self.seen.append(report.id)
            if "FAIL" in report.text:
                yield Failure(report.id, "extraction failed (ValueError): synthetic failure")
                continue
            place = next(town for town in TOWNS if town in report.text)
            toll = self.toll if self.toll is not None else int(report.text.split("killed ")[1].split()[0])
            event = mention(place=place, fatalities=toll, sentence=report.text, day=report.text[-10:])
            yield ExtractResult(report=ReportRef(id=report.id), events=[event])


def _report(n: int, agency: str = "dz-a", marking: Marking = Marking.AMBER) -> NewReport:
    text = f"SYNTHETIC report {n}: gunmen killed {n} villagers near {TOWNS[n % len(TOWNS)]} on 2025-04-{n:02d}"
    published = datetime(2025, 4, n + 1)
    return NewReport(report=Report(text=text, agency=agency, marking=marking, published=published))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(Settings.load(db=db_url)) as opened:
        opened.add_reports([_report(n) for n in (1, 2, 3)] + [_report(4, agency="tn-b")])
        yield opened


def _settings(store: Store) -> Settings:
    return Settings.load(db=store.url, batch_size=2)


def _fatalities(store: Store) -> list[int]:
    return sorted(e["fatalities"] for e in store.list_events(EventQuery(), ADMIN))


def test_reports_without_extraction_are_extracted_once(store: Store) -> None:
    coder = _Coder()
    summary = extract_stored(store, _settings(store), ExtractionSelection(), extractor=coder)
    assert (summary.reports, summary.changed, summary.mentions, summary.failures) == (4, 4, 4, [])
    assert _fatalities(store) == [1, 2, 3, 4]
    # Nothing is left without an extraction: a second run extracts nothing.
    again = extract_stored(store, _settings(store), ExtractionSelection(), extractor=_Coder())
    assert again.reports == 0
    # Everything again with the same results: nothing changes, no event is made twice.
    same = extract_stored(store, _settings(store), ExtractionSelection(everything=True), extractor=_Coder())
    assert (same.reports, same.changed) == (4, 0)
    assert store.count("events", ADMIN) == 4 and store.count("event_mentions", ADMIN) == 4


def test_a_new_result_replaces_the_old_one_and_is_audited(store: Store) -> None:
    extract_stored(store, _settings(store), ExtractionSelection(), extractor=_Coder())
    before = {e["id"] for e in store.list_events(EventQuery(), ADMIN)}
    summary = extract_stored(store, _settings(store), ExtractionSelection(everything=True), extractor=_Coder(toll=9))
    assert summary.changed == 4
    assert _fatalities(store) == [9, 9, 9, 9]
    assert {e["id"] for e in store.list_events(EventQuery(), ADMIN)} == before  # the same events, updated
    entries = store.audit.entries(AuditQuery(action="write"))
    assert any(e["what"] == "extract 2 report(s) again" for e in entries)


def test_a_failed_report_keeps_its_state_and_the_batch_is_stored(store: Store) -> None:
    store.add_reports([NewReport(report=Report(text="SYNTHETIC FAIL killed 5 near Aguelhok on 2025-04-05"))])
    summary = extract_stored(store, _settings(store), ExtractionSelection(), extractor=_Coder())
    assert [f.reason for f in summary.failures] == ["extraction failed (ValueError): synthetic failure"]
    assert summary.reports == 4 and store.count("events", ADMIN) == 4
    assert len(store.extraction_queue(ExtractionSelection())) == 1  # tried again by the next run


def test_an_analyst_extracts_only_the_own_agencys_reports(store: Store) -> None:
    coder = _Coder()
    with acting_as(ANALYST_B):
        summary = extract_stored(store, _settings(store), ExtractionSelection(), extractor=coder)
    assert summary.reports == 1 and len(coder.seen) == 1
    a_report = store.extraction_queue(ExtractionSelection())[0]
    with acting_as(ANALYST_B), pytest.raises(NotFoundError, match="no report"):  # hidden looks missing
        store.extraction_queue(ExtractionSelection(report_ids=(a_report,)))
    with acting_as(ANALYST_B), pytest.raises(NotFoundError):
        store.replace_extractions([ExtractResult(report=ReportRef(id=a_report))])
    with acting_as(Reader(agency="tn-b", user="peer-x", role=Role.PEER)), pytest.raises(AccessDeniedError):
        store.extraction_queue(ExtractionSelection())
    with acting_as(ANALYST_A):
        assert len(store.extraction_queue(ExtractionSelection())) == 3


def test_a_peers_report_keeps_the_extraction_its_origin_sent(store: Store) -> None:
    received = _report(7, agency="ly-c")
    now = datetime(2025, 6, 1)
    sent = ExtractResult(report=ReportRef(id=received.report.id), events=[mention(fatalities=70)])
    incoming = Incoming(received.report.id, now, now, report=received.report, extraction=sent, installation="x")
    peer = store.exchange.add_peer("ly-peer", "ly-c", recipients=["agency:dz-a"])
    store.exchange.apply([incoming], peer=peer, actor=ADMIN, recipients=["agency:dz-a"])
    queue = store.extraction_queue(ExtractionSelection(everything=True))
    assert received.report.id not in queue and len(queue) == 4
    with pytest.raises(AccessDeniedError, match="came from peer ly-peer"):
        store.extraction_queue(ExtractionSelection(report_ids=(received.report.id,)))


def test_since_and_until_select_by_publication(store: Store) -> None:
    selection = ExtractionSelection(since=datetime(2025, 4, 3), until=datetime(2025, 4, 5))
    assert len(store.extraction_queue(selection)) == 2
