"""Fixtures of the places tests: one Geoparser on the default index (built by `make setup`, else on first use).

Every report text here is synthetic: invented incidents in real places, written for these tests.
"""

from __future__ import annotations

import pytest

from borderwatch.geo import Geoparser
from borderwatch.settings import Settings


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    return Geoparser(Settings.load().gazetteer)
