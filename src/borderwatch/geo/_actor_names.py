"""The names and acronyms of armed groups and state forces that extraction's actor registry knows: some are also
the names of small towns far away ('FAMa' and Fama, Brazil), which `_abroad` and `_accept` keep from being read as
places."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from ._normalise import name_key

__all__ = ["actor_acronyms", "actor_names"]


@lru_cache(maxsize=1)
def _actor_aliases() -> tuple[str, ...]:
    """The names and acronyms that extraction's actor registry (extract/data/actors.json) knows as armed groups' or
    state forces' ('FAMa', 'Wagner', 'JNIM'), as the registry writes them: read from the registry itself, so that a
    group it learns is known here too. Some are also the names of small towns far away (Fama, Brazil)."""
    registry = json.loads(_registry_file().read_text("utf-8"))
    names = [alias for group in registry["groups"] for alias in group["aliases"]]
    names += [alias for country in registry["countries"].values() for kind in country.get("extra", {}).values()
              for alias in kind]  # fmt: skip
    return tuple(names)


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """Keys of the actor registry's names and acronyms (see `_actor_aliases`)."""
    return frozenset(name_key(name) for name in _actor_aliases())


@lru_cache(maxsize=1)
def actor_acronyms() -> frozenset[str]:
    """The registry's one-word names with more than one capital ('FAMa', 'JNIM', 'EIGS'), as written: written so
    in a report they are the acronym, whatever town bears the name written as a name ('Fama')."""
    return frozenset(name for name in _actor_aliases() if " " not in name and sum(c.isupper() for c in name) > 1)


def _registry_file() -> Path:
    """extract/data/actors.json, found without importing the extraction package: its import costs seconds (its
    modules and vocabularies), paid by a process that only resolves places at its first report."""
    spec = importlib.util.find_spec("borderwatch.extract")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("borderwatch.extract is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "actors.json"
