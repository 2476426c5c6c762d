"""Fixtures: the seed pages. Builders live in tests/helpers.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import SEED_001, SEEDS
from hypothesis import HealthCheck, settings

# make test: a few hundred examples a property; make fuzz: 100,000 (HYPOTHESIS_PROFILE=fuzz).
# derandomize: make test draws the same examples every run (CI must not flake); make fuzz explores
settings.register_profile("test", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=100_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "test"))

__all__ = ["SEEDS"]


@pytest.fixture
def seeds() -> Path:
    """The seeds/ folder (raw pages, web copy, gold)."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The raw newspaper page 001 as text: LF line ends, no BOM, NFC."""
    return SEED_001.read_text(encoding="utf-8")
