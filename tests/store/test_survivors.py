"""store/_survivors.py: what a large batch leaves alive is put out of the garbage collector's sight once written,
a small write leaves the collector as it is. SYNTHETIC reports of invented incidents."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from borderwatch.store import NewReport, Store, _survivors
from borderwatch.store._survivors import LARGE_BATCH, put_loaded_aside, put_survivors_aside

from ..fuse._make import PLACES, mention, report


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """Hand back to the collector what the test froze, unless something froze objects before it."""
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    yield
    if enabled:
        gc.enable()
    if frozen == 0:
        gc.unfreeze()


def _clashes(count: int, first: int = 0) -> list[NewReport]:
    towns = list(PLACES)
    items = []
    for n in range(first, first + count):
        town, day = towns[n % len(towns)], f"2025-04-{1 + n % 28:02d}"
        sentence = f"SYNTHETIC. Invented gunmen clashed with a patrol near {town}, case {n}."
        items.append(report(sentence, [mention(place=town, day=day, sentence=sentence, fatalities=n)], published=day))
    return items


def _cached_features_tracked(store: Store) -> list[bool]:
    """For each mention whose features the store keeps, whether the collector's generations hold them."""
    tracked = {id(o) for o in gc.get_objects()}  # frozen objects are in none of the generations
    return [id(features) in tracked for features in store._fusion_cache._items.values()]


def test_a_large_batch_leaves_its_survivors_frozen(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'large.db'}") as store:
        store.add_reports(_clashes(LARGE_BATCH))
        kept = _cached_features_tracked(store)
        assert len(kept) == LARGE_BATCH and not any(kept)


def test_a_small_write_leaves_the_collector_as_it_is(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'small.db'}") as store:
        frozen = gc.get_freeze_count()
        for item in _clashes(3):
            store.add_reports([item])
        assert gc.get_freeze_count() == frozen
        assert all(_cached_features_tracked(store))


def test_a_process_that_disabled_the_collector_keeps_it_as_it_is(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'disabled.db'}") as store:
        gc.disable()
        frozen = gc.get_freeze_count()
        store.add_reports(_clashes(LARGE_BATCH))
        assert gc.get_freeze_count() == frozen and not gc.isenabled()


class _Node:
    """An object that refers to itself: only the collector's cycle search frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_cycle_that_died_frozen_is_freed_once_the_frozen_objects_double(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_survivors._Sweeps, "frozen_after_last", 0)
    put_survivors_aside(LARGE_BATCH)  # the first large batch of a process sweeps
    swept_at = _survivors._Sweeps.frozen_after_last
    assert swept_at == gc.get_freeze_count() > 0
    node = _Node()
    alive = weakref.ref(node)
    put_survivors_aside(LARGE_BATCH)  # not doubled yet: the node is frozen with the survivors
    assert _survivors._Sweeps.frozen_after_last == swept_at
    del node
    gc.collect()
    assert alive() is not None  # frozen: a full collection does not see it
    grown = [[n] for n in range(swept_at + 1)]  # as many tracked objects again as were frozen at the sweep
    put_survivors_aside(LARGE_BATCH)  # freezes them: now doubled
    assert alive() is not None
    put_survivors_aside(LARGE_BATCH)  # the sweep
    assert alive() is None
    assert _survivors._Sweeps.frozen_after_last >= len(grown)


def test_the_frozen_objects_are_not_counted_again_until_they_may_have_doubled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting the frozen objects walks all of them (0.1 s a batch at 20k mentions stored): between sweeps a bound
    decides, and the list is walked only once the bound reaches double the count of the last sweep."""
    monkeypatch.setattr(_survivors._Sweeps, "frozen_after_last", 0)
    put_survivors_aside(LARGE_BATCH)  # the first large batch of a process sweeps (and counts once)
    swept_at = _survivors._Sweeps.frozen_after_last
    walks = []
    count_frozen = gc.get_freeze_count
    monkeypatch.setattr(gc, "get_freeze_count", lambda: walks.append(1) or count_frozen())
    kept = []
    for batch in range(5):  # batches whose survivors are far fewer than what is frozen: no walk
        kept.append([[batch, n] for n in range(100)])
        put_survivors_aside(LARGE_BATCH)
    assert walks == [] and _survivors._Sweeps.frozen_after_last == swept_at
    kept.append([[n] for n in range(swept_at + 1)])  # as many objects again as were frozen at the sweep
    put_survivors_aside(LARGE_BATCH)  # freezes them: the bound now says doubled
    put_survivors_aside(LARGE_BATCH)  # walks the list once, finds it doubled and sweeps (a second walk)
    assert len(walks) == 2 and _survivors._Sweeps.frozen_after_last >= 2 * swept_at


