"""A re-sync from the start maps and applies only the versions it does not have yet.

Every report here is SYNTHETIC: invented seizures at invented posts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from borderwatch.model import Marking
from borderwatch.share import PeerRule, _stix_map
from borderwatch.store import Reader, acting_as
from tests.share.helpers import mention, new_report, pair

ADMIN = Reader.local_admin()


def _share_six(a: Any, template: str) -> list[Any]:
    """A stores six GREEN reports (`template` formatted with i = 0..5) and lets up to AMBER go to B; the reports."""
    texts = [template.format(i=i) for i in range(6)]
    items = [new_report(t, agency="dz-cnc", marking=Marking.GREEN, mentions=[mention("e1", t)]) for t in texts]
    a.store.add_reports(items)
    a.store.exchange.update_peer("peer-b", rules=[PeerRule.up_to(Marking.AMBER).model_dump(mode="json")])
    return items


def _pull(here: Any, peer_id: str) -> dict[str, int]:
    from borderwatch.share import PeerClient

    client = PeerClient(here.store, here.store.exchange.peer(peer_id), http=here.http, page_size=4)
    return dict(client.sync(pull=True, push=False).pulled)


def test_resync_from_the_start_maps_only_new_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair(tmp_path)
    try:
        items = _share_six(a, "SYNTHETIC report {i}: smugglers' pickup seized at the invented post Oued-Tarfa-{i}.")
        assert _pull(b, "peer-a") == {"created": 6}

        mapped: list[str] = []
        original = _stix_map._report_from

        def counting(obj: dict[str, Any], ext: dict[str, Any], marking: Marking) -> Any:
            mapped.append(ext["report_id"])
            return original(obj, ext, marking)

        monkeypatch.setattr(_stix_map, "_report_from", counting)
        b.store.exchange.update_peer("peer-a", pull_after=None)
        assert _pull(b, "peer-a") == {"unchanged": 6}
        assert mapped == []

        changed = items[2].report.id
        with acting_as(ADMIN):
            a.store.exchange.set_marking(changed, Marking.AMBER)
        b.store.exchange.update_peer("peer-a", pull_after=None)
        assert _pull(b, "peer-a") == {"unchanged": 5, "updated": 1}
        assert mapped == [changed]
        assert {i.report_id: i.report.marking for i in b.store.exchange.changes(None, 100)}[changed] is Marking.AMBER  # type: ignore[union-attr]
    finally:
        a.close()
        b.close()


def test_each_page_of_a_pull_puts_its_survivors_aside_by_the_store_s_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync page is a write like an ingest batch: what it leaves alive is frozen, and swept, by the one policy
    of store/_survivors.py, whatever the process froze before (the extraction model), never by a count of its
    own that only sweeps when nothing was frozen before the pull."""
    from borderwatch.share import _sync

    written: list[int] = []
    monkeypatch.setattr(_sync, "put_survivors_aside", lambda reports: written.append(reports) or False)
    a, b = pair(tmp_path)
    try:
        _share_six(a, "SYNTHETIC report {i}: a smugglers' truck turned back at the invented post Bir-Zar-{i}.")
        from borderwatch.share import PeerClient

        client = PeerClient(b.store, b.store.exchange.peer("peer-a"), http=b.http, page_size=4)
        got = client.sync(pull=True, push=False)
        assert dict(got.pulled) == {"created": 6}
        assert len(written) == got.pages > 1 and sum(written) == 6
    finally:
        a.close()
        b.close()
