"""Watch zones are shared like reports: the drawing agency, the marking and sharing groups decide who sees a
zone, its counts and its alerts; only its own agency changes it. SYNTHETIC reports, invented incidents."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box, mapping

from borderwatch.errors import AccessDeniedError, NotFoundError
from borderwatch.model import Agency, Marking
from borderwatch.store import AlertQuery, Reader, Role, Store, acting_as
from borderwatch.zones import ZoneSpec
from tests.share import test_api_access
from tests.share.helpers import fresh_db, mention, new_report
from tests.share.test_api_access import _token

centre = test_api_access.centre  # the REST API tests' fixture: a DZ and a TN agency, with users

DZ = Reader(agency="dz-mdn", user="analyst-dz")
DZ_OTHER = Reader(agency="dz-mdn", user="second-dz")
DZ_POST = Reader(agency="dz-mdn", user="post-dz", role=Role.POST, post_id="P7")
TN = Reader(agency="tn-gn", user="analyst-tn")
TN_IN_CELL = Reader(agency="tn-gn", user="cell-tn", groups=frozenset({"dz-tn-cell"}))
ADMIN = Reader.local_admin()
AREA = box(8.0, 35.2, 8.3, 35.6)  # around the synthetic clashes near Tebessa


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(fresh_db(tmp_path)) as opened:
        yield opened  # type: ignore[misc]


def _zone(store: Store, by: Reader, marking: str = "AMBER", groups: tuple[str, ...] = ()) -> int:
    spec = ZoneSpec(name=f"{by.agency} {marking} box", geometry=mapping(AREA), marking=marking,
                    sharing_groups=list(groups))  # fmt: skip
    with acting_as(by):
        return int(store.create_zone(spec, AREA)["id"])


def _two_clashes(store: Store) -> None:
    """One clash any agency may read about, one in an Algerian AMBER note: both inside the zone."""
    open_clash = mention("e1", "Clash at Oued Zitoun.", date="2025-05-02", lat=35.3, lon=8.1)
    amber_clash = mention("e1", "Clash at the Hassi Noura well.", date="2025-05-20", lat=35.5, lon=8.25,
                          actor1="Noura Katiba")  # fmt: skip
    store.add_reports(
        [
            new_report(
                "SYNTHETIC. Open bulletin: clash at Oued Zitoun.",
                marking=Marking.CLEAR,
                agency="tn-gn",
                mentions=[open_clash],
            ),
            new_report(
                "SYNTHETIC. AMBER note: clash at the Hassi Noura well.", agency="dz-mdn", mentions=[amber_clash]
            ),
        ]
    )


def test_an_amber_zone_does_not_exist_for_another_agency(store: Store) -> None:
    zone = _zone(store, DZ)
    _two_clashes(store)
    assert [z["id"] for z in store.list_zones(reader=DZ_OTHER)] == [zone]
    assert store.list_zones(reader=TN) == []
    with pytest.raises(NotFoundError, match=f"no zone {zone}"):
        store.get_zone(zone, reader=TN)
    with pytest.raises(NotFoundError, match=f"no zone {zone}"):
        store.zone_activity(zone, reader=TN)
    # The zone alerted on the open clash, which TN may read about; the alert is the zone's, so TN never sees it.
    assert {a["zone"]["id"] for a in store.list_alerts(AlertQuery(), reader=DZ)[0]} == {zone}
    assert store.list_alerts(AlertQuery(), reader=TN)[0] == []
    assert store.list_alerts(AlertQuery(), reader=ADMIN)[0]


def test_a_zone_shared_with_a_group_is_seen_by_the_group_with_its_own_counts(store: Store) -> None:
    zone = _zone(store, DZ, groups=("dz-tn-cell",))
    _two_clashes(store)
    assert store.list_zones(reader=TN) == []
    (seen,) = store.list_zones(reader=TN_IN_CELL)
    (own,) = store.list_zones(reader=DZ)
    # The Algerian AMBER clash is not the Tunisian reader's to count.
    assert (own["events"], own["open_alerts"]) == (2, 2)
    assert (seen["id"], seen["events"], seen["open_alerts"]) == (zone, 1, 1)
    days = store.zone_activity(zone, reader=TN_IN_CELL)["days"]
    assert sum(d["events"] for d in days) == 1


def test_only_the_zone_agency_changes_or_deletes_it(store: Store) -> None:
    zone = _zone(store, DZ, marking="GREEN")
    assert store.get_zone(zone, reader=TN)["id"] == zone  # GREEN without groups: every reader here
    spec = ZoneSpec(name="renamed", geometry=mapping(AREA), marking="GREEN")
    with acting_as(TN), pytest.raises(AccessDeniedError, match="may not change zone"):
        store.update_zone(zone, spec, AREA)
    with acting_as(TN), pytest.raises(AccessDeniedError, match="may not change zone"):
        store.delete_zone(zone)
    with acting_as(DZ_OTHER):
        assert store.update_zone(zone, spec, AREA)["name"] == "renamed"
    with acting_as(DZ_POST), pytest.raises(AccessDeniedError, match="may not draw watch zones"):
        _zone(store, DZ_POST)
    amber = _zone(store, DZ)
    with acting_as(TN), pytest.raises(NotFoundError, match=f"no zone {amber}"):
        store.delete_zone(amber)  # as if it did not exist
    with acting_as(TN), pytest.raises(NotFoundError, match=f"no zone {amber}"):
        store.add_webhook("https://tn.example/hook", "s" * 20, amber)
    with acting_as(DZ):
        store.delete_zone(zone)
    assert [z["id"] for z in store.list_zones(reader=ADMIN)] == [amber]


def test_a_zone_belongs_to_the_agency_that_drew_it(store: Store) -> None:
    zone = _zone(store, TN, marking="RED")
    (row,) = store.list_zones(reader=TN)
    assert (row["id"], row["agency"], row["marking"], row["sharing_groups"]) == (zone, "tn-gn", "RED", [])
    assert store.list_zones(reader=DZ) == []


def test_through_the_api_a_zone_is_its_agencys(centre) -> None:  # type: ignore[no-untyped-def]
    store, client, _, _ = centre
    dz, tn = _token(store, "dz-analyst"), _token(store, "tn-admin")
    drawn = client.post("/api/zones", headers=dz, json={"name": "Bir Haddad watch", "geometry": mapping(AREA)})
    assert drawn.status_code == 201, drawn.text
    zone = drawn.json()
    assert (zone["agency"], zone["marking"]) == ("dz-cnc", "AMBER")
    assert [z["id"] for z in client.get("/api/zones", headers=dz).json()] == [zone["id"]]
    for path in ("/api/zones", "/api/zones.geojson", f"/api/zones/{zone['id']}", f"/api/zones/{zone['id']}/activity"):
        answer = client.get(path, headers=tn)
        assert "Bir Haddad" not in answer.text and answer.status_code in (200, 404), (path, answer.status_code)
    assert client.get(f"/api/zones/{zone['id']}", headers=tn).status_code == 404
    assert client.delete(f"/api/zones/{zone['id']}", headers=tn).status_code == 404
    assert client.get(f"/api/zones/{zone['id']}", headers=dz).status_code == 200


def test_a_webhook_sends_only_what_its_owner_sees(store: Store) -> None:
    for agency in ("dz-mdn", "tn-gn"):
        store.accounts.add_agency(Agency(id=agency, name=f"Synthetic {agency}"))
    store.accounts.add_user("karim", "dz-mdn", Role.ADMIN)
    store.accounts.add_user("hela", "tn-gn", Role.ADMIN)
    karim, hela = store.accounts.reader_for("karim"), store.accounts.reader_for("hela")
    _zone(store, DZ, marking="GREEN")  # every agency here sees the zone, not every clash in it
    with acting_as(karim):
        dz_hook = store.add_webhook("https://dz.example/hook", "k" * 20)["id"]
    with acting_as(hela):
        tn_hook = store.add_webhook("https://tn.example/hook", "h" * 20)["id"]
        assert [h["id"] for h in store.list_webhooks()] == [tn_hook]
        with pytest.raises(NotFoundError, match=f"no webhook {dz_hook}"):
            store.delete_webhook(dz_hook)
        with pytest.raises(NotFoundError, match=f"no webhook {dz_hook}"):
            store.webhook_deliveries(dz_hook)
    _two_clashes(store)
    jobs = store.claim_deliveries(limit=10)
    assert len([j for j in jobs if j["url"].startswith("https://dz.")]) == 2
    (tn_job,) = [j for j in jobs if j["url"].startswith("https://tn.")]
    assert "Noura" not in str(tn_job) and tn_job["alert"]["details"]["event"]["date"] == "2025-05-02", tn_job
    with acting_as(hela):
        statuses = [d["status"] for d in store.webhook_deliveries(tn_hook)]
    assert sorted(statuses) == ["pending", "withheld"]
    # A disabled owner's webhook sends nothing more.
    store.accounts.set_disabled("hela", True)
    again = mention("e1", "A second clash.", date="2025-06-30", lat=35.31, lon=8.11, actor1="Zitoun Band")
    store.add_reports(
        [new_report("SYNTHETIC. A second clash.", marking=Marking.CLEAR, agency="tn-gn", mentions=[again])]
    )
    assert all(j["url"].startswith("https://dz.") for j in store.claim_deliveries(limit=10))
