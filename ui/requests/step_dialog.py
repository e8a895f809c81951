"""Asking for what one step needs: a note, the unit it goes to, a new deadline, the follow-up result.

The dialog validates in accept(): ``submit(values)`` runs the step; a ValidationError is shown at
its field and the dialog stays open with everything typed. Tests replace ``StepDialog.ask``.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.requests.rules import FOLLOW_UP_RESULTS
from app.requests.workflow import STEPS
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors


class StepDialog(QDialog):
    def __init__(self, parent, step: str, number: str, submit: Callable[[dict], None],
                 deadline: date | None = None, assignees: list[str] | None = None):
        super().__init__(parent)
        self.step = STEPS[step]
        self.submit = submit
        self.setWindowTitle(self.tr("{step}: {number}").format(step=step, number=number))
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.assignee = self.deadline = self.result_box = None
        if self.step.needs_assignee:
            self.assignee = QLineEdit()
            self.assignee_model = QStringListModel(assignees or [], self)
            completer = QCompleter(self.assignee_model, self.assignee)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.assignee.setCompleter(completer)
            form.addRow(self.tr("Assigned to"), self._box("assignee", self.assignee))
        if self.step.needs_deadline or self.step.takes_deadline:
            self.deadline = DateEdit(allow_empty=not self.step.needs_deadline)
            if deadline is not None:
                self.deadline.set_date(deadline)
            form.addRow(self.tr("Deadline"), self._box("deadline", self.deadline))
        if self.step.needs_result:
            self.result_box = QComboBox()
            self.result_box.addItems(FOLLOW_UP_RESULTS)
            form.addRow(self.tr("Follow-up result"), self._box("result", self.result_box))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(80)
        label = self.tr("Note (required)") if self.step.needs_note else self.tr("Note")
        form.addRow(label, self._box("note", self.note))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        heading = QLabel(self.tr("{step}: {number}").format(step=step, number=number))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def _box(self, key: str, widget) -> FieldBox:
        box = widget if isinstance(widget, FieldBox) else FieldBox(widget)
        self.errors.add(key, box)
        return box

    def values(self) -> dict:
        values = {"note": self.note.toPlainText()}
        if self.assignee is not None:
            values["assignee"] = self.assignee.text()
        if self.deadline is not None:
            values["deadline"] = self.deadline.value()
        if self.result_box is not None:
            values["result"] = self.result_box.currentText()
        return values

    def accept(self) -> None:
        if self.deadline is not None and self.deadline.error():
            self.errors.show({"deadline": self.deadline.error()})
            return
        if self.errors.attempt(lambda: self.submit(self.values())):
            super().accept()

    @classmethod
    def ask(cls, parent, step: str, number: str, submit: Callable[[dict], None], deadline: date | None = None,
            assignees: list[str] | None = None) -> bool:
        """Show the dialog; True when the step was taken."""
        return cls(parent, step, number, submit, deadline, assignees).exec() == QDialog.DialogCode.Accepted
