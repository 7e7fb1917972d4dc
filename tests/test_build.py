"""Tests for kg.build: reading reports, determinism, and writing the outputs atomically.

The contract of :func:`kg.build.write_atomically` (and so of ``kg build``):

* every file is written to a temporary ``.NAME.*`` file in the output directory, and only when
  all of them are written are they renamed into place;
* if anything fails (writing, or renaming), the temporary files are removed, files already
  renamed are put back as they were (an earlier build's output restored, a new file removed),
  and an :class:`~kg.errors.OutputError` is raised: the directory holds what it held before;
* the files are readable like any file the user writes: mode ``0o666 & ~umask``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg.files
from kg.build import VIEW, Summary, build, read_report
from kg.cli import cli
from kg.errors import InputError, OutputError
from kg.files import write_atomically

ROOT = Path(__file__).parents[1]
TRANSCRIPT = ROOT / "data" / "transcript.txt"
JIANGSU = Path(__file__).parent / "fixtures" / "jiangsu.txt"
NAMES = ("graph.ttl", "graph.jsonld", VIEW)
CONTENTS = {"graph.ttl": "ttl ✓\n", "graph.jsonld": "{}\n", "graph.html": "<html></html>\n"}
OLD = {name: f"old {name}\n" for name in CONTENTS}


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def contents_of(directory: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in directory.iterdir()}


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, restoring it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield os.umask
    os.umask(saved)


def failing_on_call(function: Callable[..., Any], call: int,
                    error: OSError) -> Callable[..., Any]:
    """``function``, except that its ``call``-th call (counting from 1) raises ``error``."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == call:
            raise error
        return function(*args, **kwargs)

    return wrapper


class _DiskFullStream:
    """A text stream that writes a little, then fails as a full disk does."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> _DiskFullStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, text: str) -> int:
        self.stream.write(text[: len(text) // 2])
        self.stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def disk_full_on_file(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """Make the ``number``-th file kg.build opens for writing fail half-way (ENOSPC)."""
    real_fdopen = os.fdopen
    opened = 0

    def fdopen(*args: Any, **kwargs: Any) -> Any:
        nonlocal opened
        opened += 1
        stream = real_fdopen(*args, **kwargs)
        return _DiskFullStream(stream) if opened == number else stream

    monkeypatch.setattr(kg.files.os, "fdopen", fdopen)


# --------------------------------------------------------------------------- read_report


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", " \r\n\t\u3000\n".encode(), "is empty"),
        ("nul.txt", "杭州\x00".encode(), "looks binary"),
        ("gbk.txt", "杭州市总工会主席".encode("gb18030"), "is not UTF-8 text (byte 0)"),
        ("latin1.txt", "杭州 ".encode() + "é".encode("latin-1"),
         "is not UTF-8 text (byte 7)"),
    ],
)
def test_read_report_refuses(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_report(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_read_report_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_report(tmp_path)


def test_read_report_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行\r\n".encode())
    assert read_report(path) == "第一行\n第二行\n"  # universal newlines, as Path.read_text


# --------------------------------------------------------------------------- build


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


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_files_get_the_umask_mode(tmp_path: Path, umask: Callable[[int], None], mask: int,
                                  mode: int) -> None:
    """Not mkstemp's 0600: the mode a plain open() would give."""
    umask(mask)
    written = write_atomically(tmp_path / "out", CONTENTS)
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [mode] * len(CONTENTS)


def test_built_files_are_readable_by_others(tmp_path: Path,
                                            umask: Callable[[int], None]) -> None:
    umask(0o022)
    result = CliRunner().invoke(cli, ["build", str(JIANGSU), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) & 0o044 == 0o044, name


def test_build_creates_nested_output_dirs(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "c"
    write_atomically(out, CONTENTS)
    assert contents_of(out) == CONTENTS


def test_build_reads_everything_before_writing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="is empty"):
        build([JIANGSU, empty], out)
    assert not out.exists()


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("number", [1, 2, 3])
def test_write_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      number: int) -> None:
    disk_full_on_file(monkeypatch, number)
    out = tmp_path / "out"
    with pytest.raises(OutputError) as caught:
        write_atomically(out, CONTENTS)
    assert str(caught.value) == (f"{out}: cannot write the output (No space left on device); "
                                 "choose another directory with -o")
    assert listing(out) == []


@pytest.mark.parametrize("number", [1, 2, 3])
def test_rename_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       number: int) -> None:
    monkeypatch.setattr(kg.files.os, "replace",
                        failing_on_call(os.replace, number, OSError(errno.EIO, "I/O error")))
    out = tmp_path / "out"
    with pytest.raises(OutputError, match=r"cannot write the output \(I/O error\)"):
        write_atomically(out, CONTENTS)
    assert listing(out) == []


@pytest.mark.parametrize("number", [1, 2, 3])
def test_failure_keeps_an_earlier_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        number: int) -> None:
    """A failed rebuild leaves the earlier build's files exactly as they were."""
    out = tmp_path / "out"
    out.mkdir()
    for name, text in OLD.items():
        (out / name).write_text(text, encoding="utf-8")
        (out / name).chmod(0o640)
    monkeypatch.setattr(kg.files.os, "replace",
                        failing_on_call(os.replace, number, OSError(errno.EIO, "I/O error")))
    with pytest.raises(OutputError):
        write_atomically(out, CONTENTS)
    assert contents_of(out) == OLD  # no temporary or backup files either
    assert {stat.S_IMODE((out / name).stat().st_mode) for name in OLD} == {0o640}


def test_failure_keeps_other_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "graph.ttl").write_text(OLD["graph.ttl"], encoding="utf-8")
    monkeypatch.setattr(kg.files.os, "replace",
                        failing_on_call(os.replace, 3, OSError(errno.EIO, "I/O error")))
    with pytest.raises(OutputError):
        write_atomically(out, CONTENTS)
    assert contents_of(out) == {"notes.txt": "mine\n", "graph.ttl": OLD["graph.ttl"]}


def test_success_replaces_an_earlier_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, text in OLD.items():
        (out / name).write_text(text, encoding="utf-8")
    assert write_atomically(out, CONTENTS) == tuple(out / name for name in CONTENTS)
    assert contents_of(out) == CONTENTS


# --------------------------------------------------------------------------- through the CLI


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
