"""Layers only look down; only the CLI speaks to the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
# Each top-level module or package of kg, by layer: a layer imports only from the layers
# above it in this list (and a package from itself).
LAYERS = [
    {"errors", "defaults"},
    {"ids", "chinese", "resources", "files", "registry"},
    {"model"},
    {"reading"},
    {"extraction"},
    {"resolution"},
    {"rdf"},
    {"sparql", "view", "store"},
    {"pipeline", "versions"},
    {"cli", "__init__"},
    {"__main__"},
]
RANK = {part: rank for rank, layer in enumerate(LAYERS) for part in layer}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def part(path: Path) -> str:
    """The top-level module or package of kg a file belongs to."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_only_look_down(path: Path) -> None:
    own = part(path)
    assert own in RANK, f"put {own} in a layer"
    for module in imports(path):
        if module.startswith("kg."):
            target = module.split(".")[1]
            assert target == own or RANK[target] < RANK[own] or (own, target) == (
                "cli", "__init__"), f"{path.relative_to(PACKAGE)} imports {module}"


@pytest.mark.parametrize("path", [p for p in MODULES if part(p) not in ("cli", "__main__")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_cli_talks_to_the_terminal(path: Path) -> None:
    assert "click" not in {m.split(".")[0] for m in imports(path)}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not calls & {"print", "exit", "quit"}
    assert "sys.exit" not in path.read_text(encoding="utf-8")
