"""Every error a user can meet, each with a code, in one place.

    BorderwatchError            base: the CLI prints "error E###: message" and exits 2
    ├── InputError              bad input: missing path, empty, binary, too large, undecodable, malformed
    │   └── FieldReportError    a structured field report whose field is wrong (names the field)
    ├── FeedError               a feed that cannot be fetched or is not a feed
    ├── PeerError               a peer installation that cannot be reached or answers wrongly (sync resumes)
    ├── StoreError              the database cannot be used
    │   ├── NotOurDatabaseError a file that is not a borderwatch database
    │   └── NewerDatabaseError  a database written by a newer borderwatch
    ├── NotFoundError           an id that does not exist (or that the reader may not see)
    ├── AccessDeniedError       an action the caller's account may not take (never for reading: hidden is missing)
    ├── AuthError               no valid credentials: unknown, expired or revoked token, bad password, locked
    └── ConfigError             a setting with a bad value

Messages are one line, name the thing at fault and say what was expected.
"""

from __future__ import annotations

__all__ = [
    "AccessDeniedError",
    "AuthError",
    "BorderwatchError",
    "ConfigError",
    "FeedError",
    "FieldReportError",
    "InputError",
    "NewerDatabaseError",
    "NotFoundError",
    "NotOurDatabaseError",
    "PeerError",
    "StoreError",
]


class BorderwatchError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(BorderwatchError):
    code = "E100"


class FieldReportError(InputError):
    code = "E110"


class FeedError(BorderwatchError):
    code = "E200"


class PeerError(BorderwatchError):
    code = "E210"


class StoreError(BorderwatchError):
    code = "E300"


class NotOurDatabaseError(StoreError):
    code = "E301"


class NewerDatabaseError(StoreError):
    code = "E302"


class NotFoundError(BorderwatchError):
    code = "E404"


class AccessDeniedError(BorderwatchError):
    code = "E403"


class AuthError(BorderwatchError):
    code = "E401"


class ConfigError(BorderwatchError):
    code = "E500"
