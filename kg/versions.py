"""What ``kg --version`` says: kg's version, and which data it reads with (the area codes'
years, the size of each lexicon, and a digest of all the shipped data, so that two
installations can be told apart)."""

from __future__ import annotations

import hashlib

from kg import __version__
from kg.extraction.gazetteer import division_count, years
from kg.resources import list_files, read_rows

#: The lexicons counted, by file, with what each holds.
LEXICONS = (("titles.tsv", "titles"), ("orgkinds.tsv", "organisation kinds"),
            ("national.tsv", "national bodies"), ("countries.txt", "countries"),
            ("surnames.txt", "surnames"))


def versions() -> str:
    """kg's version and its data's, a line each."""
    return "\n".join([f"kg {__version__}", f"area codes  {_area_codes()}",
                      f"lexicons    {_lexicons()}", f"data        {_digest()}"])


def _area_codes() -> str:
    known = years()
    return (f"{known.start}–{known.stop - 1}, {division_count():,} divisions "
            "(yescallop/areacodes, CC0 1.0)")


def _lexicons() -> str:
    return ", ".join(f"{what} {len(read_rows('data', name)):,}" for name, what in LEXICONS)


def _digest() -> str:
    """A digest of every data file kg ships (its tables, grammar and genres)."""
    files = [*list_files("data", suffix=""), *list_files("data", "genres", suffix=".toml")]
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.name):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]
