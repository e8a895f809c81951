"""安全隐患排查: the form for one home check — where, when, who with hours, and the findings."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.repairs import safety, volunteers
from app.repairs.rules import FINDING_CATEGORIES, SEVERITIES
from app.residents import service as residents
from ui.repairs.parts import HoursTable, EditableTable, combo, set_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors
from ui.widgets.resident_picker import ResidentPicker


class FindingsTable(EditableTable):
    """Findings: category, severity, what, put right (and when), follow-up. Ids kept for edits."""

    def headers(self) -> list[str]:
        return [self.tr("Finding"), self.tr("Category"), self.tr("Severity"), self.tr("Put right"), self.tr("Follow-up")]

    def add_row(self, finding=None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        description = QLineEdit(finding.description if finding else "")
        description.setProperty("finding_id", finding.id if finding else None)
        category, severity = combo(FINDING_CATEGORIES), combo(SEVERITIES)
        set_combo(category, finding.category if finding else FINDING_CATEGORIES[0])
        set_combo(severity, finding.severity if finding else SEVERITIES[0])
        rectified = QCheckBox()
        rectified.setChecked(bool(finding and finding.rectified))
        rectified.setProperty("rectified_on", finding.rectified_on if finding else None)
        follow_up = QLineEdit(finding.follow_up if finding else "")
        for column, widget in enumerate((description, category, severity, rectified, follow_up)):
            self.table.setCellWidget(row, column, widget)

    def set_values(self, findings) -> None:
        self.clear_rows()
        for finding in findings:
            self.add_row(finding)

    def values(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            cell = self.table.cellWidget
            rectified = cell(row, 3).isChecked()
            result.append({"id": cell(row, 0).property("finding_id"), "description": cell(row, 0).text().strip(),
                           "category": cell(row, 1).currentData(), "severity": cell(row, 2).currentData(),
                           "rectified": rectified,
                           "rectified_on": (cell(row, 3).property("rectified_on") or date.today()) if rectified else None,
                           "follow_up": cell(row, 4).text().strip() or None})
        return result


class CheckForm(QDialog):
    def __init__(self, database, check_id: int | None = None, parent=None):
        super().__init__(parent)
        self.database = database
        self.check_id = check_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Home safety check") if check_id else self.tr("New home safety check"))
        general = QLabel()
        self.errors = FieldErrors(general)
        self.check_date = DateEdit(allow_empty=False)
        self.errors.add("check_date", self.check_date)
        self.resident = ResidentPicker(database, allow_anonymous=False)
        self.address = QLineEdit()
        self.resident.resident_picked.connect(
            lambda _i, row: self.address.setText(row.address) if row is not None and not self.address.text() else None)
        self.notes = QLineEdit()
        self.hours = HoursTable(volunteers.choices(database))
        self.findings = FindingsTable()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.check_date)
        form.addRow(self.tr("Resident"), self.errors.add("name", FieldBox(self.resident)))
        form.addRow(self.tr("Address"), self.errors.add("address", FieldBox(self.address)))
        form.addRow(self.tr("Notes"), self.errors.add("notes", FieldBox(self.notes)))
        people = QGroupBox(self.tr("Volunteers and hours (actual service, no travel)"))
        QVBoxLayout(people).addWidget(self.errors.add("volunteers", FieldBox(self.hours)))
        found = QGroupBox(self.tr("Findings"))
        QVBoxLayout(found).addWidget(self.errors.add("findings", FieldBox(self.findings)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(people)
        layout.addWidget(found, 1)
        layout.addWidget(general)
        layout.addWidget(buttons)
        self.resize(820, 620)
        if check_id is not None:
            self.load(safety.get_check(database, check_id)[0])
        else:
            self.check_date.set_date(date.today())

    def load(self, row) -> None:
        self.check_date.set_date(row.check_date)
        if row.resident_id:
            rows = residents.load_rows(self.database, [row.resident_id])
            self.resident.set_resident(row.resident_id, rows[0] if rows else None)
        self.resident.setText(row.name)
        self.address.setText(row.address)
        self.notes.setText(row.notes)
        self.hours.set_values([(v, m / 60, name) for v, name, m in row.volunteers])
        self.findings.set_values(row.findings)

    def values(self) -> dict:
        resident_id = self.resident.resident_id
        return {"check_date": self.check_date.value() if self.check_date.error() is None else self.check_date.text(),
                "resident_id": resident_id, "name": self.resident.typed_name() or (self.resident.text() if resident_id else None),
                "address": self.address.text().strip() or None, "notes": self.notes.text().strip() or None,
                "volunteers": self.hours.values(), "findings": self.findings.values()}

    def save(self) -> bool:
        self.errors.clear()
        return self.errors.attempt(self._save, "form")

    def _save(self) -> None:
        if self.check_id is None:
            self.saved_id = safety.create_check(self.database, self.values())
        else:
            safety.update_check(self.database, self.check_id, self.values())
            self.saved_id = self.check_id

    def accept(self) -> None:
        if self.save():
            super().accept()

    @classmethod
    def ask(cls, parent, database, check_id: int | None = None) -> int | None:
        form = cls(database, check_id, parent)
        return form.saved_id if form.exec() == QDialog.DialogCode.Accepted else None
