"""Shared spaCy pipelines for the NLP tests: the real English model and the blank fallback."""

from __future__ import annotations

import pytest

from claimdesk.nlp.pipeline import LoadedPipeline, load_pipeline


@pytest.fixture(scope="session")
def pipeline() -> LoadedPipeline:
    """The pipeline the application uses; the tests need the real trained model."""
    loaded = load_pipeline()
    assert not loaded.limited, "the English spaCy model is not installed in this venv"
    return loaded


@pytest.fixture(scope="session")
def blank_pipeline() -> LoadedPipeline:
    """The rule-only fallback that load_pipeline returns when no model loads."""
    loaded = load_pipeline(names=("no_such_model",))
    assert loaded.limited
    return loaded
