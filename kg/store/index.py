"""What a store knows of its reports beside their statements: each report's entry (file
name, date, genre, and what it says of its people, for resolving who is who again), a file
each, and each report as read, for writing its statements again."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.errors import InputError
from kg.files import replace_atomically
from kg.model import Report
from kg.resolution import PersonRecord
from kg.store.layout import ENTRIES, FORMAT, MANIFEST, REPORTS


@dataclass(slots=True)
class Entry:
    """One report of the store."""

    key: str  # the digest of its text: the same report added twice is one
    name: str  # its file's name when added
    date: str | None
    genre: str
    source: str | None
    records: tuple[PersonRecord, ...]  # lean (PersonRecord.lean): what the resolvers weigh
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
        file.write_text(json.dumps({"kg": __version__, "format": FORMAT, "base": base}) + "\n",
                        "utf-8")
        return
    found = json.loads(file.read_text("utf-8"))
    if found.get("base") != base:
        raise InputError(f"{path}: the store's IRIs start with {found.get('base')}, "
                         f"not {base}; give --base {found.get('base')}")
    if found.get("kg") != __version__ or found.get("format") != FORMAT:
        raise InputError(f"{path}: made by kg {found.get('kg')} (store format "
                         f"{found.get('format', 1)}), this is kg {__version__} (format "
                         f"{FORMAT}); build the store again from its reports")


def load_index(path: Path) -> dict[str, Entry]:
    """The store's entries by report key (none in a new store)."""
    entries: dict[str, Entry] = {}
    for file in sorted((path / ENTRIES).glob("*.pickle")):
        with file.open("rb") as stream:
            entry: Entry = pickle.load(stream)
        entries[entry.key] = entry
    return entries


def save_entries(path: Path, entries: Iterable[Entry]) -> None:
    """Write these entries, each in a file of its own (under a temporary name, then
    renamed: never half-written); the others are left as they are."""
    folder = path / ENTRIES
    folder.mkdir(exist_ok=True)
    for entry in entries:
        _write_bytes(folder / f"{entry.key}.pickle",
                     pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))


def drop_entry(path: Path, key: str) -> None:
    """Forget a report: its entry and the report as read."""
    (path / ENTRIES / f"{key}.pickle").unlink(missing_ok=True)
    (path / REPORTS / f"{key}.pickle").unlink(missing_ok=True)


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


def _write_bytes(file: Path, data: bytes) -> None:
    replace_atomically(file, lambda name: Path(name).write_bytes(data))
