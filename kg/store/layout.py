"""Where a store keeps what (the names of its files and folders), and opening it to read:
apart from the code that writes a store or turns it into rdflib's graphs, so that a query on
a store loads nothing of them."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf.prefixes import PREFIXES

ENTRIES = "entries"  # an entry a report
MANIFEST = "kg-store.json"
REPORTS = "reports"
GRAPHS = "oxigraph"
FORMAT = 4  # of the index and the reports kept: raised when what is pickled changes


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store directory (made by ``kg add``)."""
    return (path / MANIFEST).is_file()


def open_store(path: Path) -> ox.Store:
    """A store's statements, read-only (other kg commands may read it at the same time).

    Raises:
        InputError: it cannot be opened.
    """
    try:
        return ox.Store.read_only(str(path / GRAPHS))
    except OSError as error:
        raise InputError(f"{path}: the store cannot be read ({error})") from error


def prefixes(base: str | None) -> dict[str, str]:
    """The prefixes the statements are written with (``id:`` the base, if given)."""
    return {**PREFIXES, **({"id": base} if base else {})}


def base_of(path: Path) -> str:
    """The base IRI of a store's statements."""
    return str(json.loads((path / MANIFEST).read_text("utf-8"))["base"])
