"""The roster's questions to the user. Tests replace ``Ask`` methods, so no dialog ever blocks them."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors

translate = QCoreApplication.translate


# submit(deceased, on, reason) writes, or raises ValidationError / UserError to keep the dialog open.
Submit = Callable[[bool, str, str], None]


class MoveOutDialog(QDialog):
    """迁出 or 死亡, with a date and a reason; validated by the service in accept()."""

    def __init__(self, name: str, submit: Submit, parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(self.tr("Moved out or deceased: {name}").format(name=name))
        self.moved_out = QRadioButton(self.tr("Moved away"))
        self.deceased = QRadioButton(self.tr("Died"))
        self.moved_out.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.moved_out)
        group.addButton(self.deceased)
        kinds = QHBoxLayout()
        kinds.addWidget(self.moved_out)
        kinds.addWidget(self.deceased)
        kinds.addStretch(1)
        self.on = DateEdit(allow_empty=False)
        self.on.set_date(date.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. moved to 阅海 compound"))
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        form.addRow(self.tr("What happened"), kinds)
        form.addRow(self.tr("Date"), self.errors.add("left_on", self.on))
        form.addRow(self.tr("Reason"), self.errors.add("left_reason", FieldBox(self.reason)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The person leaves the active roster; the record and its history stay.")))
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        if not self.on.check():
            return
        try:
            self.submit(self.deceased.isChecked(), self.on.text(), self.reason.text())
        except ValidationError as error:
            box = self.errors.show_error(error)
            if box is not None:
                box.setFocus()
            return
        except UserError as error:
            self.errors.show({"": error.message})
            return
        super().accept()


class Ask:
    """Every question the roster asks. Replace a method in tests (monkeypatch.setattr)."""

    @classmethod
    def move_out(cls, parent: QWidget, name: str, submit: Submit) -> bool:
        return MoveOutDialog(name, submit, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def discard_changes(cls, parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent, translate("ResidentsDialogs", "Discard changes?"),
            translate("ResidentsDialogs", "The form has changes that were not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    @classmethod
    def confirm_remove(cls, parent: QWidget, name: str) -> bool:
        text = translate("ResidentsDialogs", "Remove {name} from the roster? The record is kept and marked removed (who and when); it can be restored from the Removed list.")
        answer = QMessageBox.question(
            parent, translate("ResidentsDialogs", "Remove from the roster"), text.format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def inform(cls, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def confirm_full_export(cls, parent: QWidget, count: int) -> bool:
        text = translate("ResidentsDialogs", "Export {count} residents with their full ID and phone numbers? Do this only when the office needs the full numbers; the export is recorded in the audit log (who, when, how many, where).")
        answer = QMessageBox.question(parent, translate("ResidentsDialogs", "Full numbers"), text.format(count=count),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def save_path(cls, parent: QWidget, title: str, suggested: str, name_filter: str) -> str | None:
        path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path or None

    @classmethod
    def done(cls, parent: QWidget, title: str, text: str, path: str | None = None) -> None:
        """Work finished; offers to open the file written (export, import report)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        open_button = box.addButton(translate("ResidentsDialogs", "Open the file"), QMessageBox.ButtonRole.ActionRole) if path else None
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if open_button is not None and box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
