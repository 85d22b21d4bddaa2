"""`borderwatch sources`: the outlets, feeds and posts reports come from, and their reliability (A-F)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..store import Store
from ._context import app_state
from ._query import Format, OutputFormat, _emit

__all__ = ["sources_app"]

sources_app = typer.Typer(
    help="List sources, or set a source's Admiralty reliability (A reliable ... E unreliable, F cannot be judged).",
    invoke_without_command=True,
)


@sources_app.callback()
def _list(ctx: typer.Context, output: Format = OutputFormat.TABLE) -> None:
    """List sources with their reliability (or run a sub-command)."""
    if ctx.invoked_subcommand is None:
        with Store.open(app_state.settings()) as store:
            rows = store.list_sources(reader=app_state.reader(store))
        _emit(rows, ("name", "reliability", "url"), output, "sources")


@sources_app.command("reliability")
def reliability_cli(
    name: Annotated[str, typer.Argument(help="source name, as `borderwatch sources` lists it")],
    grade: Annotated[str, typer.Argument(help="A, B, C, D, E or F; 'none' for unknown")],
) -> None:
    """Set a source's reliability; the confidence of its events is recomputed."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        count = store.set_source_reliability(name, None if grade.casefold() == "none" else grade)
    print(f"{name}: reliability {grade.upper()}; {count} events re-scored")
