"""`borderwatch extract`: the output contract, one JSON line per report, nothing stored."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated

import pycountry
import typer

from ..errors import InputError
from ..ingest import Failure, ReadOptions, read_paths
from ..model import Report, Source
from ..pipeline import extract_reports
from ._context import app_state

__all__ = ["extract_cli", "parse_date"]


def extract_cli(
    paths: Annotated[list[Path] | None, typer.Argument(help="report files or folders")] = None,
    jsonl: Annotated[str | None, typer.Option(help='JSON lines {"id","text",...} from FILE, or - for stdin')] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD of the files")] = None,
    agency_country: Annotated[
        str | None,
        typer.Option(
            help="ISO 3166-1 alpha-2 of the filing agency: a post's own forces and a communiqué's \"our units\" "
            "are that state's (a JSON line's own \"agency_country\" wins)"
        ),
    ] = None,
) -> None:
    """Extract events, actors and places from reports and print one JSON object per report."""
    if not paths and jsonl is None:
        raise InputError("give report files or folders, or --jsonl FILE|-")
    settings = app_state.settings()
    home = _country(agency_country, "--agency-country") if agency_country is not None else None
    failures: list[Failure] = []
    reports = (
        _jsonl_reports(jsonl) if jsonl is not None else _file_reports(paths or [], parse_date(published), failures)
    )
    out = sys.stdout
    for result in extract_reports(_filed_from(reports, home), settings):
        out.write(result.model_dump_json() + "\n")
    for failure in failures:
        print(f"borderwatch: {failure.origin}: {failure.reason}", file=sys.stderr)
    if failures:
        raise typer.Exit(1)


def parse_date(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise InputError(f"--published {value!r}: expected a date YYYY-MM-DD") from None


def _country(value: str, where: str) -> str:
    """An ISO 3166-1 alpha-2 code in capitals, or one clear error naming `where`."""
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise InputError(f"{where} {value!r}: expected an ISO 3166-1 alpha-2 code such as DZ")
    return code


def _filed_from(reports: Iterator[Report], home: str | None) -> Iterator[Report]:
    """The reports, those without a filing agency's country given that of the command line (`home`)."""
    for report in reports:
        if home and report.agency_country is None:
            report.agency_country = home
        yield report


def _jsonl_reports(source: str) -> Iterator[Report]:
    stream = sys.stdin if source == "-" else _open(Path(source))
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source} line {number}: not JSON ({exc.msg})") from None
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str | int)
            or not isinstance(item.get("text"), str)
        ):
            raise InputError(f'{source} line {number}: expected an object with "id" and "text"')
        published = item.get("published")
        home = item.get("agency_country")
        if home is not None and not isinstance(home, str):
            raise InputError(f'{source} line {number}: "agency_country" must be a string such as "DZ"')
        yield Report(
            id=str(item["id"]),
            text=item["text"],
            title=item.get("title"),
            published=parse_date(published[:10]) if isinstance(published, str) and published else None,
            source=Source(name=item["source"]) if isinstance(item.get("source"), str) else None,
            agency_country=_country(home, f"{source} line {number}: agency_country") if home else None,
        )


def _file_reports(paths: list[Path], published: datetime | None, failures: list[Failure]) -> Iterator[Report]:
    """Reports read by the ingest readers (any format), each with its origin as id."""
    options = ReadOptions(published=published)
    for item in read_paths([str(p) for p in paths], options):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        item.id = item.origin or item.id
        yield item


def _open(path: Path):  # type: ignore[no-untyped-def]
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return path.open(encoding="utf-8")
