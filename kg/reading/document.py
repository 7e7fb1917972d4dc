"""A report's file read: its plain text and the date its file gives."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.reading.decode import decode, read_bytes
from kg.reading.markup import plain


@dataclass(frozen=True, slots=True)
class Document:
    """A report's plain text (offsets count in it) and the date its file gives."""

    text: str
    date: str | None = None  # from front matter or <meta>: YYYY-MM-DD


def read_report(path: Path, encoding: str | None = None) -> Document:
    """Read a report: decode it, and take the plain text out of Markdown or HTML.

    Args:
        path: the file.
        encoding: its encoding, if the bytes do not show it.

    Raises:
        InputError: the file is missing, a directory, binary, not text, or empty.
    """
    try:
        found = plain(decode(read_bytes(path), str(path), encoding), path.suffix)
    except InputError as error:
        message = str(error)
        raise InputError(message if message.startswith(str(path)) else f"{path}: {message}") \
            from error
    if not found.text.strip():
        raise InputError(f"{path}: is empty")
    meta = found.metadata
    return Document(found.text, _date(meta.get("date") or meta.get("article:published_time")))


def _date(value: Any) -> str | None:
    """A front matter's or page's date as YYYY-MM-DD (None if it gives none)."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    text = str(value or "")[:10]
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None
