"""The composition root: wires the stages together for the CLI, the API and batch jobs.

Stages never import each other backwards and never open a database; this module is
where they meet the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Protocol, runtime_checkable

from .errors import BorderwatchError
from .extract import Extractor
from .ingest import Failure, NearDuplicateFinder, Signature
from .model import ExtractResult, Report, ReportKind
from .settings import Settings
from .store import ExtractionSelection, NewReport, Store
from .store._survivors import put_loaded_aside

__all__ = [
    "ExtractStoredSummary",
    "ExtractionBackend",
    "IngestSummary",
    "LocalExtraction",
    "extract_reports",
    "extract_stored",
    "gazetteer_index",
    "ingest",
    "make_extractor",
]


def gazetteer_index(settings: Settings) -> Path:
    """The gazetteer index the settings name (default: the one `make setup` builds), built if missing or stale."""
    from .geo import ensure_index

    return ensure_index(Path(settings.gazetteer) if settings.gazetteer else None)


def make_extractor(settings: Settings, n_process: int | None = None, *, check_index: bool = True) -> Extractor:
    """The extractor with every stage it needs (places come with the geo stage).

    Large batches run in `n_process` forked workers (default: the `extract_processes` setting); every
    process opens its own gazetteer index, so no SQLite connection crosses a fork. The index is checked (and
    built if need be) once, here: a worker opens it as it is, so a stale index is never rebuilt once per worker.
    `check_index` False opens `settings.gazetteer` as it is (a Ray worker: its driver checked it).
    """
    from .geo import Geoparser

    if check_index:
        index = gazetteer_index(settings)  # built once, in this process
    elif settings.gazetteer:
        index = Path(settings.gazetteer)
    else:
        raise ValueError("check_index=False needs the settings to name the gazetteer index")
    extractor = Extractor(
        spacy_model=settings.spacy_model,
        locator_factory=partial(Geoparser, index, check_index=False),
        n_process=settings.extract_processes if n_process is None else n_process,
    )
    put_loaded_aside()  # the model: out of the collector's sight (store/_survivors.py)
    return extractor


def extract_reports(reports: Iterable[Report], settings: Settings) -> Iterator[ExtractResult]:
    """Extract every report, in input order, without storing anything."""
    yield from make_extractor(settings).pipe(reports)


@runtime_checkable
class ExtractionBackend(Protocol):
    """Where extraction runs: in this process and its forked workers (`LocalExtraction`), or elsewhere
    (`scale.RayExtraction`). Either way each report gets its result or a failure naming it, in input order."""

    def extract(self, reports: Iterable[Report]) -> Iterator[ExtractResult | Failure]: ...


@dataclass
class LocalExtraction:
    """The extractor of this process as a backend: a batch that raises is extracted again one report at a
    time, so that only the report that fails is lost (a run with forked workers learns only that one failed)."""

    extractor: Extractor

    def extract(self, reports: Iterable[Report]) -> Iterator[ExtractResult | Failure]:
        batch = list(reports)
        try:
            yield from list(self.extractor.pipe(batch))
        except BorderwatchError:  # the configuration (a model, an index): every report would fail alike
            raise
        except Exception:
            for report in batch:
                yield self._one(report)

    def _one(self, report: Report) -> ExtractResult | Failure:
        try:
            return self.extractor(report)
        except BorderwatchError:
            raise
        except Exception as exc:
            return Failure(report.origin or report.id, f"extraction failed ({type(exc).__name__}): {exc}")


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def ingest(
    items: Iterable[Report | Failure],
    store: Store,
    settings: Settings,
    *,
    extract: bool = True,
    on_item: Callable[[Report | Failure], None] | None = None,
    extractor: Extractor | ExtractionBackend | None = None,
) -> IngestSummary:
    """Store every new report of a stream, in batches of `settings.batch_size`, one transaction each.

    Reports already stored (same content hash) are counted and skipped before any NLP runs. A run
    killed half-way and run again stores each report exactly once: committed batches are skipped
    by their hashes, the interrupted one is stored anew. A long-running caller (the API) hands in
    its loaded `extractor`; otherwise one is made when the first new report needs it. A report whose
    extraction fails is not stored (a later run tries it again) and is listed among the failures; `extractor`
    may be any `ExtractionBackend` (a Ray cluster's): this process alone writes to the store.
    """
    summary = IngestSummary()
    finder = NearDuplicateFinder(settings.near_duplicate_threshold)
    stream = iter(items)
    while batch := list(islice(stream, settings.batch_size)):
        reports = [item for item in batch if isinstance(item, Report)]
        summary.failures.extend(item for item in batch if isinstance(item, Failure))
        summary.read += len(reports)
        fresh = _fresh(reports, store)
        summary.duplicates += len(reports) - len(fresh)
        new_items = _with_near_duplicates(fresh, store, finder)
        if extract and new_items:
            _with_agency_countries([i.report for i in new_items], store)
            extractor = backend = _backend(extractor, settings)
            new_items = _with_extractions(new_items, backend, summary.failures)
        for item, stored in zip(new_items, store.add_reports(new_items), strict=True):
            if stored:
                summary.stored += 1
                summary.near_duplicates += bool(item.near_duplicates)
                summary.events += len(item.extraction.events) if item.extraction else 0
            else:  # stored meanwhile by another process
                summary.duplicates += 1
        if on_item is not None:
            for item in batch:
                on_item(item)
    return summary


def _backend(extractor: Extractor | ExtractionBackend | None, settings: Settings) -> ExtractionBackend:
    """The caller's backend, its extractor as one, or (made once, when first needed) this process's."""
    extractor = extractor or make_extractor(settings)
    return extractor if isinstance(extractor, ExtractionBackend) else LocalExtraction(extractor)


def _with_agency_countries(reports: list[Report], store: Store) -> None:
    """Give each report its agency's country, as the store knows it: extraction reads it (a post's own forces are
    its state's wherever the post stands) but never opens the store. An agency of no country changes nothing."""
    countries = store.agency_countries({r.agency for r in reports})
    for report in reports:
        report.agency_country = countries.get(report.agency, report.agency_country)


def _extracted(
    reports: list[Report], backend: ExtractionBackend, failures: list[Failure]
) -> Iterator[tuple[int, ExtractResult]]:
    """(position, result) of each report whose extraction succeeded; the others go to `failures`."""
    for position, (_, result) in enumerate(zip(reports, backend.extract(reports), strict=True)):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            yield position, result


def _with_extractions(items: list[NewReport], backend: ExtractionBackend, failures: list[Failure]) -> list[NewReport]:
    """The items whose extraction succeeded, each with its result; the others go to `failures`."""
    kept: list[NewReport] = []
    for position, result in _extracted([i.report for i in items], backend, failures):
        items[position].extraction = result
        kept.append(items[position])
    if len(kept) < len(items):  # no link to a report that is not stored
        lost = {i.report.id for i in items} - {i.report.id for i in kept}
        for item in kept:
            item.near_duplicates = [(other, sim) for other, sim in item.near_duplicates if other not in lost]
    return kept


def _fresh(reports: list[Report], store: Store) -> list[Report]:
    """Reports whose content is neither stored nor earlier in the same batch."""
    known = store.known_hashes(r.content_hash for r in reports)
    fresh = []
    for report in reports:
        if report.content_hash not in known:
            known.add(report.content_hash)
            fresh.append(report)
    return fresh


def _with_near_duplicates(reports: list[Report], store: Store, finder: NearDuplicateFinder) -> list[NewReport]:
    """Sign each published report and link it to stored or earlier ones it nearly repeats.

    Field reports are left out: a post's report is identified by post, time and words, and
    template-like patrol notes would otherwise all link to each other.
    """
    signed = {r.id: finder.signature(r.text) for r in reports if r.kind is not ReportKind.FIELD}
    by_key: dict[int, dict[str, bytes | Signature]] = {
        k: dict(v) for k, v in store.band_candidates(key for s in signed.values() for key in s.band_keys).items()
    }
    items: list[NewReport] = []
    for report in reports:
        signature = signed.get(report.id)
        if signature is None:
            items.append(NewReport(report=report))
            continue
        candidates: dict[str, bytes | Signature] = {}
        for key in signature.band_keys:
            candidates.update(by_key.get(key, {}))
            by_key.setdefault(key, {})[report.id] = signature  # later reports of the batch see this one
        candidates.pop(report.id, None)
        items.append(
            NewReport(
                report=report,
                signature=signature.to_bytes(),
                band_keys=signature.band_keys,
                near_duplicates=finder.matches(signature, candidates),
            )
        )
    return items


@dataclass
class ExtractStoredSummary:
    reports: int = 0
    changed: int = 0
    mentions: int = 0
    failures: list[Failure] = field(default_factory=list)


def extract_stored(
    store: Store,
    settings: Settings,
    selection: ExtractionSelection,
    *,
    extractor: Extractor | ExtractionBackend | None = None,
    on_total: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> ExtractStoredSummary:
    """Extract stored reports (again), in batches of `settings.batch_size`, each stored in one transaction as
    the current actor. A report whose extraction fails keeps what it had and is listed among the failures;
    the batch's other reports are stored."""
    summary = ExtractStoredSummary()
    queue = store.extraction_queue(selection)
    if on_total is not None:
        on_total(len(queue))
    for start in range(0, len(queue), settings.batch_size):
        reports = store.reports_for_extraction(queue[start : start + settings.batch_size])
        if reports:
            _with_agency_countries(reports, store)
            extractor = backend = _backend(extractor, settings)
            results = [result for _, result in _extracted(reports, backend, summary.failures)]
            counts = store.replace_extractions(results)
            summary.reports += counts["reports"]
            summary.changed += counts["changed"]
            summary.mentions += counts["mentions"]
        if on_batch is not None:
            on_batch(min(settings.batch_size, len(queue) - start))
    return summary
