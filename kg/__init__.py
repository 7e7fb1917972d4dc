"""kg: a knowledge graph of officials, posts and places from Chinese meeting reports."""

from __future__ import annotations

__version__ = "0.1.0"
