"""A page of received versions costs a fixed number of statements, whatever the number of reports in it.

Every report here is SYNTHETIC: invented convoys at invented posts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from borderwatch.model import Marking
from borderwatch.store import Incoming, Reader, Role, Store, acting_as
from borderwatch.store._schema import exchange_index, report_access, reports
from tests.share.helpers import fresh_db, mention, new_report

ADMIN = Reader.local_admin()
PEER = Reader(agency="dz-mdn", user="peer-a", role=Role.PEER, interface="sync")


def _versions(source: Store) -> list[Incoming]:
    """What a peer would receive of every report of `source`: their current versions."""
    return [
        Incoming(i.report_id, i.created, i.modified, False, i.report, i.extraction, "installation-a")
        for i in source.exchange.changes(None, 10_000)
    ]


def _received_then_changed(tmp_path: Path, n: int) -> tuple[Store, list[Incoming], list[str]]:
    """B holds `n` reports received from peer-a; the next versions re-mark half of them GREEN and withdraw the
    others. Returns B, those versions, and the outcomes of applying them (counted in `statements`)."""
    source = Store(fresh_db(tmp_path, f"a-{n}.db"))
    target = Store(fresh_db(tmp_path, f"b-{n}.db"))
    texts = [
        f"SYNTHETIC report {n}-{i}: a convoy of {i + 2} pickups seen near the invented post Tazrouk-{i}."
        for i in range(n)
    ]
    source.add_reports([new_report(text, mentions=[]) for text in texts], writer=ADMIN)
    with acting_as(ADMIN):
        target.exchange.add_peer("peer-a", "dz-mdn", url="http://127.0.0.1:9/taxii2/api/")
    peer = target.exchange.peer("peer-a")
    first = _versions(source)
    assert set(target.exchange.apply(first, peer=peer, actor=PEER)) == {"created"}
    half = n // 2
    later = (
        [
            replace(
                i,
                modified=i.modified + timedelta(seconds=1),
                report=i.report.model_copy(update={"marking": Marking.GREEN}),
            )  # type: ignore[union-attr]
            for i in first[:half]
        ]
        + [Incoming(i.report_id, i.created, i.modified + timedelta(seconds=1), withdrawn=True) for i in first[half:]]
    )
    source.close()
    return target, later, [i.report_id for i in first]


def _apply_counting(target: Store, versions: list[Incoming]) -> tuple[list[str], int]:
    statements = [0]

    def count(*_: Any) -> None:
        statements[0] += 1

    event.listen(target._engine, "before_cursor_execute", count)
    try:
        outcomes = target.exchange.apply(versions, peer=target.exchange.peer("peer-a"), actor=PEER)
    finally:
        event.remove(target._engine, "before_cursor_execute", count)
    return outcomes, statements[0]


def test_updates_and_withdrawals_are_applied_with_as_many_statements_for_6_or_40_reports(tmp_path: Path) -> None:
    counts = {}
    for n in (6, 40):
        target, later, ids = _received_then_changed(tmp_path, n)
        outcomes, counts[n] = _apply_counting(target, later)
        half = n // 2
        assert outcomes == ["updated"] * half + ["withdrawn"] * (n - half)
        with target._engine.connect() as c:
            markings = dict(c.execute(select(reports.c.id, reports.c.marking)).all())
            tombstones = set(c.execute(select(exchange_index.c.report_id).where(exchange_index.c.withdrawn)).scalars())
            with_class = set(c.execute(select(report_access.c.report_id)).scalars())
        assert markings == dict.fromkeys(ids[:half], "GREEN")
        assert tombstones == set(ids[half:])
        assert with_class == set(ids[:half])
        # Applying the same page again changes nothing (a sync resumed after a cut).
        assert set(_apply_counting(target, later)[0]) == {"unchanged"}
        target.close()
    assert counts[6] == counts[40]


def test_a_page_of_received_reports_is_fused_mention_by_mention_in_the_order_of_their_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from borderwatch.store._fusion import FusionSession

    source = Store(fresh_db(tmp_path, "a-order.db"))
    target = Store(fresh_db(tmp_path, "b-order.db"))
    told = {  # SYNTHETIC reports, listed in the page out of the order of the days they tell
        "two clashes": [mention("e1", "a clash", date="2025-05-09"), mention("e2", "a clash", date="2025-05-01")],
        "one seizure": [mention("e1", "a seizure", date="2025-05-05")],
        "an undated arrest": [mention("e1", "an arrest", date=None)],
    }
    items = [
        new_report(f"SYNTHETIC {what} near the invented post Bir Tazrouk.", mentions=m) for what, m in told.items()
    ]
    undated = items[2].report
    items[2].report = undated.model_copy(update={"published": datetime(2025, 5, 3, 9)})
    source.add_reports(items, writer=ADMIN)
    with acting_as(ADMIN):
        target.exchange.add_peer("peer-a", "dz-mdn", url="http://127.0.0.1:9/taxii2/api/")
    fused: list[str] = []
    original = FusionSession.fuse_report

    def recording(self: FusionSession, report_id: str, published: Any, mentions: Any, **kw: Any) -> Any:
        fused.extend(m.date or f"published {published:%Y-%m-%d}" for m in mentions)
        return original(self, report_id, published, mentions, **kw)

    monkeypatch.setattr(FusionSession, "fuse_report", recording)
    page = sorted(_versions(source), key=lambda i: -len(i.extraction.events))  # type: ignore[union-attr]
    assert set(target.exchange.apply(page, peer=target.exchange.peer("peer-a"), actor=PEER)) == {"created"}
    assert fused == ["2025-05-01", "published 2025-05-03", "2025-05-05", "2025-05-09"]
    source.close()
    target.close()


def test_the_names_of_a_received_report_are_read_once_though_its_mentions_are_fused_far_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from borderwatch.fuse import _names

    source = Store(fresh_db(tmp_path, "a-names.db"))
    target = Store(fresh_db(tmp_path, "b-names.db"))
    items = []
    for i in range(40):  # SYNTHETIC: each report tells of a day in 2020 and one in 2024, fused years apart
        text = f"SYNTHETIC report {i}: the invented Tazrouk-{i} Brigade crossed near Bir Tamesna twice."
        told = [
            mention("e1", text, date=f"2020-01-{i % 28 + 1:02d}"),
            mention("e2", text, date=f"2024-01-{i % 28 + 1:02d}"),
        ]
        items.append(new_report(text, mentions=told))
    source.add_reports(items, writer=ADMIN)
    with acting_as(ADMIN):
        target.exchange.add_peer("peer-a", "dz-mdn", url="http://127.0.0.1:9/taxii2/api/")
    read: list[str] = []
    original = _names._runs

    def counting(text: str, starts: list[int] | None = None) -> list[list[str]]:
        read.append(text)
        return original(text, starts)

    _names._placed_runs.cache_clear()
    monkeypatch.setattr(_names, "_runs", counting)
    page = _versions(source)
    assert set(target.exchange.apply(page, peer=target.exchange.peer("peer-a"), actor=PEER)) == {"created"}
    assert len(page) == 40 and len(read) == len(set(read))
    source.close()
    target.close()
