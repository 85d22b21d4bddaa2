"""What a large batch leaves alive is put out of the garbage collector's sight once the batch is written.

Fusion keeps what it stored in memory (the candidate index, decoded features of recent mentions): hundreds of
thousands of objects at 100,000 mentions, which every full collection of the collector walked again, while a
full collection comes each time the objects that survived young collections since the last one reach a quarter
of those alive; at 100k mentions (`bench/fusion_scale.py`) the collector took 6.5 s CPU, 4.3 s of it in 13 full
collections, a cost per report that grew with the store. After a batch of `LARGE_BATCH` reports or more
(ingest's, a sync page's), young garbage is collected and the survivors are frozen (`gc.freeze`): frozen
objects are still freed when nothing refers to them any more (an entry the caches evict), only reference cycles
among them would wait, and a batch leaves none (counted after each batch of fusion_scale once warm: 0).
Smaller writes (a report filed from the dashboard or the API) leave the collector as it is, so that a server's
own garbage is not frozen with them.
"""

from __future__ import annotations

import gc

__all__ = ["LARGE_BATCH", "put_survivors_aside"]

LARGE_BATCH = 32  # reports: ingest writes 200 at a time (`Settings.batch_size`), a filed report is one


def put_survivors_aside(reports: int) -> bool:
    """After a batch of `reports` reports was written: whether its survivors were frozen (a large batch, with the
    collector enabled; a process that disabled it manages its memory itself)."""
    if reports < LARGE_BATCH or not gc.isenabled():
        return False
    gc.collect(1)  # the young garbage, reference cycles included, is not frozen with the survivors
    gc.freeze()
    return True
