"""Writing output files so that a failed run leaves what was there before."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import OutputError


def write_atomically(out_dir: Path, contents: Mapping[str, str],
                     stale: Iterable[str] = ()) -> tuple[Path, ...]:
    """Write each file under a temporary name, then rename them all into place.

    All the files are written before any is renamed. If writing or renaming fails, or Ctrl-C
    or a termination comes while the files are written, the temporary files are removed and
    the files already renamed are put back as they were (an earlier run's file restored, a
    new one removed), so the directory keeps what it held. During the renames those signals
    are held off: they take effect once every file is in place.
    The files get the mode a plain ``open()`` would give them (``0o666 & ~umask``).

    Args:
        out_dir: the directory to write into (created if missing).
        contents: file name → text, written as UTF-8 with ``\\n`` line ends.
        stale: names of files an earlier run may have left that this one does not write:
            taken away with the renames (and put back if they fail), so that the directory
            holds this run's outputs only.

    Returns:
        The paths written, in the order of ``contents``.

    Raises:
        OutputError: the directory cannot be made or the files cannot be written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the output directory "
                          f"({error.strerror or error})") from error
    temporary: list[tuple[Path, Path]] = []  # (temporary file, final name), as written
    backups: dict[Path, Path] = {}  # an earlier run's file -> its copy, to undo a rename
    renamed: list[Path] = []
    gone: list[Path] = []
    try:
        _write_temporary(out_dir, contents, temporary)
        gone = [out_dir / name for name in stale if name not in contents
                and (out_dir / name).is_file()]
        _back_up([final for _, final in temporary] + gone, backups)
        with held_signals():  # the renames all happen, or (an error) none stays; a
            for tmp, final in temporary:  # signal held off takes effect once they are done
                os.replace(tmp, final)
                renamed.append(final)
            for final in gone:
                final.unlink()
                renamed.append(final)
    except BaseException as error:  # an OSError, or Ctrl-C / a termination while writing
        if len(renamed) < len(temporary) + len(gone):
            _undo(renamed, backups, [tmp for tmp, _ in temporary])
        _remove(backups.values())
        if isinstance(error, OSError):
            raise OutputError(f"{out_dir}: cannot write the output "
                              f"({error.strerror or error}); choose another directory with -o"
                              ) from error
        raise
    _remove(backups.values())
    return tuple(final for _, final in temporary)


def _write_temporary(out_dir: Path, contents: Mapping[str, str],
                     temporary: list[tuple[Path, Path]]) -> None:
    """Write each file under a temporary name beside its final one, noting each in
    ``temporary`` as soon as it exists (to be removed if anything fails)."""
    mode = 0o666 & ~_umask()
    for name, content in contents.items():
        handle, name_tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
        temporary.append((Path(name_tmp), out_dir / name))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.chmod(name_tmp, mode)  # mkstemp makes 0600 files


def _back_up(finals: list[Path], backups: dict[Path, Path]) -> None:
    """Copy each of these files that exists beside it, noting the copy in ``backups``."""
    for final in finals:
        if final.exists():
            handle, copy = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".old",
                                            dir=final.parent)
            os.close(handle)
            backups[final] = Path(copy)
            shutil.copy2(final, copy)


def _undo(renamed: list[Path], backups: dict[Path, Path], temporary: list[Path]) -> None:
    """Put back what the renames replaced and remove every temporary file."""
    for final in renamed:
        with contextlib.suppress(OSError):
            if final in backups:
                os.replace(backups.pop(final), final)
            else:
                final.unlink()
    _remove(temporary + list(backups.values()))


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def replace_atomically(path: Path, write: Callable[[str], object]) -> None:
    """Make ``path`` whole or not at all: ``write`` writes a temporary file (given its
    name) beside it, which is then renamed into place; on failure it is removed.

    Raises:
        OutputError: the file cannot be written.
    """
    name = ""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(handle)
        write(name)
        os.chmod(name, 0o666 & ~_umask())
        os.replace(name, path)
    except BaseException as error:  # an OSError, or Ctrl-C / a termination while writing
        if name:
            Path(name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot be written ({error.strerror or error})") \
                from error
        raise


#: The signals that end a run: held off while the outputs are renamed into place.
ENDING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
               if hasattr(signal, name))


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold off Ctrl-C and termination (where the system can) until the block is done:
    they then take effect, after it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
