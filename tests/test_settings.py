import re
from pathlib import Path

import pytest

from borderwatch.errors import ConfigError
from borderwatch.model import Marking
from borderwatch.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", README.read_text(), flags=re.MULTILINE))
    assert set(Settings.model_fields) <= documented


def test_environment_then_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERWATCH_DB", "from-env.db")
    monkeypatch.setenv("BORDERWATCH_MARKING", "tlp:green")
    settings = Settings.load(marking="red")
    assert settings.db == "from-env.db"
    assert settings.marking is Marking.RED
    assert settings.db_url.endswith("from-env.db")


def test_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CENTRE_DB_URL", "postgresql+psycopg://centre/db")
    assert Settings.load(db="$env:CENTRE_DB_URL").db_url == "postgresql+psycopg://centre/db"
    assert Settings.load(db={"$env": "CENTRE_DB_URL"}).db == "postgresql+psycopg://centre/db"
    with pytest.raises(ConfigError, match="NOPE is not set"):
        Settings.load(db="$env:NOPE")


def test_bad_value_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERWATCH_BATCH_SIZE", "lots")
    with pytest.raises(ConfigError, match="setting batch_size"):
        Settings.load()
