"""The resident form's fields: widgets in DOMAIN.md order, reading and filling them.

No behaviour beyond the fields themselves (form.py saves, derives and asks). ``read()`` gives the
service's form keys; a masked ID or phone that was not changed is left out, so it is never sent.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.residents.address import RoomAddress, format_room
from app.residents.validation import CHOICES, SUGGESTIONS
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors
from ui.widgets.tag_picker import TagChoice, TagPicker


class MaskedLine(QLineEdit):
    """Selects everything on focus while masked, so typing replaces the masked value."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.parent() is not None and getattr(self.parent(), "masked", False):
            QTimer.singleShot(0, self.selectAll)


class MaskedField(QWidget):
    """A value shown masked (640106********1234) with a button that reveals it, audited."""

    edited = Signal()
    reveal_requested = Signal()

    def __init__(self, reveal_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = MaskedLine(self)
        self.reveal_button = QPushButton(reveal_text)
        self.reveal_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.reveal_button)
        self.setFocusProxy(self.line)
        self._original: str | None = None
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        self.reveal_button.clicked.connect(self.reveal_requested.emit)
        self.set_plain("")

    @property
    def masked(self) -> bool:
        return self._original is not None and self.line.text() == self._original and "*" in self._original

    def set_masked(self, masked: str) -> None:
        """An existing value: shown masked; ``read`` leaves it out unless it is changed."""
        self._original = masked
        self.line.setText(masked)
        self.reveal_button.setVisible(bool(masked) and "*" in masked)
        self.reveal_button.setEnabled(True)

    def set_revealed(self, full: str) -> None:
        self._original = full
        self.line.setText(full)
        self.reveal_button.setEnabled(False)

    def set_plain(self, text: str) -> None:
        """A new record: nothing to mask, everything typed is sent."""
        self._original = None
        self.line.setText(text)
        self.reveal_button.hide()

    def value(self) -> str | None:
        """What to send: None when unchanged since it was loaded."""
        text = self.line.text().strip()
        return None if self._original is not None and text == self._original else text


