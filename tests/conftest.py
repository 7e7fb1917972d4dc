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


#: Debian's packages some tests need, each with a file that shows it installed: the
#: browser the view's tests drive (and a font for Chinese); Java and the OWL API for the
#: ontology's checks.
PACKAGES = {"chromium": "/usr/bin/chromium", "fonts-wqy-microhei": "/usr/share/fonts/truetype/wqy",
            "default-jre-headless": "/usr/bin/java",
            "libowlapi-java": "/usr/share/java/owlapi-distribution.jar"}


def pytest_sessionstart(session: pytest.Session) -> None:
    """Install the Debian packages of :data:`PACKAGES` that are missing, when we may: as
    root, as on CI. Elsewhere the tests that need them skip."""
    missing = [name for name, shown_by in PACKAGES.items() if not Path(shown_by).exists()]
    if not missing or not hasattr(os, "geteuid") or os.geteuid() != 0 \
            or not shutil.which("apt-get"):
        return
    command = f"apt-get update -qq && apt-get install -y -qq {' '.join(missing)}"
    subprocess.run(["sh", "-c", command], check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=900)
