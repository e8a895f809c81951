"""Choosing a resident from the roster by typing: a line edit with a popup of matches.

Type a name, pinyin initials (zxl), part of a phone number or an address (3-2-401); after a short
pause the popup lists up to ``limit`` residents from the roster service (query_ids + load_rows, so
phones arrive masked). Down/Up move through the list, Enter (or a click) picks, Esc closes it.
Besides residents the list offers "anonymous" and, when a name was typed, "not on the roster".

Signals: ``resident_picked(id, row)``, ``anonymous_chosen()``, ``unlisted_chosen(name)`` and
``choice_cleared()`` (the text was edited after a choice). ``mode`` tells what the field holds now.
Shared: the request counter uses it for the requester, meetings for attendees.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.residents.service import ResidentQuery, load_rows, query_ids

DEBOUNCE_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
RESIDENT, ANONYMOUS, UNLISTED = "resident", "anonymous", "unlisted"
PICKED_STYLE = "QLineEdit { background: #eef7ee; }"


def roster_search(database, limit: int) -> Callable[[str], list]:
    def search(text: str) -> list:
        ids = query_ids(database, ResidentQuery(text=text))[:limit]
        return load_rows(database, ids)

    return search


def describe(row) -> str:
    """张秀兰　女 78岁　安居苑3号楼2单元401室　139****1031"""
    person = " ".join(part for part in (row.sex, f"{row.age}岁" if row.age is not None else "") if part)
    return "　".join(part for part in (row.name, person, row.address, row.phones_masked) if part)


class ResidentPicker(QLineEdit):
    resident_picked = Signal(int, object)
    anonymous_chosen = Signal()
    unlisted_chosen = Signal(str)
    choice_cleared = Signal()

    def __init__(self, database=None, parent: QWidget | None = None, limit: int = 20,
                 search: Callable[[str], list] | None = None, allow_anonymous: bool = True,
                 allow_unlisted: bool = True, delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._search = search or roster_search(database, limit)
        self.allow_anonymous = allow_anonymous
        self.allow_unlisted = allow_unlisted
        self.mode = ""
        self.resident_id: int | None = None
        self.resident_row: Any = None
        self.setPlaceholderText(self.tr("Name, pinyin initials, phone or 3-2-401"))
        self.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self)  # not setCompleter: arrowing through must not rewrite the text
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textEdited.connect(self._on_edited)

    # --- state ------------------------------------------------------------------------------
    def typed_name(self) -> str:
        """The text when no roster resident was picked (a name typed for someone not on it)."""
        return "" if self.mode in (RESIDENT, ANONYMOUS) else self.text().strip()

    def clear_choice(self) -> None:
        self._timer.stop()
        self.popup().hide()
        self.model.clear()
        self._set_mode("")
        self.clear()

    def set_resident(self, resident_id: int, row: Any) -> None:
        self._timer.stop()
        self.popup().hide()
        self.setText(row.name if row is not None else "")
        self.resident_id, self.resident_row = resident_id, row
        self._set_mode(RESIDENT)
        self.setToolTip(describe(row) if row is not None else "")
        self.resident_picked.emit(resident_id, row)

    def set_anonymous(self) -> None:
        self._timer.stop()
        self.popup().hide()
        self.setText(self.tr("Anonymous"))
        self._set_mode(ANONYMOUS)
        self.anonymous_chosen.emit()

    def _set_unlisted(self, name: str) -> None:
        self.popup().hide()
        self.setText(name)
        self._set_mode(UNLISTED)
        self.unlisted_chosen.emit(name)

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        if mode != RESIDENT:
            self.resident_id, self.resident_row = None, None
            self.setToolTip("")
        self.setStyleSheet(PICKED_STYLE if mode in (RESIDENT, ANONYMOUS) else "")

    # --- searching --------------------------------------------------------------------------
    def popup(self):
        return self.completer.popup()

    def popup_visible(self) -> bool:
        return self.popup().isVisible()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def _on_edited(self, _text: str) -> None:
        if self.mode:
            self._set_mode("")
            self.choice_cleared.emit()
        self._timer.start()

    def flush(self) -> None:
        """Search now for the text typed (the debounce timer, Down before it fired, tests)."""
        self._timer.stop()
        text = self.text().strip()
        self.model.clear()
        if not text or self.mode:
            self.popup().hide()
            return
        for row in self._search(text):
            item = QStandardItem(describe(row))
            item.setData(row.id, ID_ROLE)
            item.setData(row, ROW_ROLE)
            item.setData(RESIDENT, KIND_ROLE)
            self.model.appendRow(item)
        if self.allow_unlisted and any(not c.isascii() for c in text):
            self._special(self.tr("Not on the roster: register as \"{name}\"").format(name=text), UNLISTED)
        if self.allow_anonymous:
            self._special(self.tr("Anonymous (no name given)"), ANONYMOUS)
        self._show_popup()

    def _special(self, text: str, kind: str) -> None:
        item = QStandardItem(text)
        item.setData(kind, KIND_ROLE)
        item.setForeground(Qt.GlobalColor.darkGray)
        self.model.appendRow(item)

    def _show_popup(self) -> None:
        if self.model.rowCount() == 0 or not self.isVisible():
            self.popup().hide()
            return
        self.completer.setCompletionPrefix("")
        self.completer.complete(self.rect())
        self.popup().setMinimumWidth(max(self.width(), 420))
        self.popup().setCurrentIndex(QModelIndex())  # the first Down highlights the first match

    def _activated(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind == RESIDENT:
            self.set_resident(index.data(ID_ROLE), index.data(ROW_ROLE))
        elif kind == ANONYMOUS:
            self.set_anonymous()
        elif kind == UNLISTED:
            self._set_unlisted(self.text().strip())

    # --- keys (the popup forwards typing here; events sent straight to the field land here too) --
    def _move(self, step: int) -> None:
        popup = self.popup()
        count = self.model.rowCount()
        if not count:
            return
        current = popup.currentIndex().row() if popup.currentIndex().isValid() else -1
        row = max(0, min(count - 1, current + step))
        popup.setCurrentIndex(self.completer.completionModel().index(row, 0))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup_visible():
                if self.pending or (not self.model.rowCount() and self.text().strip() and not self.mode):
                    self.flush()
                elif self.model.rowCount() and not self.mode:
                    self._show_popup()
                if not self.popup_visible():
                    return super().keyPressEvent(event)
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            self._move(steps[key])
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.popup_visible():
            index = self.popup().currentIndex()
            if index.isValid():
                self._activated(index)
                event.accept()
                return
        if key == Qt.Key.Key_Escape and self.popup_visible():
            self.popup().hide()
            event.accept()
            return
        super().keyPressEvent(event)
