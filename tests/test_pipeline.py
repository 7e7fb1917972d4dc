"""The main job: reports in, a deterministic graph and view out, all or nothing."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.files
from kg.cli import cli
from kg.errors import InputError
from kg.pipeline import VIEW, Summary, build
from tests.test_files import disk_full_on_file, failing_on_call, listing

ROOT = Path(__file__).parents[1]
TRANSCRIPT = ROOT / "data" / "transcript.txt"
JIANGSU = Path(__file__).parent / "fixtures" / "jiangsu.txt"
NAMES = ("graph.ttl", "graph.jsonld", VIEW)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Summary]:
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second")
    summary = build([TRANSCRIPT], first)
    build([TRANSCRIPT], second)
    return first, second, summary


@pytest.mark.parametrize("name", NAMES)
def test_build_is_deterministic(two_builds: tuple[Path, Path, Summary], name: str) -> None:
    first, second, _ = two_builds
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_build_summary(two_builds: tuple[Path, Path, Summary]) -> None:
    first, _, summary = two_builds
    assert summary.files == tuple(first / name for name in NAMES)
    assert listing(first) == sorted(NAMES)
    assert summary.triples > 1000
    assert summary.people > 0 and summary.posts >= summary.people // 2
    assert summary.groups > 0 and summary.quotations > 0


def test_built_files_are_readable_by_others(tmp_path: Path,
                                            umask: Callable[[int], None]) -> None:
    umask(0o022)
    result = CliRunner().invoke(cli, ["build", str(JIANGSU), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) & 0o044 == 0o044, name


def test_build_reads_everything_before_writing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="is empty"):
        build([JIANGSU, empty], out)
    assert not out.exists()


@pytest.mark.parametrize("how", ["write", "rename"])
def test_cli_failure_midway_exits_1_and_leaves_nothing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      how: str) -> None:
    if how == "write":
        disk_full_on_file(monkeypatch, 2)
    else:
        monkeypatch.setattr(kg.files.os, "replace",
                            failing_on_call(os.replace, 2, OSError(errno.EIO, "I/O error")))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(JIANGSU), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {out}: cannot write the output (")
    assert listing(out) == []


def test_cli_failed_rebuild_keeps_the_earlier_build(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(JIANGSU), "-o", str(out)]).exit_code == 0
    before = {name: (out / name).read_bytes() for name in NAMES}
    monkeypatch.setattr(kg.files.os, "replace",
                        failing_on_call(os.replace, 2, OSError(errno.EIO, "I/O error")))
    # a different --date changes the graph, so a half-done rebuild would show
    result = CliRunner().invoke(cli, ["build", str(JIANGSU), "-o", str(out), "--date", "1999"])
    assert result.exit_code == 1, result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_the_same_report_twice_counts_once(tmp_path: Path) -> None:
    summary = build([TRANSCRIPT, TRANSCRIPT, JIANGSU], tmp_path)
    once = build([TRANSCRIPT, JIANGSU], tmp_path / "once")
    assert summary.people == once.people and summary.triples == once.triples
    assert summary.genres == (("study-meeting", 2),)
    assert summary.detected


def test_summary_counts_what_the_graph_holds(tmp_path: Path) -> None:
    summary = build([TRANSCRIPT], tmp_path, genre="study-meeting")
    assert (summary.people, summary.groups) == (104, 6)
    assert not summary.detected
