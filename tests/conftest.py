"""Shared fixtures: the spaCy model once per session, the ../shared folder (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "examples").is_dir():
        pytest.skip("../shared is absent: the acceptance tests on the example articles need it")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from tidings.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline()
