"""`borderwatch zones ...`, `borderwatch alerts ...` and `borderwatch serve`, run as a user would."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from borderwatch.store import Store
from tests.api.fixtures import KASSERINE, SAMPLE_REPORTS, fill_store, make_report, square
from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.slow


def test_zones_and_alerts_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    zone_file = tmp_path / "box.geojson"
    zone_file.write_text(json.dumps({"type": "Feature", "geometry": square(KASSERINE[2], KASSERINE[1])}))
    added = run_cli("zones", "add", "Kasserine box", "--geojson", str(zone_file), "--type", "Battles", db=db)
    assert added.returncode == 0, added.stderr
    assert "zone 1 'Kasserine box': 0 stored events inside; type Battles" in added.stdout
    with Store(f"sqlite:///{db}") as store:
        fill_store(store)
    listed = run_cli("zones", "list", db=db)
    assert "Kasserine box  [polygon]  1 events, 1 open alerts" in listed.stdout
    shown = json.loads(run_cli("zones", "show", "1", db=db).stdout)
    assert shown["geometry"]["type"] == "Polygon" and shown["properties"]["rules"]["event_types"] == ["Battles"]
    alerts = run_cli("alerts", "list", "--json", db=db)
    (alert,) = [json.loads(line) for line in alerts.stdout.splitlines()]
    assert alert["zone"]["name"] == "Kasserine box" and "Armed clash" in alert["reason"]
    acked = run_cli("alerts", "ack", str(alert["id"]), "--by", "duty officer", db=db)
    assert acked.returncode == 0 and "(ack " in acked.stdout
    assert run_cli("alerts", "list", "--open", db=db).stdout.strip() == "no alerts"
    hook = run_cli("alerts", "webhooks", "add", "http://127.0.0.1:9/hook", "--secret", "0123456789abcdef", db=db)
    assert hook.returncode == 0 and "webhook 1" in hook.stdout
    assert "127.0.0.1:9/hook" in run_cli("alerts", "webhooks", "list", db=db).stdout
    assert run_cli("zones", "delete", "1", db=db).returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("zones", "add", "x"), "give either --geojson FILE or --border PAIR --km N"),
        (("zones", "add", "x", "--geojson", "/no/such.geojson"), "no such file"),
        (("zones", "add", "x", "--border", "DZA-TUN"), "--border needs --km"),
        (("zones", "add", "x", "--border", "DZA-TUN", "--km", "-3"), "--km"),
        (("zones", "show", "42"), "error E404: no zone 42"),
        (("alerts", "ack", "42"), "error E404: no alert 42"),
        (("alerts", "webhooks", "add", "ftp://x", "--secret", "0123456789abcdef"), "http:// or https://"),
        (("alerts", "webhooks", "add", "http://127.0.0.1:9/", "--secret", "short"), "at least 16 characters"),
        (("serve", "--port", "70000"), "expected 1-65535"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args, db=str(tmp_path / "bad.db"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def _token(store: Store, agency: str) -> dict[str, str]:
    """Every request of the API is authenticated: an analyst of the agency that filed the report."""
    from borderwatch.model import Agency
    from borderwatch.store import Role

    store.accounts.add_agency(Agency(id=agency, name=agency))
    store.accounts.add_user("analyst", agency, Role.ANALYST)
    return {"Authorization": f"Bearer {store.accounts.create_token('analyst', 'test')[0]}"}


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    db = str(tmp_path / "serve.db")
    with Store(f"sqlite:///{db}") as store:
        report = make_report(SAMPLE_REPORTS[0])
        store.add_reports([report])
        token = _token(store, report.report.agency)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "borderwatch", "serve", "--db", db, "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                meta = httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=2, headers=token).json()
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert meta["counts"] == {"reports": 1, "events": 1}
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=15)
    assert f"dashboard at http://127.0.0.1:{port}/" in stderr


def test_a_zone_drawn_as_a_user_is_its_agencys(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    for agency in ("dz-cnc", "tn-gn"):
        assert run_cli("agencies", "add", agency, "--name", f"Synthetic {agency}", db=db).returncode == 0
    for user, agency in (("amine", "dz-cnc"), ("hela", "tn-gn")):
        made = run_cli("users", "add", user, "--agency", agency, "--password-stdin", db=db, stdin="a long passphrase\n")
        assert made.returncode == 0, made.stderr
    zone_file = tmp_path / "box.geojson"
    zone_file.write_text(json.dumps(square(KASSERINE[2], KASSERINE[1])))
    added = run_cli("--as", "amine", "zones", "add", "Ain Sefra watch", "--geojson", str(zone_file), db=db)
    assert added.returncode == 0, added.stderr
    assert "Ain Sefra watch" in run_cli("--as", "amine", "zones", "list", db=db).stdout
    assert run_cli("--as", "hela", "zones", "list", db=db).stdout.strip() == "no zones"
    hidden = run_cli("--as", "hela", "zones", "delete", "1", db=db)
    assert hidden.returncode == 2 and "no zone 1" in hidden.stderr and "Traceback" not in hidden.stderr
    shared = run_cli("--as", "amine", "zones", "add", "Open strip", "--geojson", str(zone_file), "--marking", "AMBER",
                     "--group", "dz-tn-cell", db=db)  # fmt: skip
    assert shared.returncode == 0, shared.stderr
    assert json.loads(run_cli("zones", "show", "2", db=db).stdout)["properties"]["sharing_groups"] == ["dz-tn-cell"]
