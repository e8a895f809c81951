"""类别与时限: the office's own request categories and the days each one allows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import UserError
from app.requests.rules import MAX_CATEGORY_DAYS, categories, set_categories


class CategoriesDialog(QDialog):
    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Categories and time allowed"))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Days allowed")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for item in categories(database):
            self.add_row(item.name, item.days)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(lambda: self.add_row("", 5, edit=True))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The deadline of a new request is the day it is registered plus these days.")))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(360, 380)

    def add_row(self, name: str, days: int, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        spin = QSpinBox()
        spin.setRange(0, MAX_CATEGORY_DAYS)
        spin.setValue(days)
        self.table.setCellWidget(row, 1, spin)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def items(self) -> list[tuple[str, int]]:
        return [((self.table.item(row, 0).text() if self.table.item(row, 0) else ""), self.table.cellWidget(row, 1).value())
                for row in range(self.table.rowCount())]

    def accept(self) -> None:
        try:
            set_categories(self.database, self.items())
        except UserError as error:
            self.message.setText(error.message)
            return
        super().accept()
