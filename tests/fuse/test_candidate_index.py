"""Fusion's in-memory candidate index (`store/_fusion_memory.py`): it finds what the store holds, notices
writes by other connections and rolled-back batches, and fusing through it (warm, cold, or squeezed into a
tiny capacity) gives the same events. SYNTHETIC reports of invented incidents."""

from __future__ import annotations

import gc
import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from borderwatch.store import NewReport, Store
from borderwatch.store._fusion import mention_key
from borderwatch.store._fusion_index import FeatureCache
from borderwatch.store._fusion_memory import CandidateIndex, read_generation, shared_index
from borderwatch.store._schema import event_mentions

from ._make import PLACES, mention, report


def _attack(town: str, day: str, n: int) -> NewReport:
    sentence = f"SYNTHETIC. Gunmen attacked a checkpoint near {town}, case {n}."
    return report(
        sentence,
        [mention(etype="Battles", sub="Armed clash", place=town, day=day, sentence=sentence, fatalities=n)],
        published=day,
    )


def _keys_found(store: Store, item: NewReport) -> set[str]:
    """The stored mentions the shared index gives as candidates of `item`'s mention, read in a new transaction."""
    fuser = store.fuser
    m = item.extraction.events[0]  # type: ignore[union-attr]
    features = fuser.features(m, "probe", item.report.id, date.fromisoformat(m.date or "2025-04-07"))
    with store._engine.begin() as connection:
        view = shared_index(store._fusion_cache).view(connection, store._fusion_cache)
        return {found.key for found in view.lookup(fuser.block(features))}


