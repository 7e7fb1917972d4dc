"""The ``kg`` group: help, version, ``python -m kg``, usage errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg import __version__
from tests.cli.common import (
    ROOT,
    TRANSCRIPT,
    run,
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "-o", "{tmp}"], "name the REPORTS to read"),
        (["build", str(TRANSCRIPT)], "Missing option '-o'"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "notadate"],
         "'notadate' is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "15"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "1900"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "2016-13-01"], "is not a date"),
        (["build", str(TRANSCRIPT), "-o", "{tmp}", "--date", "2016-02-30"], "is not a date"),
        (["query", "x", "--format", "xml"], "'xml' is not one of"),
        (["query"], "Missing argument 'QUERY'"),
        (["nosuchcommand"], "No such command"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = run(*(a.replace("{tmp}", str(out)) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Usage: " in result.stderr
    assert message in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", [[], ["build"], ["query"]], ids=["kg", "build", "query"])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")
    assert "Example:" in result.stdout
    assert result.stderr == ""


def test_version_says_which_data_kg_reads_with() -> None:
    result = run("--version")
    assert result.exit_code == 0
    kg, codes, lexicons, data = result.stdout.splitlines()
    assert kg == f"kg {__version__}"
    assert re.fullmatch(r"area codes  1981–20\d\d, [\d,]+ divisions \(.+CC0 1\.0\)", codes)
    counts = dict(re.findall(r"([a-z ]+?) (\d[\d,]*)(?:, |$)",
                             lexicons.removeprefix("lexicons").strip()))
    assert set(counts) == {"titles", "organisation kinds", "national bodies", "countries",
                           "surnames"}
    assert all(int(n.replace(",", "")) > 50 for n in counts.values())
    assert re.fullmatch(r"data        [0-9a-f]{12}", data)


def test_python_dash_m() -> None:
    completed = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True,
                               text=True, encoding="utf-8", cwd=ROOT, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("Usage: ")
    assert "Example:" in completed.stdout
    assert "build" in completed.stdout and "query" in completed.stdout
