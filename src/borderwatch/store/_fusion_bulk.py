"""Many rows in one statement, straight through the driver's `executemany`.

Every stored report writes a row into half a dozen tables; SQLAlchemy's per-row work in an executemany
(building parameters, running each column's type processing in its execution context) cost more than
SQLite's own. These helpers compile a statement once per table and dialect and apply the very same
processors SQLAlchemy would (each column type's `bind_processor` for the dialect: JSON through the
engine's serializer, times in SQLite's storage format), then hand the driver plain tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam

__all__ = ["bulk_insert", "bulk_update"]

_Prepared = tuple[str, list[str] | None, dict[str, Callable[[Any], Any]]]
_PREPARED: dict[tuple[str, str, str, tuple[str, ...]], _Prepared] = {}


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT the rows (each with every column of the table that it sets; all rows set the same ones)."""
    if rows:
        columns = tuple(rows[0])
        _execute(connection, ("insert", table.name, "", columns), table, rows, _insert(table, columns))


def bulk_update(connection: Connection, table: Table, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE the rows by `key` (a column each row gives, with the columns to set)."""
    if rows:
        columns = tuple(c for c in rows[0] if c != key)
        statement = table.update().where(table.c[key] == bindparam(f"k_{key}"))
        statement = statement.values({c: bindparam(f"v_{c}") for c in columns})
        renamed = [{f"k_{key}": row[key], **{f"v_{c}": row[c] for c in columns}} for row in rows]
        _execute(connection, ("update", table.name, key, columns), table, renamed, statement)


def _insert(table: Table, columns: tuple[str, ...]) -> Any:
    return table.insert().values({c: bindparam(c) for c in columns})


def _execute(
    connection: Connection, cache_key: tuple, table: Table, rows: Sequence[dict[str, Any]], statement: Any
) -> None:
    dialect = connection.dialect
    kind, name, key, columns = cache_key
    full_key = (kind, name, f"{key}|{dialect.name}:{dialect.paramstyle}", columns)
    prepared = _PREPARED.get(full_key)
    if prepared is None:
        prepared = _PREPARED[full_key] = _prepare(connection, table, statement)
    sql, order, processors = prepared
    if order is not None:
        parameters: Any = _positional(rows, order, processors)
    else:
        parameters = [{name: _value(row, name, processors) for name in row} for row in rows]
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(sql, parameters)
    finally:
        cursor.close()


def _positional(
    rows: Sequence[dict[str, Any]], order: list[str], processors: dict[str, Callable[[Any], Any]]
) -> list[tuple[Any, ...]]:
    """The rows as tuples in the statement's order: the columns without a processor taken as they are by one
    `itemgetter` per row, the few with one (JSON, times) converted after (this runs for every column of
    every row a sync page writes)."""
    if len(order) == 1:
        return [(_value(row, order[0], processors),) for row in rows]
    take = itemgetter(*order)
    converted = [(i, processors[name]) for i, name in enumerate(order) if name in processors]
    if not converted:
        return [take(row) for row in rows]
    out = []
    for row in rows:
        values = list(take(row))
        for i, process in converted:
            value = values[i]
            if value is not None:
                values[i] = process(value)
        out.append(tuple(values))
    return out


def _value(row: dict[str, Any], name: str, processors: dict[str, Callable[[Any], Any]]) -> Any:
    value = row[name]
    process = processors.get(name)
    return value if process is None or value is None else process(value)


def _prepare(connection: Connection, table: Table, statement: Any) -> _Prepared:
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)
    order = list(compiled.positiontup) if dialect.positional and compiled.positiontup else None
    processors: dict[str, Callable[[Any], Any]] = {}
    for name in compiled.binds:
        column = name.removeprefix("v_").removeprefix("k_")
        if column in table.c:
            process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors[name] = process
    return str(compiled), order, processors
