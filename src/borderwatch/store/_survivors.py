"""What a large batch leaves alive is put out of the garbage collector's sight once the batch is written.

Fusion keeps what it stored in memory (the candidate index, decoded features of recent mentions): hundreds of
thousands of objects at 100,000 mentions, which every full collection of the collector walked again, while a
full collection comes each time the objects that survived young collections since the last one reach a quarter
of those alive; at 100k mentions (`bench/fusion_scale.py`) the collector took 6.5 s CPU, 4.3 s of it in 13 full
collections, a cost per report that grew with the store. After a batch of `LARGE_BATCH` reports or more
(ingest's, a sync page's), young garbage is collected and the survivors are frozen (`gc.freeze`): frozen
objects are still freed when nothing refers to them any more (an entry the caches evict); only reference cycles
among them wait, and a long-running process (a server that receives syncs for months) must not keep them for
ever. So once the frozen objects have doubled since the last sweep, everything is handed back to the collector
for one full collection before freezing again: full collections become as rare as a doubling of what is alive
(about four from 10k to 100k mentions), and a cycle that died frozen is freed at the next of them.
Smaller writes (a report filed from the dashboard or the API) leave the collector as it is, so that a server's
own garbage is not frozen with them.

Counting the frozen objects (`gc.get_freeze_count`) walks their whole list: 0.1 s a batch at 20k mentions stored,
half the CPU of a warm report (`bench/fusion_scale.py --profile`). So between sweeps an upper bound is kept
instead: the count at the last sweep plus what each freeze here moved (the survivors of one batch, counted in the
young generations, which is as cheap as the batch); frozen objects that died only make it higher than the truth.
The list is walked only once the bound reaches double the count of the last sweep, and the sweep comes when the
walked count does, exactly as when it was walked every batch. Objects another part of the process froze meanwhile
(the extraction model once per process, a sync page) are counted from the next walk on.
"""

from __future__ import annotations

import gc

__all__ = ["LARGE_BATCH", "put_survivors_aside"]

LARGE_BATCH = 32  # reports: ingest writes 200 at a time (`Settings.batch_size`), a filed report is one


class _Sweeps:
    """How many objects were frozen right after the last full sweep (the first large batch of a process counts as
    one without collecting: what other code froze before it, the extraction model or a benchmark's input, would
    otherwise be walked by a full collection at once; 0: no large batch yet), and an upper
    bound of how many are frozen now (the count walked last, plus what was frozen here since)."""

    frozen_after_last = 0
    frozen_at_most = 0


def put_survivors_aside(reports: int) -> bool:
    """After a batch of `reports` reports was written: whether its survivors were frozen (a large batch, with the
    collector enabled; a process that disabled it manages its memory itself)."""
    if reports < LARGE_BATCH or not gc.isenabled():
        return False
    if _Sweeps.frozen_after_last == 0:  # the process's first: what others froze before (a model, an input) is the base
        gc.collect(1)
        gc.freeze()
        _Sweeps.frozen_after_last = _Sweeps.frozen_at_most = max(gc.get_freeze_count(), 1)
        return True
    sweep = _frozen_doubled()
    if sweep:  # the frozen objects doubled: their dead cycles are looked for once
        gc.unfreeze()
        gc.collect()
    else:
        gc.collect(1)  # the young garbage, reference cycles included, is not frozen with the survivors
        _Sweeps.frozen_at_most += len(gc.get_objects())  # what the freeze below moves: the batch's survivors
    gc.freeze()
    if sweep:
        _Sweeps.frozen_after_last = _Sweeps.frozen_at_most = gc.get_freeze_count()
    return True


def _frozen_doubled() -> bool:
    """Whether the frozen objects reached double the count of the last sweep; their list is walked only when the
    upper bound says they may have (the walked count then replaces the bound)."""
    if _Sweeps.frozen_at_most < 2 * _Sweeps.frozen_after_last:
        return False
    _Sweeps.frozen_at_most = gc.get_freeze_count()
    return _Sweeps.frozen_at_most >= 2 * _Sweeps.frozen_after_last
