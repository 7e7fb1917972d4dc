"""Writing outputs atomically: the contract of :func:`kg.files.write_atomically`.

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
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kg.files
from kg.errors import OutputError
from kg.files import write_atomically

CONTENTS = {"graph.ttl": "ttl ✓\n", "graph.jsonld": "{}\n", "graph.html": "<html></html>\n"}
OLD = {name: f"old {name}\n" for name in CONTENTS}


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def contents_of(directory: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in directory.iterdir()}


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


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_files_get_the_umask_mode(tmp_path: Path, umask: Callable[[int], None], mask: int,
                                  mode: int) -> None:
    """Not mkstemp's 0600: the mode a plain open() would give."""
    umask(mask)
    written = write_atomically(tmp_path / "out", CONTENTS)
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [mode] * len(CONTENTS)


def test_build_creates_nested_output_dirs(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "c"
    write_atomically(out, CONTENTS)
    assert contents_of(out) == CONTENTS


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


OLD = {"graph.ttl": "old turtle", "graph.jsonld": "old json", "graph.html": "old page"}
NEW = {name: text.replace("old", "new") for name, text in OLD.items()}


def _folder(path: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in path.iterdir()}


def test_ctrl_c_between_two_renames_puts_everything_back(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    kg.files.write_atomically(tmp_path, OLD)
    real, calls = os.replace, []

    def interrupted(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if Ctrl-C came just after the first rename
        real(src, dst)

    monkeypatch.setattr(kg.files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        kg.files.write_atomically(tmp_path, NEW)
    assert _folder(tmp_path) == OLD  # no new file beside old ones, no temporary file


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signals cannot be held")
def test_a_termination_during_the_renames_waits_for_them(tmp_path: Path) -> None:
    kg.files.write_atomically(tmp_path, OLD)
    program = f"""
import os, signal
from pathlib import Path
import kg.files
from kg.cli.errors import end_cleanly_on_termination
end_cleanly_on_termination()
real = os.replace
def replace(src, dst):
    real(src, dst)
    os.kill(os.getpid(), signal.SIGTERM)  # just after the first rename
kg.files.os.replace = replace
kg.files.write_atomically(Path({str(tmp_path)!r}), {NEW!r})
"""
    ended = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=60)
    assert ended.returncode == 128 + signal.SIGTERM, ended.stderr.decode()
    assert _folder(tmp_path) == NEW  # every rename done before it ended, nothing left over


def test_a_stale_file_goes_with_the_renames_and_comes_back_if_they_fail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kg.files.write_atomically(tmp_path, OLD)
    new = {"graph.nt": "new triples"}
    real = os.replace

    def failing(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.files.os, "replace", failing)
    with pytest.raises(OutputError):
        kg.files.write_atomically(tmp_path, new, stale=["graph.ttl", "graph.jsonld"])
    assert _folder(tmp_path) == OLD
    monkeypatch.setattr(kg.files.os, "replace", real)
    kg.files.write_atomically(tmp_path, new, stale=["graph.ttl", "graph.jsonld"])
    assert _folder(tmp_path) == {"graph.html": "old page", "graph.nt": "new triples"}
