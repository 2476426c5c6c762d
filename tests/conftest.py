"""Fixtures: the seed pages. Builders live in tests/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED_001, SEEDS

__all__ = ["SEEDS"]


@pytest.fixture
def seeds() -> Path:
    """The seeds/ folder (raw pages, web copy, gold)."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The raw newspaper page 001 as text: LF line ends, no BOM, NFC."""
    return SEED_001.read_text(encoding="utf-8")
