"""The bulk write path writes exactly the rows the report-by-report path writes (a guard against drift)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from borderwatch.model import Marking
from borderwatch.store import Provenance, Store
from borderwatch.store._bulk_reports import write_new_reports
from borderwatch.store._schema import (
    access_classes,
    actors,
    event_mentions,
    events,
    exchange_index,
    extractions,
    places,
    report_access,
    report_bands,
    report_links,
    reports,
    sources,
)
from borderwatch.store._write import write_report
from tests.share.test_stix import _rich_reports

_TIMES = {"ingested_at", "extracted_at", "created_at", "updated_at", "date_added", "created", "modified"}


def _dump(store: Store) -> dict[str, Any]:
    with store._engine.connect() as c:
        names = dict(c.execute(select(actors.c.id, actors.c.name)).tuples().all())
        source_names = dict(c.execute(select(sources.c.id, sources.c.name)).tuples().all())
        keys = dict(c.execute(select(access_classes.c.id, access_classes.c.key)).tuples().all())
        out: dict[str, Any] = {}
        for table in (
            reports,
            extractions,
            places,
            actors,
            sources,
            events,
            event_mentions,
            report_access,
            exchange_index,
            report_bands,
            report_links,
        ):
            rows = []
            for row in c.execute(select(table)):
                serial = table in (actors, sources)  # their ids are autoincremented: compared through names
                data = {k: v for k, v in row._mapping.items() if k not in _TIMES and not (serial and k == "id")}
                for column in ("actor1_id", "actor2_id"):
                    if column in data:
                        data[column] = names.get(data[column])
                if "source_id" in data:
                    data["source_id"] = source_names.get(data["source_id"])
                if "class_id" in data:
                    data["class_id"] = keys[data["class_id"]]
                rows.append(repr(sorted(data.items())))
            out[table.name] = sorted(rows)
    return out


def test_bulk_and_one_by_one_write_the_same_rows(tmp_path: Path) -> None:
    items = _rich_reports()
    items[0].band_keys = [11, 12]
    items[2].provenance = Provenance("peer-x", "inst-1", None, None, ("agency:tn-gn",))
    items[3].report.marking = Marking.RED
    one, bulk = Store(f"sqlite:///{tmp_path / 'one.db'}"), Store(f"sqlite:///{tmp_path / 'bulk.db'}")
    with one._engine.begin() as c:
        assert [write_report(c, i, {}) for i in items] == [True] * 4
    items[1].near_duplicates = []
    with bulk._engine.begin() as c:
        assert write_new_reports(c, [*items, items[0]]) == [True, True, True, True, False]
    assert _dump(one) == _dump(bulk)
    one.close()
    bulk.close()
