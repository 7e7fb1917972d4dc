"""Identifiers made from content: short digests and ASCII slugs, the same on every run."""

from __future__ import annotations

import hashlib
import re


def digest(*parts: str, size: int = 8) -> str:
    """The first ``size`` hex digits of the SHA-1 of the parts (joined by a unit separator)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits, runs of anything else as one ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
