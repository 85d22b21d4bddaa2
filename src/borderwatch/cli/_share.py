"""`borderwatch agencies|users|tokens|groups|audit ...`: accounts and the audit log, for the local administrator.

The CLI runs as the local administrator (who sees and may change everything, and is audited like anyone
else); `--as USER` reads as a given user instead.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import InputError
from ..model import Agency, Marking
from ..store import AuditQuery, Role, Store
from ._context import app_state
from ._tables import print_table

__all__ = ["agencies_app", "audit_cli", "groups_app", "tokens_app", "users_app"]

_out = Console(stderr=True, soft_wrap=True)  # messages; results go to stdout
agencies_app = typer.Typer(help="Agencies that file and receive reports.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts: admin, analyst, post (a field post), peer.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens (hashed, scoped, expiring, revocable).", no_args_is_help=True)
groups_app = typer.Typer(
    help="Sharing groups: agencies and named users a report may be shared with.", no_args_is_help=True
)


def _store() -> Store:
    return Store.open(app_state.settings())


# -- agencies -------------------------------------------------------------------------------------


@agencies_app.command("add")
def agencies_add(
    agency_id: Annotated[str, typer.Argument(help="short stable id, e.g. dz-mdn")],
    name: Annotated[str, typer.Option(help="full name")],
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2")] = None,
    if_missing: Annotated[bool, typer.Option("--if-missing", help="no error if it exists (for scripts)")] = False,
) -> None:
    """Add an agency."""
    try:
        agency = Agency(id=agency_id, name=name, country=country.upper() if country else None)
    except ValueError:
        raise InputError(f"agency id {agency_id!r}: lower-case letters, digits, '.', '_' and '-'") from None
    with _store() as store:
        if if_missing and agency_id in {a["id"] for a in store.accounts.list_agencies()}:
            return
        store.accounts.add_agency(agency)
    _out.print(f"agency {agency_id} added")


@agencies_app.command("country")
def agencies_country(
    agency_id: Annotated[str, typer.Argument(help="the agency's id")],
    country: Annotated[str | None, typer.Argument(help="ISO 3166-1 alpha-2; omit to clear it")] = None,
) -> None:
    """Set or clear an agency's country: extraction codes its posts' own forces and its communiqués' "our units"
    as that state's (`reports extract --all` codes stored reports again)."""
    with _store() as store:
        store.accounts.set_agency_country(agency_id, country)
    _out.print(f"agency {agency_id}: country {country.upper() if country else 'none'}")


@agencies_app.command("list")
def agencies_list() -> None:
    """List agencies with their number of users."""
    with _store() as store:
        print_table(store.accounts.list_agencies(), ["id", "name", "country", "users"], "agencies")


# -- users ----------------------------------------------------------------------------------------


def _password(stdin: bool, ask: bool) -> str | None:
    if stdin:
        return sys.stdin.readline().rstrip("\n")
    if ask:
        return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))
    return None


@users_app.command("add")
def users_add(
    user_id: Annotated[str, typer.Argument(help="login name")],
    agency: Annotated[str, typer.Option(help="the user's agency")],
    role: Annotated[Role, typer.Option(help="admin, analyst or post")] = Role.ANALYST,
    name: Annotated[str | None, typer.Option(help="display name")] = None,
    post: Annotated[str | None, typer.Option(help="post id, for a field post's account")] = None,
    password: Annotated[bool, typer.Option("--password", help="ask for a dashboard password")] = False,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from stdin")] = False,
    if_missing: Annotated[bool, typer.Option("--if-missing", help="no error if it exists (for scripts)")] = False,
) -> None:
    """Add a user (without a password the account uses API tokens only)."""
    if role is Role.PEER:
        raise InputError("a peer's account is made by `borderwatch peers add`")
    with _store() as store:
        if if_missing and user_id in {u.id for u in store.accounts.list_users()}:
            return
        store.accounts.add_user(
            user_id, agency, role, name=name, post_id=post, password=_password(password_stdin, password)
        )
    _out.print(f"user {user_id} ({role.value}, {agency}) added")


@users_app.command("list")
def users_list(agency: Annotated[str | None, typer.Option(help="only this agency")] = None) -> None:
    """List users."""
    with _store() as store:
        rows = [u.__dict__ | {"role": u.role.value} for u in store.accounts.list_users(agency)]
    print_table(rows, ["id", "agency", "role", "name", "post_id", "disabled"], "users")


@users_app.command("password")
def users_password(
    user_id: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from stdin")] = False,
) -> None:
    """Set a user's dashboard password (ends the user's sessions)."""
    with _store() as store:
        store.accounts.set_password(user_id, _password(password_stdin, True) or "")
    _out.print(f"password of {user_id} set")


@users_app.command("disable")
def users_disable(user_id: str) -> None:
    """Disable a user: sessions end and tokens are revoked."""
    with _store() as store:
        store.accounts.set_disabled(user_id, True)
    _out.print(f"user {user_id} disabled")


@users_app.command("enable")
def users_enable(user_id: str) -> None:
    """Enable a disabled user (revoked tokens stay revoked)."""
    with _store() as store:
        store.accounts.set_disabled(user_id, False)
    _out.print(f"user {user_id} enabled")


