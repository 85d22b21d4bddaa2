"""`events.access_class` (the one class all of an event's reports share) against a computation from
scratch, after random writes, re-marks, deletes, re-extractions, received versions, splits and merges;
and the database's triggers, which keep a wrong or stale value from ever widening what a reader sees."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from borderwatch.model import Agency, ExtractResult, Marking, Report, ReportRef
from borderwatch.store import EventQuery, Reader, Store
from borderwatch.store._access import class_visible
from borderwatch.store._exchange import Incoming
from borderwatch.store._partial_views import MAX_CLASSES
from borderwatch.store._schema import actors, event_classes, event_mentions, event_views, events, report_access
from tests.share.helpers import event_ids_of, expected_views, fresh_db, mention, new_report, views_of

ADMIN = Reader.local_admin()
AGENCIES = ("dz-a", "tn-b")
READERS = (Reader(agency="dz-a", user="ua"), Reader(agency="tn-b", user="ub"), Reader(agency="ly-c", user="uc"))
MARKINGS = (Marking.CLEAR, Marking.GREEN, Marking.AMBER, Marking.RED)


def _from_scratch(store: Store) -> dict[str, int | None]:
    """Each event's class when all its mentions' reports share one (and have one), else None."""
    with store._engine.connect() as c:
        ids = list(c.execute(select(events.c.id)).scalars())
        classes: dict[str, set[int | None]] = {e: set() for e in ids}
        rows = c.execute(
            select(event_mentions.c.event_id, report_access.c.class_id).select_from(
                event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id)
            )
        )
        for event_id, class_id in rows:
            classes[event_id].add(class_id)
    return {e: (next(iter(found)) if len(found) == 1 else None) for e, found in classes.items()}


def _stored(store: Store) -> dict[str, int | None]:
    with store._engine.connect() as c:
        return dict(c.execute(select(events.c.id, events.c.access_class)).all())


def _check(store: Store) -> None:
    assert _stored(store) == _from_scratch(store)
    _check_views(store)
    with store._engine.connect() as c:
        classes = store._classes.refresh(c)
        mentions = c.execute(
            select(event_mentions.c.event_id, report_access.c.class_id).select_from(
                event_mentions.outerjoin(report_access, report_access.c.report_id == event_mentions.c.report_id)
            )
        ).all()
    for reader in READERS:
        seen = {e for e, k in mentions if k is not None and class_visible(reader, classes[k])}
        assert {e["id"] for e in store.list_events(EventQuery(limit=1000), reader)} == seen
        assert store.count("events", reader) == len(seen)


def _check_views(store: Store) -> None:
    """The stored views of events seen in part are those composed from scratch, every one of them (every
    write path here stores them, and none is left from before a change); so are the listed classes."""
    with store._engine.connect() as c:
        ids = list(c.execute(select(events.c.id)).scalars())
        orphans = c.execute(select(event_views.c.event_id).where(event_views.c.event_id.not_in(ids))).all()
    assert orphans == []
    for event_id in ids:
        classes, expected = expected_views(store, event_id)
        stored = views_of(store, event_id)
        if classes > MAX_CLASSES:
            assert stored == {}
            continue
        assert stored.keys() <= expected.keys()
        assert stored == {key: expected[key] for key in stored}
        # A view naming an actor the store did not know when the event's views were written is composed at read
        # time (`_partial_views._give_actor_ids`); `expected_views` counts it once a later write adds the actor.
        # The event's own actors are known when its views are written: views naming only those are all stored.
        own = _own_actors(store, event_id)
        for key in expected.keys() - stored.keys():
            named = {expected[key][role] for role in ("actor1", "actor2")} - {None}
            assert named - own, f"view {key} of {event_id} names only the event's own actors, yet is not stored"
    # Each mixed event's classes are listed, exactly (`event_classes`); an event of one class has none.
    with store._engine.connect() as c:
        listed: dict[str, set[int]] = {}
        for event_id, class_id in c.execute(select(event_classes.c.event_id, event_classes.c.class_id)):
            listed.setdefault(event_id, set()).add(class_id)
        mentioned: dict[str, set[int]] = {}
        rows = c.execute(
            select(event_mentions.c.event_id, report_access.c.class_id)
            .join(report_access, report_access.c.report_id == event_mentions.c.report_id)
            .join(events, events.c.id == event_mentions.c.event_id)
            .where(events.c.access_class.is_(None))
        )
        for event_id, class_id in rows:
            mentioned.setdefault(event_id, set()).add(class_id)
    assert listed == mentioned


def _own_actors(store: Store, event_id: str) -> set[str]:
    with store._engine.connect() as c:
        row = c.execute(select(events.c.actor1_id, events.c.actor2_id).where(events.c.id == event_id)).one()
        ids = [i for i in row if i is not None]
        return set(c.execute(select(actors.c.name).where(actors.c.id.in_(ids))).scalars())


def _report(n: int, agency: str, marking: Marking, place: int) -> Any:
    """A report of one or two happenings; happenings at one `place` on one day are fused together."""
    mentions = [
        mention(f"e{j}", f"SYNTHETIC R{n} happening {j}.", place=f"Place{place + j}", lat=35.0 + place + j,
                lon=8.0, actor1=f"Katiba {place + j}", date="2025-05-02")
        for j in range(1 + n % 2)
    ]  # fmt: skip
    return new_report(f"SYNTHETIC report R{n} about invented clashes.", agency=agency, marking=marking,
                      mentions=mentions)  # fmt: skip


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "mark", "delete", "split", "merge", "reextract", "receive", "receive-again"]),
        st.integers(0, 1000),
        st.sampled_from(MARKINGS),
    ),
    min_size=3,
    max_size=12,
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
# a received report's mention fused with ours, ours re-extracted under an actor no event has yet, and a later
# report bringing that actor: the earlier view that names it stays composed at read time
@example(
    operations=[
        ("add", 0, Marking.CLEAR),
        ("receive", 0, Marking.CLEAR),
        ("merge", 0, Marking.CLEAR),
        ("reextract", 116, Marking.CLEAR),
        ("add", 8, Marking.CLEAR),
    ]
)
def test_the_column_equals_a_computation_from_scratch_after_any_change(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, Marking]]
) -> None:
    folder = tmp_path_factory.mktemp("classes")
    with Store(fresh_db(folder)) as store:
        for agency in AGENCIES:
            store.accounts.add_agency(Agency(id=agency, name=agency))
        ours: list[str] = []
        received: dict[str, Incoming] = {}
        for step, (kind, pick, marking) in enumerate(operations):
            _apply(store, kind, pick, marking, step, ours, received)
            _check(store)


def _apply(
    store: Store, kind: str, pick: int, marking: Marking, step: int, ours: list[str], received: dict[str, Incoming]
) -> None:
    if kind == "add" or (not ours and kind in ("mark", "delete", "reextract")):
        item = _report(step, AGENCIES[pick % 2], marking, pick % 3)
        store.add_reports([item])
        ours.append(item.report.id)
    elif kind == "mark":
        store.mark_report(ours[pick % len(ours)], marking)
    elif kind == "delete":
        store.delete_report(ours.pop(pick % len(ours)))
    elif kind == "reextract":
        report_id = ours[pick % len(ours)]
        moved = mention("e0", f"SYNTHETIC re-extracted {step}.", place=f"Place{pick % 3}", lat=35.0 + pick % 3,
                        lon=8.0, actor1=f"Katiba {pick % 3}", date="2025-05-02")  # fmt: skip
        store.replace_extractions([ExtractResult(report=ReportRef(id=report_id), events=[moved])])
    elif kind == "receive" or not received:
        item = _report(1000 + step, "ly-c", marking, pick % 3)
        now = datetime(2025, 6, 1) + timedelta(minutes=step)
        incoming = Incoming(item.report.id, now, now, report=item.report, extraction=item.extraction,
                            installation="elsewhere")  # fmt: skip
        received[item.report.id] = incoming
        store.exchange.apply([incoming], peer=None, actor=ADMIN, recipients=["agency:dz-a"])
    elif kind == "receive-again":  # a new version of a received report: another marking
        old = received[sorted(received)[pick % len(received)]]
        report = Report(**{**old.report.model_dump(), "marking": marking})  # type: ignore[union-attr]
        later = old.modified + timedelta(hours=1)
        incoming = Incoming(old.report_id, old.created, later, report=report, extraction=old.extraction,
                            installation="elsewhere")  # fmt: skip
        received[old.report_id] = incoming
        store.exchange.apply([incoming], peer=None, actor=ADMIN, recipients=["agency:tn-b"])
    else:
        _split_or_merge(store, kind, pick)


def _split_or_merge(store: Store, kind: str, pick: int) -> None:
    with store._engine.connect() as c:
        rows = c.execute(select(event_mentions.c.event_id, event_mentions.c.id).order_by(event_mentions.c.id)).all()
    by_event: dict[str, list[str]] = {}
    for event_id, key in rows:
        by_event.setdefault(event_id, []).append(key)
    ids = sorted(by_event)
    if kind == "split":
        several = [e for e in ids if len(by_event[e]) > 1]
        if several:
            event_id = several[pick % len(several)]
            store.split_event(event_id, [by_event[event_id][0]])
    elif len(ids) > 1:
        first = ids[pick % len(ids)]
        store.merge_events(first, [ids[(pick + 1) % len(ids)]])


# -- the triggers: what a write path that forgets the column can and cannot do ------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The same triggers on the embedded file and on PostgreSQL (PL/pgSQL functions)."""
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    url = pg.create_database() if pg else fresh_db(tmp_path)
    try:
        with Store(url) as opened:
            for agency in AGENCIES:
                opened.accounts.add_agency(Agency(id=agency, name=agency))
            yield opened
    finally:
        if pg:
            pg.drop_database(url)


