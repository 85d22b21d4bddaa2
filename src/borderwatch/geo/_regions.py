"""World regions with no country of their own that cover several of the centre's area ('the Sahel', 'the Maghreb',
'Lake Chad'): a report that names one is about the countries it covers (data/region_countries.json), and they vote
for their namesakes as a town of each would ('Solhan' in a report about the Sahel is Solhan, Burkina Faso, not
Solhan, Turkey, the likelier by population)."""

from __future__ import annotations

from functools import lru_cache

from ._sources import data_file
from ._store import PlaceRecord

__all__ = ["countries_voted_for", "region_extent"]


@lru_cache(maxsize=1)
def _region_countries() -> dict[str, tuple[str, ...]]:
    return {region: tuple(countries) for region, countries in data_file("region_countries.json")["regions"].items()}


@lru_cache(maxsize=1)
def _region_extents() -> dict[str, tuple[float, float, float, float]]:
    extents = data_file("region_countries.json").get("extents", {})
    return {region: (float(s), float(n), float(w), float(e)) for region, (s, n, w, e) in extents.items()}


def region_extent(record: PlaceRecord) -> tuple[float, float, float, float] | None:
    """Where a region without a country lies, when it covers only part of a country it votes for: (south, north,
    west, east) in degrees; None for the others (the Maghreb covers its countries whole)."""
    if record.country:
        return None
    return _region_extents().get(str(record.geonameid))


def countries_voted_for(record: PlaceRecord) -> tuple[str, ...]:
    """The countries a place says a report is about: its own, or those a region without one covers (none for a
    sea, a continent or a region outside the table)."""
    if record.country:
        return (record.country,)
    return _region_countries().get(str(record.geonameid), ())
