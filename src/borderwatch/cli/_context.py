"""State shared by the commands of one invocation: the global options, turned into Settings on demand."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..settings import Settings

if TYPE_CHECKING:
    from ..store import Reader, Store

__all__ = ["app_state"]


@dataclass
class _AppState:
    overrides: dict[str, Any] = field(default_factory=dict)

    as_user: str | None = None

    def settings(self, **more: Any) -> Settings:
        return Settings.load(**{**self.overrides, **more})

    def reader(self, store: Store) -> Reader:
        """Who the command reads as: the local administrator, or the user named with `--as`."""
        from ..store import Reader

        if self.as_user:
            return store.accounts.reader_for(self.as_user, interface="cli")
        return Reader.local_admin(agency=self.settings().agency)

    @contextlib.contextmanager
    def acting(self, store: Store) -> Iterator[Reader]:
        """The command's writes run as its reader (the audit log names it; its rights are checked)."""
        from ..store import acting_as

        with acting_as(self.reader(store)) as reader:
            yield reader


app_state = _AppState()
