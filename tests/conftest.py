"""Shared fixtures: the bundled report and small invented ones."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def transcript() -> str:
    """The bundled report, read as ``kg build`` reads it."""
    return (ROOT / "data" / "transcript.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def jiangsu() -> str:
    """An invented report of the same kind, with other people and places."""
    return (FIXTURES / "jiangsu.txt").read_text(encoding="utf-8")
