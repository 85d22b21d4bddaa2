"""TLP 2.0 in one installation: who sees which report and event, through the store's reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from borderwatch.errors import AccessDeniedError, NotFoundError
from borderwatch.model import Agency, Marking
from borderwatch.store import (
    AccessClass,
    EventQuery,
    Reader,
    ReportQuery,
    Role,
    Store,
    acting_as,
    class_visible,
    compose_mentions,
)
from borderwatch.store._schema import event_mentions
from tests.share.helpers import event_ids_of, fresh_db, fuse, mention, new_report

ADMIN = Reader.local_admin()


def _class(marking: Marking, agency: str = "dz", **kw: Any) -> AccessClass:
    return AccessClass(agency=agency, marking=marking, **kw)


@pytest.mark.parametrize(
    ("marking", "reader", "groups", "expected"),
    [
        (Marking.CLEAR, Reader(agency="tn", user="u"), (), True),
        (Marking.GREEN, Reader(agency="tn", user="u"), (), True),
        (Marking.GREEN, Reader(agency="tn", user="u"), ("g",), False),
        (Marking.GREEN, Reader(agency="tn", user="u", groups=frozenset({"g"})), ("g",), True),
        (Marking.AMBER, Reader(agency="tn", user="u"), (), False),
        (Marking.AMBER, Reader(agency="tn", user="u", groups=frozenset({"g"})), ("g",), True),
        (Marking.AMBER_STRICT, Reader(agency="tn", user="u", groups=frozenset({"g"})), ("g",), True),
        (Marking.RED, Reader(agency="tn", user="u", groups=frozenset({"g"})), ("g",), False),
        (
            Marking.RED,
            Reader(agency="tn", user="u", groups=frozenset({"g"}), named_groups=frozenset({"g"})),
            ("g",),
            True,
        ),
        (Marking.RED, Reader(agency="dz", user="u"), (), True),
        (Marking.AMBER, Reader(agency="dz", user="p", role=Role.POST, post_id="P1"), (), False),
        (Marking.CLEAR, Reader(agency="dz", user="p", role=Role.POST, post_id="P1"), (), False),
        (Marking.CLEAR, Reader(agency="dz", user="x", role=Role.PEER), (), False),
        (Marking.RED, Reader.local_admin(agency="other"), ("g",), True),
    ],
)
def test_tlp_semantics_per_class(marking: Marking, reader: Reader, groups: tuple[str, ...], expected: bool) -> None:
    assert class_visible(reader, _class(marking, groups=groups)) is expected


def test_a_field_post_reads_only_its_own_post() -> None:
    post = Reader(agency="dz", user="p", role=Role.POST, post_id="P1")
    assert class_visible(post, _class(Marking.AMBER, post_id="P1"))
    assert not class_visible(post, _class(Marking.AMBER, post_id="P2"))
    assert not class_visible(post, _class(Marking.CLEAR, agency="tn", post_id="P1"))
    # A report from another installation naming the same agency and post is not the post's own.
    assert not class_visible(post, _class(Marking.AMBER, post_id="P1", foreign=True))


def test_received_reports_are_seen_through_recipients_not_group_names() -> None:
    foreign = _class(Marking.AMBER, agency="dz", groups=("g",), recipients=("agency:tn",), foreign=True)
    assert class_visible(Reader(agency="tn", user="u"), foreign)
    # A group of the same name here grants nothing, and neither does the originating agency's id.
    assert not class_visible(Reader(agency="ly", user="v", groups=frozenset({"g"})), foreign)
    assert not class_visible(Reader(agency="dz", user="w"), foreign)
    red = _class(Marking.RED, recipients=("agency:tn", "user:amel"), foreign=True)
    assert not class_visible(Reader(agency="tn", user="u"), red)
    assert class_visible(Reader(agency="tn", user="amel"), red)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(fresh_db(tmp_path)) as opened:
        yield opened  # type: ignore[misc]


def test_partly_visible_event_is_composed_from_visible_reports_only(store: Store) -> None:
    green = new_report(
        "SYNTHETIC. Clash near Tebessa, an official said.",
        marking=Marking.GREEN,
        agency="tn-gn",
        mentions=[
            mention(
                "e1",
                "Clash near Tebessa.",
                geo_precision=2,
                fatalities=5,
                place="Tebessa area",
                date="2025-05-03",
                confidence=0.6,
            )
        ],
    )
    red = new_report(
        "SYNTHETIC. RED liaison note: clash at the Bir Secret well, 3 dead.",
        marking=Marking.RED,
        agency="dz-mdn",
        mentions=[
            mention(
                "e1",
                "Clash at the Bir Secret well, 3 dead.",
                geo_precision=1,
                fatalities=3,
                place="Bir Secret",
                lat=35.1,
                lon=8.3,
                date="2025-05-02",
                confidence=0.9,
                actor1="Secret Katiba",
            )
        ],
    )
    store.add_reports([green, red])
    fused = fuse(store, event_ids_of(store, green.report.id) + event_ids_of(store, red.report.id))
    tn = Reader(agency="tn-gn", user="analyst-tn")
    seen = store.list_events(EventQuery(), tn)
    assert [e["id"] for e in seen] == [fused]
    event = seen[0]
    assert (event["location_name"], event["fatalities"], event["date"]) == ("Tebessa area", 5, "2025-05-03")
    assert (event["sources"], event["report_ids"], event["marking"]) == (1, [green.report.id], "GREEN")
    assert "Secret" not in json.dumps(event, default=str)
    detail = store.get_event(fused, reader=tn)
    assert [m["report"]["id"] for m in detail["mentions"]] == [green.report.id]
    assert (detail["location"]["name"], detail["fatalities"], detail["marking"]) == ("Tebessa area", 5, "GREEN")
    # The administrator sees the fused event whole.
    whole = store.get_event(fused, reader=ADMIN)
    whole_fields = (whole["location"]["name"], whole["fatalities"], whole["sources"], whole["marking"])
    assert whole_fields == ("Bir Secret", 3, 2, "RED")
    # A filter on a value only the hidden report gives does not reveal it.
    assert store.list_events(EventQuery(max_border_km=10), tn) == []


def test_invisible_ids_look_missing(store: Store) -> None:
    red = new_report("SYNTHETIC. RED note about a convoy.", marking=Marking.RED)
    store.add_reports([red])
    event_id = event_ids_of(store, red.report.id)[0]
    tn = Reader(agency="tn-gn", user="u")
    for get, hidden in ((store.get_report, red.report.id), (store.get_event, event_id)):
        with pytest.raises(NotFoundError) as hidden_error:
            get(hidden, reader=tn)
        with pytest.raises(NotFoundError) as missing_error:
            get("0" * len(hidden), reader=tn)
        assert str(hidden_error.value).replace(hidden, "X") == str(missing_error.value).replace("0" * len(hidden), "X")
    assert store.count("events", tn) == store.count("reports", tn) == store.count("event_mentions", tn) == 0
    assert store.list_reports(ReportQuery(), tn) == []


def test_every_read_needs_a_reader(store: Store) -> None:
    with pytest.raises(TypeError):
        store.list_events(EventQuery())  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        store.list_events(EventQuery(), None)  # type: ignore[arg-type]


def test_writers_file_only_for_their_agency_and_post(store: Store) -> None:
    analyst = Reader(agency="tn-gn", user="u")
    with pytest.raises(AccessDeniedError):
        store.add_reports([new_report("SYNTHETIC. Not ours.", agency="dz-mdn")], writer=analyst)
    post = Reader(agency="tn-gn", user="p", role=Role.POST, post_id="TN-07")
    with pytest.raises(AccessDeniedError):
        store.add_reports([new_report("SYNTHETIC. Other post.", agency="tn-gn", post_id="TN-08")], writer=post)
    with acting_as(post):
        assert store.add_reports([new_report("SYNTHETIC. Own post.", agency="tn-gn", post_id="TN-07")]) == [True]
    assert len(store.list_reports(ReportQuery(), post)) == 1


def test_report_country_filter_uses_the_reports_own_mentions(store: Store) -> None:
    a = new_report("SYNTHETIC. Seizure in Tunisia.", marking=Marking.GREEN, mentions=[mention("e1", "x", country="TN")])
    b = new_report(
        "SYNTHETIC. RED: same seizure, in Libya.",
        marking=Marking.RED,
        agency="ly-x",
        mentions=[mention("e1", "y", country="LY", geo_precision=1)],
    )
    store.add_reports([a, b])
    fuse(store, event_ids_of(store, a.report.id) + event_ids_of(store, b.report.id))
    reader = Reader(agency="tn-gn", user="u")
    assert [r["id"] for r in store.list_reports(ReportQuery(country="TN"), reader)] == [a.report.id]
    assert store.list_reports(ReportQuery(country="LY"), reader) == []


# -- the invariant, on random worlds --------------------------------------------------------------

AGENCIES = ("dz-a", "tn-b", "ly-c")
USERS = (
    [(f"an-{a}", a, Role.ANALYST, None) for a in AGENCIES]
    + [(f"po-{a}", a, Role.POST, f"P-{a}") for a in AGENCIES]
    + [("solo", "ly-c", Role.ANALYST, None)]
)
PRINCIPALS = [f"agency:{a}" for a in AGENCIES] + [f"user:{u[0]}" for u in USERS]


def _oracle(user: tuple[str, str, Role, str | None], report: dict[str, Any], members: dict[str, set[str]]) -> bool:
    """TLP 2.0 as the issue states it, written again from scratch."""
    uid, agency, role, post = user
    if role is Role.POST:
        return report["agency"] == agency and report["post"] == post
    if report["agency"] == agency or report["marking"] is Marking.CLEAR:
        return True
    audience = set().union(*[members.get(g, set()) for g in report["groups"]])
    named = f"user:{uid}" in audience
    if report["marking"] is Marking.RED:
        return named
    if report["marking"] is Marking.GREEN and not report["groups"]:
        return True
    return named or f"agency:{agency}" in audience


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    members = {g: draw(st.sets(st.sampled_from(PRINCIPALS), max_size=4)) for g in ("g1", "g2")}
    reports = []
    for i in range(draw(st.integers(1, 9))):
        agency = draw(st.sampled_from(AGENCIES))
        mentions = [
            {
                "country": draw(st.sampled_from(["DZ", "TN", "LY"])),
                "date": draw(st.sampled_from(["2025-05-01", "2025-05-02", "2025-06-10", None])),
                "fatalities": draw(st.one_of(st.none(), st.integers(0, 9))),
                "geo": draw(st.sampled_from([1, 2, 3])),
                "km": draw(st.sampled_from([5.0, 30.0, 80.0])),
                "confidence": draw(st.sampled_from([0.5, 0.6, 0.75, 0.9])),
                "cluster": draw(st.integers(0, 3)),
            }
            for _ in range(draw(st.integers(1, 2)))
        ]
        reports.append(
            {
                "agency": agency,
                "marking": draw(st.sampled_from(list(Marking))),
                "groups": draw(st.sets(st.sampled_from(["g1", "g2", "g-unknown"]), max_size=2)),
                "post": f"P-{agency}" if draw(st.booleans()) else None,
                "mentions": mentions,
                "token": f"Q{i:02d}Z",
            }
        )
    return {"members": members, "reports": reports}


def _build(store: Store, world: dict[str, Any]) -> tuple[list[Any], dict[str, list[tuple[int, str]]]]:
    for agency in AGENCIES:
        store.accounts.add_agency(Agency(id=agency, name=agency))
    for uid, agency, role, post in USERS:
        store.accounts.add_user(uid, agency, role, post_id=post)
    for group, members in world["members"].items():
        store.accounts.add_group(group)
        if members:
            store.accounts.set_members(group, sorted(members))
    items = []
    for r in world["reports"]:
        t = r["token"]
        mentions = [
            mention(
                f"e{j}",
                f"SYNTHETIC {t} sentence {j}.",
                country=m["country"],
                date=m["date"],
                fatalities=m["fatalities"],
                geo_precision=m["geo"],
                border_km=m["km"],
                confidence=m["confidence"],
                place=f"Place{t}",
                actor1=f"Katiba {t}",
            )
            for j, m in enumerate(r["mentions"])
        ]
        items.append(
            new_report(
                f"SYNTHETIC report {t} about an invented clash.",
                agency=r["agency"],
                marking=r["marking"],
                groups=sorted(r["groups"]),
                post_id=r["post"],
                mentions=mentions,
            )
        )
    store.add_reports(items)
    # Fusion may already have joined mentions; each cluster of the world is then made one event, as an
    # analyst's merge would, and who owns each event is read back from the store.
    clusters: dict[int, list[str]] = {}
    for item, r in zip(items, world["reports"], strict=True):
        for j, _ in enumerate(r["mentions"]):
            clusters.setdefault(r["mentions"][j]["cluster"], []).append(f"{item.report.id[:16]}-e{j}")
    for keys in clusters.values():
        fuse(store, sorted(set(_event_of_mentions(store, keys))))
    index = {i.report.id: k for k, i in enumerate(items)}
    owners: dict[str, list[tuple[int, str]]] = {}
    with store._engine.connect() as c:
        for event_id, report_id in c.execute(select(event_mentions.c.event_id, event_mentions.c.report_id)):
            owners.setdefault(event_id, []).append((index[report_id], report_id))
    return items, owners


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds())
def test_no_reader_ever_receives_what_it_may_not_see(
    tmp_path_factory: pytest.TempPathFactory, world: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("world")
    with Store(fresh_db(folder)) as store:
        items, owners = _build(store, world)
        for user in USERS:
            reader = store.accounts.reader_for(user[0])
            visible = {k for k, r in enumerate(world["reports"]) if _oracle(user, r, world["members"])}
            _check_reader(store, reader, world, items, owners, visible)


def _event_of_mentions(store: Store, keys: list[str]) -> list[str]:
    with store._engine.connect() as c:
        rows = c.execute(select(event_mentions.c.event_id).where(event_mentions.c.id.in_(keys)))
        return list(rows.scalars())


def _check_reader(
    store: Store,
    reader: Reader,
    world: dict[str, Any],
    items: list[Any],
    owners: dict[str, list[tuple[int, str]]],
    visible: set[int],
) -> None:
    hidden_tokens = [r["token"] for k, r in enumerate(world["reports"]) if k not in visible]
    expected_events = {e for e, srcs in owners.items() if any(k in visible for k, _ in srcs)}
    events = store.list_events(EventQuery(limit=1000), reader)
    assert {e["id"] for e in events} == expected_events
    assert store.count("events", reader) == len(expected_events)
    reports = store.list_reports(ReportQuery(limit=1000), reader)
    assert {r["id"] for r in reports} == {items[k].report.id for k in visible}
    assert store.count("reports", reader) == len(visible)
    received = json.dumps([events, reports], default=str)
    for event in events:
        srcs = {rid for k, rid in owners[event["id"]] if k in visible}
        assert set(event["report_ids"]) == srcs and event["sources"] == len(srcs)
        assert (
            event["marking"]
            == max(
                (items[k].report.marking for k, _ in owners[event["id"]] if k in visible), key=lambda m: m.rank
            ).value
        )
        _check_fields(store, event, srcs)
        received += json.dumps(store.get_event(event["id"], reader=reader), default=str)
    for k in visible:
        received += json.dumps(store.get_report(items[k].report.id, reader), default=str)
    for k in set(range(len(items))) - visible:
        with pytest.raises(NotFoundError):
            store.get_report(items[k].report.id, reader)
    for event_id in set(owners) - expected_events:
        with pytest.raises(NotFoundError):
            store.get_event(event_id, reader=reader)
    received += _exported(store, reader)
    for token in hidden_tokens:
        assert token not in received, f"{reader.user} received {token}"
    for country in ("DZ", "TN"):
        for event in store.list_events(EventQuery(country=country, limit=1000), reader):
            assert event["id"] in expected_events and event["country"] == country


def _exported(store: Store, reader: Reader) -> str:
    """What a STIX export of every event gives this reader (the export runs on the same reads)."""
    import io

    from borderwatch.share import export_stix

    out = io.StringIO()
    export_stix(store, reader, EventQuery(), out, check=False)
    bundle = json.loads(out.getvalue())
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    assert {o["extensions"][next(iter(o["extensions"]))]["report_id"] for o in reports} <= {
        r["id"] for r in store.list_reports(ReportQuery(limit=1000), reader)
    }
    return out.getvalue()


def _check_fields(store: Store, event: dict[str, Any], sources: set[str]) -> None:
    from borderwatch.model import EventMention

    with store._engine.connect() as c:
        rows = c.execute(
            event_mentions.select().where(
                event_mentions.c.event_id == event["id"], event_mentions.c.report_id.in_(sources)
            )
        ).all()
        every = set(
            c.execute(select(event_mentions.c.report_id).where(event_mentions.c.event_id == event["id"])).scalars()
        )
    view = compose_mentions([(r.report_id, EventMention.model_validate(r.mention)) for r in rows])
    if sources == every:  # seen whole: the fused event, as the administrator sees it
        whole = next(e for e in store.list_events(EventQuery(limit=1000), ADMIN) if e["id"] == event["id"])
        view = {key: whole[key] for key in view}
    for key, value in view.items():
        assert event[key] == value, key


def test_a_report_without_an_access_class_is_seen_by_nobody_but_the_administrator(store: Store) -> None:
    """A write path that forgot the sharing hooks fails closed, also for a reader who sees every class."""
    from borderwatch.store._schema import report_access

    kept = new_report("SYNTHETIC. A classed report.")
    elsewhere = mention(
        "e1", "SYNTHETIC. A report without class.", date="2025-09-10", place="Nefta", lat=33.87, lon=7.88
    )
    orphan = new_report("SYNTHETIC. A report without class.", mentions=[elsewhere])
    store.add_reports([kept, orphan])
    with store._engine.begin() as c:
        c.execute(report_access.delete().where(report_access.c.report_id == orphan.report.id))
    reader = Reader(agency="dz-mdn", user="u")  # sees its agency's only class: every class there is
    assert [e["report_ids"] for e in store.list_events(EventQuery(), reader)] == [[kept.report.id]]
    assert [r["id"] for r in store.list_reports(ReportQuery(), reader)] == [kept.report.id]
    page, _ = store.search_events(EventQuery(limit=100), reader=reader)
    assert [e["id"] for e in page] == event_ids_of(store, kept.report.id)
    assert store.count("events", ADMIN) == 2 and store.count("events", reader) == 1
