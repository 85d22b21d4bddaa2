"""Agencies, users, sharing groups, API tokens, dashboard sessions and login throttling.

Secrets are never stored: passwords as argon2id hashes, API tokens and session ids as SHA-256 of a random
256-bit secret (enough entropy that a fast hash is safe). Every change is recorded in the audit log by
the actor that made it; an agency's admin manages only its own agency, the local administrator anything.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, Engine, delete, func, or_, select, update

from ..errors import AccessDeniedError, AuthError, InputError, NotFoundError
from ..model import Agency
from ._access import Reader, Role
from ._audit import current_actor, record
from ._exchange import now_utc
from ._schema import agencies, api_tokens, group_members, login_failures, sessions, sharing_groups, users

__all__ = ["SCOPES", "Accounts", "LoginThrottled", "Session", "TokenInfo", "User", "parse_principal", "scopes_of"]

SCOPES = ("admin", "read", "taxii", "write")
_ROLE_SCOPES = {
    Role.ADMIN: {"admin", "read", "write"},
    Role.ANALYST: {"read", "write"},
    Role.POST: {"read", "write"},
    Role.PEER: {"taxii"},
}
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("borderwatch: no such user")
_TOUCH_EVERY = timedelta(seconds=60)


class LoginThrottled(AuthError):
    """Too many failed logins: wait `retry_after` seconds."""

    code = "E429"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class User:
    id: str
    agency: str
    role: Role
    name: str | None
    post_id: str | None
    disabled: bool


@dataclass(frozen=True)
class TokenInfo:
    id: str
    user: User
    scopes: frozenset[str]
    expires_at: datetime


@dataclass(frozen=True)
class Session:
    user: User
    csrf_token: str
    expires_at: datetime


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _user(row: Any) -> User:
    return User(row.id, row.agency, Role(row.role), row.name, row.post_id, bool(row.disabled))


class Accounts:
    def __init__(self, engine: Engine, *, session_hours: float = 12, idle_minutes: float = 60) -> None:
        self._engine = engine
        self.session_hours = session_hours
        self.idle_minutes = idle_minutes

    # -- agencies and users ---------------------------------------------------------------------

    def add_agency(self, agency: Agency, actor: Reader | None = None) -> None:
        actor = actor or current_actor()
        _require_local_admin(actor, "add agencies")
        with self._engine.begin() as c:
            if c.execute(select(agencies.c.id).where(agencies.c.id == agency.id)).scalar():
                raise InputError(f"agency {agency.id!r} already exists")
            country = _country_code(agency.country)
            c.execute(agencies.insert().values(id=agency.id, name=agency.name, country=country))
            record(c, actor, "admin", f"add agency {agency.id}", agency.model_dump())

    def set_agency_country(self, agency_id: str, country: str | None, actor: Reader | None = None) -> None:
        """Set an agency's country (ISO 3166-1 alpha-2; None clears it): extraction codes a post's own forces
        and a ministry's "our units" as that state's."""
        actor = actor or current_actor()
        _require_local_admin(actor, "change agencies")
        code = _country_code(country)
        with self._engine.begin() as c:
            changed = c.execute(update(agencies).where(agencies.c.id == agency_id).values(country=code)).rowcount
            if not changed:
                raise NotFoundError(f"no agency {agency_id!r}")
            record(c, actor, "admin", f"set country of agency {agency_id}", {"country": code})

    def ensure_agency(self, connection: Connection, agency_id: str, name: str | None = None) -> None:
        """Register an agency met in data (a report's originating agency, a peer's agency) if unknown."""
        if connection.execute(select(agencies.c.id).where(agencies.c.id == agency_id)).scalar() is None:
            connection.execute(agencies.insert().values(id=agency_id, name=name or agency_id))

    def agency_name(self, agency_id: str) -> str:
        """The agency's name, or its id when it is not registered."""
        with self._engine.connect() as c:
            name = c.execute(select(agencies.c.name).where(agencies.c.id == agency_id)).scalar()
        return str(name) if name is not None else agency_id

    def agency_countries(self, agency_ids: Iterable[str]) -> dict[str, str]:
        """The country (ISO 3166-1 alpha-2, upper case) of each of these agencies that has one."""
        wanted = sorted(set(agency_ids))
        if not wanted:
            return {}
        stmt = select(agencies.c.id, agencies.c.country).where(
            agencies.c.id.in_(wanted), agencies.c.country.is_not(None)
        )
        with self._engine.connect() as c:
            rows = c.execute(stmt).all()
        # A hand-edited row may hold anything: only a two-letter code is a country.
        codes = {str(r.id): str(r.country).upper() for r in rows}
        return {agency: code for agency, code in codes.items() if len(code) == 2 and code.isalpha()}

    def list_agencies(self) -> list[dict[str, Any]]:
        with self._engine.connect() as c:
            counts = select(func.count()).where(users.c.agency == agencies.c.id).scalar_subquery().label("users")
            return [dict(r._mapping) for r in c.execute(select(agencies, counts).order_by(agencies.c.id))]

    def add_user(
        self,
        user_id: str,
        agency: str,
        role: Role,
        *,
        name: str | None = None,
        post_id: str | None = None,
        password: str | None = None,
        actor: Reader | None = None,
    ) -> User:
        actor = actor or current_actor()
        _require_admin_of(actor, agency)
        Agency(id=user_id, name="check")  # the same slug rule as agency ids
        if role is Role.POST and not post_id:
            raise InputError(f"user {user_id!r}: a field post's account needs --post")
        if password is not None:
            _check_password(password)
        with self._engine.begin() as c:
            if c.execute(select(agencies.c.id).where(agencies.c.id == agency)).scalar() is None:
                raise NotFoundError(f"no agency {agency!r}")
            if c.execute(select(users.c.id).where(users.c.id == user_id)).scalar():
                raise InputError(f"user {user_id!r} already exists")
            c.execute(
                users.insert().values(
                    id=user_id,
                    agency=agency,
                    role=role.value,
                    name=name,
                    post_id=post_id,
                    password_hash=_hasher.hash(password) if password else None,
                    disabled=False,
                    created_at=now_utc(),
                )
            )
            record(c, actor, "admin", f"add user {user_id}", {"agency": agency, "role": role.value})
        return User(user_id, agency, role, name, post_id, False)

    def get_user(self, user_id: str) -> User:
        with self._engine.connect() as c:
            row = c.execute(select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise NotFoundError(f"no user {user_id!r}")
        return _user(row)

    def list_users(self, agency: str | None = None) -> list[User]:
        stmt = select(users).order_by(users.c.agency, users.c.id)
        if agency:
            stmt = stmt.where(users.c.agency == agency)
        with self._engine.connect() as c:
            return [_user(r) for r in c.execute(stmt)]

    def set_password(self, user_id: str, password: str, actor: Reader | None = None) -> None:
        actor = actor or current_actor()
        user = self.get_user(user_id)
        if actor.user != user_id:
            _require_admin_of(actor, user.agency)
        _check_password(password)
        with self._engine.begin() as c:
            c.execute(update(users).where(users.c.id == user_id).values(password_hash=_hasher.hash(password)))
            c.execute(update(sessions).where(sessions.c.user_id == user_id).values(revoked_at=now_utc()))
            record(c, actor, "admin", f"set password of {user_id}")

    def set_disabled(self, user_id: str, disabled: bool, actor: Reader | None = None) -> None:
        actor = actor or current_actor()
        _require_admin_of(actor, self.get_user(user_id).agency)
        with self._engine.begin() as c:
            c.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))
            if disabled:
                now = now_utc()
                c.execute(update(sessions).where(sessions.c.user_id == user_id).values(revoked_at=now))
                c.execute(
                    update(api_tokens)
                    .where(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
            record(c, actor, "admin", f"{'disable' if disabled else 'enable'} user {user_id}")

    # -- sharing groups -------------------------------------------------------------------------

    def add_group(self, group_id: str, name: str | None = None, description: str | None = None) -> None:
        actor = current_actor()
        _require_local_admin(actor, "define sharing groups")
        Agency(id=group_id, name="check")
        with self._engine.begin() as c:
            if c.execute(select(sharing_groups.c.id).where(sharing_groups.c.id == group_id)).scalar():
                raise InputError(f"sharing group {group_id!r} already exists")
            c.execute(
                sharing_groups.insert().values(
                    id=group_id, name=name or group_id, description=description, created_at=now_utc()
                )
            )
            record(c, actor, "admin", f"add sharing group {group_id}")

    def set_members(self, group_id: str, members: Iterable[str], *, remove: bool = False) -> None:
        """Add (or remove) members given as 'agency:ID' or 'user:ID'."""
        actor = current_actor()
        _require_local_admin(actor, "change sharing groups")
        parsed = [parse_principal(m) for m in members]
        with self._engine.begin() as c:
            if not c.execute(select(sharing_groups.c.id).where(sharing_groups.c.id == group_id)).scalar():
                raise NotFoundError(f"no sharing group {group_id!r}")
            for kind, member in parsed:
                key = {"group_id": group_id, "kind": kind, "member": member}
                exists = c.execute(select(group_members).filter_by(**key)).first()
                if remove and exists:
                    c.execute(delete(group_members).filter_by(**key))
                elif not remove and not exists:
                    c.execute(group_members.insert().values(**key))
            verb = "remove from" if remove else "add to"
            record(c, actor, "admin", f"{verb} group {group_id}", {"members": [f"{k}:{m}" for k, m in parsed]})

    def list_groups(self) -> list[dict[str, Any]]:
        with self._engine.connect() as c:
            groups = [dict(r._mapping) for r in c.execute(select(sharing_groups).order_by(sharing_groups.c.id))]
            members: dict[str, list[str]] = {}
            for r in c.execute(select(group_members).order_by(group_members.c.kind, group_members.c.member)):
                members.setdefault(r.group_id, []).append(f"{r.kind}:{r.member}")
        for group in groups:
            group["members"] = members.get(group["id"], [])
        return groups

    def reader_for(self, user: User | str, interface: str = "api") -> Reader:
        """The reader a user's requests read as, with the groups that name the user or its agency."""
        if isinstance(user, str):
            user = self.get_user(user)
        if user.disabled:
            raise AuthError(f"user {user.id!r} is disabled")
        with self._engine.connect() as c:
            rows = c.execute(
                select(group_members.c.group_id, group_members.c.kind).where(
                    or_(
                        (group_members.c.kind == "agency") & (group_members.c.member == user.agency),
                        (group_members.c.kind == "user") & (group_members.c.member == user.id),
                    )
                )
            ).all()
        return Reader(
            agency=user.agency,
            user=user.id,
            role=user.role,
            groups=frozenset(g for g, _ in rows),
            named_groups=frozenset(g for g, kind in rows if kind == "user"),
            post_id=user.post_id,
            interface=interface,
        )

    # -- API tokens -----------------------------------------------------------------------------

    def create_token(
        self, user_id: str, name: str, scopes: Iterable[str] | None = None, days: float = 90
    ) -> tuple[str, TokenInfo]:
        """A new token; its secret is returned once and never stored."""
        actor = current_actor()
        user = self.get_user(user_id)
        if actor.user != user_id:
            _require_admin_of(actor, user.agency)
        allowed = _ROLE_SCOPES[user.role]
        wanted = set(scopes) if scopes else set(allowed)
        if not wanted <= allowed:
            raise InputError(f"a {user.role.value} account may have scopes {sorted(allowed)}, not {sorted(wanted)}")
        if not 0 < days <= 366:
            raise InputError("a token expires after 1 day to 1 year (--days)")
        token_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
        now = now_utc()
        expires = now + timedelta(days=days)
        with self._engine.begin() as c:
            c.execute(
                api_tokens.insert().values(
                    id=token_id,
                    user_id=user_id,
                    name=name,
                    secret_hash=_digest(secret),
                    scopes=sorted(wanted),
                    created_at=now,
                    expires_at=expires,
                )
            )
            record(c, actor, "admin", f"create token {token_id} for {user_id}", {"scopes": sorted(wanted)})
        return f"bw_{token_id}_{secret}", TokenInfo(token_id, user, frozenset(wanted), expires)

    def list_tokens(self, user_id: str | None = None) -> list[dict[str, Any]]:
        stmt = select(api_tokens).order_by(api_tokens.c.created_at)
        if user_id:
            stmt = stmt.where(api_tokens.c.user_id == user_id)
        with self._engine.connect() as c:
            return [{k: v for k, v in r._mapping.items() if k != "secret_hash"} for r in c.execute(stmt)]

    def revoke_token(self, token_id: str) -> None:
        actor = current_actor()
        with self._engine.begin() as c:
            row = c.execute(
                select(api_tokens.c.user_id, users.c.agency)
                .join(users, users.c.id == api_tokens.c.user_id)
                .where(api_tokens.c.id == token_id)
            ).first()
            if row is None:
                raise NotFoundError(f"no token {token_id!r}")
            if actor.user != row.user_id:
                _require_admin_of(actor, row.agency)
            c.execute(update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=now_utc()))
            record(c, actor, "admin", f"revoke token {token_id}")

    def authenticate_token(self, token: str) -> TokenInfo:
        """The token's user and scopes; AuthError for anything unknown, malformed, expired or revoked."""
        if not token.startswith("bw_") or len(token) < 21 or token[19] != "_":
            raise AuthError("not a borderwatch API token")
        token_id, secret = token[3:19], token[20:]
        now = now_utc()
        with self._engine.connect() as c:
            row = c.execute(
                select(api_tokens, users)
                .join(users, users.c.id == api_tokens.c.user_id)
                .where(api_tokens.c.id == token_id)
            ).first()
        if row is None or not hmac.compare_digest(row.secret_hash, _digest(secret)):
            raise AuthError("unknown API token")
        if row.revoked_at is not None:
            raise AuthError("revoked API token")
        if row.expires_at <= now:
            raise AuthError("expired API token")
        if row.disabled:
            raise AuthError("API token of a disabled user")
        if row.last_used_at is None or now - row.last_used_at > _TOUCH_EVERY:
            with self._engine.begin() as c:
                c.execute(update(api_tokens).where(api_tokens.c.id == token_id).values(last_used_at=now))
        user = User(row.user_id, row.agency, Role(row.role), row.name, row.post_id, bool(row.disabled))
        return TokenInfo(token_id, user, frozenset(row.scopes), row.expires_at)

    # -- dashboard sessions ---------------------------------------------------------------------

    def login(self, username: str, password: str, client: str) -> tuple[str, Session]:
        """A new session (its cookie secret, returned once) or AuthError; failures are throttled."""
        self._check_throttle(username, client)
        with self._engine.connect() as c:
            row = c.execute(select(users).where(users.c.id == username)).first()
        ok = _verify(row.password_hash if row is not None and row.password_hash else _DUMMY_HASH, password)
        user = _user(row) if row is not None else None
        reader = Reader(agency=user.agency if user else "-", user=username[:64], interface="dashboard")
        if not ok or user is None or user.disabled or row is None or not row.password_hash:
            with self._engine.begin() as c:
                c.execute(login_failures.insert().values(username=username[:128], client=client[:128], at=now_utc()))
                record(c, reader, "login", "failed login", {"client": client[:128]})
            raise AuthError("wrong user name or password")
        secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = now_utc()
        expires = now + timedelta(hours=self.session_hours)
        with self._engine.begin() as c:
            c.execute(delete(login_failures).where(login_failures.c.username == username))
            c.execute(
                sessions.insert().values(
                    id_hash=_digest(secret),
                    user_id=user.id,
                    csrf_token=csrf,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=expires,
                    client=client[:128],
                )
            )
            record(c, reader.model_copy(update={"role": user.role}), "login", "login", {"client": client[:128]})
        return secret, Session(user, csrf, expires)

    def session(self, secret: str) -> Session:
        now = now_utc()
        with self._engine.connect() as c:
            row = c.execute(
                select(sessions, users)
                .join(users, users.c.id == sessions.c.user_id)
                .where(sessions.c.id_hash == _digest(secret))
            ).first()
        idle = timedelta(minutes=self.idle_minutes)
        if row is None or row.revoked_at is not None or row.expires_at <= now or row.last_seen_at + idle <= now:
            raise AuthError("no valid session; log in again")
        if row.disabled:
            raise AuthError("user is disabled")
        if now - row.last_seen_at > _TOUCH_EVERY:
            with self._engine.begin() as c:
                c.execute(update(sessions).where(sessions.c.id_hash == row.id_hash).values(last_seen_at=now))
        user = User(row.user_id, row.agency, Role(row.role), row.name, row.post_id, bool(row.disabled))
        return Session(user, row.csrf_token, row.expires_at)

    def logout(self, secret: str) -> None:
        with self._engine.begin() as c:
            c.execute(update(sessions).where(sessions.c.id_hash == _digest(secret)).values(revoked_at=now_utc()))

    def _check_throttle(self, username: str, client: str) -> None:
        """After 5 failures for a user name (20 for a client) in 15 minutes, wait 2, 4, 8 ... 900 s."""
        since = now_utc() - timedelta(minutes=15)
        with self._engine.connect() as c:
            for column, value, free in (
                (login_failures.c.username, username, 4),
                (login_failures.c.client, client, 19),
            ):
                n, last = c.execute(
                    select(func.count(), func.max(login_failures.c.at)).where(
                        column == value, login_failures.c.at >= since
                    )
                ).one()
                if n > free:
                    wait = min(900, 2 ** (n - free))
                    left = (last + timedelta(seconds=wait) - now_utc()).total_seconds()
                    if left > 0:
                        raise LoginThrottled(f"too many failed logins; try again in {int(left) + 1} s", int(left) + 1)


def scopes_of(role: Role) -> frozenset[str]:
    """Every scope an account of this role may hold (a session holds them all)."""
    return frozenset(_ROLE_SCOPES[role])


def parse_principal(value: str) -> tuple[str, str]:
    kind, _, member = value.partition(":")
    if kind not in ("agency", "user") or not member:
        raise InputError(f"member {value!r}: expected agency:ID or user:ID")
    return kind, member


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _check_password(password: str) -> None:
    if len(password) < 12:
        raise InputError("a password has at least 12 characters")


def _require_local_admin(actor: Reader, what: str) -> None:
    if not actor.all_seeing:
        raise AccessDeniedError(f"only the local administrator may {what}")


def _country_code(country: str | None) -> str | None:
    """An agency's country as stored: an ISO 3166-1 alpha-2 code in capitals, or None."""
    if country is None:
        return None
    if not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise InputError(f"country {country!r}: expected an ISO 3166-1 alpha-2 code such as DZ")
    return country.upper()


def _require_admin_of(actor: Reader, agency: str) -> None:
    if actor.all_seeing:
        return
    if actor.role is not Role.ADMIN or actor.agency != agency:
        raise AccessDeniedError(f"{actor.actor} is not an administrator of agency {agency!r}")
