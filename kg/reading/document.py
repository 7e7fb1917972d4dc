"""A report's file read: its plain text and the date its file gives."""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.defaults import STDIN
from kg.errors import InputError
from kg.reading.decode import decode, read_bytes
from kg.reading.markup import plain


@dataclass(frozen=True, slots=True)
class Document:
    """A report's plain text (offsets count in it) and the date its file gives."""

    text: str
    date: str | None = None  # from front matter or <meta>: YYYY-MM-DD
    source: str | None = None  # where it was published: front matter's url, og:url


def read_report(path: Path, encoding: str | None = None) -> Document:
    """Read a report: decode it, and take the plain text out of Markdown or HTML.

    Args:
        path: the file (``-``: standard input, read as plain text).
        encoding: its encoding, if the bytes do not show it.

    Raises:
        InputError: the file is missing, a directory, binary, not text, or empty.
    """
    try:
        data = sys.stdin.buffer.read() if str(path) == STDIN else read_bytes(path)
        found = plain(decode(data, str(path), encoding), path.suffix)
    except InputError as error:
        message = str(error)
        raise InputError(message if message.startswith(str(path)) else f"{path}: {message}") \
            from error
    if not found.text.strip():
        raise InputError(f"{path}: is empty")
    meta = found.metadata
    return Document(found.text, _date(meta.get("date") or meta.get("article:published_time")),
                    _source(meta))


def _source(meta: dict[str, Any]) -> str | None:
    """The address a report was published at, as its metadata gives it (http or https)."""
    for key in _SOURCE_KEYS:
        value = str(meta.get(key) or "").strip()
        if value.startswith(("http://", "https://")) and not any(c in value for c in ' <>"'):
            return value
    return None


#: The metadata keys that give where a report was published, the surest first.
_SOURCE_KEYS = ("url", "source", "link", "og:url", "canonical")


def _date(value: Any) -> str | None:
    """A front matter's or page's date as YYYY-MM-DD (None if it gives none)."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    text = str(value or "")[:10]
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None
