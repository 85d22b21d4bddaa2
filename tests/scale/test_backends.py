"""Extraction backends without Ray: the local backend's failure isolation, and Ray never imported unasked."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from borderwatch.ingest import Failure
from borderwatch.model import Report
from borderwatch.pipeline import LocalExtraction, ingest
from borderwatch.scale import is_address
from borderwatch.settings import Settings
from borderwatch.store import Reader, Store
from tests.conftest import REPO, run_cli
from tests.scale._flaky import FAIL_MARK, Echo

STORY = (
    "SYNTHETIC. Gunmen on motorbikes attacked a gendarmerie post near Tin Zaouatine early on Sunday, killing "
    "three gendarmes and wounding two others, a security source said. The attackers fled toward the border "
    "with Mali after a two-hour exchange of fire, the source added."
)


class _FailsOnMark(Echo):
    def pipe(self, reports: list[Report]) -> list:  # type: ignore[override]
        return [self(r) for r in reports]

    def __call__(self, report: Report):  # type: ignore[no-untyped-def]
        if FAIL_MARK in report.text:
            raise ValueError("synthetic failure")
        return super().__call__(report)


def test_local_backend_loses_only_the_failing_report() -> None:
    reports = [Report(id=f"r{i}", text=f"SYNTHETIC. Report {i}.", origin=f"in/r{i}.txt") for i in range(5)]
    reports[2] = Report(id="r2", text=f"SYNTHETIC. {FAIL_MARK}.", origin="in/r2.txt")
    results = list(LocalExtraction(_FailsOnMark(0)).extract(reports))  # type: ignore[arg-type]
    assert [getattr(r, "origin", None) for r in results] == [None, None, "in/r2.txt", None, None]
    failure = results[2]
    assert isinstance(failure, Failure) and "synthetic failure" in failure.reason
    assert [r.report.id for r in results if not isinstance(r, Failure)] == ["r0", "r1", "r3", "r4"]


def test_ingest_keeps_the_rest_and_a_rerun_stores_the_failed_report(tmp_path: Path) -> None:
    settings = Settings.load(db=f"sqlite:///{tmp_path / 'bw.db'}", batch_size=10)
    original = Report(text=f"{STORY} {FAIL_MARK}", origin="in/original.txt")
    edited = Report(text=STORY.replace("a security source said", "according to a security source"), origin="in/b")
    other = Report(text="SYNTHETIC. The committee met about the water budget.", origin="in/c")
    with Store.open(settings) as store:
        first = ingest([original, edited, other], store, settings, extractor=LocalExtraction(_FailsOnMark(0)))  # type: ignore[arg-type]
        assert (first.stored, [f.origin for f in first.failures]) == (2, ["in/original.txt"])
        # The edit's near-duplicate is not stored: no link may point to it.
        assert store.get_report(edited.id, Reader.local_admin())["near_duplicates"] == []
        second = ingest([original, edited, other], store, settings, extractor=LocalExtraction(Echo(0)))  # type: ignore[arg-type]
        assert (second.stored, second.duplicates, second.failures) == (1, 2, [])
        assert store.count("reports", Reader.local_admin()) == 3


def test_ray_is_not_imported_unless_asked_for() -> None:
    code = "import sys, borderwatch.cli, borderwatch.pipeline, borderwatch.scale; print('ray' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src")}
    )
    assert done.stdout.strip() == "False", done.stderr


def test_ray_addresses_are_told_from_paths() -> None:
    for address in ("local", "auto", "ray://head:10001", "10.0.0.5:6379", "head.example:6379"):
        assert is_address(address), address
    for other in ("samples/news", "archive.zip", "./a:1", "", "head:port"):
        assert not is_address(other), other


def test_a_bad_ray_address_is_one_line_and_nothing_is_opened(tmp_path: Path) -> None:
    db = tmp_path / "bw.db"
    done = run_cli("ingest", str(tmp_path), "--ray-address", "not-an-address", db=str(db))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "borderwatch: error E500: Ray address 'not-an-address': expected local, auto, ray://HOST:PORT or HOST:PORT"
    )
    assert "Traceback" not in done.stderr and not db.exists()


def test_an_unreachable_cluster_is_one_line_in_seconds_not_a_hang(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # ray.init alone retries an unreachable address for minutes: a hang fails the test by its timeout.
    done = run_cli("reports", "extract", "--ray-address", f"127.0.0.1:{port}", db=str(tmp_path / "bw.db"), timeout=90)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"borderwatch: error E500: could not reach Ray at 127.0.0.1:{port}: Connection refused"
    )
    assert "Traceback" not in done.stderr


class _FakeRayError(Exception):
    pass


class _FakeRay:
    """Just enough of Ray's API for `RayExtraction`, run synchronously: an actor whose method raises a
    non-Python error (`SystemExit`, as `os._exit` would end the process) is a dead actor, restarted at once."""

    class exceptions:
        RayError = _FakeRayError

    def __init__(self) -> None:
        self.calls: list[int] = []  # batch sizes, in submission order

    def remote(self, **_options: object):  # type: ignore[no-untyped-def]
        fake = self

        def wrap(cls):  # type: ignore[no-untyped-def]
            class Handle:
                def __init__(self, *args: object) -> None:
                    self._instance = cls(*args)

                def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
                    method = getattr(self._instance, name)

                    class Method:
                        @staticmethod
                        def remote(*args: object):  # type: ignore[no-untyped-def]
                            if name == "extract":
                                fake.calls.append(len(args[0]))  # type: ignore[arg-type]
                            try:
                                return ("ok", method(*args))
                            except SystemExit:
                                return ("died", None)

                    return Method

            class Remote:
                @staticmethod
                def remote(*args: object) -> Handle:
                    return Handle(*args)

            return Remote

        return wrap

    def get(self, ref):  # type: ignore[no-untyped-def]
        if isinstance(ref, list):
            return [self.get(r) for r in ref]
        status, value = ref
        if status == "died":
            raise _FakeRayError("The actor died unexpectedly before finishing this task.")
        return value

    def kill(self, _actor: object) -> None:
        pass


class _FakeRuntime:
    def __init__(self) -> None:
        self.ray = _FakeRay()

    def cpus(self) -> int:
        return 2


def _dies_on_crash_mark(_settings: object) -> object:
    from tests.scale._flaky import CRASH_MARK, Flaky

    class Dies(Flaky):
        def _check(self, report: Report) -> None:
            if CRASH_MARK in report.text:
                raise SystemExit(3)
            super()._check(report)

    return Dies(Echo(0))


def test_ray_backend_retries_a_dead_workers_batch_one_report_at_a_time() -> None:
    """The driver's side of failures, on a synchronous stand-in for Ray (the real one: tests/scale/test_ray.py)."""
    from borderwatch.scale import RayExtraction
    from tests.scale._flaky import CRASH_MARK

    runtime = _FakeRuntime()
    backend = RayExtraction(runtime, Settings(), batch_size=3, factory=_dies_on_crash_mark)  # type: ignore[arg-type]
    reports = [Report(id=f"r{i}", text=f"SYNTHETIC. Report {i}.", origin=f"in/r{i}.txt") for i in range(7)]
    reports[1] = Report(id="r1", text=f"SYNTHETIC. {FAIL_MARK}.", origin="in/r1.txt")
    reports[4] = Report(id="r4", text=f"SYNTHETIC. {CRASH_MARK}.", origin="in/r4.txt")
    results = list(backend.extract(iter(reports)))
    assert [r.origin if isinstance(r, Failure) else r.report.id for r in results] == [
        "r0",
        "in/r1.txt",
        "r2",
        "r3",
        "in/r4.txt",
        "r5",
        "r6",
    ]
    assert "synthetic failure" in results[1].reason  # type: ignore[union-attr]
    assert results[4].reason.startswith("extraction worker failed: The actor died")  # type: ignore[union-attr]
    # Batches of 3; the one with the crash again report by report, and the crashing report once more alone.
    assert runtime.ray.calls == [3, 3, 1, 1, 1, 1, 1]
