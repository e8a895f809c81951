"""The one registration point for ledger tabs.

Each tab module exposes ``TAB = TabSpec(...)``; add its module path here and the main window shows
it. Tabs never import each other: they ask the main window to route through ``navigate``.
"""

from __future__ import annotations

import importlib

from ui.widgets.ledger_tab import TabSpec

TAB_MODULES: tuple[str, ...] = (
    "ui.home.tab",
    "ui.residents.tab",
    "ui.requests.tab",
    "ui.meetings.tab",
    "ui.repairs.tab",
)


def tab_specs() -> list[TabSpec]:
    specs = [importlib.import_module(name).TAB for name in TAB_MODULES]
    return sorted(specs, key=lambda spec: spec.order)
