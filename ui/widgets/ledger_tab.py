"""The small contract between the main window and each ledger tab."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class LedgerTab(QWidget):
    # Ask the main window to show another tab with a payload (e.g. "repairs", {"request_id": 7}).
    navigate = Signal(str, object)
    # Record counts changed: the status bar refreshes.
    counts_changed = Signal()

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database

    def activated(self) -> None:
        """Called each time the tab is shown; load lazily here."""

    def open_payload(self, payload) -> None:
        """Show what another tab asked for."""

    def export_actions(self) -> list:
        """QActions for the 文件 → 导出 menu while this tab is current."""
        return []


@dataclass(frozen=True)
class TabSpec:
    """What a tab module exposes as ``TAB``; ui/tabs.py lists the modules."""

    key: str  # used by --tab KEY and by navigate(key, payload)
    title: Callable[[], str]  # translated when the window is built
    create: Callable  # create(database, parent) -> LedgerTab
    order: int = 100
