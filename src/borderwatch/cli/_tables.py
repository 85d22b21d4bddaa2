"""Results printed as tables on the terminal: one look for every command's lists."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["cell", "print_table"]


def print_table(rows: list[dict[str, Any]], columns: Sequence[str], what: str) -> None:
    """`rows` as a table of `columns` headed "N what" on stdout, or "no what" when there is none."""
    # Piped output gets a wide table rather than rich's 80-column default.
    console = Console() if sys.stdout.isatty() else Console(width=200)
    if not rows:
        console.print(f"no {what}")
        return
    table = Table(title=f"{len(rows)} {what}", header_style="bold")
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*[cell(row.get(c)) for c in columns])
    console.print(table)


def cell(value: Any) -> str:
    """A value as a table cell: blank for none, two decimals, times to the minute (to the second when they have
    seconds: audit entries and token uses), lists joined by commas."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(value)
