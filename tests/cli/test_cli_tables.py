"""The one table look of the commands' lists (cli/_tables.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from borderwatch.cli._tables import cell, print_table


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (0.5, "0.50"),
        (datetime(2026, 3, 4, 5, 6), "2026-03-04 05:06"),
        (datetime(2026, 3, 4, 5, 6, 7), "2026-03-04 05:06:07"),
        (["dz-mdn", "tn-mi"], "dz-mdn, tn-mi"),
        (3, "3"),
    ],
)
def test_cell_shows_each_kind_of_value(value: object, shown: str) -> None:
    assert cell(value) == shown


def test_print_table_counts_rows_and_names_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    print_table([{"id": "p-1", "last_sync_at": None}, {"id": "p-2"}], ["id", "last_sync_at"], "peers")
    out = capsys.readouterr().out
    assert "2 peers" in out and "last sync at" in out and "p-2" in out
    print_table([], ["id"], "peers")
    assert capsys.readouterr().out.strip() == "no peers"
