"""The house's convention, checked (docs/architecture.md): rooms import downwards only
(import-linter's contracts in `.importlinter`, run here and in `.ci/run`), no room uses another
room's private names, no source file over 500 lines, and the repository's ruff configuration
finds nothing."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cluster_cli"
MAX_LINES = 500


def _room(module: str) -> str:
    """`cluster_cli.reports.grants` → `cluster_cli.reports`; a top-level module is its own room."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _module_of(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _private_uses(path: Path) -> list[str]:
    return _private_uses_in(path.read_text(encoding="utf-8"), _module_of(path), str(path.relative_to(ROOT)))


def _private_uses_in(source: str, module: str, shown: str) -> list[str]:
    """`from cluster_cli.X import _name` and `X._name` where X is a module of another room."""
    here = _room(module)
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> module it stands for
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cluster_cli"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                if alias.name.startswith("_") and not alias.name.startswith("__") and _room(node.module) != here:
                    found.append(f"{shown}:{node.lineno}: from {node.module} import {alias.name}")
                aliases[alias.asname or alias.name] = target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("cluster_cli"):
                    aliases[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            base = node.value
            if isinstance(base, ast.Name) and base.id in aliases:
                module = aliases[base.id]
                if module.startswith("cluster_cli") and _room(module) != here:
                    found.append(f"{shown}:{node.lineno}: {base.id}.{node.attr}")
    return found


def test_no_room_uses_another_rooms_private_names():
    uses = [u for p in _sources() for u in _private_uses(p)]
    assert uses == [], "private names used across rooms:\n" + "\n".join(uses)


def test_the_private_name_check_sees_a_violation():
    """The checker itself can fail: a module of another room reaching for private names, while
    the same names inside the room are its own business."""
    source = "from cluster_cli.reports.grants import _hidden\nimport cluster_cli.reports.debts as d\nd._x\n"
    assert len(_private_uses_in(source, "cluster_cli.render.probe", "probe.py")) == 2
    assert _private_uses_in(source, "cluster_cli.reports.probe", "probe.py") == []


def test_no_source_file_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in _sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"files over {MAX_LINES} lines: {long}"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -c requirements.lock -e '.[test]'")
    return found


def test_rooms_import_downwards_only_import_linter():
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing_with_the_repositorys_configuration():
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
