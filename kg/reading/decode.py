"""From a file to the text of a report: bytes checked and decoded as UTF-8."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError


def read_report(path: Path) -> str:
    """Read a report as UTF-8 text, refusing what cannot be one.

    Raises:
        InputError: the file is missing, a directory, empty, binary or not UTF-8.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a report")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if b"\x00" in data:
        raise InputError(f"{path}: looks binary (it has NUL bytes); give a UTF-8 text file")
    try:
        # the same universal-newline reading as Path.read_text, so offsets agree with it
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: is not UTF-8 text (byte {error.start}); convert it first, "
                         f"e.g. iconv -f GB18030 -t UTF-8 {path.name}") from error
    if not text.strip():
        raise InputError(f"{path}: is empty")
    return text
