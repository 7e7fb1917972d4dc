"""Compiled extraction, on request: ``KG_COMPILE=1 pip install .`` compiles the modules that
reading a report spends its time in with mypyc (from their type annotations; the code is the
same), for 1.4-1.6 times the speed. Without it kg is pure Python. The rest of the package's
configuration is in ``pyproject.toml``."""

from __future__ import annotations

import os

from setuptools import setup

#: The modules compiled: the grammar's recognisers and the two passes over a report.
COMPILED = [
    "kg/chinese.py",
    "kg/reading/normalise.py",
    "kg/reading/script.py",
    "kg/extraction/appointments.py",
    "kg/extraction/chains.py",
    "kg/extraction/gazetteer.py",
    "kg/extraction/listed.py",
    "kg/extraction/members.py",
    "kg/extraction/names.py",
    "kg/extraction/orgs.py",
    "kg/extraction/passes.py",
    "kg/extraction/places.py",
    "kg/extraction/predicates.py",
    "kg/extraction/segments.py",
    "kg/extraction/setting.py",
    "kg/extraction/dates.py",
    "kg/extraction/lexicon.py",
    "kg/extraction/words.py",
    "kg/extraction/genres/credits.py",
]


def compiled() -> list[object]:
    if os.environ.get("KG_COMPILE", "") != "1":
        return []
    from mypyc.build import mypycify  # the build's own requirement (build_hooks/kg_backend.py)

    return mypycify(["--ignore-missing-imports", *COMPILED], opt_level="3")


setup(ext_modules=compiled())
