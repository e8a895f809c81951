"""Imports only point down (HOUSE.md): db ← app ← ui ← main.py, and tabs never import each other.

Read with ast, so the rule holds for every file, imported by a test or not (including imports
inside functions, which is where a shortcut usually hides).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# ui/ packages every tab may use; anything else under ui/ with a package of its own is a tab.
UI_SHARED = {"widgets", "tabs", "application", "main_window", "settings", "settings_dialog"}


def _python_files(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module imported by ``path`` as (line, absolute dotted name), relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # "from ui import residents" imports the package ui.residents
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _violations(layer: str, forbidden) -> list[str]:
    problems = []
    for path in _python_files(layer):
        for line, module in _imports(path):
            reason = forbidden(path, module)
            if reason:
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {module} ({reason})")
    return problems


def _top(module: str) -> str:
    return module.split(".")[0]


def test_the_layers_exist_and_are_walked():
    for layer in ("db", "app", "ui"):
        assert _python_files(layer), f"no Python files found under {layer}/"
    # the walker resolves relative imports and sees imports inside functions
    modules = {m for _, m in _imports(ROOT / "app" / "cli.py")}
    assert "app.maintenance" in modules  # imported inside cmd_check


@pytest.mark.parametrize("layer", ["app", "db"])
def test_no_qt_below_the_ui(layer):
    problems = _violations(layer, lambda _p, m: "Qt belongs to ui/" if _top(m) in QT_MODULES else None)
    assert not problems, "\n".join(problems)


def test_db_imports_nothing_above_it():
    problems = _violations("db", lambda _p, m: "db/ is the bottom layer" if _top(m) in ("app", "ui", "main") else None)
    assert not problems, "\n".join(problems)


def test_app_never_imports_ui():
    problems = _violations("app", lambda _p, m: "app/ must work without the GUI" if _top(m) in ("ui", "main") else None)
    assert not problems, "\n".join(problems)


def test_ui_never_imports_db_directly():
    # HOUSE.md: ui/ "knows app/, never db/ directly"; rows reach widgets through services.
    problems = _violations("ui", lambda _p, m: "ui/ goes through app/ services" if _top(m) == "db" else None)
    assert not problems, "\n".join(problems)


def _tab_package(module_or_path) -> str | None:
    """The ui tab package a module belongs to (ui.residents.form → residents), or None if shared."""
    parts = module_or_path.split(".") if isinstance(module_or_path, str) else list(
        module_or_path.relative_to(ROOT).with_suffix("").parts)
    if len(parts) < 2 or parts[0] != "ui" or parts[1] in UI_SHARED or parts[1] == "__init__":
        return None
    return parts[1]


def test_tabs_never_import_each_other():
    def forbidden(path, module):
        own, other = _tab_package(path), _tab_package(module)
        if own and other and own != other:
            return f"tab {own} must ask the main window to route to {other} (navigate signal)"
        return None

    problems = _violations("ui", forbidden)
    assert not problems, "\n".join(problems)


def test_shared_ui_machinery_does_not_reach_into_a_tab():
    # ui/widgets is used by every tab; it must not depend on one of them.
    def forbidden(path, module):
        parts = path.relative_to(ROOT).parts
        if parts[1] == "widgets" and _tab_package(module):
            return "ui/widgets is shared by all tabs"
        return None

    problems = _violations("ui", forbidden)
    assert not problems, "\n".join(problems)


def test_the_checker_would_catch_a_violation(tmp_path, monkeypatch):
    """Guard against a checker that silently passes: feed it files that break each rule."""
    fake = tmp_path
    (fake / "app").mkdir()
    (fake / "app" / "bad.py").write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    (fake / "db").mkdir()
    (fake / "db" / "bad.py").write_text("from app.errors import UserError\n", encoding="utf-8")
    (fake / "ui" / "residents").mkdir(parents=True)
    (fake / "ui" / "residents" / "tab.py").write_text("from ..repairs import tab\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", fake)
    assert _violations("app", lambda _p, m: "qt" if _top(m) in QT_MODULES else None)
    assert _violations("db", lambda _p, m: "up" if _top(m) == "app" else None)
    assert _violations("ui", lambda p, m: "tab" if _tab_package(p) and _tab_package(m) not in (None, _tab_package(p)) else None)
