"""Sharing on PostgreSQL, a national centre's shared store: no reader ever receives what it may not see
(the worlds, oracle and checks of `test_access.py`), and a centre on PostgreSQL syncs both ways with an
installation on the embedded SQLite file through cuts (the scenario of `test_sync.py`)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from borderwatch.store import Store
from tests._postgres import PostgresServer
from tests.share.helpers import pair, sync
from tests.share.test_access import USERS, _build, _check_reader, _oracle, worlds
from tests.share.test_sync import Cutter, _check, _received, _seed


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds())
def test_no_reader_ever_receives_what_it_may_not_see_on_postgresql(
    pg_server: PostgresServer, world: dict[str, Any]
) -> None:
    url = pg_server.create_database()
    try:
        with Store(url) as store:
            items, owners = _build(store, world)
            for user in USERS:
                reader = store.accounts.reader_for(user[0])
                visible = {k for k, r in enumerate(world["reports"]) if _oracle(user, r, world["members"])}
                _check_reader(store, reader, world, items, owners, visible)
    finally:
        pg_server.drop_database(url)


@pytest.mark.slow
def test_a_postgresql_centre_and_an_sqlite_installation_sync_both_ways_through_cuts(
    tmp_path: Path, pg_server: PostgresServer
) -> None:
    rng = random.Random(7)
    cutters: list[Cutter] = []

    def wrap(inner: httpx.BaseTransport) -> httpx.BaseTransport:
        cutters.append(Cutter(inner, rng, rate=0.35))
        return cutters[-1]

    url = pg_server.create_database()
    a, b = pair(tmp_path, wrap, b_url=url)
    try:
        ids = _seed(a, b)
        for _ in range(2):  # the second round changes nothing
            sync(a, "peer-b", attempts=200, page_size=4)
            sync(b, "peer-a", attempts=200, page_size=4)
        _check(a, b, ids)
        assert set(_received(b, "peer-a")) == {ids["a1"], ids["a2"], ids["a7"]}
        assert set(_received(a, "peer-b")) == {ids["b1"], ids["b4"]}
        assert sum(c.cuts for c in cutters) > 0
    finally:
        a.close()
        b.close()
        pg_server.drop_database(url)
