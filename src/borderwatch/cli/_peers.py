"""`borderwatch peers ...`, `borderwatch import BUNDLE`, `borderwatch mark` and `borderwatch withdraw`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import InputError, PeerError
from ..model import Marking
from ..store import Reader, Store
from ._context import app_state
from ._tables import print_table

__all__ = ["import_cli", "mark_cli", "peers_app", "withdraw_cli"]

_err = Console(stderr=True, soft_wrap=True)
peers_app = typer.Typer(help="Other installations: what goes to whom, and sync over TAXII 2.1.", no_args_is_help=True)


def _store() -> Store:
    return Store.open(app_state.settings())


def _marking(value: str) -> Marking:
    try:
        return Marking.parse(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


@peers_app.command("add")
def peers_add(
    peer_id: Annotated[str, typer.Argument(help="short id; also the id of the peer's account here")],
    agency: Annotated[str, typer.Option(help="the peer's agency (registered here if new)")],
    url: Annotated[
        str | None, typer.Option(help="the peer's TAXII API root, e.g. http://127.0.0.1:8001/taxii2/api/")
    ] = None,
    token: Annotated[str | None, typer.Option(help="token the peer gave us, best as $env:NAME")] = None,
    deliver_to: Annotated[
        list[str] | None, typer.Option(help="who here sees what it sends: agency:ID or user:ID (repeatable)")
    ] = None,
    title: Annotated[str | None, typer.Option(help="display name")] = None,
) -> None:
    """Add a peer. It sends nothing and receives nothing until `peers rule` says what goes to it."""
    from ..store import parse_principal

    recipients = deliver_to or [f"agency:{app_state.settings().agency}"]
    for principal in recipients:
        parse_principal(principal)
    with _store() as store:
        store.exchange.add_peer(peer_id, agency, title=title, url=url, token=token, recipients=recipients)
    _err.print(
        f"peer {peer_id} added; give it a token: borderwatch tokens create {peer_id} --name taxii", highlight=False
    )


@peers_app.command("set")
def peers_set(
    peer_id: str,
    url: Annotated[str | None, typer.Option(help="the peer's TAXII API root")] = None,
    token: Annotated[str | None, typer.Option(help="token the peer gave us, best as $env:NAME")] = None,
    deliver_to: Annotated[list[str] | None, typer.Option(help="who here sees what it sends (repeatable)")] = None,
) -> None:
    """Change a peer's address, token or recipients."""
    from ..store import parse_principal

    values: dict[str, object] = {}
    if url is not None:
        values.update(url=url, read_collection=None, write_collection=None)
    if token is not None:
        values["token"] = token
    if deliver_to:
        for principal in deliver_to:
            parse_principal(principal)
        values["recipients"] = deliver_to
    if not values:
        raise InputError("give --url, --token or --deliver-to")
    with _store() as store:
        store.exchange.update_peer(peer_id, **values)
    _err.print(f"peer {peer_id} updated")


@peers_app.command("list")
def peers_list() -> None:
    """List peers with their rules and sync state."""
    with _store() as store:
        rows = [
            p.__dict__ | {"rules": len(p.rules), "token": "set" if p.token else ""} for p in store.exchange.list_peers()
        ]
    print_table(rows, ["id", "agency", "url", "token", "recipients", "rules", "last_sync_at", "last_error"], "peers")


@peers_app.command("rule")
def peers_rule(
    peer_id: str,
    up_to: Annotated[
        str | None, typer.Option(help="CLEAR up to this marking (never implies AMBER+STRICT or RED)")
    ] = None,
    marking: Annotated[
        list[str] | None, typer.Option(help="a marking let through, named explicitly (repeatable)")
    ] = None,
    group: Annotated[list[str] | None, typer.Option(help="reports of this sharing group (repeatable)")] = None,
    agency: Annotated[list[str] | None, typer.Option(help="reports of this agency (repeatable)")] = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="ACLED type, sub-type or tag (repeatable)")] = None,
    border: Annotated[str | None, typer.Option(help="events near this border, e.g. DZA-TUN (with --km)")] = None,
    km: Annotated[float | None, typer.Option(help="at most this far from --border")] = None,
    polygon: Annotated[Path | None, typer.Option(help="events inside this GeoJSON polygon file")] = None,
    forward: Annotated[bool, typer.Option(help="also forward CLEAR/GREEN reports received from other peers")] = False,
    replace: Annotated[bool, typer.Option(help="replace the peer's rules instead of adding one")] = False,
    clear: Annotated[bool, typer.Option(help="remove every rule: nothing goes to the peer")] = False,
    show: Annotated[bool, typer.Option(help="print the peer's rules")] = False,
) -> None:
    """Add a rule saying what goes to a peer (a report goes when any rule lets it through)."""
    from ..share import PeerRule, Zone, parse_rules

    with _store() as store:
        current = store.exchange.peer(peer_id).rules
        if show:
            print(json.dumps(current, indent=2))
            return
        if clear:
            store.exchange.update_peer(peer_id, rules=[])
            _err.print(f"peer {peer_id}: no rules, nothing goes to it")
            return
        if up_to is None and not marking:
            raise InputError("say which markings go: --up-to GREEN and/or --marking RED")
        zone = None
        try:
            if border or km is not None:
                zone = Zone(border=border, km=km)
            elif polygon is not None:
                zone = Zone(polygon=_geometry(polygon))
            named = {_marking(m) for m in marking or []}
            fields = {
                "groups": frozenset(group or ()),
                "agencies": frozenset(agency or ()),
                "event_types": frozenset(type_ or ()),
                "zone": zone,
                "forward": forward,
            }
            rule = (
                PeerRule.up_to(_marking(up_to), also=named, **fields)
                if up_to
                else PeerRule(markings=frozenset(named), **fields)
            )
        except ValueError as exc:
            raise InputError(f"rule: {exc}") from None
        rules = [] if replace else parse_rules(current)
        rules.append(rule)
        store.exchange.update_peer(peer_id, rules=[r.model_dump(mode="json") for r in rules])
    names = ", ".join(m.value for m in sorted(rule.markings, key=lambda m: m.rank))
    _err.print(f"peer {peer_id}: rule added ({names}); {len(rules)} rule(s)", highlight=False)


