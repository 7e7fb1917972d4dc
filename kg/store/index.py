"""What a store knows of its reports beside their statements: each report's entry (file
name, date, genre, and what it says of its people, for resolving who is who again), kept in
one file, and each report as read, for writing its statements again."""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.errors import InputError
from kg.files import replace_atomically
from kg.model import Report
from kg.resolution import PersonRecord

INDEX = "index.pickle"
MANIFEST = "kg-store.json"
REPORTS = "reports"
GRAPHS = "oxigraph"


@dataclass(slots=True)
class Entry:
    """One report of the store."""

    key: str  # the digest of its text: the same report added twice is one
    name: str  # its file's name when added
    date: str | None
    genre: str
    source: str | None
    records: tuple[PersonRecord, ...]
    people: dict[str, str] = field(default_factory=dict)  # person key → identity key graphed


def manifest(path: Path, base: str) -> None:
    """Check (or, in a new store, write) which kg made the store and its base IRI.

    Raises:
        InputError: the directory is not a kg store, or one of another base or kg version.
    """
    file = path / MANIFEST
    if not file.exists():
        if path.exists() and any(path.iterdir()):
            raise InputError(f"{path}: not a kg store (it holds other files); "
                             "give an empty or new directory")
        path.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({"kg": __version__, "base": base}) + "\n", "utf-8")
        return
    found = json.loads(file.read_text("utf-8"))
    if found.get("base") != base:
        raise InputError(f"{path}: the store's IRIs start with {found.get('base')}, "
                         f"not {base}; give --base {found.get('base')}")
    if found.get("kg") != __version__:
        raise InputError(f"{path}: made by kg {found.get('kg')}, this is kg {__version__}; "
                         "build the store again from its reports")


def load_index(path: Path) -> dict[str, Entry]:
    """The store's entries by report key (none in a new store)."""
    file = path / INDEX
    if not file.exists():
        return {}
    with file.open("rb") as stream:
        entries: dict[str, Entry] = pickle.load(stream)
    return entries


def save_index(path: Path, entries: dict[str, Entry]) -> None:
    """Write the entries (under a temporary name, then renamed: never half-written)."""
    _write_bytes(path / INDEX, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))


def save_report(path: Path, report: Report) -> None:
    """Keep a report as read, to write its statements again when who is who changes."""
    folder = path / REPORTS
    folder.mkdir(exist_ok=True)
    _write_bytes(folder / f"{report.key}.pickle",
                 pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))


def load_report(path: Path, key: str) -> Report:
    with (path / REPORTS / f"{key}.pickle").open("rb") as stream:
        report: Report = pickle.load(stream)
    return report


def drop_report(path: Path, key: str) -> None:
    (path / REPORTS / f"{key}.pickle").unlink(missing_ok=True)


def _write_bytes(file: Path, data: bytes) -> None:
    replace_atomically(file, lambda name: Path(name).write_bytes(data))
