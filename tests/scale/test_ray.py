"""Extraction on Ray equals extraction without it; failures are named; the local runtime leaves nothing behind.

One private Ray runtime serves the whole module (starting one costs seconds); the last test shuts it down.
The corpus is SYNTHETIC (tests/scale/_corpus.py).
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from borderwatch.errors import ConfigError
from borderwatch.ingest import Failure, ReadOptions, read_paths
from borderwatch.model import Report
from borderwatch.pipeline import gazetteer_index, ingest, make_extractor
from borderwatch.scale import RayExtraction, RayRuntime
from borderwatch.settings import Settings
from borderwatch.store import EventQuery, Reader, ReportQuery, Store
from tests.conftest import run_cli
from tests.scale import _flaky
from tests.scale._corpus import write_corpus

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("ray") is None,
        reason="ray is not installed (optional extra: pip install 'borderwatch[ray]'; make setup installs it)",
    ),
]

_HOME_TOKEN = Path.home() / ".ray" / "auth_token"


@pytest.fixture(scope="module")
def runtime() -> Iterator[RayRuntime]:
    had_home_token = _HOME_TOKEN.exists()
    started = RayRuntime(num_cpus=2)
    try:
        started.start()
    except ConfigError as exc:
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
        if "timed out during startup" in str(exc) and load > 2:  # the machine, not the code: say so
            pytest.skip(f"Ray could not start a node within its fixed 30 s: {load:.1f} runnable jobs per core")
        raise
    try:
        # The test extractors travel by value: the workers do not have the tests folder on their path.
        started.ray.cloudpickle.register_pickle_by_value(_flaky)
        yield started
    finally:
        started.close()
    assert _HOME_TOKEN.exists() == had_home_token, "the local runtime wrote a token into ~/.ray"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    index = gazetteer_index(Settings.load()).resolve()
    return Settings.load(gazetteer=str(index), extract_processes=1, batch_size=5)


def _ingest_folder(folder: Path, db: Path, settings: Settings, extractor: Any) -> Any:
    run = settings.model_copy(update={"db": str(db)})
    with Store.open(run) as store:
        return ingest(read_paths([str(folder)], ReadOptions()), store, run, extractor=extractor)


def _stored(db: Path, settings: Settings) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Each report's extraction by id, and the events without their ids and times."""
    reader = Reader.local_admin()
    with Store.open(settings.model_copy(update={"db": str(db)})) as store:
        ids = [r["id"] for r in store.list_reports(ReportQuery(limit=500), reader)]
        extractions = {i: store.get_report(i, reader)["extraction"] for i in ids}
        events = sorted(
            (e["event_type"], e["sub_event_type"], e["date"], e["fatalities"], e["lat"], e["lon"])
            for e in store.list_events(EventQuery(limit=500), reader)
        )
    return extractions, events


def test_ingest_on_ray_stores_what_local_ingest_stores(runtime: RayRuntime, settings: Settings, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in")
    local = _ingest_folder(folder, tmp_path / "local.db", settings, make_extractor(settings))
    # The command as a user runs it, joining this module's runtime by its address (and token).
    env = {**runtime.token_env(), "BORDERWATCH_GAZETTEER": settings.gazetteer or "", "BORDERWATCH_RAY_BATCH_SIZE": "2"}
    done = run_cli(
        "ingest", str(folder), "--ray-address", runtime.gcs_address(), db=str(tmp_path / "ray.db"), env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert f"stored {local.stored} new report(s), {local.events} event(s)" in done.stderr
    local_extractions, local_events = _stored(tmp_path / "local.db", settings)
    ray_extractions, ray_events = _stored(tmp_path / "ray.db", settings)
    assert local.events > 3 and len(local_extractions) == 8
    assert ray_extractions == local_extractions
    assert ray_events == local_events


def test_a_failing_report_is_named_and_the_rest_kept(runtime: RayRuntime, settings: Settings, tmp_path: Path) -> None:
    folder = write_corpus(
        tmp_path / "in",
        {
            "fails.txt": f"SYNTHETIC. Gunmen attacked a post near Ghat on Monday. {_flaky.FAIL_MARK}",
            "crashes.txt": f"SYNTHETIC. Gunmen attacked a post near Djanet on Monday. {_flaky.CRASH_MARK}",
        },
    )
    flaky = RayExtraction(runtime, settings, actors=2, batch_size=3, factory=_flaky.flaky_extractor)
    try:
        summary = _ingest_folder(folder, tmp_path / "bw.db", settings, flaky)
    finally:
        flaky.close()
    failed = {Path(f.origin).name: f.reason for f in summary.failures}
    assert set(failed) == {"fails.txt", "crashes.txt"}
    assert "synthetic failure" in failed["fails.txt"]
    assert "worker" in failed["crashes.txt"]
    assert summary.stored == 8
    # Resumable: the next run stores the two that failed, and nothing twice.
    steady = RayExtraction(runtime, settings, actors=1, factory=_flaky.echo_extractor)
    try:
        again = _ingest_folder(folder, tmp_path / "bw.db", settings, steady)
    finally:
        steady.close()
    assert (again.stored, again.duplicates, again.failures) == (2, 8, [])


def test_results_come_in_input_order_with_bounded_batches_in_flight(runtime: RayRuntime, settings: Settings) -> None:
    pulled = 0

    def reports() -> Iterator[Report]:
        nonlocal pulled
        for i in range(40):
            pulled += 1
            yield Report(id=f"r{i:02d}", text=f"SYNTHETIC. Report {i}.")

    backend = RayExtraction(runtime, settings, actors=2, batch_size=2, in_flight=1, factory=_flaky.echo_extractor)
    try:
        results = backend.extract(reports())
        first = next(results)
        pulled_at_first = pulled
        rest = list(results)
    finally:
        backend.close()
    assert not isinstance(first, Failure)
    assert [r.report.id for r in [first, *rest]] == [f"r{i:02d}" for i in range(40)]  # type: ignore[union-attr]
    # Two actors, one batch each in flight, and the batch that waits for room: never the whole stream.
    assert pulled_at_first <= 3 * 2


def test_a_worker_that_cannot_start_stops_the_run_with_its_reason(
    runtime: RayRuntime, settings: Settings, tmp_path: Path
) -> None:
    missing = settings.model_copy(update={"gazetteer": str(tmp_path / "missing.sqlite")})
    with pytest.raises(ConfigError, match=r"missing\.sqlite is not readable on Ray node"):
        RayExtraction(runtime, missing, actors=1)


def test_the_local_runtime_shuts_down_cleanly(runtime: RayRuntime) -> None:
    """Runs last: stopping the module's runtime leaves no process, no folder and the environment as it was."""
    folder = runtime.temp_dir
    assert folder is not None and folder.is_dir()
    assert os.environ.get("RAY_TMPDIR") == str(folder)
    assert _processes_using(folder), "the check below would see Ray's processes"
    runtime.close()
    assert not folder.exists()
    assert os.environ.get("RAY_TMPDIR") != str(folder)
    deadline = time.monotonic() + 30
    while (left := _processes_using(folder)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert left == []


def _processes_using(folder: Path) -> list[str]:
    """Command lines of the processes that name the runtime's folder (Ray's raylet, GCS and workers do)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(folder) in command:
            found.append(command[:200])
    return found
