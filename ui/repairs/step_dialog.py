"""One step on a repair job (派单, 上门, 到店, 完成, 再约, 转介, 回访) with what it needs."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.repairs import workflow
from app.repairs.rules import FINISHED_OUTCOMES, SATISFACTION
from ui.repairs.parts import combo
from ui.widgets.field_errors import FieldBox, FieldErrors


class StepDialog(QDialog):
    def __init__(self, step: str, number: str, submit: Callable[[dict], None], parent=None):
        super().__init__(parent)
        self.step = step
        self.submit = submit
        self.setWindowTitle(self.tr("{step}: {number}").format(step=step, number=number))
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.outcome = combo(FINISHED_OUTCOMES)
        self.satisfaction = combo(SATISFACTION)
        self.appointment = QLineEdit()
        self.appointment.setPlaceholderText(self.tr("e.g. 2026-11-28 09:30"))
        self.note = QLineEdit()
        if step == workflow.DONE:
            form.addRow(self.tr("Outcome"), self.errors.add("outcome", FieldBox(self.outcome)))
        if step == workflow.FOLLOWED_UP:
            form.addRow(self.tr("Satisfaction"), self.errors.add("satisfaction", FieldBox(self.satisfaction)))
        if step in (workflow.DISPATCHED, workflow.REBOOK):
            form.addRow(self.tr("Appointment"), self.errors.add("appointment", FieldBox(self.appointment)))
        if step == workflow.REFER:
            self.note.setPlaceholderText(self.tr("To whom (e.g. the gas company)"))
        form.addRow(self.tr("Note"), self.errors.add("note", FieldBox(self.note)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(buttons)

    def values(self) -> dict:
        values: dict = {"note": self.note.text().strip() or None}
        if self.step == workflow.DONE:
            values["outcome"] = self.outcome.currentData()
        if self.step == workflow.FOLLOWED_UP:
            values["satisfaction"] = self.satisfaction.currentData()
        if self.step in (workflow.DISPATCHED, workflow.REBOOK) and self.appointment.text().strip():
            values["appointment"] = self.appointment.text().strip()
        return values

    def accept(self) -> None:
        self.errors.clear()
        if self.errors.attempt(lambda: self.submit(self.values()), "form"):
            super().accept()

    @classmethod
    def ask(cls, parent, step: str, number: str, submit: Callable[[dict], None]) -> bool:
        """Show the dialog; True when the step was taken. Tests replace this."""
        return cls(step, number, submit, parent).exec() == QDialog.DialogCode.Accepted
