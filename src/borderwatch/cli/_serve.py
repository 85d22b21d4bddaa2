"""`borderwatch serve`: the API, the live stream and the dashboard in one process (FastAPI + uvicorn)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import InputError
from ._context import app_state

__all__ = ["serve_cli"]


def serve_cli(
    db: Annotated[str | None, typer.Option(help="SQLite file or database URL (default: the global --db)")] = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs), the live stream and the dashboard over the store."""
    from ..api import create_app

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: expected 1-65535")
    settings = app_state.settings(**({"db": db} if db else {}))  # else the global --db
    app = create_app(settings)
    typer.echo(f"borderwatch: dashboard at http://{_shown(host)}:{port}/  (API docs at /docs; Ctrl-C stops)", err=True)
    _run(app, host, port)


def _run(app: Any, host: str, port: int) -> None:
    """uvicorn, ending the open live streams first when asked to stop (else they would hold it up)."""
    import uvicorn

    end_streams = app.state.borderwatch.feed.close

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            end_streams()
            super().handle_exit(sig, frame)

    Server(uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)).run()


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
