"""The one reader of the files kg ships: data tables, queries, the ontology.

Everything is read through :mod:`importlib.resources`, so it works from a wheel, a zip or an
editable install alike.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from kg.errors import DataError


def package_file(*parts: str) -> Traversable:
    """A file or folder shipped in the ``kg`` package: ``package_file("data", "titles.tsv")``."""
    return resources.files("kg").joinpath(*parts)


def read_text(*parts: str) -> str:
    """The text of a shipped file.

    Raises:
        DataError: the file is missing or not UTF-8 (a broken install).
    """
    try:
        return package_file(*parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"bundled file kg/{'/'.join(parts)} is missing or unreadable: "
                        f"reinstall kg") from error


def read_rows(*parts: str) -> list[list[str]]:
    """The rows of a shipped tab-separated table; blank lines and ``#`` comments are skipped."""
    return [[cell.strip() for cell in line.split("\t")]
            for line in read_text(*parts).splitlines()
            if line.strip() and not line.startswith("#")]


def read_toml(*parts: str) -> dict[str, Any]:
    """A shipped TOML file, parsed.

    Raises:
        DataError: the file is missing or is not valid TOML.
    """
    try:
        return tomllib.loads(read_text(*parts))
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"bundled file kg/{'/'.join(parts)} is not valid TOML: {error}") \
            from error


def list_files(*parts: str, suffix: str) -> list[Traversable]:
    """The shipped files with this suffix in a folder, sorted by name."""
    try:
        entries = [e for e in package_file(*parts).iterdir()
                   if e.name.endswith(suffix) and e.is_file()]
    except OSError as error:
        raise DataError(f"bundled folder kg/{'/'.join(parts)} is missing: reinstall kg") \
            from error
    return sorted(entries, key=lambda e: e.name)
