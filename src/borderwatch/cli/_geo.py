"""`borderwatch gazetteer|places|zones`: the gazetteer index, resolving highlighted names, border zones."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from ..errors import InputError
from ._context import app_state

__all__ = ["gazetteer_app", "places_app", "zones_app"]

gazetteer_app = typer.Typer(help="Build the gazetteer index and load GeoNames dumps or your own places into it.")
places_app = typer.Typer(help="Resolve place names to GeoNames records.")
zones_app = typer.Typer(help="Zones along international borders, as GeoJSON.")


def _index_path() -> Path:
    from ..geo import default_index_path

    configured = app_state.settings().gazetteer
    return Path(configured).expanduser() if configured else default_index_path()


@gazetteer_app.command("build")
def gazetteer_build_cli(
    force: Annotated[bool, typer.Option(help="rebuild even when the index is up to date")] = False,
) -> None:
    """Build the index from the installed packages and our data (fast when already up to date)."""
    from ..geo import build_index, find_world_atlas
    from ..geo._build import is_current

    path = _index_path()
    atlas = find_world_atlas()
    if not force and is_current(path, atlas):
        typer.echo(f"gazetteer index {path} is up to date")
        return
    if atlas is None:
        typer.echo("warning: world-atlas not found (run `npm ci`): the index will have no borders", err=True)
    counts = build_index(path, atlas)
    typer.echo(f"gazetteer index {path}: {counts['places']} places, {counts['borders']} borders, {counts['seconds']} s")


@gazetteer_app.command("load")
def gazetteer_load_cli(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files: allCountries.txt, XX.txt, "
                                                     "alternateNamesV2.txt, admin1CodesASCII.txt (plain or .zip)")],
) -> None:  # fmt: skip
    """Load official GeoNames dump files into the users' index (kept across rebuilds)."""
    from ..geo import ensure_index, load_geonames, user_index_path

    target = user_index_path(ensure_index(_index_path()))
    counts = load_geonames(files, target)
    typer.echo(f"loaded {counts['places']} places, {counts['names']} alternate names, {counts['admin1']} admin1 codes")


@gazetteer_app.command("add")
def gazetteer_add_cli(
    file: Annotated[Path, typer.Argument(help="GeoJSON FeatureCollection or CSV (name, lat, lon, ...)")],
) -> None:
    """Add your own places (monitoring posts, checkpoints, patrol sectors) to the users' index."""
    from ..geo import add_user_places, ensure_index, user_index_path

    count = add_user_places(file, user_index_path(ensure_index(_index_path())))
    typer.echo(f"added {count} places from {file}")


@places_app.command("resolve")
def places_resolve_cli(
    input: Annotated[str, typer.Option("--input", help='JSON lines {"id","text","mentions":[{"start","end"}]}: '
                                                       "FILE, or - for stdin")] = "-",
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country the texts are about, if known")] = None,
) -> None:  # fmt: skip
    """Resolve highlighted names: one JSON line per input line, the mentions in the same order (null if unknown)."""
    from ..geo import Geoparser

    geoparser = Geoparser(_index_path())
    out = sys.stdout
    for item_id, text, mentions in _resolve_requests(input):
        places = geoparser.resolve(text, mentions, country)
        rows = [None if p is None else p.model_dump(exclude={"text"}) for p in places]
        out.write(json.dumps({"id": item_id, "mentions": rows}, ensure_ascii=False) + "\n")
        out.flush()


def _resolve_requests(source: str) -> Iterator[tuple[Any, str, list[tuple[int, int]]]]:
    stream: TextIO
    if source == "-":
        stream = sys.stdin
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source}: no such file")
        stream = path.open(encoding="utf-8")
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{source} line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'{where}: expected an object with "id", "text" and "mentions"')
        mentions = item.get("mentions")
        if not isinstance(mentions, list):
            raise InputError(f'{where}: "mentions" must be a list of {{"start", "end"}}')
        yield item.get("id"), item["text"], [_span(where, m, len(item["text"])) for m in mentions]


def _span(where: str, mention: Any, length: int) -> tuple[int, int]:
    if not isinstance(mention, dict):
        raise InputError(f'{where}: a mention must be {{"start", "end"}}')
    start, end = mention.get("start"), mention.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise InputError(f'{where}: mention {mention}: "start" and "end" must be integers')
    if not 0 <= start < end <= length:
        raise InputError(f"{where}: mention {start}-{end} is outside the text ({length} characters)")
    return start, end


@zones_app.command("border")
def zones_border_cli(
    pair: Annotated[str, typer.Argument(help="two ISO alpha-3 codes, e.g. DZA-TUN")],
    km: Annotated[float, typer.Option(help="width of the strip on each side, in km")] = 30.0,
    clip: Annotated[bool, typer.Option(help="keep only the two countries' land")] = True,
) -> None:
    """Print the strip within KM of a border as a GeoJSON Feature (usable as a watch zone)."""
    from shapely.geometry import mapping

    from ..geo import Geoparser, border_pair

    geoparser = Geoparser(_index_path())
    zone = geoparser.border_strip(pair, km, clip)
    feature = {
        "type": "Feature",
        "properties": {"border": border_pair(*pair.upper().replace("_", "-").split("-")[:2]), "km": km},
        "geometry": mapping(zone),
    }
    typer.echo(json.dumps(feature))
