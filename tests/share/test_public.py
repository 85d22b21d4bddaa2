"""The share package's `__all__` is sorted and names what it exports, like the other packages'."""

import importlib

import pytest


@pytest.mark.parametrize("name", ["borderwatch.share", "borderwatch.store"])
def test_all_is_sorted_and_importable(name: str) -> None:
    module = importlib.import_module(name)

    def key(symbol: str) -> tuple[int, str]:
        return (0 if symbol.isupper() else 1 if symbol[0].isupper() else 2, symbol)

    assert list(module.__all__) == sorted(module.__all__, key=key)
    for symbol in module.__all__:
        assert hasattr(module, symbol), symbol
