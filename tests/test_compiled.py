"""The compiled build (``KG_COMPILE=1``, see ``setup.py``) reads a report exactly as pure
Python does: the modules it lists compile with mypyc, and the bundled report read through
them gives the same extraction, offsets included."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_READ = """
import sys
import kg.extraction.names
from kg.extraction import read_text
report = read_text(open(sys.argv[1], encoding="utf-8").read(), name="transcript.txt")
print(kg.extraction.names.__file__)
print(repr(report.extraction), tuple(report.text.offsets))
"""


def compiled_modules() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    listed = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                  and any(getattr(t, "id", "") == "COMPILED" for t in node.targets))
    paths: list[str] = ast.literal_eval(listed)
    return paths


def read_with(kg_parent: Path) -> tuple[str, str]:
    """Where ``kg.extraction.names`` came from, and the bundled report as read, with the kg
    package found first in ``kg_parent``."""
    env = {**os.environ, "PYTHONPATH": str(kg_parent)}
    done = subprocess.run([sys.executable, "-c", _READ, str(ROOT / "data" / "transcript.txt")],
                          cwd=kg_parent, env=env, capture_output=True, text=True, timeout=300,
                          check=True)
    where, read = done.stdout.split("\n", 1)
    return where, read


def test_the_compiled_modules_are_modules_of_kg() -> None:
    paths = compiled_modules()
    assert paths and all(path.startswith("kg/") and (ROOT / path).is_file() for path in paths)


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None,
                    reason="no C compiler")
def test_compiled_modules_read_a_report_as_pure_python_does(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "kg", tmp_path / "kg",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    built = subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports",
                            *compiled_modules()], cwd=tmp_path, capture_output=True,
                           text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    where, compiled = read_with(tmp_path)
    assert Path(where).suffix == ".so"
    where, pure = read_with(ROOT)
    assert Path(where).suffix == ".py"
    assert compiled == pure
