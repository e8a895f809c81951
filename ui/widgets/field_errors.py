"""Field-level messages from a ValidationError, shown where the user typed.

Wrap each form field in a ``FieldBox`` (the field plus a message line under it) and register the
boxes with ``FieldErrors`` under the service's field keys. ``FieldErrors.show(error)`` puts each
error in red under its field (red border, the message also as tooltip) and each warning in amber;
a message is cleared as soon as the user edits that field. Keys with no field go to a general label.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError

ERROR = "error"
WARNING = "warning"
COLORS = {ERROR: "#c62828", WARNING: "#b45309"}


def edit_signal(widget: QWidget):
    """The signal that means "the user changed this field", or None."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    return getattr(widget, "edited", None)


class FieldBox(QWidget):
    """One field with a message line under it. ``border_target`` is what gets the red border."""

    edited = Signal()

    def __init__(self, field: QWidget, parent: QWidget | None = None, border_target: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.border_target = border_target or field
        self.state = ""
        self._plain_tooltip = self.border_target.toolTip()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        self.message = QLabel()
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.setFocusProxy(field)
        signal = edit_signal(field)
        if signal is not None:
            signal.connect(self._on_edited)

    def _on_edited(self, *_args) -> None:
        self.clear_message()
        self.edited.emit()

    def show_message(self, text: str, level: str = ERROR) -> None:
        color = COLORS[level]
        self.state = level
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.show()
        target = self.border_target
        target.setToolTip(text)
        selector = target.metaObject().className()
        target.setStyleSheet(f"{selector} {{ border: 1px solid {color}; border-radius: 3px; }}")

    def clear_message(self) -> None:
        if not self.state:
            return
        self.state = ""
        self.message.clear()
        self.message.hide()
        self.border_target.setStyleSheet("")
        self.border_target.setToolTip(self._plain_tooltip)

    @property
    def message_text(self) -> str:
        return self.message.text() if self.state else ""


class FieldErrors:
    """The boxes of one form by field key, and a general label for messages without a field."""

    def __init__(self, general: QLabel | None = None):
        self.boxes: dict[str, FieldBox] = {}
        self.general = general
        if general is not None:
            general.setWordWrap(True)
            general.hide()

    def add(self, key: str, box: FieldBox) -> FieldBox:
        self.boxes[key] = box
        return box

    def show(self, errors: dict[str, str], warnings: dict[str, str] | None = None) -> FieldBox | None:
        """Show messages; returns the first box (in form order) with an error, to focus it."""
        self.clear()
        unplaced: list[tuple[str, str]] = []
        for level, messages in ((WARNING, warnings or {}), (ERROR, errors)):
            for key, text in messages.items():
                box = self.boxes.get(key)
                if box is None:
                    unplaced.append((level, text))
                else:
                    box.show_message(text, level)
        self._show_general(unplaced)
        return next((box for box in self.boxes.values() if box.state == ERROR), None)

    def show_error(self, error: ValidationError) -> FieldBox | None:
        return self.show(error.errors, error.warnings)

    def attempt(self, action: Callable[[], object], general_key: str = "", focus: bool = False) -> bool:
        """Run ``action`` (a save or a step); True when it went through. A ValidationError is shown
        under the fields (the first one with an error focused when ``focus``), any other UserError
        under ``general_key``."""
        try:
            action()
        except ValidationError as error:
            box = self.show_error(error)
            if focus and box is not None:
                box.setFocus()
            return False
        except UserError as error:
            self.show({general_key: error.message})
            return False
        return True

    def _show_general(self, messages: list[tuple[str, str]]) -> None:
        if self.general is None or not messages:
            return
        level = ERROR if any(level == ERROR for level, _ in messages) else WARNING
        self.general.setText("\n".join(text for _, text in messages))
        self.general.setStyleSheet(f"color: {COLORS[level]};")
        self.general.show()

    def clear(self) -> None:
        for box in self.boxes.values():
            box.clear_message()
        if self.general is not None:
            self.general.clear()
            self.general.hide()

    def messages(self, level: str = ERROR) -> dict[str, str]:
        return {key: box.message_text for key, box in self.boxes.items() if box.state == level}
