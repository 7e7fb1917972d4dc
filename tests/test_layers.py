"""Layers only look down; only kg/cli.py speaks to the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
LAYERS = [
    {"errors", "model"},
    {"namespace", "gazetteer"},
    {"normalise"},
    {"grammar"},
    {"extract"},
    {"graph", "network"},
    {"export", "query", "view", "validate", "stats"},
    {"build", "serve"},
    {"cli_view"},  # commands kg/cli.py adds to its group: below it, so it can import them
    {"cli", "__init__"},
    {"__main__"},
]
RANK = {module: rank for rank, layer in enumerate(LAYERS) for module in layer}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


MODULES = sorted(p for p in PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_layers_only_look_down(path: Path) -> None:
    assert path.stem in RANK, f"put {path.stem} in a layer"
    for module in imports(path):
        if module.startswith("kg."):
            target = module.split(".")[1]
            assert RANK[target] < RANK[path.stem] or (path.stem, target) == ("cli", "__init__"), \
                f"{path.stem} imports {target}"


@pytest.mark.parametrize("path", [p for p in MODULES
                                  if p.stem not in ("cli", "cli_view", "__main__")],
                         ids=lambda p: p.stem)
def test_only_the_cli_talks_to_the_terminal(path: Path) -> None:
    assert "click" not in {m.split(".")[0] for m in imports(path)}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not calls & {"print", "exit", "quit"}
