"""The resident panel beside the roster: one person's record, edited in place.

A side panel rather than a dialog: at the counter the secretary looks people up while they stand
there; the list, the search and the open record stay in view together, the arrow keys move
through the results and the panel follows (unless it holds unsaved changes), and nothing modal
hides the roster or blocks the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.residents import service
from app.residents.idcard import check_id
from app.residents.validation import DuplicateResident, id_warnings
from ui.residents.fields import ResidentFields
from ui.widgets.field_errors import ERROR, WARNING

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate


def status_line(detail) -> str:
    if detail is None:
        return translate("ResidentForm", "Not yet saved")
    parts = []
    if detail.removed_at is not None:
        removed = translate("ResidentForm", "Removed on {date} by {who}")
        parts.append(removed.format(date=detail.removed_at.strftime("%Y-%m-%d %H:%M"), who=detail.removed_by or "—"))
    if detail.status == "moved_out":
        parts.append(translate("ResidentForm", "Moved out on {date}").format(date=_day(detail.left_on)))
    elif detail.status == "deceased":
        parts.append(translate("ResidentForm", "Deceased on {date}").format(date=_day(detail.left_on)))
    elif detail.removed_at is None:
        parts.append(translate("ResidentForm", "On the roster"))
    if detail.left_reason:
        parts.append(detail.left_reason)
    if detail.is_demo:
        parts.append(translate("ResidentForm", "demo data"))
    return " · ".join(parts)


def _day(value) -> str:
    return value.isoformat() if value else "—"


def member_text(member) -> str:
    age = translate("ResidentForm", "{age} yrs").format(age=member.age) if member.age is not None else ""
    relation = member.relation_to_head or ("户主" if member.is_head else "")
    gone = {"moved_out": translate("ResidentForm", "moved out"), "deceased": translate("ResidentForm", "deceased")}
    state = translate("ResidentForm", "removed") if member.removed else gone.get(member.status, "")
    return "　".join(p for p in (member.name, relation, member.sex, age, state) if p)


class ResidentForm(QWidget):
    saved = Signal(int, bool)  # resident id, created
    open_requested = Signal(int)  # another person (household member, duplicate) should be shown
    close_requested = Signal()

    def __init__(self, database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.detail = None
        self._snapshot: dict = {}
        self.duplicate_id: int | None = None
        self.last_saved_keys: set[str] = set()
        self._filling = False
        self.fields = ResidentFields()
        self._build()
        self._connect()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("residentTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5f6b7a;")
        self.duplicate_button = QPushButton(translate("ResidentForm", "Open the person already registered"))
        self.duplicate_button.hide()
        self.members_label = QLabel(translate("ResidentForm", "Others in the household"))
        self.members = QListWidget()
        self.fields.add_under_id(self.duplicate_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 4, 0)
        body_layout.addWidget(self.fields)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(translate("ResidentForm", "Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.cancel_button = QPushButton(translate("ResidentForm", "Cancel"))
        self.cancel_button.setToolTip("Esc")
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        self.action_box = QWidget()
        self.action_row = QHBoxLayout(self.action_box)
        self.action_row.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.action_box)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        return row

    def add_actions(self, actions) -> None:
        """The tab's record actions (迁出/死亡, 移除, 恢复) as buttons under the form."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setVisible(action.isVisible())
            action.changed.connect(lambda b=button, a=action: b.setVisible(a.isVisible()))
            self.action_row.addWidget(button)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.close_requested.emit)
        self.duplicate_button.clicked.connect(lambda: self.open_requested.emit(self.duplicate_id))
        self.members.itemActivated.connect(lambda item: self.open_requested.emit(item.data(MEMBER_ID_ROLE)))
        f = self.fields
        f.id_number.line.textEdited.connect(self._on_id_typed)
        f.id_number.line.editingFinished.connect(self._check_id_shape)
        f.id_number.reveal_requested.connect(lambda: self._reveal("id"))
        f.phones.reveal_requested.connect(lambda: self._reveal("phones"))
        f.birth_date.date_changed.connect(lambda _value: self._show_identity_warnings())
        f.sex.currentTextChanged.connect(lambda _text: self._show_identity_warnings())  # after FieldBox clears
        f.name.textEdited.connect(self._update_title)

    # --- state -------------------------------------------------------------------------------
    @property
    def resident_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None

    @property
    def is_new(self) -> bool:
        return self.detail is None

    def changes(self) -> dict:
        """Form keys whose value differs from what was loaded (all filled ones for a new record)."""
        now = self.fields.read()
        if self.is_new:
            return {k: v for k, v in now.items() if v not in ("", None, {})}
        changed = {k: v for k, v in now.items() if v != self._snapshot.get(k)}
        if "address" in changed or "compound" in changed:
            changed["address"], changed["compound"] = now["address"], now["compound"]
        return changed

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def start_new(self) -> None:
        self._show(None)
        self.focus_first()

    def show_resident(self, resident_id: int) -> bool:
        detail = service.get_detail(self.database, resident_id)
        if detail is None:
            return False
        self._show(detail)
        return True

    def _show(self, detail) -> None:
        self.detail = detail
        self.duplicate_id = None
        self.duplicate_button.hide()
        self._filling = True
        try:
            self.fields.fill(detail)
        finally:
            self._filling = False
        self.fields.setEnabled(detail is None or detail.removed_at is None)
        self.action_box.setVisible(detail is not None)  # nothing to move out or remove yet
        self.save_button.setEnabled(detail is None or detail.removed_at is None)
        self._show_members(detail)
        self._update_title()
        self.status.setText(status_line(detail))
        self._snapshot = self.fields.read()
        if detail is not None and detail.warnings:
            self.fields.errors.show({}, detail.warnings)
        self._update_age()

    def _show_members(self, detail) -> None:
        self.members.clear()
        members = detail.members if detail is not None else ()
        for member in members:
            item = QListWidgetItem(member_text(member))
            item.setData(MEMBER_ID_ROLE, member.id)
            if member.removed or member.status != "active":
                item.setForeground(QColor("#8a8f98"))
            self.members.addItem(item)
        number = detail.household_number if detail is not None else ""
        label = translate("ResidentForm", "Others in household {number}").format(number=number) if number else \
            translate("ResidentForm", "Others in the household")
        self.members_label.setText(label)
        self.members_label.setVisible(bool(members))
        self.members.setVisible(bool(members))
        rows = min(len(members), 5)
        if rows:
            frame = 2 * self.members.frameWidth()
            self.members.setFixedHeight(rows * self.members.sizeHintForRow(0) + frame + 2)

    def _update_title(self, *_args) -> None:
        name = self.fields.name.text().strip()
        self.title.setText(name or translate("ResidentForm", "New resident"))

    def _update_age(self) -> None:
        detail = self.detail
        age = detail.age if detail is not None and detail.birth_date == self.fields.birth_date.value() else None
        self.fields.age_label.setText(translate("ResidentForm", "{age} yrs").format(age=age) if age is not None else "")

    def focus_first(self) -> None:
        self.fields.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fields.name.selectAll()
        self.scroll.ensureWidgetVisible(self.fields.name)

    # --- the ID number: derive birth date and sex, warn when they disagree --------------------
    def _typed_id(self):
        value = self.fields.id_number.value()
        return check_id(value) if value else None

    def _on_id_typed(self, _text: str) -> None:
        check = self._typed_id()
        if check is None or not check.ok:
            return
        f = self.fields
        if not f.birth_date.text().strip():
            f.birth_date.set_date(check.birth_date)
        if not f.sex.currentText().strip():
            f.sex.setCurrentText(check.sex)
        self._show_identity_warnings()

    def _check_id_shape(self) -> None:
        check = self._typed_id()
        if check is not None and not check.ok:
            self.fields.boxes["id_number"].show_message(check.error, ERROR)

    def _show_identity_warnings(self) -> None:
        if self._filling:
            return
        check = self._typed_id()
        if check is None or not check.ok:
            return
        f = self.fields
        warnings = id_warnings(check.normalized, f.birth_date.value(), f.sex.currentText().strip() or None)
        for key in ("birth_date", "sex"):
            box = f.boxes[key]
            if key in warnings:
                box.show_message(warnings[key], WARNING)
            elif box.state == WARNING:
                box.clear_message()
        self._update_age()

    def _reveal(self, what: str) -> None:
        if self.resident_id is None:
            return
        if what == "id":
            self.fields.id_number.set_revealed(service.reveal_id(self.database, self.resident_id))
        else:
            self.fields.phones.set_revealed(service.reveal_phones(self.database, self.resident_id))
        self._snapshot = {**self._snapshot, **{k: v for k, v in self.fields.read().items() if k in ("id_number", "phones")}}

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the form; on a problem show it at the fields and keep everything typed."""
        changes = self.changes()
        if not self.is_new and not changes:
            return True
        try:
            if self.is_new:
                resident_id, created = service.create(self.database, changes), True
            else:
                service.update(self.database, self.resident_id, changes)
                resident_id, created = self.resident_id, False
        except ValidationError as error:
            self._show_problem(error)
            return False
        except UserError as error:
            self.fields.errors.show({"": error.message})
            return False
        self.last_saved_keys = set(changes)
        self.show_resident(resident_id)
        self.status.setText(translate("ResidentForm", "Saved.") + " " + self.status.text())
        self.saved.emit(resident_id, created)
        return True

    def _show_problem(self, error: ValidationError) -> None:
        first = self.fields.errors.show_error(error)
        self.duplicate_id = getattr(error, "existing_id", None) if isinstance(error, DuplicateResident) else None
        self.duplicate_button.setVisible(self.duplicate_id is not None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(first)
