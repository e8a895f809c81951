"""Small dialogs of the meetings tab. Each validates in accept() through the service call it is
given (messages shown at the fields, the dialog stays open), and has an ``ask()`` tests replace."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from app.errors import UserError, ValidationError
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors


class SubmitDialog(QDialog):
    def __init__(self, parent, title: str, submit: Callable):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.form = QFormLayout()
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def field(self, key: str, label: str, widget) -> None:
        box = widget if isinstance(widget, FieldBox) else FieldBox(widget)
        self.errors.add(key, box)
        self.form.addRow(label, box)

    def values(self) -> tuple:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.submit(*self.values())
        except ValidationError as error:
            self.errors.show_error(error)
            return
        except UserError as error:
            self.errors.show({"": error.message})
            return
        super().accept()


class CloseActionDialog(SubmitDialog):
    """Close an action item with what came of it and when (评事)."""

    def __init__(self, parent, description: str, submit: Callable[[str, date | None], None]):
        super().__init__(parent, self.tr("Close action item"), submit)
        about = QLabel(description)
        about.setWordWrap(True)
        self.form.addRow(self.tr("Action item"), about)
        self.result_edit = QPlainTextEdit()
        self.result_edit.setPlaceholderText(self.tr("What was done, e.g. 已施划停车位32个"))
        self.closed_on = DateEdit()
        self.closed_on.set_date(date.today())
        self.field("result", self.tr("Result"), self.result_edit)
        self.field("closed_on", self.tr("Done on"), self.closed_on)

    def values(self) -> tuple:
        return self.result_edit.toPlainText(), self.closed_on.value()

    @classmethod
    def ask(cls, parent, description: str, submit: Callable[[str, date | None], None]) -> bool:
        return cls(parent, description, submit).exec() == QDialog.DialogCode.Accepted


class AmendDialog(SubmitDialog):
    """更正: a dated correction to finalised minutes; it is printed with them, nothing is overwritten."""

    def __init__(self, parent, title: str, submit: Callable[[str, str, date | None, str], None], author: str = ""):
        super().__init__(parent, self.tr("Amend finalised minutes"), submit)
        note = QLabel(self.tr("The minutes of \"{title}\" are finalised. A correction is recorded with its date, "
                              "author and reason and printed in the 更正记录 section; the signed text is not changed.").format(title=title))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.text_edit = QPlainTextEdit()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(60)
        self.made_on = DateEdit()
        self.made_on.set_date(date.today())
        self.author = QLineEdit(author)
        self.field("text", self.tr("Correction"), self.text_edit)
        self.field("reason", self.tr("Reason"), self.reason_edit)
        self.field("made_on", self.tr("Date"), self.made_on)
        self.field("author", self.tr("Corrected by"), self.author)

    def values(self) -> tuple:
        return self.text_edit.toPlainText(), self.reason_edit.toPlainText(), self.made_on.value(), self.author.text().strip()

    @classmethod
    def ask(cls, parent, title: str, submit: Callable, author: str = "") -> bool:
        return cls(parent, title, submit, author).exec() == QDialog.DialogCode.Accepted
