"""The sender's event grouping travels with its mentions and spares the receiver matching an event twice.

Every report here is SYNTHETIC: invented crossings at invented posts, invented groups.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from borderwatch.fuse import Fuser
from borderwatch.model import Marking
from borderwatch.share._stix_map import incoming_from_objects, report_objects
from borderwatch.share._stix_objects import EXT_EVENT
from borderwatch.store import Incoming, Reader, Role, Store, acting_as
from tests.share.helpers import event_ids_of, fresh_db, fuse, mention, new_report

ADMIN = Reader.local_admin()
PEER = Reader(agency="dz-mdn", user="peer-a", role=Role.PEER, interface="sync")


def _far_apart_reports() -> list[Any]:
    """Three reports of one crossing as its posts saw it, placed so far apart that fusion keeps them apart (the
    sender's analyst merges them), and one report of another happening."""
    items = []
    for i, (place, lat, lon) in enumerate(
        (("Bir Tamesna", 35.40, 8.12), ("Oued Tazrout", 33.9, 7.9), ("Ain Ksar", 32.4, 9.1))
    ):
        text = f"SYNTHETIC report {i}: the invented Tazrouk Brigade crossed near {place} at night."
        items.append(new_report(text, mentions=[mention("e1", text, place=place, lat=lat, lon=lon)]))
    other = "SYNTHETIC report 9: border guards arrested invented smugglers of the Quenby Ring near Ghadames."
    told = mention("e1", other, sub_event_type="Arrests", date="2025-08-20", place="Ghadames", lat=30.13, lon=9.5,
                   actor1="Quenby Ring")  # fmt: skip
    items.append(new_report(other, mentions=[told]))
    return items


def _sender(tmp_path: Path) -> tuple[Store, list[str]]:
    """Installation A with the four reports, the first three merged into one event by an analyst."""
    source = Store(fresh_db(tmp_path, "a-grouping.db"))
    items = _far_apart_reports()
    source.add_reports(items, writer=ADMIN)
    ids = [i.report.id for i in items]
    assert len({e for r in ids[:3] for e in event_ids_of(source, r)}) == 3  # fusion alone keeps them apart
    fuse(source, [event_ids_of(source, r)[0] for r in ids[:3]])
    return source, ids


def _page(source: Store) -> list[dict[str, Any]]:
    """The STIX objects a peer receives of every report of `source`."""
    installation = source.exchange.installation
    return [obj for item in source.exchange.changes(None, 100) for obj in report_objects(item, None, installation)]


def _group_of(objects: list[dict[str, Any]], report_text: str) -> str | None:
    report = next(o for o in objects if o["type"] == "report" and o["description"].startswith(report_text))
    incident = next(o for o in objects if o["id"] in report["object_refs"] and o["type"] == "incident")
    return incident["extensions"][EXT_EVENT].get("event_group")


def test_incidents_carry_an_opaque_token_of_the_sender_event_and_it_is_read_back(tmp_path: Path) -> None:
    source, ids = _sender(tmp_path)
    objects = _page(source)
    groups = [_group_of(objects, f"SYNTHETIC report {i}:") for i in (0, 1, 2, 9)]
    assert groups[0] is not None and groups[0] == groups[1] == groups[2] != groups[3]
    event_id = event_ids_of(source, ids[0])[0]
    assert event_id not in str(objects)  # the token tells nothing of the sender's event id
    incoming, failures = incoming_from_objects(objects)
    assert not failures
    assert {i.report_id: i.groups for i in incoming} == {
        ids[0]: {"e1": groups[0]},
        ids[1]: {"e1": groups[0]},
        ids[2]: {"e1": groups[0]},
        ids[3]: {"e1": groups[3]},
    }
    source.close()


@pytest.fixture
def count_decisions(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """Starts counting what fusion scores from then on: the report id of every `Fuser.decide` call, in order."""

    def start() -> list[str]:
        calls: list[str] = []
        original = Fuser.decide

        def counting(self: Fuser, features: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(features.report_id)
            return original(self, features, *args, **kwargs)

        monkeypatch.setattr(Fuser, "decide", counting)
        return calls

    return start


def _received(
    target: Store, incoming: list[Incoming], leads: dict[str, str] | None = None, *, again: bool = False
) -> list[str]:
    """Apply a page received from peer-a (added to `target` first, unless `again`)."""
    if not again:
        with acting_as(ADMIN):
            target.exchange.add_peer("peer-a", "dz-mdn", url="http://127.0.0.1:9/taxii2/api/")
    return target.exchange.apply(incoming, peer=target.exchange.peer("peer-a"), actor=PEER, leads=leads)


def test_a_received_event_is_matched_once_and_its_other_mentions_join_it_as_the_sender_grouped_them(
    tmp_path: Path, count_decisions: Callable[[], list[str]]
) -> None:
    source, ids = _sender(tmp_path)
    incoming, _ = incoming_from_objects(_page(source))
    target = Store(fresh_db(tmp_path, "b-grouping.db"))
    decided = count_decisions()
    assert set(_received(target, incoming)) == {"created"}
    assert len(decided) == 2  # one mention of the merged event, and the other happening's
    events = {r: event_ids_of(target, r) for r in ids}
    assert events[ids[0]] == events[ids[1]] == events[ids[2]] != events[ids[3]]
    with target._engine.connect() as c:
        from sqlalchemy import select

        from borderwatch.store._schema import fusion_decisions

        by = set(c.execute(select(fusion_decisions.c.decided_by, fusion_decisions.c.reason)).all())
    assert ("the sender's grouping", "matched") in by
    source.close()
    target.close()


def test_a_received_event_still_joins_a_local_report_of_the_same_happening(tmp_path: Path) -> None:
    source, ids = _sender(tmp_path)
    incoming, _ = incoming_from_objects(_page(source))
    target = Store(fresh_db(tmp_path, "b-local.db"))
    local = "SYNTHETIC local note: the invented Tazrouk Brigade crossed near Bir Tamesna at night, two shots."
    mine = new_report(local, agency="tn-cnc", marking=Marking.GREEN, mentions=[mention("e1", local)])
    target.add_reports([mine], writer=ADMIN)
    assert set(_received(target, incoming)) == {"created"}
    here = event_ids_of(target, mine.report.id)
    assert all(event_ids_of(target, r) == here for r in ids[:3])
    assert event_ids_of(target, ids[3]) != here
    source.close()
    target.close()


def test_a_report_of_an_event_received_pages_earlier_joins_it_unscored_and_a_withdrawn_lead_is_matched_again(
    tmp_path: Path, count_decisions: Callable[[], list[str]]
) -> None:
    source, ids = _sender(tmp_path)
    incoming = {i.report_id: i for i in incoming_from_objects(_page(source))[0]}
    target = Store(fresh_db(tmp_path, "b-pages.db"))
    decided = count_decisions()
    leads: dict[str, str] = {}  # what a pull keeps from page to page
    assert _received(target, [incoming[ids[0]]], leads) == ["created"]
    assert _received(target, [incoming[ids[1]]], leads, again=True) == ["created"]
    assert decided == [ids[0]]
    assert event_ids_of(target, ids[1]) == event_ids_of(target, ids[0])
    # The first report is withdrawn: the group's next report is matched, and leads the group from then on.
    gone = Incoming(ids[0], incoming[ids[0]].created, incoming[ids[0]].modified + timedelta(seconds=1), True)
    assert _received(target, [gone], leads, again=True) == ["withdrawn"]
    assert _received(target, [incoming[ids[2]]], leads, again=True) == ["created"]
    assert decided == [ids[0], ids[2]]
    source.close()
    target.close()
