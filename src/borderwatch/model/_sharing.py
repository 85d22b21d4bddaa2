"""Who a report comes from and who may see it: agencies and TLP 2.0 markings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Agency", "Marking"]


class Marking(StrEnum):
    """Traffic Light Protocol 2.0 labels, from most to least shareable.

    CLEAR: anyone. GREEN: the community, not the public. AMBER: the receiving
    agency and its clients on a need-to-know basis. AMBER+STRICT: the receiving
    agency only. RED: named recipients only.
    """

    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"

    @property
    def rank(self) -> int:
        """0 for CLEAR up to 4 for RED: a higher rank is more restrictive."""
        return list(Marking).index(self)

    @classmethod
    def parse(cls, value: str) -> Marking:
        """Accept "amber", "TLP:AMBER", "amber+strict", "AMBER_STRICT" and the like."""
        key = value.strip().upper().removeprefix("TLP:").replace("_", "+").replace(" ", "+")
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown marking {value!r} (expected one of {names})") from None


class Agency(BaseModel):
    """An organisation that files or receives reports (a ministry cell, a border post's command)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$", description="short stable slug, e.g. 'dz-mdn'")
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
