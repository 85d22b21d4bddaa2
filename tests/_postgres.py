"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, on a free port.

The store must behave the same on PostgreSQL (a national centre's shared server) as on the embedded
SQLite file, so the tests that take `db_url` run on both. The server is started once per test session
with the machine's PostgreSQL binaries (`make setup` installs Debian's `postgresql`); as root it runs as
the `postgres` system user, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

__all__ = ["PostgresServer", "find_pg_bin", "postgres_server"]

_SEARCH = ("/usr/lib/postgresql",)


def find_pg_bin() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: $BORDERWATCH_PG_BIN, Debian's newest version, or the PATH."""
    given = os.environ.get("BORDERWATCH_PG_BIN")
    if given:
        return Path(given)
    for root in _SEARCH:
        versions = sorted(Path(root).glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]), reverse=True)
        if versions:
            return versions[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PostgresServer:
    def __init__(self, host: str, port: int, user: str) -> None:
        self.host, self.port, self.user = host, port, user

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        import psycopg

        name = "bw_test_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def postgres_server(folder: Path) -> Iterator[PostgresServer]:
    """Start a cluster in `folder` (initdb, pg_ctl start), yield it, stop it."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (make setup installs Debian's postgresql)")
    data = folder / "data"
    folder.mkdir(parents=True, exist_ok=True)
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(folder, "postgres")
    port = _free_port()
    user = "bw"
    _run(as_root, [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync"])
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]
    _run(as_root, start)
    try:
        yield PostgresServer("127.0.0.1", port, user)
    finally:
        _run(as_root, [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])


def _run(as_root: bool, command: list[str]) -> None:
    if as_root:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
