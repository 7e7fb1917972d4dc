"""kg's build backend: setuptools', with mypy added to the build's requirements when
``KG_COMPILE=1`` asks for the extraction modules compiled with mypyc (see ``setup.py``)."""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import (  # noqa: F401  the hooks kg does not change
    build_sdist,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

#: What compiles the modules: mypy's mypyc, at the version kg is checked with.
COMPILER = "mypy>=1.10"


def compiling() -> bool:
    """Whether this build compiles the extraction modules."""
    return os.environ.get("KG_COMPILE", "") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    if compiling():  # setup.py cannot run before mypyc is there, and asks for nothing else
        return [COMPILER]
    return build_meta.get_requires_for_build_wheel(config_settings)


def build_wheel(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                metadata_directory: str | None = None) -> str:
    return build_meta.build_wheel(wheel_directory, config_settings, metadata_directory)


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None
                                    ) -> list[str]:
    return build_meta.get_requires_for_build_editable(config_settings)


def build_editable(wheel_directory: str, config_settings: dict[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    if compiling():  # compiled modules in the source tree would hide every edit to the code
        raise SystemExit("KG_COMPILE=1 builds an installed copy: use 'pip install .', "
                         "not 'pip install -e .'")
    return build_meta.build_editable(wheel_directory, config_settings, metadata_directory)
