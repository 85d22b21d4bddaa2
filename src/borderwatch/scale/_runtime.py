"""The Ray runtime an extraction run uses: a private local one, or a connection to a running cluster.

Ray is imported here only, and only when a run asks for it: importing it costs about a second and a half
and starting a local runtime several more, which no other command should pay.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import signal
import socket
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import ConfigError

__all__ = ["LOCAL", "RayRuntime", "import_ray", "is_address"]

LOCAL = "local"  # the address that asks for a private runtime on this machine

# Ray's own knobs, set for this process and the Ray processes it starts (they inherit the environment).
_QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",  # never report usage to Anyscale
    "RAY_DISABLE_IMPORT_WARNING": "1",
}
# A local runtime needs little shared memory: batches of reports and their results are small, and few are in
# flight at once. Ray's default (30 % of the machine's memory) would reserve gigabytes of /dev/shm.
_LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
# Ray gives a new node's processes 30 s (fixed) to register; a machine busy with other work can take longer to
# start the half-dozen Python processes of a runtime. A second try then usually finds the caches warm.
_LOCAL_START_ATTEMPTS = 2
# How long a cluster's address may take to accept a connection before it is reported unreachable.
_CONNECT_SECONDS = 5.0


def import_ray() -> ModuleType:
    """The ray module, or a clear error when the optional dependency is not installed."""
    os.environ.update({k: os.environ.get(k, v) for k, v in _QUIET_ENV.items()})
    try:
        import ray
    except ImportError:
        raise ConfigError(
            "--ray needs the optional package ray: pip install 'borderwatch[ray]' (make setup installs it)"
        ) from None
    return ray


def is_address(value: str) -> bool:
    """Whether `value` names a Ray runtime (rather than, say, a path given after a bare `--ray`)."""
    if value in (LOCAL, "auto") or value.startswith("ray://"):
        return True
    host, _, port = value.rpartition(":")
    return bool(host) and port.isdigit() and "/" not in host


def _check_reachable(address: str, timeout: float = _CONNECT_SECONDS) -> None:
    """Fail in seconds, with one line, when a runtime's HOST:PORT does not answer: `ray.init` retries an
    unreachable address for minutes. "auto" names no address of its own (Ray finds it on this machine)."""
    if address == "auto":
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(f"could not reach Ray at {address}: {reason}") from None


class RayRuntime:
    """Ray, started or connected for the life of a `with` block, and left as it was found.

    `address` None or "local" starts a private runtime on this machine's cores, listening on the loopback
    interface only, with its session files in a temporary folder of its own and its own authentication
    token (Ray 2.60 turns token authentication on for new runtimes and would otherwise write a token into
    ~/.ray); the folder is removed at the end. "auto" joins the cluster this machine belongs to,
    "ray://HOST:PORT" one through Ray Client, "HOST:PORT" one by its GCS address: those keep running at the
    end, and their token (if they ask for one) is the caller's (`RAY_AUTH_TOKEN` or `RAY_AUTH_TOKEN_PATH`).
    """

    def __init__(self, address: str | None = None, *, num_cpus: int | None = None) -> None:
        self.address = address or LOCAL
        if not is_address(self.address):
            raise ConfigError(f"Ray address {self.address!r}: expected local, auto, ray://HOST:PORT or HOST:PORT")
        self.num_cpus = num_cpus
        self.temp_dir: Path | None = None
        self.started_seconds = 0.0
        self._ray: ModuleType | None = None
        self._saved_env: dict[str, str | None] = {}

    @property
    def is_local(self) -> bool:
        return self.address == LOCAL

    @property
    def ray(self) -> ModuleType:
        if self._ray is None:
            raise RuntimeError("the Ray runtime is not started")
        return self._ray

    def __enter__(self) -> RayRuntime:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def start(self) -> None:
        started = time.perf_counter()
        try:
            self._ray = self._init()
        except BaseException:
            self.close()  # the folder and the environment as they were
            raise
        self.started_seconds = time.perf_counter() - started

    def _init(self) -> ModuleType:
        if self.is_local:
            self._prepare_local()  # before Ray is imported: it reads some of its settings once, at import
        else:
            _check_reachable(self.address)
        ray = import_ray()
        if ray.is_initialized():
            raise ConfigError("Ray is already initialised in this process")
        options: dict[str, Any] = {
            "logging_level": logging.WARNING,
            "log_to_driver": False,  # workers report failures through their results, not their stderr
            "include_dashboard": False,
        }
        if self.is_local:
            assert self.temp_dir is not None
            options |= {
                "address": "local",  # never a cluster named by RAY_ADDRESS: a local run stays local
                "num_cpus": self.num_cpus or _machine_cores(),
                "object_store_memory": _LOCAL_OBJECT_STORE_BYTES,
                "_temp_dir": str(self.temp_dir),
                "_node_ip_address": "127.0.0.1",
            }
        else:
            options["address"] = self.address
        for attempt in range(_LOCAL_START_ATTEMPTS if self.is_local else 1, 0, -1):
            try:
                ray.init(**options)
                return ray
            except Exception as exc:  # ConnectionError, AuthenticationError, RuntimeError: one line, no traceback
                if ray.is_initialized():
                    ray.shutdown()
                if self.temp_dir is not None:  # a node that failed to start is not shut down by Ray
                    _stop_started_processes(self.temp_dir)
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                if attempt == 1 or "timed out during startup" not in message:
                    raise ConfigError(f"could not start Ray ({self.address}): {message}") from None
        raise AssertionError("unreachable")

    def cpus(self) -> int:
        """The CPUs the runtime offers (a cluster's: every node's)."""
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def close(self) -> None:
        """Disconnect; a local runtime's processes stop and its folder is removed. Safe to call twice."""
        if self._ray is not None:
            self._ray.shutdown()
            self._ray = None
        self._restore()
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None

    # --- a private local runtime ----------------------------------------------------------------------------
    def _prepare_local(self) -> None:
        # Ray's socket paths must stay under about 100 bytes: a short folder in the system's temporary folder.
        base = os.environ.get("RAY_TMPDIR") or tempfile.gettempdir()
        self.temp_dir = Path(tempfile.mkdtemp(prefix="bw-ray-", dir=base))
        # Ray turns token authentication on for a new runtime (setting RAY_AUTH_MODE itself) and would write the
        # token to ~/.ray/auth_token: it finds ours instead. A caller's own choice (mode or token) is kept.
        env = {"RAY_TMPDIR": str(self.temp_dir)}
        if not any(os.environ.get(name) for name in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH")):
            token = self.temp_dir / "auth_token"
            token.touch(mode=0o600)
            token.write_text(secrets.token_hex(32), encoding="ascii")
            env["RAY_AUTH_TOKEN_PATH"] = str(token)
        self._set_env(env)
        self._saved_env.setdefault("RAY_AUTH_MODE", os.environ.get("RAY_AUTH_MODE"))  # Ray sets it: unset at the end
        # Ray warns, each time, that it turned authentication on: that is what we want, so say nothing.
        logging.getLogger("ray._private.authentication.authentication_token_setup").setLevel(logging.ERROR)

    def token_env(self) -> dict[str, str]:
        """The environment another process needs to join this runtime by its `gcs_address()`: the token's mode and
        file (e.g. for a test's subprocess)."""
        return {name: os.environ[name] for name in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN_PATH") if name in os.environ}

    def gcs_address(self) -> str:
        return str(self.ray.get_runtime_context().gcs_address)

    def _set_env(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            self._saved_env.setdefault(name, os.environ.get(name))
            os.environ[name] = value

    def _restore(self) -> None:
        for name, value in self._saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved_env.clear()


def _machine_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _stop_started_processes(folder: Path) -> None:
    """Stop the processes that run in the runtime's folder: the GCS, raylet and agents of a node whose start
    timed out, which Ray leaves running. The folder is this runtime's own (a fresh temporary name), so a
    process that names it is one of ours."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if str(folder) in command:
            with contextlib.suppress(OSError):
                os.kill(int(entry.name), signal.SIGKILL)