def combo(choices, editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    box.addItems(["", *choices])
    if editable:
        box.lineEdit().setPlaceholderText("")
    return box


def combo_text(box: QComboBox) -> str:
    return box.currentText().strip()


def set_combo_text(box: QComboBox, text: str) -> None:
    if box.isEditable():
        box.setCurrentText(text)
        return
    position = box.findText(text)
    if position < 0 and text:
        box.addItem(text)  # an old value outside today's list still shows
        position = box.findText(text)
    box.setCurrentIndex(max(position, 0))


class ResidentFields(QWidget):
    """All the editable fields of one resident, in groups, each in a FieldBox for its messages."""

    TEXT_KEYS = ("name", "former_name", "registered_address", "grid", "household_number", "health", "employer")
    COMBO_KEYS = ("sex", "ethnicity", "compound", "relation_to_head", "residence_status", "person_type",
                  "political_status", "education", "marital_status")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.boxes: dict[str, FieldBox] = {}
        self._make_widgets()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general)
        layout.addWidget(self._identity_group())
        layout.addWidget(self._home_group())
        layout.addWidget(self._other_group())
        layout.addWidget(self._tags_group())

    def _make_widgets(self) -> None:
        self.name, self.former_name = QLineEdit(), QLineEdit()
        self.id_number = MaskedField(self.tr("Show full number"))
        self.id_number.line.setPlaceholderText(self.tr("18 characters; birth date and sex follow from it"))
        self.id_number.line.setMaxLength(24)
        self.id_number.line.setMinimumWidth(self.fontMetrics().horizontalAdvance("640106********12345") + 16)
        self.sex = combo(CHOICES["sex"])
        self.birth_date = DateEdit()
        self.age_label = QLabel()
        self.ethnicity = combo(SUGGESTIONS["ethnicity"], editable=True)
        self.phones = MaskedField(self.tr("Show full numbers"))
        self.phones.line.setPlaceholderText(self.tr("Several numbers separated by 、"))
        self.compound = combo((), editable=True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("3-2-401 or 3号楼2单元401室"))
        self.registered_address, self.grid, self.household_number = QLineEdit(), QLineEdit(), QLineEdit()
        self.relation_to_head = combo(SUGGESTIONS["relation_to_head"], editable=True)
        self.residence_status = combo(CHOICES["residence_status"])
        self.person_type = combo(CHOICES["person_type"])
        self.political_status = combo(SUGGESTIONS["political_status"], editable=True)
        self.education = combo(SUGGESTIONS["education"], editable=True)
        self.marital_status = combo(CHOICES["marital_status"])
        self.health, self.employer = QLineEdit(), QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.tags = TagPicker()
        self.tags.setMinimumHeight(150)

    def _box(self, key: str, widget: QWidget, border_target: QWidget | None = None) -> FieldBox:
        box = widget if isinstance(widget, FieldBox) else FieldBox(widget, border_target=border_target)
        self.boxes[key] = self.errors.add(key, box)
        return box

    def _group(self, title: str, rows: list[tuple[str, str, QWidget]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key, label, widget in rows:
            target = widget.line if isinstance(widget, MaskedField) else None
            form.addRow(label, self._box(key, widget, target))
        return group

    def _identity_group(self) -> QGroupBox:
        birth_row = QWidget()
        row = QHBoxLayout(birth_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._box("birth_date", self.birth_date), 1)
        row.addWidget(self.age_label)
        self.identity_group = group = self._group(self.tr("Identity"), [
            ("name", self.tr("Name"), self.name),
            ("former_name", self.tr("Former name"), self.former_name),
            ("id_number", self.tr("ID number"), self.id_number),
            ("sex", self.tr("Sex"), self.sex),
        ])
        group.layout().addRow(self.tr("Birth date"), birth_row)
        for key, label, widget in (("ethnicity", self.tr("Ethnicity"), self.ethnicity),
                                   ("phones", self.tr("Phone"), self.phones)):
            group.layout().addRow(label, self._box(key, widget, widget.line if isinstance(widget, MaskedField) else None))
        return group

    def add_under_id(self, widget: QWidget) -> None:
        """A widget right under the ID number (the form's "open the registered person" button)."""
        form: QFormLayout = self.identity_group.layout()
        row, _role = form.getWidgetPosition(self.boxes["id_number"])
        form.insertRow(row + 1, "", widget)

    def _home_group(self) -> QGroupBox:
        return self._group(self.tr("Home and household"), [
            ("compound", self.tr("Compound"), self.compound),
            ("address", self.tr("Home address"), self.address),
            ("grid", self.tr("Grid"), self.grid),
            ("household_number", self.tr("Household number"), self.household_number),
            ("relation_to_head", self.tr("Relation to head"), self.relation_to_head),
            ("registered_address", self.tr("Registered address"), self.registered_address),
            ("residence_status", self.tr("Residence status"), self.residence_status),
            ("person_type", self.tr("Resident type"), self.person_type),
        ])

    def _other_group(self) -> QGroupBox:
        return self._group(self.tr("Other"), [
            ("political_status", self.tr("Political status"), self.political_status),
            ("education", self.tr("Education"), self.education),
            ("marital_status", self.tr("Marital status"), self.marital_status),
            ("health", self.tr("Health"), self.health),
            ("employer", self.tr("Employer"), self.employer),
            ("notes", self.tr("Notes"), self.notes),
        ])

    def _tags_group(self) -> QGroupBox:
        return self._group(self.tr("Special groups"), [("tags", self.tr("Tags"), self.tags)])

    # --- values ------------------------------------------------------------------------------
    def set_compounds(self, compounds: list[str]) -> None:
        current = combo_text(self.compound)
        self.compound.clear()
        self.compound.addItems(["", *compounds])
        self.compound.setCurrentText(current)

    def set_tag_choices(self, tags) -> None:
        self.tags.set_choices([TagChoice(t.id, t.name, t.sensitive) for t in tags])

    def read(self) -> dict:
        data = {key: getattr(self, key).text().strip() for key in self.TEXT_KEYS}
        data.update({key: combo_text(getattr(self, key)) for key in self.COMBO_KEYS})
        data["address"] = self.address.text().strip()
        data["birth_date"] = self.birth_date.text().strip()
        data["notes"] = self.notes.toPlainText().strip()
        data["tags"] = self.tags.checked()
        for key in ("id_number", "phones"):
            value = getattr(self, key).value()
            if value is not None:
                data[key] = value
        return data

    def fill(self, detail) -> None:
        """Show one resident (``None``: an empty form for a new one)."""
        self.errors.clear()
        for key in self.TEXT_KEYS:
            getattr(self, key).setText(getattr(detail, key, "") if detail else "")
        for key in self.COMBO_KEYS:
            set_combo_text(getattr(self, key), getattr(detail, key, "") if detail else "")
        self.address.setText(_room_text(detail))
        self.birth_date.set_date(detail.birth_date if detail else None)
        self.notes.setPlainText(detail.notes if detail else "")
        self.tags.set_checked({t.tag_id: t.detail or None for t in detail.tags} if detail else {})
        if detail is None:
            self.id_number.set_plain("")
            self.phones.set_plain("")
        else:
            self.id_number.set_masked(detail.id_masked)
            self.phones.set_masked("、".join(detail.phones_masked))


def _room_text(detail) -> str:
    """The address without its compound (the compound has its own field): 3号楼2单元401室."""
    if detail is None or not detail.building:
        return ""
    return format_room(RoomAddress(detail.building, detail.unit, detail.room), with_compound=False)
