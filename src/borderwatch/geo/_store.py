"""The gazetteer index: an SQLite file of places and their name keys, read with indexed look-ups only.

Nothing is loaded whole: a look-up is one indexed query, so opening takes milliseconds and a resolving
process holds only SQLite's page cache. Writers (`IndexWriter`) are used by the build and the loaders.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from ..errors import ConfigError, InputError
from ._normalise import is_indexable, is_vowel_shape, joined_form, name_key, spelling_key
from ._sources import thinly_held_countries

__all__ = ["SCHEMA_VERSION", "Gazetteer", "IndexWriter", "PlaceRecord"]

SCHEMA_VERSION = "3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place(
    id INTEGER PRIMARY KEY, geonameid TEXT, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT, admin1 TEXT, admin1_code TEXT, feature_class TEXT, feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS name(key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skel(skel TEXT NOT NULL, place INTEGER NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY(skel, place, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shape(kind TEXT NOT NULL, code TEXT NOT NULL, wkb BLOB NOT NULL,
    PRIMARY KEY(kind, code)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS place_geonameid ON place(geonameid);
"""


# A place this large is written in reports of anywhere under many spellings, its romanised names' among them.
_KNOWN_ABROAD_POPULATION = 100_000


def _spells_romanised(country: str | None, population: int | None) -> bool:
    """Whether a place's romanised names (GeoNames writes them in lower case) are spellings to read loosely: in the
    region (Arabic names' romanisations), and for a place known abroad; a small place elsewhere's are no spelling
    a report of ours writes."""
    return country in thinly_held_countries() or int(population or 0) >= _KNOWN_ABROAD_POPULATION


_PLACE_COLUMNS = (
    "id, geonameid, name, lat, lon, country, admin1, admin1_code, feature_class, feature_code, population, source"
)
_MAX_CANDIDATES = 60
T = TypeVar("T")


class PlaceRecord(NamedTuple):
    """One gazetteer entry. `geonameid` is an int for GeoNames records, a string for our own and users' places."""

    id: int
    geonameid: int | str | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_code: str | None
    feature_class: str | None
    feature_code: str | None
    population: int
    source: str


def _record(row: Sequence[object], db: int = 0) -> PlaceRecord:
    gid = row[1]
    geonameid: int | str | None = int(gid) if isinstance(gid, str) and gid.isdigit() else gid  # type: ignore[assignment]
    return PlaceRecord._make((int(row[0]) + db * _ID_STRIDE, geonameid, *row[2:]))  # _make: no argument parsing


