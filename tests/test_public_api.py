"""Every package's `__all__` is sorted and names what it exports (as httpx checks its own)."""

import importlib

import pytest

PACKAGES = [
    "borderwatch.model",
    "borderwatch.ingest",
    "borderwatch.extract",
    "borderwatch.store",
    "borderwatch.api",
    "borderwatch.zones",
    "borderwatch.sitrep",
    "borderwatch.scale",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_importable(name: str) -> None:
    module = importlib.import_module(name)

    # isort-style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions.
    def key(symbol: str) -> tuple[int, str]:
        return (0 if symbol.isupper() else 1 if symbol[0].isupper() else 2, symbol)

    assert list(module.__all__) == sorted(module.__all__, key=key)
    for symbol in module.__all__:
        assert hasattr(module, symbol), symbol
