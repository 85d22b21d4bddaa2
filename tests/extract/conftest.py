"""Fixtures for the extraction tests: the spaCy-backed pieces are loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from borderwatch.extract import Extractor

    return Extractor()


@pytest.fixture
def modal_extractor(extractor):
    """The session's extractor, keeping events that did not happen (with their modality) for one test."""
    extractor.keep_modal = True
    yield extractor
    extractor.keep_modal = False


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
