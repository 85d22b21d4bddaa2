"""Exports: ACLED CSV columns and codes, GeoJSON, JSON lines, Parquet, filters; all streamed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from borderwatch.errors import InputError
from borderwatch.export import ACLED_COLUMNS, export_events, exporter_names, get_exporter, interaction_code
from borderwatch.store import EventFilter, Reader, Store

from ..fuse._make import mention, report

ATTACK = {"etype": "Violence against civilians", "sub": "Attack"}


@pytest.fixture
def store(db_url: str) -> Store:
    items = [
        report(
            "SYNTHETIC. Gunmen of the invented Band of the Dunes killed seven civilians at the Ouallam market.",
            [
                mention(
                    **ATTACK, actor1="Band of the Dunes", actor2="Civilians (Niger)", fatalities=7, tags=["smuggling"]
                )
            ],
            source="Niamey Evening (synthetic)",
        ),
        report(
            "SYNTHETIC. Soldiers clashed with gunmen near Tessalit.",
            [mention(place="Tessalit", day="2025-08-10", actor1="Military Forces of Mali (2021-)", fatalities=3)],
            published="2025-08-11",
        ),
        report(
            "SYNTHETIC. An undated, unlocated arrest.",
            [mention(etype="Strategic developments", sub="Arrests", place=None, day=None)],
            published="2025-09-01",
        ),
    ]
    with Store(db_url) as opened:
        opened.add_reports(items)
        yield opened


def export(store: Store, fmt: str, **filters: object) -> bytes:
    out = io.BytesIO()
    export_events(store, EventFilter(**filters), fmt, out, Reader.local_admin())
    return out.getvalue()


def test_acled_csv_has_the_codebook_columns_and_codes(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export(store, "acled-csv").decode("utf-8"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    attack = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert attack["event_id_cnty"].startswith("NER") and attack["event_id_cnty"][3:].isdigit()
    assert (attack["country"], attack["iso"], attack["region"]) == ("Niger", "562", "Western Africa")
    assert (attack["event_date"], attack["year"], attack["fatalities"]) == ("2025-04-06", "2025", "7")
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("2", "1", "12")
    assert attack["latitude"] == "14.3180" and attack["tags"] == "smuggling"
    assert attack["source"] == "Niamey Evening (synthetic)"
    assert attack["notes"].startswith("SYNTHETIC")
    undated = next(r for r in rows if r["sub_event_type"] == "Arrests")
    assert undated["event_date"] == "" and undated["fatalities"] == "0" and undated["interaction"] == "0"


def test_interaction_codes() -> None:
    assert interaction_code(1, 2) == 12 and interaction_code(7, 2) == 27
    assert interaction_code(1, 0) == 10 and interaction_code(0, 0) == 0


def test_geojson_is_a_feature_collection(store: Store) -> None:
    collection = json.loads(export(store, "geojson"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    geometries = [f["geometry"] for f in collection["features"]]
    assert {"type": "Point", "coordinates": [2.086, 14.318]} in geometries and None in geometries


def test_jsonl_and_filters(store: Store) -> None:
    def ids(**filters: object) -> list[str]:
        return [json.loads(line)["sub_event_type"] for line in export(store, "jsonl", **filters).splitlines()]

    assert len(ids()) == 3
    assert ids(bbox=(0, 18, 3, 22)) == ["Armed clash"]
    assert ids(actor="dunes") == ["Attack"]
    assert ids(actor="mali") == ["Armed clash"]
    assert ids(event_type="violence against civilians") == ["Attack"]
    assert ids(country="ML") == ["Armed clash"]
    assert ids(since="2025-05-01", until="2025-08-31") == ["Armed clash"]
    assert ids(border="MLI-NER", max_border_km=50) == ["Attack", "Armed clash"]
    assert ids(border="MLI-NER", max_border_km=10) == []


def test_bbox_across_the_antimeridian_and_bad_bbox() -> None:
    assert EventFilter(bbox=(170, -10, -170, 10)).bbox == (170, -10, -170, 10)
    with pytest.raises(ValueError):
        EventFilter(bbox=(0, 10, 5, 5))


def test_parquet_round_trip(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    with path.open("wb") as handle:
        assert export_events(store, EventFilter(), "parquet", handle, Reader.local_admin()) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3
    assert sorted(table.column("fatalities").to_pylist(), key=lambda v: v or 0) == [None, 3, 7]


def test_registry_knows_the_formats_and_refuses_others() -> None:
    assert exporter_names() == ["acled-csv", "geojson", "jsonl", "parquet"]
    assert get_exporter("borderwatch.jsonl.v1").suffix == ".jsonl"
    with pytest.raises(InputError):
        get_exporter("xml")