def _geometry(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a GeoJSON file ({exc})") from None
    if data.get("type") == "FeatureCollection" and data.get("features"):
        data = data["features"][0]
    return data.get("geometry", data) if isinstance(data, dict) else {}


@peers_app.command("rights")
def peers_rights(
    peer_id: str,
    collection: Annotated[str, typer.Argument(help="collection alias (shared, inbox) or id")],
    read: Annotated[bool, typer.Option("--read/--no-read")] = False,
    write: Annotated[bool, typer.Option("--write/--no-write")] = False,
) -> None:
    """Set what a peer may do with one of our TAXII collections."""
    with _store() as store:
        store.exchange.set_rights(peer_id, collection, read=read, write=write)
    _err.print(f"peer {peer_id} on {collection}: read={read} write={write}")


@peers_app.command("sync")
def peers_sync(
    peer_ids: Annotated[list[str] | None, typer.Argument(help="peers to sync (default: every peer with a URL)")] = None,
    pull: Annotated[bool, typer.Option("--pull/--no-pull", help="receive what the peer shares with us")] = True,
    push: Annotated[bool, typer.Option("--push/--no-push", help="send what our rules share with it")] = True,
) -> None:
    """Pull from and push to peers over TAXII 2.1 (idempotent; after a cut, run it again to resume)."""
    from ..share import PeerClient

    settings = app_state.settings()
    failed = False
    with _store() as store:
        chosen = (
            [store.exchange.peer(p) for p in peer_ids]
            if peer_ids
            else [p for p in store.exchange.list_peers() if p.url]
        )
        for peer in chosen:
            try:
                client = PeerClient(store, peer, page_size=settings.taxii_page_size)
                try:
                    _err.print(client.sync(pull=pull, push=push).summary(), highlight=False)
                finally:
                    client.close()
            except PeerError as exc:
                _err.print(f"{peer.id}: error {exc}", style="bold red", highlight=False)
                failed = True
    if failed:
        raise typer.Exit(1)


@peers_app.command("remove")
def peers_remove(peer_id: str) -> None:
    """Remove a peer: its account is disabled and nothing more goes to it."""
    with _store() as store:
        store.exchange.remove_peer(peer_id)
    _err.print(f"peer {peer_id} removed")


@peers_app.command("serve")
def peers_serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8001,
) -> None:
    """Serve the TAXII 2.1 endpoints (and login) on their own, without the dashboard."""
    import uvicorn

    from ..share import create_share_app

    uvicorn.run(create_share_app(app_state.settings()), host=host, port=port, log_level="warning")


def import_cli(
    bundle: Annotated[Path, typer.Argument(help="a STIX 2.1 bundle (JSON)")],
    deliver_to: Annotated[
        list[str] | None, typer.Option(help="who here sees what it brings: agency:ID or user:ID (repeatable)")
    ] = None,
    default_marking: Annotated[str | None, typer.Option(help="marking of reports that carry none")] = None,
) -> None:
    """Import a STIX 2.1 bundle: reports with their events, markings kept (idempotent)."""
    from ..share import import_bundle

    settings = app_state.settings()
    recipients = tuple(deliver_to or [f"agency:{settings.agency}"])
    marking = _marking(default_marking) if default_marking else None
    with _store() as store:
        summary = import_bundle(
            store, bundle, Reader.local_admin(settings.agency), recipients=recipients, default_marking=marking
        )
    _err.print(f"imported: {summary.summary()}", highlight=False)
    for object_id, reason in summary.failures[:20]:
        _err.print(f"  {object_id}: {reason}", markup=False, highlight=False)
    if summary.failures:
        raise typer.Exit(1)


def mark_cli(
    report_id: str,
    marking: Annotated[str, typer.Argument(help="CLEAR, GREEN, AMBER, AMBER+STRICT or RED")],
    group: Annotated[list[str] | None, typer.Option(help="sharing groups (repeatable; default: unchanged)")] = None,
) -> None:
    """Re-mark one of our reports; peers that may (still) see it receive the new version at their next sync."""
    with _store() as store:
        store.exchange.set_marking(report_id, _marking(marking), group)
    _err.print(f"report {report_id} marked {marking.upper()}")


def withdraw_cli(report_id: str) -> None:
    """Delete one of our reports; the peers that had it receive the withdrawal at their next sync."""
    with _store() as store:
        store.exchange.withdraw(report_id)
    _err.print(f"report {report_id} withdrawn")
