"""Reading: from the bytes of a file to a report's text, normalised, with a map back to the
characters as read (decoding, markup, normalisation)."""

from __future__ import annotations

from kg.reading.document import Document, read_report
from kg.reading.normalise import Marks, normalise

__all__ = ["Document", "Marks", "normalise", "read_report"]
