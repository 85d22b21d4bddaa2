"""The store's bulk writes (`store/_fusion_bulk.py`): a statement is built once per table and columns, and the rows
written are those given (SYNTHETIC values)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from borderwatch.store import _fusion_bulk


def test_a_bulk_statement_is_built_once_per_table_and_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    metadata = MetaData()
    table = Table("synthetic_rows", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    built: list[str] = []
    real_insert = _fusion_bulk._insert

    def counted_insert(table: Table, columns: tuple[str, ...]) -> Any:
        built.append(table.name)
        return real_insert(table, columns)

    monkeypatch.setattr(_fusion_bulk, "_insert", counted_insert)
    monkeypatch.setattr(_fusion_bulk, "_PREPARED", {})
    with engine.begin() as connection:
        for batch in range(3):
            rows = [{"id": batch * 10 + n, "name": f"invented {batch}-{n}"} for n in range(4)]
            _fusion_bulk.bulk_insert(connection, table, rows)
        updates = len(_fusion_bulk._PREPARED)
        for batch in range(2):
            _fusion_bulk.bulk_update(connection, table, "id", [{"id": batch, "name": f"renamed {batch}"}])
        assert len(_fusion_bulk._PREPARED) == updates + 1
        stored = dict(connection.execute(select(table.c.id, table.c.name)).all())
    assert built == ["synthetic_rows"]  # three batches, one statement built
    assert len(stored) == 12 and stored[0] == "renamed 0" and stored[1] == "renamed 1" and stored[23] == "invented 2-3"
