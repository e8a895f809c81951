"""便民维修登记: the form for a new or existing repair job.

Who (a roster resident, or a typed name and address), the item, category and fault, the
appointment, the volunteers with their hours, the materials and who paid, the outcome and the
resident's satisfaction. Choosing 燃气 shows that gas is referral only and leaves 转介 as the only
outcome. Saving validates in ``accept()``: field messages appear beside the fields and nothing
typed is lost. A job opened from a request is linked to it when saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.repairs import service, volunteers
from app.repairs.rules import CATEGORIES, GAS, ITEMS, MODES, OUTCOMES, REFERRED, SATISFACTION
from app.residents import service as residents
from ui.repairs.models import moment_text
from ui.repairs.parts import HoursTable, MaterialsTable, combo, combo_value, note_label_style, set_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors
from ui.widgets.resident_picker import ResidentPicker


class JobForm(QDialog):
    def __init__(self, database, job_id: int | None = None, prefill: dict | None = None, parent=None):
        super().__init__(parent)
        self.database = database
        self.job_id = job_id
        self.saved_id: int | None = None
        self.from_request = (prefill or {}).get("from_request")
        self.setWindowTitle(self.tr("Repair job") if job_id else self.tr("New repair job"))
        self._build()
        if job_id is not None:
            self.load(service.job_detail(database, job_id))
        else:
            self.job_date.set_date(date.today())
            self.prefill(prefill or {})
        self._category_changed()

    # --- building ----------------------------------------------------------------------------
    def _box(self, key: str, widget: QWidget) -> FieldBox:
        return self.errors.add(key, FieldBox(widget))

    def _build(self) -> None:
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.number = QLabel(self.tr("(given when saved)"))
        self.origin = QLabel()
        self.origin.setStyleSheet("color: #1d4ed8;")
        self.job_date = DateEdit(allow_empty=False)
        self.errors.add("job_date", self.job_date)
        self.resident = ResidentPicker(self.database, allow_anonymous=False)
        self.resident.resident_picked.connect(self._resident_picked)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Empty: the roster's number"))
        self.address = QLineEdit()
        self.item = combo(ITEMS, editable=True)
        self.item.setCurrentIndex(-1)
        self.category = combo(CATEGORIES, blank=self.tr("— choose —"))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.gas_note = QLabel(self.tr("Gas repairs can only be referred to a licensed gas company; the only outcome is referral (转介)."))
        self.gas_note.setWordWrap(True)
        self.gas_note.setStyleSheet(note_label_style())
        self.fault = QPlainTextEdit()
        self.fault.setMaximumHeight(60)
        self.appointment = QLineEdit()
        self.appointment.setPlaceholderText(self.tr("e.g. 2026-11-28 09:30"))
        self.mode = combo(MODES, blank=self.tr("—"))
        self.hours = HoursTable(volunteers.choices(self.database))
        self.materials = MaterialsTable()
        self.outcome = combo(OUTCOMES, blank=self.tr("— not yet —"))
        self.result_note = QLineEdit()
        self.result_note.setPlaceholderText(self.tr("What was done, or to whom it was referred"))
        self.satisfaction = combo(SATISFACTION, blank=self.tr("— not yet —"))
        self.notes = QLineEdit()
        self._layout()

    def _layout(self) -> None:
        who = QFormLayout()
        who.addRow(self.tr("Job number"), self.number)
        who.addRow("", self.origin)
        who.addRow(self.tr("Date"), self.job_date)
        who.addRow(self.tr("Resident"), self._box("name", self.resident))
        who.addRow(self.tr("Phone"), self._box("phone", self.phone))
        who.addRow(self.tr("Address"), self._box("address", self.address))
        what = QFormLayout()
        what.addRow(self.tr("Item"), self._box("item", self.item))
        what.addRow(self.tr("Category"), self._box("category", self.category))
        what.addRow("", self.gas_note)
        what.addRow(self.tr("Fault"), self._box("fault", self.fault))
        what.addRow(self.tr("Appointment"), self._box("appointment", self.appointment))
        what.addRow(self.tr("Service mode"), self._box("service_mode", self.mode))
        top = QGridLayout()
        top.addLayout(who, 0, 0)
        top.addLayout(what, 0, 1)
        people = QGroupBox(self.tr("Volunteers and hours (actual service, no travel)"))
        QVBoxLayout(people).addWidget(self._box("volunteers", self.hours))
        stuff = QGroupBox(self.tr("Materials"))
        QVBoxLayout(stuff).addWidget(self._box("materials", self.materials))
        middle = QHBoxLayout()
        middle.addWidget(people, 1)
        middle.addWidget(stuff, 1)
        result = QFormLayout()
        result.addRow(self.tr("Outcome"), self._box("outcome", self.outcome))
        result.addRow(self.tr("What was done"), self._box("result_note", self.result_note))
        result.addRow(self.tr("Satisfaction"), self._box("satisfaction", self.satisfaction))
        result.addRow(self.tr("Notes"), self._box("notes", self.notes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(result)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(900, 640)

    # --- filling -----------------------------------------------------------------------------
    def prefill(self, payload: dict) -> None:
        resident_id = payload.get("resident_id")
        if resident_id:
            rows = residents.load_rows(self.database, [int(resident_id)])
            if rows:
                self.resident.set_resident(rows[0].id, rows[0])
        elif payload.get("name"):
            self.resident.setText(payload["name"])
        if payload.get("address"):
            self.address.setText(payload["address"])
        content = payload.get("content") or payload.get("fault")
        if content:
            self.fault.setPlainText(content)
        if self.from_request:
            number = payload.get("request_number") or f"#{self.from_request}"
            self.origin.setText(self.tr("From request {number}; saving links the job to it.").format(number=number))

    def load(self, detail) -> None:
        row = detail.row
        self.number.setText(row.number)
        self.job_date.set_date(row.job_date)
        if row.resident_id:
            rows = residents.load_rows(self.database, [row.resident_id])
            self.resident.set_resident(row.resident_id, rows[0] if rows else None)
        self.resident.setText(row.name)
        self.phone.setPlaceholderText(row.phone_masked or self.tr("Empty: the roster's number"))
        self.address.setText(row.address)
        set_combo(self.item, row.item)
        set_combo(self.category, row.category)
        self.fault.setPlainText(row.fault)
        self.appointment.setText(moment_text(row.appointment))
        set_combo(self.mode, row.service_mode or None)
        self.hours.set_values([(v.volunteer_id, v.minutes / 60, f"{v.number} {v.name}") for v in row.volunteers])
        self.materials.set_values(row.materials)
        set_combo(self.outcome, row.outcome or None)
        self.result_note.setText(row.result_note)
        set_combo(self.satisfaction, row.satisfaction or None)
        self.notes.setText(detail.notes)

    def _resident_picked(self, _resident_id: int, row) -> None:
        if row is not None and not self.address.text().strip():
            self.address.setText(row.address)

    def _category_changed(self, *_args) -> None:
        gas = self.category.currentData() == GAS
        self.gas_note.setVisible(gas)
        model = self.outcome.model()
        for index in range(self.outcome.count()):
            value = self.outcome.itemData(index)
            model.item(index).setEnabled(not gas or value in (None, REFERRED))
        if gas and self.outcome.currentData() not in (None, REFERRED):
            set_combo(self.outcome, None)

    # --- saving ------------------------------------------------------------------------------
    def values(self) -> dict:
        resident_id = self.resident.resident_id
        return {
            "job_date": self.job_date.value() if self.job_date.error() is None else self.job_date.text(),
            "resident_id": resident_id, "name": self.resident.typed_name() or (self.resident.text() if resident_id else None),
            "phone": self.phone.text().strip() or None, "address": self.address.text().strip() or None,
            "item": combo_value(self.item), "category": self.category.currentData(),
            "fault": self.fault.toPlainText().strip() or None, "appointment": self.appointment.text().strip() or None,
            "service_mode": self.mode.currentData(), "volunteers": self.hours.values(), "materials": self.materials.values(),
            "outcome": self.outcome.currentData(), "result_note": self.result_note.text().strip() or None,
            "satisfaction": self.satisfaction.currentData(), "notes": self.notes.text().strip() or None,
            "from_request": self.from_request,
        }

    def save(self) -> bool:
        """Validate and save; on a problem show it and keep everything typed. True when saved."""
        self.errors.clear()
        return self.errors.attempt(self._save, "form", focus=True)

    def _save(self) -> None:
        if self.job_id is None:
            self.saved_id = service.create_job(self.database, self.values())
        else:
            service.update_job(self.database, self.job_id, self.values())
            self.saved_id = self.job_id

    def accept(self) -> None:
        if self.save():
            super().accept()

    @classmethod
    def ask(cls, parent, database, job_id: int | None = None, prefill: dict | None = None) -> int | None:
        """Show the form; the saved job's id, or None when cancelled. Tests replace this."""
        form = cls(database, job_id, prefill, parent)
        return form.saved_id if form.exec() == QDialog.DialogCode.Accepted else None


def confirm(parent, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
