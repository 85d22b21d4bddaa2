"""STIX 2.1 bundles on disk: export what a reader may see of an event query, import a bundle.

The export streams (a chunk of reports at a time) and, with `check`, has the `stix2` library parse every
object before it is written. The import has `stix2` parse every object of the bundle, then applies the
report versions it finds like a peer's (idempotent: the same bundle twice changes nothing the second
time; newer versions update, revoked ones withdraw).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import stix2
from stix2.exceptions import STIXError

from ..errors import InputError
from ..model import Marking
from ..store import EventQuery, Reader, Store
from ._stix_map import incoming_from_objects, report_objects
from ._stix_objects import borderwatch_identity, extension_definitions, marking_definition

__all__ = ["ExportSummary", "ImportSummary", "export_stix", "import_bundle"]


@dataclass
class ExportSummary:
    reports: int = 0
    objects: int = 0


@dataclass
class ImportSummary:
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        done = ", ".join(f"{n} {k}" for k, n in sorted(self.outcomes.items())) or "no report"
        return done + (f"; {len(self.failures)} object(s) refused" if self.failures else "")


def check_object(obj: dict[str, Any]) -> None:
    """Have the stix2 library parse one object (custom properties only inside extensions)."""
    try:
        stix2.parse(obj, allow_custom=False, version="2.1")
    except (STIXError, ValueError, TypeError) as exc:
        raise InputError(f"STIX object {obj.get('id')}: {exc}") from None


def export_stix(store: Store, reader: Reader, query: EventQuery, out: TextIO, *, check: bool = True) -> ExportSummary:
    """Write one bundle: the reports behind the selected events, each with its selected mentions."""
    summary = ExportSummary()
    installation = store.exchange.installation
    seen: set[str] = set()

    def write(obj: dict[str, Any]) -> None:
        if obj["id"] in seen:
            return
        if check:
            check_object(obj)
        out.write(("\n" if not seen else ",\n") + json.dumps(obj, ensure_ascii=False))
        seen.add(obj["id"])
        summary.objects += 1

    out.write(f'{{"type": "bundle", "id": "bundle--{uuid.uuid4()}", "objects": [')
    for obj in [*(marking_definition(m) for m in Marking), borderwatch_identity(), *extension_definitions()]:
        write(obj)
    for items in store.export_reports(query, reader):
        for item in items:
            for obj in report_objects(item, None, installation):
                write(obj)
            summary.reports += 1
    out.write("\n]}\n")
    return summary


def import_bundle(
    store: Store,
    source: Path,
    actor: Reader,
    *,
    recipients: tuple[str, ...] = (),
    default_marking: Marking | None = None,
    check: bool = True,
) -> ImportSummary:
    """Apply the reports of a bundle file; `recipients` ('agency:ID', 'user:ID') may see what it brings."""
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: not a JSON file ({exc})") from None
    if not isinstance(data, dict) or data.get("type") != "bundle" or not isinstance(data.get("objects"), list):
        raise InputError(f'{source}: not a STIX bundle (expected {{"type": "bundle", "objects": [...]}})')
    summary = ImportSummary()
    objects: list[dict[str, Any]] = []
    for obj in data["objects"]:
        if not isinstance(obj, dict):
            summary.failures.append(("?", "not a JSON object"))
            continue
        try:
            if check:
                stix2.parse(obj, allow_custom=True, version="2.1")
            objects.append(obj)
        except (STIXError, ValueError, TypeError) as exc:
            summary.failures.append((str(obj.get("id")), str(exc).split("\n")[0]))
    incoming, failures = incoming_from_objects(objects, default_marking)
    summary.failures += failures
    leads: dict[str, str] = {}  # the bundle's event groups met in earlier slices (see `Exchange.apply`)
    for start in range(0, len(incoming), 500):
        chunk = incoming[start : start + 500]
        outcomes = store.exchange.apply(chunk, peer=None, actor=actor, recipients=recipients, leads=leads)
        summary.outcomes.update(o.split(":")[0] for o in outcomes)
    return summary