# -- tokens ---------------------------------------------------------------------------------------


@tokens_app.command("create")
def tokens_create(
    user_id: Annotated[str, typer.Argument(help="the token's user")],
    name: Annotated[str, typer.Option(help="what the token is for")],
    scope: Annotated[
        list[str] | None, typer.Option(help="read, write, admin, taxii (default: all of the role)")
    ] = None,
    days: Annotated[float | None, typer.Option(help="valid for this many days")] = None,
) -> None:
    """Create an API token and print it (once: only its hash is kept)."""
    settings = app_state.settings()
    with _store() as store:
        token, info = store.accounts.create_token(user_id, name, scope, days or settings.token_days)
    print(token)
    _out.print(
        f"token {info.id} for {user_id}, scopes {', '.join(sorted(info.scopes))}, "
        f"expires {info.expires_at:%Y-%m-%d %H:%M} UTC",
        style="dim",
        highlight=False,
    )


@tokens_app.command("list")
def tokens_list(user: Annotated[str | None, typer.Option(help="only this user's")] = None) -> None:
    """List tokens (never their secrets)."""
    with _store() as store:
        rows = store.accounts.list_tokens(user)
    columns = ["id", "user_id", "name", "scopes", "created_at", "expires_at", "revoked_at", "last_used_at"]
    print_table(rows, columns, "tokens")


@tokens_app.command("revoke")
def tokens_revoke(token_id: str) -> None:
    """Revoke a token at once."""
    with _store() as store:
        store.accounts.revoke_token(token_id)
    _out.print(f"token {token_id} revoked")


# -- sharing groups -------------------------------------------------------------------------------


@groups_app.command("add")
def groups_add(
    group_id: str,
    name: Annotated[str | None, typer.Option(help="display name, e.g. 'DZ-TN joint cell'")] = None,
    member: Annotated[list[str] | None, typer.Option(help="agency:ID or user:ID (repeatable)")] = None,
) -> None:
    """Add a sharing group (a report's `sharing_groups` name groups by id)."""
    with _store() as store:
        store.accounts.add_group(group_id, name)
        if member:
            store.accounts.set_members(group_id, member)
    _out.print(f"sharing group {group_id} added")


@groups_app.command("members")
def groups_members(
    group_id: str,
    add: Annotated[list[str] | None, typer.Option(help="agency:ID or user:ID to add (repeatable)")] = None,
    remove: Annotated[list[str] | None, typer.Option(help="agency:ID or user:ID to remove (repeatable)")] = None,
) -> None:
    """Add or remove members of a sharing group. RED reaches only members named as user:ID."""
    with _store() as store:
        if add:
            store.accounts.set_members(group_id, add)
        if remove:
            store.accounts.set_members(group_id, remove, remove=True)
    _out.print(f"sharing group {group_id} updated")


@groups_app.command("list")
def groups_list() -> None:
    """List sharing groups and their members."""
    with _store() as store:
        print_table(store.accounts.list_groups(), ["id", "name", "members"], "sharing groups")


# -- audit ----------------------------------------------------------------------------------------


def audit_cli(
    since: Annotated[str | None, typer.Option(help="from this date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="before this date, YYYY-MM-DD")] = None,
    user: Annotated[str | None, typer.Option(help="who (user id, or local-admin)")] = None,
    agency: Annotated[str | None, typer.Option(help="the actor's agency")] = None,
    action: Annotated[str | None, typer.Option(help="read, write, export, import, login, admin")] = None,
    interface: Annotated[str | None, typer.Option(help="cli, api, dashboard, taxii, sync")] = None,
    item: Annotated[str | None, typer.Option("--object", help="entries naming this report or event id")] = None,
    marking: Annotated[str | None, typer.Option(help="entries naming material with this marking")] = None,
    limit: Annotated[int, typer.Option(help="at most this many entries, newest first")] = 100,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    verify: Annotated[bool, typer.Option("--verify", help="check the hash chain of the whole log")] = False,
) -> None:
    """Query the audit log: every write, every read of AMBER or RED material, logins, administration."""
    with _store() as store:
        if verify:
            checked, broken = store.audit.verify()
            if broken is not None:
                where = "the newest entries were removed" if broken == -1 else f"entry {broken} was altered"
                raise InputError(f"audit log chain broken after {checked} entries: {where}")
            print(f"audit log intact: {checked} entries chained")
            return
        query = AuditQuery(
            since=_day(since),
            until=_day(until),
            actor=user,
            agency=agency,
            action=action,
            interface=interface,
            object_id=item,
            marking=_marking(marking) if marking else None,
            limit=limit,
        )
        rows = store.audit.entries(query)
    if output == "json":
        for row in rows:
            sys.stdout.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
        return
    for row in rows:
        objects = row["objects"]
        row["objects"] = (
            f"{len(objects)}: "
            + ", ".join(f"{o['id']} ({o['marking']})" for o in objects[:3])
            + (" ..." if len(objects) > 3 else "")
            if objects
            else ""
        )
    print_table(rows, ["id", "at", "actor", "agency", "interface", "action", "what", "objects"], "audit entries")


def _marking(value: str) -> Marking:
    try:
        return Marking.parse(value)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _day(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        raise InputError(f"{value!r}: expected a date YYYY-MM-DD") from None


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
