from collections.abc import Iterable, Iterator
from pathlib import Path

from borderwatch.ingest import Failure, ReadOptions, read_paths
from borderwatch.model import Agency, ExtractResult, Report, ReportRef
from borderwatch.pipeline import extract_stored, ingest
from borderwatch.settings import Settings
from borderwatch.store import ExtractionSelection, Reader, Store, acting_as
from tests.conftest import field_report, write_jsonl

STORY = (
    "SYNTHETIC. Gunmen on motorbikes attacked a gendarmerie post near Tin Zaouatine early on Sunday, killing "
    "three gendarmes and wounding two others, a security source said. The attackers fled toward the border "
    "with Mali after a two-hour exchange of fire, the source added."
)


ADMIN = Reader.local_admin()


def _settings(db_url: str, **kw: object) -> Settings:
    return Settings.load(db=db_url, **kw)


def test_ingest_is_idempotent_and_keeps_failures(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "posts.jsonl", [field_report(i) for i in range(30)] + [{"post_id": "bad"}])
    settings = _settings(db_url, batch_size=7)
    with Store.open(settings) as store:
        first = ingest(read_paths([str(tmp_path / "in")], ReadOptions()), store, settings, extract=False)
        second = ingest(read_paths([str(tmp_path / "in")], ReadOptions()), store, settings, extract=False)
        assert (first.stored, first.duplicates, len(first.failures)) == (30, 0, 1)
        assert (second.stored, second.duplicates, len(second.failures)) == (0, 30, 1)
        assert store.count("reports", Reader.local_admin()) == 30


def test_duplicates_inside_one_batch_are_stored_once(db_url: str) -> None:
    settings = _settings(db_url)
    reports = [Report(id=f"r{i}", text="SYNTHETIC. The same words.") for i in range(3)]
    with Store.open(settings) as store:
        summary = ingest(reports, store, settings, extract=False)
        assert (summary.stored, summary.duplicates) == (1, 2)


def test_near_duplicates_are_linked_not_dropped(db_url: str) -> None:
    settings = _settings(db_url, batch_size=1)
    edited = STORY.replace("a security source said", "according to a security source")
    with Store.open(settings) as store:
        summary = ingest(
            [Report(id="a", text=STORY), Report(id="b", text=edited), Report(id="c", text="SYNTHETIC. Other.")],
            store,
            settings,
            extract=False,
        )
        assert (summary.stored, summary.near_duplicates) == (3, 1)
        links = store.get_report("b", Reader.local_admin())["near_duplicates"]
        assert [link["report_id"] for link in links] == ["a"]


def test_progress_sees_every_item(db_url: str) -> None:
    settings = _settings(db_url, batch_size=2)
    seen: list[Report | Failure] = []
    items: list[Report | Failure] = [Report(id=str(i), text=f"SYNTHETIC. Report {i}.") for i in range(5)]
    items.append(Failure("x", "bad"))
    with Store.open(settings) as store:
        ingest(items, store, settings, extract=False, on_item=seen.append)
    assert len(seen) == 6


class _Recorder:
    """An extraction backend that notes the agency country each report reaches extraction with."""

    def __init__(self) -> None:
        self.countries: dict[str | None, str | None] = {}

    def extract(self, reports: Iterable[Report]) -> Iterator[ExtractResult | Failure]:
        for report in reports:
            self.countries[report.post_id] = report.agency_country
            yield ExtractResult(report=ReportRef(id=report.id))


def test_field_reports_reach_extraction_with_their_agencys_country(tmp_path: Path, db_url: str) -> None:
    """SYNTHETIC posts of an invented agency with a country and of one without (registered by ingest itself)."""
    posts = [
        field_report(1, post_id="XX-ARMY-01", agency="xx-army"),
        field_report(2, post_id="XX-GUARD-02", agency="xx-guard"),
    ]
    path = write_jsonl(tmp_path / "posts.jsonl", posts)
    settings = _settings(db_url)
    with Store.open(settings) as store:
        store.accounts.add_agency(Agency(id="xx-army", name="Synthetic army", country="DZ"), ADMIN)
        recorder = _Recorder()
        summary = ingest(read_paths([str(path)], ReadOptions()), store, settings, extractor=recorder)
        assert summary.stored == 2
        assert recorder.countries == {"XX-ARMY-01": "DZ", "XX-GUARD-02": None}
        # Extracted again from the store (after a vocabulary upgrade): the same country.
        again = _Recorder()
        with acting_as(ADMIN):
            extract_stored(store, settings, ExtractionSelection(everything=True), extractor=again)
        assert again.countries == {"XX-ARMY-01": "DZ", "XX-GUARD-02": None}
