"""The package as users install it: a wheel holds every module and data file of kg/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    (built,) = out.glob("kg-*.whl")
    with zipfile.ZipFile(built) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_file_of_the_package(wheel: set[str]) -> None:
    shipped = {str(p.relative_to(ROOT)) for p in (ROOT / "kg").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert shipped - wheel == set()
    assert not {name for name in wheel if name.startswith("tests/")}