def test_a_write_from_another_connection_is_noticed(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    first, second, probe = (_attack("Ouallam", "2025-04-06", n) for n in (1, 2, 3))
    with Store(url) as ours, Store(url) as theirs:
        ours.add_reports([first])
        assert _keys_found(ours, probe) == {mention_key(first.report.id, "e1")}  # its period is loaded now
        theirs.add_reports([second])  # another engine: its own connections, cache and index
        assert _keys_found(ours, probe) == {mention_key(r.report.id, "e1") for r in (first, second)}
        theirs.delete_report(first.report.id)
        assert _keys_found(ours, probe) == {mention_key(second.report.id, "e1")}


def test_our_own_batches_keep_the_index_trusted(tmp_path) -> None:
    with Store(f"sqlite:///{tmp_path / 'own.db'}") as store:
        store.add_reports([_attack("Ouallam", "2025-04-06", 1)])
        index = shared_index(store._fusion_cache)
        held = index.held
        store.add_reports([_attack("Ouallam", "2025-04-06", 2)])
        with store._engine.connect() as connection:
            assert index._token == read_generation(connection)  # the flush's own token, committed
        assert index.held == held + 1  # patched, not read again


def test_a_rolled_back_batch_leaves_nothing_in_the_index(tmp_path, monkeypatch) -> None:
    kept, lost, probe = (_attack("Ouallam", "2025-04-06", n) for n in (1, 2, 3))
    with Store(f"sqlite:///{tmp_path / 'rollback.db'}") as store:
        store.add_reports([kept])
        assert _keys_found(store, probe) == {mention_key(kept.report.id, "e1")}  # its period is loaded

        def fail(*_args: object) -> None:
            raise _Abandon  # after fusion's flush wrote the batch and patched the index

        monkeypatch.setattr(Store, "_watch_reports", fail)
        with pytest.raises(_Abandon):
            store.add_reports([lost])
        monkeypatch.undo()
        with store._engine.connect() as connection:
            stored = connection.execute(select(event_mentions.c.id)).scalars().all()
        assert stored == [mention_key(kept.report.id, "e1")]
        assert _keys_found(store, probe) == {mention_key(kept.report.id, "e1")}


class _Abandon(Exception):
    pass


def _happenings(seed: int = 11) -> list[NewReport]:
    """About 240 SYNTHETIC reports of 80 invented clashes and attacks in a few towns over two months, each told
    one to five times, some a day later; stored in publication order."""
    rng = random.Random(seed)
    towns = sorted(PLACES)
    items: list[tuple[date, NewReport]] = []
    for n in range(80):
        town, day = rng.choice(towns), date(2025, 3, 1) + timedelta(days=rng.randrange(60))
        kind = rng.choice([("Battles", "Armed clash"), ("Violence against civilians", "Attack")])
        for k in range(rng.randint(1, 5)):
            told = day + timedelta(days=rng.choice([0, 0, 1]))
            sentence = f"SYNTHETIC. Case {n}: {rng.choice(['gunmen', 'fighters'])} struck near {town}, report {k}."
            m = mention(
                etype=kind[0],
                sub=kind[1],
                place=town,
                geo_precision=rng.choice([1, 1, 2, 3]),
                day=day.isoformat() if rng.random() > 0.1 else None,
                sentence=sentence,
                fatalities=rng.choice([0, 1, 3, 5]),
                actor1=rng.choice([None, f"Synthetic Front {n % 3}"]),
            )
            items.append((told, report(sentence, [m], published=told.isoformat(), source=f"Outlet {k}")))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with store._engine.connect() as connection:
        for key, event_id in connection.execute(select(event_mentions.c.id, event_mentions.c.event_id)):
            groups.setdefault(event_id, set()).add(key)
    return {frozenset(keys) for keys in groups.values()}


def test_warm_cold_and_squeezed_indexes_give_the_same_events(tmp_path) -> None:
    """The same batches fused by one store (its index patched batch after batch), by a new store per batch (every
    period read from the database) and by a store whose index holds almost nothing (periods dropped and read
    again all the time) end in the same events. (Checked once against the per-mention SQL reads this index
    replaced: the same 59 events.)"""
    items = _happenings()
    partitions = {}
    for mode in ("warm", "tiny", "featureless", "cold"):
        url = f"sqlite:///{tmp_path / f'{mode}.db'}"
        store = Store(url)
        if mode == "tiny":
            store._fusion_cache.candidates = CandidateIndex(1)  # every other period dropped as soon as loaded
        if mode == "featureless":
            store._fusion_cache = FeatureCache(1)  # every candidate's features read from the store again
        for start in range(0, len(items), 7):
            if mode == "cold":
                with Store(url) as fresh:
                    fresh.add_reports(items[start : start + 7])
            else:
                store.add_reports(items[start : start + 7])
        partitions[mode] = _partition(store)
        store.close()
    assert 40 < len(partitions["cold"]) < len(items)  # merges and near misses both present
    assert partitions["warm"] == partitions["tiny"] == partitions["featureless"] == partitions["cold"]


def test_reports_in_random_date_order_read_each_period_once(tmp_path, monkeypatch) -> None:
    """A backlog arriving in random date order (a peer's sync) with few features cached: the index keeps every
    period's compact entries, so no period is read from the store twice (whole decoded periods, evicted and read
    again, made such a sync several times slower)."""
    items = _happenings(seed=5)
    random.Random(3).shuffle(items)
    reads: list[int] = []
    load = CandidateIndex._load

    def counted(self: CandidateIndex, connection, buckets: range) -> None:
        reads.extend(b for b in buckets if b not in self._periods)
        load(self, connection, buckets)

    monkeypatch.setattr(CandidateIndex, "_load", counted)
    with Store(f"sqlite:///{tmp_path / 'backlog.db'}") as store:
        store._fusion_cache = FeatureCache(2, 10_000)
        for start in range(0, len(items), 7):
            store.add_reports(items[start : start + 7])
        assert len(reads) == len(set(reads)) > 3


def test_the_index_entries_leave_the_garbage_collectors_sight(tmp_path) -> None:
    """Entries read from the store and entries filed by a flush are tuples of strings and numbers that the
    collector stops tracking once it has examined them: hundreds of thousands of them would otherwise be walked
    by every full collection and counted among the survivors that trigger one."""
    items = [_attack(town, "2025-04-06", n) for n, town in enumerate(("Ouallam", "Ayorou", "Ouallam", "Tessalit"))]
    url = f"sqlite:///{tmp_path / 'untracked.db'}"
    with Store(url) as store:
        store.add_reports(items[:2])  # the period is loaded (empty) at the first lookup, then filed by flushes
        store.add_reports(items[2:])
        filed = shared_index(store._fusion_cache)
        with Store(url) as fresh:  # a new index: its period is read from the store
            fresh.add_reports([_attack("Ayorou", "2025-04-07", 9)])
            read = shared_index(fresh._fusion_cache)
            gc.collect()
            for index in (filed, read):
                entries = [e for by_period in index._cells.values() for listed in by_period.values() for e in listed]
                assert len(entries) >= 4
                assert not any(gc.is_tracked(entry) for entry in entries)
