"""The sync benchmark's change phase: installation A changes some of what B already holds, B syncs once.

A re-marks reports (AMBER and GREEN swapped: new versions B must apply), raises some to RED (beyond B's rule
"up to AMBER": B must receive their withdrawal, a marking is never lowered by transport) and withdraws
others. B then pulls once. The end state is checked against A: B holds, per marking, exactly the reports of A
its rule lets through, and in its events every mention their extractions state.
"""

from __future__ import annotations

import json
import random
import resource
import time
from collections import Counter
from typing import Any

from sqlalchemy import func, select

# Shares of A's reports changed before the last sync.
SWAPPED, RAISED, WITHDRAWN = 0.02, 0.005, 0.005


def make_changes(db: str, seed: int = 11) -> dict[str, int]:
    """Change A's reports by the shares above (as its local administrator); returns how many of each."""
    from borderwatch.model import Marking
    from borderwatch.store import Store
    from borderwatch.store._schema import reports

    rng = random.Random(seed)
    with Store(f"sqlite:///{db}") as store:
        with store._engine.connect() as connection:
            rows = connection.execute(select(reports.c.id, reports.c.marking).order_by(reports.c.id)).all()
        picked = rng.sample(rows, round(len(rows) * (SWAPPED + RAISED + WITHDRAWN)))
        swapped, raised = round(len(rows) * SWAPPED), round(len(rows) * RAISED)
        for report_id, marking in picked[:swapped]:
            store.mark_report(report_id, Marking.GREEN if marking == Marking.AMBER.value else Marking.AMBER)
        for report_id, _ in picked[swapped : swapped + raised]:
            store.mark_report(report_id, Marking.RED)
        for report_id, _ in picked[swapped + raised :]:
            store.delete_report(report_id)
    return {"swapped": swapped, "raised": raised, "withdrawn": len(picked) - swapped - raised}


def holdings(db: str, up_to_amber: bool) -> dict[str, Any]:
    """Reports per marking and the event mentions their extractions state (`up_to_amber`: only what B's rule
    lets through, for A). A's events are not compared: A is written unfused (`_unfused.py`) and re-deriving
    its events on a change does not give that structure back."""
    from borderwatch.store import Store
    from borderwatch.store._schema import extractions, reports

    with Store(f"sqlite:///{db}") as store, store._engine.connect() as connection:
        kept = reports.c.marking != "RED" if up_to_amber else reports.c.id.is_not(None)
        by_marking = select(reports.c.marking, func.count()).where(kept).group_by(reports.c.marking)
        per_marking = Counter(dict(connection.execute(by_marking).all()))
        stated = func.sum(func.json_array_length(extractions.c.result, "$.events"))
        joined = extractions.join(reports, reports.c.id == extractions.c.report_id)
        mentions = connection.execute(select(stated).select_from(joined).where(kept)).scalar_one()
    return {"reports": dict(sorted(per_marking.items())), "mentions": int(mentions)}


def client_once(db: str, page: int) -> None:
    """B's side of the change phase: one pull from peer-a; prints its time, outcomes, CPU and holdings."""
    from borderwatch.share import PeerClient
    from borderwatch.store import Reader, Store

    with Store(f"sqlite:///{db}") as store:
        started = time.perf_counter()
        sync = PeerClient(store, store.exchange.peer("peer-a"), page_size=page)
        result = sync.sync(pull=True, push=False)
        sync.close()
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {"seconds": seconds, "pulled": dict(result.pulled), "cpu": usage.ru_utime + usage.ru_stime}
    held = holdings(db, False)
    with Store(f"sqlite:///{db}") as store:  # every mention its reports state is in one of B's events
        held["fused_mentions"] = store.count("event_mentions", Reader.local_admin())
    print(json.dumps({**figures, "peak_mb": usage.ru_maxrss / 1024, "holdings": held}))