def test_a_wrong_class_cannot_be_written(store: Store) -> None:
    secret = new_report("SYNTHETIC. A RED report.", agency="dz-a", marking=Marking.RED)
    store.add_reports([secret])
    (event_id,) = event_ids_of(store, secret.report.id)
    with store._engine.connect() as c:
        own = c.execute(select(events.c.access_class).where(events.c.id == event_id)).scalar()
    assert own is not None
    with pytest.raises(IntegrityError), store._engine.begin() as c:
        c.execute(update(events).where(events.c.id == event_id).values(access_class=own + 1000))
    assert _stored(store)[event_id] == own


def _one(name: str, marking: Marking, lat: float, day: str) -> Any:
    happening = mention("e1", name, place=f"{name} place", lat=lat, actor1=f"{name} band", date=day)
    return new_report(f"SYNTHETIC. A {name} report.", agency="dz-a", marking=marking, mentions=[happening])


def test_changes_behind_the_store_s_back_clear_the_class(store: Store) -> None:
    """Mentions moved and classes changed by raw SQL (no re-derivation): the column turns NULL, the
    reader's check reads the mentions, and nobody sees more than they may."""
    red = _one("RED", Marking.RED, 30.0, "2025-05-02")
    clear = _one("CLEAR", Marking.CLEAR, 33.0, "2025-05-02")
    other = _one("other CLEAR", Marking.CLEAR, 31.0, "2025-01-10")
    store.add_reports([red, clear, other])
    (red_event,) = event_ids_of(store, red.report.id)
    (clear_event,) = event_ids_of(store, clear.report.id)
    (other_event,) = event_ids_of(store, other.report.id)
    outsider = Reader(agency="tn-b", user="ub")
    assert store.count("events", outsider) == 2
    with store._engine.begin() as c:  # a report's class taken away, by hand
        c.execute(report_access.delete().where(report_access.c.report_id == other.report.id))
    assert _stored(store)[other_event] is None
    assert store.count("events", outsider) == 1
    with store._engine.begin() as c:  # the RED mention moved into the CLEAR event, by hand
        c.execute(update(event_mentions).where(event_mentions.c.event_id == red_event).values(event_id=clear_event))
    assert _stored(store)[clear_event] is None
    assert [e["id"] for e in store.list_events(EventQuery(), outsider)] == [clear_event]
    with store._engine.begin() as c:  # the CLEAR report's class taken away, by hand
        c.execute(report_access.delete().where(report_access.c.report_id == clear.report.id))
    assert store.count("events", outsider) == 0
    assert store.list_events(EventQuery(), outsider) == []
