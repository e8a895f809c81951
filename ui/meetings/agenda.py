"""议题: the agenda items of a meeting in order, each edited in an AgendaItemForm beside the list."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.meetings.kinds import number_label
from app.meetings.rows import AgendaDraft
from ui.meetings.agenda_form import AgendaItemForm


class AgendaEditor(QWidget):
    changed = Signal()

    def __init__(self, database, counts: Callable, parent=None):
        super().__init__(parent)
        self.items: list[AgendaDraft] = []
        self.current = -1
        self.list = QListWidget()
        self.form = AgendaItemForm(database, counts)
        self.add_button = QPushButton(self.tr("New agenda item"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.currentRowChanged.connect(self._select)
        self.add_button.clicked.connect(lambda: self.add_item(AgendaDraft(title=self.tr("New agenda item"))))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.form.title.textEdited.connect(self._retitle)
        self._update_enabled()

    def _label(self, index: int, item: AgendaDraft) -> str:
        return f"{number_label(index + 1)}、{item.title}"

    def _refresh_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for index, item in enumerate(self.items):
            self.list.addItem(self._label(index, item))
        self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)

    def _commit(self) -> None:
        """Keep what the form shows in the current item before showing another."""
        if 0 <= self.current < len(self.items):
            self.items[self.current] = self.form.draft()

    def _select(self, row: int) -> None:
        self._commit()
        self.current = row
        if 0 <= row < len(self.items):
            self.form.set_draft(self.items[row])
        self._update_enabled()

    def _retitle(self, text: str) -> None:
        if 0 <= self.current < len(self.items):
            self.items[self.current].title = text
            self.list.item(self.current).setText(self._label(self.current, self.items[self.current]))
        self.changed.emit()

    def _update_enabled(self) -> None:
        has = 0 <= self.current < len(self.items)
        self.form.setVisible(has)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has and self.add_button.isEnabled())

    def add_item(self, item: AgendaDraft) -> None:
        self._commit()
        self.items.append(item)
        self.current = len(self.items) - 1
        self._refresh_list()
        self.form.set_draft(item)
        self._update_enabled()
        self.form.title.setFocus()
        self.form.title.selectAll()
        self.changed.emit()

    def remove_current(self) -> None:
        if not 0 <= self.current < len(self.items):
            return
        del self.items[self.current]
        self.current = min(self.current, len(self.items) - 1)
        self._refresh_list()
        if self.current >= 0:
            self.form.set_draft(self.items[self.current])
        self._update_enabled()
        self.changed.emit()

    def move(self, step: int) -> None:
        self._commit()
        target = self.current + step
        if 0 <= self.current < len(self.items) and 0 <= target < len(self.items):
            self.items[self.current], self.items[target] = self.items[target], self.items[self.current]
            self.current = target
            self._refresh_list()
            self.changed.emit()

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def set_items(self, items: list[AgendaDraft]) -> None:
        self.items = list(items)
        self.current = 0 if items else -1
        self._refresh_list()
        if items:
            self.form.set_draft(items[0])
        self._update_enabled()

    def drafts(self) -> list[AgendaDraft]:
        self._commit()
        return list(self.items)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.form.set_read_only(read_only)
        self._update_enabled()
