"""The counter's intake form, built for the keyboard.

Tab order: requester (type, Down, Enter) → [phone → address, only for someone not on the roster]
→ channel → [12345 work order number, only for 12345转办] → category → content → deadline (filled
from the category until edited) → "solved on the spot" → assignee (or, when solved, the answer
given) → Save. Ctrl+S saves from anywhere in the form; Esc clears it (asking first when something
was typed). After a save the form is empty again and the cursor back in the requester field.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.requests import service
from app.requests.rules import CHANNELS, categories, default_deadline
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors
from ui.widgets.resident_picker import ANONYMOUS, RESIDENT, ResidentPicker

HOTLINE = "12345转办"


class IntakeForm(QWidget):
    saved = Signal(object)  # the RequestRow just registered

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.table = categories(database)
        self._deadline_touched = False
        self._dirty = False
        self._build()
        self._connect()
        self.clear()

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = ResidentPicker(self.database)
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.channel = QComboBox()
        self.channel.addItems(CHANNELS)
        self.external = QLineEdit()
        self.external.setPlaceholderText(self.tr("12345 work order number"))
        self.category = QComboBox()
        self.category.addItems([c.name for c in self.table])
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("What the resident asks for, in their words"))
        self.content.setMinimumHeight(72)
        self.deadline = DateEdit(allow_empty=False)
        self.solved = QCheckBox(self.tr("Solved on the spot"))
        self.assignee = QLineEdit()
        self.assignee.setPlaceholderText(self.tr("Unit or person it goes to (optional)"))
        self.assignee_model = QStringListModel(self)
        self.assignee_completer = QCompleter(self.assignee_model, self.assignee)
        self.assignee_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.assignee.setCompleter(self.assignee_completer)
        self.handling = QLineEdit()
        self.handling.setPlaceholderText(self.tr("The answer given (optional)"))
        self.save_button = QPushButton(self.tr("Register (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.clear_button = QPushButton(self.tr("Clear (Esc)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self._layout()

    def _box(self, key: str, widget: QWidget, *more_keys: str) -> FieldBox:
        box = widget if isinstance(widget, FieldBox) else FieldBox(widget)
        for name in (key, *more_keys):
            self.errors.add(name, box)
        return box

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Requester"), self._box("resident", self.picker, "name"))
        form.addRow(self.tr("Phone"), self._box("phone", self.phone))
        form.addRow(self.tr("Address"), self._box("address", self.address))
        form.addRow(self.tr("Channel"), self._box("channel", self.channel))
        self.external_box = self._box("external_number", self.external)
        form.addRow(self.tr("Work order"), self.external_box)
        form.addRow(self.tr("Category"), self._box("category", self.category))
        form.addRow(self.tr("Content"), self._box("content", self.content))
        form.addRow(self.tr("Deadline"), self._box("deadline", self.deadline))
        form.addRow("", self.solved)
        self.assignee_box = self._box("assignee", self.assignee)
        form.addRow(self.tr("Assigned to"), self.assignee_box)
        self.handling_box = self._box("handling", self.handling)
        form.addRow(self.tr("Answer"), self.handling_box)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        order = (self.picker, self.phone, self.address, self.channel, self.external, self.category, self.content,
                 self.deadline.line, self.solved, self.assignee, self.handling, self.save_button, self.clear_button)
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.picker.resident_picked.connect(self._on_resident)
        self.picker.anonymous_chosen.connect(lambda: self._roster_fields(None))
        self.picker.unlisted_chosen.connect(lambda _name: self._roster_fields(None))
        self.picker.choice_cleared.connect(lambda: self._roster_fields(None))
        self.channel.currentTextChanged.connect(self._on_channel)
        self.category.currentTextChanged.connect(self._on_category)
        self.deadline.edited.connect(self._on_deadline_edited)
        self.solved.toggled.connect(self._on_solved)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.ask_clear)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.ask_clear)
        for signal in (self.picker.textEdited, self.phone.textEdited, self.address.textEdited, self.external.textEdited,
                       self.content.textChanged, self.assignee.textEdited, self.handling.textEdited, self.deadline.edited):
            signal.connect(self._mark_dirty)

    # --- reactions ---------------------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _roster_fields(self, row) -> None:
        """A roster resident brings their phone and address: those fields show it and Tab skips them."""
        on_roster = row is not None
        for field, value in ((self.phone, row.phones_masked if on_roster else ""), (self.address, row.address if on_roster else "")):
            field.clear()
            field.setPlaceholderText(self.tr("From the roster: {value}").format(value=value) if on_roster and value else "")
            field.setFocusPolicy(Qt.FocusPolicy.ClickFocus if on_roster else Qt.FocusPolicy.StrongFocus)
        self._dirty = True

    def _on_resident(self, _resident_id: int, row) -> None:
        self._roster_fields(row)

    def _on_channel(self, channel: str) -> None:
        self.form.setRowVisible(self.external_box, channel == HOTLINE)

    def _on_category(self, category: str) -> None:
        if not self._deadline_touched:
            self.deadline.set_date(default_deadline(category, datetime.now(), self.table))

    def _on_deadline_edited(self) -> None:
        self._deadline_touched = True

    def _on_solved(self, solved: bool) -> None:
        self.form.setRowVisible(self.assignee_box, not solved)
        self.form.setRowVisible(self.handling_box, solved)
        self._dirty = True

    # --- actions -----------------------------------------------------------------------------
    def refresh_lists(self) -> None:
        """Categories and assignee suggestions may have changed (settings, other saves)."""
        self.table = categories(self.database)
        current = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems([c.name for c in self.table])
        self.category.setCurrentText(current)
        self.category.blockSignals(False)
        self.assignee_model.setStringList(service.recent_assignees(self.database))

    def focus_first(self) -> None:
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def prefill_resident(self, resident_id: int, row) -> None:
        self.picker.set_resident(resident_id, row)

    def data(self) -> dict:
        data = {
            "channel": self.channel.currentText(), "category": self.category.currentText(),
            "content": self.content.toPlainText(), "deadline": self.deadline.value(),
            "phone": self.phone.text(), "address": self.address.text(),
            "solved_on_spot": self.solved.isChecked(),
            "assignee": "" if self.solved.isChecked() else self.assignee.text(),
            "handling": self.handling.text() if self.solved.isChecked() else "",
            "external_number": self.external.text() if self.channel.currentText() == HOTLINE else "",
        }
        if self.picker.mode == RESIDENT:
            data["resident_id"] = self.picker.resident_id
        elif self.picker.mode != ANONYMOUS:
            data["name"] = self.picker.typed_name()
        return data

    def save(self) -> bool:
        self.errors.clear()
        typed = self.picker.text().strip()
        if not self.picker.mode and typed and typed.isascii():  # "zxl" is a search, not a name
            self.errors.show({"resident": self.tr("Pick a resident from the list, or choose anonymous or not on the roster.")})
            self.picker.setFocus()
            return False
        problem = self.deadline.error()
        if problem:
            self.errors.show({"deadline": problem})
            self.deadline.setFocus()
            return False
        try:
            row = service.create(self.database, self.data())
        except ValidationError as error:
            box = self.errors.show_error(error)
            if box is not None:
                box.setFocus()
            return False
        except UserError as error:
            self.errors.show({"": error.message})
            return False
        self.clear()
        self.status.setText(self.tr("Registered {number}: {name}, {category}.").format(
            number=row.number, name=row.requester, category=row.category))
        self.saved.emit(row)
        return True

    @classmethod
    def confirm_discard(cls, parent) -> bool:
        """Replaced in tests: a modal question must never block them."""
        answer = QMessageBox.question(parent, QCoreApplication.translate("IntakeForm", "Clear the form"),
                                      QCoreApplication.translate("IntakeForm", "Discard what was typed?"))
        return answer == QMessageBox.StandardButton.Yes

    def ask_clear(self) -> None:
        if self.picker.popup_visible():
            self.picker.popup().hide()
            return
        if self._dirty and not type(self).confirm_discard(self):
            return
        self.clear()
        self.status.clear()

    def clear(self) -> None:
        self.errors.clear()
        self.picker.clear_choice()
        self._roster_fields(None)
        self.external.clear()
        self.channel.setCurrentIndex(0)
        self._on_channel(self.channel.currentText())
        self.content.clear()
        self.solved.setChecked(False)
        self._on_solved(False)
        self.assignee.clear()
        self.handling.clear()
        self._deadline_touched = False
        self.category.setCurrentIndex(0)
        self._on_category(self.category.currentText())
        self._dirty = False
        self.focus_first()
