"""The build: pure Python unless ``KG_COMPILE=1`` asks for compiled extraction, which needs
mypy to build and is refused for an editable install."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.chdir(ROOT)  # setuptools reads the project where it is run
    spec = importlib.util.spec_from_file_location("kg_backend",
                                                  ROOT / "build_hooks" / "kg_backend.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_plain_build_needs_no_compiler(backend: ModuleType,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_COMPILE", raising=False)
    monkeypatch.setattr(backend.build_meta, "get_requires_for_build_wheel",
                        lambda config_settings=None: [])  # setuptools' own: none asked
    assert not backend.compiling()
    assert backend.get_requires_for_build_wheel() == []


def test_a_compiled_build_asks_for_mypy(backend: ModuleType,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_COMPILE", "1")
    assert backend.get_requires_for_build_wheel() == [backend.COMPILER]


def test_a_compiled_editable_install_is_refused(backend: ModuleType, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_COMPILE", "1")
    with pytest.raises(SystemExit, match="pip install -e"):
        backend.build_editable(str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_the_wheel_carries_the_licence(backend: ModuleType, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_COMPILE", raising=False)
    info = tmp_path / backend.prepare_metadata_for_build_wheel(str(tmp_path))
    metadata = (info / "METADATA").read_text("utf-8")
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert (info / "licenses" / "LICENSE").read_text("utf-8").startswith("MIT License")
