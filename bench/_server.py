"""What the API benchmarks share: `borderwatch serve` in its own process, and an admin's API token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["admin_token", "free_port", "start_serve"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`borderwatch serve` in its own process (as in use: the client does not share its interpreter)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "borderwatch", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/auth/me", timeout=5)  # up (401 without a token is fine)
            return process, base
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("borderwatch serve did not start") from None
            time.sleep(0.2)


def admin_token(db: Path) -> str:
    """An API token of an administrator of the local agency (every request is authenticated; webhooks need
    the admin scope), made on the first call and reused by its account afterwards."""
    from borderwatch.model import Agency
    from borderwatch.store import Role, Store

    with Store(f"sqlite:///{db}") as store:
        if "bench" not in {u.id for u in store.accounts.list_users()}:
            if "local" not in {a["id"] for a in store.accounts.list_agencies()}:
                store.accounts.add_agency(Agency(id="local", name="local"))
            store.accounts.add_user("bench", "local", Role.ADMIN)
        return store.accounts.create_token("bench", "bench", days=1)[0]
