"""Helpers for the widget tests (tests/conftest.py already isolates folders and QSettings)."""

from __future__ import annotations

import pytest


@pytest.fixture
def show_active(qtbot):
    """Show a top-level widget and wait until it is the active window (shortcuts need that)."""

    def show(widget):
        qtbot.addWidget(widget)
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        return widget

    return show


def send_text(widget, text: str) -> None:
    """Type text key by key, Chinese too (QTest.keyClicks aborts on characters beyond ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def type_text():
    return send_text
