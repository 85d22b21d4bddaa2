"""The `borderwatch` command: thin typer commands that parse options and call the stages and the store.

Each command family lives in its own module (`_ingest.py`, `_query.py`, ...) and
is registered here. Errors of ours become one line on stderr and exit code 2.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import BorderwatchError
from ._alerts import alerts_app
from ._context import app_state
from ._events import events_app
from ._export import export_cli
from ._extract import extract_cli
from ._geo import gazetteer_app, places_app, zones_app
from ._ingest import ingest_cli
from ._peers import import_cli, mark_cli, peers_app, withdraw_cli
from ._reports import reports_app
from ._serve import serve_cli
from ._share import agencies_app, audit_cli, groups_app, tokens_app, users_app
from ._sitrep import sitrep_cli
from ._sources import sources_app
from ._zones import add_zone_commands

__all__ = ["app", "main"]

app = typer.Typer(
    name="borderwatch",
    help="Joint border-security situational awareness: ingest reports, extract and map events, share them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global_options(
    db: Annotated[str | None, typer.Option(help="SQLite file or database URL [env BORDERWATCH_DB]")] = None,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy pipeline to load")] = None,
    as_user: Annotated[
        str | None, typer.Option("--as", help="read as this user (default: the local administrator, who sees all)")
    ] = None,
) -> None:
    app_state.overrides.update(db=db, spacy_model=spacy_model)
    app_state.as_user = as_user


app.command("ingest")(ingest_cli)
app.command("extract")(extract_cli)
app.add_typer(reports_app, name="reports")
app.add_typer(events_app, name="events")
app.add_typer(sources_app, name="sources")
app.command("export")(export_cli)
app.command("sitrep")(sitrep_cli)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(places_app, name="places")
app.command("serve")(serve_cli)

# `zones` is shared with the places commands (`zones border PAIR --km N`): each adds its commands to it.
add_zone_commands(zones_app)
app.add_typer(zones_app, name="zones")
app.add_typer(alerts_app, name="alerts")
# Sharing (issue 7): accounts, audit, peers, STIX import, re-marking and withdrawal.
app.add_typer(agencies_app, name="agencies")
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(groups_app, name="groups")
app.add_typer(peers_app, name="peers")
app.command("audit")(audit_cli)
app.command("import")(import_cli)
app.command("mark")(mark_cli)
app.command("withdraw")(withdraw_cli)


def main() -> None:
    # Standalone mode: typer prints usage errors itself (exit 2); ours and the unforeseen become one line.
    try:
        app()
    except BorderwatchError as exc:
        _fail(f"error {exc}")
    except Exception as exc:
        _fail(f"internal error ({type(exc).__name__}): {exc}")


def _fail(message: str) -> None:
    print(f"borderwatch: {message}", file=sys.stderr)
    sys.exit(2)
