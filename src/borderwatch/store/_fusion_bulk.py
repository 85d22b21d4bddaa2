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


def bulk_insert(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], *, json_text: tuple[str, ...] = ()
) -> None:
    """INSERT the rows (each with every column of the table that it sets; all rows set the same ones).

    `json_text`: JSON columns whose values the rows give already serialized (pydantic's `model_dump_json`,
    orjson), written as they are. A batch's mentions and decisions live until the batch is written: as nested
    dicts and lists they are objects the garbage collector tracks, promotes and walks in its full collections
    (which their number in each batch makes frequent); as plain strings, in rows of plain values, they are not."""
    if rows:
        columns = tuple(rows[0])
        _execute(
            connection, ("insert", table.name, "", columns), table, rows, lambda: _insert(table, columns), json_text
        )


def bulk_update(connection: Connection, table: Table, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE the rows by `key` (a column each row gives, with the columns to set)."""
    if rows:
        columns = tuple(c for c in rows[0] if c != key)

        def statement() -> Any:
            update = table.update().where(table.c[key] == bindparam(f"k_{key}"))
            return update.values({c: bindparam(f"v_{c}") for c in columns})

        renamed = [{f"k_{key}": row[key], **{f"v_{c}": row[c] for c in columns}} for row in rows]
        _execute(connection, ("update", table.name, key, columns), table, renamed, statement)


def _insert(table: Table, columns: tuple[str, ...]) -> Any:
    return table.insert().values({c: bindparam(c) for c in columns})


def _execute(
    connection: Connection,
    cache_key: tuple,
    table: Table,
    rows: Sequence[dict[str, Any]],
    statement: Callable[[], Any],
    json_text: tuple[str, ...] = (),
) -> None:
    """Run the prepared statement of `cache_key` on the rows; `statement` builds it the first time only (building
    an INSERT or UPDATE construct cost more than SQLite's work for a batch's few events)."""
    dialect = connection.dialect
    kind, name, key, columns = cache_key
    full_key = (kind, name, f"{key}|{dialect.name}:{dialect.paramstyle}|{','.join(json_text)}", columns)
    prepared = _PREPARED.get(full_key)
    if prepared is None:
        prepared = _PREPARED[full_key] = _prepare(connection, table, statement(), json_text)
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
) -> list[Any]:
    """The rows as lists in the statement's order; only the few columns with a processor are visited one by
    one (most are plain text and numbers, taken all at once)."""
    values = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
    converted = [(i, processors[name]) for i, name in enumerate(order) if name in processors]
    if not converted:
        return [values(row) for row in rows]
    out = []
    for row in rows:
        listed = list(values(row))
        for i, process in converted:
            if listed[i] is not None:
                listed[i] = process(listed[i])
        out.append(listed)
    return out


def _value(row: dict[str, Any], name: str, processors: dict[str, Callable[[Any], Any]]) -> Any:
    value = row[name]
    process = processors.get(name)
    return value if process is None or value is None else process(value)


def _prepare(connection: Connection, table: Table, statement: Any, json_text: tuple[str, ...] = ()) -> _Prepared:
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)
    order = list(compiled.positiontup) if dialect.positional and compiled.positiontup else None
    processors: dict[str, Callable[[Any], Any]] = {}
    for name in compiled.binds:
        column = name.removeprefix("v_").removeprefix("k_")
        if column in table.c:
            if column in json_text:
                text = _as_text(dialect.name)
                if text is not None:
                    processors[name] = text
                continue
            process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors[name] = process
    return str(compiled), order, processors


def _as_text(dialect: str) -> Callable[[Any], Any] | None:
    """How a JSON column's already serialized text goes to the driver: as it is, or on PostgreSQL as psycopg's
    JSON of that text (a plain string parameter would be sent as text, which a json column refuses)."""
    if dialect != "postgresql":
        return None
    from psycopg.types.json import Json

    def as_is(text: str) -> str:
        return text

    return lambda value: Json(value, dumps=as_is)
