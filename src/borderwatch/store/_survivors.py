"""The process's one policy for putting long-lived objects out of the garbage collector's sight (`gc.freeze`).

Three kinds of code leave many long-lived objects behind: the extraction pipeline once per process (modules, the
spaCy model: `put_loaded_aside`), and every large write, an ingest batch of `Store.add_reports` or a page of a
sync (`put_survivors_aside`), after which fusion keeps what it stored in memory (the candidate index, decoded
features of recent mentions: hundreds of thousands of objects at 100,000 mentions). Left in sight, every full
collection walks all of it again, and a full collection comes each time the objects that survived young
collections since the last one reach a quarter of those alive: at 100k mentions (`bench/fusion_scale.py`) the
collector took 6.5 s CPU, 4.3 s of it in 13 full collections, a cost per report that grew with the store. So after
each of them young garbage is collected and the survivors are frozen.

Frozen objects are still freed when nothing refers to them any more (an entry the caches evict, a report deleted);
only reference cycles among them wait, and a long-running process (a server that ingests and receives syncs for
months) must neither keep them for ever nor let them pile up. Hence the one policy, shared by all three callers
(they share the count below, whoever froze last): once the frozen objects have doubled since the last sweep,
everything is handed back to the collector for one full collection (the sweep) before freezing again. A dead cycle
is thus freed at the next sweep, and what is frozen stays below twice what was alive at the last one: frozen
garbage never outweighs what is kept, as the collector's own rule keeps young garbage below a quarter of it. Full
collections become as rare as a doubling of what is alive (about four from 10k to 100k mentions). The first freeze
of a process takes what is frozen then (a benchmark's input, the model) as the base the doubling counts from,
instead of walking it in a full collection at once. Smaller writes (a report filed from the dashboard or the API, a
sync page of a few reports) leave the collector as it is, so that a server's own garbage is not frozen with them;
a process that disabled the collector manages its memory itself and is left alone.

Counting the frozen objects (`gc.get_freeze_count`) walks their whole list: 0.1 s a batch at 20k mentions stored,
half the CPU of a warm report (`bench/fusion_scale.py --profile`). So between sweeps an upper bound is kept
instead: the count at the last sweep plus what each freeze here moved (counted in the generations, which is as
cheap as the collection before it); frozen objects that died only make it higher than the truth. The list is walked
only once the bound reaches double the count of the last sweep, and the sweep comes when the walked count does.
Objects code outside this module froze meanwhile are counted from the next walk on.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LARGE_BATCH", "collector_paused", "put_loaded_aside", "put_survivors_aside"]

LARGE_BATCH = 32  # reports: ingest writes 200 at a time (`Settings.batch_size`), a filed report is one
SWEEP_GROWTH = 2.0  # the frozen objects are swept once they grew by this factor since the last sweep


class _Sweeps:
    """How many objects were frozen right after the last full sweep (or the first freeze of the process; 0: none
    yet), an upper bound of how many are frozen now (the count walked last, plus what was frozen here since), and
    whether the process's loaded code and model were put aside already."""

    frozen_after_last = 0
    frozen_at_most = 0
    loaded = False


def put_survivors_aside(reports: int) -> bool:
    """After a batch (or a sync page) of `reports` reports was written: whether its survivors were frozen (a large
    batch, with the collector enabled)."""
    if reports < LARGE_BATCH or not gc.isenabled():
        return False
    _freeze(1)  # the young garbage, reference cycles included, is not frozen with the survivors
    return True


def put_loaded_aside() -> None:
    """Once per process, after the extraction model was loaded: what is loaded so far (modules, the model: kept for
    the life of the process) is collected in full and frozen. Collections then no longer walk the model, and forked
    workers no longer write to (and so copy) the pages they share with their parent when they collect."""
    if _Sweeps.loaded or not gc.isenabled():
        return
    _Sweeps.loaded = True
    _freeze(2)  # a full collection of what is not frozen yet (frozen objects stay frozen)


def _freeze(generation: int) -> None:
    """Collects the generations up to `generation` and freezes what survives, or sweeps once the frozen objects
    doubled."""
    if _Sweeps.frozen_after_last == 0:  # the process's first: what others froze before (an input) is the base
        gc.collect(generation)
        gc.freeze()
        _Sweeps.frozen_after_last = _Sweeps.frozen_at_most = max(gc.get_freeze_count(), 1)
        return
    if _frozen_doubled():  # their dead cycles are looked for once
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _Sweeps.frozen_after_last = _Sweeps.frozen_at_most = max(gc.get_freeze_count(), 1)
        return
    gc.collect(generation)
    _Sweeps.frozen_at_most += len(gc.get_objects())  # what the freeze below moves: the survivors
    gc.freeze()


def _frozen_doubled() -> bool:
    """Whether the frozen objects reached double the count of the last sweep; their list is walked only when the
    upper bound says they may have (the walked count then replaces the bound)."""
    if _Sweeps.frozen_at_most < SWEEP_GROWTH * _Sweeps.frozen_after_last:
        return False
    _Sweeps.frozen_at_most = gc.get_freeze_count()
    return _Sweeps.frozen_at_most >= SWEEP_GROWTH * _Sweeps.frozen_after_last


class _Pauses:
    """How many `collector_paused` blocks run now (in any thread), and whether the first of them disabled the
    collector (it was enabled): the last to leave enables it again, and only then."""

    lock = threading.Lock()
    running = 0
    disabled_here = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection while a large result that dies whole is built (a page of a peer's sync: thousands of reports'
    objects, mapped and serialised, then dropped). Each object of it survives the young collections that come
    every few hundred allocations, so that it is walked again and again and full collections of the whole
    process follow: 40% of the CPU of serving a page (`bench/sync.py`, 10,000 reports). What it holds is freed
    by reference counting once the answer is sent; the few reference cycles among it wait for the next
    collection after the block. Blocks may overlap across threads (a server answers several peers at once):
    the collector comes back when the last one ends, as it was before the first."""
    with _Pauses.lock:
        if _Pauses.running == 0:
            _Pauses.disabled_here = gc.isenabled()
            gc.disable()
        _Pauses.running += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.running -= 1
            if _Pauses.running == 0 and _Pauses.disabled_here:
                _Pauses.disabled_here = False
                gc.enable()
