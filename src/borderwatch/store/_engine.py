"""Opening a database: the engine, SQLite's settings, and checking that the file is ours and not newer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import NewerDatabaseError, NotOurDatabaseError, StoreError
from ._access_triggers import install_access_triggers
from ._fusion_memory import install_generation_triggers
from ._schema import meta

__all__ = ["MMAP_BYTES", "open_engine"]

_MIGRATIONS = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION = "borderwatch"


def open_engine(url: str) -> Engine:
    """An engine on a database that is ours and at the current schema (created or upgraded as needed)."""
    if url.startswith("sqlite:///"):
        _check_sqlite_file(Path(url.removeprefix("sqlite:///")))
    try:
        engine = create_engine(url, future=True, json_serializer=_json_dumps)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot use database {_display(url)}: {exc.orig}") from None
    return engine


def _json_dumps(value: Any) -> str:
    """JSON columns through orjson: every stored report, mention and decision has some (json.dumps was a tenth
    of the write path's time)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


MMAP_BYTES = 1 << 30  # SQLite files are read through a memory map of up to this size
WAL_CHECKPOINT_BYTES = 256 << 20  # 256 MiB: 131,072 pages of 2 KB
PAGE_SIZE = 2048  # of a new SQLite file (an existing file keeps its own: WAL files cannot change theirs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Pages of 2 KB rather than SQLite's 4 KB, for a new file (before its first write; no effect on an existing
    # one). Storing a report inserts a row into a dozen B-trees keyed by hashes (report, content, STIX and mention
    # ids), and once a store holds some 50k reports each of those rows lands on a page of its own: a batch
    # rewrites a whole page per row and index, so halving the page halves those bytes (bench/fusion_scale.py at
    # 100k: 7.7 -> 6.6 GB written). Most rows (mentions, extractions, decisions: about 1 KB) still fit a page.
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
    # WAL: readers never block the writer, and a killed process loses only its open transaction.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint the WAL into the file when it holds 256 MiB instead of SQLite's 4 MB: a checkpoint copies each
    # page the WAL holds once, however many batches rewrote it, and most pages a batch writes are pages that
    # later batches write again (the dozen indexes keyed by hashes: ~200 random pages each per batch of 200
    # reports, out of a few thousand once the store holds 100k; the pages near the present). SQLite's default
    # copied every batch's pages into the file again; 40 MiB (8 batches at 100k) still copied most of them once
    # per window, 256 MiB (~50 batches) copies each page once per window of a few thousand pages.
    # bench/fusion_scale.py 100k: 4 MB -> 40 MiB 30% fewer bytes written; 40 -> 128 MiB 6689 -> 5192 MB,
    # -> 256 MiB 4581 MB. The cost: the WAL file keeps up to that size beside the database while it is open
    # (SQLite removes it when the last connection closes), and a crash recovery reads it.
    # (in pages of the file's own size: 2 KB for a new file, 4 KB for one created before)
    page_size = cursor.execute("PRAGMA page_size").fetchone()[0]
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_BYTES // page_size}")
    cursor.execute("PRAGMA temp_store=MEMORY")  # sorts and IN lists of one statement: never to a temp file
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Reads of large stores (the API's pages): map the file and keep more pages than the 2 MB default.
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"database {path} is a folder, not a file")
    if not path.parent.expanduser().is_dir():
        raise StoreError(f"cannot create database {path}: folder {path.parent} does not exist")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != _SQLITE_MAGIC:
                raise NotOurDatabaseError(f"{path} is not a borderwatch database (not an SQLite file)")


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _migrate(engine: Engine) -> None:
    scripts = ScriptDirectory(str(_MIGRATIONS))
    head = scripts.get_current_head()
    with engine.begin() as connection:
        tables = set(inspect(connection).get_table_names())
        if tables and meta.name not in tables:
            raise NotOurDatabaseError(f"{_display(str(engine.url))} is not a borderwatch database")
        current = MigrationContext.configure(connection).get_current_revision()
        if tables:
            app = connection.execute(select(meta.c.value).where(meta.c.key == "application")).scalar()
            if app != APPLICATION:
                raise NotOurDatabaseError(f"{_display(str(engine.url))} is not a borderwatch database")
            if current is not None and current != head and _unknown(scripts, current):
                where = _display(str(engine.url))
                raise NewerDatabaseError(f"{where} was written by a newer borderwatch (schema {current}); upgrade")
        if current != head:
            command.upgrade(_alembic_config(connection), "head")
            if not tables:
                connection.execute(meta.insert().values(key="application", value=APPLICATION))
        install_access_triggers(connection)  # not in the migration: alembic does not compare triggers
        install_generation_triggers(connection)  # what fusion's candidate index checks (`_fusion_memory`)


def _unknown(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is None
    except Exception:  # alembic raises several kinds for an unknown id
        return True


def _display(url: str) -> str:
    return url.removeprefix("sqlite:///")
