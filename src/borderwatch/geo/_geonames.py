"""Loading places into the users' index file: official GeoNames dumps, and a team's own places (GeoJSON, CSV).

GeoNames files are streamed line by line (allCountries.txt is 12 million lines), plain or zipped:
- `admin1CodesASCII.txt`: `CC.code <tab> name <tab> ascii name <tab> geonameid`, read first for admin1 names;
- gazetteer files (`allCountries.txt`, `DZ.txt`, `cities500.txt`, ...): the 19 columns of the dump;
- `alternateNamesV2.txt` (or `alternateNames.txt`): names added to places already loaded.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._store import IndexWriter

__all__ = ["add_user_places", "load_geonames"]

_PLACE_COLUMNS = 19
_SKIPPED_NAME_KINDS = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793"}
_USER_CODE = "USER"


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with archive.open(member) as raw:
                        yield from enumerate(io.TextIOWrapper(raw, encoding="utf-8"), 1)
        return
    with path.open(encoding="utf-8") as stream:
        try:
            yield from enumerate(stream, 1)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("alternatenames"):
        return "alternates"
    return "places"


def load_geonames(files: list[Path], index: Path) -> dict[str, int]:
    """Stream GeoNames dump files into the users' index `index`. Returns counts per kind of file."""
    ordered = sorted(files, key=lambda p: ("admin1", "places", "alternates").index(_kind(p)))
    admin1: dict[str, str] = {}
    counts = {"places": 0, "names": 0, "admin1": 0}
    writer = IndexWriter(index)
    try:
        for path in ordered:
            kind = _kind(path)
            if kind == "admin1":
                counts["admin1"] += _read_admin1(path, admin1)
            elif kind == "places":
                counts["places"] += _read_places(path, admin1, writer)
            else:
                counts["names"] += _read_alternates(path, writer)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return counts


def _read_admin1(path: Path, admin1: dict[str, str]) -> int:
    count = 0
    for number, line in _lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3 or "." not in fields[0]:
            raise InputError(f"{path} line {number}: expected 'CC.code<TAB>name<TAB>ascii name<TAB>geonameid'")
        admin1[fields[0]] = fields[1]
        count += 1
    return count


def _read_places(path: Path, admin1: dict[str, str], writer: IndexWriter) -> int:
    count = 0
    for number, line in _lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != _PLACE_COLUMNS or not fields[0].isdigit():
            raise InputError(f"{path} line {number}: expected {_PLACE_COLUMNS} tab-separated GeoNames columns")
        try:
            lat, lon = float(fields[4]), float(fields[5])
            population = int(fields[14] or 0)
        except ValueError:
            raise InputError(f"{path} line {number}: latitude, longitude or population is not a number") from None
        country = fields[8] or None
        writer.add(
            name=fields[1],
            names=[fields[2], *[n for n in fields[3].split(",") if n]],
            lat=lat,
            lon=lon,
            geonameid=int(fields[0]),
            country=country,
            admin1=admin1.get(f"{country}.{fields[10]}") if fields[10] else None,
            admin1_code=fields[10] or None,
            feature_class=fields[6] or None,
            feature_code=fields[7] or None,
            population=population,
            source="geonames",
            replace=True,
        )
        count += 1
    return count


def _read_alternates(path: Path, writer: IndexWriter) -> int:
    count = 0
    for number, line in _lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4 or not fields[1].isdigit():
            raise InputError(f"{path} line {number}: expected GeoNames alternate-name columns")
        if fields[2] in _SKIPPED_NAME_KINDS or (len(fields) > 7 and fields[7] == "1"):
            continue  # links, codes and historic names are not names a report uses for the place today
        count += writer.add_names_to(fields[1], [fields[3]])
    return count


def add_user_places(path: Path, index: Path) -> int:
    """Add a team's own places (monitoring posts, checkpoints, sectors) from GeoJSON or CSV to the users' index."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    entries = list(_geojson_places(path) if suffix in (".geojson", ".json") else _csv_places(path))
    if not entries:
        raise InputError(f"{path}: no places in it")
    writer = IndexWriter(index)
    try:
        for entry in entries:
            writer.add(**entry, replace=True)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return len(entries)


def _user_entry(where: str, item: dict[str, Any], lat: Any, lon: Any) -> dict[str, Any]:
    name = str(item.get("name") or "").strip()
    if not name:
        raise InputError(f"{where}: a place needs a name")
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InputError(f"{where}: latitude and longitude must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{where}: ({lat}, {lon}) is not a latitude and longitude")
    names = item.get("names") or item.get("alternate_names") or []
    if isinstance(names, str):
        names = [n.strip() for n in names.split(";") if n.strip()]
    country = str(item.get("country") or "").upper() or None
    if country is not None and len(country) != 2:
        raise InputError(f"{where}: country {country!r} must be an ISO 3166 alpha-2 code")
    return {
        "name": name,
        "names": [str(n) for n in names],
        "lat": lat,
        "lon": lon,
        "geonameid": f"user:{item.get('id') or name}",
        "country": country,
        "admin1": item.get("admin1") or None,
        "feature_class": str(item.get("feature_class") or "S"),
        "feature_code": str(item.get("feature_code") or _USER_CODE),
        "population": 0,
        "source": "user",
    }


def _geojson_places(path: Path) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not JSON ({exc})") from None
    features = data.get("features") if isinstance(data, dict) and data.get("type") == "FeatureCollection" else None
    if not isinstance(features, list):
        raise InputError(f"{path}: expected a GeoJSON FeatureCollection")
    from shapely.geometry import shape

    for number, feature in enumerate(features, 1):
        where = f"{path} feature {number}"
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputError(f"{where}: missing or invalid geometry") from None
        point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
        properties = dict(feature.get("properties") or {})
        properties.setdefault("id", feature.get("id"))
        yield _user_entry(where, properties, point.y, point.x)


def _csv_places(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        fields = {f.lower().strip() for f in reader.fieldnames or []}
        lat_field = next((f for f in ("lat", "latitude") if f in fields), None)
        lon_field = next((f for f in ("lon", "lng", "long", "longitude") if f in fields), None)
        if "name" not in fields or lat_field is None or lon_field is None:
            raise InputError(f"{path}: a CSV of places needs the columns name, lat and lon")
        for number, row in enumerate(reader, 2):
            item = {(k or "").lower().strip(): v for k, v in row.items()}
            yield _user_entry(f"{path} line {number}", item, item.get(lat_field), item.get(lon_field))
