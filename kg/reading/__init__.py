"""Reading: from the bytes of a file to a report's text, normalised, with a map back to the
characters as read."""

from __future__ import annotations

from kg.reading.decode import read_report
from kg.reading.normalise import Marks, normalise

__all__ = ["Marks", "normalise", "read_report"]