class _Cycle:
    """One object that refers to itself (no instance dict: one object for the collector to count)."""

    __slots__ = ("__weakref__", "me")

    def __init__(self) -> None:
        self.me = self


def _cycles(count: int) -> list[_Cycle]:
    """`count` objects that each hold themselves: garbage only the collector's cycle search frees once dropped."""
    return [_Cycle() for _ in range(count)]


def test_a_long_run_of_batches_that_leave_dead_cycles_keeps_the_frozen_objects_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that stores batch after batch for months: each batch leaves cycles frozen that die with the next
    (a cache entry evicted, a report deleted). The frozen objects never pass twice what was frozen at the last
    sweep plus one batch, the sweep point itself stays put (it is what is alive), and the cycles are freed."""
    monkeypatch.setattr(_survivors._Sweeps, "frozen_after_last", 0)
    monkeypatch.setattr(_survivors._Sweeps, "frozen_at_most", 0)
    put_survivors_aside(LARGE_BATCH)  # the first of the process: the base
    base = gc.get_freeze_count()
    per_batch = base // 3 + 1  # three batches and the frozen objects may have doubled
    kept: list[_Cycle] = []
    first: list[weakref.ref[_Cycle]] = []
    counts = []
    for batch in range(30):
        kept = _cycles(per_batch)  # the previous batch's cycles die, frozen
        if batch == 0:
            first = [weakref.ref(c) for c in kept[:10]]
        put_survivors_aside(LARGE_BATCH)
        counts.append(gc.get_freeze_count())
        assert _survivors._Sweeps.frozen_after_last <= base + 2 * per_batch + 1000
    assert max(counts) <= 2 * (base + 2 * per_batch + 1000) + per_batch
    assert all(ref() is None for ref in first)
    assert kept  # the last batch's cycles are still referred to here


def test_the_loaded_model_is_put_aside_once_per_process_by_the_same_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline's freeze of its model is the first freeze of a process (the base the batches double from),
    and a second extractor made in the process collects and freezes nothing again."""
    monkeypatch.setattr(_survivors._Sweeps, "frozen_after_last", 0)
    monkeypatch.setattr(_survivors._Sweeps, "frozen_at_most", 0)
    monkeypatch.setattr(_survivors._Sweeps, "loaded", False)
    put_loaded_aside()
    assert _survivors._Sweeps.frozen_after_last == gc.get_freeze_count() > 0
    collections: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    frozen = gc.get_freeze_count()
    loose = _cycles(10)
    gc.callbacks.append(count)
    try:
        put_loaded_aside()
    finally:
        gc.callbacks.remove(count)
    assert collections == [] and gc.get_freeze_count() == frozen and loose


def test_the_first_large_batch_of_a_process_walks_no_full_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """What other code froze before (the extraction model, a benchmark's input) is the base the doubling counts
    from, not walked by a full collection at once."""
    monkeypatch.setattr(_survivors._Sweeps, "frozen_after_last", 0)
    monkeypatch.setattr(_survivors._Sweeps, "frozen_at_most", 0)
    gc.freeze()  # as the pipeline freezes its loaded model
    full: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(count)
    try:
        assert put_survivors_aside(LARGE_BATCH)
    finally:
        gc.callbacks.remove(count)
    assert full == []
    assert _survivors._Sweeps.frozen_after_last == gc.get_freeze_count()


def test_the_collector_is_paused_while_a_large_result_is_built_and_comes_back_after() -> None:
    from borderwatch.store._survivors import collector_paused

    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested (one thread)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_in_threads_give_the_collector_back_only_when_the_last_one_ends() -> None:
    import threading

    from borderwatch.store._survivors import collector_paused

    gc.enable()
    first_in, second_done, release = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            release.wait(5)

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            pass
        seen.append(gc.isenabled())  # the first is still building: still paused
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    second_done.wait(5)
    release.set()
    for t in threads:
        t.join(5)
    assert seen == [False] and gc.isenabled()


def test_a_pause_leaves_a_collector_the_process_disabled_disabled() -> None:
    from borderwatch.store._survivors import collector_paused

    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_cycle_built_while_paused_is_freed_by_the_next_collection() -> None:
    from borderwatch.store._survivors import collector_paused

    gc.enable()

    class Node:
        other: object = None

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None  # not collected while paused
    gc.collect()
    assert gone() is None
