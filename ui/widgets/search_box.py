"""A search field that searches as you type, once the typing pauses (debounced)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """Emits ``search_changed(text)`` ~150 ms after the last keystroke (at once on Enter).

    Esc clears the text. The tab installs Ctrl+F with ``install_shortcut(tab)``.
    """

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder or self.tr("Search…"))
        self._last_emitted = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.flush)

    def search_text(self) -> str:
        return self.text().strip()

    def flush(self) -> None:
        """Emit now if the text changed since the last emission (the timer, Enter, tests)."""
        self._timer.stop()
        text = self.search_text()
        if text != self._last_emitted:
            self._last_emitted = text
            self.search_changed.emit(text)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def focus_and_select(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def install_shortcut(self, scope: QWidget) -> QShortcut:
        """Ctrl+F (the platform's Find key) anywhere inside ``scope`` focuses this box."""
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), scope)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_and_select)
        return shortcut

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            event.accept()
            return
        super().keyPressEvent(event)
