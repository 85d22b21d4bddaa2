"""`borderwatch alerts`: the alert inbox in the terminal, acknowledgement, following, webhooks and delivery."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..store import AlertQuery, Store
from ._context import app_state

__all__ = ["alerts_app"]

alerts_app = typer.Typer(help="Alerts raised by watch zones: list, acknowledge, follow, deliver to webhooks.")
webhooks_app = typer.Typer(help="Webhooks that receive alerts as signed JSON POSTs.")
alerts_app.add_typer(webhooks_app, name="webhooks")


def _line(alert: dict[str, Any]) -> str:
    state = "open" if alert["acknowledged_at"] is None else f"ack {alert['acknowledged_at'][:16]}"
    return f"{alert['id']:>5}  {alert['created_at'][:19]}  [{alert['marking']}] {alert['reason']}  ({state})"


@alerts_app.command("list")
def alerts_list_cli(
    zone: Annotated[int | None, typer.Option(help="only this zone's alerts")] = None,
    open_: Annotated[bool, typer.Option("--open", help="only alerts not yet acknowledged")] = False,
    limit: Annotated[int, typer.Option(help="at most this many")] = 50,
    json_: Annotated[bool, typer.Option("--json", help="one JSON object a line")] = False,
) -> None:
    """Alerts, newest first."""
    query = AlertQuery(zone_id=zone, acknowledged=False if open_ else None, limit=limit)
    with Store.open(app_state.settings()) as store:
        alerts, _ = store.list_alerts(query, reader=app_state.reader(store))
    if not alerts and not json_:
        typer.echo("no alerts")
    for alert in alerts:
        typer.echo(json.dumps(alert, ensure_ascii=False) if json_ else _line(alert))


@alerts_app.command("ack")
def alerts_ack_cli(
    alert_ids: Annotated[list[int], typer.Argument(help="alert ids")],
    by: Annotated[str | None, typer.Option(help="who acknowledges")] = None,
) -> None:
    """Acknowledge alerts."""
    with Store.open(app_state.settings()) as store:
        for alert_id in alert_ids:
            typer.echo(_line(store.acknowledge_alert(alert_id, by, reader=app_state.reader(store))))


@alerts_app.command("watch")
def alerts_watch_cli(
    every: Annotated[float, typer.Option(help="seconds between looks at the store")] = 1.0,
    json_: Annotated[bool, typer.Option("--json", help="one JSON object a line")] = False,
) -> None:
    """Print each new alert as it is raised (by any process writing to the store); Ctrl-C stops."""
    with Store.open(app_state.settings()) as store:
        seq = store.last_change()
        try:
            while True:
                changes = store.changes_after(seq, 500)
                if changes:
                    seq = changes[-1][0]
                    ids = sorted({int(i) for _, kind, i in changes if kind == "alert"})
                    for alert in store.get_alerts(ids, reader=app_state.reader(store)):
                        if alert["acknowledged_at"] is None:
                            typer.echo(json.dumps(alert, ensure_ascii=False) if json_ else _line(alert))
                            sys.stdout.flush()
                    continue
                time.sleep(max(0.1, every))
        except KeyboardInterrupt:
            return


@alerts_app.command("deliver")
def alerts_deliver_cli(
    once: Annotated[bool, typer.Option("--once", help="try what is due now, then stop")] = False,
) -> None:
    """Deliver alerts to the webhooks (what `borderwatch serve` does in the background)."""
    from ..api import WebhookDeliverer

    settings = app_state.settings()
    with Store.open(settings) as store:
        try:
            asyncio.run(WebhookDeliverer(store, settings).run(once=once))
        except KeyboardInterrupt:
            return


@webhooks_app.command("add")
def webhooks_add_cli(
    url: Annotated[str, typer.Argument(help="http(s) URL that receives each alert")],
    secret: Annotated[str, typer.Option(help="HMAC-SHA256 key, at least 16 characters ($env:NAME reads a variable)")],
    zone: Annotated[int | None, typer.Option(help="only this zone's alerts")] = None,
) -> None:
    """Add a webhook: each alert is POSTed as JSON with X-Borderwatch-Signature: sha256=HMAC(secret, ts.body)."""
    if secret.startswith("$env:"):
        name = secret.removeprefix("$env:")
        if name not in os.environ:
            raise InputError(f"--secret: environment variable {name} is not set")
        secret = os.environ[name]
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        hook = store.add_webhook(url, secret, zone)
    typer.echo(f"webhook {hook['id']}: {hook['url']}")


@webhooks_app.command("list")
def webhooks_list_cli() -> None:
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        for hook in store.list_webhooks():
            counts = ", ".join(f"{n} {status}" for status, n in sorted(hook["deliveries"].items())) or "no deliveries"
            typer.echo(f"{hook['id']:>4}  {hook['url']}  zone {hook['zone_id'] or 'any'}  ({counts})")


@webhooks_app.command("remove")
def webhooks_remove_cli(webhook_id: Annotated[int, typer.Argument()]) -> None:
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        store.delete_webhook(webhook_id)
    typer.echo(f"removed webhook {webhook_id}")


@webhooks_app.command("log")
def webhooks_log_cli(webhook_id: Annotated[int, typer.Argument()], limit: Annotated[int, typer.Option()] = 20) -> None:
    """The delivery log of a webhook: each delivery and every try."""
    with Store.open(app_state.settings()) as store, app_state.acting(store):
        for delivery in store.webhook_deliveries(webhook_id, limit):
            typer.echo(f"delivery {delivery['id']} of alert {delivery['alert_id']}: {delivery['status']}, "
                       f"{delivery['attempts']} tries")  # fmt: skip
            for attempt in delivery["log"]:
                outcome = attempt["status_code"] or attempt["error"]
                typer.echo(f"    try {attempt['attempt']} at {attempt['at'][:19]}: {outcome} ({attempt['ms']:.0f} ms)")
