"""Genres: the kinds of report kg reads, each a plugin registered by name.

To add one, write a module here with a :class:`Genre` subclass decorated with
``@genre("name")``, give it a data file ``kg/data/genres/name.toml`` (``extends = "news"``
takes the news genre's words), and import the module below. ``docs/architecture.md`` walks
through it.
"""

from __future__ import annotations

from kg.extraction.genres import news, study_meeting  # noqa: F401 — register the genres
from kg.extraction.genres.base import Credit, Genre, Layout, SectionLayout
from kg.extraction.genres.registry import AUTO, GENRES, choose, detect, genre, get_genre

__all__ = ["AUTO", "GENRES", "Credit", "Genre", "Layout", "SectionLayout", "choose", "detect",
           "genre", "get_genre"]
