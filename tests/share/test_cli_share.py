"""The sharing commands as a user runs them, and two installations syncing over real loopback HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import stix2

from tests.conftest import REPO, field_report, run_cli, write_jsonl

pytestmark = pytest.mark.slow


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_accounts_marking_audit_and_import_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "centre.db")
    _ok(run_cli("agencies", "add", "tn-gn", "--name", "Synthetic TN guard", "--country", "tn", db=db))
    _ok(run_cli("users", "add", "hela", "--agency", "tn-gn", "--password-stdin", db=db, stdin="a long enough pass\n"))
    token = _ok(run_cli("tokens", "create", "hela", "--name", "laptop", "--days", "7", db=db)).strip()
    assert (
        token.startswith("bw_")
        and len(token.split()) == 1
        and token not in (tmp_path / "centre.db").read_bytes().decode("latin-1")
    )
    posts = write_jsonl(
        tmp_path / "posts.jsonl",
        [field_report(1, agency="dz-anp", marking="AMBER"), field_report(2, agency="tn-gn", marking="AMBER")],
    )
    _ok(run_cli("ingest", "--no-extract", str(posts), db=db))
    as_hela = json.loads(_ok(run_cli("--as", "hela", "reports", "--format", "json", db=db)).strip())
    assert as_hela["agency"] == "tn-gn"
    everything = [json.loads(line) for line in _ok(run_cli("reports", "--format", "json", db=db)).splitlines()]
    dz_report = next(r["id"] for r in everything if r["agency"] == "dz-anp")
    _ok(run_cli("mark", dz_report, "green", db=db))
    assert len(_ok(run_cli("--as", "hela", "reports", "--format", "json", db=db)).splitlines()) == 2
    _one_line_error(run_cli("mark", dz_report, "purple", db=db), "unknown marking")
    _one_line_error(run_cli("users", "add", "x", "--agency", "nope", db=db), "no agency 'nope'")
    _ok(run_cli("peers", "add", "ly-centre", "--agency", "ly-cnc", db=db))
    _one_line_error(run_cli("peers", "rule", "ly-centre", "--up-to", "RED", db=db), "never implied")
    _ok(run_cli("peers", "rule", "ly-centre", "--up-to", "amber", "--border", "DZA-LBY", "--km", "50", db=db))
    rules = json.loads(_ok(run_cli("peers", "rule", "ly-centre", "--show", db=db)))
    assert rules[0]["zone"] == {"border": "DZA-LBY", "km": 50.0, "polygon": None}
    author = stix2.Identity(name="Synthetic partner", identity_class="organization")
    note = stix2.Report(
        name="SYNTHETIC partner note",
        description="SYNTHETIC. Convoy seen near Nalut.",
        published="2025-04-01T00:00:00Z",
        object_refs=[author.id],
        object_marking_refs=[stix2.TLP_AMBER],
    )
    bundle = tmp_path / "bundle.json"
    bundle.write_text(stix2.Bundle(author, note).serialize())
    imported = run_cli("import", str(bundle), "--deliver-to", "agency:tn-gn", db=db)
    assert imported.returncode == 0 and "1 created" in imported.stderr, imported.stderr
    _one_line_error(run_cli("import", str(tmp_path / "missing.json"), db=db), "no such file")
    _ok(run_cli("withdraw", dz_report, db=db))
    audit = [
        json.loads(line) for line in _ok(run_cli("audit", "--format", "json", "--limit", "50", db=db)).splitlines()
    ]
    whats = [e["what"] for e in audit]
    assert f"withdraw report {dz_report}" in whats and f"mark report {dz_report} GREEN" in whats
    assert any(e["actor"] == "hela" and e["action"] == "read" for e in audit)
    assert "intact" in _ok(run_cli("audit", "--verify", db=db))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "borderwatch", "--db", db, "peers", "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            httpx.get(f"http://127.0.0.1:{port}/taxii2/", timeout=0.5)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the TAXII server did not start")


def test_two_installations_on_loopback(tmp_path: Path) -> None:
    db_a, db_b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    port_a, port_b = _free_port(), _free_port()
    for db, here, there, there_agency in ((db_a, "peer-b", port_b, "tn-cnc"), (db_b, "peer-a", port_a, "dz-cnc")):
        _ok(
            run_cli(
                "peers", "add", here, "--agency", there_agency, "--url", f"http://127.0.0.1:{there}/taxii2/api/", db=db
            )
        )
    token_for_a = _ok(run_cli("tokens", "create", "peer-a", "--name", "a", "--scope", "taxii", db=db_b)).strip()
    token_for_b = _ok(run_cli("tokens", "create", "peer-b", "--name", "b", "--scope", "taxii", db=db_a)).strip()
    write_jsonl(
        tmp_path / "a.jsonl",
        [field_report(i, agency="dz-cnc", marking=m) for i, m in enumerate(["GREEN", "GREEN", "AMBER", "RED"])],
    )
    write_jsonl(
        tmp_path / "b.jsonl",
        [field_report(10 + i, agency="tn-cnc", marking=m) for i, m in enumerate(["CLEAR", "AMBER+STRICT"])],
    )
    _ok(run_cli("ingest", "--no-extract", str(tmp_path / "a.jsonl"), db=db_a))
    _ok(run_cli("ingest", "--no-extract", str(tmp_path / "b.jsonl"), db=db_b))
    _ok(run_cli("peers", "rule", "peer-b", "--up-to", "GREEN", db=db_a))
    _ok(run_cli("peers", "rule", "peer-a", "--up-to", "AMBER", db=db_b))
    # Each side keeps the token the other gave it, read from the environment at sync time.
    _ok(run_cli("peers", "set", "peer-b", "--token", "$env:TOKEN_AT_B", db=db_a))
    _ok(run_cli("peers", "set", "peer-a", "--token", "$env:TOKEN_AT_A", db=db_b))
    env = {"TOKEN_AT_B": token_for_a, "TOKEN_AT_A": token_for_b}
    servers = [_serve(db_a, port_a), _serve(db_b, port_b)]
    try:
        first = run_cli("peers", "sync", db=db_a, env=env)
        assert first.returncode == 0 and "pulled 1 created" in first.stderr and "pushed 2" in first.stderr, first.stderr
        again = run_cli("peers", "sync", db=db_a, env=env)
        assert again.returncode == 0 and "pushed 0" in again.stderr, again.stderr
        from_b = [json.loads(line) for line in _ok(run_cli("reports", "--format", "json", db=db_b)).splitlines()]
        assert sorted(r["marking"] for r in from_b) == ["AMBER+STRICT", "CLEAR", "GREEN", "GREEN"]
        from_a = [json.loads(line) for line in _ok(run_cli("reports", "--format", "json", db=db_a)).splitlines()]
        assert sorted(r["marking"] for r in from_a) == ["AMBER", "CLEAR", "GREEN", "GREEN", "RED"]
        # B syncing on its side changes nothing more.
        assert "pulled 2 unchanged" in run_cli("peers", "sync", db=db_b, env=env).stderr
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
