"""Pieces shared by the repair forms: volunteers with hours, materials, and small helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.repairs.rules import PAID_BY


def combo(items, blank: str | None = None, editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    if blank is not None:
        box.addItem(blank, None)
    for item in items:
        text, value = item if isinstance(item, tuple) else (item, item)
        box.addItem(text, value)
    return box


def set_combo(box: QComboBox, value) -> None:
    index = box.findData(value)
    if index < 0 and box.isEditable() and value:
        box.setEditText(str(value))
        return
    box.setCurrentIndex(max(index, 0))


def combo_value(box: QComboBox):
    if box.isEditable():
        text = box.currentText().strip()
        return text or None
    return box.currentData()


class EditableTable(QWidget):
    """A small table with Add / Remove buttons; subclasses say what a row holds."""

    edited = Signal()
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(96)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(lambda: (self.add_row(), self.edited.emit()))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def headers(self) -> list[str]:
        return []

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def clear_rows(self) -> None:
        self.table.setRowCount(0)


class HoursTable(EditableTable):
    """Volunteers and the hours of actual service each gave (no travel)."""

    def __init__(self, choices: list[tuple[int, str]], parent=None):
        self.choices = choices
        super().__init__(parent)
        self.table.setColumnWidth(1, 110)
        self.table.setToolTip(self.tr("Hours of actual service only, travel not included."))

    def headers(self) -> list[str]:
        return [self.tr("Volunteer"), self.tr("Hours")]

    def set_choices(self, choices: list[tuple[int, str]]) -> None:
        self.choices = choices

    def add_row(self, volunteer_id: int | None = None, hours: float = 1.0, label: str | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        box = combo([(label, volunteer) for volunteer, label in self.choices])
        if volunteer_id is not None and box.findData(volunteer_id) < 0:
            box.addItem(label or str(volunteer_id), volunteer_id)  # inactive now, but served then
        set_combo(box, volunteer_id if volunteer_id is not None else (self.choices[0][0] if self.choices else None))
        box.currentIndexChanged.connect(lambda _i: self.edited.emit())
        spin = QDoubleSpinBox()
        spin.setRange(0, 24)
        spin.setSingleStep(0.5)
        spin.setDecimals(2)
        spin.setSuffix(self.tr(" h"))
        spin.setValue(hours)
        spin.valueChanged.connect(lambda _v: self.edited.emit())
        self.table.setCellWidget(row, 0, box)
        self.table.setCellWidget(row, 1, spin)

    def set_values(self, rows: list[tuple[int, float, str]]) -> None:
        """[(volunteer id, hours, label)]"""
        self.clear_rows()
        for volunteer_id, hours, label in rows:
            self.add_row(volunteer_id, hours, label)

    def values(self) -> list[tuple[int, float]]:
        result = []
        for row in range(self.table.rowCount()):
            volunteer_id = self.table.cellWidget(row, 0).currentData()
            if volunteer_id is not None:
                result.append((volunteer_id, self.table.cellWidget(row, 1).value()))
        return result


class MaterialsTable(EditableTable):
    """Materials × quantity and who paid (无偿 / 材料自付)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        for column, width in ((1, 70), (2, 50), (3, 90)):
            self.table.setColumnWidth(column, width)

    def headers(self) -> list[str]:
        return [self.tr("Material"), self.tr("Quantity"), self.tr("Unit"), self.tr("Paid by")]

    def add_row(self, name: str = "", quantity: float = 1.0, unit: str = "", paid_by: str = PAID_BY[0]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_edit, unit_edit = QLineEdit(name), QLineEdit(unit)
        unit_edit.setMaximumWidth(50)
        spin = QDoubleSpinBox()
        spin.setRange(0.01, 99999)
        spin.setValue(quantity)
        paid = combo(PAID_BY)
        set_combo(paid, paid_by)
        for signal in (name_edit.textEdited, unit_edit.textEdited, spin.valueChanged, paid.currentIndexChanged):
            signal.connect(lambda *_a: self.edited.emit())
        for column, widget in enumerate((name_edit, spin, unit_edit, paid)):
            self.table.setCellWidget(row, column, widget)

    def set_values(self, materials) -> None:
        self.clear_rows()
        for m in materials:
            self.add_row(m.name, m.quantity, m.unit, m.paid_by)

    def values(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            cell = self.table.cellWidget
            name = cell(row, 0).text().strip()
            if name:
                result.append({"name": name, "quantity": cell(row, 1).value(), "unit": cell(row, 2).text().strip() or None,
                               "paid_by": cell(row, 3).currentData()})
        return result


def note_label_style() -> str:
    return "color: #c62828; font-weight: bold;"


ALIGN_TOP = Qt.AlignmentFlag.AlignTop
