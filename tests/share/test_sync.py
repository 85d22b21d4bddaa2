"""Two installations syncing both ways over TAXII, the connection cut at random points and resumed.

The end state must be the rules' intended state: every report version the rules let through, with its
marking and selected events, once; nothing else; updates and withdrawals applied.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import httpx
import pytest

from borderwatch.model import Marking
from borderwatch.share import PeerRule, Zone, parse_rules, select_for_peer
from borderwatch.store import Reader, ReportQuery, acting_as
from tests.share.helpers import Installation, mention, new_report, pair, sync

ADMIN = Reader.local_admin()


class Cutter(httpx.BaseTransport):
    """Fails a share of requests: before they reach the peer, after it answered, or mid-body."""

    def __init__(self, inner: httpx.BaseTransport, rng: random.Random, rate: float) -> None:
        self.inner, self.rng, self.rate = inner, rng, rate
        self.cuts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        roll = self.rng.random()
        if roll < self.rate / 3:
            self.cuts += 1
            raise httpx.ConnectError("cut before the request arrived", request=request)
        response = self.inner.handle_request(request)
        if roll < self.rate:
            self.cuts += 1
            body = response.read()
            if roll < 2 * self.rate / 3:
                raise httpx.ReadError("cut before the answer arrived", request=request)
            return httpx.Response(
                response.status_code, headers=response.headers, content=body[: len(body) // 2], request=request
            )
        return response


def _near(km: float) -> Any:
    return [
        mention("e1", "a clash", border="DZA-TUN", border_km=km),
        mention("e2", "a far arrest", border="DZA-NER", border_km=400),
    ]


def _seed(a: Installation, b: Installation) -> dict[str, Any]:
    r = {
        "a1": new_report(
            "SYNTHETIC A1 GREEN clash near Tebessa.", agency="dz-cnc", marking=Marking.GREEN, mentions=_near(20)
        ),
        "a2": new_report(
            "SYNTHETIC A2 AMBER ambush near El Ma Labiodh.", agency="dz-cnc", marking=Marking.AMBER, mentions=_near(30)
        ),
        "a3": new_report(
            "SYNTHETIC A3 AMBER far south.",
            agency="dz-cnc",
            marking=Marking.AMBER,
            mentions=[mention("e1", "far", border="DZA-NER", border_km=300)],
        ),
        "a4": new_report(
            "SYNTHETIC A4 RED source near Tebessa.", agency="dz-cnc", marking=Marking.RED, mentions=_near(5)
        ),
        "a5": new_report(
            "SYNTHETIC A5 AMBER+STRICT post note.", agency="dz-cnc", marking=Marking.AMBER_STRICT, mentions=_near(8)
        ),
        "a6": new_report(
            "SYNTHETIC A6 GREEN for the DZ-LY cell.",
            agency="dz-cnc",
            marking=Marking.GREEN,
            groups=["dz-ly"],
            mentions=_near(10),
        ),
        "a7": new_report(
            "SYNTHETIC A7 CLEAR bulletin far away.",
            agency="dz-cnc",
            marking=Marking.CLEAR,
            mentions=[mention("e1", "far", border="DZA-MLI", border_km=500)],
        ),
        "b1": new_report("SYNTHETIC B1 GREEN seizure at Ras Jedir.", agency="tn-cnc", marking=Marking.GREEN),
        "b2": new_report("SYNTHETIC B2 AMBER internal note.", agency="tn-cnc", marking=Marking.AMBER),
        "b3": new_report("SYNTHETIC B3 RED source.", agency="tn-cnc", marking=Marking.RED),
        "b4": new_report(
            "SYNTHETIC B4 AMBER for the joint cell.", agency="tn-cnc", marking=Marking.AMBER, groups=["tn-dz"]
        ),
    }
    a.store.add_reports([v for k, v in r.items() if k.startswith("a")])
    b.store.add_reports([v for k, v in r.items() if k.startswith("b")])
    strip = Zone(border="DZA-TUN", km=50)
    a.store.exchange.update_peer(
        "peer-b",
        rules=[
            PeerRule.up_to(Marking.AMBER, zone=strip).model_dump(mode="json"),
            PeerRule(markings=frozenset({Marking.CLEAR})).model_dump(mode="json"),
        ],
    )
    b.store.exchange.update_peer(
        "peer-a",
        rules=[
            PeerRule.up_to(Marking.GREEN).model_dump(mode="json"),
            PeerRule.up_to(Marking.AMBER, groups=frozenset({"tn-dz"})).model_dump(mode="json"),
        ],
    )
    return {k: v.report.id for k, v in r.items()}


def _received(inst: Installation, peer: str) -> dict[str, tuple[str, list[str]]]:
    items = inst.store.exchange.changes(None, 10_000)
    return {
        i.report_id: (i.report.marking.value, [m.id for m in i.extraction.events] if i.extraction else [])
        for i in items
        if i.report is not None and i.origin_peer == peer
    }


def _intended(source: Installation, peer: str) -> dict[str, tuple[str, list[str]]]:
    rules = parse_rules(source.store.exchange.peer(peer).rules)
    out = {}
    for item in source.store.exchange.changes(None, 10_000):
        chosen = select_for_peer(rules, item, peer)
        if chosen is not None:
            out[item.report_id] = (item.report.marking.value, [m.id for m in chosen])
    return out


def _check(a: Installation, b: Installation, ids: dict[str, str]) -> None:
    assert _received(b, "peer-a") == _intended(a, "peer-b")
    assert _received(a, "peer-b") == _intended(b, "peer-a")
    for inst in (a, b):
        listed = inst.store.list_reports(ReportQuery(limit=1000), ADMIN)
        assert len(listed) == len({r["id"] for r in listed}) == inst.store.count("reports", ADMIN)
    never = (
        {ids[k] for k in ("a3", "a4", "a5", "a6", "b2", "b3")}
        - set(_intended(a, "peer-b"))
        - set(_intended(b, "peer-a"))
    )
    assert not never & set(_received(b, "peer-a")) and not never & set(_received(a, "peer-b"))


@pytest.mark.parametrize("seed", range(6))
def test_two_installations_sync_both_ways_through_cuts(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    cutters: list[Cutter] = []

    def wrap(inner: httpx.BaseTransport) -> httpx.BaseTransport:
        cutters.append(Cutter(inner, rng, rate=0.35))
        return cutters[-1]

    a, b = pair(tmp_path, wrap)
    try:
        ids = _seed(a, b)
        sync(a, "peer-b", attempts=200, page_size=4)
        sync(b, "peer-a", attempts=200, page_size=4)
        _check(a, b, ids)
        assert set(_received(b, "peer-a")) == {ids["a1"], ids["a2"], ids["a7"]}
        assert set(_received(a, "peer-b")) == {ids["b1"], ids["b4"]}
        # Updates and withdrawals on both sides, then sync again through cuts.
        with acting_as(ADMIN):
            a.store.exchange.set_marking(ids["a2"], Marking.RED)  # no longer goes: withdrawn at B
            a.store.exchange.set_marking(ids["a1"], Marking.AMBER)  # still goes, as AMBER
            a.store.exchange.withdraw(ids["a7"])
            a.store.add_reports(
                [new_report("SYNTHETIC A8 AMBER new clash near Kasserine.", agency="dz-cnc", mentions=_near(15))]
            )
            b.store.exchange.withdraw(ids["b1"])
            b.store.exchange.set_marking(ids["b2"], Marking.GREEN)  # now goes
        for _ in range(2):  # each side as the client, twice: nothing changes the second time
            sync(b, "peer-a", attempts=200, page_size=3)
            sync(a, "peer-b", attempts=200, page_size=3)
        _check(a, b, ids)
        assert _received(b, "peer-a")[ids["a1"]][0] == "AMBER" and ids["a2"] not in _received(b, "peer-a")
        assert ids["a7"] not in _received(b, "peer-a") and ids["b1"] not in _received(a, "peer-b")
        assert ids["b2"] in _received(a, "peer-b")
        assert sum(c.cuts for c in cutters) > 0
    finally:
        a.close()
        b.close()


def test_received_reports_are_seen_by_the_recipients_only(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    try:
        ids = _seed(a, b)
        sync(a, "peer-b")
        recipient = Reader(agency="tn-cnc", user="analyst")
        other = Reader(agency="ly-x", user="libyan")
        same_name = Reader(agency="dz-cnc", user="dz-liaison-at-b")
        seen = {r["id"] for r in b.store.list_reports(ReportQuery(), recipient)}
        assert {ids["a1"], ids["a2"], ids["a7"]} <= seen
        assert {r["id"] for r in b.store.list_reports(ReportQuery(), other)} == {ids["a7"], ids["b1"]}
        # An account of the originating agency's name at B does not see AMBER received from A as its own.
        assert ids["a2"] not in {r["id"] for r in b.store.list_reports(ReportQuery(), same_name)}
        origins = {r["id"]: r["origin"] for r in b.store.list_reports(ReportQuery(), ADMIN)}
        assert origins[ids["a1"]] is None or "peer" not in str(origins[ids["a1"]])
        assert {i.origin_peer for i in b.store.exchange.changes(None, 100) if i.report_id == ids["a1"]} == {"peer-a"}
    finally:
        a.close()
        b.close()
