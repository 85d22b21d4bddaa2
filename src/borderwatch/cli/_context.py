"""State shared by the commands of one invocation: the global options, turned into Settings on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..settings import Settings

__all__ = ["app_state"]


@dataclass
class _AppState:
    overrides: dict[str, Any] = field(default_factory=dict)

    def settings(self, **more: Any) -> Settings:
        return Settings.load(**{**self.overrides, **more})


app_state = _AppState()