class Gazetteer:
    """Read access to the index file and, when present, the users' file beside it (whose records win).

    Record ids are made unique across the two files; one instance per thread.
    """

    def __init__(self, path: Path, extra: Sequence[Path] = ()) -> None:
        self.path = path
        self._dbs = [_open_index(path)] + [_open_index(p) for p in extra if p.is_file()]

    def close(self) -> None:
        for db in self._dbs:
            db.close()

    def meta(self, key: str) -> str | None:
        row = self._dbs[0].execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _rows(self, sql: str, params: Sequence[object]) -> list[tuple[int, tuple[object, ...]]]:
        return [(n, row) for n, db in enumerate(self._dbs) for row in db.execute(sql, params)]

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` that name at least one place (an index-only look-up, no place read)."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(keys)), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._rows(f"SELECT DISTINCT key FROM name WHERE key IN ({marks})", chunk)
            found.update(str(r[0]) for _, r in rows)
        return found

    def by_keys(self, keys: Sequence[str], limit: int = _MAX_CANDIDATES) -> dict[str, list[tuple[PlaceRecord, bool]]]:
        """`by_key` for many keys in one query per file (each list most populous first, at most `limit`)."""
        found: dict[str, list[tuple[PlaceRecord, bool]]] = {}
        for chunk in _chunks(sorted(set(keys)), 500):
            marks = ",".join("?" * len(chunk))
            # Every place of each key, cut to the most populous here: a name has a few hundred places at most,
            # and ranking them in SQL (a window function) costs more than reading them all.
            rows = self._rows(
                f"SELECT {_prefixed('p')}, n.main, n.key FROM name n JOIN place p ON p.id = n.place "
                f"WHERE n.key IN ({marks})",
                chunk,
            )
            grouped: dict[str, list[tuple[PlaceRecord, bool]]] = {}
            for n, row in rows:
                grouped.setdefault(str(row[-1]), []).append((_record(row[:-2], n), bool(row[-2])))
            for key, items in grouped.items():
                items.sort(key=lambda item: -item[0].population)
                found[key] = _merged(items[:limit])
        return found

    def by_key(self, key: str) -> list[tuple[PlaceRecord, bool]]:
        """Places with exactly this name key, with whether it is their main name; most populous first."""
        rows = self._rows(
            f"SELECT {_prefixed('p')}, n.main FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC LIMIT ?",
            (key, _MAX_CANDIDATES),
        )
        return _merged([(_record(r[:-1], n), bool(r[-1])) for n, r in rows])

    def by_geonameid(self, geonameid: int | str) -> list[PlaceRecord]:
        """The places filed under a GeoNames id (one, or none; a division from two sources may give two)."""
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM place WHERE geonameid = ?", (str(geonameid),))
        return [_record(r, n) for n, r in rows]

    def skeleton_keys(self, skel: str) -> set[str]:
        """The name keys filed under a skeleton (an index-only look-up, no place read)."""
        return {str(r[0]) for _, r in self._rows("SELECT DISTINCT key FROM skel WHERE skel = ?", (skel,))}

    def by_skeleton(self, skel: str, keys: Sequence[str] | None = None) -> list[tuple[PlaceRecord, str]]:
        """Places with a name of this skeleton (only names among `keys` when given), with that name's key; most
        populous first. Choosing the keys first keeps small towns whose spelling is alike from being crowded out
        by the world's large places, whose many names fill the common skeletons."""
        if keys is None:
            where, params = "", [skel]
        elif not keys:
            return []
        else:
            where, params = f" AND s.key IN ({','.join('?' * len(keys))})", [skel, *keys]
        rows = self._rows(
            f"SELECT {_prefixed('p')}, s.key FROM skel s JOIN place p ON p.id = s.place WHERE s.skel = ?{where} "
            "ORDER BY p.population DESC LIMIT ?",
            (*params, _MAX_CANDIDATES * 2),
        )
        return _merged([(_record(r[:-1], n), str(r[-1])) for n, r in rows])

    def shapes(self, kind: str) -> list[tuple[str, bytes]]:
        return [r for _, r in self._rows("SELECT code, wkb FROM shape WHERE kind = ?", (kind,))]  # type: ignore[misc]


def _open_index(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise ConfigError(f"gazetteer index {path} does not exist (run `borderwatch gazetteer build`)")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        raise ConfigError(f"{path} is not a borderwatch gazetteer index") from None
    if version is None or version[0] != SCHEMA_VERSION:
        db.close()
        raise ConfigError(f"{path} is a gazetteer index of another version (rebuild it)")
    db.execute("PRAGMA cache_size = -16000")
    return db


_ID_STRIDE = 10**10


def _merged(items: list[tuple[PlaceRecord, T]]) -> list[tuple[PlaceRecord, T]]:
    """One entry per place across the files: the users' file wins for a GeoNames id, and a GeoNames
    first-level division replaces the countrystatecity one of the same country and name."""
    if not any(record.id >= _ID_STRIDE for record, _ in items):
        return items
    chosen: dict[object, tuple[PlaceRecord, T]] = {}
    for record, extra in items:
        key: object = record.geonameid if record.geonameid is not None else record.id
        if record.feature_code == "ADM1":
            key = ("ADM1", record.country, name_key(record.name))
        if key not in chosen or record.id >= _ID_STRIDE:
            chosen[key] = (record, extra)
    return sorted(chosen.values(), key=lambda item: -item[0].population)


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _PLACE_COLUMNS.split(","))


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class IndexWriter:
    """Adds places to an index file (creating it), one transaction per writer; `close()` commits."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        try:
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            raise InputError(f"{path} is not a borderwatch gazetteer index") from None
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self.added = 0

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def add(
        self,
        *,
        name: str,
        lat: float,
        lon: float,
        source: str,
        names: Iterable[str] = (),
        geonameid: int | str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        admin1_code: str | None = None,
        feature_class: str | None = None,
        feature_code: str | None = None,
        population: int = 0,
        replace: bool = False,
    ) -> int:
        """Add one place with its main name and alternate names; `replace` drops an entry of the same id first."""
        if replace and geonameid is not None:
            self.remove(geonameid)
        cursor = self._db.execute(
            "INSERT INTO place(geonameid, name, lat, lon, country, admin1, admin1_code, feature_class, feature_code,"
            " population, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                None if geonameid is None else str(geonameid),
                name,
                float(lat),
                float(lon),
                country,
                admin1,
                admin1_code,
                feature_class,
                feature_code,
                int(population or 0),
                source,
            ),
        )
        place_id = int(cursor.lastrowid or 0)
        self.add_names(place_id, [name], main=True)
        self.add_names(place_id, names, main=False, spell_romanised=_spells_romanised(country, population))
        self.added += 1
        return place_id

    def add_names(self, place_id: int, names: Iterable[str], main: bool = False, spell_romanised: bool = True) -> None:
        """A place's names, each an exact key and (but romanisations abroad: `spell_romanised`) a spelling key."""
        names = [n for n in names if n]
        keys = {k for k in (name_key(n) for n in names) if is_indexable(k)}
        self._db.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", [(k, place_id, int(main)) for k in keys])
        if main:
            self._db.executemany("UPDATE name SET main = 1 WHERE key = ? AND place = ?", [(k, place_id) for k in keys])
        # A name of few consonants written in parts ('Ta-wa', a name of Tahoua) is also another name in one word: its
        # spelling key cannot tell it from the world's short names, and the one word may be another town's exact name.
        joined = {j for k in keys if (j := joined_form(k)) and is_vowel_shape(spelling_key(k))} - keys
        self._db.executemany("INSERT OR IGNORE INTO name VALUES (?,?,0)", [(j, place_id) for j in joined])
        # GeoNames writes romanisations of a name in another script in lower case ('haunzuro', 'hao en si luo' of
        # Hounslow): exact names still, but of a small place abroad no spelling a report of ours writes, and a looser
        # reading through them reaches such a place from a Sahel village's name. In the region they are the Arabic
        # names' ('faya larjw' of Faya-Largeau): kept as spellings there.
        if main or spell_romanised:
            written = keys
        else:
            written = {k for k in (name_key(n) for n in names if not n.islower()) if k in keys}
        skels = [(s, place_id, k) for k in written if (s := spelling_key(k))]
        self._db.executemany("INSERT OR IGNORE INTO skel VALUES (?,?,?)", skels)

    def add_names_to(self, geonameid: int | str, names: list[str]) -> int:
        """Add alternate names to the places of a GeoNames id already in this file; how many places got them."""
        query = "SELECT id, country, population FROM place WHERE geonameid = ?"
        rows = list(self._db.execute(query, (str(geonameid),)))
        for place_id, country, population in rows:
            self.add_names(place_id, names, spell_romanised=_spells_romanised(country, population))
        return len(rows)

    def remove(self, geonameid: int | str) -> None:
        ids = [r[0] for r in self._db.execute("SELECT id FROM place WHERE geonameid = ?", (str(geonameid),))]
        for place_id in ids:
            self._remove_id(place_id)

    def _remove_id(self, place_id: int) -> None:
        self._db.execute("DELETE FROM name WHERE place = ?", (place_id,))
        self._db.execute("DELETE FROM skel WHERE place = ?", (place_id,))
        self._db.execute("DELETE FROM place WHERE id = ?", (place_id,))

    def put_shape(self, kind: str, code: str, wkb: bytes) -> None:
        self._db.execute("INSERT OR REPLACE INTO shape VALUES (?,?,?)", (kind, code, wkb))

    def close(self) -> None:
        self._db.commit()
        self._db.execute("ANALYZE")
        self._db.commit()
        self._db.close()

    def abort(self) -> None:
        self._db.rollback()
        self._db.close()
