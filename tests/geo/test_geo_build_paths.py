"""Where the build finds the npm files it fingerprints: a checkout that shares the project's virtualenv (a git
worktree) finds the project's, so its fingerprint is the shared index's and the index is not rebuilt without them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from borderwatch.geo import find_world_atlas
from borderwatch.geo._build import find_us_atlas


@pytest.fixture
def project_beside_a_venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "project"
    for relative in ("world-atlas/countries-50m.json", "us-atlas/counties-10m.json"):
        file = project / "node_modules" / relative
        file.parent.mkdir(parents=True)
        file.write_text("{}")
    (project / ".venv").mkdir()
    elsewhere = tmp_path / "worktree"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(sys, "prefix", str(project / ".venv"))
    monkeypatch.delenv("BORDERWATCH_WORLD_ATLAS", raising=False)
    monkeypatch.delenv("BORDERWATCH_US_ATLAS", raising=False)
    return project


def test_a_worktree_sharing_the_virtualenv_finds_the_project_s_npm_files(project_beside_a_venv: Path) -> None:
    modules = project_beside_a_venv / "node_modules"
    assert find_world_atlas() == modules / "world-atlas" / "countries-50m.json"
    assert find_us_atlas() == modules / "us-atlas" / "counties-10m.json"


def test_the_variable_still_comes_first(project_beside_a_venv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERWATCH_WORLD_ATLAS", "/somewhere/countries.json")
    assert find_world_atlas() == Path("/somewhere/countries.json")
