"""Shared fixtures: the bundled report and small invented ones."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
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


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, restoring it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield os.umask
    os.umask(saved)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Install the browser the view's tests drive (Debian's chromium, and a font for
    Chinese) when it is missing and we may: as root, as on CI. Elsewhere those tests skip."""
    if shutil.which("chromium") or not hasattr(os, "geteuid") or os.geteuid() != 0 \
            or not shutil.which("apt-get"):
        return
    command = "apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei"
    subprocess.run(["sh", "-c", command], check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=900)
