"""Action items in a table with "close with result": the open items across all meetings (the tab)
and the review list of one meeting (定期评事, in the editor)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.meetings.actions import close_action_item
from ui.meetings.dialogs import CloseActionDialog
from ui.meetings.models import RowsModel, action_columns, action_foreground


class ActionsPanel(QWidget):
    closed = Signal(int)  # an action item was closed

    def __init__(self, database, load: Callable[[], list], intro: str = "", parent=None,
                 meeting_id: Callable[[], int | None] = lambda: None):
        super().__init__(parent)
        self.database = database
        self.load = load
        self.meeting_id = meeting_id
        self.model = RowsModel(action_columns(), self, action_foreground)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            self.table.setColumnWidth(column, spec.width)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.close_button = QPushButton(self.tr("Close with result…"))
        self.close_button.clicked.connect(self.close_selected)
        self.table.doubleClicked.connect(lambda _index: self.close_selected())
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.intro.setVisible(bool(intro))

    def refresh(self) -> None:
        rows = self.load()
        self.model.set_rows(rows)
        open_rows = [r for r in rows if r.status == "open"]
        overdue = sum(r.overdue for r in open_rows)
        self.summary.setText(self.tr("{open} open, {overdue} overdue").format(open=len(open_rows), overdue=overdue))

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def close_selected(self) -> None:
        row = self.selected()
        if row is None or row.status != "open":
            return

        def submit(result: str, closed_on) -> None:
            close_action_item(self.database, row.id, result, closed_on, self.meeting_id())

        if CloseActionDialog.ask(self, row.description, submit):
            self.refresh()
            self.closed.emit(row.id)
