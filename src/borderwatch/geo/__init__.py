"""Places stage: place names -> GeoNames records, event locations (ACLED geo_precision), international borders.

Public entry point: `Geoparser` (fits extraction's `PlaceLocator`), with `find_places`, `locate_event`,
`resolve`, `nearest_border` and `border_strip`. The module-level functions use one shared default
`Geoparser` on the default index. The gazetteer index is built by `build_index` (run by `make setup` as
`borderwatch gazetteer build`); GeoNames dump files and users' own places are loaded by `load_geonames`
and `add_user_places`.

A place's `geonameid` is the GeoNames id (an int) or, for a place GeoNames does not give us, a string naming
its source: 'csc:<id>' (a countrystatecity division whose GeoNames id is not known), 'fips:<code>' (a US county
likewise), 'bw:<id>' (our curated supplement in data/), 'icao:<code>' (an airport of airportsdata), 'user:<id>'
(a user's own place).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Place
from ._borders import BorderIndex, border_pair, haversine_km
from ._build import build_index, default_index_path, ensure_index, find_world_atlas, user_index_path
from ._geonames import add_user_places, load_geonames
from ._geoparser import Geoparser
from ._normalise import name_key, skeleton

__all__ = [
    "BorderIndex",
    "Geoparser",
    "add_user_places",
    "border_pair",
    "border_strip",
    "build_index",
    "default_geoparser",
    "default_index_path",
    "ensure_index",
    "find_world_atlas",
    "haversine_km",
    "load_geonames",
    "name_key",
    "nearest_border",
    "resolve",
    "skeleton",
    "user_index_path",
]

_default: Geoparser | None = None
_default_lock = threading.Lock()


def default_geoparser() -> Geoparser:
    """One shared Geoparser on the configured index (`BORDERWATCH_GAZETTEER`, else the one `make setup`
    built), built on first use if needed: zones and border strips must read the index extraction reads."""
    global _default
    with _default_lock:
        if _default is None:
            from ..settings import Settings

            configured = Settings.load().gazetteer
            _default = Geoparser(Path(configured).expanduser() if configured else None)
        return _default


def resolve(text: str, mentions: Sequence[tuple[int, int]], country_hint: str | None = None) -> list[Place | None]:
    """Resolve the given (start, end) spans of one text: a Place or None for each, in order."""
    return default_geoparser().resolve(text, mentions, country_hint)


def nearest_border(lat: float, lon: float) -> tuple[str, float]:
    """The nearest international border to a point: ('DZA-LBY', km)."""
    return default_geoparser().nearest_border(lat, lon)


def border_strip(pair: str, km: float, clip: bool = True) -> Any:
    """The zone within `km` of a country pair's border, as a shapely geometry in lon/lat."""
    return default_geoparser().border_strip(pair, km, clip)
