"""The meeting editor: header, attendance, agenda items (discussion, vote, resolution, action items)
and the review list of earlier meetings' open action items (定期评事). Finalised minutes open read-only."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.meetings.actions import review_items
from app.meetings.kinds import KINDS, number_label
from app.meetings.rows import MeetingDraft
from app.meetings.service import save_meeting
from ui.meetings.actions_panel import ActionsPanel
from ui.meetings.agenda import AgendaEditor
from ui.meetings.attendance import AttendanceEditor
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldBox, FieldErrors

CLOCK = re.compile(r"^(\d{1,2})[:：.](\d{2})$")
HEADER_KEYS = ("kind", "title", "session_label", "held_on", "starts_at", "ends_at", "place", "chair", "recorder")


class MeetingEditor(QDialog):
    def __init__(self, database, draft: MeetingDraft, parent=None, search=None):
        super().__init__(parent)
        self.database = database
        self.draft = draft
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Meeting minutes") if draft.id else self.tr("New meeting"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #8d4b00; padding: 6px;")
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._header_page(), self.tr("Header"))
        self.attendance = AttendanceEditor(database, search=search)
        self.tabs.addTab(self.attendance, self.tr("Attendance"))
        self.agenda = AgendaEditor(database, self.counts)
        self.tabs.addTab(self.agenda, self.tr("Agenda items"))
        self.review = ActionsPanel(database, self._review_rows, self.tr(
            "Action items of earlier meetings still open on this meeting's date: review them and close those that are done."),
            meeting_id=lambda: self.draft.id)
        self.tabs.addTab(self.review, self.tr("Review (定期评事)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.attendance.changed.connect(self.agenda.form.update_vote_check)
        self.kind.currentIndexChanged.connect(self.agenda.form.update_vote_check)
        self.held_on.date_changed.connect(lambda _d: self.review.refresh())
        self.resize(1100, 760)
        self.load(draft)

    # --- building ---------------------------------------------------------------------------
    def _box(self, key: str, widget) -> FieldBox:
        box = widget if isinstance(widget, FieldBox) else FieldBox(widget)
        return self.errors.add(key, box)

    def _header_page(self) -> QWidget:
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.title = QLineEdit()
        self.session_label = QLineEdit()
        self.session_label.setPlaceholderText(self.tr("e.g. 第三届第五次"))
        self.held_on = DateEdit(allow_empty=False)
        self.starts_at, self.ends_at = QLineEdit(), QLineEdit()
        for edit in (self.starts_at, self.ends_at):
            edit.setPlaceholderText("09:30")
            edit.setMaximumWidth(90)
        self.place, self.chair, self.recorder = QLineEdit(), QLineEdit(), QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(90)
        times = QHBoxLayout()
        times.addWidget(self._box("starts_at", self.starts_at))
        times.addWidget(QLabel("—"))
        times.addWidget(self._box("ends_at", self.ends_at))
        times.addStretch(1)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Kind"), self._box("kind", self.kind))
        form.addRow(self.tr("Name of the meeting"), self._box("title", self.title))
        form.addRow(self.tr("Session (届次)"), self._box("session_label", self.session_label))
        form.addRow(self.tr("Date"), self._box("held_on", self.held_on))
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Place"), self._box("place", self.place))
        form.addRow(self.tr("Chair"), self._box("chair", self.chair))
        form.addRow(self.tr("Recorder"), self._box("recorder", self.recorder))
        form.addRow(self.tr("Other matters"), self.notes)
        return page

    # --- state ------------------------------------------------------------------------------
    def counts(self) -> tuple[str, int, int, list]:
        people = self.attendance.attendees()
        present = sum(p.role == "present" for p in people)
        absent = sum(p.role == "absent" for p in people)
        return self.kind.currentText(), present + absent, present, people

    def _review_rows(self) -> list:
        held_on = self.held_on.value()
        if held_on is None:
            return []
        if self.draft.id is not None:
            return review_items(self.database, self.draft.id)
        return review_items(self.database, None, held_on)

    def load(self, draft: MeetingDraft) -> None:
        self.draft = draft
        self.kind.setCurrentIndex(max(0, self.kind.findText(draft.kind)))
        for key in ("title", "session_label", "place", "chair", "recorder"):
            getattr(self, key).setText(getattr(draft, key))
        self.held_on.set_date(draft.held_on)
        self.starts_at.setText(draft.starts_at.strftime("%H:%M") if draft.starts_at else "")
        self.ends_at.setText(draft.ends_at.strftime("%H:%M") if draft.ends_at else "")
        self.notes.setPlainText(draft.notes)
        self.attendance.set_attendees(draft.attendees)
        self.agenda.set_items(draft.agenda)
        self.review.refresh()
        self._set_finalised(draft)

    def _set_finalised(self, draft: MeetingDraft) -> None:
        final = draft.finalized
        self.banner.setVisible(final)
        if final:
            self.banner.setText(self.tr("Finalised on {date} by {name}. The signed minutes can no longer be edited; "
                                        "use Amend to record a dated correction.").format(
                date=draft.finalized_at.strftime("%Y-%m-%d %H:%M"), name=draft.finalized_by))
        for widget in (self.kind, self.title, self.session_label, self.held_on, self.starts_at, self.ends_at,
                       self.place, self.chair, self.recorder, self.notes):
            widget.setEnabled(not final)
        self.attendance.set_read_only(final)
        self.agenda.set_read_only(final)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(not final)

    def _clock(self, key: str, edit: QLineEdit, errors: dict) -> time | None:
        text = edit.text().strip()
        if not text:
            return None
        match = CLOCK.match(text)
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return time(int(match.group(1)), int(match.group(2)))
        errors[key] = self.tr("Write the time like 09:30")
        return None

    def collect(self) -> MeetingDraft:
        errors: dict[str, str] = {}
        if self.held_on.error():
            errors["held_on"] = self.held_on.error()
        d = self.draft
        draft = MeetingDraft(
            id=d.id, number=d.number, is_demo=d.is_demo, kind=self.kind.currentText(), title=self.title.text(),
            session_label=self.session_label.text(), held_on=self.held_on.value(),
            starts_at=self._clock("starts_at", self.starts_at, errors), ends_at=self._clock("ends_at", self.ends_at, errors),
            place=self.place.text(), chair=self.chair.text(), recorder=self.recorder.text(),
            notes=self.notes.toPlainText(), attendees=self.attendance.attendees(), agenda=self.agenda.drafts())
        if errors:
            raise ValidationError(errors)
        return draft

    # --- saving -----------------------------------------------------------------------------
    def describe_key(self, key: str) -> str:
        parts = key.split(".")
        if parts[0] == "attendees":
            return self.tr("Attendance row {n}").format(n=int(parts[1]) + 1)
        if parts[0] == "agenda":
            return self.tr("Agenda item {n}").format(n=number_label(int(parts[1]) + 1))
        return ""

    def show_errors(self, error: ValidationError) -> None:
        placed = {k: v for k, v in error.errors.items() if k in HEADER_KEYS}
        others = {k: f"{self.describe_key(k)}：{v}" for k, v in error.errors.items() if k not in HEADER_KEYS}
        self.errors.show({**placed, **{f"~{k}": v for k, v in others.items()}})
        first = next(iter(error.errors))
        self.tabs.setCurrentIndex(0 if first in HEADER_KEYS else 1 if first.startswith("attendees") else 2)
        if first.startswith("agenda."):
            self.agenda.select(int(first.split(".")[1]))

    def save(self) -> bool:
        try:
            draft = self.collect()
            result = save_meeting(self.database, draft)
        except ValidationError as error:
            self.show_errors(error)
            return False
        self.saved_id = result.id
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    @classmethod
    def edit(cls, database, draft: MeetingDraft, parent=None) -> int | None:
        """Show the editor; the id of the saved meeting, or None when cancelled."""
        dialog = cls(database, draft, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
