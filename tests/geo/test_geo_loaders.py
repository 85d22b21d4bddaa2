"""The GeoNames dump loader and users' own places, on small files written here in those formats."""

import json
import zipfile

import pytest
from geo_helpers import km_between, span

from borderwatch.errors import InputError
from borderwatch.geo import Geoparser, add_user_places, load_geonames

# Invented places in the official dump's 19 tab-separated columns.
PLACES = [
    ["9900001", "Oued Tazrouk Nord", "Oued Tazrouk Nord", "Tazrouk Nord,Tazrouq al-Shamali", "23.4500", "6.2500",
     "P", "PPL", "DZ", "", "53", "", "", "", "1200", "", "1100", "Africa/Algiers", "2024-01-01"],
    ["9900002", "Gara Zemlet", "Gara Zemlet", "", "29.9000", "9.7000",
     "T", "HLL", "LY", "", "80", "", "", "", "0", "", "400", "Africa/Tripoli", "2024-01-01"],
]  # fmt: skip
ADMIN1 = [["DZ.53", "Tamanghasset", "Tamanghasset", "2478216"], ["LY.80", "Nalut", "Nalut", "2214602"]]
ALTERNATES = [
    ["1", "9900002", "fr", "Garet Zemlet", "", "", "", ""],
    ["2", "9900002", "link", "https://example.org/gara", "", "", "", ""],
    ["3", "9900001", "ar", "تازروك الشمالي", "", "", "", ""],
]


def _write(path, rows) -> None:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def loaded(tmp_path, geoparser):
    dump = tmp_path / "DZ.txt"
    _write(dump, PLACES)
    _write(tmp_path / "admin1CodesASCII.txt", ADMIN1)
    _write(tmp_path / "alternateNamesV2.txt", ALTERNATES)
    user = tmp_path / "user.sqlite"
    counts = load_geonames([tmp_path / "alternateNamesV2.txt", dump, tmp_path / "admin1CodesASCII.txt"], user)
    return counts, Geoparser(geoparser.gazetteer.path, user_index=user)


def test_loaded_places_resolve_with_their_admin1_and_alternate_names(loaded) -> None:
    counts, parser = loaded
    assert counts == {"places": 2, "names": 2, "admin1": 2}
    text = "Synthetic: a camel herder found the wreck south of Tazrouk Nord, then walked to Garet Zemlet."
    north, gara = parser.resolve(text, [span(text, "Tazrouk Nord"), span(text, "Garet Zemlet")])
    assert north.geonameid == 9900001 and north.admin1 == "Tamanghasset" and north.feature_code == "PPL"
    assert km_between(north, 23.45, 6.25) < 1
    assert gara.geonameid == 9900002 and gara.country == "LY"


def test_loading_twice_replaces_rather_than_duplicates(tmp_path, loaded, geoparser) -> None:
    _, _ = loaded
    user = tmp_path / "user.sqlite"
    load_geonames([tmp_path / "DZ.txt"], user)
    parser = Geoparser(geoparser.gazetteer.path, user_index=user)
    found = parser.gazetteer.by_key("oued tazrouk nord")
    assert [record.geonameid for record, _ in found] == [9900001]


def test_zipped_dump_is_streamed(tmp_path, geoparser) -> None:
    _write(tmp_path / "DZ.txt", PLACES)
    archive = tmp_path / "DZ.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(tmp_path / "DZ.txt", "DZ.txt")
        zipped.writestr("readme.txt", "not data")
    counts = load_geonames([archive], tmp_path / "zipped.sqlite")
    assert counts["places"] == 2


@pytest.mark.parametrize(
    "line",
    [
        "9900003\tToo Few Columns\n",
        "abc\t" + "\t".join(["x"] * 18) + "\n",
        "\t".join([*PLACES[0][:4], "north", *PLACES[0][5:]]) + "\n",
    ],
)  # fmt: skip
def test_malformed_dump_lines_are_one_clear_error(tmp_path, line) -> None:
    dump = tmp_path / "allCountries.txt"
    dump.write_text("\t".join(PLACES[0]) + "\n" + line, encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_geonames([dump], tmp_path / "bad.sqlite")


def test_user_places_from_geojson_and_csv(tmp_path, geoparser) -> None:
    geojson = tmp_path / "posts.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "post-7", "geometry": {"type": "Point", "coordinates": [9.61, 30.05]},
         "properties": {"name": "Observation Post Seven", "names": ["OP-7", "Post 7 Debdeb"], "country": "DZ"}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[8.1, 35.1], [8.3, 35.1], [8.3, 35.3],
         [8.1, 35.3], [8.1, 35.1]]]}, "properties": {"name": "Patrol Sector Kilo"}},
    ]}), encoding="utf-8")  # fmt: skip
    table = tmp_path / "checkpoints.csv"
    table.write_text("name,lat,lon,country,names\nCheckpoint Zulu,33.10,11.40,TN,CP Zulu;Zulu gate\n", "utf-8")
    user = tmp_path / "user.sqlite"
    assert add_user_places(geojson, user) == 2
    assert add_user_places(table, user) == 1
    parser = Geoparser(geoparser.gazetteer.path, user_index=user)
    text = "Synthetic: the convoy passed Post 7 Debdeb, crossed Patrol Sector Kilo and stopped at CP Zulu."
    post, sector, checkpoint = parser.resolve(
        text, [span(text, "Post 7 Debdeb"), span(text, "Patrol Sector Kilo"), span(text, "CP Zulu")]
    )
    assert post.geonameid == "user:post-7" and km_between(post, 30.05, 9.61) < 1
    assert km_between(sector, 35.2, 8.2) < 15
    assert checkpoint.country == "TN"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "name,lat\nX,1\n", "name, lat and lon"),
        ("bad2.csv", "name,lat,lon\nX,north,3\n", "line 2"),
        ("bad3.csv", "name,lat,lon\nX,95,3\n", "not a latitude"),
        ("bad.geojson", '{"type": "Feature"}', "FeatureCollection"),
        ("bad2.geojson", '{"type": "FeatureCollection", "features": [{"geometry": null, "properties": {}}]}',
         "geometry"),
        ("bad3.geojson", "{not json", "not JSON"),
    ],
)  # fmt: skip
def test_bad_user_files_are_one_clear_error(tmp_path, name, content, message) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        add_user_places(path, tmp_path / "user.sqlite")


def test_a_place_is_found_by_its_geonames_id_in_either_file(loaded, geoparser) -> None:
    _, parser = loaded
    assert [r.name for r in parser.gazetteer.by_geonameid(9900002)] == ["Gara Zemlet"]
    assert [r.name for r in parser.gazetteer.by_geonameid("9900001")] == ["Oued Tazrouk Nord"]
    assert parser.gazetteer.by_geonameid(9900099) == []
    # Ouargla (2485801) is a cities500 town of the built index.
    assert [r.country for r in geoparser.gazetteer.by_geonameid(2485801)] == ["DZ"]


def test_candidates_of_a_name_include_its_spellings(loaded) -> None:
    _, parser = loaded
    assert 9900002 in [r.geonameid for r in parser.candidates("Garet Zemlet")]
    # Under a looser spelling only (the ranking's readings): a transliteration of the main name.
    assert 9900001 in [r.geonameid for r in parser.candidates("Tazrouq Nord")]
