"""ACLED-compatible CSV: the codebook's columns, names and meanings, so tools written for ACLED data read it.

- `event_id_cnty`: the country's ISO 3166 alpha-3 code and a number: the event id's 64 bits in decimal.
- `inter1`/`inter2`: ACLED actor types 1-8 of actor 1 and 2 (0 when there is no actor 2); `interaction`:
  the two digits, lower first (10, 20, ... when an actor acts alone), as in the codebook.
- `iso`: ISO 3166 numeric code; `region`: ACLED's region (data/acled_regions.json).
- `assoc_actor_1`: every associated actor, joined by "; " (sides are not told apart); `assoc_actor_2` empty.
- `admin2`, `admin3`, `source_scale`: empty (not known to borderwatch).
- `source`: every source's name, "; "-joined; `notes`: the evidence sentence of the surest mention.
- `fatalities`: the fused (most conservative) figure, 0 when none was reported; `tags`: borderwatch's
  border-security tags, "; "-joined; `timestamp`: the event's last update, Unix seconds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

__all__ = ["ACLED_COLUMNS", "AcledCsvExporter", "interaction_code"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
_FLUSH_ROWS = 2000


class AcledCsvExporter:
    name = "borderwatch.acled-csv.v1"
    suffix = ".csv"
    media_type = "text/csv"
    seekable_output = False

    def write(self, rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(ACLED_COLUMNS)
        count = 0
        for row in rows:
            writer.writerow(acled_row(row))
            count += 1
            if count % _FLUSH_ROWS == 0:
                out.write(buffer.getvalue().encode("utf-8"))
                buffer.seek(0)
                buffer.truncate()
        out.write(buffer.getvalue().encode("utf-8"))
        return count


def acled_row(row: dict[str, Any]) -> list[Any]:
    country = _country(row.get("country"))
    inter1, inter2 = row.get("actor1_type") or 0, row.get("actor2_type") or 0
    day = row.get("date") or ""
    assoc = row.get("assoc_actors") or []
    updated = row.get("updated_at")
    return [
        f"{country.alpha3}{int(row['id'][1:], 16)}",
        day,
        day[:4],
        row.get("time_precision") or "",
        row["event_type"],
        row["sub_event_type"],
        row.get("actor1") or "",
        "; ".join(a["name"] if isinstance(a, dict) else str(a) for a in assoc),
        inter1,
        row.get("actor2") or "",
        "",
        inter2,
        interaction_code(inter1, inter2),
        country.numeric,
        country.region,
        country.name,
        row.get("admin1") or "",
        "",
        "",
        row.get("location_name") or "",
        _coordinate(row.get("lat")),
        _coordinate(row.get("lon")),
        row.get("geo_precision") or "",
        row.get("source_names") or "",
        "",
        row.get("notes") or "",
        row.get("fatalities") or 0,
        "; ".join(row.get("tags") or []),
        int(updated.replace(tzinfo=UTC).timestamp()) if isinstance(updated, datetime) else "",
    ]


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two actor types as two digits, lower first; one actor alone: its type then 0."""
    if not inter1 and not inter2:
        return 0
    if not inter1 or not inter2:
        return max(inter1, inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


class _Country:
    __slots__ = ("alpha3", "name", "numeric", "region")

    def __init__(self, alpha3: str, name: str, numeric: int | str, region: str) -> None:
        self.alpha3, self.name, self.numeric, self.region = alpha3, name, numeric, region


@cache
def _country(alpha2: str | None) -> _Country:
    if not alpha2:
        return _Country("", "", "", "")
    import pycountry  # imported late: only exports need it

    record = pycountry.countries.get(alpha_2=alpha2.upper())
    if record is None:
        return _Country(alpha2.upper(), "", "", "")
    name = getattr(record, "common_name", None) or record.name
    return _Country(record.alpha_3, name, int(record.numeric), _regions().get(alpha2.upper(), ""))


@cache
def _regions() -> dict[str, str]:
    text = resources.files("borderwatch.export").joinpath("data", "acled_regions.json").read_text(encoding="utf-8")
    return {code: region for region, codes in json.loads(text)["regions"].items() for code in codes}
